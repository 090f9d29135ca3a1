// What approvers agreed to: the figures of a scenario as they stood when it was proposed and when it was
// approved. Live figures are recomputed from the estate on every read, so they drift when the estate
// changes afterwards (an asset's run cost, a licence price); a snapshot does not, and comparing it with
// the live figures says whether — and where — the plan has drifted since. Money is stored as pence strings
// (JSON has no BigInt). Pure, but for the clock the caller passes in.
//
// Who sees what follows scenarioFinancials (visibility.ts): besides each organisation's full figures, a
// snapshot keeps the parts they are computed from — its recurring changes and one-off costs summed by month,
// grouped by the organisations whose prices they use — so a caller who may not read some of those prices
// sees the figures computed from the other parts (partial), exactly as the live figures would have shown
// them then. Snapshots stored before the parts were kept are shown whole or not at all.
import type { ScenarioAnalysis } from "./analysis.ts";
import { figuresOf, type FigureParameters } from "./financials.ts";
import { changeSources, costSources, figureSources } from "./visibility.ts";

/** Changes and costs of one organisation whose figures use the prices of the same organisations. */
export interface SnapshotPart {
  /** The organisations whose commercial values they use, sorted (empty: none). */
  sources: string[];
  /** Recurring annual changes summed by the month they apply from. */
  changes: { fromMonth: number; annualPence: string }[];
  /** One-off costs summed by month. */
  costs: { month: number; costPence: string }[];
}

/** One organisation's figures at the time of the snapshot. */
export interface SnapshotOrganisation {
  organisationId: string;
  /** Organisations whose commercial values these figures use (all of them shown only to callers who may read each). */
  sources: string[];
  baselinePence: string;
  /** Annual run cost once every move has taken effect: baseline − final run rate. */
  planRunCostPence: string;
  finalRunRatePence: string;
  targetPence: string;
  /** finalRunRate − target: a surplus when ≥ 0, a shortfall when < 0. */
  againstTargetPence: string;
  npvPence: string;
  paybackDate: string | null;
  totalOneOffPence: string;
  totalSavingPence: string;
  /** True when the baseline includes the organisation's licence spend (shown only to who may read its prices). */
  baselineHasLicences?: boolean;
  /** What the figures are computed from (absent in snapshots taken before they were kept). */
  parts?: SnapshotPart[];
}

/** A scenario's plan and business case as they stood at one moment. */
export interface ScenarioSnapshot {
  takenAt: string;
  /** The scenario version the snapshot is of. */
  scenarioVersion: number;
  valid: boolean;
  errorCount: number;
  warningCount: number;
  waveCount: number;
  moveCount: number;
  /** The parameters the figures were computed with (absent in snapshots taken before the parts were kept). */
  parameters?: FigureParameters;
  organisations: SnapshotOrganisation[];
}

/** The snapshot of an analysed scenario, stamped `at`, for version `version`. */
export function takeSnapshot(a: ScenarioAnalysis, version: number, at: Date): ScenarioSnapshot {
  const f = a.financials();
  const moves = new Map(a.input.moves.map((m) => [m.id, m]));
  const sources = figureSources(f, a.input.estate, moves);
  const errors = a.violations.filter((v) => v.severity === "ERROR").length;
  const { startDate, horizonYears, discountRateBp } = a.input.parameters;
  // Organisation → sources key → the part.
  const parts = new Map<string, Map<string, { sources: string[]; changes: Map<number, bigint>; costs: Map<number, bigint> }>>();
  const partOf = (organisationId: string, of: string[]) => {
    const list = [...new Set(of)].sort();
    const key = list.join(",");
    let mine = parts.get(organisationId);
    if (!mine) parts.set(organisationId, (mine = new Map()));
    let part = mine.get(key);
    if (!part) mine.set(key, (part = { sources: list, changes: new Map(), costs: new Map() }));
    return part;
  };
  for (const c of f.changes) {
    const p = partOf(c.organisationId, changeSources(c, moves.get(c.moveId), a.input.estate)).changes;
    p.set(c.fromMonth, (p.get(c.fromMonth) ?? 0n) + c.annualPence);
  }
  for (const c of f.oneOffs) {
    const p = partOf(c.organisationId, costSources(c)).costs;
    p.set(c.month, (p.get(c.month) ?? 0n) + c.pence);
  }
  const byMonth = (m: Map<number, bigint>) => [...m].filter(([, v]) => v !== 0n).sort(([x], [y]) => x - y);
  return {
    takenAt: at.toISOString(),
    scenarioVersion: version,
    valid: errors === 0,
    errorCount: errors,
    warningCount: a.violations.length - errors,
    waveCount: a.plan.waveCount,
    moveCount: a.input.moves.length,
    parameters: { startDate, horizonYears, discountRateBp },
    organisations: f.organisations.map((o) => {
      const baseline = o.baseline.assetRunCostPence + o.baseline.siteCostPence + o.baseline.licenceCostPence;
      return {
        organisationId: o.organisationId,
        sources: [...(sources.get(o.organisationId) ?? [])].sort(),
        baselinePence: String(baseline),
        planRunCostPence: String(baseline - o.finalRunRate),
        finalRunRatePence: String(o.finalRunRate),
        targetPence: String(o.target),
        againstTargetPence: String(o.finalRunRate - o.target),
        npvPence: String(o.npv),
        paybackDate: o.paybackDate,
        totalOneOffPence: String(o.totalOneOff),
        totalSavingPence: String(o.totalSaving),
        baselineHasLicences: o.baseline.licenceCostPence !== 0n,
        parts: [...(parts.get(o.organisationId)?.values() ?? [])]
          .sort((x, y) => (x.sources.join(",") < y.sources.join(",") ? -1 : 1))
          .map((p) => ({
            sources: p.sources,
            changes: byMonth(p.changes).map(([fromMonth, v]) => ({ fromMonth, annualPence: String(v) })),
            costs: byMonth(p.costs).map(([month, v]) => ({ month, costPence: String(v) })),
          })),
      };
    }),
  };
}

