// What a scenario's moves do to the estate, read as an end state: which assets end (retired, consolidated
// into another, replaced), where each asset runs afterwards, which sites close and who is re-pointed to
// what. Pure: the wave planner, the validator, the financials and the draft all read the estate through
// this one interpretation of the moves.
import {
  HOSTING_TYPES,
  NEED_TYPES,
  byId,
  type PlanAsset,
  type PlanDependency,
  type PlanEstate,
  type PlanMove,
} from "./model.ts";

/** How an asset ends, if it does. */
export type Ending = "RETIRED" | "CONSOLIDATED" | "REPLACED";

/** The end state of a scenario, with indexes the engine shares. */
export class Outcome {
  /** Asset id → the move acting on it. */
  readonly moveByAsset = new Map<string, PlanMove>();
  /** Site id → the CLOSE_SITE move. */
  readonly closeBySite = new Map<string, PlanMove>();
  /** Asset id → its dependencies (as source), in id order. */
  readonly needsOf = new Map<string, PlanDependency[]>();
  /** Asset id → dependencies on it (as target), in id order. */
  readonly neededBy = new Map<string, PlanDependency[]>();
  /** Site id → assets located there before the plan (directly or through their host), in id order. */
  readonly tenantsBefore = new Map<string, string[]>();
  /** Every dependency, in id order. */
  readonly dependencies: readonly PlanDependency[];
  /** Every asset id, in id order. */
  readonly assetIds: readonly string[];
  private readonly hostBeforeMemo = new Map<string, string | null>();
  private readonly siteBeforeMemo = new Map<string, string | null>();
  private readonly siteAfterMemo = new Map<string, string | null>();

  constructor(
    readonly estate: PlanEstate,
    readonly moves: readonly PlanMove[],
  ) {
    for (const m of [...moves].sort(byId)) {
      if (m.assetId) this.moveByAsset.set(m.assetId, m);
      if (m.kind === "CLOSE_SITE" && m.siteId) this.closeBySite.set(m.siteId, m);
    }
    this.dependencies = sortedById(estate.dependencies);
    for (const d of this.dependencies) {
      push(this.needsOf, d.sourceId, d);
      push(this.neededBy, d.targetId, d);
    }
    this.assetIds = [...estate.assets.keys()].sort();
    for (const id of this.assetIds) {
      const site = this.siteBefore(id);
      if (site) push(this.tenantsBefore, site, id);
    }
  }

  private productIndex: { assets: Map<string, string[]>; licences: Map<string, string[]> } | null = null;

  /** Ids of the organisation's assets and licences of a product (built on first use). */
  ofProduct(organisationId: string, productId: string): { assets: string[]; licences: string[] } {
    if (!this.productIndex) {
      const assets = new Map<string, string[]>();
      const licences = new Map<string, string[]>();
      for (const a of [...this.estate.assets.values()].sort(byId))
        if (a.productId) push(assets, `${a.organisationId}|${a.productId}`, a.id);
      for (const l of [...this.estate.licences.values()].sort(byId))
        push(licences, `${l.organisationId}|${l.productId}`, l.id);
      this.productIndex = { assets, licences };
    }
    const key = `${organisationId}|${productId}`;
    return { assets: this.productIndex.assets.get(key) ?? [], licences: this.productIndex.licences.get(key) ?? [] };
  }

  /** The asset, or throws for an id the estate does not hold (a loader bug, never user input). */
  asset(id: string): PlanAsset {
    const a = this.estate.assets.get(id);
    if (!a) throw new Error(`planning estate lacks asset ${id}`);
    return a;
  }

  /** How the asset ends under the plan, or null when it stays. */
  ending(assetId: string): Ending | null {
    const m = this.moveByAsset.get(assetId);
    if (!m) return null;
    if (m.kind === "RETIRE") return "RETIRED";
    if (m.kind === "CONSOLIDATE") return "CONSOLIDATED";
    if (m.kind === "REPLACE") return "REPLACED";
    return null;
  }

  /** True when the asset is gone after the plan (or already retired). */
  ends(assetId: string): boolean {
    return this.ending(assetId) !== null || this.estate.assets.get(assetId)?.lifecycle === "RETIRED";
  }

  /** What takes over an asset's dependents: the consolidation target or replacement, followed through chains. */
  successor(assetId: string): string | null {
    const seen = new Set([assetId]);
    let current = assetId;
    let result: string | null = null;
    for (;;) {
      const m = this.moveByAsset.get(current);
      if (!m || (m.kind !== "CONSOLIDATE" && m.kind !== "REPLACE") || !m.targetAssetId) return result;
      if (seen.has(m.targetAssetId)) return result;
      result = current = m.targetAssetId;
      seen.add(current);
    }
  }

  /** The asset the dependency points at after the plan (its target, or what took the target over). */
  targetAfter(d: PlanDependency): string {
    return this.successor(d.targetId) ?? d.targetId;
  }

  /** True when the dependency still holds after the plan from its source's point of view. */
  persists(d: PlanDependency): boolean {
    if (this.ends(d.sourceId)) return false;
    // A migration gives the asset a new host: its old hosting links end.
    const m = this.moveByAsset.get(d.sourceId);
    return !(m?.kind === "MIGRATE" && HOSTING_TYPES.has(d.type));
  }

  /** The asset's host before the plan: the target of its first RUNS_ON/HOSTED_IN dependency in id order. */
  hostBefore(assetId: string): string | null {
    const known = this.hostBeforeMemo.get(assetId);
    if (known !== undefined) return known;
    let host: string | null = null;
    for (const d of this.needsOf.get(assetId) ?? [])
      if (HOSTING_TYPES.has(d.type) && this.estate.assets.has(d.targetId)) {
        host = d.targetId;
        break;
      }
    this.hostBeforeMemo.set(assetId, host);
    return host;
  }

