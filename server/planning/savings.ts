// What each move changes in the organisations' annual costs (recurring savings, growth at targets) and
// what it costs once (its own one-off cost, split by the scenario's rule, and the exit cost of contracts
// it leaves early). Money is integer pence, exact. Pure.
import { divHalfUp } from "../procurement/arith.ts";
import { organisationWide } from "../licences/metrics.ts";
import { addMonths, daysFrom, parseDay } from "./calendar.ts";
import { contractBindings, licencesEndedBy } from "./licences.ts";
import type { Baseline, CostSplitRule, PlanEstate, PlanLicence, PlanMove } from "./model.ts";
import type { Outcome } from "./outcome.ts";
import type { WavePlan } from "./waves.ts";

/** Where a recurring change comes from. */
export type ChangeSource =
  | "ASSET_RUN_COST"
  | "SITE_COST"
  | "LICENCES"
  | "RENEGOTIATION"
  | "REPLACEMENT_SEATS"
  | "TARGET_GROWTH"
  | "OVERRIDE";

/** A recurring annual saving (negative: a cost that grows) for one organisation from a month on. */
export interface RecurringChange {
  moveId: string;
  organisationId: string;
  annualPence: bigint;
  /** Month index (0 = the scenario's start month) from which it applies. */
  fromMonth: number;
  source: ChangeSource;
  note: string;
  /** The organisations whose commercial values (prices) it is computed from, when not implied by its source. */
  pricedBy?: string[];
}

/** A one-off cost for one organisation in one month. */
export interface OneOffCost {
  moveId: string;
  organisationId: string;
  pence: bigint;
  month: number;
  source: "MOVE" | "EXIT";
  note: string;
}

const ENDS = new Set(["RETIRE", "REPLACE", "CONSOLIDATE"]);
/**
 * Changes computed from prices are listed even when they come to nothing: whether a priced change is zero
 * (a renegotiation onto one's own price, a replacement priced at nothing) would otherwise tell a caller who
 * may not read the price where it lies, by the change's presence and its organisation's `partial` mark.
 */
const PRICED: ReadonlySet<ChangeSource> = new Set(["LICENCES", "RENEGOTIATION", "REPLACEMENT_SEATS"]);

/** Each organisation's baseline: the loader's sums, or the estate's own rows. */
export function baselinesOf(estate: PlanEstate): Map<string, Baseline> {
  if (estate.baselines) return new Map(estate.baselines);
  const out = new Map<string, Baseline>();
  const of = (o: string) => {
    let b = out.get(o);
    if (!b) out.set(o, (b = { assetRunCostPence: 0n, siteCostPence: 0n, licenceCostPence: 0n }));
    return b;
  };
  for (const a of estate.assets.values()) if (a.lifecycle !== "RETIRED") of(a.organisationId).assetRunCostPence += a.annualRunCostPence;
  for (const s of estate.sites.values()) if (s.lifecycle !== "RETIRED") of(s.organisationId).siteCostPence += s.annualCostPence;
  for (const l of estate.licences.values()) of(l.organisationId).licenceCostPence += l.annualCostPence;
  return out;
}

/** The month index in which `day` falls, counted from the scenario's start (rounded up to a month boundary). */
export function monthOnOrAfter(startDate: string, day: string): number {
  let m = 0;
  const d = parseDay(day).getTime();
  // Months are few (≤ 180 in a horizon), and a lease may end decades out: step by years first.
  while (parseDay(addMonths(startDate, m + 12)).getTime() <= d) m += 12;
  while (parseDay(addMonths(startDate, m)).getTime() < d) m++;
  return m;
}

