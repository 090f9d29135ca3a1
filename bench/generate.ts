// A deterministic, seeded synthetic estate for benchmarks and for large-estate tests: several
// organisations, data centres and comms rooms, and assets layered the way real estates are
// (services → applications → databases → servers → clusters/cloud → storage → networks → sites),
// with about three dependencies per asset, skewed so that a few storage arrays and sites carry most of
// the estate (the high-fan-in nodes impact is measured on), plus the cycles, recovery copies and
// cross-organisation links real estates have.
import { stableUuid } from "../server/shared/ids.ts";
import type { AssetKind, Criticality, DependencyType } from "../server/graph/model.ts";

/** One organisation row (the columns the bench loads). */
export interface SyntheticOrganisation {
  id: string;
  code: string;
  name: string;
  kind: "COUNCIL" | "SHARED_SERVICE" | "PARTNER";
}

/** One site row. */
export interface SyntheticSite {
  id: string;
  organisationId: string;
  name: string;
  kind: "DATA_CENTRE" | "COMMS_ROOM";
}

/** One asset row. */
export interface SyntheticAsset {
  id: string;
  organisationId: string;
  siteId: string | null;
  name: string;
  kind: AssetKind;
  subtype: string;
  lifecycle: "ACTIVE" | "DECOMMISSIONING" | "RETIRED";
  criticality: Criticality;
}

/** One dependency row "<source> <type> <target>". */
export interface SyntheticDependency {
  id: string;
  sourceId: string;
  targetId: string;
  type: DependencyType;
}

/** A generated estate and the assets worth asking about. */
export interface SyntheticEstate {
  organisations: SyntheticOrganisation[];
  sites: SyntheticSite[];
  assets: SyntheticAsset[];
  dependencies: SyntheticDependency[];
  probes: {
    /** The most used storage array of the first organisation's main data centre (high fan-in). */
    storageId: string;
    /** The first organisation's main data centre. */
    siteId: string;
    /** A compute cluster at that data centre: the centre of the 2-hop neighbourhood probe. */
    clusterId: string;
    /** A critical application, for chains down to the storage probe. */
    applicationId: string;
  };
}

/** Mulberry32: small, fast, seeded; floats in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Share of the assets of each kind, in layer order (bottom first). */
const KIND_SHARES: [AssetKind, number, string][] = [
  ["NETWORK", 0.05, "LAN"],
  ["STORAGE", 0.02, "SAN array"],
  ["COMPUTE_CLUSTER", 0.03, "VMware cluster"],
  ["CLOUD_PLATFORM", 0.02, "Private cloud"],
  ["SERVER", 0.33, "Virtual server"],
  ["DATABASE", 0.15, "SQL Server database"],
  ["APPLICATION", 0.3, "Line-of-business application"],
  ["END_USER_SERVICE", 0.1, "End-user service"],
];

const ORGS: [string, string, SyntheticOrganisation["kind"], number][] = [
  ["SCC", "Southshire City Council", "COUNCIL", 0.4],
  ["DCC", "Downford County Council", "COUNCIL", 0.4],
  ["NESS", "North East Shared Service", "SHARED_SERVICE", 0.1],
  ["WBC", "Westbrook Borough Council", "PARTNER", 0.1],
];

/**
 * Generates an estate of exactly `assetCount` assets (at least 100), the same for the same arguments.
 * Ids are stable UUIDs derived from `seed` and a readable key, so runs are comparable.
 */
