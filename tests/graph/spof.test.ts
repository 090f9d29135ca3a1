import { describe, expect, it } from "vitest";
import { immediateDominators, stronglyConnected } from "../../server/graph/dominators.ts";
import { buildDependencyGraph, UnknownAssetError, type DependencyGraph } from "../../server/graph/model.ts";
import { singlePointsOfFailure, type SpofMode } from "../../server/graph/spof.ts";
import { asset, graphOf, randomEstate } from "./helpers.ts";

const app = (id: string, criticality: "LOW" | "MEDIUM" | "HIGH" | "CRITICAL" = "HIGH") =>
  asset(id, { kind: "APPLICATION", criticality });

describe("singlePointsOfFailure", () => {
  it("makes every asset below an application a SPOF when it sits on a single chain", () => {
    const graph = graphOf(
      ["e1 app RUNS_ON vm", "e2 vm RUNS_ON cluster", "e3 cluster STORES_DATA_ON san"],
      [app("app")],
    );
    expect(singlePointsOfFailure(graph)).toEqual([
      { assetId: "cluster", takesDown: ["app"] },
      { assetId: "san", takesDown: ["app"] },
      { assetId: "vm", takesDown: ["app"] },
    ]);
  });

  it("does not flag either of two redundant clusters, but does flag the storage they share", () => {
    const graph = graphOf(
      ["e1 app RUNS_ON c1", "e2 app RUNS_ON c2", "e3 c1 STORES_DATA_ON san", "e4 c2 STORES_DATA_ON san"],
      [app("app")],
    );
    expect(singlePointsOfFailure(graph)).toEqual([{ assetId: "san", takesDown: ["app"] }]);
  });

  it("does not flag either of two WAN links, but does flag the single router in front of them", () => {
    const graph = graphOf(
      ["e1 school CONNECTS_TO router", "e2 router CONNECTS_TO wan1", "e3 router CONNECTS_TO wan2"],
      [asset("school", { kind: "END_USER_SERVICE", criticality: "CRITICAL" })],
    );
    expect(singlePointsOfFailure(graph)).toEqual([{ assetId: "router", takesDown: ["school"] }]);
  });

  it("in EACH_FOUNDATION mode flags assets that are the only way to one particular foundation", () => {
    const graph = graphOf(
      ["e1 school CONNECTS_TO router", "e2 router CONNECTS_TO wan1", "e3 router CONNECTS_TO wan2"],
      [asset("school", { kind: "END_USER_SERVICE", criticality: "CRITICAL" })],
    );
    expect(singlePointsOfFailure(graph, { mode: "EACH_FOUNDATION" }).map((s) => s.assetId)).toEqual([
      "router",
      "wan1",
      "wan2",
    ]);
  });

  it("ignores backup and replication edges by default, and follows them when told to", () => {
    const graph = graphOf(
      [
        "e1 app RUNS_ON vm",
        "e2 vm STORES_DATA_ON san",
        "e3 vm BACKS_UP_TO vault",
        "e4 san REPLICATES_TO dr-san",
      ],
      [app("app")],
    );
    expect(singlePointsOfFailure(graph).map((s) => s.assetId)).toEqual(["san", "vm"]);
    // Counting the backup as a need gives the VM two foundations (san/dr-san and vault), so only the VM is left.
    expect(singlePointsOfFailure(graph, { ignoredEdgeTypes: [] }).map((s) => s.assetId)).toEqual(["vm"]);
  });

  it("ranks shared assets first by how many applications they take down, then by id", () => {
    const graph = graphOf(
      [
        "e1 app1 RUNS_ON vm1",
        "e2 app2 RUNS_ON vm2",
        "e3 vm1 RUNS_ON cluster",
        "e4 vm2 RUNS_ON cluster",
        "e5 cluster STORES_DATA_ON san",
      ],
      [app("app1", "CRITICAL"), app("app2", "LOW")],
    );
    expect(singlePointsOfFailure(graph)).toEqual([
      { assetId: "cluster", takesDown: ["app1", "app2"] },
      { assetId: "san", takesDown: ["app1", "app2"] },
      { assetId: "vm1", takesDown: ["app1"] },
      { assetId: "vm2", takesDown: ["app2"] },
    ]);
    expect(singlePointsOfFailure(graph, { minCriticality: "HIGH" }).map((s) => s.assetId)).toEqual([
      "cluster",
      "san",
      "vm1",
    ]);
    expect(singlePointsOfFailure(graph, { criticalIds: ["vm2"] })).toEqual([
      { assetId: "cluster", takesDown: ["vm2"] },
      { assetId: "san", takesDown: ["vm2"] },
    ]);
    expect(() => singlePointsOfFailure(graph, { criticalIds: ["ghost"] })).toThrow(UnknownAssetError);
  });

  it("counts an application another application needs as a SPOF for it", () => {
    const graph = graphOf(["e1 portal DEPENDS_ON crm", "e2 crm RUNS_ON vm"], [app("portal"), app("crm")]);
    expect(singlePointsOfFailure(graph)).toEqual([
      { assetId: "vm", takesDown: ["crm", "portal"] },
      { assetId: "crm", takesDown: ["portal"] },
    ]);
  });

  it("does not treat parallel edges to the same asset as redundancy", () => {
    const graph = graphOf(["e1 app RUNS_ON vm", "e2 app DEPENDS_ON vm"], [app("app")]);
    expect(singlePointsOfFailure(graph)).toEqual([{ assetId: "vm", takesDown: ["app"] }]);
  });

  it("treats a dependency cycle with nothing beneath it as a foundation and flags only its entry", () => {
    const graph = graphOf(["e1 app DEPENDS_ON a", "e2 a DEPENDS_ON b", "e3 b DEPENDS_ON a"], [app("app")]);
    expect(singlePointsOfFailure(graph)).toEqual([{ assetId: "a", takesDown: ["app"] }]);
  });

  it("walks through a cycle that leads on to a foundation", () => {
    const graph = graphOf(
      ["e1 app DEPENDS_ON a", "e2 a DEPENDS_ON b", "e3 b DEPENDS_ON a", "e4 b STORES_DATA_ON san"],
      [app("app")],
    );
    expect(singlePointsOfFailure(graph).map((s) => s.assetId)).toEqual(["a", "b", "san"]);
  });

  it("finds nothing for an application that needs nothing", () => {
    expect(singlePointsOfFailure(graphOf(["e1 vm RUNS_ON host"], [app("lonely")]))).toEqual([]);
  });

  it("agrees with removing each asset in turn on small random graphs, in both modes", () => {
    let flagged = 0;
    for (let seed = 1; seed <= 80; seed++) {
      const { nodes, edges } = randomEstate(seed, 9, 14);
      const graph = buildDependencyGraph(nodes, edges);
      for (const mode of ["ALL_FOUNDATIONS", "EACH_FOUNDATION"] as SpofMode[]) {
        const expected = bruteForceSpofs(graph, mode);
        const got = new Map(singlePointsOfFailure(graph, { mode }).map((s) => [s.assetId, s.takesDown]));
        expect(got, `seed ${seed} ${mode}`).toEqual(expected);
        flagged += got.size;
      }
    }
    expect(flagged).toBeGreaterThan(100);
  });
});

