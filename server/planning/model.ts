// The planning engine's inputs: a read-only view of the estate and a scenario's moves. Pure types, no
// database: the engine modules take these and the tests build them by hand.
import type { AssetKind, Criticality, DependencyType } from "../graph/model.ts";

/** What a move does. */
export type MoveKind =
  | "MIGRATE"
  | "CONSOLIDATE"
  | "RETIRE"
  | "REPLACE"
  | "CLOSE_SITE"
  | "RENEGOTIATE"
  | "RETAIN";

/** How a one-off cost serving several organisations is shared. */
export type CostSplitRule = "OWNER" | "EQUAL" | "PROPORTIONAL_TO_BASELINE";

/** An asset as the planner sees it. Capacity fields are null when unknown (unlimited as a target, zero as a demand). */
export interface PlanAsset {
  id: string;
  name: string;
  organisationId: string;
  siteId: string | null;
  kind: AssetKind;
  /** Refines the kind, e.g. "SAN array", "Backup repository", "LAN". */
  subtype: string | null;
  criticality: Criticality;
  lifecycle: string;
  productId: string | null;
  annualRunCostPence: bigint;
  rackUnits: number | null;
  powerKw: number | null;
  storageTb: number | null;
  storageUsedTb: number | null;
  vcpu: number | null;
  vcpuUsed: number | null;
  ramGb: number | null;
  ramUsedGb: number | null;
}

/** A site as the planner sees it. */
export interface PlanSite {
  id: string;
  name: string;
  organisationId: string;
  kind: string;
  lifecycle: string;
  racks: number | null;
  racksUsed: number | null;
  powerKw: number | null;
  powerUsedKw: number | null;
  pue: number | null;
  annualCostPence: bigint;
  /** Last day of the lease ("YYYY-MM-DD"), if any. */
  leaseEnd: string | null;
  /** Rack units and kW of the non-retired assets located here: the load when none is recorded on the site. */
  assetRackUnits: number;
  assetPowerKw: number;
  /**
   * kW of the non-retired assets located here, per owning organisation (energy and carbon count to the
   * asset's owner). When absent it is summed from the loaded assets at the site.
   */
  assetPowerKwByOrganisation?: ReadonlyMap<string, number>;
}

/** A licence (entitlement) as the planner sees it. */
export interface PlanLicence {
  id: string;
  organisationId: string;
  productId: string;
  contractId: string | null;
  metric: string;
  quantityOwned: number;
  quantityUsed: number;
  unitCostPence: bigint;
  annualCostPence: bigint;
}

/** A contract as the planner sees it. */
export interface PlanContract {
  id: string;
  organisationId: string;
  reference: string;
  /** Last day of the contract ("YYYY-MM-DD"), if known. */
  endDate: string | null;
  noticePeriodDays: number | null;
}

/** A dependency "source TYPE target": the source needs the target (recovery types excepted). */
export interface PlanDependency {
  id: string;
  sourceId: string;
  targetId: string;
  type: DependencyType;
}

/** The dependency types through which an asset needs another to run; REPLICATES_TO and BACKS_UP_TO are recovery copies. */
export const NEED_TYPES: ReadonlySet<DependencyType> = new Set([
  "RUNS_ON",
  "HOSTED_IN",
  "STORES_DATA_ON",
  "CONNECTS_TO",
  "DEPENDS_ON",
  "AUTHENTICATES_VIA",
]);

/** The dependency types that make the target an asset's recovery copy. */
export const RECOVERY_TYPES: ReadonlySet<DependencyType> = new Set(["REPLICATES_TO", "BACKS_UP_TO"]);

/** The dependency types that place an asset on a host (it runs where its host is). */
export const HOSTING_TYPES: ReadonlySet<DependencyType> = new Set(["RUNS_ON", "HOSTED_IN"]);

/**
 * The part of the estate a plan touches. `assets` holds every asset a move names, every asset at a site
 * a move closes or keeps, and every asset adjacent to one of those, with their hosts; `dependencies` every
 * dependency between them; `sites` every site named or hosting a loaded asset (the loader in estate.ts
 * gathers them; tests pass whole estates).
 */
export interface PlanEstate {
  assets: ReadonlyMap<string, PlanAsset>;
  sites: ReadonlyMap<string, PlanSite>;
  dependencies: readonly PlanDependency[];
  licences: ReadonlyMap<string, PlanLicence>;
  contracts: ReadonlyMap<string, PlanContract>;
  /** Organisation id → short code (for messages and deterministic ordering). */
  organisationCodes: ReadonlyMap<string, string>;
  /**
   * Assets a CRITICAL asset needs, directly or transitively (CRITICAL assets included). The loader
   * computes it on the whole graph; when absent it is computed from `dependencies`.
   */
  criticalServing?: ReadonlySet<string>;
  /**
   * Each organisation's annual run cost before the plan (active assets, sites and licences). The loader
   * sums the whole estate; when absent it is summed from the maps above.
   */
  baselines?: ReadonlyMap<string, Baseline>;
}

/** One organisation's annual cost before the plan, in pence. */
export interface Baseline {
  assetRunCostPence: bigint;
  siteCostPence: bigint;
  licenceCostPence: bigint;
}

/** One move of a scenario, as stored. */
export interface PlanMove {
  id: string;
  kind: MoveKind;
  assetId: string | null;
  siteId: string | null;
  targetSiteId: string | null;
  targetAssetId: string | null;
  licenceIds: readonly string[];
  targetLicenceId: string | null;
  seats: number | null;
  oneOffCostPence: bigint;
  effortDays: number;
  targetCostGrowthPence: bigint;
  savingOverridePence: bigint | null;
  savingOverrideReason: string | null;
  /** "YYYY-MM-DD" or null. */
  earliestDate: string | null;
  pinnedWave: number | null;
  acceptExitCost: boolean;
}

/** The scenario's planning parameters. */
export interface PlanParameters {
  /** First day of wave 1, "YYYY-MM-DD". */
  startDate: string;
  horizonYears: number;
  waveLengthMonths: number;
  maxMovesPerWave: number;
  maxEffortDaysPerWave: number | null;
  discountRateBp: number;
  costSplit: CostSplitRule;
  carbonFactorGPerKwh: number;
  carbonFactorYear: number;
  /** Organisation id → recurring annual savings target in pence. */
  targets: ReadonlyMap<string, bigint>;
}

/** Everything the engine needs for one scenario. */
export interface PlanInput {
  estate: PlanEstate;
  moves: readonly PlanMove[];
  parameters: PlanParameters;
}

/** Stable order of ids (the engine's tie-break everywhere). */
export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
