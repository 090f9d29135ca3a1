// Orders a scenario's moves into waves: a serial schedule-generation scheme (the standard heuristic for
// resource-constrained project scheduling). Moves tied in a dependency cycle form one unit that moves in
// one wave. Units are taken in priority order — longest chain of units still to follow first, then the
// most critical, then the smallest move id — each placed in the earliest wave where everything it must
// follow is done, its dates and contracts allow it, the team has room and every target it lands on has
// room in that wave and all later ones. Same input, same plan. Each move says why it sits in its wave.
import { DirectedGraph } from "graphology";
import { stronglyConnectedComponents } from "graphology-components";
import { addDays, WaveCalendar } from "./calendar.ts";
import { CapacityModel, LoadLedger, type MoveDemand } from "./capacity.ts";
import { isScheduled, precedences, type Precedence } from "./constraints.ts";
import { contractBindings } from "./licences.ts";
import type { PlanInput, PlanMove } from "./model.ts";
import { Outcome } from "./outcome.ts";

/** Why a move is in its wave: the rule that placed it there comes first. */
export type WhyCode =
  | "FIRST_WAVE"
  | "AFTER_MOVE"
  | "EARLIEST_DATE"
  | "CONTRACT_END"
  | "TARGET_CAPACITY"
  | "TEAM_CAPACITY"
  | "PINNED"
  | "SAME_CYCLE"
  | "NOT_SCHEDULED";

/** One reason. */
export interface Why {
  code: WhyCode;
  message: string;
  /** The move it waits for (AFTER_MOVE), the cycle's other moves (SAME_CYCLE). */
  moveIds?: string[];
  date?: string;
  resourceKeys?: string[];
}

/** A move's place in the plan. */
export interface PlacedMove {
  move: PlanMove;
  /** 1-based wave; null for RETAIN (not work). */
  wave: number | null;
  /** The unit (cycle) it moves with: the smallest move id of the unit. */
  unit: string;
  why: Why[];
  /** First day of its wave and the day it takes effect (the day after the wave). */
  startDate: string | null;
  effectDate: string | null;
}

/** Something the planner could not honour; the validator reports each as a violation. */
export interface PlanProblem {
  code: "PIN_NOT_HONOURED" | "CYCLIC_ORDER" | "NEVER_FITS" | "TEAM_OVERFLOW" | "BEYOND_HORIZON";
  moveIds: string[];
  wave: number | null;
  message: string;
}

/** The lower bound on the number of waves and what sets it. */
export interface WaveBound {
  waves: number;
  /** Longest chain of units, counting the waves their dates and contracts hold them back. */
  chain: number;
  /** ⌈scheduled moves ÷ most moves per wave⌉. */
  team: number;
  /** ⌈effort days ÷ most effort per wave⌉ (0 when effort is not limited). */
  effort: number;
}

/** The ordered plan. */
export interface WavePlan {
  calendar: WaveCalendar;
  outcome: Outcome;
  capacity: CapacityModel;
  ledger: LoadLedger;
  precedences: Precedence[];
  placed: Map<string, PlacedMove>;
  /** Moves in (wave, id) order, RETAIN last. */
  order: PlacedMove[];
  waveCount: number;
  bound: WaveBound;
  problems: PlanProblem[];
}

interface Unit {
  id: string;
  moves: PlanMove[];
  preds: { unit: Unit; lag: number; p: Precedence }[];
  succs: { unit: Unit; lag: number }[];
  /** Units in the longest chain from here (this one included). */
  tail: number;
  /** Waves of lag along the longest lag path from here. */
  tailLag: number;
  criticality: number;
  pinned: number | null;
  demand: MoveDemand;
  effort: number;
}

const CRITICALITY_RANK: Record<string, number> = { LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };

