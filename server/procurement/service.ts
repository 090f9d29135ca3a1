// Licence overlaps as the API returns them: detected on a snapshot (overlaps.ts), priced from licence
// costs, with their contracts and co-termination. Every figure is commercial: a side's cost is shown
// when the caller may see that organisation's commercial figures, a total only when it may see every
// side's; overlaps are never ordered or filtered by a figure the caller may not see.
import type {
  Contract,
  Licence,
  LicenceMetric,
  Organisation,
  Product,
} from "../../generated/prisma/client.ts";
import type { Context } from "../shared/context.ts";
import { commercialVisible } from "../shared/authz.ts";
import { InputError, NotFoundError } from "../shared/errors.ts";
import { isUuid, toGlobalId } from "../shared/ids.ts";
import { isWithin } from "../catalogue/taxonomy.ts";
import { addMonths, gbp, isoDate, today } from "./arith.ts";
import { contractLines, cotermination, wholeContractLine, type CotermResult } from "./coterm.ts";
import {
  detectOverlaps,
  parseOverlapId,
  unlicensedContractsByJob,
  type OverlapKind,
  type OverlapModel,
} from "./overlaps.ts";
import { loadSnapshot, productJobCodes, productLabel, type ProcurementSnapshot } from "./snapshot.ts";
import {
  consolidationCandidates,
  DEFAULT_LEAD_TIME_MONTHS,
  noRecommendationBecause,
  type BridgeLine,
  type Candidate,
  type SavingsContext,
} from "./savings.ts";
import { suiteCoveredLicences, type SuiteCoverLine } from "./suite-cover.ts";
import { bridgeWarning } from "./bridge.ts";
import { DEFAULT_HORIZON_YEARS } from "./npv.ts";
import { overlapTotals, TOTALS_METHOD } from "./totals.ts";

/** Seats of one metric. */
export interface SeatCount {
  metric: LicenceMetric;
  owned: number;
  used: number;
}

/** Seats owned and used per metric, in metric order. */
export function seatCounts(licences: readonly Licence[]): SeatCount[] {
  const map = new Map<LicenceMetric, SeatCount>();
  for (const l of licences) {
    const s = map.get(l.metric) ?? { metric: l.metric, owned: 0, used: 0 };
    s.owned += l.quantityOwned;
    s.used += l.quantityUsed;
    map.set(l.metric, s);
  }
  return [...map.values()].sort((a, b) => (a.metric < b.metric ? -1 : 1));
}

/** What the caller may see, for pure modules. */
export interface Viewer {
  /** Whether the caller may see `organisationId`'s commercial figures (commercialVisible). */
  visible: (organisationId: string) => boolean;
  /** The organisation's code. */
  code: (organisationId: string) => string;
  /** Codes of the organisations among `organisationIds` whose figures are hidden, sorted, each once. */
  hiddenFor: (organisationIds: Iterable<string>) => string[];
}

/** The caller's view of a snapshot's organisations. */
export function viewer(ctx: Context, snapshot: ProcurementSnapshot): Viewer {
  const visible = (organisationId: string) => commercialVisible(ctx.actor, organisationId);
  const code = (organisationId: string) =>
    snapshot.organisationById.get(organisationId)?.code ?? organisationId;
  return {
    visible,
    code,
    hiddenFor: (ids) => [...new Set([...ids].filter((id) => !visible(id)).map(code))].sort(),
  };
}

const sum = (licences: readonly Licence[]) => licences.reduce((s, l) => s + l.annualCostPence, 0n);
const gids = (type: "Licence" | "Contract", ids: Iterable<string>) =>
  [...ids].map((id) => toGlobalId(type, id));

/** Co-termination as the API returns it. */
export function cotermView(result: CotermResult, snapshot: ProcurementSnapshot) {
  return {
    ...result,
    lines: result.lines.map((l) => ({
      ...l,
      organisation: snapshot.organisationById.get(l.organisationId)!,
      licenceIds: gids("Licence", l.licenceIds),
    })),
  };
}

/**
 * The co-termination of one overlap: its licences' contracts, extended at the licences' cost, and for a
 * contract-only overlap its contracts, extended whole at their annual value. Aligning is a cost.
 */
