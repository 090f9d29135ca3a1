// The orders the web app's column headers ask for: sites by name or annual cost and licences by seats
// or annual cost, each walked page by page on the server (so a sort holds across pages); ordering
// licences by a cost the caller may not see is refused, since the order itself would reveal it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Organisation } from "../../generated/prisma/client.ts";
import type { Actor } from "../../server/shared/actor.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import {
  createLicence,
  createOrganisations,
  createProduct,
  createSite,
  OPERATOR,
  type OrgCode,
} from "./fixtures.ts";

const SITES = `query ($orderBy: SiteOrder, $after: String) {
  sites(orderBy: $orderBy, first: 3, after: $after) { edges { node { name annualCost } } pageInfo { hasNextPage endCursor } } }`;
const LICENCES = `query ($orderBy: LicenceOrder, $filter: LicenceFilter, $after: String) {
  licences(orderBy: $orderBy, filter: $filter, first: 3, after: $after) { edges { node { quantityOwned annualCost } } pageInfo { hasNextPage endCursor } } }`;

type Gql = ReturnType<typeof graphqlClient>;

/** Every node of a list, walking its pages. */
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
    const conn: { edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } =
      r.data[field];
    out.push(...conn.edges.map((e) => e.node));
    if (!conn.pageInfo.hasNextPage) return out;
    after = conn.pageInfo.endCursor;
  }
}

describe.each(engines())("list orders on %s", (engine) => {
  let db: TestDatabase;
  let orgs: Record<OrgCode, Organisation>;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    orgs = await createOrganisations(db.prisma);
    const costs = [500n, 100n, 900n, 100n, 300n, 700n, 0n];
    for (const [i, cost] of costs.entries())
      await createSite(db.prisma, i % 2 ? orgs.DCC : orgs.SCC, {
        name: `Site ${String.fromCharCode(71 - i)}`,
        annualCostPence: cost,
      });
    const { product } = await createProduct(db.prisma, "Office");
    const seats = [10, 40, 20, 40, 5, 30, 15];
    for (const [i, owned] of seats.entries())
      await createLicence(db.prisma, i % 2 ? orgs.DCC : orgs.SCC, product, {
        quantityOwned: owned,
        quantityUsed: 1,
        annualCostPence: BigInt(owned) * 1000n + BigInt(i),
      });
  }, 120_000);
  afterAll(() => db?.close());

  it("sorts sites by name and by annual cost, both ways, across pages", async () => {
    const gql = graphqlClient(db.prisma, OPERATOR);
    const names = (await walk<{ name: string }>(gql, SITES, "sites", { orderBy: "NAME_DESC" })).map(
      (s) => s.name,
    );
    expect(names).toEqual(["Site G", "Site F", "Site E", "Site D", "Site C", "Site B", "Site A"]);
    const asc = (await walk<{ annualCost: string }>(gql, SITES, "sites", { orderBy: "ANNUAL_COST_ASC" })).map(
      (s) => s.annualCost,
    );
    expect(asc).toEqual(["0.00", "1.00", "1.00", "3.00", "5.00", "7.00", "9.00"]);
    const desc = (
      await walk<{ annualCost: string }>(gql, SITES, "sites", { orderBy: "ANNUAL_COST_DESC" })
    ).map((s) => s.annualCost);
    expect(desc).toEqual([...asc].reverse());
  });

  it("sorts licences by seats owned and by annual cost, both ways, across pages", async () => {
    const gql = graphqlClient(db.prisma, OPERATOR);
    const owned = (
      await walk<{ quantityOwned: number }>(gql, LICENCES, "licences", { orderBy: "QUANTITY_OWNED_ASC" })
    ).map((l) => l.quantityOwned);
    expect(owned).toEqual([5, 10, 15, 20, 30, 40, 40]);
    const cost = (
      await walk<{ annualCost: string }>(gql, LICENCES, "licences", { orderBy: "ANNUAL_COST_DESC" })
    ).map((l) => l.annualCost);
    expect(cost).toEqual(["400.03", "400.01", "300.05", "200.02", "150.06", "100.00", "50.04"]);
  });

  it("refuses to order by annual cost for a caller who may not see every cost in scope, naming orderBy", async () => {
    const viewer: Actor = {
      id: "4a0c6f3e-2d4f-4b5a-8c9d-0e1f2a3b4c5d",
      email: "viewer@converge.test",
      displayName: "Viewer",
      roles: new Map<string, Set<"PROCUREMENT" | "VIEWER">>([
        [orgs.SCC.id, new Set(["PROCUREMENT"])],
        [orgs.DCC.id, new Set(["VIEWER"])],
      ]),
      sharedAdmin: false,
      via: "session",
    };
    const gql = graphqlClient(db.prisma, viewer);
    const refused = await gql(LICENCES, { orderBy: "ANNUAL_COST_DESC" });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(refused.errors?.[0]?.message).toMatch(/orderBy: ordering by annual cost needs/);
    // Within SCC alone every cost is visible: allowed.
    const scc = await walk<{ annualCost: string }>(gql, LICENCES, "licences", {
      orderBy: "ANNUAL_COST_ASC",
      filter: { organisation: ["SCC"] },
    });
    expect(scc.map((l) => l.annualCost)).toEqual(["50.04", "100.00", "150.06", "200.02"]);
    // Seats reveal no cost: allowed everywhere.
    expect((await gql(LICENCES, { orderBy: "QUANTITY_OWNED_DESC" })).errors).toBeUndefined();
  });
});
