// One scenario analysed: its rows read, the estate around its moves loaded, the waves planned and the plan
// validated — once per request, however many fields ask (plan, validation, financials, risk, energy).
import type { Move, Scenario } from "../../generated/prisma/client.ts";
import type { Context } from "../shared/context.ts";
import { NotFoundError } from "../shared/errors.ts";
import { toGlobalId } from "../shared/ids.ts";
import { currentGraph, singlePointsOfFailure } from "../graph/service.ts";
import { typeMask, walk } from "../graph/compact.ts";
import { loadPlanEstate } from "./estate.ts";
import { NEED_TYPES, type PlanInput, type PlanMove } from "./model.ts";
import { planWaves, type WavePlan } from "./waves.ts";
import { findViolations, type Violation } from "./violations.ts";
import { scenarioFinancials, type ScenarioFinancials } from "./financials.ts";
import { scenarioEnergy, type ScenarioEnergy } from "./energy.ts";
import { scenarioRisk, type RiskFacts, type ScenarioRisk } from "./risk.ts";

/** A scenario with its plan and everything computed from it (financials, energy and risk on first use). */
export interface ScenarioAnalysis {
  scenario: Scenario;
  moves: Move[];
  input: PlanInput;
  plan: WavePlan;
  violations: Violation[];
  financials(): ScenarioFinancials;
  energy(): ScenarioEnergy;
  risk(): Promise<ScenarioRisk>;
}

const perRequest = new WeakMap<Context, Map<string, Promise<ScenarioAnalysis>>>();

/** The analysis of scenario `id` (row id), computed once per request. */
export function analyseScenario(ctx: Context, id: string): Promise<ScenarioAnalysis> {
  let cache = perRequest.get(ctx);
  if (!cache) perRequest.set(ctx, (cache = new Map()));
  let found = cache.get(id);
  if (!found) {
    found = analyse(ctx, id);
    cache.set(id, found);
  }
  return found;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The engine's view of a stored move. */
export function planMove(m: Move): PlanMove {
  return {
    id: m.id,
    kind: m.kind,
    assetId: m.assetId,
    siteId: m.siteId,
    targetSiteId: m.targetSiteId,
    targetAssetId: m.targetAssetId,
    licenceIds: m.licenceIds,
    targetLicenceId: m.targetLicenceId,
    seats: m.seats,
    oneOffCostPence: m.oneOffCostPence,
    effortDays: m.effortDays,
    targetCostGrowthPence: m.targetCostGrowthPence,
    savingOverridePence: m.savingOverridePence,
    savingOverrideReason: m.savingOverrideReason,
    earliestDate: day(m.earliestDate),
    pinnedWave: m.pinnedWave,
    acceptExitCost: m.acceptExitCost,
  };
}

async function analyse(ctx: Context, id: string): Promise<ScenarioAnalysis> {
  const scenario = await ctx.prisma.scenario.findUnique({ where: { id } });
  if (!scenario) throw new NotFoundError("scenarioId", `no scenario has ID ${toGlobalId("Scenario", id)}.`);
  const [moves, targets] = await Promise.all([
    ctx.prisma.move.findMany({ where: { scenarioId: id }, orderBy: { id: "asc" } }),
    ctx.prisma.scenarioTarget.findMany({ where: { scenarioId: id } }),
  ]);
  const planMoves = moves.map(planMove);
  const estate = await loadPlanEstate(ctx, {
    assetIds: planMoves.flatMap((m) => [m.assetId, m.targetAssetId].filter((x): x is string => !!x)),
    tenantSiteIds: planMoves.flatMap((m) => (m.siteId ? [m.siteId] : [])),
    siteIds: planMoves.flatMap((m) => (m.targetSiteId ? [m.targetSiteId] : [])),
    licenceIds: planMoves.flatMap((m) => [...m.licenceIds, ...(m.targetLicenceId ? [m.targetLicenceId] : [])]),
  });
  const input: PlanInput = {
    estate,
    moves: planMoves,
    parameters: {
      startDate: day(scenario.startDate)!,
      horizonYears: scenario.horizonYears,
      waveLengthMonths: scenario.waveLengthMonths,
      maxMovesPerWave: scenario.maxMovesPerWave,
      maxEffortDaysPerWave: scenario.maxEffortDaysPerWave,
      discountRateBp: scenario.discountRateBp,
      costSplit: scenario.costSplit,
      carbonFactorGPerKwh: scenario.carbonFactorGPerKwh,
      carbonFactorYear: scenario.carbonFactorYear,
      targets: new Map(targets.map((t) => [t.organisationId, t.savingsTargetPence])),
    },
  };
  const plan = planWaves(input);
  const violations = findViolations(plan, new Set(input.parameters.targets.keys()));
  let financials: ScenarioFinancials | undefined;
  let energy: ScenarioEnergy | undefined;
  let risk: Promise<ScenarioRisk> | undefined;
  return {
    scenario,
    moves,
    input,
    plan,
    violations,
    financials: () => (financials ??= scenarioFinancials(input, plan)),
    energy: () => (energy ??= scenarioEnergy(input, plan)),
    risk: () => (risk ??= riskFacts(ctx).then((facts) => scenarioRisk(plan, facts, scenario.maxMovesPerWave))),
  };
}

const NEED_MASK = typeMask([...NEED_TYPES]);

/** Downstream counts and single points of failure from the whole dependency graph. */
async function riskFacts(ctx: Context): Promise<RiskFacts> {
  const g = (await currentGraph(ctx)).compact;
  const spofs = new Set((await singlePointsOfFailure(ctx, null, "HIGH", 10_000)).entries.map((e) => e.assetId));
  const count = (nodes: number[]) => walk(g, nodes, "in", Infinity, NEED_MASK).reached.length;
  return {
    downstream: (assetId) => {
      const n = g.nodeIndex.get(assetId);
      return n === undefined ? 0 : count([n]);
    },
    siteDownstream: (siteId) => {
      const here: number[] = [];
      g.nodes.forEach((node, i) => node.siteId === siteId && here.push(i));
      return here.length + count(here);
    },
    isSinglePointOfFailure: (assetId) => spofs.has(assetId),
  };
}
