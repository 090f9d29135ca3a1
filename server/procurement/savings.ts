// The saving of consolidating licences onto one product and contract. Pure: no database.
// The formula is stated once, in CONSOLIDATION_FORMULA, and every candidate carries its own arithmetic.
import type { Contract, Licence, LicenceMetric } from "../../generated/prisma/client.ts";
import { count, daysBetween, divCeil, divHalfUp, DAYS_PER_YEAR, gbp, isoDate } from "./arith.ts";

/** The consolidation formula, as the README states it. */
export const CONSOLIDATION_FORMULA = [
  "For the active licences l in scope (an overlap, or every licence of a capability), each with metric m_l, seats owned o_l and used s_l, unit price u_l and annual cost a_l in pence, and a consolidation date D:",
  "current annual cost C = Σ a_l.",
  "Every licence t (product P, metric m, contract k) that another licence in metric m could move onto is a candidate target:",
  "target unit price u* = min u_l over the licences of P in metric m (the better unit price);",
  "seats needed N = Σ s_l over every licence in metric m (seats used, not owned);",
  "fixed charge f_l = max(0, a_l − u_l × o_l) (support, maintenance and other non-seat charges);",
  "consolidated annual cost K = N × u* + f_t + Σ a_l over the licences in another metric (they cannot be converted and are kept as they are);",
  "annual saving S = C − K, which includes the duplicate support/maintenance no longer paid, Σ f_l over the licences in metric m other than t;",
  "one-off exit cost E = Σ_c A_c × r_c / 365 over the contracts c of the licences that move (metric m, other than t) still running on D, where A_c is the annual cost of those licences under c and r_c the days from D to c's end date, both included;",
  "payback = ⌈E × 12 / S⌉ months (0 when E = 0; none when S ≤ 0).",
  "The recommended target is the candidate with the lowest K, then the lowest E, then the latest-ending contract.",
].join(" ");

/** The rounding rule of every consolidation figure. */
export const ROUNDING_RULE =
  "Money is integer pence. Sums and products are exact; E (and each exit line) is divided by 365 once, on the exact total, and rounded half-up to the penny; payback is rounded up to a whole month. Nothing else is rounded.";

/** Names and permissions the calculation needs from its caller. */
export interface SavingsContext {
  contractById: ReadonlyMap<string, Contract>;
  asOf: Date;
  visible: (organisationId: string) => boolean;
  code: (organisationId: string) => string;
  label: (productId: string) => string;
}

/** One contract a consolidation leaves early. */
export interface ExitLine {
  contract: Contract;
  organisationId: string;
  endDate: Date | null;
  remainingDays: number;
  annualBasis: bigint | null;
  cost: bigint | null;
  valuesVisible: boolean;
  licenceIds: string[];
}

/** One organisation's seats used in the target metric. */
export interface SideSeatsModel {
  organisationId: string;
  organisationCode: string;
  used: number;
  licenceIds: string[];
}

/** One candidate target and its arithmetic. */
export interface Candidate {
  productId: string;
  metric: LicenceMetric;
  targetLicence: Licence;
  targetContract: Contract | null;
  targetUnitPrice: bigint;
  seatsNeeded: number;
  seatsBySide: SideSeatsModel[];
  seatCost: bigint;
  targetFixedCharge: bigint;
  duplicateFixedCharges: bigint;
  keptLicenceIds: string[];
  keptAnnualCost: bigint;
  consolidatedAnnualCost: bigint;
  currentAnnualCost: bigint;
  annualSaving: bigint;
  exitCost: bigint | null;
  exits: ExitLine[];
  paybackMonths: number | null;
  valuesVisible: boolean;
  hiddenFor: string[];
  problems: string[];
  recommended: boolean;
  method: string;
  licenceIds: string[];
  contractIds: string[];
  /** Exact exit cost for ranking (never shown when hidden). */
  rankExit: bigint | null;
}

/** Support, maintenance and other charges that are not per seat: max(0, annual − unit × owned). */
export function fixedCharge(l: Licence): bigint {
  const f = l.annualCostPence - l.unitCostPence * BigInt(l.quantityOwned);
  return f > 0n ? f : 0n;
}

