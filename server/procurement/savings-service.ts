// consolidationSavings: the licences of an overlap, or of a whole capability, priced by the formula in
// savings.ts. Every figure is commercial: a side's cost is shown when the caller may see that
// organisation's figures, anything spanning the scope only when it may see every organisation's.
import type { Licence } from "../../generated/prisma/client.ts";
import type { Context } from "../shared/context.ts";
import { InputError, NotFoundError } from "../shared/errors.ts";
import { toGlobalId } from "../shared/ids.ts";
import { today } from "./arith.ts";
import { DEFAULT_HORIZON_YEARS, NPV_CONVENTION } from "./npv.ts";
import {
  CONSOLIDATION_FORMULA,
  noRecommendationBecause,
  ROUNDING_RULE,
  type Candidate,
} from "./savings.ts";
import {
  findOverlap,
  leadTimeOf,
  overlapPlan,
  planSummary,
  savingsContext,
  seatCounts,
  suiteCoverViews,
  bridgeView,
  viewer,
  type OverlapPlan,
} from "./service.ts";
import { isWithin } from "../catalogue/taxonomy.ts";
import { loadSnapshot, productJobCodes, productLabel, type ProcurementSnapshot } from "./snapshot.ts";

/** What consolidationSavings is asked. */
export interface SavingsArgs {
  overlapId?: string | null;
  capability?: string | null;
  organisations?: readonly string[] | null;
  asOf?: Date | null;
  /** Which date to price (default BEST: the better of now and the natural date by NPV). */
  timing?: "BEST" | "NOW" | "NATURAL" | null;
  /** NPV horizon in years (default 5). */
  horizonYears?: number | null;
  /** Months from asOf to the earliest consolidation date (default 6). */
  leadTimeMonths?: number | null;
}

function candidateView(c: Candidate, snapshot: ProcurementSnapshot) {
  const org = (id: string) => snapshot.organisationById.get(id)!;
  const lic = (ids: string[]) => ids.map((id) => toGlobalId("Licence", id));
  return {
    ...c,
    product: snapshot.productById.get(c.productId)!,
    seatsBySide: c.seatsBySide.map((s) => ({ ...s, licenceIds: lic(s.licenceIds) })),
    keptLicenceIds: lic(c.keptLicenceIds),
    bridges: c.bridges.map((b) => bridgeView(b, snapshot)),
    exits: c.exits.map((e) => ({ ...e, organisation: org(e.organisationId), licenceIds: lic(e.licenceIds) })),
    timings: c.timings.map((t) => ({
      ...t,
      exits: t.exits.map((e) => ({
        ...e,
        organisation: org(e.organisationId),
        licenceIds: lic(e.licenceIds),
      })),
    })),
    licenceIds: lic(c.licenceIds),
    contractIds: c.contractIds.map((id) => toGlobalId("Contract", id)),
  };
}

/** Σ the retirements' savings + the recommended consolidation's: the overlaps table's figure (null when hidden or when nothing saves). */
function planSaving(plan: OverlapPlan, shown: boolean): bigint | null {
  if (!shown || (plan.covered.length === 0 && !plan.best)) return null;
  return plan.covered.reduce((s, c) => s + c.exact!.saving, plan.best?.annualSaving ?? 0n);
}

/**
 * The saving of consolidating an overlap (by id) or a capability onto one product and contract. A
 * contract-only overlap has no licences, so it has no sides and no candidates.
 */
