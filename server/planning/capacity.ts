// Target capacity over the waves: what each move brings to a site, a storage system or a platform, what it
// takes away from where it was, and the running load of every resource wave by wave. Arrivals count from
// the move's wave on (old and new run side by side while it moves); departures free room from the next
// wave on. A capacity that is not recorded is unlimited; a size that is not recorded counts as zero. Pure.
import type { PlanAsset, PlanMove, PlanSite } from "./model.ts";
import type { Outcome } from "./outcome.ts";

/** A limited quantity of one target. */
export type ResourceKind = "RACK_UNITS" | "POWER_KW" | "STORAGE_TB" | "VCPU" | "RAM_GB";

/** One resource of one site or asset. */
export interface Resource {
  key: string;
  kind: ResourceKind;
  siteId: string | null;
  assetId: string | null;
  name: string;
  /** Capacity, or null when unlimited/unknown. */
  capacity: number | null;
  /** Load before the plan. */
  base: number;
}

/** What one move adds to, or frees from, one resource. */
export interface Demand {
  key: string;
  amount: number;
}

/** The arrivals and departures of one move. */
export interface MoveDemand {
  arrivals: Demand[];
  departures: Demand[];
}

/** Rack units in a rack (site racks are counted in 42U racks). */
export const RACK_UNITS_PER_RACK = 42;

const PLATFORM_KINDS = new Set(["COMPUTE_CLUSTER", "CLOUD_PLATFORM"]);

/** All resources a scenario touches, keyed by `key`, with their capacity and starting load. */
export class CapacityModel {
  readonly resources = new Map<string, Resource>();
  readonly demands = new Map<string, MoveDemand>();

  constructor(readonly outcome: Outcome) {
    for (const m of outcome.moves) this.demands.set(m.id, this.demandOf(m));
  }

  private siteResource(site: PlanSite, kind: "RACK_UNITS" | "POWER_KW"): string {
    const key = `${kind}:${site.id}`;
    if (!this.resources.has(key)) {
      const resource: Resource =
        kind === "RACK_UNITS"
          ? {
              key,
              kind,
              siteId: site.id,
              assetId: null,
              name: site.name,
              capacity: site.racks === null ? null : site.racks * RACK_UNITS_PER_RACK,
              base: site.racksUsed !== null ? site.racksUsed * RACK_UNITS_PER_RACK : site.assetRackUnits,
            }
          : {
              key,
              kind,
              siteId: site.id,
              assetId: null,
              name: site.name,
              capacity: site.powerKw,
              base: site.powerUsedKw ?? site.assetPowerKw,
            };
      this.resources.set(key, resource);
    }
    return key;
  }

  private assetResource(asset: PlanAsset, kind: "STORAGE_TB" | "VCPU" | "RAM_GB"): string {
    const key = `${kind}:${asset.id}`;
    if (!this.resources.has(key)) {
      const [capacity, base] =
        kind === "STORAGE_TB"
          ? [asset.storageTb, asset.storageUsedTb]
          : kind === "VCPU"
            ? [asset.vcpu, asset.vcpuUsed]
            : [asset.ramGb, asset.ramUsedGb];
      this.resources.set(key, {
        key,
        kind,
        siteId: null,
        assetId: asset.id,
        name: asset.name,
        capacity,
        base: base ?? 0,
      });
    }
    return key;
  }

  /** What running `a` takes from a platform: a cluster's used vCPU/RAM, or a server's own allocation. */
  private computeNeed(a: PlanAsset): { vcpu: number; ram: number } {
    return PLATFORM_KINDS.has(a.kind)
      ? { vcpu: a.vcpuUsed ?? 0, ram: a.ramUsedGb ?? 0 }
      : { vcpu: a.vcpu ?? 0, ram: a.ramGb ?? 0 };
  }

  /** Frees what `a` occupies where it is: rack space and power at its own site, compute on its host. */
  private leaving(a: PlanAsset, out: Demand[]): void {
    const site = a.siteId ? this.outcome.estate.sites.get(a.siteId) : undefined;
    if (site && a.rackUnits) out.push({ key: this.siteResource(site, "RACK_UNITS"), amount: a.rackUnits });
    if (site && a.powerKw) out.push({ key: this.siteResource(site, "POWER_KW"), amount: a.powerKw });
    const host = this.outcome.hostBefore(a.id);
    const hostAsset = host ? this.outcome.estate.assets.get(host) : undefined;
    if (hostAsset && PLATFORM_KINDS.has(hostAsset.kind)) {
      const need = this.computeNeed(a);
      if (need.vcpu) out.push({ key: this.assetResource(hostAsset, "VCPU"), amount: need.vcpu });
      if (need.ram) out.push({ key: this.assetResource(hostAsset, "RAM_GB"), amount: need.ram });
    }
  }