/** Every candidate target for `licences`, cheapest first (see CONSOLIDATION_FORMULA); the first is recommended. */
export function consolidationCandidates(licences: readonly Licence[], ctx: SavingsContext): Candidate[] {
  const current = licences.reduce((s, l) => s + l.annualCostPence, 0n);
  // A target must take over at least one other licence; consolidating a licence onto itself is no candidate.
  const candidates = licences
    .filter((t) => licences.some((l) => l !== t && l.metric === t.metric))
    .map((t) => candidateFor(t, licences, current, ctx));
  const allExitsKnown = candidates.every((c) => c.rankExit !== null && c.valuesVisible);
  const endOf = (c: Candidate) => c.targetContract?.endDate?.getTime() ?? -Infinity;
  candidates.sort((a, b) => {
    if (a.consolidatedAnnualCost !== b.consolidatedAnnualCost)
      return a.consolidatedAnnualCost < b.consolidatedAnnualCost ? -1 : 1;
    if (allExitsKnown && a.rankExit !== b.rankExit) return a.rankExit! < b.rankExit! ? -1 : 1;
    if (endOf(a) !== endOf(b)) return endOf(b) - endOf(a);
    return a.targetLicence.id < b.targetLicence.id ? -1 : 1;
  });
  if (candidates[0]) candidates[0].recommended = true;
  return candidates;
}

function candidateFor(
  t: Licence,
  licences: readonly Licence[],
  current: bigint,
  ctx: SavingsContext,
): Candidate {
  const m = t.metric;
  const sameProduct = licences.filter((l) => l.productId === t.productId && l.metric === m);
  const unit = sameProduct.reduce(
    (min, l) => (l.unitCostPence < min ? l.unitCostPence : min),
    t.unitCostPence,
  );
  const convertible = licences.filter((l) => l.metric === m);
  const kept = licences.filter((l) => l.metric !== m);
  const seatsNeeded = convertible.reduce((s, l) => s + l.quantityUsed, 0);
  const seatCost = BigInt(seatsNeeded) * unit;
  const targetFixed = fixedCharge(t);
  const duplicateFixed = convertible.filter((l) => l !== t).reduce((s, l) => s + fixedCharge(l), 0n);
  const keptCost = kept.reduce((s, l) => s + l.annualCostPence, 0n);
  const consolidated = seatCost + targetFixed + keptCost;
  const saving = current - consolidated;

  const problems: string[] = [];
  const moving = convertible.filter((l) => l !== t);
  const byContract = new Map<string, Licence[]>();
  for (const l of moving) {
    if (!l.contractId || !ctx.contractById.has(l.contractId)) {
      problems.push(
        `licence ${l.id} (${ctx.code(l.organisationId)}, ${ctx.label(l.productId)}) has no contract recorded: no exit cost is counted for it.`,
      );
      continue;
    }
    byContract.set(l.contractId, [...(byContract.get(l.contractId) ?? []), l]);
  }
  const hidden = new Set<string>();
  let unknownEnd = false;
  let exitNumerator = 0n;
  const exits: ExitLine[] = [];
  for (const [contractId, lines] of byContract) {
    const contract = ctx.contractById.get(contractId)!;
    const basis = lines.reduce((s, l) => s + l.annualCostPence, 0n);
    const shown = ctx.visible(contract.organisationId);
    let remaining = 0;
    if (!contract.endDate) {
      unknownEnd = true;
      problems.push(
        `contract ${contract.reference} (${ctx.code(contract.organisationId)}) has no end date: its exit cost is unknown.`,
      );
    } else {
      remaining = Math.max(0, daysBetween(ctx.asOf, contract.endDate) + 1);
    }
    if (remaining === 0 && contract.endDate) continue; // already ended by D: nothing left to pay
    exitNumerator += basis * BigInt(remaining);
    if (!shown) hidden.add(ctx.code(contract.organisationId));
    exits.push({
      contract,
      organisationId: contract.organisationId,
      endDate: contract.endDate,
      remainingDays: remaining,
      annualBasis: shown ? basis : null,
      cost: shown && contract.endDate ? divHalfUp(basis * BigInt(remaining), DAYS_PER_YEAR) : null,
      valuesVisible: shown,
      licenceIds: lines.map((l) => l.id),
    });
  }
  exits.sort((a, b) => (a.contract.reference < b.contract.reference ? -1 : 1));
  const exact = unknownEnd ? null : divHalfUp(exitNumerator, DAYS_PER_YEAR);
  const valuesVisible = hidden.size === 0;
  const exitCost = valuesVisible ? exact : null;
  const paybackMonths =
    exitCost === null || saving <= 0n ? null : exitCost === 0n ? 0 : Number(divCeil(exitCost * 12n, saving));

  const bySide = new Map<string, SideSeatsModel>();
  for (const l of convertible) {
    const side = bySide.get(l.organisationId) ?? {
      organisationId: l.organisationId,
      organisationCode: ctx.code(l.organisationId),
      used: 0,
      licenceIds: [],
    };
    side.used += l.quantityUsed;
    side.licenceIds.push(l.id);
    bySide.set(l.organisationId, side);
  }
  const seatsBySide = [...bySide.values()].sort((a, b) => (a.organisationCode < b.organisationCode ? -1 : 1));
  const targetContract = t.contractId ? (ctx.contractById.get(t.contractId) ?? null) : null;
  const candidate: Candidate = {
    productId: t.productId,
    metric: m,
    targetLicence: t,
    targetContract,
    targetUnitPrice: unit,
    seatsNeeded,
    seatsBySide,
    seatCost,
    targetFixedCharge: targetFixed,
    duplicateFixedCharges: duplicateFixed,
    keptLicenceIds: kept.map((l) => l.id),
    keptAnnualCost: keptCost,
    consolidatedAnnualCost: consolidated,
    currentAnnualCost: current,
    annualSaving: saving,
    exitCost,
    exits,
    paybackMonths,
    valuesVisible,
    hiddenFor: [...hidden].sort(),
    problems,
    recommended: false,
    method: "",
    licenceIds: convertible.map((l) => l.id),
    contractIds: [...new Set(convertible.map((l) => l.contractId).filter((c): c is string => c !== null))],
    rankExit: exact,
  };
  candidate.method = describe(candidate, licences, ctx);
  return candidate;
}