describe("dominator and component helpers", () => {
  // 0->1, 0->2, 1->3, 2->3, 3->4, 4->1, 4->5; node 6 is unreachable.
  const succ = [[1, 2], [3], [3], [4], [1, 5], [], []];

  it("computes immediate dominators with -1 for unreachable nodes", () => {
    expect([...immediateDominators(succ, 0)]).toEqual([0, 0, 0, 0, 3, 4, -1]);
  });

  it("groups strongly connected components", () => {
    const comp = stronglyConnected(succ);
    expect(comp[1]).toBe(comp[3]);
    expect(comp[3]).toBe(comp[4]);
    expect(new Set(comp).size).toBe(5);
  });
});

/** The definition by brute force: delete X, and see whether A still reaches its foundations. */
function bruteForceSpofs(graph: DependencyGraph, mode: SpofMode): Map<string, string[]> {
  const ignored = new Set(["REPLICATES_TO", "BACKS_UP_TO"]);
  const next = (v: string) =>
    graph.filterOutEdges(v, (_e, a) => !ignored.has(a.type)).map((e) => graph.target(e));
  const reach = (from: string, without?: string): Set<string> => {
    const seen = new Set([from]);
    const stack = [from];
    while (stack.length)
      for (const w of next(stack.pop()!)) if (w !== without && !seen.has(w)) (seen.add(w), stack.push(w));
    return seen;
  };
  // A foundation: everything it reaches can reach it back (a sink, or a member of a bottom cycle).
  const isFoundation = (v: string) => [...reach(v)].every((w) => reach(w).has(v));
  const result = new Map<string, string[]>();
  const apps = graph.filterNodes((_, a) => a.kind === "APPLICATION" || a.kind === "END_USER_SERVICE").sort();
  for (const a of apps) {
    const foundations = [...reach(a)].filter(isFoundation);
    for (const x of graph.nodes().sort()) {
      if (x === a || !reach(a).has(x)) continue;
      const left = reach(a, x);
      const cut =
        mode === "ALL_FOUNDATIONS"
          ? foundations.every((f) => f === x || !left.has(f))
          : foundations.some((f) => f === x || !left.has(f));
      if (cut) result.set(x, [...(result.get(x) ?? []), a]);
    }
  }
  return result;
}