/** What a caller may read of one organisation's stored figures. */
export interface SnapshotReach {
  /** The baseline (and so the plan run cost) may be shown. */
  baseline: boolean;
  /** Every part may be shown: the figures are complete. */
  complete: boolean;
  /** Some parts are hidden and the rest shown: the figures are partial. */
  partial: boolean;
  /** Nothing but the target may be shown (a snapshot without parts that uses prices the caller may not read). */
  hidden: boolean;
  /** The organisations whose prices the hidden parts (or hidden figures) use, sorted by id. */
  hiddenPricesOf: string[];
}

/** What `readable` lets a caller see of one organisation's stored figures. */
export function snapshotReach(o: SnapshotOrganisation, readable: (organisationId: string) => boolean): SnapshotReach {
  if (!o.parts) {
    // Kept whole: shown only when every organisation whose prices they may use is readable — its own
    // included, since a planner's override (not named in these sources then) accrues to it.
    const unread = [...new Set([...o.sources, o.organisationId])].filter((x) => !readable(x)).sort();
    const ok = unread.length === 0;
    return { baseline: ok, complete: ok, partial: false, hidden: !ok, hiddenPricesOf: unread };
  }
  const unread = new Set<string>();
  for (const p of o.parts) for (const s of p.sources) if (!readable(s)) unread.add(s);
  const baseline = !o.baselineHasLicences || readable(o.organisationId);
  const complete = o.parts.every((p) => p.sources.every(readable));
  return { baseline, complete, partial: !complete, hidden: false, hiddenPricesOf: [...unread].sort() };
}

/** One organisation's stored figures as a caller sees them: null where hidden, sums of the visible parts when partial. */
export interface SeenSnapshotFigures {
  organisationId: string;
  reach: SnapshotReach;
  target: bigint;
  baseline: bigint | null;
  planRunCost: bigint | null;
  finalRunRate: bigint | null;
  againstTarget: bigint | null;
  npv: bigint | null;
  paybackDate: string | null;
  totalOneOff: bigint | null;
  totalSaving: bigint | null;
}

/** What `readable` lets a caller see of organisation `o`'s figures in `snapshot`. */
export function seenSnapshotFigures(
  snapshot: ScenarioSnapshot,
  o: SnapshotOrganisation,
  readable: (organisationId: string) => boolean,
): SeenSnapshotFigures {
  const reach = snapshotReach(o, readable);
  const target = BigInt(o.targetPence);
  const out: SeenSnapshotFigures = {
    organisationId: o.organisationId,
    reach,
    target,
    baseline: reach.baseline ? BigInt(o.baselinePence) : null,
    planRunCost: reach.baseline && reach.complete ? BigInt(o.planRunCostPence) : null,
    finalRunRate: null,
    againstTarget: null,
    npv: null,
    paybackDate: null,
    totalOneOff: null,
    totalSaving: null,
  };
  if (reach.hidden) return out;
  if (reach.complete)
    return {
      ...out,
      finalRunRate: BigInt(o.finalRunRatePence),
      againstTarget: BigInt(o.againstTargetPence),
      npv: BigInt(o.npvPence),
      paybackDate: o.paybackDate,
      totalOneOff: BigInt(o.totalOneOffPence),
      totalSaving: BigInt(o.totalSavingPence),
    };
  const shown = o.parts!.filter((p) => p.sources.every(readable));
  const f = figuresOf(
    snapshot.parameters!,
    o.organisationId,
    { assetRunCostPence: 0n, siteCostPence: 0n, licenceCostPence: 0n },
    shown.flatMap((p) => p.changes.map((c) => ({ fromMonth: c.fromMonth, annualPence: BigInt(c.annualPence) }))),
    shown.flatMap((p) => p.costs.map((c) => ({ month: c.month, pence: BigInt(c.costPence) }))),
    target,
  );
  return {
    ...out,
    finalRunRate: f.finalRunRate,
    againstTarget: f.finalRunRate - target,
    npv: f.npv,
    paybackDate: f.paybackDate,
    totalOneOff: f.totalOneOff,
    totalSaving: f.totalSaving,
  };
}