/** The recurring changes of one placed move. */
export function recurringChanges(plan: WavePlan, m: PlanMove): RecurringChange[] {
  const placed = plan.placed.get(m.id);
  if (!placed || placed.wave === null) return [];
  const { outcome } = plan;
  const from = plan.calendar.effectMonth(placed.wave);
  const owner = outcome.ownerOf(m);
  if (m.savingOverridePence !== null && owner)
    return [
      {
        moveId: m.id,
        organisationId: owner,
        annualPence: m.savingOverridePence,
        fromMonth: from,
        source: "OVERRIDE",
        note: `set by the planner: ${m.savingOverrideReason ?? "no reason given"}`,
      },
    ];
  const out: RecurringChange[] = [];
  const add: Add = (organisationId, annualPence, source, note, fromMonth = from, pricedBy) => {
    if (organisationId && (annualPence !== 0n || PRICED.has(source)))
      out.push({ moveId: m.id, organisationId, annualPence, fromMonth, source, note, ...(pricedBy ? { pricedBy } : {}) });
  };
  const { assets, sites, licences } = outcome.estate;
  const a = m.assetId ? assets.get(m.assetId) : undefined;
  if (a && ENDS.has(m.kind)) {
    add(a.organisationId, a.annualRunCostPence, "ASSET_RUN_COST", `${a.name} stops running`);
    const ended = licencesEndedBy(outcome, m);
    const cost = ended.reduce((s, l) => s + l.annualCostPence, 0n);
    if (ended.length) add(a.organisationId, cost, "LICENCES", `${ended.length} licence(s) of ${a.name}'s product end`);
    if (m.kind === "REPLACE" && m.targetAssetId) replacementSeats(outcome, m, ended, add);
  }
  if (m.kind === "CLOSE_SITE" && m.siteId) {
    const s = sites.get(m.siteId);
    if (s) {
      const leaseFree = s.leaseEnd ? monthOnOrAfter(plan.calendar.startDate, addDaysIso(s.leaseEnd, 1)) : 0;
      add(s.organisationId, s.annualCostPence, "SITE_COST", `${s.name} closes${leaseFree > from ? ` (its lease runs to ${s.leaseEnd}: the cost stops then)` : ""}`, Math.max(from, leaseFree));
    }
  }
  if (m.kind === "RENEGOTIATE") renegotiation(outcome.estate, m, add);
  if (m.targetCostGrowthPence !== 0n) {
    const targetOwner = m.targetAssetId
      ? assets.get(m.targetAssetId)?.organisationId
      : m.targetSiteId
        ? sites.get(m.targetSiteId)?.organisationId
        : m.targetLicenceId
          ? licences.get(m.targetLicenceId)?.organisationId
          : owner;
    add(targetOwner, -m.targetCostGrowthPence, "TARGET_GROWTH", "what grows at the target (set by the planner)");
  }
  return out;
}