export function overlapCotermination(ctx: Context, snapshot: ProcurementSnapshot, o: OverlapModel) {
  return cotermView(overlapCotermRaw(ctx, snapshot, o), snapshot);
}

/** overlapCotermination before ids become global (the totals dedupe its lines by contract and licence). */
export function overlapCotermRaw(ctx: Context, snapshot: ProcurementSnapshot, o: OverlapModel): CotermResult {
  const { visible, code } = viewer(ctx, snapshot);
  const groups = [
    ...contractLines(
      o.sides.flatMap((s) => s.licences),
      snapshot.contractById,
    ),
    ...o.sides.flatMap((s) => s.contracts.map(wholeContractLine)),
  ].sort((a, b) => (a.contract.reference < b.contract.reference ? -1 : 1));
  return cotermination(o.id, groups, visible, code);
}

/** Σ known annual values of `contracts` (null when none is recorded), and how many have none. */
function contractsAnnualValue(contracts: readonly Contract[]): { total: bigint | null; unknown: number } {
  const known = contracts.filter((c) => c.annualValuePence !== null);
  return {
    total: known.length ? known.reduce((s, c) => s + c.annualValuePence!, 0n) : null,
    unknown: contracts.length - known.length,
  };
}

const byEnd = (a: Contract, b: Contract) =>
  (a.endDate?.getTime() ?? Infinity) - (b.endDate?.getTime() ?? Infinity) ||
  (a.reference < b.reference ? -1 : 1);

/** What an overlap's recommendation puts into the totals: one consolidation, or one retired point product. */
export interface SavingItem {
  overlapId: string;
  kind: "CONSOLIDATION" | "SUITE_COVER";
  /** Quotable, or priced from a licence too small to be evidence (needs a supplier quote). */
  needsQuote: boolean;
  /** A contract ends before the move and its extension's price needs the supplier's agreement. */
  needsExtension: boolean;
  /** A contract that moves has passed its notice deadline (leaving at its end needs the supplier's agreement). */
  noticePassed: boolean;
  /** The target contract ends before the move: it needs renewing. */
  targetRenewal: boolean;
  /** Contracts extended to the move: the annual cost of the item's licences under each, and the days to the move. */
  bridges: { contractId: string; days: number; annualBasis: bigint }[];
  /** Licences whose cost the item changes: each may be saved once in a total. */
  licenceIds: string[];
  saving: bigint;
  exit: bigint | null;
  npv: bigint | null;
  /** Each organisation's share of `saving`, by organisation id. */
  shares: Map<string, bigint>;
}

/** The status of an overlap's recommendation. */
export type SavingStatus = "RECOMMENDED" | "NEEDS_QUOTE" | "NO_SAVING";

/** The pricing context of an overlap's licences (savings.ts SavingsContext) for the caller. */
export function savingsContext(
  ctx: Context,
  snapshot: ProcurementSnapshot,
  asOf: Date,
  timing: "BEST" | "NOW" | "NATURAL",
  leadTimeMonths: number,
  horizonYears: number = DEFAULT_HORIZON_YEARS,
): SavingsContext {
  const { visible, code, hiddenFor } = viewer(ctx, snapshot);
  return {
    contractById: snapshot.contractById,
    asOf,
    visible,
    code,
    hiddenFor,
    label: (id: string) => productLabel(snapshot, id),
    jobsOf: (id: string) => productJobCodes(snapshot, id),
    timing,
    horizonYears,
    leadTimeMonths,
  };
}

/** What an overlap's licences come to: the point products suites already owned retire, then the consolidation of the rest. */
export interface OverlapPlan {
  covered: SuiteCoverLine[];
  /** Candidates for the licences no suite retires (savings.ts), cheapest first. */
  candidates: Candidate[];
  /** The recommended candidate, if any. */
  best: Candidate | null;
}

/**
 * The one plan both the overlaps table (recommendedSaving) and the detail (consolidationSavings) show:
 * first every point product retired because its organisation already holds a suite doing its job
 * (suite-cover.ts, suites looked for among `held`), then the candidates for what is left (savings.ts).
 */
