import { describe, expect, it } from "vitest";
import {
  UnknownAssetError,
  buildDependencyGraph,
  compareIds,
  type DependencyGraph,
} from "../../server/graph/model.ts";
import { paths } from "../../server/graph/paths.ts";
import { graphOf, randomEstate } from "./helpers.ts";

const diamond = (...extra: string[]) =>
  graphOf([
    "e1 top DEPENDS_ON left",
    "e2 top DEPENDS_ON right",
    "e3 left DEPENDS_ON bottom",
    "e4 right DEPENDS_ON bottom",
    ...extra,
  ]);

describe("paths", () => {
  it("finds both chains through a diamond, in edge-id order", () => {
    expect(paths(diamond(), "top", "bottom")).toEqual({
      paths: [
        ["e1", "e3"],
        ["e2", "e4"],
      ],
      truncated: false,
    });
  });

  it("lists shorter chains first", () => {
    expect(paths(diamond("e9 top DEPENDS_ON bottom"), "top", "bottom").paths).toEqual([
      ["e9"],
      ["e1", "e3"],
      ["e2", "e4"],
    ]);
  });

  it("treats parallel edges of different types as distinct chains", () => {
    expect(paths(diamond("e5 left RUNS_ON bottom"), "top", "bottom").paths).toEqual([
      ["e1", "e3"],
      ["e1", "e5"],
      ["e2", "e4"],
    ]);
  });

  it("follows edges forwards only", () => {
    expect(paths(diamond(), "bottom", "top")).toEqual({ paths: [], truncated: false });
  });

  it("returns only simple chains on a cycle and terminates", () => {
    const graph = graphOf([
      "e1 a DEPENDS_ON b",
      "e2 b DEPENDS_ON c",
      "e3 c DEPENDS_ON a",
      "e4 c DEPENDS_ON d",
      "e5 b DEPENDS_ON d",
      "e6 b DEPENDS_ON a",
    ]);
    expect(paths(graph, "a", "d")).toEqual({
      paths: [
        ["e1", "e5"],
        ["e1", "e2", "e4"],
      ],
      truncated: false,
    });
    expect(paths(graph, "c", "b").paths).toEqual([["e3", "e1"]]);
  });

  it("stops at limit and says so", () => {
    expect(paths(diamond(), "top", "bottom", { limit: 1 })).toEqual({
      paths: [["e1", "e3"]],
      truncated: true,
    });
    expect(paths(diamond(), "top", "bottom", { limit: 2 }).truncated).toBe(false);
    expect(paths(diamond(), "top", "bottom", { limit: 0 })).toEqual({ paths: [], truncated: true });
  });

  it("ignores chains longer than maxDepth", () => {
    expect(paths(diamond(), "top", "bottom", { maxDepth: 1 })).toEqual({ paths: [], truncated: false });
    expect(paths(diamond("e9 top DEPENDS_ON bottom"), "top", "bottom", { maxDepth: 1 }).paths).toEqual([
      ["e9"],
    ]);
  });

  it("follows only the listed edge types", () => {
    expect(
      paths(diamond("e5 left RUNS_ON bottom"), "top", "bottom", { edgeTypes: ["DEPENDS_ON"] }).paths,
    ).toEqual([
      ["e1", "e3"],
      ["e2", "e4"],
    ]);
  });

  it("gives no chains from an asset to itself and rejects unknown endpoints", () => {
    expect(paths(diamond(), "top", "top")).toEqual({ paths: [], truncated: false });
    expect(() => paths(diamond(), "top", "ghost")).toThrow(UnknownAssetError);
  });

  it("reports truncation when the search budget runs out", () => {
    expect(paths(diamond(), "top", "bottom", { maxSteps: 2 }).truncated).toBe(true);
  });

  it("matches a naive enumeration of simple paths on small random graphs", () => {
    let total = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const { nodes, edges } = randomEstate(seed, 7, 16);
      const graph = buildDependencyGraph(nodes, edges);
      for (const [from, to] of [
        ["n0", "n6"],
        ["n1", "n2"],
        ["n3", "n0"],
      ] as const) {
        const expected = naivePaths(graph, from, to, 6);
        const got = paths(graph, from, to, { maxDepth: 6, limit: 10_000 });
        expect(got, `seed ${seed} ${from}->${to}`).toEqual({ paths: expected, truncated: false });
        total += expected.length;
      }
    }
    expect(total).toBeGreaterThan(100);
  });
});

/** Every simple path by brute force, then sorted by length and edge ids. */
function naivePaths(graph: DependencyGraph, from: string, to: string, maxDepth: number): string[][] {
  const found: string[][] = [];
  const go = (node: string, visited: string[], edges: string[]) => {
    if (node === to) return void found.push(edges);
    if (edges.length === maxDepth) return;
    for (const e of graph.outEdges(node)) {
      const next = graph.target(e);
      if (!visited.includes(next)) go(next, [...visited, next], [...edges, e]);
    }
  };
  if (from !== to) go(from, [from], []);
  return found.sort((a, b) => a.length - b.length || compareArrays(a, b));
}

function compareArrays(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareIds(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return 0;
}
