// Energy and carbon of the sites, before the plan and wave by wave under it. A site's IT load (kW) is its
// recorded power in use, or the sum of the power of the assets located there; its electricity is
// IT load × PUE × 8,760 hours a year; its emissions are that × the grid electricity conversion factor
// (UK government, DESNZ, for the stated reporting year). Moves change the load at their wave's end:
// a migration takes its power from one site to another, a retirement or consolidation removes it, a
// closure empties the site. A site with no recorded PUE counts 1.0 and is named in `assumptions`. Energy
// counts to whoever owns the kit: each asset's kW to its owner (pro rata to the recorded use when that is
// less than the assets' sum), and the rest of a site's recorded use to the site's owner.
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

/**
 * Computes energy and carbon per organisation, before the plan and after each wave. A site's load counts
 * to the owners of the assets there, each its assets' kW (scaled down pro rata when the site's recorded
 * use is less than their sum); what the recorded use has beyond the assets' kW counts to the site's owner.
 */
export function scenarioEnergy(input: PlanInput, plan: WavePlan): ScenarioEnergy {
  const { sites, assets } = input.estate;
  const factor = input.parameters.carbonFactorGPerKwh;
  const load = new Map<string, number>();
  /** Site → owning organisation → kW of its assets there. */
  const owned = new Map<string, Map<string, number>>();
  const ownedAt = (siteId: string) => {
    let m = owned.get(siteId);
    if (!m) owned.set(siteId, (m = new Map()));
    return m;
  };
  for (const s of [...sites.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (s.lifecycle === "RETIRED") continue;
    load.set(s.id, s.powerUsedKw ?? s.assetPowerKw);
    const given = s.assetPowerKwByOrganisation;
    if (given) for (const [o, kw] of [...given].sort(([a], [b]) => (a < b ? -1 : 1))) ownedAt(s.id).set(o, kw);
  }
  for (const a of [...assets.values()].sort((x, y) => (x.id < y.id ? -1 : 1))) {
    if (!a.siteId || !a.powerKw || a.lifecycle === "RETIRED" || sites.get(a.siteId)?.assetPowerKwByOrganisation) continue;
    const m = ownedAt(a.siteId);
    m.set(a.organisationId, (m.get(a.organisationId) ?? 0) + a.powerKw);
  }
  const assumptions = [...sites.values()]
    .filter((s) => s.pue === null && (load.get(s.id) ?? 0) > 0)
    .map((s) => `${s.name}: no PUE recorded, 1.0 assumed`)
    .sort();
  // Load changes per wave.
  type Delta = { siteId: string; kw: number; owner: string } | { siteId: string; kw: "CLOSE" };
  const deltas = new Map<number, Delta[]>();
  const at = (w: number) => {
    let list = deltas.get(w);
    if (!list) deltas.set(w, (list = []));
    return list;
  };
  for (const p of plan.order) {
    if (p.wave === null) continue;
    const m = p.move;
    const a = m.assetId ? assets.get(m.assetId) : undefined;
    if (a?.powerKw && a.siteId) {
      const owner = a.organisationId;
      if (m.kind === "MIGRATE" && m.targetSiteId) {
        at(p.wave).push({ siteId: a.siteId, kw: -a.powerKw, owner }, { siteId: m.targetSiteId, kw: a.powerKw, owner });
      } else if (m.kind === "MIGRATE" || m.kind === "RETIRE" || m.kind === "CONSOLIDATE" || m.kind === "REPLACE") {
        at(p.wave).push({ siteId: a.siteId, kw: -a.powerKw, owner });
      }
    }
    if (m.kind === "CLOSE_SITE" && m.siteId) at(p.wave).push({ siteId: m.siteId, kw: "CLOSE" });
  }
  const siteOwner = (siteId: string) => sites.get(siteId)?.organisationId ?? "";
  const code = (o: string) => input.estate.organisationCodes.get(o) ?? o;
  const orgSet = new Set<string>([...load.keys()].map(siteOwner).filter(Boolean));
  for (const m of owned.values()) for (const o of m.keys()) orgSet.add(o);
  for (const list of deltas.values()) for (const d of list) if (d.kw !== "CLOSE") orgSet.add(d.owner);
  const orgIds = [...orgSet].sort((a, b) => (code(a) < code(b) ? -1 : code(a) > code(b) ? 1 : 0));
  /** Each organisation's kW at a site now: its assets' kW (scaled to the recorded use), the rest to the site's owner. */
  const shares = (siteId: string): [string, number][] => {
    const l = Math.max(0, load.get(siteId) ?? 0);
    if (l === 0) return [];
    const mine = [...(owned.get(siteId) ?? new Map<string, number>())].filter(([, kw]) => kw > 0).sort(([a], [b]) => (a < b ? -1 : 1));
    const listed = mine.reduce((t, [, kw]) => t + kw, 0);
    if (listed === 0) return [[siteOwner(siteId), l]];
    if (l <= listed) return mine.map(([o, kw]) => [o, (l * kw) / listed]);
    return [...mine, [siteOwner(siteId), l - listed]];
  };
  const point = (wave: number, parts: [string, number][]): EnergyPoint => {
    let kw = 0;
    let kwh = 0;
    for (const [siteId, l] of parts) {
      kw += l;
      kwh += l * (sites.get(siteId)?.pue ?? 1) * HOURS_PER_YEAR;
    }
    return { wave, kw: round(kw, 3), kwhPerYear: Math.round(kwh), tco2ePerYear: round((kwh * factor) / 1e6, 2) };
  };
  const series = new Map<string, EnergyPoint[]>(orgIds.map((o) => [o, []]));
  const totals: EnergyPoint[] = [];
  const snapshot = (wave: number) => {
    const byOrg = new Map<string, [string, number][]>(orgIds.map((o) => [o, []]));
    for (const siteId of load.keys()) for (const [o, kw] of shares(siteId)) byOrg.get(o)?.push([siteId, kw]);
    for (const o of orgIds) series.get(o)!.push(point(wave, byOrg.get(o)!));
    totals.push(point(wave, [...load.keys()].map((id) => [id, Math.max(0, load.get(id) ?? 0)])));
  };
  snapshot(0);
  for (let w = 1; w <= plan.waveCount; w++) {
    const list = deltas.get(w) ?? [];
    for (const d of list)
      if (d.kw !== "CLOSE") {
        load.set(d.siteId, (load.get(d.siteId) ?? 0) + d.kw);
        const m = ownedAt(d.siteId);
        m.set(d.owner, (m.get(d.owner) ?? 0) + d.kw);
      }
    // A closure empties the site after the wave's other changes.
    for (const d of list)
      if (d.kw === "CLOSE") {
        load.set(d.siteId, 0);
        owned.delete(d.siteId);
      }
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
