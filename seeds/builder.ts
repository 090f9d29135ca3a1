// Collects one organisation's sites, assets, dependencies and licence requests by name, then resolves
// names to stable ids. Names may point at another organisation's rows as "<ORG>::<name>".
import type {
  AssetKind,
  Criticality,
  DependencyType,
  LicenceMetric,
  Lifecycle,
  RecordStatus,
  SiteKind,
} from "../generated/prisma/enums.ts";
import type { SeedCatalogue } from "./catalogue.ts";
import { day, gbp, seedId } from "./keys.ts";
import { createPrng, type Prng } from "./prng.ts";
import type { AssetRow, DependencyRow, OrganisationRow, SiteRow } from "./types.ts";

/** A site as the estate files write it (money in whole pounds, dates as "YYYY-MM-DD"). */
export interface SiteSpec {
  name: string;
  kind: SiteKind;
  lifecycle?: Lifecycle;
  address?: string;
  postcode?: string;
  racks?: number;
  racksUsed?: number;
  powerKw?: number;
  powerUsedKw?: number;
  floorSpaceM2?: number;
  pue?: number;
  tier?: number;
  leaseEnd?: string;
  annualCost: number;
  description?: string;
}

/** An asset as the estate files write it; `site` is a site name ("<ORG>::<name>" for another org's). */
export interface AssetSpec {
  name: string;
  kind: AssetKind;
  subtype?: string;
  site?: string;
  product?: string;
  lifecycle?: Lifecycle;
  criticality?: Criticality;
  runCost?: number;
  bookValue?: number;
  supportEnd?: string;
  description?: string;
  rackUnits?: number;
  powerKw?: number;
  storageTb?: number;
  storageUsedTb?: number;
  vcpu?: number;
  vcpuUsed?: number;
  ramGb?: number;
  ramUsedGb?: number;
  bandwidthMbps?: number;
  bandwidthUsedMbps?: number;
}

/** A licence the organisation holds; unit cost in pounds (pence allowed as decimals). */
export interface LicenceSpec {
  product: string;
  metric: LicenceMetric;
  owned: number;
  used: number;
  unit: number;
  /** Annual cost in pounds when it is not unit × owned (enterprise and site agreements). */
  annual?: number;
  status?: RecordStatus;
  notes?: string;
}

/** A licence request in resolved form, waiting for its contract. */
export interface LicenceRequest {
  organisationCode: string;
  productKey: string;
  metric: LicenceMetric;
  quantityOwned: number;
  quantityUsed: number;
  unitCostPence: bigint;
  annualCostPence: bigint;
  status: RecordStatus;
  notes: string | null;
}

interface PendingEdge {
  source: string;
  type: DependencyType;
  target: string;
  description: string | null;
}

/** Builds one organisation's part of the estate. */
export class OrgEstateBuilder {
  readonly sites: SiteRow[] = [];
  readonly assets: AssetRow[] = [];
  readonly licences: LicenceRequest[] = [];
  readonly edges: PendingEdge[] = [];
  readonly prng: Prng;
  private readonly siteIds = new Map<string, string>();
  private readonly assetByName = new Map<string, AssetRow>();

  constructor(
    readonly org: OrganisationRow,
    readonly catalogue: SeedCatalogue,
  ) {
    this.prng = createPrng(`converge-seed:${org.code}`);
  }

  /** Adds a site; names are unique within the organisation. */
  site(spec: SiteSpec): SiteRow {
    if (this.siteIds.has(spec.name)) throw new Error(`${this.org.code}: duplicate site ${spec.name}`);
    const row: SiteRow = {
      id: seedId("site", `${this.org.code}/${spec.name}`),
      organisationId: this.org.id,
      name: spec.name,
      kind: spec.kind,
      lifecycle: spec.lifecycle ?? "ACTIVE",
      address: spec.address ?? null,
      postcode: spec.postcode ?? null,
      racks: spec.racks ?? null,
      racksUsed: spec.racksUsed ?? null,
      powerKw: spec.powerKw ?? null,
      powerUsedKw: spec.powerUsedKw ?? null,
      floorSpaceM2: spec.floorSpaceM2 ?? null,
      pue: spec.pue ?? null,
      tier: spec.tier ?? null,
      leaseEnd: spec.leaseEnd ? day(spec.leaseEnd) : null,
      annualCostPence: gbp(spec.annualCost),
      description: spec.description ?? null,
    };
    this.siteIds.set(spec.name, row.id);
    this.sites.push(row);
    return row;
  }