  private demandOf(m: PlanMove): MoveDemand {
    const arrivals: Demand[] = [];
    const departures: Demand[] = [];
    const a = m.assetId ? this.outcome.estate.assets.get(m.assetId) : undefined;
    if (!a) return { arrivals, departures };
    const { sites, assets } = this.outcome.estate;
    if (m.kind === "MIGRATE") {
      const site = m.targetSiteId ? sites.get(m.targetSiteId) : undefined;
      const platform = m.targetAssetId ? assets.get(m.targetAssetId) : undefined;
      if (site) {
        if (a.rackUnits) arrivals.push({ key: this.siteResource(site, "RACK_UNITS"), amount: a.rackUnits });
        if (a.powerKw) arrivals.push({ key: this.siteResource(site, "POWER_KW"), amount: a.powerKw });
      }
      if (platform) {
        const need = this.computeNeed(a);
        if (need.vcpu) arrivals.push({ key: this.assetResource(platform, "VCPU"), amount: need.vcpu });
        if (need.ram) arrivals.push({ key: this.assetResource(platform, "RAM_GB"), amount: need.ram });
      }
      this.leaving(a, departures);
    } else if (m.kind === "CONSOLIDATE") {
      const into = m.targetAssetId ? assets.get(m.targetAssetId) : undefined;
      if (into && a.kind === "STORAGE" && a.storageUsedTb)
        arrivals.push({ key: this.assetResource(into, "STORAGE_TB"), amount: a.storageUsedTb });
      if (into && PLATFORM_KINDS.has(a.kind)) {
        const need = this.computeNeed(a);
        if (need.vcpu) arrivals.push({ key: this.assetResource(into, "VCPU"), amount: need.vcpu });
        if (need.ram) arrivals.push({ key: this.assetResource(into, "RAM_GB"), amount: need.ram });
      }
      this.leaving(a, departures);
    } else if (m.kind === "RETIRE" || m.kind === "REPLACE") {
      this.leaving(a, departures);
    }
    return { arrivals, departures };
  }
}

/**
 * The load of every resource wave by wave, as placements are added. Wave numbers start at 1; the load of a
 * wave beyond the last recorded one equals the last one (nothing changes after the last move).
 */
export class LoadLedger {
  private readonly loads = new Map<string, number[]>();

  constructor(private readonly model: CapacityModel) {}

  private series(key: string, upTo: number): number[] {
    let s = this.loads.get(key);
    if (!s) {
      s = [this.model.resources.get(key)!.base];
      this.loads.set(key, s);
    }
    while (s.length <= upTo) s.push(s[s.length - 1]!);
    return s;
  }

  /** Load of `key` in wave `w` (index 0 stands for "before the plan"). */
  load(key: string, w: number): number {
    const s = this.series(key, w);
    return s[w]!;
  }

  /** The largest load of `key` from wave `w` on. */
  peakFrom(key: string, w: number, horizon: number): number {
    const s = this.series(key, Math.max(w, horizon));
    let peak = -Infinity;
    for (let i = w; i < s.length; i++) if (s[i]! > peak) peak = s[i]!;
    return peak;
  }

  /** The first wave ≥ `from` from which every arrival of `demand` fits for good, or null when one never fits. */
  firstFit(demand: MoveDemand, from: number, horizon: number): number | null {
    let wave = from;
    for (const d of demand.arrivals) {
      const cap = this.model.resources.get(d.key)!.capacity;
      if (cap === null) continue;
      const s = this.series(d.key, Math.max(from, horizon));
      // Suffix maxima: the arrival fits at w iff max(load[w..]) + amount ≤ capacity (non-increasing in w).
      let fit: number | null = null;
      let suffix = -Infinity;
      for (let i = s.length - 1; i >= from; i--) {
        suffix = Math.max(suffix, s[i]!);
        if (suffix + d.amount <= cap + 1e-9) fit = i;
        else break;
      }
      if (fit === null) return null;
      wave = Math.max(wave, fit);
    }
    return wave;
  }

  /** Records a move placed in wave `w`: arrivals from w, departures from w + 1. */
  place(demand: MoveDemand, w: number): void {
    for (const d of demand.arrivals) {
      const s = this.series(d.key, w);
      for (let i = w; i < s.length; i++) s[i]! += d.amount;
    }
    for (const d of demand.departures) {
      const s = this.series(d.key, w + 1);
      for (let i = w + 1; i < s.length; i++) s[i]! -= d.amount;
    }
  }

  /** Every (resource, wave) whose load exceeds capacity and its starting load, up to `lastWave`. */
  overloads(lastWave: number): { resource: Resource; wave: number; load: number; excess: number }[] {
    const out: { resource: Resource; wave: number; load: number; excess: number }[] = [];
    for (const key of [...this.loads.keys()].sort()) {
      const r = this.model.resources.get(key)!;
      if (r.capacity === null) continue;
      const s = this.series(key, lastWave);
      for (let w = 1; w <= lastWave; w++) {
        const load = s[w]!;
        if (load > r.capacity + 1e-9 && load > r.base + 1e-9)
          out.push({ resource: r, wave: w, load, excess: load - r.capacity });
      }
    }
    return out;
  }
}
