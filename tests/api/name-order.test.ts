// Sorting by a name ignores case and gives the same order on both engines: PGlite compares bytes ("Zebra"
// before "apple"), PostgreSQL its default collation; both now order by a key the database generates,
// lower(name) in byte order, with id breaking ties, page after page. The key is not part of a record:
// audit snapshots leave it out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Organisation } from "../../generated/prisma/client.ts";
import { toGlobalId } from "../../server/shared/ids.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import {
  createAsset,
  createContract,
  createOrganisations,
  createSite,
  OPERATOR,
  type OrgCode,
} from "./fixtures.ts";

type Gql = ReturnType<typeof graphqlClient>;

/** Every node of a list, two to a page. */
async function walk<T>(
  gql: Gql,
  query: string,
  field: string,
  variables: Record<string, unknown>,
): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const r: { data?: any; errors?: unknown } = await gql(query, { ...variables, after });
    expect(r.errors).toBeUndefined();
    const conn = r.data[field] as {
      edges: { node: T }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
    out.push(...conn.edges.map((e) => e.node));
    if (!conn.pageInfo.hasNextPage) return out;
    after = conn.pageInfo.endCursor;
  }
}

const NAMES = ["Zebra switch", "apple server", "Mango NAS", "banana firewall", "Apple pie", "zebra crossing"];
const ASC = ["Apple pie", "apple server", "banana firewall", "Mango NAS", "zebra crossing", "Zebra switch"];

describe.each(engines())("name sorts on %s", (engine) => {
  let db: TestDatabase;
  let orgs: Record<OrgCode, Organisation>;
  let siteId: string;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    orgs = await createOrganisations(db.prisma);
    const site = await createSite(db.prisma, orgs.SCC, { name: "Hub" });
    siteId = site.id;
    for (const [i, name] of NAMES.entries()) {
      await createAsset(db.prisma, i % 2 ? orgs.DCC : orgs.SCC, { name, siteId: i % 2 ? null : site.id });
      await createSite(db.prisma, i % 2 ? orgs.DCC : orgs.SCC, { name });
      await createContract(db.prisma, orgs.SCC, {
        title: name,
        supplierName: i === 3 ? null : `${name} Ltd`,
      });
    }
  }, 120_000);
  afterAll(() => db?.close());

  it("sorts assets by name ignoring case, both ways, across pages", async () => {
    const gql = graphqlClient(db.prisma, OPERATOR);
    const q = `query ($orderBy: AssetOrder, $after: String) { assets(orderBy: $orderBy, first: 2, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } }`;
    const asc = await walk<{ name: string }>(gql, q, "assets", { orderBy: "NAME_ASC" });
    expect(asc.map((a) => a.name)).toEqual(ASC);
    const desc = await walk<{ name: string }>(gql, q, "assets", { orderBy: "NAME_DESC" });
    expect(desc.map((a) => a.name)).toEqual([...ASC].reverse());
  });

  it("sorts sites by name ignoring case, and a site's assets the same way", async () => {
    const gql = graphqlClient(db.prisma, OPERATOR);
    const q = `query ($orderBy: SiteOrder, $filter: SiteFilter, $after: String) { sites(orderBy: $orderBy, filter: $filter, first: 2, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } }`;
    const asc = await walk<{ name: string }>(gql, q, "sites", {
      orderBy: "NAME_ASC",
      filter: { search: "a" },
    });
    expect(asc.map((s) => s.name)).toEqual(ASC);
    const r = await gql(
      `query ($id: ID!) { site(id: $id) { assets(first: 10) { edges { node { name } } } } }`,
      {
        id: toGlobalId("Site", siteId),
      },
    );
    expect(r.errors).toBeUndefined();
    const located = (r.data as any).site.assets.edges.map((e: { node: { name: string } }) => e.node.name);
    expect(located).toEqual(["Apple pie", "Mango NAS", "Zebra switch"]);
  });

  it("sorts contracts by title and by supplier ignoring case (no supplier last)", async () => {
    const gql = graphqlClient(db.prisma, OPERATOR);
    const q = `query ($orderBy: ContractOrder, $after: String) { contracts(orderBy: $orderBy, first: 2, after: $after) { edges { node { title supplierName } } pageInfo { hasNextPage endCursor } } }`;
    const byTitle = await walk<{ title: string }>(gql, q, "contracts", { orderBy: "TITLE_ASC" });
    expect(byTitle.map((c) => c.title)).toEqual(ASC);
    const bySupplier = await walk<{ supplierName: string | null }>(gql, q, "contracts", {
      orderBy: "SUPPLIER_DESC",
    });
    expect(bySupplier.map((c) => c.supplierName)).toEqual([
      ...ASC.filter((n) => n !== "banana firewall")
        .map((n) => `${n} Ltd`)
        .reverse(),
      null,
    ]);
  });

  it("leaves the sort key out of an audit snapshot", async () => {
    const gql = graphqlClient(db.prisma, OPERATOR);
    const r = await gql(
      `mutation { createAsset(input: { organisation: "SCC", name: "Quince", kind: SERVER }) { id name } }`,
    );
    expect(r.errors).toBeUndefined();
    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "CREATE", entityType: "Asset" },
    });
    expect(Object.keys(event.after as object)).toContain("name");
    expect(Object.keys(event.after as object)).not.toContain("nameKey");
  });
});
