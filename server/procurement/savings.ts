// The saving of consolidating licences onto one product and contract. Pure: no database.
// The formula is stated once, in CONSOLIDATION_FORMULA, and every candidate carries its own arithmetic.
// Every figure is commercial and spans the organisations in scope: a caller who may not see one of them
// gets no figure, no ranking by cost and no recommendation (each would reveal the hidden prices).
import type { Contract, Licence, LicenceMetric } from "../../generated/prisma/client.ts";
import { canReplace } from "../catalogue/jobs.ts";
import { addDays, addMonths, count, daysBetween, divCeil, divHalfUp, DAYS_PER_YEAR, gbp, isoDate } from "./arith.ts";
import { npv, NPV_CONVENTION } from "./npv.ts";
import { bridgeFor, bridgeWarning, type Bridge } from "./bridge.ts";
import { extensionRuledOut, extensionTermMonths } from "./renewal-terms.ts";
import { organisationWide } from "../licences/metrics.ts";

/** The consolidation formula, as the README states it. */
export const CONSOLIDATION_FORMULA = [
  "For the active licences l in scope (an overlap, or every licence of a capability), each with metric m_l, seats owned o_l and used s_l, unit price u_l and annual cost a_l in pence, and a consolidation date D:",
  "current annual cost C = Σ a_l.",
  "A licence can move onto product P only when P does every job its own product does (server/catalogue/jobs.ts): a suite replaces a point product for the jobs the suite covers, a point product never replaces a suite, and products doing other jobs are never moved;",
  "every licence t (product P, metric m, contract k) that another licence in metric m could move onto is a candidate target:",
  "target unit price u* = min u_l over the licences of P in metric m (the better unit price);",
  "the licences that move are those in metric m whose product P can replace; seats needed N = Σ s_l over them (seats used, not owned);",
  "fixed charge f_l = max(0, a_l − u_l × o_l) (support, maintenance and other non-seat charges);",
  "consolidated annual cost K = N × u* + f_t + Σ a_l over the licences that do not move (another metric, or a product doing a job P does not: kept as they are);",
  "annual saving S = C − K, which includes the duplicate support/maintenance no longer paid, Σ f_l over the moving licences other than t;",
  "one-off exit cost E = Σ_c A_c × r_c / 365 over the contracts c of the licences that move (other than t) still running on D, where A_c is the annual cost of those licences under c and r_c the days from D to c's end date, both included;",
  "payback = ⌈E × 12 / S⌉ months (0 when E = 0; none when S ≤ 0).",
  "Migration takes time: the earliest consolidation date is the appraisal date + the migration lead time (default 6 months). Notice periods do not delay it (leaving early pays a contract to its end either way); they matter at the natural date:",
  "Each candidate is priced on two dates: the earliest date (timing NOW) and the natural date, the day after the last contract that moves ends (no exit cost), never before the earliest date; the better by NPV over the horizon — which subtracts E, so a large exit cost makes waiting win — is chosen unless the caller asks for one (see NPV_CONVENTION), and E and payback are those of the chosen date.",
  "A contract that moves whose notice deadline (end − notice period) has already passed is named: leaving at its end needs the supplier's agreement.",
  "A contract that moves but ends before D must be extended to it (server/procurement/bridge.ts): with an extension term its renewal terms state (\"optional 12-month extensions\", an annual roll) it runs whole terms until it covers D − 1, and leaving it on D pays it to the term's end (part of E); with no stated term, or terms that rule one out, the candidate needs a contract extension at a price the supplier must agree (needsExtension: left out of the quotable total). The licence spend from its end to D − 1 is shown (bridgeSpend): not a saving and not an extra cost, since today's spend goes on until D either way.",
  "The target's own contract must still run on D: when it ends first, the candidate says the target contract needs renewal by its end date, and when its renewal terms state no extension term (or rule one out) the price after its end needs the supplier's agreement (needsExtension, as above).",
  "Price evidence: u* is a price for the seats the target holds today; when the seats needed exceed QUOTE_FACTOR (2) × the seats of P owned today in metric m, or t is an organisation-wide licence (site or enterprise, or a subscription of one: priced for the organisation holding it) and licences of other organisations would move onto it, the price needs a supplier quote and the candidate is flagged (it is left out of the quotable total).",
  "Each organisation's share of S is what it stops paying: its current cost in scope − (its seats used × u* + f_t when it holds the target + its licences kept); the shares add up to S.",
  "The recommended target is the first candidate whose price needs no quote, then any; among those, one needing no contract extension first; ranked by the lowest K, then the lowest E, then the latest-ending contract — provided its saving S > 0 and its NPV > 0; a consolidation that saves nothing is never recommended (noRecommendationBecause says why).",
].join(" ");