/**
 * A stored organisation entry (as the audit trail shows it) with what the caller may not read blanked: the
 * whole figures unless every organisation whose prices they use is readable, and each part whose prices
 * are not — the rule the API's snapshot fields follow.
 */
export function blankedSnapshotOrganisation(
  o: Record<string, unknown>,
  readable: (organisationId: string) => boolean,
): Record<string, unknown> {
  const sources = Array.isArray(o.sources) ? (o.sources as string[]) : null;
  const own = typeof o.organisationId === "string" ? [o.organisationId] : [];
  const required = sources === null ? null : Array.isArray(o.parts) ? sources : [...sources, ...own];
  if (required !== null && required.every(readable)) return o;
  const blank = (x: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(x).map(([k, v]) => [k, k.endsWith("Pence") || k === "paybackDate" ? null : v]));
  const out = blank(o);
  if (Array.isArray(o.parts))
    out.parts = (o.parts as Record<string, unknown>[]).map((p) => {
      const ok = Array.isArray(p.sources) && (p.sources as string[]).every(readable);
      if (ok) return p;
      return {
        ...p,
        changes: Array.isArray(p.changes) ? (p.changes as Record<string, unknown>[]).map(blank) : p.changes,
        costs: Array.isArray(p.costs) ? (p.costs as Record<string, unknown>[]).map(blank) : p.costs,
      };
    });
  return out;
}


/** Whether a snapshot's figures have drifted from the live ones, as far as a caller may tell. */
export interface Drift {
  /** What differs, in words without values (e.g. "DCC npv", "valid", "waveCount"), among what the caller may see. */
  differences: string[];
  /** True when something differs; false when nothing does and everything could be compared; null (unknown) otherwise. */
  drifted: boolean | null;
  /** The organisations some of whose figures could not be compared for the caller, sorted by code. */
  unknownFor: string[];
}

const SEEN = [
  "baseline",
  "planRunCost",
  "finalRunRate",
  "target",
  "againstTarget",
  "npv",
  "paybackDate",
  "totalOneOff",
  "totalSaving",
] as const;

/**
 * What differs between a stored snapshot and the live one, as far as `readable` lets the caller tell; `code`
 * names organisations. Each organisation's figures are compared as the caller is shown them in both (the
 * snapshot's, and the live ones scenarioFinancials shows): the target always, the baseline and plan run cost
 * when shown in both, the rest when not hidden in both — partial sums included, since the caller sees both
 * anyway. A figure hidden in either, or equal only as partial sums, cannot tell that nothing moved: that a
 * hidden figure moved would itself tell something of the hidden prices. So when nothing the caller sees
 * differs but such a figure exists, whether the plan drifted is unknown.
 */
export function snapshotDrift(
  stored: ScenarioSnapshot,
  live: ScenarioSnapshot,
  code: (organisationId: string) => string,
  readable: (organisationId: string) => boolean = () => true,
): Drift {
  const differences: string[] = [];
  const unknown = new Set<string>();
  for (const k of ["valid", "errorCount", "warningCount", "waveCount", "moveCount"] as const) if (stored[k] !== live[k]) differences.push(k);
  const now = new Map(live.organisations.map((o) => [o.organisationId, o]));
  const then = new Map(stored.organisations.map((o) => [o.organisationId, o]));
  const byCode = (x: string, y: string) => (code(x) < code(y) ? -1 : code(x) > code(y) ? 1 : 0);
  for (const id of [...new Set([...then.keys(), ...now.keys()])].sort(byCode)) {
    const s = then.get(id);
    const l = now.get(id);
    if (!s || !l) {
      differences.push(`${code(id)} ${s ? "no longer takes part" : "now takes part"}`);
      continue;
    }
    const [a, b] = [seenSnapshotFigures(stored, s, readable), seenSnapshotFigures(live, l, readable)];
    const whole = a.reach.complete && b.reach.complete;
    for (const name of SEEN) {
      const shown =
        name === "target"
          ? true
          : name === "baseline"
            ? a.reach.baseline && b.reach.baseline
            : name === "planRunCost"
              ? a.reach.baseline && b.reach.baseline && whole
              : !a.reach.hidden && !b.reach.hidden;
      const certain = name === "target" || name === "baseline" || whole;
      if (shown && a[name] !== b[name]) differences.push(`${code(id)} ${name}`);
      else if (!shown || !certain) unknown.add(id);
    }
  }
  return {
    differences,
    drifted: differences.length > 0 ? true : unknown.size > 0 ? null : false,
    unknownFor: [...unknown].sort(byCode),
  };
}

/** Reads a stored snapshot (a Json column), or null. */
export function storedSnapshot(value: unknown): ScenarioSnapshot | null {
  return value && typeof value === "object" && "organisations" in value ? (value as ScenarioSnapshot) : null;
}