export function overlapPlan(licences: readonly Licence[], held: readonly Licence[], sctx: SavingsContext): OverlapPlan {
  const covered = suiteCoveredLicences(licences, held, sctx);
  const retired = new Set(covered.map((c) => c.licence.id));
  const candidates = consolidationCandidates(
    licences.filter((l) => !retired.has(l.id)),
    sctx,
  );
  return { covered, candidates, best: candidates.find((c) => c.recommended) ?? null };
}

/**
 * The headline recommendation in words, the same on the overlaps table, its CSV and the detail: each
 * retirement (a point product a suite already owned covers) with its date, and the consolidation when
 * one is recommended. Figures are left out when `shown` is false.
 */
export function planSummary(plan: OverlapPlan, sctx: SavingsContext, shown: boolean): string {
  const parts = plan.covered.map(
    (c) =>
      `retire ${sctx.code(c.organisationId)} ${sctx.label(c.licence.productId)}${c.contract ? ` (${c.contract.reference})` : ""} — covered by ${sctx.label(c.suiteProductId)} it already owns — ${c.timing === "NOW" ? "at the earliest date" : "at its contract's end"}, ${isoDate(c.date)}` +
      (shown && c.annualSaving !== null ? `, saving ${gbp(c.annualSaving)} a year` : ""),
  );
  const b = plan.best;
  if (b)
    parts.push(
      `consolidate onto ${sctx.label(b.productId)}${b.targetContract ? ` (${b.targetContract.reference})` : ""} ${b.chosenTiming === "NOW" ? "at the earliest date" : "when the contracts that move end"}, ${isoDate(b.consolidationDate)}` +
        (shown && b.annualSaving !== null ? `, saving ${gbp(b.annualSaving)} a year` : "") +
        (b.priceNeedsQuote ? " (the price needs a supplier quote)" : ""),
    );
  else if (plan.candidates.length && plan.covered.length)
    parts.push("no consolidation of the rest (it would not save money)");
  if (parts.length === 0)
    return plan.candidates.length
      ? shown
        ? `Not recommended: ${noRecommendationBecause(plan.candidates, sctx.label) ?? "no saving"}`
        : "Nothing can be recommended without the figures (they are hidden from you)."
      : "Nothing can move: no product here does every job of another, and no suite already owned covers one.";
  const text = parts.join("; ");
  return text[0]!.toUpperCase() + text.slice(1) + ".";
}

/**
 * The recommendation of a licence overlap on `asOf` (overlapPlan), each item timed by NPV over the
 * default horizon. Null for CONTRACTS_ONLY, when nothing can move, or when any figure in scope is hidden
 * from the caller (a recommendation would reveal it). When only retirements save money, no consolidation
 * target is named (product, consolidationSaving and targetContract are null) and the reason says why the
 * consolidation of the rest is not recommended.
 */