function addDaysIso(day: string, days: number): string {
  return new Date(parseDay(day).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

type Add = (
  organisationId: string | null | undefined,
  annualPence: bigint,
  source: ChangeSource,
  note: string,
  fromMonth?: number,
  pricedBy?: string[],
) => void;

/**
 * The replacement takes over the replaced system's users, who need seats on it: seats used (per-seat
 * licences) × the replacing organisation's best unit price of a per-seat licence in the same metric. The
 * organisation whose users move (the replaced system's owner) pays for them — it stops paying its own
 * licences, and the one that gains users is not left paying for another organisation's users with no
 * recharge. A flat-priced licence (SITE, ENTERPRISE, or a SUBSCRIPTION of one: organisationWide) adds no cost per
 * seat: seats of a flat licence that ends are not priced, and when the replacing organisation licenses the
 * product flat, the users are covered at no extra charge — never a whole extra subscription per "seat".
 */
function replacementSeats(outcome: Outcome, m: PlanMove, ended: PlanLicence[], add: Add): void {
  const a = outcome.estate.assets.get(m.assetId!);
  const b = outcome.estate.assets.get(m.targetAssetId!);
  if (!a || !b?.productId) return;
  const theirs = outcome
    .ofProduct(b.organisationId, b.productId)
    .licences.map((id) => outcome.estate.licences.get(id)!);
  if (theirs.some(organisationWide)) return;
  const perSeat = ended.filter((l) => !organisationWide(l));
  for (const metric of [...new Set(perSeat.map((l) => l.metric))].sort()) {
    const seats = perSeat.filter((l) => l.metric === metric).reduce((s, l) => s + l.quantityUsed, 0);
    const inMetric = theirs.filter((l) => l.metric === metric);
    const prices = inMetric.filter((l) => l.unitCostPence > 0n).map((l) => l.unitCostPence);
    if (!seats || !inMetric.length) continue;
    const unit = prices.length ? prices.reduce((x, y) => (y < x ? y : x)) : 0n;
    add(
      a.organisationId,
      -(unit * BigInt(seats)),
      "REPLACEMENT_SEATS",
      `${a.name}'s ${seats} ${metric.toLowerCase()} seat(s) move to ${b.name}, paid by ${a.name}'s owner at ${b.name}'s unit price`,
      undefined,
      [b.organisationId],
    );
  }
}

/**
 * A renegotiation merges licences onto the target licence's product and contract: each organisation then
 * pays for the seats it uses at the best unit price of the target product in the target metric (the
 * owner of the target licence also keeps its fixed, non-seat charge, and pays for any seats bought beyond
 * use); licences in other metrics are unchanged. Each organisation saves what it paid less what it pays.
 */
function renegotiation(estate: PlanEstate, m: PlanMove, add: Add): void {
  const t = m.targetLicenceId ? estate.licences.get(m.targetLicenceId) : undefined;
  if (!t) return;
  const set = [...new Set([...m.licenceIds, t.id])]
    .map((id) => estate.licences.get(id))
    .filter((l): l is PlanLicence => !!l && l.metric === t.metric)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const unit = set
    .filter((l) => l.productId === t.productId)
    .reduce((min, l) => (l.unitCostPence < min ? l.unitCostPence : min), t.unitCostPence);
  const fixed = t.annualCostPence - t.unitCostPence * BigInt(t.quantityOwned);
  const used = set.reduce((s, l) => s + l.quantityUsed, 0);
  const extra = m.seats !== null && m.seats > used ? m.seats - used : 0;
  const orgs = [...new Set(set.map((l) => l.organisationId))].sort();
  for (const o of orgs) {
    const mine = set.filter((l) => l.organisationId === o);
    const paid = mine.reduce((s, l) => s + l.annualCostPence, 0n);
    const seats = mine.reduce((s, l) => s + l.quantityUsed, 0) + (o === t.organisationId ? extra : 0);
    const pays = unit * BigInt(seats) + (o === t.organisationId && fixed > 0n ? fixed : 0n);
    add(o, paid - pays, "RENEGOTIATION", `${mine.length} licence(s) merged: ${seats} seat(s) at the best unit price instead of what they cost`);
  }
}

/** The one-off costs of one placed move: its own cost split by the rule, and the exit cost of contracts left early. */
export function oneOffCosts(
  plan: WavePlan,
  m: PlanMove,
  rule: CostSplitRule,
  baselines: ReadonlyMap<string, Baseline>,
): OneOffCost[] {
  const placed = plan.placed.get(m.id);
  if (!placed || placed.wave === null) return [];
  const out: OneOffCost[] = [];
  const start = plan.calendar.startMonth(placed.wave);
  if (m.oneOffCostPence !== 0n) {
    const orgs = plan.outcome.organisationsOf(m);
    const owner = plan.outcome.ownerOf(m);
    const shares = splitCost(m.oneOffCostPence, rule === "OWNER" && owner ? [owner] : orgs, rule, baselines, plan.outcome.estate.organisationCodes);
    for (const [o, pence] of shares)
      if (pence !== 0n)
        out.push({ moveId: m.id, organisationId: o, pence, month: start, source: "MOVE", note: `${RULE_NOTE[rule]}` });
  }
  const effect = placed.effectDate!;
  for (const b of contractBindings(plan.outcome, m)) {
    if (effect >= b.freeFrom) continue;
    const days = BigInt(daysFrom(effect, b.freeFrom));
    const annual = b.licences.reduce((s, l) => s + l.annualCostPence, 0n);
    const pence = divHalfUp(annual * days, 365n);
    if (pence > 0n)
      out.push({
        moveId: m.id,
        organisationId: b.contract.organisationId,
        pence,
        month: plan.calendar.effectMonth(placed.wave),
        source: "EXIT",
        note: `leaves contract ${b.contract.reference} ${days} day(s) before it ends (${b.contract.endDate}): ${days} × annual cost ÷ 365`,
      });
  }
  return out;
}

const RULE_NOTE: Record<CostSplitRule, string> = {
  OWNER: "paid by the owner of what moves",
  EQUAL: "shared equally between the organisations the move serves",
  PROPORTIONAL_TO_BASELINE: "shared in proportion to the organisations' baseline run costs of assets and sites",
};

/**
 * Splits `pence` between `orgs` exactly (largest remainder): EQUAL in equal parts, PROPORTIONAL_TO_BASELINE
 * by baseline run cost of assets and sites (equal when every baseline is zero), OWNER all to the first.
 * Remainder pennies go to the largest fractions, ties by organisation code. The parts always add up to
 * `pence`. Licence costs are left out of the weights on purpose: they are commercial figures, and a split
 * in their proportion would let anyone who sees the parts work out the ratio of the councils' licence spend.
 */
export function splitCost(
  pence: bigint,
  orgs: readonly string[],
  rule: CostSplitRule,
  baselines: ReadonlyMap<string, Baseline>,
  codes: ReadonlyMap<string, string>,
): Map<string, bigint> {
  const out = new Map<string, bigint>();
  if (!orgs.length) return out;
  if (rule === "OWNER" || orgs.length === 1) return out.set(orgs[0]!, pence);
  const total = (o: string) => {
    const b = baselines.get(o);
    return b ? b.assetRunCostPence + b.siteCostPence : 0n;
  };
  let weights = orgs.map((o) => (rule === "EQUAL" ? 1n : total(o)));
  if (weights.every((w) => w === 0n)) weights = orgs.map(() => 1n);
  const sum = weights.reduce((a, b) => a + b, 0n);
  const sign = pence < 0n ? -1n : 1n;
  const abs = pence * sign;
  const parts = orgs.map((o, i) => ({ o, q: (abs * weights[i]!) / sum, r: (abs * weights[i]!) % sum }));
  let left = abs - parts.reduce((s, p) => s + p.q, 0n);
  const code = (o: string) => codes.get(o) ?? o;
  for (const p of [...parts].sort((a, b) => (a.r !== b.r ? (a.r > b.r ? -1 : 1) : code(a.o) < code(b.o) ? -1 : 1))) {
    if (left === 0n) break;
    p.q += 1n;
    left -= 1n;
  }
  for (const p of parts) out.set(p.o, p.q * sign);
  return out;
}
