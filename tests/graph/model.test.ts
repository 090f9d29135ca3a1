import { describe, expect, it } from "vitest";
import { adjacentSorted, buildDependencyGraph, UnknownAssetError } from "../../server/graph/model.ts";
import { asset, dep, graphOf } from "./helpers.ts";

describe("buildDependencyGraph", () => {
  it("creates one node per asset carrying its attributes and one directed edge per dependency", () => {
    const graph = buildDependencyGraph(
      [asset("app", { kind: "APPLICATION", criticality: "HIGH", siteId: "s1" }), asset("vm")],
      [dep("e1 app RUNS_ON vm")],
    );
    expect(graph.order).toBe(2);
    expect(graph.size).toBe(1);
    expect(graph.getNodeAttributes("app")).toEqual({
      organisationId: "ORG-A",
      siteId: "s1",
      kind: "APPLICATION",
      criticality: "HIGH",
      lifecycle: "ACTIVE",
    });
    expect(graph.source("e1")).toBe("app");
    expect(graph.target("e1")).toBe("vm");
    expect(graph.getEdgeAttribute("e1", "type")).toBe("RUNS_ON");
  });

  it("keeps parallel edges of different types between the same pair", () => {
    const graph = graphOf(["e1 app RUNS_ON srv", "e2 app DEPENDS_ON srv"]);
    expect(graph.edges("app", "srv").sort()).toEqual(["e1", "e2"]);
  });

  it("accepts cycles and self-loops", () => {
    const graph = graphOf(["e1 a DEPENDS_ON b", "e2 b DEPENDS_ON a", "e3 a DEPENDS_ON a"]);
    expect(graph.size).toBe(3);
  });

  it("rejects an edge that points at an unknown asset", () => {
    expect(() => buildDependencyGraph([asset("a")], [dep("e1 a RUNS_ON ghost")])).toThrow(UnknownAssetError);
  });

  it("rejects duplicate asset ids and duplicate dependency ids", () => {
    expect(() => buildDependencyGraph([asset("a"), asset("a")], [])).toThrow(/Duplicate asset/);
    expect(() =>
      buildDependencyGraph([asset("a"), asset("b")], [dep("e1 a RUNS_ON b"), dep("e1 b RUNS_ON a")]),
    ).toThrow(/Duplicate dependency/);
  });

  it("lists adjacent edges in edge-id order whatever the input order, and a self-loop once", () => {
    const graph = graphOf(["e3 a RUNS_ON c", "e1 a RUNS_ON b", "e2 d DEPENDS_ON a", "e0 a DEPENDS_ON a"]);
    expect(adjacentSorted(graph, "a", "out").map((x) => x.edgeId)).toEqual(["e0", "e1", "e3"]);
    expect(adjacentSorted(graph, "a", "in").map((x) => x.edgeId)).toEqual(["e0", "e2"]);
    expect(adjacentSorted(graph, "a", "both")).toEqual([
      { edgeId: "e0", neighbourId: "a", type: "DEPENDS_ON" },
      { edgeId: "e1", neighbourId: "b", type: "RUNS_ON" },
      { edgeId: "e2", neighbourId: "d", type: "DEPENDS_ON" },
      { edgeId: "e3", neighbourId: "c", type: "RUNS_ON" },
    ]);
  });
});
