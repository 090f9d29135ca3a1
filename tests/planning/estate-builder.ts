// Hand-built estates for planning tests: name things, get stable ids, build the engine's input.
import { stableUuid } from "../../server/shared/ids.ts";
import type {
  MoveKind,
  PlanAsset,
  PlanContract,
  PlanDependency,
  PlanEstate,
  PlanInput,
  PlanLicence,
  PlanMove,
  PlanParameters,
  PlanSite,
} from "../../server/planning/model.ts";
import type { AssetKind, Criticality, DependencyType } from "../../server/graph/model.ts";

const id = (kind: string, name: string) => stableUuid(`planning-test:${kind}`, name);

/** Options of an asset; capacity and size fields default to null. */
export type AssetOptions = Partial<Omit<PlanAsset, "id" | "name" | "organisationId" | "siteId" | "kind">> & {
  site?: string;
  product?: string;
  crit?: Criticality;
  runCost?: number;
};

/** Builds a planning estate by name. Money in whole pounds unless stated. */
export class EstateBuilder {
  readonly assets = new Map<string, PlanAsset>();
  readonly sites = new Map<string, PlanSite>();
  readonly dependencies: PlanDependency[] = [];
  readonly licences = new Map<string, PlanLicence>();
  readonly contracts = new Map<string, PlanContract>();
  readonly codes = new Map<string, string>();
  readonly moves: PlanMove[] = [];

  org(code: string): string {
    const o = id("org", code);
    this.codes.set(o, code);
    return o;
  }

  site(name: string, org: string, opts: Partial<PlanSite> = {}): string {
    const s = id("site", name);
    this.sites.set(s, {
      id: s,
      name,
      organisationId: this.org(org),
      kind: "DATA_CENTRE",
      lifecycle: "ACTIVE",
      racks: null,
      racksUsed: null,
      powerKw: null,
      powerUsedKw: null,
      pue: null,
      annualCostPence: 0n,
      leaseEnd: null,
      assetRackUnits: 0,
      assetPowerKw: 0,
      ...opts,
    });
    return s;
  }

  asset(name: string, org: string, kind: AssetKind, opts: AssetOptions = {}): string {
    const a = id("asset", name);
    const { site, product, crit, runCost, ...rest } = opts;
    this.assets.set(a, {
      id: a,
      name,
      organisationId: this.org(org),
      siteId: site ? this.siteId(site) : null,
      kind,
      subtype: null,
      criticality: crit ?? "MEDIUM",
      lifecycle: "ACTIVE",
      productId: product ? id("product", product) : null,
      annualRunCostPence: BigInt(Math.round((runCost ?? 0) * 100)),
      rackUnits: null,
      powerKw: null,
      storageTb: null,
      storageUsedTb: null,
      vcpu: null,
      vcpuUsed: null,
      ramGb: null,
      ramUsedGb: null,
      ...rest,
    });
    return a;
  }

  dep(source: string, type: DependencyType, target: string): string {
    const d = id("dep", `${source}|${type}|${target}`);
    this.dependencies.push({ id: d, sourceId: this.assetId(source), targetId: this.assetId(target), type });
    return d;
  }

  contract(org: string, reference: string, endDate: string | null, noticePeriodDays: number | null = null): string {
    const c = id("contract", reference);
    this.contracts.set(c, { id: c, organisationId: this.org(org), reference, endDate, noticePeriodDays });
    return c;
  }

  licence(
    name: string,
    org: string,
    product: string,
    opts: { contract?: string; metric?: string; owned: number; used: number; unit: number; annual?: number },
  ): string {
    const l = id("licence", name);
    const unit = BigInt(Math.round(opts.unit * 100));
    this.licences.set(l, {
      id: l,
      organisationId: this.org(org),
      productId: id("product", product),
      contractId: opts.contract ? id("contract", opts.contract) : null,
      metric: opts.metric ?? "USER",
      quantityOwned: opts.owned,
      quantityUsed: opts.used,
      unitCostPence: unit,
      annualCostPence: opts.annual === undefined ? unit * BigInt(opts.owned) : BigInt(Math.round(opts.annual * 100)),
    });
    return l;
  }

  /** Adds a move; `subject` is an asset name (or a site name for CLOSE_SITE), targets by name too. */
  move(
    key: string,
    kind: MoveKind,
    subject: string | null,
    opts: Partial<Omit<PlanMove, "id" | "kind" | "oneOffCostPence">> & {
      toSite?: string;
      toAsset?: string;
      licences?: string[];
      toLicence?: string;
      oneOff?: number;
    } = {},
  ): string {
    const m = id("move", key);
    const { toSite, toAsset, licences, toLicence, oneOff, ...rest } = opts;
    this.moves.push({
      id: m,
      kind,
      assetId: kind === "CLOSE_SITE" || kind === "RENEGOTIATE" || !subject ? null : this.assetId(subject),
      siteId: kind === "CLOSE_SITE" && subject ? this.siteId(subject) : null,
      targetSiteId: toSite ? this.siteId(toSite) : null,
      targetAssetId: toAsset ? this.assetId(toAsset) : null,
      licenceIds: (licences ?? []).map((n) => id("licence", n)),
      targetLicenceId: toLicence ? id("licence", toLicence) : null,
      seats: null,
      oneOffCostPence: BigInt(Math.round((oneOff ?? 0) * 100)),
      effortDays: 0,
      targetCostGrowthPence: 0n,
      savingOverridePence: null,
      savingOverrideReason: null,
      earliestDate: null,
      pinnedWave: null,
      acceptExitCost: false,
      ...rest,
    });
    return m;
  }

  assetId(name: string): string {
    const a = id("asset", name);
    if (!this.assets.has(a)) throw new Error(`no asset named ${name}`);
    return a;
  }

  siteId(name: string): string {
    const s = id("site", name);
    if (!this.sites.has(s)) throw new Error(`no site named ${name}`);
    return s;
  }

  moveId(key: string): string {
    return id("move", key);
  }

  estate(): PlanEstate {
    for (const site of this.sites.values()) {
      const here = [...this.assets.values()].filter((a) => a.siteId === site.id && a.lifecycle !== "RETIRED");
      site.assetRackUnits = here.reduce((s, a) => s + (a.rackUnits ?? 0), 0);
      site.assetPowerKw = here.reduce((s, a) => s + (a.powerKw ?? 0), 0);
    }
    return {
      assets: this.assets,
      sites: this.sites,
      dependencies: this.dependencies,
      licences: this.licences,
      contracts: this.contracts,
      organisationCodes: this.codes,
    };
  }

  input(parameters: Partial<PlanParameters> = {}): PlanInput {
    return {
      estate: this.estate(),
      moves: this.moves,
      parameters: {
        startDate: "2027-01-01",
        horizonYears: 5,
        waveLengthMonths: 3,
        maxMovesPerWave: 10,
        maxEffortDaysPerWave: null,
        discountRateBp: 350,
        costSplit: "OWNER",
        carbonFactorGPerKwh: 207.05,
        carbonFactorYear: 2024,
        targets: new Map(),
        ...parameters,
      },
    };
  }
}
