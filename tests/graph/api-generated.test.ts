// The API's fast paths (compact index + database-validated cache) against the pure algorithms, on a
// generated estate of 3,000 assets, on the seed estate and (without a database) on a random multigraph: impact, site impact and neighbourhoods must
// give exactly what impact(), impactOfSite() and neighbourhood() give on a graph built from the same rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateEstate } from "../../bench/generate.ts";
import { loadEstate } from "../../bench/load.ts";
import { loadSeedsIfEmpty } from "../../seeds/load.ts";
import { impact, impactOfSite, type ImpactDirection, type ImpactEffect } from "../../server/graph/impact.ts";
import {
  buildDependencyGraph,
  type DependencyGraph,
  type GraphEdge,
  type GraphNode,
} from "../../server/graph/model.ts";
import { neighbourhood } from "../../server/graph/neighbourhood.ts";
import { prng, randomEstate } from "./helpers.ts";
import {
  compactGraph,
  neighbourhoodOf,
  pathTo,
  stateEffect,
  stateNode,
  typeMask,
  walk,
  type Walk,
} from "../../server/graph/compact.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient, type GqlResult } from "../support/graphql.ts";

const raw = (gid: string) => gid.slice(gid.indexOf(":") + 1);

function ok<T = any>(result: GqlResult<T>): T {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

/** The graph the pure functions see: built from the rows as the database holds them now. */
async function pureGraph(db: TestDatabase): Promise<DependencyGraph> {
  const nodes = await db.prisma.asset.findMany({
    select: { id: true, organisationId: true, siteId: true, kind: true, criticality: true, lifecycle: true },
  });
  const edges = await db.prisma.dependency.findMany({
    select: { id: true, sourceId: true, targetId: true, type: true },
  });
  return buildDependencyGraph(nodes as GraphNode[], edges as GraphEdge[]);
}

const IMPACT = `query ($id: ID!, $direction: ImpactDirection, $maxDepth: Int, $edgeTypes: [DependencyType!], $effects: [ImpactEffect!]) {
  impact(assetId: $id, direction: $direction, maxDepth: $maxDepth, edgeTypes: $edgeTypes, effects: $effects) {
    entries { assetId distance direction effect path { id } } } }`;
const SITE_IMPACT = `query ($id: ID!, $maxDepth: Int, $effects: [ImpactEffect!]) {
  siteImpact(siteId: $id, maxDepth: $maxDepth, effects: $effects) { entries { assetId distance effect origin { id } path { id } } } }`;
const BOTH_EFFECTS: ImpactEffect[] = ["STOPS", "LOSES_RECOVERY"];
const AROUND = `query ($around: [ID!], $hops: Int, $limit: Int) {
  graph(filter: { around: $around, hops: $hops }, limit: $limit) { truncated nodes { id } edges { id } } }`;

/** Compares every fast path with its pure function for the given assets and sites. */
function agreementTests(
  getDb: () => TestDatabase,
  pick: (graph: DependencyGraph) => { assets: string[]; sites: string[] },
) {
  let gql: ReturnType<typeof graphqlClient>;
  let graph: DependencyGraph;
  let probes: { assets: string[]; sites: string[] };
  beforeAll(async () => {
    gql = graphqlClient(getDb().prisma);
    graph = await pureGraph(getDb());
    probes = pick(graph);
  });

  const impactVia = async (
    id: string,
    vars: {
      direction: ImpactDirection | "BOTH";
      maxDepth?: number;
      edgeTypes?: string[];
      effects?: ImpactEffect[];
    },
  ) =>
    ok(await gql(IMPACT, { id: `Asset:${id}`, ...vars })).impact.entries.map((e: any) => ({
      assetId: raw(e.assetId),
      distance: e.distance,
      direction: e.direction,
      effect: e.effect,
      path: e.path.map((p: any) => raw(p.id)),
    }));

  it("gives exactly impact()'s entries, distances, chains and order, both ways and with limits", async () => {
    let compared = 0;
    let lost = 0;
    for (const id of probes.assets) {
      for (const opts of [
        { direction: "DOWNSTREAM" as const },
        { direction: "UPSTREAM" as const },
        { direction: "BOTH" as const, maxDepth: 3 },
        { direction: "DOWNSTREAM" as const, edgeTypes: ["RUNS_ON", "STORES_DATA_ON", "DEPENDS_ON"] },
        { direction: "BOTH" as const, effects: BOTH_EFFECTS },
        { direction: "DOWNSTREAM" as const, effects: ["LOSES_RECOVERY" as const], maxDepth: 4 },
      ]) {
        const expected = impact(graph, id, opts);
        expect(await impactVia(id, opts)).toEqual(expected);
        compared += expected.length;
        lost += expected.filter((e) => e.effect === "LOSES_RECOVERY").length;
      }
    }
    expect(compared).toBeGreaterThan(50); // the probes reach something, so the comparison has teeth
    expect(lost).toBeGreaterThan(5); // and some of it only loses its recovery copy
  });

  it("gives exactly impactOfSite()'s entries and origins", async () => {
    for (const siteId of probes.sites) {
      for (const [maxDepth, effects] of [
        [undefined, undefined],
        [2, undefined],
        [undefined, BOTH_EFFECTS],
      ] as const) {
        const got = ok(
          await gql(SITE_IMPACT, { id: `Site:${siteId}`, maxDepth, effects }),
        ).siteImpact.entries.map((e: any) => ({
          assetId: raw(e.assetId),
          distance: e.distance,
          direction: "DOWNSTREAM",
          effect: e.effect,
          path: e.path.map((p: any) => raw(p.id)),
          originId: raw(e.origin.id),
        }));
        expect(got).toEqual(impactOfSite(graph, siteId, { maxDepth, effects }));
      }
    }
  });

  it("gives exactly neighbourhood()'s nodes, edges and truncation", async () => {
    for (const [hops, limit] of [
      [1, 2000],
      [2, 2000],
      [3, 40],
    ] as const) {
      const seeds = probes.assets.slice(0, 2);
      const r = ok(await gql(AROUND, { around: seeds.map((id) => `Asset:${id}`), hops, limit })).graph;
      expect({
        nodeIds: r.nodes.map((n: any) => raw(n.id)),
        edgeIds: r.edges.map((e: any) => raw(e.id)),
        truncated: r.truncated,
      }).toEqual(neighbourhood(graph, seeds, hops, limit));
    }
  });
}

describe.each(engines())("graph API against the pure algorithms on %s", (engine) => {
  describe("on a generated estate of 3,000 assets", () => {
    let db: TestDatabase;
    const estate = generateEstate(3000, 7);
    beforeAll(async () => {
      db = await openTestDatabase(engine);
      await loadEstate((sql, params) => db.prisma.$executeRawUnsafe(sql, ...params), estate);
    });
    afterAll(() => db?.close());

    agreementTests(
      () => db,
      (graph) => {
        const rand = prng(99);
        const ids = graph.nodes();
        const random = Array.from({ length: 6 }, () => ids[Math.floor(rand() * ids.length)]!);
        const { storageId, clusterId, applicationId } = estate.probes;
        return {
          assets: [storageId, clusterId, applicationId, ...random],
          sites: [estate.probes.siteId, estate.sites.at(-1)!.id],
        };
      },
    );

    it("has the cycles, diamonds and cross-organisation edges that make the comparison meaningful", async () => {
      const cross = ok(
        await graphqlClient(db.prisma)(
          `{ crossEstateLinks { dependencies { id } hosting { asset { id } } } }`,
        ),
      ).crossEstateLinks;
      expect(cross.dependencies.length).toBeGreaterThan(10);
      expect(cross.hosting.length).toBeGreaterThan(0);
    });
  });

  describe("on the seed estate", () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openTestDatabase(engine);
      await loadSeedsIfEmpty(db.prisma);
    });
    afterAll(() => db?.close());

    agreementTests(
      () => db,
      (graph) => {
        const ids = graph.nodes();
        const sites = [
          ...new Set(
            ids.map((id) => graph.getNodeAttribute(id, "siteId")).filter((s): s is string => s !== null),
          ),
        ].sort();
        const byKind = (kind: string) =>
          ids.filter((id) => graph.getNodeAttribute(id, "kind") === kind).sort();
        // The most depended-on storage, network and platform, and a few applications.
        const busiest = (kind: string) =>
          byKind(kind).sort((a, b) => graph.inDegree(b) - graph.inDegree(a))[0]!;
        return {
          assets: [
            busiest("STORAGE"),
            busiest("NETWORK"),
            busiest("CLOUD_PLATFORM"),
            ...byKind("APPLICATION").slice(0, 4),
          ],
          sites,
        };
      },
    );

    it("names the shared SANs as single points of failure, and not the redundant clusters in front of them", async () => {
      const r = ok(
        await graphqlClient(db.prisma)(
          `{ singlePointsOfFailure(minCriticality: HIGH) { analysedCount entries { asset { name kind } count } } }`,
        ),
      ).singlePointsOfFailure;
      const names = r.entries.map((e: any) => e.asset.name as string);
      expect(r.analysedCount).toBeGreaterThan(20);
      const sans = r.entries.filter(
        (e: any) => e.asset.kind === "STORAGE" && /primary san/i.test(e.asset.name),
      );
      expect(sans.length).toBe(2);
      for (const san of sans) expect(san.count).toBeGreaterThan(10);
      expect(names.filter((n: string) => /PROD-[AB]/.test(n))).toEqual([]);
    });
  });
});

