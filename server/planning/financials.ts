// The business case of a planned scenario, per organisation and year of the horizon: baseline run cost,
// run cost under the plan, one-off costs, net and cumulative saving, NPV and payback, against each
// organisation's savings target. Exact: integer pence, each shown figure rounded half-up once.
//
// Conventions (the README states them): the plan runs in months from the start date; a move's recurring
// change applies from the month its wave ends, its one-off cost falls in the month its wave starts, an
// exit cost in the month the move takes effect. Year y is months 12(y−1) … 12y−1. A year's saving is
// Σ annual × months in force ÷ 12. NPV discounts each year's net saving at the end of the year:
// Σ net_y ÷ (1 + r)^y. Payback is the first month from which the cumulative net saving stays ≥ 0.
import { divHalfUp } from "../procurement/arith.ts";
import { addMonths } from "./calendar.ts";
import type { Baseline, PlanInput, PlanParameters } from "./model.ts";
import { baselinesOf, oneOffCosts, recurringChanges, type OneOffCost, type RecurringChange } from "./savings.ts";
import type { WavePlan } from "./waves.ts";

/** One organisation's figures for one year. */
export interface YearFigures {
  year: number;
  /** First day of the year of the plan. */
  from: string;
  baseline: bigint;
  plan: bigint;
  saving: bigint;
  oneOff: bigint;
  net: bigint;
  cumulative: bigint;
  /** Full-year recurring saving in force at the end of the year. */
  runRate: bigint;
  target: bigint;
  /** runRate − target: a surplus when ≥ 0, a shortfall when < 0. */
  againstTarget: bigint;
}

/** One organisation's business case. */
export interface OrganisationFinancials {
  organisationId: string;
  baseline: Baseline;
  target: bigint;
  years: YearFigures[];
  totalSaving: bigint;
  totalOneOff: bigint;
  npv: bigint;
  /** Months from the start until the cumulative net saving stays ≥ 0 (0: no one-off costs); null: not in the horizon. */
  paybackMonths: number | null;
  paybackDate: string | null;
  /** Full-year recurring saving once every move has taken effect. */
  finalRunRate: bigint;
  meetsTarget: boolean;
}

/** The whole business case. */
export interface ScenarioFinancials {
  organisations: OrganisationFinancials[];
  totals: Omit<OrganisationFinancials, "organisationId" | "baseline" | "meetsTarget"> & { baseline: bigint };
  changes: RecurringChange[];
  oneOffs: OneOffCost[];
  discountRateBp: number;
}

/** Computes the business case of a planned scenario. */
export function scenarioFinancials(input: PlanInput, plan: WavePlan): ScenarioFinancials {
  const { parameters } = input;
  const baselines = baselinesOf(input.estate);
  const changes: RecurringChange[] = [];
  const oneOffs: OneOffCost[] = [];
  for (const p of plan.order) {
    changes.push(...recurringChanges(plan, p.move));
    oneOffs.push(...oneOffCosts(plan, p.move, parameters.costSplit, baselines));
  }
  const code = (o: string) => input.estate.organisationCodes.get(o) ?? o;
  const orgIds = [
    ...new Set([...parameters.targets.keys(), ...changes.map((c) => c.organisationId), ...oneOffs.map((c) => c.organisationId)]),
  ].sort((a, b) => (code(a) < code(b) ? -1 : code(a) > code(b) ? 1 : 0));
  const organisations = orgIds.map((o) => organisationFigures(input, baselines, o, changes, oneOffs));
  return {
    organisations,
    totals: totalsOf(input, organisations, changes, oneOffs),
    changes,
    oneOffs,
    discountRateBp: parameters.discountRateBp,
  };
}

const ZERO: Baseline = { assetRunCostPence: 0n, siteCostPence: 0n, licenceCostPence: 0n };

/**
 * One organisation's business case from the given changes and costs (those of other organisations are
 * ignored): all of them for the full figures, or only those a caller may see for partial ones.
 */
export function organisationFigures(
  input: PlanInput,
  baselines: ReadonlyMap<string, Baseline>,
  organisationId: string,
  changes: readonly RecurringChange[],
  oneOffs: readonly OneOffCost[],
): OrganisationFinancials {
  return figuresOf(
    input.parameters,
    organisationId,
    baselines.get(organisationId) ?? ZERO,
    changes.filter((c) => c.organisationId === organisationId),
    oneOffs.filter((c) => c.organisationId === organisationId),
    input.parameters.targets.get(organisationId) ?? 0n,
  );
}

/** The parameters a business case is computed with. */
export type FigureParameters = Pick<PlanParameters, "startDate" | "horizonYears" | "discountRateBp">;

/**
 * One organisation's business case from its own changes and costs (every one given counts): the single
 * computation behind live figures, partial ones and those recomputed from a stored snapshot.
 */