/** The rounding rule of every consolidation figure. */
export const ROUNDING_RULE =
  "Money is integer pence. Sums and products are exact; E (and each exit line) is divided by 365 once, on the exact total, and rounded half-up to the penny; payback is rounded up to a whole month. Nothing else is rounded.";

/** Names and permissions the calculation needs from its caller. */
export interface SavingsContext {
  contractById: ReadonlyMap<string, Contract>;
  asOf: Date;
  /** Whether the caller may see the organisation's commercial figures. */
  visible: (organisationId: string) => boolean;
  code: (organisationId: string) => string;
  /** Codes of the organisations among these whose figures the caller may not see. */
  hiddenFor: (organisationIds: Iterable<string>) => string[];
  label: (productId: string) => string;
  /** The job codes of a product (server/catalogue/jobs.ts); empty when none is known. */
  jobsOf: (productId: string) => readonly string[];
  /** Which consolidation date to price: the better by NPV (BEST), today's asOf (NOW) or the natural date. */
  timing: "BEST" | TimingKind;
  /** NPV horizon in years. */
  horizonYears: number;
  /** Months from the appraisal date to the earliest consolidation date (migration lead time). */
  leadTimeMonths: number;
}

/** The migration lead time when the caller gives none, in months. */
export const DEFAULT_LEAD_TIME_MONTHS = 6;

/** Seats needed beyond this multiple of the target's seats today make its unit price need a supplier quote. */
export const QUOTE_FACTOR = 2;

/** One organisation's share of a saving: what it stops paying. */
export interface SavingShare {
  organisationId: string;
  organisationCode: string;
  currentAnnualCost: bigint | null;
  consolidatedAnnualCost: bigint | null;
  annualSaving: bigint | null;
}

/** When a consolidation happens: on the appraisal date, or on the natural date (no exit cost). */
export type TimingKind = "NOW" | "NATURAL";

/** A consolidation priced on one date. Money is null when hidden (or unknown, for exit cost and NPV). */
export interface TimingModel {
  kind: TimingKind;
  date: Date;
  exitCost: bigint | null;
  exits: ExitLine[];
  /** Contracts that move but end before `date`: each must be extended to it (bridge.ts). */
  bridges: BridgeLine[];
  /** Licence spend from those contracts' ends to the day before `date` (not a saving, not an extra cost). */
  bridgeSpend: bigint | null;
  npv: bigint | null;
  paybackMonths: number | null;
}

/** Whether licence `l` can move onto target licence `t`: same metric, and t's product does every job of l's. */
function movesOnto(t: Licence, l: Licence, ctx: SavingsContext): boolean {
  if (l.metric !== t.metric) return false;
  const jobs = new Map([
    [t.productId, ctx.jobsOf(t.productId)],
    [l.productId, ctx.jobsOf(l.productId)],
  ]);
  return canReplace(jobs, t.productId, l.productId);
}

