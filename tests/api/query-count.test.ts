// No N+1 (NetBox-style): the same query over 1 object and over 50 sends the same number of SQL
// statements, because every child field is batched through a per-request DataLoader.
import { randomUUID } from "node:crypto";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { Prisma } from "../../generated/prisma/client.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import { createOrganisations, ok, type Gql } from "./fixtures.ts";

// The whole asset page a client wants (organisation, site, product, edges both ways, licences) costs more
// than QUERY_LIMITS.maxCost in one query, so it is measured as the two halves a client must send instead.
const ASSETS_AND_CONTEXT = `{ assets(first: 100, filter: { organisation: ["SCC"] }) { totalCount edges { node {
  id name
  organisation { code name summary { assetCount } }
  site { name organisation { code } }
  product { name vendor { name } capability { code } aliases } } } } }`;

const ASSETS_AND_EDGES = `{ assets(first: 100, filter: { organisation: ["SCC"] }) { totalCount edges { node {
  id name
  dependsOn { type target { name site { name } } }
  dependencyOf { type source { name } }
  licences { quantityOwned contract { reference } product { name } } } } } }`;

const SITES = `{ sites(first: 100, filter: { organisation: ["SCC"] }) { totalCount edges { node {
  name assets { totalCount edges { node { name } } } organisation { code } } } } }`;

const LICENCES = `{ licences(first: 100, filter: { organisation: ["SCC"] }) { totalCount edges { node {
  quantityOwned shelfware annualCost
  organisation { code summary { licenceCount } }
  product { name vendor { name } capability { code } aliases }
  contract { reference licences { id } } } } } }`;

const CONTRACTS = `{ contracts(first: 100, filter: { organisation: ["SCC"] }) { totalCount edges { node {
  reference organisation { code }
  licences { quantityOwned product { name vendor { name } } contract { reference } } } } } }`;

/**
 * `n` SCC applications, each at its own SCC site, an instance of its own product (vendor, capability,
 * alias), licensed twice (once under its own contract), depending on two DCC assets at a DCC site and
 * depended on by two WBC assets. Built with createMany: fixtures, not the behaviour under test.
 */
async function buildEstate(prisma: TestDatabase["prisma"], n: number): Promise<void> {
  const orgs = await createOrganisations(prisma);
  const sites: Prisma.SiteCreateManyInput[] = [];
  const vendors: Prisma.VendorCreateManyInput[] = [];
  const capabilities: Prisma.CapabilityCreateManyInput[] = [];
  const products: Prisma.ProductCreateManyInput[] = [];
  const aliases: Prisma.ProductAliasCreateManyInput[] = [];
  const contracts: Prisma.ContractCreateManyInput[] = [];
  const licences: Prisma.LicenceCreateManyInput[] = [];
  const assets: Prisma.AssetCreateManyInput[] = [];
  const dependencies: Prisma.DependencyCreateManyInput[] = [];
  for (let i = 0; i < n; i++) {
    const [sccSite, dccSite, vendor, capability, product, contract] = Array.from({ length: 6 }, () =>
      randomUUID(),
    ) as [string, string, string, string, string, string];
    sites.push({ id: sccSite, organisationId: orgs.SCC.id, name: `SCC site ${i}`, kind: "COMMS_ROOM" });
    sites.push({ id: dccSite, organisationId: orgs.DCC.id, name: `DCC site ${i}`, kind: "DATA_CENTRE" });
    vendors.push({ id: vendor, name: `Vendor ${i}` });
    capabilities.push({ id: capability, code: `CAP_${i}`, name: `Capability ${i}` });
    products.push({ id: product, vendorId: vendor, name: `Product ${i}`, capabilityId: capability });
    aliases.push({
      id: randomUUID(),
      productId: product,
      alias: `Product ${i} v2`,
      normalised: `product ${i} v2`,
    });
    contracts.push({
      id: contract,
      organisationId: orgs.SCC.id,
      reference: `SCC-${i}`,
      title: `Contract ${i}`,
    });
    licences.push({
      id: randomUUID(),
      organisationId: orgs.SCC.id,
      productId: product,
      contractId: contract,
      metric: "USER",
      quantityOwned: 10,
      quantityUsed: 4,
    });
    licences.push({
      id: randomUUID(),
      organisationId: orgs.SCC.id,
      productId: product,
      metric: "DEVICE",
      quantityOwned: 5,
      quantityUsed: 5,
    });
    const app = randomUUID();
    assets.push({
      id: app,
      organisationId: orgs.SCC.id,
      siteId: sccSite,
      productId: product,
      name: `App ${i}`,
      kind: "APPLICATION",
    });
    for (const [k, type] of (["RUNS_ON", "STORES_DATA_ON"] as const).entries()) {
      const target = randomUUID();
      assets.push({
        id: target,
        organisationId: orgs.DCC.id,
        siteId: dccSite,
        name: `DCC host ${i}.${k}`,
        kind: "SERVER",
      });
      dependencies.push({ id: randomUUID(), sourceId: app, targetId: target, type });
    }
    for (const [k, type] of (["DEPENDS_ON", "AUTHENTICATES_VIA"] as const).entries()) {
      const source = randomUUID();
      assets.push({
        id: source,
        organisationId: orgs.WBC.id,
        name: `WBC client ${i}.${k}`,
        kind: "END_USER_SERVICE",
      });
      dependencies.push({ id: randomUUID(), sourceId: source, targetId: app, type });
    }
  }
  await prisma.site.createMany({ data: sites });
  await prisma.vendor.createMany({ data: vendors });
  await prisma.capability.createMany({ data: capabilities });
  await prisma.product.createMany({ data: products });
  await prisma.productAlias.createMany({ data: aliases });
  await prisma.contract.createMany({ data: contracts });
  await prisma.licence.createMany({ data: licences });
  await prisma.asset.createMany({ data: assets });
  await prisma.dependency.createMany({ data: dependencies });
}