export async function consolidationSavings(ctx: Context, args: SavingsArgs) {
  if (args.capability != null && !args.capability.trim())
    throw new InputError("capability", "is empty: give a taxonomy code, or leave capability out.");
  if (args.overlapId != null && !args.overlapId.trim())
    throw new InputError("overlapId", "is empty: give an overlap ID, or leave overlapId out.");
  const overlapId = args.overlapId?.trim() || null;
  const capability = args.capability?.trim().toUpperCase() || null;
  if (!overlapId === !capability)
    throw new InputError("overlapId", "give either overlapId or capability (exactly one).");
  const horizonYears = args.horizonYears ?? DEFAULT_HORIZON_YEARS;
  if (!Number.isInteger(horizonYears) || horizonYears < 1 || horizonYears > 30)
    throw new InputError(
      "horizonYears",
      "must be a whole number of years from 1 to 30 (the Green Book's 3.5% applies to the first 30).",
    );
  const leadTimeMonths = leadTimeOf(args.leadTimeMonths);
  const snapshot = await loadSnapshot(ctx.prisma, args.organisations);
  const asOf = args.asOf ?? today();
  let licences: Licence[];
  let scope: string[] = []; // the organisations the answer spans (an overlap's, even without licences)
  if (overlapId) {
    const o = findOverlap(snapshot, overlapId, "overlapId", asOf);
    if (!o) throw new NotFoundError("overlapId", `no overlap ${overlapId} among these organisations.`);
    // A contract-only overlap has no licences: nothing to price per seat, so no candidate (its
    // contracts, end dates and co-termination are on licenceOverlap).
    licences = o.sides.flatMap((s) => s.licences);
    scope = o.sides.map((s) => s.organisationId);
  } else {
    if (!snapshot.capabilityByCode.has(capability!))
      throw new NotFoundError("capability", `no capability or job ${capability} in the taxonomy.`);
    licences = snapshot.licences.filter((l) =>
      productJobCodes(snapshot, l.productId).some((j) => isWithin(j, capability!)),
    );
    if (licences.length === 0)
      throw new NotFoundError("capability", `no active licence does a job within ${capability}.`);
  }
  const code0 = (l: Licence) => snapshot.organisationById.get(l.organisationId)?.code ?? "";
  licences = [...licences].sort((a, b) =>
    code0(a) < code0(b) ? -1 : code0(a) > code0(b) ? 1 : a.id < b.id ? -1 : 1,
  );
  const { visible, hiddenFor } = viewer(ctx, snapshot);
  const sctx = savingsContext(ctx, snapshot, asOf, args.timing ?? "BEST", leadTimeMonths, horizonYears);
  // The same plan as the overlaps table's recommendation: suites already owned retire point products
  // first, and only the rest is consolidated.
  const plan = overlapPlan(licences, snapshot.licences, sctx);
  const candidates = plan.candidates;
  const because = noRecommendationBecause(candidates, (id) => productLabel(snapshot, id));
  const views = candidates.map((c) => candidateView(c, snapshot));
  const hidden = hiddenFor([...scope, ...licences.map((l) => l.organisationId)]);
  const byOrg = new Map<string, Licence[]>();
  for (const l of licences) byOrg.set(l.organisationId, [...(byOrg.get(l.organisationId) ?? []), l]);
  const sides = [...byOrg.entries()]
    .map(([orgId, ls]) => ({
      organisation: snapshot.organisationById.get(orgId)!,
      licences: ls,
      currentAnnualCost: visible(orgId) ? ls.reduce((s, l) => s + l.annualCostPence, 0n) : null,
      valuesVisible: visible(orgId),
      seats: seatCounts(ls),
      licenceIds: ls.map((l) => toGlobalId("Licence", l.id)),
    }))
    .sort((a, b) => (a.organisation.code < b.organisation.code ? -1 : 1));
  return {
    overlapId,
    capabilityCode:
      capability ?? (overlapId ? findOverlap(snapshot, overlapId, "overlapId", asOf)!.capabilityCode : null),
    asOf,
    sides,
    currentAnnualCost: hidden.length ? null : licences.reduce((s, l) => s + l.annualCostPence, 0n),
    valuesVisible: hidden.length === 0,
    hiddenFor: hidden,
    candidates: views,
    recommended: views.find((c) => c.recommended) ?? null,
    coveredBySuite: suiteCoverViews(plan.covered, snapshot),
    annualSaving: planSaving(plan, hidden.length === 0),
    summary: planSummary(plan, sctx, hidden.length === 0),
    noRecommendationBecause: because,
    leadTimeMonths,
    horizonYears,
    discounting: NPV_CONVENTION,
    formula: CONSOLIDATION_FORMULA,
    rounding: ROUNDING_RULE,
  };
}
