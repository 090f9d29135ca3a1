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
import { InputError } from "../shared/errors.ts";
import { toGlobalId } from "../shared/ids.ts";
import { isWithin } from "../catalogue/taxonomy.ts";
import { today } from "./arith.ts";
import { contractLines, cotermination, wholeContractLine, type CotermResult } from "./coterm.ts";
import {
  detectOverlaps,
  parseOverlapId,
  unlicensedContractsByJob,
  type OverlapKind,
  type OverlapModel,
} from "./overlaps.ts";
import { loadSnapshot, productJobCodes, productLabel, type ProcurementSnapshot } from "./snapshot.ts";
import { consolidationCandidates } from "./savings.ts";
import { DEFAULT_HORIZON_YEARS } from "./npv.ts";

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
  const { visible, code } = viewer(ctx, snapshot);
  const groups = [
    ...contractLines(
      o.sides.flatMap((s) => s.licences),
      snapshot.contractById,
    ),
    ...o.sides.flatMap((s) => s.contracts.map(wholeContractLine)),
  ].sort((a, b) => (a.contract.reference < b.contract.reference ? -1 : 1));
  return cotermView(cotermination(o.id, groups, visible, code), snapshot);
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

/**
 * The recommended consolidation of a licence overlap on `asOf` (the better date by NPV over the default
 * horizon), or null when there is none or its figures are hidden from the caller (a recommendation would
 * reveal them).
 */
export function recommendedSaving(
  ctx: Context,
  snapshot: ProcurementSnapshot,
  o: OverlapModel,
  asOf: Date,
  timing: "BEST" | "NOW" | "NATURAL" = "BEST",
) {
  if (o.kind === "CONTRACTS_ONLY") return null;
  const { visible, code, hiddenFor } = viewer(ctx, snapshot);
  const codeOf = (l: Licence) => code(l.organisationId);
  const licences = o.sides
    .flatMap((s) => s.licences)
    .sort((a, b) => (codeOf(a) < codeOf(b) ? -1 : codeOf(a) > codeOf(b) ? 1 : a.id < b.id ? -1 : 1));
  const best = consolidationCandidates(licences, {
    contractById: snapshot.contractById,
    asOf,
    visible,
    code,
    hiddenFor,
    label: (id) => productLabel(snapshot, id),
    jobsOf: (id) => productJobCodes(snapshot, id),
    timing,
    horizonYears: DEFAULT_HORIZON_YEARS,
  }).find((c) => c.recommended);
  if (!best) return null;
  return {
    product: snapshot.productById.get(best.productId) as Product,
    annualSaving: best.annualSaving,
    timing: best.chosenTiming,
    date: best.consolidationDate,
    exitCost: best.exitCost,
    npv: best.npv,
    horizonYears: best.horizonYears,
  };
}

/** An overlap as the API returns it, with contracts live on `asOf`. */
export function overlapView(
  ctx: Context,
  snapshot: ProcurementSnapshot,
  o: OverlapModel,
  asOf: Date,
  timing: "BEST" | "NOW" | "NATURAL" = "BEST",
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
    cotermination: overlapCotermination(ctx, snapshot, o),
    saving: recommendedSaving(ctx, snapshot, o, asOf, timing),
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
}

/**
 * Overlaps among the chosen organisations, filtered, largest annual cost first; those whose total the
 * caller may not see come after, by id, and are left out when `minAnnualSpend` is given.
 */
export async function listOverlaps(ctx: Context, filter: OverlapFilter) {
  const snapshot = await loadSnapshot(ctx.prisma, filter.organisations);
  const capability = filter.capability?.trim().toUpperCase();
  const min = filter.minAnnualSpend ?? null;
  if (min !== null && min < 0n) throw new InputError("minAnnualSpend", "must not be negative.");
  const asOf = filter.asOf ?? today();
  return detectOverlaps(snapshot, asOf)
    .filter((o) => !filter.kind || o.kind === filter.kind)
    .filter((o) => !capability || (o.capabilityCode !== null && isWithin(o.capabilityCode, capability)))
    .map((o) => overlapView(ctx, snapshot, o, asOf, filter.timing ?? "BEST"))
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
  if (!parseOverlapId(id)) {
    throw new InputError(
      field,
      `"${id.slice(0, 80)}" is not an overlap ID; they read Overlap:SAME_PRODUCT:<product uuid>, Overlap:SAME_JOB:<job code> or Overlap:CONTRACTS_ONLY:<job code>.`,
    );
  }
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