export function recommendedSaving(
  ctx: Context,
  snapshot: ProcurementSnapshot,
  o: OverlapModel,
  asOf: Date,
  timing: "BEST" | "NOW" | "NATURAL" = "BEST",
  leadTimeMonths: number = DEFAULT_LEAD_TIME_MONTHS,
) {
  if (o.kind === "CONTRACTS_ONLY") return null;
  const sctx = savingsContext(ctx, snapshot, asOf, timing, leadTimeMonths);
  if (sctx.hiddenFor(o.sides.map((s) => s.organisationId)).length) return null;
  const codeOf = (l: Licence) => sctx.code(l.organisationId);
  const licences = o.sides
    .flatMap((s) => s.licences)
    .sort((a, b) => (codeOf(a) < codeOf(b) ? -1 : codeOf(a) > codeOf(b) ? 1 : a.id < b.id ? -1 : 1));
  const plan = overlapPlan(licences, snapshot.licences, sctx);
  const { covered, candidates, best } = plan;
  // The target named: the recommended one; when nothing saves money at all, the cheapest considered
  // (NO_SAVING says what it would cost). Never a target that is not recommended beside retirements.
  const top = best ?? (covered.length ? null : (candidates[0] ?? null));
  if (!top && covered.length === 0) return null;
  const items: SavingItem[] = covered.map((c) => ({
    overlapId: o.id,
    kind: "SUITE_COVER",
    needsQuote: false,
    needsExtension: c.needsExtension,
    noticePassed: c.noticePassed,
    targetRenewal: false,
    bridges: c.bridge ? [{ contractId: c.bridge.contract.id, days: c.bridge.days, annualBasis: c.exact!.saving }] : [],
    licenceIds: [c.licence.id],
    saving: c.exact!.saving,
    exit: c.exact!.exit,
    npv: c.exact!.npv,
    shares: new Map([[c.organisationId, c.exact!.saving]]),
  }));
  if (best)
    items.push({
      overlapId: o.id,
      kind: "CONSOLIDATION",
      needsQuote: best.priceNeedsQuote,
      needsExtension: best.needsExtension,
      noticePassed: best.noticePassed.length > 0,
      targetRenewal: best.targetRenewalNeededBy !== null,
      bridges: best.bridges.map((b) => ({
        contractId: b.contract.id,
        days: b.days,
        annualBasis: best.licenceIds.reduce((s, id) => {
          const l = snapshot.licences.find((x) => x.id === id);
          return l && l.contractId === b.contract.id ? s + l.annualCostPence : s;
        }, 0n),
      })),
      licenceIds: best.licenceIds,
      saving: best.annualSaving!,
      exit: best.exitCost,
      npv: best.npv,
      shares: new Map(best.savingBySide.map((s) => [s.organisationId, s.annualSaving!])),
    });
  const status: SavingStatus =
    items.length === 0 ? "NO_SAVING" : best?.priceNeedsQuote && covered.length === 0 ? "NEEDS_QUOTE" : "RECOMMENDED";
  const sumOf = (f: (i: SavingItem) => bigint | null) =>
    items.some((i) => f(i) === null) ? null : items.reduce((s, i) => s + f(i)!, 0n);
  const shares = new Map<string, bigint>();
  for (const i of items) for (const [org, v] of i.shares) shares.set(org, (shares.get(org) ?? 0n) + v);
  const reasons: string[] = [];
  if (!best && candidates.length) reasons.push(`Consolidation: ${noRecommendationBecause(candidates, sctx.label)}`);
  if (best?.quoteBecause) reasons.push(`Price needs a supplier quote: ${best.quoteBecause}.`);
  // Suite retirements only: the date is the last retirement's (everything has moved by then).
  const lastCover = [...covered].sort((a, b) => b.date.getTime() - a.date.getTime())[0];
  return {
    status,
    reason: reasons.length ? reasons.join(" ") : null,
    summary: planSummary(plan, sctx, true),
    product: top ? (snapshot.productById.get(top.productId) as Product) : null,
    annualSaving: items.length ? sumOf((i) => i.saving) : (top?.annualSaving ?? null),
    consolidationSaving: top?.annualSaving ?? null,
    timing: top?.chosenTiming ?? lastCover!.timing,
    date: top?.consolidationDate ?? lastCover!.date,
    earliestDate: addMonths(asOf, leadTimeMonths),
    exitCost: items.length ? sumOf((i) => i.exit) : (top?.exitCost ?? null),
    npv: items.length ? sumOf((i) => i.npv) : (top?.npv ?? null),
    horizonYears: DEFAULT_HORIZON_YEARS,
    seatsNeeded: top?.seatsNeeded ?? null,
    targetSeatsToday: top?.targetSeatsToday ?? null,
    targetContract: top?.targetContract ?? null,
    targetRenewalNeededBy: top?.targetRenewalNeededBy ?? null,
    bySide: [...shares.entries()]
      .map(([orgId, v]) => ({ organisation: snapshot.organisationById.get(orgId)!, annualSaving: v }))
      .sort((a, b) => (a.organisation.code < b.organisation.code ? -1 : 1)),
    coveredBySuite: suiteCoverViews(covered, snapshot),
    warnings: [
      ...covered.flatMap((c) =>
        c.noticePassed && c.contract
          ? [
              `contract ${c.contract.reference} (${sctx.code(c.organisationId)}): its notice deadline has passed, so retiring ${sctx.label(c.licence.productId)} at its end (${isoDate(c.contract.endDate!)}) needs the supplier's agreement.`,
            ]
          : [],
      ),
      ...covered.flatMap((c) => (c.bridge ? [bridgeWarning(c.bridge, sctx.code(c.organisationId))] : [])),
      ...(top?.problems ?? []),
    ],
    extensions: [...covered.flatMap((c) => (c.bridge ? [c.bridge] : [])), ...(best?.bridges ?? [])].map((b) =>
      bridgeView(b, snapshot),
    ),
    needsExtension: items.some((i) => i.needsExtension),
    noticePassed: items.some((i) => i.noticePassed),
    /** For totals (not in the schema). */
    items,
  };
}

