// Fixtures and assertions shared by the API tests: one small valid estate built straight through Prisma,
// a fingerprint of everything written (to prove a refused mutation wrote nothing), and error readers.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type {
  Asset,
  Capability,
  Contract,
  Dependency,
  Licence,
  Organisation,
  Prisma,
  PrismaClient,
  Product,
  Site,
  Vendor,
} from "../../generated/prisma/client.ts";
import type { Actor } from "../../server/shared/actor.ts";
import type { TestDatabase } from "../support/databases.ts";
import type { GqlResult } from "../support/graphql.ts";

/** The in-process GraphQL client of tests/support/graphql.ts. */
export type Gql = <T = any>(query: string, variables?: Record<string, unknown>) => Promise<GqlResult<T>>;

/** An error code the API answers with. */
export type ErrorCode =
  "BAD_INPUT" | "NOT_FOUND" | "CONFLICT" | "FORBIDDEN" | "GRAPHQL_VALIDATION_FAILED" | "INTERNAL_SERVER_ERROR";

/** The global ID the API gives a row. */
export function gid(type: string, id: string): string {
  return `${type}:${id}`;
}

/** A well-formed global ID that names no row. */
export function unknownId(type: string): string {
  return gid(type, randomUUID());
}

/** A signed-in operator who may change every organisation's data (a shared-service ADMIN). */
export const OPERATOR: Actor = {
  id: "0b9c1a52-5d8e-4f3a-9a77-1f2e3d4c5b6a",
  email: "operator@converge.test",
  displayName: "Test operator",
  roles: new Map(),
  sharedAdmin: true,
  via: "session",
};

/** The three organisations every fixture starts from: two councils and a third party. */
export type OrgCode = "SCC" | "DCC" | "WBC";

/** Creates SCC, DCC and WBC. */
export async function createOrganisations(prisma: PrismaClient): Promise<Record<OrgCode, Organisation>> {
  const make = (code: OrgCode, name: string, kind: "COUNCIL" | "PARTNER") =>
    prisma.organisation.create({
      data: { id: randomUUID(), code, name, kind, annualIctBudgetPence: 1_000_000_00n, staffFte: "12.5" },
    });
  const SCC = await make("SCC", "Southshire County Council", "COUNCIL");
  const DCC = await make("DCC", "Downford City Council", "COUNCIL");
  const WBC = await make("WBC", "Westbrook Borough Council", "PARTNER");
  return { SCC, DCC, WBC };
}

/** A site row with harmless defaults (an ACTIVE data centre with room to spare). */
export function createSite(
  prisma: PrismaClient,
  org: Organisation,
  over: Partial<Prisma.SiteUncheckedCreateInput> = {},
): Promise<Site> {
  return prisma.site.create({
    data: {
      id: randomUUID(),
      organisationId: org.id,
      name: `Site ${randomUUID().slice(0, 8)}`,
      kind: "DATA_CENTRE",
      racks: 20,
      racksUsed: 10,
      powerKw: 100,
      powerUsedKw: 40,
      ...over,
    },
  });
}

/** An asset row with harmless defaults (an ACTIVE, MEDIUM server). */
export function createAsset(
  prisma: PrismaClient,
  org: Organisation,
  over: Partial<Prisma.AssetUncheckedCreateInput> = {},
): Promise<Asset> {
  return prisma.asset.create({
    data: {
      id: randomUUID(),
      organisationId: org.id,
      name: `Asset ${randomUUID().slice(0, 8)}`,
      kind: "SERVER",
      ...over,
    },
  });
}

/** A dependency row "<source> <type> <target>". */
export function createDependency(
  prisma: PrismaClient,
  source: Asset,
  type: Dependency["type"],
  target: Asset,
): Promise<Dependency> {
  return prisma.dependency.create({
    data: { id: randomUUID(), sourceId: source.id, targetId: target.id, type },
  });
}