  /** The asset's host after the plan (a migration onto a platform sets it; consolidation and replacement re-point it). */
  hostAfter(assetId: string): string | null {
    const m = this.moveByAsset.get(assetId);
    if (m?.kind === "MIGRATE") return m.targetAssetId;
    const before = this.hostBefore(assetId);
    return before === null ? null : (this.successor(before) ?? before);
  }

  /** Where the asset runs before the plan: its host's site, else its own. */
  siteBefore(assetId: string): string | null {
    return this.siteThrough(assetId, this.siteBeforeMemo, (id) => this.hostBefore(id), (id) => this.asset(id).siteId);
  }

  /** Where the asset runs after the plan (null when it has no site, e.g. SaaS). */
  siteAfter(assetId: string): string | null {
    return this.siteThrough(assetId, this.siteAfterMemo, (id) => this.hostAfter(id), (id) => {
      const m = this.moveByAsset.get(id);
      if (m?.kind === "MIGRATE" && m.targetSiteId) return m.targetSiteId;
      return this.asset(id).siteId;
    });
  }

  private siteThrough(
    assetId: string,
    memo: Map<string, string | null>,
    host: (id: string) => string | null,
    own: (id: string) => string | null,
  ): string | null {
    const known = memo.get(assetId);
    if (known !== undefined) return known;
    const chain: string[] = [];
    const onChain = new Set<string>();
    let current: string | null = assetId;
    let site: string | null = null;
    while (current !== null) {
      if (memo.has(current)) {
        site = memo.get(current)!;
        break;
      }
      if (onChain.has(current) || !this.estate.assets.has(current)) {
        site = null;
        break;
      }
      chain.push(current);
      onChain.add(current);
      const h = host(current);
      if (h === null || !this.estate.assets.has(h)) {
        site = own(current);
        break;
      }
      current = h;
    }
    for (const id of chain) memo.set(id, site);
    return site;
  }

  private tenantsAfterIndex: Map<string, string[]> | null = null;

  /** Assets that still run at a site after the plan (not ended), in id order. */
  tenantsAfter(siteId: string): string[] {
    if (!this.tenantsAfterIndex) {
      this.tenantsAfterIndex = new Map();
      for (const id of this.assetIds) {
        if (this.ends(id)) continue;
        const site = this.siteAfter(id);
        if (site) push(this.tenantsAfterIndex, site, id);
      }
    }
    return this.tenantsAfterIndex.get(siteId) ?? [];
  }

  /** True when the site closes in the plan or is already on its way out. */
  siteCloses(siteId: string): boolean {
    const s = this.estate.sites.get(siteId);
    return this.closeBySite.has(siteId) || s?.lifecycle === "RETIRED" || s?.lifecycle === "DECOMMISSIONING";
  }

  /** The dependencies through which `assetId` needs other assets, in id order. */
  needs(assetId: string): PlanDependency[] {
    return (this.needsOf.get(assetId) ?? []).filter((d) => NEED_TYPES.has(d.type));
  }

  /** The dependencies through which other assets need `assetId`, in id order. */
  dependents(assetId: string): PlanDependency[] {
    return (this.neededBy.get(assetId) ?? []).filter((d) => NEED_TYPES.has(d.type));
  }

  /** The organisations a move serves: owners of its subject, its target and its licences, in code order. */
  organisationsOf(m: PlanMove): string[] {
    const orgs = new Set<string>();
    const { assets, sites, licences } = this.estate;
    if (m.assetId) add(orgs, assets.get(m.assetId)?.organisationId);
    if (m.siteId) add(orgs, sites.get(m.siteId)?.organisationId);
    if (m.targetAssetId) add(orgs, assets.get(m.targetAssetId)?.organisationId);
    if (m.targetSiteId) add(orgs, sites.get(m.targetSiteId)?.organisationId);
    for (const l of m.licenceIds) add(orgs, licences.get(l)?.organisationId);
    if (m.targetLicenceId) add(orgs, licences.get(m.targetLicenceId)?.organisationId);
    const code = (o: string) => this.estate.organisationCodes.get(o) ?? o;
    return [...orgs].sort((a, b) => (code(a) < code(b) ? -1 : code(a) > code(b) ? 1 : 0));
  }

  /** The organisation that owns the move's subject (asset, site or first licence). */
  ownerOf(m: PlanMove): string | null {
    const { assets, sites, licences } = this.estate;
    if (m.assetId) return assets.get(m.assetId)?.organisationId ?? null;
    if (m.siteId) return sites.get(m.siteId)?.organisationId ?? null;
    const first = [...m.licenceIds].sort()[0];
    return first ? (licences.get(first)?.organisationId ?? null) : null;
  }

  /** A readable name for the move's subject. */
  subjectName(m: PlanMove): string {
    if (m.assetId) return this.estate.assets.get(m.assetId)?.name ?? m.assetId;
    if (m.siteId) return this.estate.sites.get(m.siteId)?.name ?? m.siteId;
    return `${m.licenceIds.length} licence(s)`;
  }
}

/** The rows in id order (the input itself when it already is: loaders read in id order). */
function sortedById<T extends { id: string }>(rows: readonly T[]): readonly T[] {
  for (let i = 1; i < rows.length; i++) if (rows[i - 1]!.id > rows[i]!.id) return [...rows].sort(byId);
  return rows;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function add(set: Set<string>, value: string | undefined): void {
  if (value) set.add(value);
}