/** A bridge as the API returns it (ContractExtensionNeeded). */
export function bridgeView(b: BridgeLine, snapshot: ProcurementSnapshot) {
  return { ...b, organisation: snapshot.organisationById.get(b.organisationId)!, extendTo: b.to };
}

/** Suite-cover lines as the API returns them. */
export function suiteCoverViews(covered: readonly SuiteCoverLine[], snapshot: ProcurementSnapshot) {
  return covered.map((c) => ({
    ...c,
    bridge: c.bridge ? bridgeView(c.bridge, snapshot) : null,
    organisation: snapshot.organisationById.get(c.organisationId)!,
    product: snapshot.productById.get(c.licence.productId)!,
    suite: snapshot.productById.get(c.suiteProductId)!,
    suiteLicenceIds: gids("Licence", c.suiteLicenceIds),
  }));
}

/** An overlap as the API returns it, with contracts live on `asOf`. */
export function overlapView(
  ctx: Context,
  snapshot: ProcurementSnapshot,
  o: OverlapModel,
  asOf: Date,
  timing: "BEST" | "NOW" | "NATURAL" = "BEST",
  leadTimeMonths: number = DEFAULT_LEAD_TIME_MONTHS,
) {
  const { visible, hiddenFor } = viewer(ctx, snapshot);
  const product = (id: string) => snapshot.productById.get(id) as Product;
  const rel = unlicensedContractsByJob(snapshot, asOf);
  const contractOnly = o.kind === "CONTRACTS_ONLY";
  const sides = o.sides.map((s) => {
    const contracts = contractOnly
      ? [...s.contracts].sort(byEnd)
      : [...new Set(s.licences.map((l) => l.contractId).filter((c): c is string => !!c))]
          .map((id) => snapshot.contractById.get(id))
          .filter((c): c is Contract => !!c)
          .sort(byEnd);
    const values = contractsAnnualValue(contracts);
    const shown = visible(s.organisationId);
    return {
      organisation: snapshot.organisationById.get(s.organisationId) as Organisation,
      products: s.productIds.map(product),
      licences: s.licences,
      contracts,
      relatedContracts:
        !contractOnly && o.capabilityCode ? (rel.get(o.capabilityCode)?.get(s.organisationId) ?? []) : [],
      seats: seatCounts(s.licences),
      annualCost: shown ? (contractOnly ? values.total : sum(s.licences)) : null,
      contractsAnnualValue: shown ? values.total : null,
      contractsWithoutValue: values.unknown,
      suppliers: [...new Set(contracts.map((c) => c.supplierName).filter((n): n is string => !!n))].sort(),
      valuesVisible: visible(s.organisationId),
      contractEnds: contracts.map((c) => c.endDate).filter((d): d is Date => d !== null),
      licenceIds: gids(
        "Licence",
        s.licences.map((l) => l.id),
      ),
      contractIds: gids(
        "Contract",
        contracts.map((c) => c.id),
      ),
    };
  });
  const licences = o.sides.flatMap((s) => s.licences);
  const ends = sides.flatMap((s) => s.contractEnds).map((d) => d.getTime());
  const labels = contractOnly
    ? sides.map(
        (s) => `${s.organisation.code} ${s.suppliers.join(", ") || `${s.contracts.length} contract(s)`}`,
      )
    : o.productIds.map((id) => productLabel(snapshot, id)).sort();
  const capability = o.capabilityCode ? (snapshot.capabilityByCode.get(o.capabilityCode) ?? null) : null;
  const hidden = hiddenFor(o.sides.map((s) => s.organisationId));
  const contractTotal = contractsAnnualValue(o.sides.flatMap((s) => s.contracts));
  const coterm = overlapCotermRaw(ctx, snapshot, o);
  return {
    id: o.id,
    kind: o.kind,
    capabilityCode: o.capabilityCode,
    capability,
    products: o.productIds.map(product),
    label:
      o.kind === "SAME_PRODUCT"
        ? labels[0]!
        : contractOnly
          ? `${capability?.name ?? o.capabilityCode} (contracts only): ${labels.join(" vs ")}`
          : `${capability?.name ?? o.capabilityCode}: ${labels.join(" vs ")}`,
    productLabels: contractOnly ? [] : labels,
    sides,
    organisationCodes: sides.map((s) => s.organisation.code),
    annualCost: hidden.length ? null : contractOnly ? contractTotal.total : sum(licences),
    contractsWithoutValue: contractTotal.unknown,
    valuesVisible: hidden.length === 0,
    hiddenFor: hidden,
    seats: seatCounts(licences),
    earliestContractEnd: ends.length ? new Date(Math.min(...ends)) : null,
    latestContractEnd: ends.length ? new Date(Math.max(...ends)) : null,
    licenceIds: gids(
      "Licence",
      licences.map((l) => l.id),
    ),
    contractIds: sides.flatMap((s) => s.contractIds),
    cotermination: cotermView(coterm, snapshot),
    saving: recommendedSaving(ctx, snapshot, o, asOf, timing, leadTimeMonths),
    /** For totals (not in the schema). */
    cotermRaw: coterm,
  };
}

