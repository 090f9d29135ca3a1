// A risk score per move and per wave, from what the move touches and how: the subject's criticality, how
// many assets stop if it fails (downstream impact through needs), whether it is a single point of
// failure, whether the move crosses organisations, the kind of move, and how full its wave is. Each point
// is given with its reason; the riskiest come first. Pure (the graph facts come in a RiskFacts).
import { buildDependencyGraph } from "../graph/model.ts";
import { singlePointsOfFailure } from "../graph/spof.ts";
import { NEED_TYPES, type PlanEstate } from "./model.ts";
import type { WavePlan } from "./waves.ts";

/** Graph facts the score needs; the service reads them from the dependency graph. */
export interface RiskFacts {
  /** Assets that stop, transitively, if this asset goes. */
  downstream(assetId: string): number;
  /** Assets that stop if this site closes with everything on it. */
  siteDownstream(siteId: string): number;
  /** True when the asset is a single point of failure for others. */
  isSinglePointOfFailure(assetId: string): boolean;
}

/** A risk level. */
export type RiskLevel = "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";

/** One reason for points. */
export interface RiskReason {
  factor: "CRITICALITY" | "DOWNSTREAM" | "SINGLE_POINT_OF_FAILURE" | "CROSS_ORGANISATION" | "MOVE_KIND" | "WAVE_LOAD";
  points: number;
  message: string;
}

/** A move's risk. */
export interface MoveRisk {
  moveId: string;
  wave: number | null;
  score: number;
  level: RiskLevel;
  reasons: RiskReason[];
}

/** A wave's risk. */
export interface WaveRisk {
  wave: number;
  score: number;
  maxScore: number;
  level: RiskLevel;
  moves: number;
  byLevel: Record<RiskLevel, number>;
  riskiestMoveId: string | null;
}

/** The scenario's risk. */
export interface ScenarioRisk {
  moves: MoveRisk[];
  waves: WaveRisk[];
  total: number;
  level: RiskLevel;
}

const CRITICALITY_POINTS: Record<string, number> = { LOW: 1, MEDIUM: 2, HIGH: 4, CRITICAL: 6 };
const KIND_POINTS: Record<string, number> = {
  CLOSE_SITE: 4,
  REPLACE: 4,
  CONSOLIDATE: 3,
  MIGRATE: 3,
  RETIRE: 2,
  RENEGOTIATE: 1,
  RETAIN: 0,
};

/** The level of a score: 15 or more CRITICAL, 10 HIGH, 6 MEDIUM, else LOW. */
export function levelOf(score: number): RiskLevel {
  return score >= 15 ? "CRITICAL" : score >= 10 ? "HIGH" : score >= 6 ? "MEDIUM" : "LOW";
}