function describe(c: Candidate, licences: readonly Licence[], ctx: SavingsContext): string {
  const t = c.targetLicence;
  const vehicle = c.targetContract
    ? `under ${c.targetContract.reference} (${ctx.code(t.organisationId)})`
    : `(${ctx.code(t.organisationId)}, no contract recorded)`;
  const metric = c.metric.toLowerCase();
  const seats = c.seatsBySide.map((s) => `${s.organisationCode} ${count(s.used)}`).join(" + ");
  const perSide = new Map<string, bigint>();
  for (const l of licences)
    perSide.set(
      ctx.code(l.organisationId),
      (perSide.get(ctx.code(l.organisationId)) ?? 0n) + l.annualCostPence,
    );
  const currentParts = [...perSide.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, v]) => `${code} ${gbp(v)}`);
  const parts = [
    `Onto ${ctx.label(c.productId)} (${metric}) ${vehicle}.`,
    `Seats needed = seats used, not owned: ${seats} = ${count(c.seatsNeeded)}.`,
    `${count(c.seatsNeeded)} × ${gbp(c.targetUnitPrice)} (the better unit price) = ${gbp(c.seatCost)}, + the target's fixed charge ${gbp(c.targetFixedCharge)}` +
      (c.keptLicenceIds.length
        ? `, + ${c.keptLicenceIds.length} licence(s) in other metrics kept at ${gbp(c.keptAnnualCost)}`
        : "") +
      ` = ${gbp(c.consolidatedAnnualCost)} a year.`,
    `Now ${gbp(c.currentAnnualCost)} (${currentParts.join(" + ")}), so the annual saving is ${gbp(c.annualSaving)}` +
      (c.duplicateFixedCharges > 0n
        ? `, including ${gbp(c.duplicateFixedCharges)} of duplicate support/maintenance no longer paid.`
        : "."),
  ];
  if (c.exits.length === 0)
    parts.push(`No contract is left early (as of ${isoDate(ctx.asOf)}): no exit cost.`);
  else {
    const lines = c.exits.map((e) =>
      e.annualBasis === null
        ? `${e.contract.reference} (${ctx.code(e.organisationId)}) hidden × ${count(e.remainingDays)} / 365`
        : e.cost === null
          ? `${e.contract.reference} (${ctx.code(e.organisationId)}) ${gbp(e.annualBasis)} × unknown days`
          : `${e.contract.reference} (${ctx.code(e.organisationId)}) ${gbp(e.annualBasis)} × ${count(e.remainingDays)} / 365 = ${gbp(e.cost)}`,
    );
    const total =
      c.exitCost !== null
        ? gbp(c.exitCost)
        : c.hiddenFor.length
          ? `hidden (needs readContractValues in ${c.hiddenFor.join(", ")})`
          : "unknown";
    parts.push(`Leaving early from ${isoDate(ctx.asOf)}: ${lines.join("; ")}; one-off exit cost ${total}.`);
  }
  if (c.annualSaving <= 0n) parts.push("No annual saving, so no payback.");
  else if (c.paybackMonths !== null)
    parts.push(
      c.paybackMonths === 0
        ? "Payback immediate."
        : `Payback ⌈${gbp(c.exitCost!)} × 12 / ${gbp(c.annualSaving)}⌉ = ${count(c.paybackMonths)} months.`,
    );
  return parts.join(" ");
}