/** Plans the scenario's moves into waves. */
export function planWaves(input: PlanInput, outcome = new Outcome(input.estate, input.moves)): WavePlan {
  const { parameters } = input;
  const calendar = new WaveCalendar(parameters.startDate, parameters.waveLengthMonths, parameters.horizonYears);
  const capacity = new CapacityModel(outcome);
  const ledger = new LoadLedger(capacity);
  const moves = [...input.moves].sort((a, b) => (a.id < b.id ? -1 : 1));
  const scheduled = moves.filter(isScheduled);
  const moveById = new Map(moves.map((m) => [m.id, m]));
  const precs = precedences(outcome).filter(
    (p) => isScheduled(moveById.get(p.before)!) && isScheduled(moveById.get(p.after)!),
  );
  const problems: PlanProblem[] = [];
  const units = buildUnits(scheduled, precs, capacity, outcome, problems);

  // Release wave from dates and contracts, with its reason.
  const release = new Map<Unit, { wave: number; why: Why | null }>();
  for (const u of units) release.set(u, releaseOf(u, outcome, calendar));

  // Priority: longest chain to follow, then criticality, then smallest id (stable).
  for (const u of reverseTopological(units)) {
    u.tail = 1 + Math.max(0, ...u.succs.map((s) => s.unit.tail));
    u.tailLag = Math.max(0, ...u.succs.map((s) => s.lag + s.unit.tailLag));
  }
  const before = (a: Unit, b: Unit) =>
    a.tail !== b.tail ? b.tail - a.tail : a.criticality !== b.criticality ? b.criticality - a.criticality : a.id < b.id ? -1 : 1;

  const waveOf = new Map<Unit, number>();
  const teamMoves: number[] = [];
  const teamEffort: number[] = [];
  const placed = new Map<string, PlacedMove>();
  const remainingPreds = new Map(units.map((u) => [u, u.preds.length]));
  const ready = units.filter((u) => u.preds.length === 0).sort(before);
  const maxEffort = parameters.maxEffortDaysPerWave;
  // A pin is the planner's explicit choice: its team capacity is set aside before anything else is placed.
  const reservedMoves: number[] = [];
  const reservedEffort: number[] = [];
  for (const u of units)
    if (u.pinned !== null) {
      reservedMoves[u.pinned] = (reservedMoves[u.pinned] ?? 0) + u.moves.length;
      reservedEffort[u.pinned] = (reservedEffort[u.pinned] ?? 0) + u.effort;
    }
  const teamFits = (u: Unit, w: number) =>
    (teamMoves[w] ?? 0) + (reservedMoves[w] ?? 0) + u.moves.length <= parameters.maxMovesPerWave &&
    (maxEffort === null || (teamEffort[w] ?? 0) + (reservedEffort[w] ?? 0) + u.effort <= maxEffort);

  while (ready.length) {
    const u = ready.shift()!;
    // Earliest wave by what it follows, then by dates and contracts.
    let w0 = 1;
    let binding: Why = { code: "FIRST_WAVE", message: "nothing holds it back: it goes in the first wave" };
    for (const p of u.preds) {
      const w = waveOf.get(p.unit)! + p.lag;
      if (w > w0 || (w === w0 && binding.code === "FIRST_WAVE")) {
        w0 = w;
        binding = {
          code: "AFTER_MOVE",
          message: `${p.p.message}${p.lag ? " (a wave later)" : ""}`,
          moveIds: [p.p.before],
        };
      }
    }
    const rel = release.get(u)!;
    if (rel.wave > w0) {
      w0 = rel.wave;
      binding = rel.why!;
    }
    const why: Why[] = [];
    let wave: number;
    if (u.pinned !== null) {
      reservedMoves[u.pinned]! -= u.moves.length;
      reservedEffort[u.pinned]! -= u.effort;
      // A pin is kept even before what the move must follow (the validator names the broken order), but
      // not before a date or contract end: those are facts, so the move goes to the first wave they allow.
      if (u.pinned >= rel.wave) {
        wave = u.pinned;
        why.push({ code: "PINNED", message: `pinned to wave ${u.pinned} by the planner` });
        if (w0 > 1 && w0 <= u.pinned) why.push(binding);
      } else {
        wave = rel.wave;
        why.push(rel.why!);
        problems.push({
          code: "PIN_NOT_HONOURED",
          moveIds: u.moves.map((m) => m.id),
          wave: u.pinned,
          message: `pinned to wave ${u.pinned}, but it cannot take effect before wave ${rel.wave}: ${rel.why!.message}`,
        });
      }
    } else {
      const limit = Math.max(w0, calendar.horizonWaves) + Math.ceil(scheduled.length / parameters.maxMovesPerWave) + 1;
      let w = w0;
      let found: number | null = null;
      let capacityFit = ledger.firstFit(u.demand, w0, calendar.horizonWaves);
      if (capacityFit === null) {
        problems.push({
          code: "NEVER_FITS",
          moveIds: u.moves.map((m) => m.id),
          wave: null,
          message: `does not fit its target in any wave: ${describeArrivals(u.demand, capacity)}`,
        });
        capacityFit = w0;
      }
      for (w = Math.max(w0, capacityFit); w <= limit; w++) {
        if (teamFits(u, w)) {
          found = w;
          break;
        }
      }
      if (found === null) {
        found = Math.max(w0, capacityFit);
        problems.push({
          code: "TEAM_OVERFLOW",
          moveIds: u.moves.map((m) => m.id),
          wave: found,
          message: `${u.moves.length} move(s) and ${u.effort} effort day(s) moving together exceed the team's capacity per wave`,
        });
      }
      wave = found;
      if (wave === w0) why.push(binding);
      else {
        if (capacityFit > w0)
          why.push({
            code: "TARGET_CAPACITY",
            message: `its target had no room before wave ${capacityFit}: ${describeArrivals(u.demand, capacity)}`,
            resourceKeys: u.demand.arrivals.map((d) => d.key),
          });
        if (wave > Math.max(w0, capacityFit))
          why.push({
            code: "TEAM_CAPACITY",
            message: `the team's capacity (${parameters.maxMovesPerWave} moves${maxEffort === null ? "" : `, ${maxEffort} effort days`} a wave) was taken in waves ${Math.max(w0, capacityFit)}–${wave - 1}`,
          });
        if (w0 > 1) why.push(binding);
      }
    }
    if (u.moves.length > 1)
      why.push({
        code: "SAME_CYCLE",
        message: `moves with ${u.moves.length - 1} other move(s) whose assets depend on each other in a cycle`,
        moveIds: u.moves.map((m) => m.id),
      });
    if (wave > calendar.horizonWaves)
      problems.push({
        code: "BEYOND_HORIZON",
        moveIds: u.moves.map((m) => m.id),
        wave,
        message: `lands in wave ${wave}, after the ${parameters.horizonYears}-year horizon (${calendar.horizonWaves} waves)`,
      });
    waveOf.set(u, wave);
    teamMoves[wave] = (teamMoves[wave] ?? 0) + u.moves.length;
    teamEffort[wave] = (teamEffort[wave] ?? 0) + u.effort;
    ledger.place(u.demand, wave);
    for (const m of u.moves)
      placed.set(m.id, {
        move: m,
        wave,
        unit: u.id,
        why,
        startDate: calendar.waveStart(wave),
        effectDate: calendar.waveEnd(wave),
      });
    for (const s of u.succs) {
      const left = remainingPreds.get(s.unit)! - 1;
      remainingPreds.set(s.unit, left);
      if (left === 0) insertSorted(ready, s.unit, before);
    }
  }
  for (const m of moves)
    if (!isScheduled(m))
      placed.set(m.id, {
        move: m,
        wave: null,
        unit: m.id,
        why: [{ code: "NOT_SCHEDULED", message: "kept as it is: a decision, not work for a wave" }],
        startDate: null,
        effectDate: null,
      });

  const waveCount = Math.max(0, ...[...waveOf.values()]);
  for (let w = 1; w <= waveCount; w++)
    if ((teamMoves[w] ?? 0) > parameters.maxMovesPerWave || (maxEffort !== null && (teamEffort[w] ?? 0) > maxEffort))
      if (!problems.some((p) => p.code === "TEAM_OVERFLOW" && p.wave === w))
        problems.push({
          code: "TEAM_OVERFLOW",
          moveIds: [...placed.values()].filter((p) => p.wave === w).map((p) => p.move.id),
          wave: w,
          message: `wave ${w} holds ${teamMoves[w]} move(s) and ${teamEffort[w] ?? 0} effort day(s); the team can carry ${parameters.maxMovesPerWave} move(s)${maxEffort === null ? "" : ` and ${maxEffort} effort day(s)`}`,
        });

  const order = [...placed.values()].sort((a, b) =>
    (a.wave ?? Infinity) !== (b.wave ?? Infinity)
      ? (a.wave ?? Infinity) - (b.wave ?? Infinity)
      : a.move.id < b.move.id
        ? -1
        : 1,
  );
  const chain = Math.max(0, ...units.map((u) => release.get(u)!.wave + u.tailLag));
  const team = Math.ceil(scheduled.length / parameters.maxMovesPerWave);
  const effortTotal = units.reduce((s, u) => s + u.effort, 0);
  const effort = maxEffort ? Math.ceil(effortTotal / maxEffort) : 0;
  return {
    calendar,
    outcome,
    capacity,
    ledger,
    precedences: precs,
    placed,
    order,
    waveCount,
    bound: { waves: Math.max(chain, team, effort), chain, team, effort },
    problems,
  };
}

