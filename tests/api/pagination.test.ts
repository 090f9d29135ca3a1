// Keyset pagination and filters: walking every order page by page gives every row exactly once, in order,
// even with ties and with rows inserted or moved between requests; bad page arguments are refused.
import { randomUUID } from "node:crypto";
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import type { Asset, Organisation, Site } from "../../generated/prisma/client.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import {
  createAsset,
  createContract,
  createLicence,
  createOrganisations,
  createProduct,
  createSite,
  expectError,
  gid,
  ok,
  type Gql,
  type OrgCode,
} from "./fixtures.ts";

const ASSETS = `query ($filter: AssetFilter, $orderBy: AssetOrder, $first: Int, $after: String) {
  assets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

/** Capitalised single words, so that every collation orders them alike; each is used by up to three organisations. */
const WORDS = [
  "Backup",
  "Citrix",
  "Domain",
  "Email",
  "Firewall",
  "Gateway",
  "Helpdesk",
  "Intranet",
  "Journal",
  "Kiosk",
  "Ledger",
  "Mosaic",
  "Northgate",
];
const CODES: OrgCode[] = ["SCC", "DCC", "WBC"];
const KINDS = ["SERVER", "APPLICATION", "NETWORK", "STORAGE"] as const;
const CRITICALITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
const COSTS = [0n, 1000n, 1000n, 2550n, 1000n, 9999999n];
const BASE = Date.parse("2026-01-01T09:00:00.000Z");

type Order =
  | "NAME_ASC"
  | "NAME_DESC"
  | "ANNUAL_RUN_COST_ASC"
  | "ANNUAL_RUN_COST_DESC"
  | "UPDATED_AT_ASC"
  | "UPDATED_AT_DESC";
const ORDERS: Order[] = [
  "NAME_ASC",
  "NAME_DESC",
  "ANNUAL_RUN_COST_ASC",
  "ANNUAL_RUN_COST_DESC",
  "UPDATED_AT_ASC",
  "UPDATED_AT_DESC",
];

const cmp = <T>(a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);

/** The order each AssetOrder promises, with the id as tie-breaker in the same direction. */
const EXPECTED_ORDER: Record<Order, (a: Asset, b: Asset) => number> = {
  NAME_ASC: (a, b) => cmp(a.name, b.name) || cmp(a.id, b.id),
  NAME_DESC: (a, b) => cmp(b.name, a.name) || cmp(b.id, a.id),
  ANNUAL_RUN_COST_ASC: (a, b) => cmp(a.annualRunCostPence, b.annualRunCostPence) || cmp(a.id, b.id),
  ANNUAL_RUN_COST_DESC: (a, b) => cmp(b.annualRunCostPence, a.annualRunCostPence) || cmp(b.id, a.id),
  UPDATED_AT_ASC: (a, b) => cmp(a.updatedAt.getTime(), b.updatedAt.getTime()) || cmp(a.id, b.id),
  UPDATED_AT_DESC: (a, b) => cmp(b.updatedAt.getTime(), a.updatedAt.getTime()) || cmp(b.id, a.id),
};

describe.each(engines())("pagination and filters on %s", (engine) => {
  let db: TestDatabase;
  let gql: Gql;
  let orgs: Record<OrgCode, Organisation>;
  let sites: Record<OrgCode, Site>;
  let assets: Asset[];

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    gql = graphqlClient(db.prisma);
  });
  afterAll(() => db?.close());

  /** 37 assets over three organisations: names shared across organisations, tied costs and tied update times. */
  beforeEach(async () => {
    await db.truncate();
    orgs = await createOrganisations(db.prisma);
    sites = {
      SCC: await createSite(db.prisma, orgs.SCC, { name: "Southshire Data Centre" }),
      DCC: await createSite(db.prisma, orgs.DCC, { name: "Downford Data Centre" }),
      WBC: await createSite(db.prisma, orgs.WBC, { name: "Westbrook Hub" }),
    };
    await db.prisma.asset.createMany({
      data: Array.from({ length: 37 }, (_, i) => {
        const code = CODES[i % 3]!;
        return {
          id: randomUUID(),
          organisationId: orgs[code].id,
          siteId: i % 2 === 0 ? sites[code].id : null,
          name: WORDS[Math.floor(i / 3)]!,
          kind: KINDS[i % 4]!,
          lifecycle: i % 7 === 0 ? "RETIRED" : i % 5 === 0 ? "PLANNED" : "ACTIVE",
          criticality: CRITICALITIES[Math.floor(i / 2) % 4]!,
          subtype: i % 6 === 0 ? "SAN array" : null,
          description: i % 8 === 0 ? "Carries the PSN connection" : null,
          annualRunCostPence: COSTS[i % COSTS.length]!,
          createdAt: new Date(BASE),
          updatedAt: new Date(BASE + (i % 4) * 1000),
        };
      }),
    });
    assets = await db.prisma.asset.findMany();
  });

  /** Follows endCursor from the first page to the last; returns the ids seen and every page. */
  async function walk(
    orderBy: Order,
    first = 5,
    filter?: object,
    between?: (pageNumber: number) => Promise<void>,
  ) {
    const ids: string[] = [];
    const pages: any[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = ok(await gql(ASSETS, { orderBy, first, after, filter })).assets;
      pages.push(page);
      ids.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      if (pages.length > 100) throw new Error("pagination does not end");
      after = page.pageInfo.endCursor;
      await between?.(pages.length);
    }
    return { ids, pages };
  }

  const ids = (rows: Asset[]) => rows.map((a) => gid("Asset", a.id));

  describe.each(ORDERS)("ordered %s", (order) => {
    it("gives every asset exactly once, in order, over pages of 5", async () => {
      const { ids: seen, pages } = await walk(order);
      expect(seen).toEqual(ids([...assets].sort(EXPECTED_ORDER[order])));
      expect(new Set(seen).size).toBe(37);
      expect(pages).toHaveLength(8);
      expect(pages.map((p) => p.totalCount)).toEqual(Array(8).fill(37));
      expect(pages.map((p) => p.edges.length)).toEqual([5, 5, 5, 5, 5, 5, 5, 2]);
      expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([
        false,
        true,
        true,
        true,
        true,
        true,
        true,
        true,
      ]);
      for (const page of pages) {
        expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
      }
    });
  });

  it("reports no next page when the last page is exactly full", async () => {
    const full = ok(await gql(ASSETS, { first: 37 })).assets;
    expect(full.edges).toHaveLength(37);
    expect(full.pageInfo.hasNextPage).toBe(false);
    expect(ok(await gql(ASSETS, { first: 36 })).assets.pageInfo.hasNextPage).toBe(true);
  });

  it("neither repeats nor skips an asset when assets are inserted between page requests", async () => {
    let early: Asset | undefined;
    let late: Asset | undefined;
    const { ids: seen, pages } = await walk("NAME_ASC", 5, undefined, async (pageNumber) => {
      if (pageNumber !== 2) return;
      early = await createAsset(db.prisma, orgs.SCC, { name: "Aardvark" });
      late = await createAsset(db.prisma, orgs.SCC, { name: "Zebra" });
    });
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...ids([...assets].sort(EXPECTED_ORDER.NAME_ASC)), gid("Asset", late!.id)]);
    expect(seen).not.toContain(gid("Asset", early!.id));
    expect(pages.at(-1).totalCount).toBe(39);
  });

  it("does not repeat an asset already seen that is updated while walking by update time", async () => {
    const { ids: seen } = await walk("UPDATED_AT_DESC", 5, undefined, async (pageNumber) => {
      if (pageNumber === 3)
        await db.prisma.asset.update({ where: { id: assets[0]!.id }, data: { description: "touched" } });
    });
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("returns no edges but the total for first: 0", async () => {
    const page = ok(await gql(ASSETS, { first: 0 })).assets;
    expect(page).toMatchObject({
      totalCount: 37,
      edges: [],
      pageInfo: { startCursor: null, endCursor: null },
    });
  });

  it("accepts the largest page, first: 500", async () => {
    expect(ok(await gql(ASSETS, { first: 500 })).assets.edges).toHaveLength(37);
  });

  it.each([[501], [-1]])("rejects first: %i", async (first) => {
    expectError(await gql(ASSETS, { first }), "BAD_INPUT", "first");
  });

  it.each([
    ["garbage", "not a cursor!"],
    ["a base64 string that is not JSON", Buffer.from("hello").toString("base64url")],
    ["a cursor of the wrong shape", Buffer.from(JSON.stringify({ a: 1 })).toString("base64url")],
  ])("rejects %s as after", async (_what, after) => {
    expectError(await gql(ASSETS, { after }), "BAD_INPUT", "after");
  });

  it("rejects a well-shaped cursor whose id is not a UUID, without a database error", async () => {
    const forged = Buffer.from(JSON.stringify(["Email", "not-a-uuid"])).toString("base64url");
    expectError(await gql(ASSETS, { after: forged }), "BAD_INPUT", "after");
  });

  it("rejects a cursor from one order used with another, without a database error", async () => {
    const byName = ok(await gql(ASSETS, { orderBy: "NAME_ASC", first: 5 })).assets.pageInfo.endCursor;
    expectError(await gql(ASSETS, { orderBy: "ANNUAL_RUN_COST_DESC", after: byName }), "BAD_INPUT", "after");
  });

  describe("filters", () => {
    const matching = (keep: (a: Asset) => boolean) =>
      ids([...assets].filter(keep).sort(EXPECTED_ORDER.NAME_ASC));
    const filtered = async (filter: object) => (await walk("NAME_ASC", 5, filter)).ids;

    it("filters by several organisation codes, in any case", async () => {
      expect(await filtered({ organisation: ["scc", "WBC"] })).toEqual(
        matching((a) => a.organisationId !== orgs.DCC.id),
      );
    });

    it("rejects an unknown organisation code in a filter", async () => {
      expectError(
        await gql(ASSETS, { filter: { organisation: ["SCC", "XYZ"] } }),
        "NOT_FOUND",
        "filter.organisation",
      );
    });

    it("filters by kind", async () => {
      expect(await filtered({ kind: ["NETWORK", "STORAGE"] })).toEqual(
        matching((a) => a.kind === "NETWORK" || a.kind === "STORAGE"),
      );
    });

    it("filters by lifecycle", async () => {
      expect(await filtered({ lifecycle: ["RETIRED"] })).toEqual(matching((a) => a.lifecycle === "RETIRED"));
    });

    it("filters by criticality", async () => {
      expect(await filtered({ criticality: ["CRITICAL"] })).toEqual(
        matching((a) => a.criticality === "CRITICAL"),
      );
    });

    it("filters by site", async () => {
      expect(await filtered({ site: [gid("Site", sites.DCC.id)] })).toEqual(
        matching((a) => a.siteId === sites.DCC.id),
      );
    });

    it("rejects a malformed site ID in a filter", async () => {
      expectError(await gql(ASSETS, { filter: { site: ["nope"] } }), "BAD_INPUT", "filter.site");
    });

    it.each([
      ["the name", "FIREwall", (a: Asset) => a.name === "Firewall"],
      ["the subtype", "san ARRAY", (a: Asset) => a.subtype === "SAN array"],
      ["the description", "psn", (a: Asset) => a.description !== null],
    ])("searches %s case-insensitively", async (_where, search, keep) => {
      expect(await filtered({ search })).toEqual(matching(keep));
    });

    it("treats % and _ in a search as the characters themselves", async () => {
      expect(await filtered({ search: "%" })).toEqual([]);
      expect(await filtered({ search: "_" })).toEqual([]);
    });

    it("combines filters, and counts only what matches", async () => {
      const filter = { organisation: ["SCC"], lifecycle: ["ACTIVE", "PLANNED"], kind: ["SERVER", "NETWORK"] };
      const expected = matching(
        (a) =>
          a.organisationId === orgs.SCC.id &&
          a.lifecycle !== "RETIRED" &&
          (a.kind === "SERVER" || a.kind === "NETWORK"),
      );
      const { ids: seen, pages } = await walk("NAME_ASC", 2, filter);
      expect(seen).toEqual(expected);
      expect(pages[0].totalCount).toBe(expected.length);
    });
  });

  describe("other connections", () => {
    it("walks licences by annual cost, ties and all, without repeats or gaps", async () => {
      const { product } = await createProduct(db.prisma, "Mosaic");
      const made = [];
      for (let i = 0; i < 12; i++)
        made.push(
          await createLicence(db.prisma, orgs[CODES[i % 3]!], product, {
            annualCostPence: BigInt((i % 3) * 500),
          }),
        );
      const LICENCES = `query ($after: String) { licences(first: 5, after: $after) { totalCount edges { node { id annualCost } } pageInfo { hasNextPage endCursor } } }`;
      const seen: { id: string; annualCost: string }[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = ok(await gql(LICENCES, { after })).licences;
        seen.push(...page.edges.map((e: any) => e.node));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen.map((l) => l.id).sort()).toEqual(made.map((l) => gid("Licence", l.id)).sort());
      const costs = seen.map((l) => Number(l.annualCost));
      expect(costs).toEqual([...costs].sort((a, b) => b - a));
    });

    it("walks contracts by reference without repeats or gaps", async () => {
      for (let i = 0; i < 11; i++)
        await createContract(db.prisma, orgs[CODES[i % 3]!], {
          reference: `C-${String(i).padStart(3, "0")}`,
        });
      const CONTRACTS = `query ($after: String) { contracts(first: 4, after: $after) { edges { node { reference } } pageInfo { hasNextPage endCursor } } }`;
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = ok(await gql(CONTRACTS, { after })).contracts;
        seen.push(...page.edges.map((e: any) => e.node.reference));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(Array.from({ length: 11 }, (_, i) => `C-${String(i).padStart(3, "0")}`));
    });

    it("walks the assets located at a site by name without repeats or gaps", async () => {
      const SITE_ASSETS = `query ($id: ID!, $after: String) { site(id: $id) { assets(first: 3, after: $after) {
        totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } }`;
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = ok(await gql(SITE_ASSETS, { id: gid("Site", sites.SCC.id), after })).site.assets;
        seen.push(...page.edges.map((e: any) => e.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(
        ids(assets.filter((a) => a.siteId === sites.SCC.id).sort(EXPECTED_ORDER.NAME_ASC)),
      );
    });

    it("rejects first: 501 on the assets of a site", async () => {
      const SITE_ASSETS = `query ($id: ID!) { site(id: $id) { assets(first: 501) { totalCount } } }`;
      expectError(await gql(SITE_ASSETS, { id: gid("Site", sites.SCC.id) }), "BAD_INPUT", "first");
    });
  });
});