describe("the compact index behind the API, on a random multigraph with self-loops and parallel edges", () => {
  // No database: the database refuses self-loops, but the walks must still match the pure functions on them.
  const { nodes, edges } = randomEstate(4242, 3_000, 7_500);
  const graph = buildDependencyGraph(nodes, edges);
  const compact = compactGraph(nodes, edges);
  const toEntries = (w: Walk, direction: ImpactDirection) =>
    [...w.reached].map((s) => ({
      assetId: compact.nodes[stateNode(w, s)]!.id,
      distance: w.distance[s]!,
      direction,
      effect: stateEffect(w, s),
      path: pathTo(compact, w, s).map((e) => compact.edgeIds[e]!),
    }));

  it("walks exactly as impact() does, with and without limits", () => {
    expect(edges.some((e) => e.sourceId === e.targetId)).toBe(true);
    for (const id of ["n0", "n17", "n2999"]) {
      const start = compact.nodeIndex.get(id)!;
      for (const [direction, step] of [
        ["DOWNSTREAM", "in"],
        ["UPSTREAM", "out"],
      ] as const) {
        expect(toEntries(walk(compact, [start], step, Infinity, typeMask(undefined)), direction)).toEqual(
          impact(graph, id, { direction }),
        );
        expect(
          toEntries(walk(compact, [start], step, 2, typeMask(["RUNS_ON", "DEPENDS_ON"])), direction),
        ).toEqual(impact(graph, id, { direction, maxDepth: 2, edgeTypes: ["RUNS_ON", "DEPENDS_ON"] }));
        const both = { stops: true, losesRecovery: true };
        expect(
          toEntries(walk(compact, [start], step, Infinity, typeMask(undefined), both), direction),
        ).toEqual(impact(graph, id, { direction, effects: BOTH_EFFECTS }));
        const lostOnly = { stops: false, losesRecovery: true };
        expect(toEntries(walk(compact, [start], step, 3, typeMask(undefined), lostOnly), direction)).toEqual(
          impact(graph, id, { direction, maxDepth: 3, effects: ["LOSES_RECOVERY"] }),
        );
      }
    }
  });

  it("collects exactly neighbourhood()'s assets and edges", () => {
    for (const [hops, limit] of [
      [1, 100],
      [2, 500],
      [4, 60],
    ] as const) {
      const seeds = ["n5", "n6", "n5"];
      const got = neighbourhoodOf(
        compact,
        seeds.map((id) => compact.nodeIndex.get(id)!),
        hops,
        limit,
      );
      expect({
        nodeIds: got.nodes.map((n) => compact.nodes[n]!.id),
        edgeIds: got.edges.map((e) => compact.edgeIds[e]!),
        truncated: got.truncated,
      }).toEqual(neighbourhood(graph, seeds, hops, limit));
    }
  });
});