  /** The id of a site by name; "<ORG>::<name>" names another organisation's site. */
  siteId(ref: string): string {
    const [code, name] = ref.includes("::") ? (ref.split("::") as [string, string]) : [this.org.code, ref];
    if (code === this.org.code && !this.siteIds.has(name))
      throw new Error(`${this.org.code}: unknown site ${ref}`);
    return seedId("site", `${code}/${name}`);
  }

  /** Adds an asset; names are unique within the organisation. */
  asset(spec: AssetSpec): AssetRow {
    if (this.assetByName.has(spec.name)) throw new Error(`${this.org.code}: duplicate asset ${spec.name}`);
    const row: AssetRow = {
      id: seedId("asset", `${this.org.code}/${spec.name}`),
      organisationId: this.org.id,
      siteId: spec.site === undefined ? null : this.siteId(spec.site),
      productId: spec.product === undefined ? null : this.productId(spec.product),
      name: spec.name,
      kind: spec.kind,
      subtype: spec.subtype ?? null,
      lifecycle: spec.lifecycle ?? "ACTIVE",
      criticality: spec.criticality ?? "MEDIUM",
      annualRunCostPence: gbp(spec.runCost ?? 0),
      bookValuePence: gbp(spec.bookValue ?? 0),
      supportEnd: spec.supportEnd ? day(spec.supportEnd) : null,
      description: spec.description ?? null,
      rackUnits: spec.rackUnits ?? null,
      powerKw: spec.powerKw ?? null,
      storageTb: spec.storageTb ?? null,
      storageUsedTb: spec.storageUsedTb ?? null,
      vcpu: spec.vcpu ?? null,
      vcpuUsed: spec.vcpuUsed ?? null,
      ramGb: spec.ramGb ?? null,
      ramUsedGb: spec.ramUsedGb ?? null,
      bandwidthMbps: spec.bandwidthMbps ?? null,
      bandwidthUsedMbps: spec.bandwidthUsedMbps ?? null,
    };
    this.assetByName.set(spec.name, row);
    this.assets.push(row);
    return row;
  }

  /** An asset of this organisation by name. */
  assetNamed(name: string): AssetRow {
    const row = this.assetByName.get(name);
    if (!row) throw new Error(`${this.org.code}: unknown asset ${name}`);
    return row;
  }

  /** Records "<source> <type> <target>"; names resolve at the end ("<ORG>::<name>" for another org). */
  dep(source: string, type: DependencyType, target: string, description?: string): void {
    this.edges.push({ source, type, target, description: description ?? null });
  }

  /** Records a licence the organisation holds (one per product; the first one recorded wins). */
  licence(spec: LicenceSpec): void {
    if (this.licences.some((l) => l.productKey === spec.product)) return;
    this.productId(spec.product);
    const unitCostPence = gbp(spec.unit);
    this.licences.push({
      organisationCode: this.org.code,
      productKey: spec.product,
      metric: spec.metric,
      quantityOwned: spec.owned,
      quantityUsed: spec.used,
      unitCostPence,
      annualCostPence: spec.annual === undefined ? unitCostPence * BigInt(spec.owned) : gbp(spec.annual),
      status: spec.status ?? "ACTIVE",
      notes: spec.notes ?? null,
    });
  }

  /** The catalogue id of a product key; throws on an unknown key. */
  productId(key: string): string {
    const id = this.catalogue.productIdByKey.get(key);
    if (!id) throw new Error(`${this.org.code}: unknown product ${key}`);
    return id;
  }

  /** The stable id of an asset reference ("<name>" here or "<ORG>::<name>"). */
  assetRefId(ref: string): string {
    if (ref.includes("::")) {
      const [code, name] = ref.split("::") as [string, string];
      return seedId("asset", `${code}/${name}`);
    }
    return this.assetNamed(ref).id;
  }
}

/** Resolves every recorded edge of the builders to dependency rows; throws on unknown names or loops. */
export function resolveDependencies(builders: readonly OrgEstateBuilder[]): DependencyRow[] {
  const known = new Set(builders.flatMap((b) => b.assets.map((a) => a.id)));
  const rows: DependencyRow[] = [];
  const seen = new Set<string>();
  for (const b of builders) {
    for (const e of b.edges) {
      const sourceId = b.assetRefId(e.source);
      const targetId = b.assetRefId(e.target);
      if (!known.has(sourceId) || !known.has(targetId)) {
        throw new Error(`${b.org.code}: dependency ${e.source} ${e.type} ${e.target} names an unknown asset`);
      }
      if (sourceId === targetId) throw new Error(`${b.org.code}: self-loop on ${e.source}`);
      const key = `${sourceId}|${e.type}|${targetId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({
        id: seedId("dependency", key),
        sourceId,
        targetId,
        type: e.type,
        description: e.description,
      });
    }
  }
  return rows;
}
