// The orders the contracts, audit trail, users and shelfware tables ask for from their column headers:
// contracts and audit events walked page by page on the server (so a sort holds across pages, and
// contracts without a supplier or end date come last both ways), users and licence positions as whole
// lists; every order breaks ties by id, so the same data gives the same order. A name outside the
// allow-list (the enum) is refused by the schema.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Organisation } from "../../generated/prisma/client.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import {
  createAsset,
  createContract,
  createLicence,
  createOrganisations,
  createProduct,
  gid,
  OPERATOR,
  type OrgCode,
} from "./fixtures.ts";

const CONTRACTS = `query ($orderBy: ContractOrder, $filter: ContractFilter, $after: String) {
  contracts(orderBy: $orderBy, filter: $filter, first: 2, after: $after) {
    edges { node { reference supplierName endDate } } pageInfo { hasNextPage endCursor } } }`;
const EVENTS = `query ($orderBy: AuditOrder, $filter: AuditFilter, $after: String) {
  auditEvents(orderBy: $orderBy, filter: $filter, first: 2, after: $after) {
    edges { node { actor action entityType } } pageInfo { hasNextPage endCursor } } }`;
const USERS = `query ($orderBy: UserOrder) { users(orderBy: $orderBy) { email displayName lastSignInAt } }`;
const POSITIONS = `query ($orderBy: PositionOrder) {
  licencePositions(imbalance: SHELFWARE, orderBy: $orderBy) {
    organisation { code } product { name } shelfwareCost metrics { shelfware } } }`;

type Gql = ReturnType<typeof graphqlClient>;

/** Every node of a paged list, walking its pages. */
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

