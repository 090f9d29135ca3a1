// Larger, generated estates: termination, agreement with a naive reference, and input-order independence.
import { describe, expect, it } from "vitest";
import { impact, impactOfSite } from "../../server/graph/impact.ts";
import { buildDependencyGraph, type GraphEdge } from "../../server/graph/model.ts";
import { neighbourhood } from "../../server/graph/neighbourhood.ts";
import { paths } from "../../server/graph/paths.ts";
import { singlePointsOfFailure } from "../../server/graph/spof.ts";
import { randomEstate, shuffled } from "./helpers.ts";

/** Textbook BFS over plain adjacency lists of the needs (recovery copies left out): hop distance from `start`, start excluded. */
function referenceDistances(
  edges: readonly GraphEdge[],
  start: string,
  forwards: boolean,
): Map<string, number> {
  const adj = new Map<string, string[]>();
  for (const e of edges) {
    if (e.type === "REPLICATES_TO" || e.type === "BACKS_UP_TO") continue;
    const [from, to] = forwards ? [e.sourceId, e.targetId] : [e.targetId, e.sourceId];
    adj.set(from, [...(adj.get(from) ?? []), to]);
  }
  const dist = new Map<string, number>([[start, 0]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (const w of adj.get(v) ?? []) if (!dist.has(w)) (dist.set(w, dist.get(v)! + 1), queue.push(w));
  }
  dist.delete(start);
  return dist;
}

describe("a generated estate of 20,000 assets", () => {
  const { nodes, edges } = randomEstate(20251, 20_000, 36_000);
  const graph = buildDependencyGraph(nodes, edges);
  const byId = new Map(edges.map((e) => [e.id, e]));

  it("reaches exactly what a naive BFS reaches, at the same distances, along valid shortest paths", () => {
    let reached = 0;
    for (const start of ["n0", "n1", "n777", "n19999"]) {
      for (const direction of ["UPSTREAM", "DOWNSTREAM"] as const) {
        const got = impact(graph, start, { direction });
        const expected = referenceDistances(edges, start, direction === "UPSTREAM");
        expect(new Map(got.map((e) => [e.assetId, e.distance]))).toEqual(expected);
        expect(got).toHaveLength(expected.size); // no duplicates
        // Plain checks rather than one expect() per edge: expect is slow at this volume.
        const badPaths = got.filter((entry) => {
          let at: string | undefined = start;
          for (const edgeId of entry.path) {
            const e = byId.get(edgeId)!;
            at =
              (direction === "UPSTREAM" ? e.sourceId : e.targetId) === at
                ? direction === "UPSTREAM"
                  ? e.targetId
                  : e.sourceId
                : undefined;
          }
          return entry.path.length !== entry.distance || at !== entry.assetId;
        });
        expect(badPaths).toEqual([]);
        reached += got.length;
      }
    }
    expect(reached).toBeGreaterThan(30_000); // the generated graph is well connected, so the test has teeth
  });

  it("answers the same whatever order the assets and dependencies are supplied in", () => {
    const other = buildDependencyGraph(shuffled(nodes, 1), shuffled(edges, 2));
    expect(impact(other, "n42", { direction: "BOTH", maxDepth: 4 })).toEqual(
      impact(graph, "n42", { direction: "BOTH", maxDepth: 4 }),
    );
    expect(paths(other, "n1", "n2", { maxDepth: 12, limit: 25 })).toEqual(
      paths(graph, "n1", "n2", { maxDepth: 12, limit: 25 }),
    );
    expect(neighbourhood(other, ["n5", "n6"], 2, 300)).toEqual(neighbourhood(graph, ["n6", "n5"], 2, 300));
    const apps = ["n3", "n10", "n11", "n12", "n99"];
    expect(singlePointsOfFailure(other, { criticalIds: apps })).toEqual(
      singlePointsOfFailure(graph, { criticalIds: apps }),
    );
  });

  it("runs single-point-of-failure analysis for many applications over the whole estate", () => {
    const apps = nodes
      .filter((n) => n.kind === "APPLICATION")
      .slice(0, 200)
      .map((n) => n.id);
    const spofs = singlePointsOfFailure(graph, { criticalIds: apps });
    expect(spofs.length).toBeGreaterThan(0);
    for (const s of spofs) expect(s.takesDown.length).toBeGreaterThan(0);
    for (let i = 1; i < spofs.length; i++) {
      expect(spofs[i - 1]!.takesDown.length).toBeGreaterThanOrEqual(spofs[i]!.takesDown.length);
    }
  });

  it("bounds path enumeration on a large graph by limit", () => {
    const result = paths(graph, "n1", "n2", { maxDepth: 20, limit: 50 });
    expect(result.paths).toHaveLength(50);
    expect(result.truncated).toBe(true);
    for (let i = 1; i < result.paths.length; i++) {
      expect(result.paths[i - 1]!.length).toBeLessThanOrEqual(result.paths[i]!.length);
    }
  });

  it("handles a whole-site impact over a large estate without duplicates", () => {
    const sited = buildDependencyGraph(
      nodes.map((n, i) => ({ ...n, siteId: i % 500 === 0 ? "DC1" : null })),
      edges,
    );
    const hit = impactOfSite(sited, "DC1");
    expect(hit.filter((e) => e.distance === 0)).toHaveLength(40);
    expect(new Set(hit.map((e) => e.assetId)).size).toBe(hit.length);
  });
});