/** The filter of licenceOverlaps. */
export interface OverlapFilter {
  organisations?: readonly string[] | null;
  capability?: string | null;
  minAnnualSpend?: bigint | null;
  kind?: OverlapKind | null;
  /** Contracts live on this day count (default today); also the appraisal date of `saving`. */
  asOf?: Date | null;
  /** Which date each overlap's `saving` is priced on (default BEST). */
  timing?: "BEST" | "NOW" | "NATURAL" | null;
  /** Months from asOf to the earliest consolidation date (default 6). */
  leadTimeMonths?: number | null;
}

/** An empty capability is refused (it would otherwise silently mean every capability). */
export function refuseEmptyCapability(capability: string | null | undefined): void {
  if (capability != null && !capability.trim())
    throw new InputError("capability", "is empty: give a taxonomy code, or leave capability out for every one.");
}

/** The lead time asked for, checked: whole months from 0 to 60. */
export function leadTimeOf(value: number | null | undefined): number {
  const v = value ?? DEFAULT_LEAD_TIME_MONTHS;
  if (!Number.isInteger(v) || v < 0 || v > 60)
    throw new InputError("leadTimeMonths", "must be a whole number of months from 0 to 60.");
  return v;
}

/**
 * Overlaps among the chosen organisations, filtered, largest annual cost first; those whose total the
 * caller may not see come after, by id, and are left out when `minAnnualSpend` is given.
 */
export async function listOverlaps(ctx: Context, filter: OverlapFilter) {
  refuseEmptyCapability(filter.capability);
  const snapshot = await loadSnapshot(ctx.prisma, filter.organisations);
  const capability = filter.capability?.trim().toUpperCase();
  const min = filter.minAnnualSpend ?? null;
  if (min !== null && min < 0n) throw new InputError("minAnnualSpend", "must not be negative.");
  const asOf = filter.asOf ?? today();
  const lead = leadTimeOf(filter.leadTimeMonths);
  if (capability && !snapshot.capabilityByCode.has(capability))
    throw new NotFoundError("capability", `no capability or job ${capability} in the taxonomy.`);
  return detectOverlaps(snapshot, asOf)
    .filter((o) => !filter.kind || o.kind === filter.kind)
    .filter((o) => !capability || (o.capabilityCode !== null && isWithin(o.capabilityCode, capability)))
    .map((o) => overlapView(ctx, snapshot, o, asOf, filter.timing ?? "BEST", lead))
    .filter((o) => min === null || (o.annualCost !== null && o.annualCost >= min))
    .sort((a, b) => {
      if (a.annualCost !== b.annualCost) {
        if (a.annualCost === null || b.annualCost === null) return a.annualCost === null ? 1 : -1;
        return a.annualCost > b.annualCost ? -1 : 1;
      }
      return a.id < b.id ? -1 : 1;
    });
}