function describeArrivals(demand: MoveDemand, capacity: CapacityModel): string {
  return demand.arrivals
    .map((d) => {
      const r = capacity.resources.get(d.key)!;
      return `${round(d.amount)} ${UNITS[r.kind]} at ${r.name} (capacity ${r.capacity === null ? "unlimited" : round(r.capacity)}, in use ${round(r.base)})`;
    })
    .join("; ");
}

const UNITS = { RACK_UNITS: "rack units", POWER_KW: "kW", STORAGE_TB: "TB", VCPU: "vCPU", RAM_GB: "GB RAM" };

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** Groups moves into units: the strongly connected components of the precedence graph. */
function buildUnits(
  moves: PlanMove[],
  precs: Precedence[],
  capacity: CapacityModel,
  outcome: Outcome,
  problems: PlanProblem[],
): Unit[] {
  const g = new DirectedGraph();
  for (const m of moves) g.addNode(m.id);
  for (const p of precs) if (!g.hasEdge(p.before, p.after)) g.addEdge(p.before, p.after);
  const unitOf = new Map<string, Unit>();
  const units: Unit[] = [];
  const moveById = new Map(moves.map((m) => [m.id, m]));
  for (const component of stronglyConnectedComponents(g)) {
    const ms = component.map((id) => moveById.get(id)!).sort((a, b) => (a.id < b.id ? -1 : 1));
    const pins = [...new Set(ms.map((m) => m.pinnedWave).filter((w): w is number => w !== null))].sort((a, b) => a - b);
    const demand: MoveDemand = { arrivals: [], departures: [] };
    for (const m of ms) {
      const d = capacity.demands.get(m.id)!;
      demand.arrivals.push(...d.arrivals);
      demand.departures.push(...d.departures);
    }
    const unit: Unit = {
      id: ms[0]!.id,
      moves: ms,
      preds: [],
      succs: [],
      tail: 1,
      tailLag: 0,
      criticality: Math.max(
        0,
        ...ms.map((m) => (m.assetId ? (CRITICALITY_RANK[outcome.estate.assets.get(m.assetId)?.criticality ?? ""] ?? 0) : 0)),
      ),
      pinned: pins.length ? pins[pins.length - 1]! : null,
      demand,
      effort: ms.reduce((s, m) => s + m.effortDays, 0),
    };
    if (pins.length > 1)
      problems.push({
        code: "PIN_NOT_HONOURED",
        moveIds: ms.filter((m) => m.pinnedWave !== null && m.pinnedWave !== unit.pinned).map((m) => m.id),
        wave: pins[0]!,
        message: `these moves depend on each other in a cycle and must share a wave, but are pinned to waves ${pins.join(", ")}; wave ${unit.pinned} is used`,
      });
    units.push(unit);
    for (const m of ms) unitOf.set(m.id, unit);
  }
  units.sort((a, b) => (a.id < b.id ? -1 : 1));
  const edge = new Map<string, { from: Unit; to: Unit; lag: number; p: Precedence }>();
  for (const p of precs) {
    const from = unitOf.get(p.before)!;
    const to = unitOf.get(p.after)!;
    if (from === to) {
      if (p.lag > 0)
        problems.push({
          code: "CYCLIC_ORDER",
          moveIds: [p.before, p.after],
          wave: null,
          message: `${p.message}, but the two depend on each other in a cycle and must move in the same wave`,
        });
      continue;
    }
    const key = `${from.id}>${to.id}`;
    const existing = edge.get(key);
    if (!existing || p.lag > existing.lag) edge.set(key, { from, to, lag: p.lag, p });
  }
  for (const e of [...edge.values()].sort((a, b) => (a.p.before + a.p.after < b.p.before + b.p.after ? -1 : 1))) {
    e.to.preds.push({ unit: e.from, lag: e.lag, p: e.p });
    e.from.succs.push({ unit: e.to, lag: e.lag });
  }
  return units;
}