/** A vendor, a capability and a product of that vendor with one alias. */
export async function createProduct(
  prisma: PrismaClient,
  name: string,
): Promise<{ vendor: Vendor; capability: Capability; product: Product }> {
  const vendor = await prisma.vendor.create({ data: { id: randomUUID(), name: `${name} Ltd` } });
  const capability = await prisma.capability.create({
    data: {
      id: randomUUID(),
      code: name.toUpperCase().replace(/\W+/g, "_"),
      name: `${name} capability`,
      level: "JOB",
    },
  });
  const product = await prisma.product.create({
    data: {
      id: randomUUID(),
      vendorId: vendor.id,
      name,
      capabilityId: capability.id,
      jobs: { create: [{ capabilityId: capability.id }] },
    },
  });
  await prisma.productAlias.create({
    data: {
      id: randomUUID(),
      productId: product.id,
      alias: `${name} (register)`,
      normalised: `${name} (register)`.toLowerCase(),
    },
  });
  return { vendor, capability, product };
}

/** A contract row with harmless defaults. */
export function createContract(
  prisma: PrismaClient,
  org: Organisation,
  over: Partial<Prisma.ContractUncheckedCreateInput> = {},
): Promise<Contract> {
  return prisma.contract.create({
    data: {
      id: randomUUID(),
      organisationId: org.id,
      reference: `REF-${randomUUID().slice(0, 8)}`,
      title: "Support and maintenance",
      ...over,
    },
  });
}

/** A licence row with harmless defaults (10 users owned, 8 used). */
export function createLicence(
  prisma: PrismaClient,
  org: Organisation,
  product: Product,
  over: Partial<Prisma.LicenceUncheckedCreateInput> = {},
): Promise<Licence> {
  return prisma.licence.create({
    data: {
      id: randomUUID(),
      organisationId: org.id,
      productId: product.id,
      metric: "USER",
      quantityOwned: 10,
      quantityUsed: 8,
      unitCostPence: 1000n,
      annualCostPence: 10000n,
      ...over,
    },
  });
}

/** The small valid estate most tests break one thing of. */
export interface Estate {
  orgs: Record<OrgCode, Organisation>;
  sccDataCentre: Site;
  dccDataCentre: Site;
  /** SCC's VMware cluster at SCC's data centre. */
  sccCluster: Asset;
  /** SCC's social-care application (an instance of `product`), which RUNS_ON the cluster. */
  sccApp: Asset;
  /** DCC's WAN link at DCC's data centre. */
  dccWan: Asset;
  runsOn: Dependency;
  vendor: Vendor;
  capability: Capability;
  product: Product;
  sccContract: Contract;
  dccContract: Contract;
  /** SCC's licence for `product` under `sccContract`. */
  sccLicence: Licence;
}

/** Builds the estate through Prisma (no audit events: those come only from mutations). */
export async function buildEstate(prisma: PrismaClient): Promise<Estate> {
  const orgs = await createOrganisations(prisma);
  const sccDataCentre = await createSite(prisma, orgs.SCC, { name: "Southshire Data Centre" });
  const dccDataCentre = await createSite(prisma, orgs.DCC, { name: "Downford Data Centre" });
  const { vendor, capability, product } = await createProduct(prisma, "Mosaic");
  const sccCluster = await createAsset(prisma, orgs.SCC, {
    name: "SCC VMware cluster",
    kind: "COMPUTE_CLUSTER",
    siteId: sccDataCentre.id,
    vcpu: 256,
    vcpuUsed: 200,
    ramGb: 2048,
    ramUsedGb: 1500,
    storageTb: 100,
    storageUsedTb: 60,
    annualRunCostPence: 120_000_00n,
  });
  const sccApp = await createAsset(prisma, orgs.SCC, {
    name: "Mosaic social care",
    kind: "APPLICATION",
    productId: product.id,
    criticality: "CRITICAL",
  });
  const dccWan = await createAsset(prisma, orgs.DCC, {
    name: "DCC WAN link",
    kind: "NETWORK",
    siteId: dccDataCentre.id,
    bandwidthMbps: 1000,
    bandwidthUsedMbps: 300,
  });
  const runsOn = await createDependency(prisma, sccApp, "RUNS_ON", sccCluster);
  const sccContract = await createContract(prisma, orgs.SCC, {
    reference: "SCC-0001",
    title: "Mosaic licences and support",
  });
  const dccContract = await createContract(prisma, orgs.DCC, {
    reference: "DCC-0001",
    title: "Network services",
  });
  const sccLicence = await createLicence(prisma, orgs.SCC, product, { contractId: sccContract.id });
  return {
    orgs,
    sccDataCentre,
    dccDataCentre,
    sccCluster,
    sccApp,
    dccWan,
    runsOn,
    vendor,
    capability,
    product,
    sccContract,
    dccContract,
    sccLicence,
  };
}