/** The overlap model with `id` in a snapshot on `asOf`, or null. Malformed ids are refused naming `field`. */
export function findOverlap(
  snapshot: ProcurementSnapshot,
  id: string,
  field: string,
  asOf: Date = today(),
): OverlapModel | null {
  const parsed = parseOverlapId(id);
  const shape = "they read Overlap:SAME_PRODUCT:<product uuid>, Overlap:SAME_JOB:<job code> or Overlap:CONTRACTS_ONLY:<job code>";
  if (!parsed) throw new InputError(field, `"${id.slice(0, 80)}" is not an overlap ID; ${shape}.`);
  if (parsed.kind === "SAME_PRODUCT" && !isUuid(parsed.key))
    throw new InputError(field, `"${id.slice(0, 80)}" is not an overlap ID: "${parsed.key.slice(0, 40)}" is not a product's uuid; ${shape}.`);
  if (parsed.kind !== "SAME_PRODUCT" && !snapshot.capabilityByCode.has(parsed.key))
    throw new NotFoundError(field, `no job ${parsed.key.slice(0, 60)} in the taxonomy, so no overlap ${id.slice(0, 80)}.`);
  return detectOverlaps(snapshot, asOf).find((o) => o.id === id.trim()) ?? null;
}

/** One overlap by id among the chosen organisations, or null. */
export async function getOverlap(
  ctx: Context,
  id: string,
  organisations: readonly string[] | null | undefined,
  asOf: Date | null | undefined,
) {
  const snapshot = await loadSnapshot(ctx.prisma, organisations);
  const day = asOf ?? today();
  const o = findOverlap(snapshot, id, "id", day);
  return o ? overlapView(ctx, snapshot, o, day) : null;
}

/**
 * Totals of the overlaps listOverlaps gives under `filter` (only those in `overlapIds` when given) that a
 * report can quote (totals.ts).
 */
export async function listOverlapTotals(
  ctx: Context,
  filter: OverlapFilter & { overlapIds?: readonly string[] | null },
) {
  filter.overlapIds?.forEach((id, i) => {
    if (!parseOverlapId(id))
      throw new InputError(
        `overlapIds[${i}]`,
        `"${id.slice(0, 80)}" is not an overlap ID; they read Overlap:SAME_PRODUCT:<product uuid>, Overlap:SAME_JOB:<job code> or Overlap:CONTRACTS_ONLY:<job code>.`,
      );
  });
  const rows = await listOverlaps(ctx, filter);
  const only = filter.overlapIds ? new Set(filter.overlapIds.map((id) => id.trim())) : null;
  const chosen = only ? rows.filter((o) => only.has(o.id)) : rows;
  const snapshot = await loadSnapshot(ctx.prisma, filter.organisations);
  const { hiddenFor } = viewer(ctx, snapshot);
  const t = overlapTotals(
    chosen.map((o) => ({
      id: o.id,
      valuesVisible: o.valuesVisible,
      organisationIds: o.sides.map((s) => s.organisation.id),
      items: o.saving?.items ?? [],
      noSaving: o.saving?.status === "NO_SAVING",
      coterm: o.cotermRaw,
      contractsWithoutValue: o.contractsWithoutValue,
    })),
    new Map(snapshot.licences.map((l) => [l.id, l])),
  );
  return {
    ...t,
    asOf: filter.asOf ?? today(),
    leadTimeMonths: leadTimeOf(filter.leadTimeMonths),
    horizonYears: DEFAULT_HORIZON_YEARS,
    timing: filter.timing ?? "BEST",
    overlaps: chosen.length,
    hiddenFor: hiddenFor(chosen.flatMap((o) => o.sides.map((s) => s.organisation.id))),
    byOrganisation: t.byOrganisation
      .map((s) => ({ organisation: snapshot.organisationById.get(s.organisationId)!, annualSaving: s.annualSaving }))
      .sort((a, b) => (a.organisation.code < b.organisation.code ? -1 : 1)),
    method: TOTALS_METHOD,
  };
}
