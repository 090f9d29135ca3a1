// Energy and carbon of the sites, before the plan and wave by wave under it. A site's IT load (kW) is its
// recorded power in use, or the sum of the power of the assets located there; its electricity is
// IT load × PUE × 8,760 hours a year; its emissions are that × the grid electricity conversion factor
// (UK government, DESNZ, for the stated reporting year). Moves change the load at their wave's end:
// a migration takes its power from one site to another, a retirement or consolidation removes it, a
// closure empties the site. A site with no recorded PUE counts 1.0 and is named in `assumptions`.
import type { PlanInput } from "./model.ts";
import type { WavePlan } from "./waves.ts";

/** Hours in a year for annual energy. */
export const HOURS_PER_YEAR = 8760;

/** One organisation's energy and emissions at one point. */
export interface EnergyPoint {
  /** 0 = before the plan; w = after wave w. */
  wave: number;
  kw: number;
  kwhPerYear: number;
  tco2ePerYear: number;
}

/** One organisation's sites' energy, baseline and after each wave. */
export interface OrganisationEnergy {
  organisationId: string;
  points: EnergyPoint[];
}

/** Energy and carbon of the scenario. */
export interface ScenarioEnergy {
  factorGPerKwh: number;
  factorYear: number;
  organisations: OrganisationEnergy[];
  totals: EnergyPoint[];
  assumptions: string[];
}

/** Computes energy and carbon per organisation, before the plan and after each wave. */
export function scenarioEnergy(input: PlanInput, plan: WavePlan): ScenarioEnergy {
  const { outcome } = plan;
  const { sites } = input.estate;
  const factor = input.parameters.carbonFactorGPerKwh;
  const load = new Map<string, number>();
  for (const s of [...sites.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (s.lifecycle === "RETIRED") continue;
    load.set(s.id, s.powerUsedKw ?? s.assetPowerKw);
  }
  const assumptions = [...sites.values()]
    .filter((s) => s.pue === null && (load.get(s.id) ?? 0) > 0)
    .map((s) => `${s.name}: no PUE recorded, 1.0 assumed`)
    .sort();
  // Load changes per wave.
  const deltas = new Map<number, { siteId: string; kw: number | "CLOSE" }[]>();
  const at = (w: number) => {
    let list = deltas.get(w);
    if (!list) deltas.set(w, (list = []));
    return list;
  };
  for (const p of plan.order) {
    if (p.wave === null) continue;
    const m = p.move;
    const a = m.assetId ? input.estate.assets.get(m.assetId) : undefined;
    if (a?.powerKw && a.siteId) {
      if (m.kind === "MIGRATE" && m.targetSiteId) {
        at(p.wave).push({ siteId: a.siteId, kw: -a.powerKw }, { siteId: m.targetSiteId, kw: a.powerKw });
      } else if (m.kind === "MIGRATE" || m.kind === "RETIRE" || m.kind === "CONSOLIDATE" || m.kind === "REPLACE") {
        at(p.wave).push({ siteId: a.siteId, kw: -a.powerKw });
      }
    }
    if (m.kind === "CLOSE_SITE" && m.siteId) at(p.wave).push({ siteId: m.siteId, kw: "CLOSE" });
  }
  const orgOf = (siteId: string) => sites.get(siteId)?.organisationId ?? "";
  const orgIds = [...new Set([...load.keys()].map(orgOf))].filter(Boolean);
  const code = (o: string) => input.estate.organisationCodes.get(o) ?? o;
  orgIds.sort((a, b) => (code(a) < code(b) ? -1 : code(a) > code(b) ? 1 : 0));
  const point = (wave: number, siteIds: string[]): EnergyPoint => {
    let kw = 0;
    let kwh = 0;
    for (const id of siteIds) {
      const l = Math.max(0, load.get(id) ?? 0);
      kw += l;
      kwh += l * (sites.get(id)?.pue ?? 1) * HOURS_PER_YEAR;
    }
    return { wave, kw: round(kw, 3), kwhPerYear: Math.round(kwh), tco2ePerYear: round((kwh * factor) / 1e6, 2) };
  };
  const series = new Map<string, EnergyPoint[]>(orgIds.map((o) => [o, []]));
  const totals: EnergyPoint[] = [];
  const snapshot = (wave: number) => {
    for (const o of orgIds) series.get(o)!.push(point(wave, [...load.keys()].filter((s) => orgOf(s) === o)));
    totals.push(point(wave, [...load.keys()]));
  };
  snapshot(0);
  for (let w = 1; w <= plan.waveCount; w++) {
    const list = deltas.get(w) ?? [];
    for (const d of list) if (d.kw !== "CLOSE") load.set(d.siteId, (load.get(d.siteId) ?? 0) + d.kw);
    // A closure empties the site after the wave's other changes.
    for (const d of list) if (d.kw === "CLOSE") load.set(d.siteId, 0);
    snapshot(w);
  }
  return {
    factorGPerKwh: factor,
    factorYear: input.parameters.carbonFactorYear,
    organisations: orgIds.map((o) => ({ organisationId: o, points: series.get(o)! })),
    totals,
    assumptions,
  };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