const FINGERPRINT_SQL = `
  SELECT 'Organisation' AS t, count(*)::int AS n, coalesce(sum(version), 0)::int AS v FROM "Organisation"
  UNION ALL SELECT 'Site', count(*)::int, coalesce(sum(version), 0)::int FROM "Site"
  UNION ALL SELECT 'Asset', count(*)::int, coalesce(sum(version), 0)::int FROM "Asset"
  UNION ALL SELECT 'Dependency', count(*)::int, coalesce(sum(version), 0)::int FROM "Dependency"
  UNION ALL SELECT 'Product', count(*)::int, coalesce(sum(version), 0)::int FROM "Product"
  UNION ALL SELECT 'Licence', count(*)::int, coalesce(sum(version), 0)::int FROM "Licence"
  UNION ALL SELECT 'Contract', count(*)::int, coalesce(sum(version), 0)::int FROM "Contract"
  UNION ALL SELECT 'Scenario', count(*)::int, coalesce(sum(version), 0)::int FROM "Scenario"
  UNION ALL SELECT 'Move', count(*)::int, coalesce(sum(version), 0)::int FROM "Move"
  UNION ALL SELECT 'ScenarioTarget', count(*)::int, 0 FROM "ScenarioTarget"
  UNION ALL SELECT 'ScenarioDecision', count(*)::int, 0 FROM "ScenarioDecision"
  UNION ALL SELECT 'AuditEvent', count(*)::int, 0 FROM "AuditEvent"`;

/**
 * Row counts and version sums of every table, plus the number of audit events: equal fingerprints mean
 * nothing was created, updated (every update bumps a version) or deleted in between.
 */
export async function fingerprint(
  prisma: PrismaClient,
): Promise<Record<string, { rows: number; versions: number }>> {
  const rows = await prisma.$queryRawUnsafe<{ t: string; n: number; v: number }[]>(FINGERPRINT_SQL);
  return Object.fromEntries(rows.map((r) => [r.t, { rows: Number(r.n), versions: Number(r.v) }]));
}

/** The data of a successful response; fails the test with the errors otherwise. */
export function ok<T = any>(result: GqlResult<T>): T {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

/** Asserts the first error's code and field. */
export function expectError(result: GqlResult, code: ErrorCode, field?: string): void {
  expect(result.errors?.length ?? 0, `expected an error, got ${JSON.stringify(result.data)}`).toBeGreaterThan(
    0,
  );
  const extensions = result.errors![0]!.extensions ?? {};
  expect({ code: extensions.code, field: extensions.field }).toEqual({ code, field });
}

/**
 * Runs a mutation that must be refused with `code` on `field`, and proves it wrote nothing: row counts,
 * version sums and the number of audit events are the same afterwards.
 */
export async function expectRefused(
  db: TestDatabase,
  attempt: () => Promise<GqlResult>,
  code: ErrorCode,
  field?: string,
): Promise<GqlResult> {
  const before = await fingerprint(db.prisma);
  const result = await attempt();
  expectError(result, code, field);
  expect(await fingerprint(db.prisma)).toEqual(before);
  return result;
}

/** The number of audit events, optionally for one entity (row id). */
export function auditCount(prisma: PrismaClient, entityId?: string): Promise<number> {
  return prisma.auditEvent.count({ where: entityId ? { entityId } : {} });
}