/** A contract that moves but ends before the move date, and how it is extended to it. */
export interface BridgeLine extends Bridge {
  organisationId: string;
  valuesVisible: boolean;
  /** Licence spend from the contract's end to the day before the move (null when hidden). */
  spend: bigint | null;
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

/** One candidate target and its arithmetic; every money figure is null when hidden from the caller. */
export interface Candidate {
  productId: string;
  metric: LicenceMetric;
  targetLicence: Licence;
  targetContract: Contract | null;
  targetUnitPrice: bigint | null;
  seatsNeeded: number;
  seatsBySide: SideSeatsModel[];
  seatCost: bigint | null;
  targetFixedCharge: bigint | null;
  duplicateFixedCharges: bigint | null;
  keptLicenceIds: string[];
  keptAnnualCost: bigint | null;
  consolidatedAnnualCost: bigint | null;
  currentAnnualCost: bigint | null;
  annualSaving: bigint | null;
  exitCost: bigint | null;
  exits: ExitLine[];
  paybackMonths: number | null;
  /** The earliest date anything can move: asOf + lead time (or the longest notice period). */
  earliestDate: Date;
  /** Seats of the target product in the target metric owned today, across the organisations in scope. */
  targetSeatsToday: number;
  /**
   * Whether today's price is no evidence for the consolidated one: seatsNeeded > QUOTE_FACTOR ×
   * targetSeatsToday, or an organisation-wide licence (organisationWide, licences/metrics.ts) would cover other organisations.
   */
  priceNeedsQuote: boolean;
  /** Why the price needs a supplier quote, in words (null when it does not). */
  quoteBecause: string | null;
  /** The target contract's end date when it ends before the consolidation date (it must be renewed by then). */
  targetRenewalNeededBy: Date | null;
  /** Each organisation's share of the saving (null figures when hidden). */
  savingBySide: SavingShare[];
  /** Contracts that move but end before the consolidation date, extended to it (bridge.ts). */
  bridges: BridgeLine[];
  /** Licence spend from their ends to the day before the move: not a saving, not an extra cost. */
  bridgeSpend: bigint | null;
  /** A bridge whose price needs the supplier's agreement: the candidate is not quotable. */
  needsExtension: boolean;
  /** Contracts that move whose notice deadline has passed: leaving at their end needs the supplier's agreement. */
  noticePassed: Contract[];
  /** The date priced (the chosen timing's). */
  consolidationDate: Date;
  /** Now, and the natural date when it differs; the chosen one is `chosenTiming`. */
  timings: TimingModel[];
  chosenTiming: TimingKind;
  /** Why that timing was chosen. */
  chosenBecause: string;
  npv: bigint | null;
  horizonYears: number;
  valuesVisible: boolean;
  hiddenFor: string[];
  problems: string[];
  recommended: boolean;
  /** The positive NPV of the chosen timing and S > 0 (a candidate that saves nothing is never recommended). */
  saves: boolean;
  method: string;
  licenceIds: string[];
  contractIds: string[];
}

/** A candidate's exact figures, before they are shown or hidden. */
interface Exact {
  unit: bigint;
  seatCost: bigint;
  targetFixed: bigint;
  duplicateFixed: bigint;
  keptCost: bigint;
  consolidated: bigint;
  saving: bigint;
  /** Exact exit cost (null when a contract's end date is unknown). */
  exit: bigint | null;
}

/** Support, maintenance and other charges that are not per seat: max(0, annual − unit × owned). */
export function fixedCharge(l: Licence): bigint {
  const f = l.annualCostPence - l.unitCostPence * BigInt(l.quantityOwned);
  return f > 0n ? f : 0n;
}

/**
 * Every candidate target for `licences`, cheapest first (see CONSOLIDATION_FORMULA); the first is
 * recommended. When the caller may not see every organisation's figures, nothing is priced for it:
 * candidates come by product, metric, organisation and licence, and none is recommended.
 */
export function consolidationCandidates(licences: readonly Licence[], ctx: SavingsContext): Candidate[] {
  const current = licences.reduce((s, l) => s + l.annualCostPence, 0n);
  const hidden = ctx.hiddenFor(licences.map((l) => l.organisationId));
  // A target must take over at least one other licence; consolidating a licence onto itself is no candidate.
  const priced = licences
    .filter((t) => licences.some((l) => l !== t && movesOnto(t, l, ctx)))
    .map((t) => candidateFor(t, licences, current, hidden, ctx));
  if (hidden.length) {
    const key = ({ candidate: c }: (typeof priced)[number]) =>
      [ctx.label(c.productId), c.metric, ctx.code(c.targetLicence.organisationId), c.targetLicence.id].join(
        "\u0000",
      );
    return priced.sort((a, b) => (key(a) < key(b) ? -1 : 1)).map((p) => p.candidate);
  }
  const allExitsKnown = priced.every((p) => p.exact.exit !== null);
  const endOf = (c: Candidate) => c.targetContract?.endDate?.getTime() ?? -Infinity;
  priced.sort((a, b) => {
    if (a.candidate.priceNeedsQuote !== b.candidate.priceNeedsQuote) return a.candidate.priceNeedsQuote ? 1 : -1;
    if (a.candidate.needsExtension !== b.candidate.needsExtension) return a.candidate.needsExtension ? 1 : -1;
    if (a.exact.consolidated !== b.exact.consolidated)
      return a.exact.consolidated < b.exact.consolidated ? -1 : 1;
    if (allExitsKnown && a.exact.exit !== b.exact.exit) return a.exact.exit! < b.exact.exit! ? -1 : 1;
    if (endOf(a.candidate) !== endOf(b.candidate)) return endOf(b.candidate) - endOf(a.candidate);
    return a.candidate.targetLicence.id < b.candidate.targetLicence.id ? -1 : 1;
  });
  const candidates = priced.map((p) => p.candidate);
  const best = candidates.find((c) => c.saves);
  if (best) best.recommended = true;
  return candidates;
}

/** Why none of `candidates` is recommended (null when one is). */
export function noRecommendationBecause(
  candidates: readonly Candidate[],
  label: (productId: string) => string,
): string | null {
  if (candidates.some((c) => c.recommended)) return null;
  if (candidates.length === 0) return "no product here does every job of another, so nothing can move.";
  const top = candidates[0]!;
  if (!top.valuesVisible) return "the figures are hidden from you, so no target is chosen by them.";
  return top.annualSaving !== null && top.annualSaving <= 0n
    ? top.annualSaving === 0n
      ? `no saving: the cheapest target (${label(top.productId)}) would cost exactly what is paid today.`
      : `no saving: the cheapest target (${label(top.productId)}) would cost ${gbp(-top.annualSaving)} a year more than today.`
    : "no saving over the horizon: every target's NPV is zero or negative.";
}

function candidateFor(
  t: Licence,
  licences: readonly Licence[],
  current: bigint,
  hidden: string[],
  ctx: SavingsContext,
): { candidate: Candidate; exact: Exact } {
  const m = t.metric;
  const sameProduct = licences.filter((l) => l.productId === t.productId && l.metric === m);
  const unit = sameProduct.reduce(
    (min, l) => (l.unitCostPence < min ? l.unitCostPence : min),
    t.unitCostPence,
  );
  const targetSeatsToday = sameProduct.reduce((s, l) => s + l.quantityOwned, 0);
  const convertible = licences.filter((l) => l === t || movesOnto(t, l, ctx));
  const kept = licences.filter((l) => !convertible.includes(l));
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
  // Exit costs on a date D: every moving contract still running on D is paid to its end.
  const exitsOn = (day: Date) => {
    let unknownEnd = false;
    let numerator = 0n;
    let bridgeNumerator = 0n;
    const bridges: BridgeLine[] = [];
    const exits: ExitLine[] = [];
    for (const [contractId, lines] of byContract) {
      const contract = ctx.contractById.get(contractId)!;
      const basis = lines.reduce((s, l) => s + l.annualCostPence, 0n);
      const lineShown = ctx.visible(contract.organisationId);
      let remaining = 0;
      // A contract ending before D is extended to it (bridge.ts): it then ends on the bridge's end.
      const bridge = bridgeFor(contract, day, ctx.asOf);
      if (bridge) {
        bridges.push({
          ...bridge,
          organisationId: contract.organisationId,
          valuesVisible: lineShown,
          spend: lineShown ? divHalfUp(basis * BigInt(bridge.days), DAYS_PER_YEAR) : null,
        });
        bridgeNumerator += basis * BigInt(bridge.days);
      }
      const end = bridge?.to ?? contract.endDate;
      if (!end) unknownEnd = true;
      else remaining = Math.max(0, daysBetween(day, end) + 1);
      if (remaining === 0 && end) continue; // already ended by D: nothing left to pay
      numerator += basis * BigInt(remaining);
      exits.push({
        contract,
        organisationId: contract.organisationId,
        endDate: end,
        remainingDays: remaining,
        annualBasis: lineShown ? basis : null,
        cost: lineShown && contract.endDate ? divHalfUp(basis * BigInt(remaining), DAYS_PER_YEAR) : null,
        valuesVisible: lineShown,
        licenceIds: lines.map((l) => l.id),
      });
    }
    exits.sort((a, b) => (a.contract.reference < b.contract.reference ? -1 : 1));
    bridges.sort((a, b) => (a.contract.reference < b.contract.reference ? -1 : 1));
    return {
      exits,
      exact: unknownEnd ? null : divHalfUp(numerator, DAYS_PER_YEAR),
      bridges,
      bridgeSpend: divHalfUp(bridgeNumerator, DAYS_PER_YEAR),
    };
  };
  for (const contractId of byContract.keys()) {
    const contract = ctx.contractById.get(contractId)!;
    if (!contract.endDate)
      problems.push(
        `contract ${contract.reference} (${ctx.code(contract.organisationId)}) has no end date: its exit cost and natural date are unknown.`,
      );
  }
  const valuesVisible = hidden.length === 0;
  const shown = <T>(v: T): T | null => (valuesVisible ? v : null);
  // The earliest date: the migration lead time. (Notice does not delay it: leaving early pays the
  // contract to its end either way. It matters at the natural date, below.)
  const movingContracts = [...byContract.keys()].map((id) => ctx.contractById.get(id)!);
  const earliest = addMonths(ctx.asOf, ctx.leadTimeMonths);
  const noticePassed: Contract[] = [];
  for (const c of movingContracts) {
    if (!c.endDate || c.noticePeriodDays == null || c.endDate.getTime() < ctx.asOf.getTime()) continue;
    const deadline = addDays(c.endDate, -c.noticePeriodDays);
    if (deadline.getTime() < ctx.asOf.getTime()) noticePassed.push(c);
    if (deadline.getTime() < ctx.asOf.getTime())
      problems.push(
        `contract ${c.reference} (${ctx.code(c.organisationId)}): its notice deadline ${isoDate(deadline)} has passed, so leaving at its end (${isoDate(c.endDate)}) needs the supplier's agreement.`,
      );
  }
  // The natural date: the day after the last moving contract still running ends (no exit cost), never
  // before the earliest date.
  // A contract ending before the earliest date is bridged to it (bridge.ts): a stated extension term may
  // carry it further, and it then ends at the term's end.
  const ends = movingContracts.map((c) => (c.endDate ? (bridgeFor(c, earliest, ctx.asOf)?.to ?? c.endDate) : null));
  const running = ends.filter((e): e is Date => e !== null && e.getTime() >= ctx.asOf.getTime());
  const lastEnd = running.length ? addDays(new Date(Math.max(...running.map((e) => e.getTime()))), 1) : null;
  const naturalDate = ends.some((e) => e === null)
    ? null
    : lastEnd && lastEnd.getTime() > earliest.getTime()
      ? lastEnd
      : earliest;
  const timingAt = (
    kind: TimingKind,
    day: Date,
  ): { model: TimingModel; exact: bigint | null; npvExact: bigint | null } => {
    const { exits, exact, bridges, bridgeSpend } = exitsOn(day);
    const delay = Math.max(0, daysBetween(ctx.asOf, day));
    const npvExact = exact === null ? null : npv(saving, exact, delay, ctx.horizonYears);
    const exitShown = shown(exact);
    return {
      exact,
      npvExact,
      model: {
        kind,
        date: day,
        exitCost: exitShown,
        exits,
        bridges,
        bridgeSpend: shown(bridgeSpend),
        npv: shown(npvExact),
        paybackMonths:
          exitShown === null || saving <= 0n
            ? null
            : exitShown === 0n
              ? 0
              : Number(divCeil(exitShown * 12n, saving)),
      },
    };
  };
  const now = timingAt("NOW", earliest);
  const natural =
    naturalDate && naturalDate.getTime() !== earliest.getTime() ? timingAt("NATURAL", naturalDate) : null;
  let chosen = now;
  let chosenBy: string;
  if (ctx.timing === "NOW") chosenBy = "at the earliest date, as asked";
  else if (natural === null)
    chosenBy =
      naturalDate === null
        ? "now: the natural date is unknown (a contract has no end date)"
        : "at the earliest date: every contract that moves has ended by then, so it is the natural date";
  else if (ctx.timing === "NATURAL") [chosen, chosenBy] = [natural, "at the natural date, as asked"];
  else if (!valuesVisible)
    [chosen, chosenBy] = [
      natural,
      "at the natural date (no exit cost); the NPV comparison needs figures you may not see",
    ];
  else if (now.npvExact === null || natural.npvExact === null)
    [chosen, chosenBy] = [natural, "at the natural date: an exit cost is unknown"];
  else if (natural.npvExact > now.npvExact)
    [chosen, chosenBy] = [natural, `at the natural date: its NPV is higher over ${ctx.horizonYears} years`];
  else chosenBy = `at the earliest date: its NPV (after its exit cost) is at least as high over ${ctx.horizonYears} years`;
  const bridges = chosen.model.bridges;
  for (const b of bridges) problems.push(bridgeWarning(b, ctx.code(b.organisationId)));
  const exactExit = chosen.exact;
  const exits = chosen.model.exits;
  const exitCost = chosen.model.exitCost;
  const paybackMonths = chosen.model.paybackMonths;
  const timings = natural ? [now.model, natural.model] : [now.model];

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
  const day = chosen.model.date;
  const targetRenewalNeededBy =
    targetContract?.endDate && targetContract.endDate.getTime() < day.getTime() ? targetContract.endDate : null;
  // A target contract ending before the move runs on at today's price only where its terms state an
  // extension term (renewal-terms.ts, as for the contracts that move); otherwise that price needs the
  // supplier's agreement, like a bridge with no stated term.
  const targetUnextendable =
    targetRenewalNeededBy !== null &&
    (extensionRuledOut(targetContract!.renewalTerms) !== null || extensionTermMonths(targetContract!.renewalTerms) === null);
  if (targetRenewalNeededBy)
    problems.push(
      `the target contract ${targetContract!.reference} (${ctx.code(t.organisationId)}) ends on ${isoDate(targetRenewalNeededBy)}, before the consolidation date ${isoDate(day)}: it needs renewal by ${isoDate(targetRenewalNeededBy)}${targetUnextendable ? `, and its terms give no extension${targetContract!.renewalTerms ? ` ("${targetContract!.renewalTerms}")` : ""}, so the price after it needs the supplier's agreement` : ""}.`,
    );
  const widenedTo = organisationWide(t)
    ? [...new Set(convertible.filter((l) => l.organisationId !== t.organisationId).map((l) => ctx.code(l.organisationId)))].sort()
    : [];
  const quoteBecause =
    seatsNeeded > QUOTE_FACTOR * targetSeatsToday
      ? `${count(seatsNeeded)} seats needed is more than ${QUOTE_FACTOR} × the ${count(targetSeatsToday)} seats of the target owned today, so its unit price is no evidence for them`
      : widenedTo.length
        ? `a ${t.metric.toLowerCase()} licence is priced for the organisation that holds it (${ctx.code(t.organisationId)}); covering ${widenedTo.join(" and ")} as well needs the supplier's price`
        : null;
  const priceNeedsQuote = quoteBecause !== null;
  if (quoteBecause) problems.push(`price needs a supplier quote: ${quoteBecause}.`);
  // Each organisation's share: what it pays today in scope, less what it pays after.
  const orgIds = [...new Set(licences.map((l) => l.organisationId))];
  const savingBySide: SavingShare[] = orgIds
    .map((orgId) => {
      const mine = (ls: readonly Licence[]) => ls.filter((l) => l.organisationId === orgId);
      const before = mine(licences).reduce((s, l) => s + l.annualCostPence, 0n);
      const seats = mine(convertible).reduce((s, l) => s + l.quantityUsed, 0);
      const after =
        BigInt(seats) * unit +
        (t.organisationId === orgId ? targetFixed : 0n) +
        mine(kept).reduce((s, l) => s + l.annualCostPence, 0n);
      const see = ctx.visible(orgId) && valuesVisible;
      return {
        organisationId: orgId,
        organisationCode: ctx.code(orgId),
        currentAnnualCost: see ? before : null,
        consolidatedAnnualCost: see ? after : null,
        annualSaving: see ? before - after : null,
      };
    })
    .sort((a, b) => (a.organisationCode < b.organisationCode ? -1 : 1));
  const candidate: Candidate = {
    productId: t.productId,
    metric: m,
    targetLicence: t,
    targetContract,
    targetUnitPrice: shown(unit),
    seatsNeeded,
    seatsBySide,
    seatCost: shown(seatCost),
    targetFixedCharge: shown(targetFixed),
    duplicateFixedCharges: shown(duplicateFixed),
    keptLicenceIds: kept.map((l) => l.id),
    keptAnnualCost: shown(keptCost),
    consolidatedAnnualCost: shown(consolidated),
    currentAnnualCost: shown(current),
    annualSaving: shown(saving),
    exitCost,
    exits,
    paybackMonths,
    earliestDate: earliest,
    targetSeatsToday,
    priceNeedsQuote,
    quoteBecause,
    targetRenewalNeededBy,
    savingBySide,
    bridges,
    bridgeSpend: chosen.model.bridgeSpend,
    needsExtension: targetUnextendable || bridges.some((b) => b.obstacle !== null),
    noticePassed,
    consolidationDate: chosen.model.date,
    timings,
    chosenTiming: chosen.model.kind,
    chosenBecause: chosenBy,
    npv: chosen.model.npv,
    horizonYears: ctx.horizonYears,
    valuesVisible,
    hiddenFor: hidden,
    problems,
    recommended: false,
    saves: valuesVisible && saving > 0n && (chosen.npvExact === null || chosen.npvExact > 0n),
    method: "",
    licenceIds: convertible.map((l) => l.id),
    contractIds: [...new Set(convertible.map((l) => l.contractId).filter((c): c is string => c !== null))],
  };
  candidate.method = describe(candidate, licences, ctx);
  const exact = {
    unit,
    seatCost,
    targetFixed,
    duplicateFixed,
    keptCost,
    consolidated,
    saving,
    exit: exactExit,
  };
  return { candidate, exact };
}

/** A figure in the method text: the amount, or "hidden". */
const fig = (v: bigint | null) => (v === null ? "hidden" : gbp(v));

function describe(c: Candidate, licences: readonly Licence[], ctx: SavingsContext): string {
  const t = c.targetLicence;
  const vehicle = c.targetContract
    ? `under ${c.targetContract.reference} (${ctx.code(t.organisationId)})`
    : `(${ctx.code(t.organisationId)}, no contract recorded)`;
  const metric = c.metric.toLowerCase();
  const seats = c.seatsBySide.map((s) => `${s.organisationCode} ${count(s.used)}`).join(" + ");
  const perSide = new Map<string, { organisationId: string; pence: bigint }>();
  for (const l of licences) {
    const side = perSide.get(ctx.code(l.organisationId)) ?? { organisationId: l.organisationId, pence: 0n };
    side.pence += l.annualCostPence;
    perSide.set(ctx.code(l.organisationId), side);
  }
  const currentParts = [...perSide.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, s]) => `${code} ${ctx.visible(s.organisationId) ? gbp(s.pence) : "hidden"}`);
  const targetJobs = new Set(ctx.jobsOf(c.productId));
  const keptIds = new Set(c.keptLicenceIds);
  const notCovered = [
    ...new Set(
      licences
        .filter((l) => keptIds.has(l.id) && l.metric === c.metric)
        .map((l) => {
          const missing = ctx.jobsOf(l.productId).filter((j) => !targetJobs.has(j));
          return `${ctx.label(l.productId)} (${missing.length ? missing.join(", ") : "no known job"})`;
        }),
    ),
  ].sort();
  const parts = [
    `Onto ${ctx.label(c.productId)} (${metric}) ${vehicle}, which does ${targetJobs.size ? [...targetJobs].sort().join(", ") : "no known job"}.`,
    ...(notCovered.length
      ? [`Kept, because the target does not do every job they do: ${notCovered.join("; ")}.`]
      : []),
    `Seats needed = seats used, not owned: ${seats} = ${count(c.seatsNeeded)}.`,
    `${count(c.seatsNeeded)} × ${fig(c.targetUnitPrice)} (the better unit price) = ${fig(c.seatCost)}, + the target's fixed charge ${fig(c.targetFixedCharge)}` +
      (c.keptLicenceIds.length
        ? `, + ${c.keptLicenceIds.length} licence(s) kept at ${fig(c.keptAnnualCost)} (another metric, or a product doing a job ${ctx.label(c.productId)} does not)`
        : "") +
      ` = ${fig(c.consolidatedAnnualCost)} a year.`,
    `Now ${fig(c.currentAnnualCost)} (${currentParts.join(" + ")}), so the annual saving is ${fig(c.annualSaving)}` +
      (c.duplicateFixedCharges === null
        ? ", including any duplicate support/maintenance no longer paid."
        : c.duplicateFixedCharges > 0n
          ? `, including ${gbp(c.duplicateFixedCharges)} of duplicate support/maintenance no longer paid.`
          : "."),
  ];
  if (c.hiddenFor.length)
    parts.push(`The figures need the readCommercialValues permission in ${c.hiddenFor.join(", ")}.`);
  if (c.exits.length === 0)
    parts.push(`No contract is left early (on ${isoDate(c.consolidationDate)}): no exit cost.`);
  else {
    const lines = c.exits.map((e) =>
      e.annualBasis === null
        ? `${e.contract.reference} (${ctx.code(e.organisationId)}) hidden × ${count(e.remainingDays)} / 365`
        : e.cost === null
          ? `${e.contract.reference} (${ctx.code(e.organisationId)}) ${gbp(e.annualBasis)} × unknown days`
          : `${e.contract.reference} (${ctx.code(e.organisationId)}) ${gbp(e.annualBasis)} × ${count(e.remainingDays)} / 365 = ${gbp(e.cost)}`,
    );
    const total = c.exitCost !== null ? gbp(c.exitCost) : c.hiddenFor.length ? "hidden" : "unknown";
    parts.push(
      `Leaving early from ${isoDate(c.consolidationDate)}: ${lines.join("; ")}; one-off exit cost ${total}.`,
    );
  }
  if (c.annualSaving === null) parts.push("Payback hidden.");
  else if (c.annualSaving <= 0n) parts.push("No annual saving, so no payback.");
  else if (c.paybackMonths !== null)
    parts.push(
      c.paybackMonths === 0
        ? "Payback immediate."
        : `Payback ⌈${gbp(c.exitCost!)} × 12 / ${gbp(c.annualSaving)}⌉ = ${count(c.paybackMonths)} months.`,
    );
  const when = (t: TimingModel) =>
    `${t.kind === "NOW" ? "at the earliest date" : "at the natural date"} (${isoDate(t.date)}): exit cost ${
      t.exitCost === null ? (c.hiddenFor.length ? "hidden" : "unknown") : gbp(t.exitCost)
    }, NPV over ${c.horizonYears} years ${t.npv === null ? (c.hiddenFor.length ? "hidden" : "unknown") : gbp(t.npv)}`;
  parts.push(
    `Timing: earliest date ${isoDate(c.earliestDate)} (the appraisal date + the migration lead time); ${c.timings.map(when).join("; ")}. Priced ${c.chosenBecause}. ${NPV_CONVENTION}`,
  );
  if (c.bridges.length)
    parts.push(
      `Contracts ending before the move, extended to it: ${c.bridges
        .map(
          (b) =>
            `${b.contract.reference} (${ctx.code(b.organisationId)}) ends ${isoDate(b.endDate)}, extended to ${isoDate(b.to)}${b.termMonths ? ` (${b.termMonths}-month terms)` : " (no extension term stated: the price needs the supplier's agreement)"}`,
        )
        .join("; ")}; licence spend while waiting ${fig(c.bridgeSpend)} (not a saving, not an extra cost).`,
    );
  if (c.quoteBecause) parts.push(`Price needs a supplier quote: ${c.quoteBecause}.`);
  if (c.targetRenewalNeededBy)
    parts.push(`The target contract ends on ${isoDate(c.targetRenewalNeededBy)}, before the move: it needs renewal by then.`);
  return parts.join(" ");
}