/** The first wave dates and contracts allow, with the reason (null when nothing holds it back). */
function releaseOf(u: Unit, outcome: Outcome, calendar: WaveCalendar): { wave: number; why: Why | null } {
  let best: { wave: number; why: Why | null } = { wave: 1, why: null };
  for (const m of u.moves) {
    if (m.earliestDate) {
      const w = calendar.firstWaveEffectiveOnOrAfter(m.earliestDate);
      if (w > best.wave)
        best = { wave: w, why: { code: "EARLIEST_DATE", message: `may not take effect before ${m.earliestDate}`, date: m.earliestDate } };
    }
    if (m.acceptExitCost) continue;
    for (const b of contractBindings(outcome, m)) {
      const w = calendar.firstWaveEffectiveOnOrAfter(b.freeFrom);
      if (w > best.wave)
        best = {
          wave: w,
          why: {
            code: "CONTRACT_END",
            message: `waits for contract ${b.contract.reference} to end on ${b.contract.endDate}${b.contract.noticePeriodDays ? ` (notice of ${b.contract.noticePeriodDays} days by ${addDays(b.contract.endDate!, -b.contract.noticePeriodDays)})` : ""}; accept the exit cost to go earlier`,
            date: b.contract.endDate!,
          },
        };
    }
  }
  return best;
}

/** Units ordered so that every unit comes after all its successors. */
function reverseTopological(units: Unit[]): Unit[] {
  const indegree = new Map(units.map((u) => [u, u.preds.length]));
  const queue = units.filter((u) => u.preds.length === 0);
  const order: Unit[] = [];
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i]!;
    order.push(u);
    for (const s of u.succs) {
      const left = indegree.get(s.unit)! - 1;
      indegree.set(s.unit, left);
      if (left === 0) queue.push(s.unit);
    }
  }
  return order.reverse();
}

function insertSorted<T>(list: T[], item: T, cmp: (a: T, b: T) => number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmp(list[mid]!, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}