describe.each(engines())("SQL statements per query on %s", (engine) => {
  let db: TestDatabase;
  let gql: Gql;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    gql = graphqlClient(db.prisma);
  });
  afterAll(() => db?.close());

  /** Runs `query` over an estate of `n` and returns the statements it sent and its data. */
  async function measure(n: number, query: string) {
    await db.truncate();
    await buildEstate(db.prisma, n);
    db.resetQueryCount();
    const data = ok(await gql(query));
    return { statements: db.queries.length, data };
  }

  it("lists assets with their organisation, summary, site and product in as many statements for 50 as for 1", async () => {
    const one = await measure(1, ASSETS_AND_CONTEXT);
    const fifty = await measure(50, ASSETS_AND_CONTEXT);
    expect(fifty.data.assets.totalCount).toBe(50);
    const node = fifty.data.assets.edges[49].node;
    expect(node.organisation.summary.assetCount).toBe(50);
    expect(node.site.organisation.code).toBe("SCC");
    expect(node.product.vendor.name).toMatch(/^Vendor/);
    expect(node.product.aliases).toHaveLength(1);
    expect(fifty.statements).toBe(one.statements);
  });

  it("lists assets with their dependencies both ways and their licences in as many statements for 50 as for 1", async () => {
    const one = await measure(1, ASSETS_AND_EDGES);
    const fifty = await measure(50, ASSETS_AND_EDGES);
    expect(fifty.data.assets.totalCount).toBe(50);
    const node = fifty.data.assets.edges[49].node;
    expect(node.dependsOn).toHaveLength(2);
    expect(node.dependsOn[0].target.site.name).toMatch(/^DCC site/);
    expect(node.dependencyOf).toHaveLength(2);
    expect(node.licences).toHaveLength(2);
    expect(fifty.statements).toBe(one.statements);
  });

  it("lists sites with their assets in as many statements for 50 as for 1", async () => {
    const one = await measure(1, SITES);
    const fifty = await measure(50, SITES);
    expect(fifty.data.sites.totalCount).toBe(50);
    expect(fifty.data.sites.edges.every((e: any) => e.node.assets.edges.length === 1)).toBe(true);
    expect(fifty.statements).toBe(one.statements);
  });

  it("lists licences with their product, vendor and contract in as many statements for 50 as for 1", async () => {
    const one = await measure(1, LICENCES);
    const fifty = await measure(50, LICENCES);
    expect(fifty.data.licences.totalCount).toBe(100);
    expect(fifty.statements).toBe(one.statements);
  });

  it("lists contracts with their licences in as many statements for 50 as for 1", async () => {
    const one = await measure(1, CONTRACTS);
    const fifty = await measure(50, CONTRACTS);
    expect(fifty.data.contracts.totalCount).toBe(50);
    expect(fifty.data.contracts.edges.every((e: any) => e.node.licences.length === 1)).toBe(true);
    expect(fifty.statements).toBe(one.statements);
  });
});
