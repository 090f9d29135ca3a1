// The graph API in process, on every engine: impact both ways, site impact, chains, the explorer's views,
// single points of failure and cross-estate links on a small hand-made estate with a diamond, a cycle,
// cross-organisation edges and an asset hosted at another organisation's site; plus errors, query counts
// and the cache's validation against the database.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { graphStore } from "../../server/graph/store.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient, type GqlResult } from "../support/graphql.ts";

/** Fixed ids whose order is the numbering below, so tie-breaks are predictable. */
const assetId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const edgeId = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, "0")}`;

type Kind = "STORAGE" | "NETWORK" | "COMPUTE_CLUSTER" | "SERVER" | "DATABASE" | "APPLICATION";
/** name, kind, organisation, site, criticality — numbered from 1 in this order. */
const ASSETS: [
  string,
  Kind,
  "SCC" | "DCC",
  "sccDc" | "dccDc" | null,
  "LOW" | "MEDIUM" | "HIGH" | "CRITICAL",
][] = [
  ["san", "STORAGE", "SCC", "sccDc", "HIGH"], // 1
  ["lan", "NETWORK", "SCC", "sccDc", "HIGH"], // 2
  ["clusterA", "COMPUTE_CLUSTER", "SCC", "sccDc", "HIGH"], // 3
  ["clusterB", "COMPUTE_CLUSTER", "SCC", "sccDc", "HIGH"], // 4
  ["server1", "SERVER", "SCC", null, "MEDIUM"], // 5
  ["server2", "SERVER", "SCC", null, "MEDIUM"], // 6
  ["db", "DATABASE", "SCC", null, "HIGH"], // 7
  ["app", "APPLICATION", "SCC", null, "CRITICAL"], // 8
  ["crm", "APPLICATION", "SCC", null, "HIGH"], // 9
  ["dccServer", "SERVER", "DCC", "sccDc", "MEDIUM"], // 10: Durham's server in Sunderland's data centre
  ["dccApp", "APPLICATION", "DCC", null, "CRITICAL"], // 11
  ["spare", "SERVER", "DCC", "dccDc", "LOW"], // 12
];
/** "source TYPE target", numbered from 1 (e1 … e14). */
const EDGES = [
  "clusterA STORES_DATA_ON san", // e1
  "clusterA CONNECTS_TO lan", // e2
  "clusterB STORES_DATA_ON san", // e3
  "server1 RUNS_ON clusterA", // e4
  "server2 RUNS_ON clusterB", // e5
  "db RUNS_ON server1", // e6: db runs on two servers: a diamond down to the SAN
  "db RUNS_ON server2", // e7
  "app DEPENDS_ON db", // e8
  "app DEPENDS_ON crm", // e9
  "crm DEPENDS_ON app", // e10: a cycle
  "dccServer RUNS_ON clusterA", // e11: crosses organisations
  "dccApp RUNS_ON dccServer", // e12
  "dccApp AUTHENTICATES_VIA app", // e13: crosses organisations
  "clusterB CONNECTS_TO lan", // e14
];

const NAMES = ASSETS.map(([name]) => name);
const gidOf = (name: string) => `Asset:${assetId(NAMES.indexOf(name) + 1)}`;
const nameOf = (gid: string) => NAMES[Number(gid.slice(-12)) - 1];
const edgeName = (gid: string) => `e${Number(gid.slice(-12))}`;

interface Fixture {
  sites: { sccDc: string; dccDc: string };
}

async function buildFixture(prisma: PrismaClient): Promise<Fixture> {
  const orgs = { SCC: randomUUID(), DCC: randomUUID(), WBC: randomUUID() };
  for (const [code, id] of Object.entries(orgs)) {
    await prisma.organisation.create({ data: { id, code, name: `${code} council`, kind: "COUNCIL" } });
  }
  const sites = { sccDc: randomUUID(), dccDc: randomUUID() };
  await prisma.site.create({
    data: { id: sites.sccDc, organisationId: orgs.SCC, name: "SCC Doxford DC", kind: "DATA_CENTRE" },
  });
  await prisma.site.create({
    data: { id: sites.dccDc, organisationId: orgs.DCC, name: "DCC County Hall", kind: "DATA_CENTRE" },
  });
  await prisma.asset.createMany({
    data: ASSETS.map(([name, kind, org, site, criticality], i) => ({
      id: assetId(i + 1),
      organisationId: orgs[org],
      siteId: site ? sites[site] : null,
      name,
      kind,
      subtype: kind === "STORAGE" ? "SAN array" : null,
      criticality,
    })),
  });
  await prisma.dependency.createMany({
    data: EDGES.map((spec, i) => {
      const [source, type, target] = spec.split(" ");
      return {
        id: edgeId(i + 1),
        sourceId: assetId(NAMES.indexOf(source!) + 1),
        targetId: assetId(NAMES.indexOf(target!) + 1),
        type: type as never,
      };
    }),
  });
  return { sites };
}

function ok<T = any>(result: GqlResult<T>): T {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

function expectError(result: GqlResult, code: string, field: string) {
  expect(result.errors?.[0]?.extensions, JSON.stringify(result)).toMatchObject({ code, field });
}

/** Impact entries as "name distance direction e1,e2" lines. */
const lines = (
  entries: { assetId: string; distance: number; direction?: string; path: { id: string }[] }[],
) =>
  entries.map((e) =>
    [nameOf(e.assetId), e.distance, e.direction, e.path.map((p) => edgeName(p.id)).join(",")]
      .filter((x) => x !== undefined)
      .join(" "),
  );

const IMPACT = `query ($id: ID!, $direction: ImpactDirection, $maxDepth: Int, $edgeTypes: [DependencyType!]) {
  impact(assetId: $id, direction: $direction, maxDepth: $maxDepth, edgeTypes: $edgeTypes) {
    asset { name } direction count entries { assetId distance direction path { id source target type } }
  }
}`;

describe.each(engines())("graph API on %s", (engine) => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let fx: Fixture;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    gql = graphqlClient(db.prisma);
  });
  afterAll(() => db?.close());
  beforeEach(async () => {
    await db.truncate();
    fx = await buildFixture(db.prisma);
  });

  const impact = async (name: string, variables: Record<string, unknown> = {}) =>
    ok(await gql(IMPACT, { id: gidOf(name), ...variables })).impact;

  describe("impact", () => {
    it("lists everything that breaks if the SAN goes, each once at its shortest distance with the smallest chain", async () => {
      const r = await impact("san");
      expect(r).toMatchObject({ asset: { name: "san" }, direction: "DOWNSTREAM", count: 9 });
      expect(lines(r.entries)).toEqual([
        "clusterA 1 DOWNSTREAM e1",
        "clusterB 1 DOWNSTREAM e3",
        "server1 2 DOWNSTREAM e1,e4",
        "dccServer 2 DOWNSTREAM e1,e11",
        "server2 2 DOWNSTREAM e3,e5",
        "db 3 DOWNSTREAM e1,e4,e6", // reached through both halves of the diamond; listed once
        "dccApp 3 DOWNSTREAM e1,e11,e12",
        "app 4 DOWNSTREAM e1,e4,e6,e8",
        "crm 5 DOWNSTREAM e1,e4,e6,e8,e10", // the app ↔ crm cycle ends the walk
      ]);
      expect(r.entries[0].path[0]).toEqual({
        id: `Dependency:${edgeId(1)}`,
        source: gidOf("clusterA"),
        target: gidOf("san"),
        type: "STORES_DATA_ON",
      });
    });

    it("lists everything an application needs, walking the cycle back to itself only once", async () => {
      const r = await impact("crm", { direction: "UPSTREAM" });
      expect(lines(r.entries)).toEqual([
        "app 1 UPSTREAM e10",
        "db 2 UPSTREAM e10,e8",
        "server1 3 UPSTREAM e10,e8,e6",
        "server2 3 UPSTREAM e10,e8,e7",
        "clusterA 4 UPSTREAM e10,e8,e6,e4",
        "clusterB 4 UPSTREAM e10,e8,e7,e5",
        "san 5 UPSTREAM e10,e8,e6,e4,e1",
        "lan 5 UPSTREAM e10,e8,e6,e4,e2",
      ]);
    });

    it("walks both ways and lists an asset reached both ways once per direction, nearest first", async () => {
      const r = await impact("app", { direction: "BOTH", maxDepth: 2 });
      expect(r.direction).toBe("BOTH");
      expect(lines(r.entries)).toEqual([
        "crm 1 DOWNSTREAM e10",
        "dccApp 1 DOWNSTREAM e13",
        "db 1 UPSTREAM e8",
        "crm 1 UPSTREAM e9",
        "server1 2 UPSTREAM e8,e6",
        "server2 2 UPSTREAM e8,e7",
      ]);
    });

    it("stops at maxDepth and follows only the edge types asked for", async () => {
      expect(lines((await impact("san", { maxDepth: 2 })).entries).map((l) => l.split(" ")[0])).toEqual([
        "clusterA",
        "clusterB",
        "server1",
        "dccServer",
        "server2",
      ]);
      expect((await impact("san", { maxDepth: 0 })).entries).toEqual([]);
      expect(lines((await impact("san", { edgeTypes: ["STORES_DATA_ON"] })).entries)).toEqual([
        "clusterA 1 DOWNSTREAM e1",
        "clusterB 1 DOWNSTREAM e3",
      ]);
      expect(lines((await impact("clusterA", { edgeTypes: ["RUNS_ON"] })).entries)).toEqual([
        "server1 1 DOWNSTREAM e4",
        "dccServer 1 DOWNSTREAM e11",
        "db 2 DOWNSTREAM e4,e6",
        "dccApp 2 DOWNSTREAM e11,e12",
      ]);
    });

    it("answers an asset nothing depends on with no entries", async () => {
      expect(await impact("spare")).toMatchObject({ count: 0, entries: [] });
    });

    it.each([
      ["a malformed ID", { id: "not-an-id" }, "BAD_INPUT", "assetId"],
      ["the ID of a site", { id: "Site:00000000-0000-4000-8000-000000000001" }, "BAD_INPUT", "assetId"],
      ["an unknown asset", { id: `Asset:${randomUUID()}` }, "NOT_FOUND", "assetId"],
      ["a negative maxDepth", { maxDepth: -1 }, "BAD_INPUT", "maxDepth"],
      ["an empty edgeTypes list", { edgeTypes: [] }, "BAD_INPUT", "edgeTypes"],
      ["an unknown edge type", { edgeTypes: ["POWERED_BY"] }, "BAD_INPUT", "edgeTypes[0]"],
    ])("refuses %s", async (_what, variables, code, field) => {
      expectError(await gql(IMPACT, { id: gidOf("san"), ...variables }), code, field);
    });

    it("resolves the entries' assets, organisations and sites with the same number of queries for 2 entries or 9", async () => {
      const query = `query ($id: ID!, $maxDepth: Int) { impact(assetId: $id, maxDepth: $maxDepth) {
        entries { asset { name organisation { code } site { name } } path { dependency { type source { name } } } } } }`;
      ok(await gql(query, { id: gidOf("san") })); // warm the graph cache
      const count = async (maxDepth: number | null) => {
        db.resetQueryCount();
        const r = ok(await gql(query, { id: gidOf("san"), maxDepth }));
        return { entries: r.impact.entries.length, queries: db.queries.length };
      };
      const small = await count(1);
      const large = await count(null);
      expect(small.entries).toBe(2);
      expect(large.entries).toBe(9);
      expect(large.queries).toBe(small.queries);
      // graph check, assets, organisations, sites, dependencies (then their source assets, already loaded)
      expect(small.queries).toBeLessThanOrEqual(6);
    });
  });

  describe("siteImpact", () => {
    const SITE_IMPACT = `query ($id: ID!, $maxDepth: Int) { siteImpact(siteId: $id, maxDepth: $maxDepth) {
      site { name } count entries { assetId distance origin { name } path { id } } } }`;

    it("lists what is located at the site, then everything that depends on it, each from its nearest origin", async () => {
      const r = ok(await gql(SITE_IMPACT, { id: `Site:${fx.sites.sccDc}` })).siteImpact;
      expect(r).toMatchObject({ site: { name: "SCC Doxford DC" }, count: 11 });
      expect(
        r.entries.map((e: any) =>
          `${nameOf(e.assetId)} ${e.distance} ${e.origin.name} ${e.path.map((p: any) => edgeName(p.id)).join(",")}`.trim(),
        ),
      ).toEqual([
        "san 0 san",
        "lan 0 lan",
        "clusterA 0 clusterA",
        "clusterB 0 clusterB",
        "dccServer 0 dccServer",
        "server1 1 clusterA e4",
        "server2 1 clusterB e5",
        "dccApp 1 dccServer e12",
        "db 2 clusterA e4,e6",
        "app 3 clusterA e4,e6,e8",
        "crm 4 clusterA e4,e6,e8,e10",
      ]);
    });

    it("honours maxDepth, and answers a site with nothing depending on it with just its assets", async () => {
      const near = ok(await gql(SITE_IMPACT, { id: `Site:${fx.sites.sccDc}`, maxDepth: 1 })).siteImpact;
      expect(near.count).toBe(8);
      const quiet = ok(await gql(SITE_IMPACT, { id: `Site:${fx.sites.dccDc}` })).siteImpact;
      expect(quiet.entries.map((e: any) => nameOf(e.assetId))).toEqual(["spare"]);
    });

    it("refuses an unknown site and an asset ID", async () => {
      expectError(await gql(SITE_IMPACT, { id: `Site:${randomUUID()}` }), "NOT_FOUND", "siteId");
      expectError(await gql(SITE_IMPACT, { id: gidOf("san") }), "BAD_INPUT", "siteId");
    });
  });

  describe("paths", () => {
    const PATHS = `query ($from: ID!, $to: ID!, $limit: Int, $maxDepth: Int) { paths(from: $from, to: $to, limit: $limit, maxDepth: $maxDepth) {
      from { name } to { name } truncated chains { length edges { id } assets { name } } } }`;
    const chains = (r: any) => r.chains.map((c: any) => c.edges.map((e: any) => edgeName(e.id)).join(","));

    it("lists every chain by which an application needs the SAN, shortest first, with the assets along it", async () => {
      const r = ok(await gql(PATHS, { from: gidOf("dccApp"), to: gidOf("san") })).paths;
      expect(r).toMatchObject({ from: { name: "dccApp" }, to: { name: "san" }, truncated: false });
      expect(chains(r)).toEqual(["e12,e11,e1", "e13,e8,e6,e4,e1", "e13,e8,e7,e5,e3"]);
      expect(r.chains[0].assets.map((a: any) => a.name)).toEqual(["dccApp", "dccServer", "clusterA", "san"]);
      expect(r.chains[0].length).toBe(3);
    });

    it("says when the limit cut the chains, and finds none the wrong way round", async () => {
      const r = ok(await gql(PATHS, { from: gidOf("app"), to: gidOf("san"), limit: 1 })).paths;
      expect(chains(r)).toEqual(["e8,e6,e4,e1"]);
      expect(r.truncated).toBe(true);
      const back = ok(await gql(PATHS, { from: gidOf("san"), to: gidOf("app") })).paths;
      expect(back).toMatchObject({ chains: [], truncated: false });
    });

    it("refuses out-of-range limits and unknown assets, naming the argument", async () => {
      expectError(
        await gql(PATHS, { from: gidOf("app"), to: gidOf("san"), maxDepth: 21 }),
        "BAD_INPUT",
        "maxDepth",
      );
      expectError(await gql(PATHS, { from: gidOf("app"), to: gidOf("san"), limit: 0 }), "BAD_INPUT", "limit");
      expectError(await gql(PATHS, { from: gidOf("app"), to: `Asset:${randomUUID()}` }), "NOT_FOUND", "to");
    });
  });

  describe("graph", () => {
    const GRAPH = `query ($filter: GraphFilter, $limit: Int) { graph(filter: $filter, limit: $limit) {
      truncated
      nodes { id name kind subtype lifecycle criticality organisationCode siteId siteName }
      edges { id source target type }
      sites { id name }
    } }`;
    const view = async (filter: object | null, limit?: number) => {
      const r = ok(await gql(GRAPH, { filter, limit })).graph;
      return {
        ...r,
        names: r.nodes.map((n: any) => n.name),
        edgeNames: r.edges.map((e: any) => edgeName(e.id)),
      };
    };

    it("draws one organisation's assets with the edges among them, their labels and their sites", async () => {
      const r = await view({ organisation: ["DCC"] });
      expect(r.names).toEqual(["dccServer", "dccApp", "spare"]);
      expect(r.edgeNames).toEqual(["e12"]);
      expect(r.truncated).toBe(false);
      expect(r.nodes[0]).toEqual({
        id: gidOf("dccServer"),
        name: "dccServer",
        kind: "SERVER",
        subtype: null,
        lifecycle: "ACTIVE",
        criticality: "MEDIUM",
        organisationCode: "DCC",
        siteId: `Site:${fx.sites.sccDc}`,
        siteName: "SCC Doxford DC",
      });
      expect(r.sites.map((s: any) => s.name)).toEqual(["DCC County Hall", "SCC Doxford DC"]);
      expect(r.edges[0]).toEqual({
        id: `Dependency:${edgeId(12)}`,
        source: gidOf("dccApp"),
        target: gidOf("dccServer"),
        type: "RUNS_ON",
      });
    });

    it("filters by kind, criticality and site", async () => {
      expect((await view({ kind: ["STORAGE", "COMPUTE_CLUSTER"] })).edgeNames).toEqual(["e1", "e3"]);
      expect((await view({ criticality: ["CRITICAL"] })).names).toEqual(["app", "dccApp"]);
      expect((await view({ site: [`Site:${fx.sites.dccDc}`] })).names).toEqual(["spare"]);
      expect((await view({ organisation: ["SCC"], kind: ["APPLICATION"] })).edgeNames).toEqual(["e9", "e10"]);
    });

    it("flags a result the limit cut", async () => {
      const r = await view(null, 2);
      expect(r.names).toEqual(["san", "lan"]);
      expect(r.truncated).toBe(true);
      expect((await view(null, 12)).truncated).toBe(false);
    });

    it("draws the neighbourhood of chosen assets, hop by hop, and flags when the limit cut it", async () => {
      expect((await view({ around: [gidOf("db")] })).names).toEqual(["db", "server1", "server2", "app"]);
      const two = await view({ around: [gidOf("db")], hops: 2 });
      expect(two.names).toEqual(["db", "server1", "server2", "app", "clusterA", "clusterB", "crm", "dccApp"]);
      expect(two.edgeNames).toEqual(["e4", "e5", "e6", "e7", "e8", "e9", "e10", "e13"]);
      const cut = await view({ around: [gidOf("db")], hops: 2 }, 3);
      expect(cut.names).toEqual(["db", "server1", "server2"]);
      expect(cut.truncated).toBe(true);
      expect((await view({ around: [gidOf("db")], hops: 2 }, 8)).truncated).toBe(false);
    });

    it("walks a neighbourhood only through the assets the other filters allow", async () => {
      expect((await view({ around: [gidOf("app")], hops: 3, organisation: ["SCC"] })).names).not.toContain(
        "dccApp",
      );
      expect((await view({ around: [gidOf("dccApp")], hops: 5, organisation: ["DCC"] })).names).toEqual([
        "dccApp",
        "dccServer",
      ]);
    });

    it.each([
      [{ organisation: ["XXX"] }, undefined, "NOT_FOUND", "filter.organisation"],
      [{ around: ["nope"] }, undefined, "BAD_INPUT", "filter.around"],
      [{ around: [`Asset:${randomUUID()}`] }, undefined, "NOT_FOUND", "filter.around"],
      [{ around: [gidOf("db")], hops: 11 }, undefined, "BAD_INPUT", "filter.hops"],
      [null, 10_001, "BAD_INPUT", "limit"],
      [null, 0, "BAD_INPUT", "limit"],
    ])("refuses filter %j limit %j", async (filter, limit, code, field) => {
      expectError(await gql(GRAPH, { filter, limit }), code, field);
    });
  });

  describe("singlePointsOfFailure", () => {
    const SPOF = `query ($org: String, $min: Criticality, $limit: Int) { singlePointsOfFailure(organisation: $org, minCriticality: $min, limit: $limit) {
      analysedCount truncated entries { asset { name } count takesDown { name } } } }`;
    const ranking = (r: any) =>
      r.entries.map(
        (e: any) => `${e.asset.name} ${e.count} ${e.takesDown.map((a: any) => a.name).join(",")}`,
      );

    it("ranks the assets whose loss cuts critical applications off, and not the redundant servers and clusters", async () => {
      const r = ok(await gql(SPOF, {})).singlePointsOfFailure;
      expect(r.analysedCount).toBe(3); // app, crm, dccApp: HIGH or above
      expect(ranking(r)).toEqual([
        "san 3 app,crm,dccApp",
        "lan 3 app,crm,dccApp",
        "db 2 app,crm",
        "app 1 crm",
      ]);
      expect(r.truncated).toBe(false);
    });

    it("analyses one organisation's applications at a criticality, and cuts at the limit", async () => {
      expect(ranking(ok(await gql(SPOF, { org: "DCC" })).singlePointsOfFailure)).toEqual([
        "san 1 dccApp",
        "lan 1 dccApp",
      ]);
      expect(ranking(ok(await gql(SPOF, { min: "CRITICAL" })).singlePointsOfFailure)).toEqual([
        "san 2 app,dccApp",
        "lan 2 app,dccApp",
        "db 1 app",
      ]);
      const cut = ok(await gql(SPOF, { limit: 1 })).singlePointsOfFailure;
      expect(cut.entries).toHaveLength(1);
      expect(cut.truncated).toBe(true);
      expectError(await gql(SPOF, { org: "XXX" }), "NOT_FOUND", "organisation");
    });
  });

  describe("crossEstateLinks", () => {
    const CROSS = `query ($org: [String!]) { crossEstateLinks(organisation: $org) {
      dependencies { id type source { name organisation { code } } target { name organisation { code } } }
      hosting { asset { name organisation { code } } site { name organisation { code } } } } }`;

    it("lists the dependencies that cross organisations and the assets at another organisation's site", async () => {
      const r = ok(await gql(CROSS, {})).crossEstateLinks;
      expect(
        r.dependencies.map(
          (d: any) =>
            `${d.source.name}(${d.source.organisation.code}) ${d.type} ${d.target.name}(${d.target.organisation.code})`,
        ),
      ).toEqual(["dccServer(DCC) RUNS_ON clusterA(SCC)", "dccApp(DCC) AUTHENTICATES_VIA app(SCC)"]);
      expect(r.hosting).toEqual([
        {
          asset: { name: "dccServer", organisation: { code: "DCC" } },
          site: { name: "SCC Doxford DC", organisation: { code: "SCC" } },
        },
      ]);
    });

    it("keeps only the links that touch the organisations asked for", async () => {
      expect(ok(await gql(CROSS, { org: ["DCC"] })).crossEstateLinks.dependencies).toHaveLength(2);
      expect(ok(await gql(CROSS, { org: ["WBC"] })).crossEstateLinks).toEqual({
        dependencies: [],
        hosting: [],
      });
    });
  });

  describe("the cached graph", () => {
    it("is reused while nothing changes, and reloaded after a write through the API", async () => {
      await impact("san");
      const store = graphStore(db.prisma);
      const loads = store.stats.loads;
      await impact("san");
      await impact("lan");
      expect(store.stats.loads).toBe(loads);

      const created = await gql(
        `mutation ($input: CreateDependencyInput!) { createDependency(input: $input) { id } }`,
        { input: { source: gidOf("spare"), target: gidOf("san"), type: "STORES_DATA_ON" } },
      );
      ok(created);
      expect((await impact("san")).entries.map((e: any) => nameOf(e.assetId))).toContain("spare");
      expect(store.stats.loads).toBe(loads + 1);
    });

    it("notices a change written straight to the database, without touching updatedAt or version", async () => {
      await impact("san");
      await db.prisma.$executeRawUnsafe(
        `UPDATE "Asset" SET "kind" = 'STORAGE' WHERE "id" = '${assetId(12)}'`,
      );
      const r = ok(await gql(`{ graph(filter: { kind: [STORAGE] }) { nodes { name } } }`)).graph;
      expect(r.nodes.map((n: any) => n.name)).toEqual(["san", "spare"]);
      await db.prisma.$executeRawUnsafe(`DELETE FROM "Dependency" WHERE "id" = '${edgeId(1)}'`);
      expect(lines((await impact("san", { maxDepth: 1 })).entries)).toEqual(["clusterB 1 DOWNSTREAM e3"]);
    });

    it("is not reloaded by writes to other tables", async () => {
      await impact("san");
      const store = graphStore(db.prisma);
      const { loads, versionChecks } = store.stats;
      await db.prisma.site.update({
        where: { id: fx.sites.dccDc },
        data: { name: "DCC County Hall (renamed)" },
      });
      await impact("san");
      expect(store.stats.versionChecks).toBe(versionChecks + 1);
      expect(store.stats.loads).toBe(loads);
    });
  });
});