export function generateEstate(assetCount: number, seed = 20251): SyntheticEstate {
  if (!Number.isInteger(assetCount) || assetCount < 100)
    throw new RangeError("assetCount must be an integer ≥ 100");
  const rand = prng(seed);
  const uuid = (key: string) => stableUuid(`bench-${seed}`, key);
  const pickIndex = (n: number, skew = 1) => Math.min(n - 1, Math.floor(n * rand() ** skew));
  const pick = <T>(items: readonly T[], skew = 1): T => items[pickIndex(items.length, skew)]!;

  const organisations = ORGS.map(([code, name, kind]) => ({ id: uuid(`org ${code}`), code, name, kind }));
  const sites: SyntheticSite[] = [];
  const assets: SyntheticAsset[] = [];
  const dependencies: SyntheticDependency[] = [];
  const edgeKeys = new Set<string>();
  const link = (source: SyntheticAsset, type: DependencyType, target: SyntheticAsset) => {
    const key = `${source.id} ${type} ${target.id}`;
    if (source.id === target.id || edgeKeys.has(key)) return;
    edgeKeys.add(key);
    dependencies.push({
      id: uuid(`dep ${dependencies.length}`),
      sourceId: source.id,
      targetId: target.id,
      type,
    });
  };

  // Per organisation: assets of each kind, and per site the infrastructure located there.
  type Pools = Map<AssetKind, SyntheticAsset[]>;
  const orgPools = new Map<string, Pools>();
  const sitePools = new Map<string, Pools>();
  const pool = (pools: Map<string, Pools>, key: string, kind: AssetKind) => {
    let byKind = pools.get(key);
    if (!byKind) pools.set(key, (byKind = new Map()));
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = []));
    return list;
  };
  const orgSites = new Map<string, SyntheticSite[]>();

  let made = 0;
  ORGS.forEach(([code, , , share], o) => {
    const org = organisations[o]!;
    const count = o === ORGS.length - 1 ? assetCount - made : Math.round(assetCount * share);
    made += count;
    // Two data centres, plus one per 20,000 assets, and a comms room per 2,000 assets.
    const dataCentres = 2 + Math.floor(count / 20_000);
    const commsRooms = Math.max(1, Math.floor(count / 2_000));
    const mine: SyntheticSite[] = [];
    for (let i = 0; i < dataCentres + commsRooms; i++) {
      const kind = i < dataCentres ? "DATA_CENTRE" : "COMMS_ROOM";
      const site: SyntheticSite = {
        id: uuid(`site ${code} ${i}`),
        organisationId: org.id,
        name: `${code} ${kind === "DATA_CENTRE" ? "data centre" : "comms room"} ${i + 1}`,
        kind,
      };
      sites.push(site);
      mine.push(site);
    }
    orgSites.set(org.id, mine);
    let kindMade = 0;
    KIND_SHARES.forEach(([kind, kindShare, subtype], k) => {
      const n = k === KIND_SHARES.length - 1 ? count - kindMade : Math.max(1, Math.round(count * kindShare));
      kindMade += n;
      for (let i = 0; i < n; i++) {
        // Infrastructure lives mostly in the data centres (the first one most); applications and services have no site.
        let siteId: string | null = null;
        if (kind !== "APPLICATION" && kind !== "END_USER_SERVICE") {
          const inDataCentre = kind !== "NETWORK" || rand() < 0.5;
          siteId = inDataCentre
            ? mine[pickIndex(dataCentres, 1.5)]!.id
            : mine[dataCentres + pickIndex(commsRooms)]!.id;
        }
        const critical = rand();
        const asset: SyntheticAsset = {
          id: uuid(`asset ${code} ${kind} ${i}`),
          organisationId: org.id,
          siteId,
          name: `${code} ${subtype} ${String(i + 1).padStart(6, "0")}`,
          kind,
          subtype,
          lifecycle: rand() < 0.03 ? "RETIRED" : rand() < 0.05 ? "DECOMMISSIONING" : "ACTIVE",
          criticality:
            critical < 0.1 ? "CRITICAL" : critical < 0.3 ? "HIGH" : critical < 0.7 ? "MEDIUM" : "LOW",
        };
        assets.push(asset);
        pool(orgPools, org.id, kind).push(asset);
        if (siteId) pool(sitePools, siteId, kind).push(asset);
      }
    });
  });

  // Durham's racks in Sunderland's data centre: a tenth of the second organisation's storage and clusters
  // move to the first organisation's main data centre.
  const hostSite = orgSites.get(organisations[0]!.id)![0]!;
  for (const a of assets) {
    if (
      a.organisationId === organisations[1]!.id &&
      (a.kind === "STORAGE" || a.kind === "COMPUTE_CLUSTER") &&
      rand() < 0.1
    ) {
      a.siteId = hostSite.id;
      pool(sitePools, hostSite.id, a.kind).push(a);
    }
  }

  // Near = same site when it has one of the kind, else the organisation; occasionally another organisation.
  const near = (
    a: SyntheticAsset,
    kind: AssetKind,
    skew: number,
    crossOrg = 0,
  ): SyntheticAsset | undefined => {
    if (crossOrg > 0 && rand() < crossOrg) {
      const other = pick(organisations).id;
      const list = orgPools.get(other)?.get(kind);
      if (list?.length) return pick(list, skew);
    }
    const local = a.siteId ? sitePools.get(a.siteId)?.get(kind) : undefined;
    if (local?.length) return pick(local, skew);
    const list = orgPools.get(a.organisationId)?.get(kind);
    return list?.length ? pick(list, skew) : undefined;
  };
  const times = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const each = (n: number, f: () => void) => {
    for (let i = 0; i < n; i++) f();
  };
  const to = (source: SyntheticAsset, type: DependencyType, target: SyntheticAsset | undefined) =>
    target && link(source, type, target);

  for (const org of organisations) {
    const networks = orgPools.get(org.id)?.get("NETWORK") ?? [];
    const directories = (orgPools.get(org.id)?.get("APPLICATION") ?? []).slice(0, 2); // identity services
    for (const a of (
      [
        "NETWORK",
        "STORAGE",
        "COMPUTE_CLUSTER",
        "CLOUD_PLATFORM",
        "SERVER",
        "DATABASE",
        "APPLICATION",
        "END_USER_SERVICE",
      ] as AssetKind[]
    ).flatMap((k) => orgPools.get(org.id)?.get(k) ?? [])) {
      switch (a.kind) {
        case "NETWORK": {
          // A tree: each network connects to an earlier one (the first is the core).
          const i = networks.indexOf(a);
          if (i > 0) link(a, "CONNECTS_TO", networks[pickIndex(i, 2)]!);
          break;
        }
        case "STORAGE":
          to(a, "CONNECTS_TO", near(a, "NETWORK", 2));
          if (rand() < 0.5) to(a, "REPLICATES_TO", near(a, "STORAGE", 1, 0.1)); // may pair both ways: a cycle
          break;
        case "COMPUTE_CLUSTER":
          each(times(1, 2), () => to(a, "STORES_DATA_ON", near(a, "STORAGE", 3)));
          to(a, "CONNECTS_TO", near(a, "NETWORK", 2));
          break;
        case "CLOUD_PLATFORM":
          to(a, "CONNECTS_TO", near(a, "NETWORK", 2));
          to(a, "STORES_DATA_ON", near(a, "STORAGE", 2));
          break;
        case "SERVER":
          to(a, "RUNS_ON", rand() < 0.8 ? near(a, "COMPUTE_CLUSTER", 2) : near(a, "CLOUD_PLATFORM", 2));
          if (rand() < 0.3) to(a, "STORES_DATA_ON", near(a, "STORAGE", 2));
          if (rand() < 0.5) to(a, "CONNECTS_TO", near(a, "NETWORK", 2));
          break;
        case "DATABASE":
          each(times(1, 2), () => to(a, "RUNS_ON", near(a, "SERVER", 1.5)));
          if (rand() < 0.5) to(a, "STORES_DATA_ON", near(a, "STORAGE", 2));
          if (rand() < 0.3) to(a, "BACKS_UP_TO", near(a, "STORAGE", 1, 0.2));
          break;
        case "APPLICATION":
          each(times(1, 2), () => to(a, "RUNS_ON", near(a, "SERVER", 1.5)));
          each(times(1, 2), () => to(a, "DEPENDS_ON", near(a, "DATABASE", 1.5)));
          if (!directories.includes(a))
            to(
              a,
              "AUTHENTICATES_VIA",
              rand() < 0.1
                ? pick(orgPools.get(pick(organisations).id)?.get("APPLICATION") ?? [a])
                : pick(directories),
            );
          if (rand() < 0.1) to(a, "DEPENDS_ON", near(a, "APPLICATION", 1, 0.1)); // integrations: cycles happen
          break;
        case "END_USER_SERVICE":
          each(times(2, 4), () => to(a, "DEPENDS_ON", near(a, "APPLICATION", 1.2, 0.05)));
          break;
      }
    }
  }

  const first = organisations[0]!.id;
  const main = orgSites.get(first)![0]!.id;
  const at = (kind: AssetKind) =>
    sitePools
      .get(main)!
      .get(kind)!
      .filter((a) => a.organisationId === first);
  const apps = orgPools.get(first)!.get("APPLICATION")!;
  return {
    organisations,
    sites,
    assets,
    dependencies,
    probes: {
      storageId: at("STORAGE")[0]!.id,
      siteId: main,
      clusterId: at("COMPUTE_CLUSTER")[Math.min(5, at("COMPUTE_CLUSTER").length - 1)]!.id,
      applicationId:
        apps.find((a) => a.criticality === "CRITICAL" && !directories(apps).includes(a))?.id ?? apps[0]!.id,
    },
  };
}

function directories(apps: readonly SyntheticAsset[]): SyntheticAsset[] {
  return apps.slice(0, 2);
}