export function figuresOf(
  parameters: FigureParameters,
  organisationId: string,
  baseline: Baseline,
  changes: readonly Pick<RecurringChange, "annualPence" | "fromMonth">[],
  costs: readonly Pick<OneOffCost, "pence" | "month">[],
  target: bigint,
): OrganisationFinancials {
  const base = baseline.assetRunCostPence + baseline.siteCostPence + baseline.licenceCostPence;
  const months = parameters.horizonYears * 12;

  const years: YearFigures[] = [];
  let cumulative = 0n;
  for (let y = 1; y <= parameters.horizonYears; y++) {
    const lo = 12 * (y - 1);
    const hi = 12 * y;
    let twelfths = 0n;
    let runRate = 0n;
    for (const c of changes) {
      const inForce = Math.max(0, hi - Math.max(lo, c.fromMonth));
      twelfths += c.annualPence * BigInt(Math.min(12, inForce));
      if (c.fromMonth < hi) runRate += c.annualPence;
    }
    const saving = divHalfUp(twelfths, 12n);
    const oneOff = costs.filter((c) => c.month >= lo && c.month < hi).reduce((s, c) => s + c.pence, 0n);
    const net = saving - oneOff;
    cumulative += net;
    years.push({
      year: y,
      from: addMonths(parameters.startDate, lo),
      baseline: base,
      plan: base - saving,
      saving,
      oneOff,
      net,
      cumulative,
      runRate,
      target,
      againstTarget: runRate - target,
    });
  }
  const months_ = payback(changes, costs, months);
  const finalRunRate = changes.reduce((s, c) => s + c.annualPence, 0n);
  return {
    organisationId,
    baseline,
    target,
    years,
    totalSaving: years.reduce((s, y) => s + y.saving, 0n),
    totalOneOff: years.reduce((s, y) => s + y.oneOff, 0n),
    npv: npv(years.map((y) => y.net), parameters.discountRateBp),
    paybackMonths: months_,
    paybackDate: months_ === null ? null : addMonths(parameters.startDate, months_),
    finalRunRate,
    meetsTarget: (years[years.length - 1]?.runRate ?? 0n) >= target,
  };
}

/** The totals: sums of the organisations' figures; payback over all the given changes and costs. */
export function totalsOf(
  input: PlanInput,
  organisations: readonly OrganisationFinancials[],
  changes: readonly RecurringChange[],
  oneOffs: readonly OneOffCost[],
): ScenarioFinancials["totals"] {
  const { parameters } = input;
  const sum = (f: (x: OrganisationFinancials) => bigint) => organisations.reduce((s, x) => s + f(x), 0n);
  const years = Array.from({ length: parameters.horizonYears }, (_, i) => {
    const y = (f: (x: YearFigures) => bigint) => organisations.reduce((s, x) => s + f(x.years[i]!), 0n);
    return {
      year: i + 1,
      from: addMonths(parameters.startDate, i * 12),
      baseline: y((x) => x.baseline),
      plan: y((x) => x.plan),
      saving: y((x) => x.saving),
      oneOff: y((x) => x.oneOff),
      net: y((x) => x.net),
      cumulative: y((x) => x.cumulative),
      runRate: y((x) => x.runRate),
      target: y((x) => x.target),
      againstTarget: y((x) => x.againstTarget),
    };
  });
  const total = payback(changes, oneOffs, parameters.horizonYears * 12);
  return {
    baseline: sum((x) => x.baseline.assetRunCostPence + x.baseline.siteCostPence + x.baseline.licenceCostPence),
    target: sum((x) => x.target),
    years,
    totalSaving: sum((x) => x.totalSaving),
    totalOneOff: sum((x) => x.totalOneOff),
    npv: sum((x) => x.npv),
    paybackMonths: total,
    paybackDate: total === null ? null : addMonths(parameters.startDate, total),
    finalRunRate: sum((x) => x.finalRunRate),
  };
}

/**
 * Net present value of yearly net savings at `rateBp` basis points, each year discounted at its end:
 * Σ net_y × 10000^y ÷ (10000 + rate)^y, computed exactly over a common denominator and rounded half-up once.
 */
export function npv(nets: readonly bigint[], rateBp: number): bigint {
  const n = nets.length;
  const r = 10_000n + BigInt(rateBp);
  const denominator = r ** BigInt(n);
  let numerator = 0n;
  nets.forEach((net, i) => {
    const y = BigInt(i + 1);
    numerator += net * 10_000n ** y * r ** (BigInt(n) - y);
  });
  return divHalfUp(numerator, denominator);
}

/**
 * Months until the cumulative net saving (savings accrue a twelfth of their annual figure each month) is
 * ≥ 0 and stays so to the end of the horizon; 0 when nothing is ever spent; null when it is not reached.
 */
export function payback(
  changes: readonly Pick<RecurringChange, "annualPence" | "fromMonth">[],
  costs: readonly Pick<OneOffCost, "pence" | "month">[],
  months: number,
): number | null {
  if (!costs.some((c) => c.pence > 0n)) return 0;
  let cumulative = 0n; // in twelfths of a penny
  let since: number | null = null;
  for (let m = 0; m < months; m++) {
    for (const c of changes) if (c.fromMonth <= m) cumulative += c.annualPence;
    for (const c of costs) if (c.month === m) cumulative -= c.pence * 12n;
    if (cumulative >= 0n) since ??= m + 1;
    else since = null;
  }
  return since;
}