describe.each(engines())("contract, audit, user and position orders on %s", (engine) => {
  let db: TestDatabase;
  let orgs: Record<OrgCode, Organisation>;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    orgs = await createOrganisations(db.prisma);
    const contracts: [string, string | null, string | null][] = [
      ["C-3", "Zeta Ltd", "2027-03-31"],
      ["C-1", null, "2026-12-31"],
      ["C-5", "Acme plc", null],
      ["C-2", "Midway", "2028-01-01"],
      ["C-4", null, null],
      ["C-6", "Acme plc", "2026-12-31"],
    ];
    for (const [i, [reference, supplierName, end]] of contracts.entries())
      await createContract(db.prisma, i % 2 ? orgs.DCC : orgs.SCC, {
        reference,
        title: `Contract ${reference}`,
        supplierName,
        endDate: end ? new Date(`${end}T00:00:00Z`) : null,
      });
    const events: [string, string, string][] = [
      ["carol@scc.test", "UPDATE", "Site"],
      ["alice@scc.test", "CREATE", "Asset"],
      ["bob@dcc.test", "RETIRE", "Licence"],
      ["alice@scc.test", "UPDATE", "Contract"],
      ["bob@dcc.test", "CREATE", "Site"],
    ];
    for (const [actor, action, entityType] of events)
      await db.prisma.auditEvent.create({
        data: {
          id: randomUUID(),
          actor,
          action,
          entityType,
          entityId: randomUUID(),
          organisationId: orgs.SCC.id,
        },
      });
    const users: [string, string, string | null][] = [
      ["dora@scc.test", "Dora Ames", "2026-11-02T09:00:00Z"],
      ["ann@dcc.test", "Zoe Ann", null],
      ["cy@scc.test", "Bo Cy", "2026-12-01T09:00:00Z"],
    ];
    for (const [email, displayName, at] of users)
      await db.prisma.user.create({
        data: {
          id: randomUUID(),
          email,
          displayName,
          organisationId: orgs.SCC.id,
          passwordHash: "scrypt$x",
          lastSignInAt: at ? new Date(at) : null,
        },
      });
    // Shelfware: Alpha 5 spare × £10, Beta 20 spare × £1, Gamma 1 spare × £100 (SCC) and 3 spare (DCC).
    for (const [name, spare, unit, org] of [
      ["Alpha", 5, 1000n, orgs.SCC],
      ["Beta", 20, 100n, orgs.SCC],
      ["Gamma", 1, 10000n, orgs.SCC],
      ["Gamma", 3, 10000n, orgs.DCC],
    ] as const) {
      const { product } = await createProduct(db.prisma, `${name} ${org.code}`);
      await createLicence(db.prisma, org, product, {
        quantityOwned: 10 + spare,
        quantityUsed: 10,
        unitCostPence: unit,
        annualCostPence: BigInt(10 + spare) * unit,
      });
    }
  }, 120_000);
  afterAll(() => db?.close());

  it("sorts contracts by reference, supplier and end date across pages, empty values last both ways", async () => {
    const gql = graphqlClient(db.prisma, OPERATOR);
    const refs = async (orderBy: string) =>
      (await walk<{ reference: string }>(gql, CONTRACTS, "contracts", { orderBy })).map((c) => c.reference);
    expect(await refs("REFERENCE_DESC")).toEqual(["C-6", "C-5", "C-4", "C-3", "C-2", "C-1"]);
    const asc = await refs("END_DATE_ASC");
    expect(asc.slice(0, 2).sort()).toEqual(["C-1", "C-6"]);
    expect(asc.slice(2, 4)).toEqual(["C-3", "C-2"]);
    expect(asc.slice(4).sort()).toEqual(["C-4", "C-5"]);
    const desc = await refs("END_DATE_DESC");
    expect(desc.slice(0, 2)).toEqual(["C-2", "C-3"]);
    expect(desc.slice(4).sort()).toEqual(["C-4", "C-5"]);
    const bySupplier = await walk<{ supplierName: string | null }>(gql, CONTRACTS, "contracts", {
      orderBy: "SUPPLIER_ASC",
    });
    expect(bySupplier.map((c) => c.supplierName)).toEqual([
      "Acme plc",
      "Acme plc",
      "Midway",
      "Zeta Ltd",
      null,
      null,
    ]);
    const supplierDesc = await walk<{ supplierName: string | null }>(gql, CONTRACTS, "contracts", {
      orderBy: "SUPPLIER_DESC",
    });
    expect(supplierDesc.map((c) => c.supplierName)).toEqual([
      "Zeta Ltd",
      "Midway",
      "Acme plc",
      "Acme plc",
      null,
      null,
    ]);
    // Same data, same order; and a filter (ending before a date) keeps the order.
    expect(await refs("END_DATE_ASC")).toEqual(await refs("END_DATE_ASC"));
    const ending = await walk<{ reference: string }>(gql, CONTRACTS, "contracts", {
      orderBy: "END_DATE_DESC",
      filter: { endsBefore: "2027-12-31" },
    });
    expect(ending.map((c) => c.reference)[0]).toBe("C-3");
    expect(ending).toHaveLength(3);
  });

  it("lists the assets running a catalogue product (a licence page's assets), refusing an id of another type", async () => {
    const gql = graphqlClient(db.prisma, OPERATOR);
    const { product } = await createProduct(db.prisma, "Asset Suite");
    const other = await createProduct(db.prisma, "Other Suite");
    for (const [name, p] of [
      ["Runs suite 1", product],
      ["Runs suite 2", product],
      ["Runs other", other.product],
    ] as const)
      await createAsset(db.prisma, orgs.SCC, { name, productId: p.id });
    const q = `query ($filter: AssetFilter) { assets(filter: $filter) { totalCount edges { node { name } } } }`;
    const r: { data?: any; errors?: unknown } = await gql(q, { filter: { product: [gid("Product", product.id)] } });
    expect(r.errors).toBeUndefined();
    expect(r.data.assets.edges.map((e: { node: { name: string } }) => e.node.name).sort()).toEqual([
      "Runs suite 1",
      "Runs suite 2",
    ]);
    const bad = await gql(q, { filter: { product: [gid("Site", product.id)] } });
    expect(JSON.stringify(bad.errors)).toMatch(/filter\.product/);
  });

  it("refuses an order outside the allow-list, naming it", async () => {
    const gql = graphqlClient(db.prisma, OPERATOR);
    const r = await gql(CONTRACTS, { orderBy: "VALUE_DESC" });
    expect(JSON.stringify(r.errors)).toMatch(/ContractOrder/);
  });

  it("sorts audit events by user, action and entity type across pages, newest first by default", async () => {
    const gql = graphqlClient(db.prisma, OPERATOR);
    const filter = { organisation: ["SCC"] };
    const all = (orderBy?: string) =>
      walk<{ actor: string; action: string; entityType: string }>(gql, EVENTS, "auditEvents", {
        filter,
        ...(orderBy ? { orderBy } : {}),
      });
    expect((await all()).map((e) => e.actor)).toEqual([
      "bob@dcc.test",
      "alice@scc.test",
      "bob@dcc.test",
      "alice@scc.test",
      "carol@scc.test",
    ]);
    expect((await all("AT_ASC")).map((e) => e.entityType)).toEqual([
      "Site",
      "Asset",
      "Licence",
      "Contract",
      "Site",
    ]);
    expect((await all("ACTOR_ASC")).map((e) => e.actor)).toEqual([
      "alice@scc.test",
      "alice@scc.test",
      "bob@dcc.test",
      "bob@dcc.test",
      "carol@scc.test",
    ]);
    expect((await all("ACTION_DESC")).map((e) => e.action)).toEqual([
      "UPDATE",
      "UPDATE",
      "RETIRE",
      "CREATE",
      "CREATE",
    ]);
    expect((await all("ENTITY_TYPE_ASC")).map((e) => e.entityType)).toEqual([
      "Asset",
      "Contract",
      "Licence",
      "Site",
      "Site",
    ]);
    // Ties (two Sites) always come back in the same order.
    expect(await all("ENTITY_TYPE_ASC")).toEqual(await all("ENTITY_TYPE_ASC"));
  });

  it("sorts users by e-mail, name and last sign-in (never signed in last, both ways)", async () => {
    const gql = graphqlClient(db.prisma, OPERATOR);
    const users = async (orderBy?: string) => {
      const r: { data?: any; errors?: unknown } = await gql(USERS, orderBy ? { orderBy } : {});
      expect(r.errors).toBeUndefined();
      return (r.data.users as { email: string; displayName: string }[]).filter((u) =>
        u.email.endsWith(".test"),
      );
    };
    expect((await users()).map((u) => u.email)).toEqual(["ann@dcc.test", "cy@scc.test", "dora@scc.test"]);
    expect((await users("EMAIL_DESC")).map((u) => u.email)).toEqual([
      "dora@scc.test",
      "cy@scc.test",
      "ann@dcc.test",
    ]);
    expect((await users("NAME_ASC")).map((u) => u.displayName)).toEqual(["Bo Cy", "Dora Ames", "Zoe Ann"]);
    expect((await users("LAST_SIGN_IN_DESC")).map((u) => u.email)).toEqual([
      "cy@scc.test",
      "dora@scc.test",
      "ann@dcc.test",
    ]);
    expect((await users("LAST_SIGN_IN_ASC")).map((u) => u.email)).toEqual([
      "dora@scc.test",
      "cy@scc.test",
      "ann@dcc.test",
    ]);
  });

  it("sorts shelfware positions by cost, seats, product and organisation", async () => {
    const gql = graphqlClient(db.prisma, OPERATOR);
    const positions = async (orderBy?: string) => {
      const r: { data?: any; errors?: unknown } = await gql(POSITIONS, orderBy ? { orderBy } : {});
      expect(r.errors).toBeUndefined();
      return (r.data.licencePositions as { organisation: { code: string }; product: { name: string } }[]).map(
        (p) => `${p.product.name}`,
      );
    };
    // Costs: Gamma DCC 300, Alpha 50, Gamma SCC 100, Beta 20 (pounds).
    expect(await positions()).toEqual(["Gamma DCC", "Gamma SCC", "Alpha SCC", "Beta SCC"]);
    expect(await positions("COST_ASC")).toEqual(["Beta SCC", "Alpha SCC", "Gamma SCC", "Gamma DCC"]);
    expect(await positions("SEATS_DESC")).toEqual(["Beta SCC", "Alpha SCC", "Gamma DCC", "Gamma SCC"]);
    expect(await positions("PRODUCT_ASC")).toEqual(["Alpha SCC", "Beta SCC", "Gamma DCC", "Gamma SCC"]);
    expect((await positions("ORGANISATION_ASC"))[0]).toBe("Gamma DCC");
    expect(await positions("PRODUCT_DESC")).toEqual(["Gamma SCC", "Gamma DCC", "Beta SCC", "Alpha SCC"]);
  });
});
