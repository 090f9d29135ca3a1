// What approvers agreed to: the figures of a scenario as they stood when it was proposed and when it was
// approved. Live figures are recomputed from the estate on every read, so they drift when the estate
// changes afterwards (an asset's run cost, a licence price); a snapshot does not, and comparing it with
// the live figures says whether — and where — the plan has drifted since. Money is stored as pence strings
// (JSON has no BigInt). Pure, but for the clock the caller passes in.
import type { ScenarioAnalysis } from "./analysis.ts";
import { figureSources } from "./visibility.ts";

/** One organisation's figures at the time of the snapshot. */
export interface SnapshotOrganisation {
  organisationId: string;
  /** Organisations whose commercial values these figures use (shown only to callers who may read each). */
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
  organisations: SnapshotOrganisation[];
}

/** The snapshot of an analysed scenario, stamped `at`, for version `version`. */
export function takeSnapshot(a: ScenarioAnalysis, version: number, at: Date): ScenarioSnapshot {
  const f = a.financials();
  const sources = figureSources(f, a.input.estate, new Map(a.input.moves.map((m) => [m.id, m])));
  const errors = a.violations.filter((v) => v.severity === "ERROR").length;
  return {
    takenAt: at.toISOString(),
    scenarioVersion: version,
    valid: errors === 0,
    errorCount: errors,
    warningCount: a.violations.length - errors,
    waveCount: a.plan.waveCount,
    moveCount: a.input.moves.length,
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
      };
    }),
  };
}

const FIGURES = [
  ["baselinePence", "baseline"],
  ["planRunCostPence", "planRunCost"],
  ["finalRunRatePence", "finalRunRate"],
  ["targetPence", "target"],
  ["againstTargetPence", "againstTarget"],
  ["npvPence", "npv"],
  ["paybackDate", "paybackDate"],
  ["totalOneOffPence", "totalOneOff"],
  ["totalSavingPence", "totalSaving"],
] as const;

/**
 * What differs between a stored snapshot and the live one, in words without values (e.g. "DCC npv",
 * "valid", "waveCount"); empty when nothing has drifted. `code` names organisations; an organisation's
 * figures are compared only when `readable` holds for every organisation whose prices they use.
 */
export function snapshotDifferences(
  stored: ScenarioSnapshot,
  live: ScenarioSnapshot,
  code: (organisationId: string) => string,
  readable: (organisationId: string) => boolean = () => true,
): string[] {
  const out: string[] = [];
  for (const k of ["valid", "errorCount", "warningCount", "waveCount", "moveCount"] as const) if (stored[k] !== live[k]) out.push(k);
  const now = new Map(live.organisations.map((o) => [o.organisationId, o]));
  const then = new Map(stored.organisations.map((o) => [o.organisationId, o]));
  const ids = [...new Set([...then.keys(), ...now.keys()])].sort((x, y) => (code(x) < code(y) ? -1 : code(x) > code(y) ? 1 : 0));
  for (const id of ids) {
    const s = then.get(id);
    const l = now.get(id);
    if (!s || !l) {
      out.push(`${code(id)} ${s ? "no longer takes part" : "now takes part"}`);
      continue;
    }
    // Figures built from prices the reader may not see are not compared for them: that they moved would
    // itself tell something of the hidden prices.
    if (![...s.sources, ...l.sources].every(readable)) continue;
    for (const [key, name] of FIGURES) if (s[key] !== l[key]) out.push(`${code(id)} ${name}`);
  }
  return out;
}

/** Reads a stored snapshot (a Json column), or null. */
export function storedSnapshot(value: unknown): ScenarioSnapshot | null {
  return value && typeof value === "object" && "organisations" in value ? (value as ScenarioSnapshot) : null;
}