/** Scores every move and wave, riskiest move first (then by wave and id). */
export function scenarioRisk(plan: WavePlan, facts: RiskFacts, maxMovesPerWave: number): ScenarioRisk {
  const { outcome } = plan;
  const perWave = new Map<number, number>();
  for (const p of plan.order) if (p.wave !== null) perWave.set(p.wave, (perWave.get(p.wave) ?? 0) + 1);
  const moves: MoveRisk[] = plan.order.map((p) => {
    const m = p.move;
    const reasons: RiskReason[] = [];
    const add = (factor: RiskReason["factor"], points: number, message: string) => {
      if (points > 0) reasons.push({ factor, points, message });
    };
    const a = m.assetId ? outcome.estate.assets.get(m.assetId) : undefined;
    if (a) {
      add("CRITICALITY", CRITICALITY_POINTS[a.criticality] ?? 0, `${a.name} is ${a.criticality.toLowerCase()}`);
      const n = facts.downstream(a.id);
      add("DOWNSTREAM", Math.min(6, Math.ceil(Math.log2(1 + n))), `${n} asset(s) stop if it fails`);
      if (facts.isSinglePointOfFailure(a.id)) add("SINGLE_POINT_OF_FAILURE", 3, `${a.name} is a single point of failure`);
    } else if (m.siteId) {
      const tenants = outcome.tenantsBefore.get(m.siteId) ?? [];
      const worst = tenants.reduce((w, id) => Math.max(w, CRITICALITY_POINTS[outcome.asset(id).criticality] ?? 0), 0);
      add("CRITICALITY", worst, `its most critical asset scores ${worst}`);
      const n = facts.siteDownstream(m.siteId);
      add("DOWNSTREAM", Math.min(6, Math.ceil(Math.log2(1 + n))), `${n} asset(s) stop if it fails`);
    }
    const orgs = outcome.organisationsOf(m);
    if (orgs.length > 1)
      add("CROSS_ORGANISATION", 2, `crosses organisations (${orgs.map((o) => outcome.estate.organisationCodes.get(o) ?? o).join(", ")})`);
    add("MOVE_KIND", KIND_POINTS[m.kind] ?? 0, `a ${m.kind.toLowerCase().replace("_", " ")} move`);
    if (p.wave !== null) {
      const fill = (perWave.get(p.wave) ?? 0) / maxMovesPerWave;
      add("WAVE_LOAD", fill >= 0.9 ? 2 : fill >= 0.75 ? 1 : 0, `its wave is ${Math.round(fill * 100)}% full`);
    }
    const score = reasons.reduce((s, r) => s + r.points, 0);
    return { moveId: m.id, wave: p.wave, score, level: levelOf(score), reasons };
  });
  moves.sort((x, y) => y.score - x.score || (x.wave ?? Infinity) - (y.wave ?? Infinity) || (x.moveId < y.moveId ? -1 : 1));
  const waves: WaveRisk[] = [];
  for (let w = 1; w <= plan.waveCount; w++) {
    const inWave = moves.filter((r) => r.wave === w);
    const byLevel: Record<RiskLevel, number> = { LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0 };
    for (const r of inWave) byLevel[r.level]++;
    const maxScore = Math.max(0, ...inWave.map((r) => r.score));
    waves.push({
      wave: w,
      score: inWave.reduce((s, r) => s + r.score, 0),
      maxScore,
      level: levelOf(maxScore),
      moves: inWave.length,
      byLevel,
      riskiestMoveId: inWave[0]?.moveId ?? null,
    });
  }
  const total = moves.reduce((s, r) => s + r.score, 0);
  return { moves, waves, total, level: levelOf(Math.max(0, ...moves.map((r) => r.score))) };
}

/** Risk facts computed from the estate itself (whole estates: tests and small plans). */
export function riskFactsFromEstate(estate: PlanEstate): RiskFacts {
  const dependents = new Map<string, string[]>();
  for (const d of estate.dependencies)
    if (NEED_TYPES.has(d.type)) dependents.set(d.targetId, [...(dependents.get(d.targetId) ?? []), d.sourceId]);
  const reach = (starts: string[]) => {
    const seen = new Set<string>(starts);
    const stack = [...starts];
    while (stack.length) for (const s of dependents.get(stack.pop()!) ?? []) if (!seen.has(s)) (seen.add(s), stack.push(s));
    return seen.size - starts.length;
  };
  const graph = buildDependencyGraph(estate.assets.values(), estate.dependencies);
  // As the graph API does: the HIGH and CRITICAL services, each foundation a separate need.
  const services = [...estate.assets.values()]
    .filter((a) => (a.kind === "APPLICATION" || a.kind === "END_USER_SERVICE") && (a.criticality === "HIGH" || a.criticality === "CRITICAL"))
    .map((a) => a.id);
  const spofs = new Set(
    services.length ? singlePointsOfFailure(graph, { criticalIds: services, mode: "EACH_FOUNDATION" }).map((e) => e.assetId) : [],
  );
  return {
    downstream: (id) => reach([id]),
    siteDownstream: (siteId) => {
      const here = [...estate.assets.values()].filter((a) => a.siteId === siteId).map((a) => a.id);
      return reach(here) + here.length;
    },
    isSinglePointOfFailure: (id) => spofs.has(id),
  };
}
