// Row shapes of the seed estate: plain objects that Prisma `createMany` accepts as they are.
// Money is integer pence (bigint); dates are Date objects (calendar dates, midnight UTC).
import type {
  AssetKind,
  Criticality,
  DependencyType,
  LicenceMetric,
  Lifecycle,
  OrganisationKind,
  RecordStatus,
  SiteKind,
} from "../generated/prisma/enums.ts";

/** One organisation row. */
export interface OrganisationRow {
  id: string;
  code: string;
  name: string;
  kind: OrganisationKind;
  identifiers: string[];
  annualIctBudgetPence: bigint;
  /** Decimal(8,2) as a string, e.g. "140.00". */
  staffFte: string;
  /** Recurring annual saving convergence must bring, in pence. */
  savingsTargetPence: bigint;
}

/** One site row. */
export interface SiteRow {
  id: string;
  organisationId: string;
  name: string;
  kind: SiteKind;
  lifecycle: Lifecycle;
  address: string | null;
  postcode: string | null;
  racks: number | null;
  racksUsed: number | null;
  powerKw: number | null;
  powerUsedKw: number | null;
  floorSpaceM2: number | null;
  pue: number | null;
  tier: number | null;
  leaseEnd: Date | null;
  annualCostPence: bigint;
  description: string | null;
}

/** One asset row (network, storage, cluster, platform, server, database, application, service). */
export interface AssetRow {
  id: string;
  organisationId: string;
  siteId: string | null;
  productId: string | null;
  name: string;
  kind: AssetKind;
  subtype: string | null;
  lifecycle: Lifecycle;
  criticality: Criticality;
  annualRunCostPence: bigint;
  bookValuePence: bigint;
  supportEnd: Date | null;
  description: string | null;
  rackUnits: number | null;
  powerKw: number | null;
  storageTb: number | null;
  storageUsedTb: number | null;
  vcpu: number | null;
  vcpuUsed: number | null;
  ramGb: number | null;
  ramUsedGb: number | null;
  bandwidthMbps: number | null;
  bandwidthUsedMbps: number | null;
}

/** One dependency row: "<source> <type> <target>". */
export interface DependencyRow {
  id: string;
  sourceId: string;
  targetId: string;
  type: DependencyType;
  description: string | null;
}

/** One vendor row. */
export interface VendorRow {
  id: string;
  name: string;
}

/** One capability row: a node of the taxonomy (domain, capability or job). */
export interface CapabilityRow {
  id: string;
  code: string;
  name: string;
  description: string | null;
  level: "DOMAIN" | "CAPABILITY" | "JOB";
  parentId: string | null;
}

/** One job a product does. */
export interface ProductJobRow {
  productId: string;
  capabilityId: string;
}

/** One catalogue product row. */
export interface ProductRow {
  id: string;
  vendorId: string;
  name: string;
  edition: string;
  capabilityId: string | null;
}

/** One raw register spelling of a product. */
export interface ProductAliasRow {
  id: string;
  productId: string;
  alias: string;
  normalised: string;
}

/** One contract row. */
export interface ContractRow {
  id: string;
  organisationId: string;
  reference: string;
  title: string;
  description: string | null;
  supplierName: string | null;
  startDate: Date | null;
  endDate: Date | null;
  noticePeriodDays: number | null;
  valuePence: bigint | null;
  annualValuePence: bigint | null;
  renewalTerms: string | null;
  cpvCode: string | null;
  ocid: string | null;
  status: RecordStatus;
}

/** One licence (entitlement) row. */
export interface LicenceRow {
  id: string;
  organisationId: string;
  productId: string;
  contractId: string | null;
  metric: LicenceMetric;
  quantityOwned: number;
  quantityUsed: number;
  unitCostPence: bigint;
  annualCostPence: bigint;
  status: RecordStatus;
  notes: string | null;
}

/** The whole seed estate, one array per table, in an order that satisfies foreign keys. */
export interface SeedEstate {
  organisations: OrganisationRow[];
  capabilities: CapabilityRow[];
  vendors: VendorRow[];
  products: ProductRow[];
  productJobs: ProductJobRow[];
  productAliases: ProductAliasRow[];
  sites: SiteRow[];
  assets: AssetRow[];
  dependencies: DependencyRow[];
  contracts: ContractRow[];
  licences: LicenceRow[];
}
