import { describe, expect, it } from "vitest";
import { UnknownAssetError } from "../../server/graph/model.ts";
import { neighbourhood } from "../../server/graph/neighbourhood.ts";
import { graphOf } from "./helpers.ts";

// a -> b -> c -> d, x -> b, plus an isolated pair y -> z
const estate = () =>
  graphOf([
    "e1 a RUNS_ON b",
    "e2 b RUNS_ON c",
    "e3 c STORES_DATA_ON d",
    "e4 x DEPENDS_ON b",
    "e5 y DEPENDS_ON z",
  ]);

describe("neighbourhood", () => {
  it("collects assets one hop away in both directions, with the edges among them", () => {
    expect(neighbourhood(estate(), ["b"], 1, 10)).toEqual({
      nodeIds: ["b", "a", "c", "x"],
      edgeIds: ["e1", "e2", "e4"],
      truncated: false,
    });
  });

  it("widens hop by hop and never crosses into a disconnected part", () => {
    expect(neighbourhood(estate(), ["b"], 2, 10)).toEqual({
      nodeIds: ["b", "a", "c", "x", "d"],
      edgeIds: ["e1", "e2", "e3", "e4"],
      truncated: false,
    });
  });

  it("stops at the node limit and flags truncation only when something was left out", () => {
    expect(neighbourhood(estate(), ["b"], 2, 3)).toEqual({
      nodeIds: ["b", "a", "c"],
      edgeIds: ["e1", "e2"],
      truncated: true,
    });
    expect(neighbourhood(estate(), ["b"], 2, 5).truncated).toBe(false);
  });

  it("with zero hops returns the distinct seeds in id order and the edges between them", () => {
    expect(neighbourhood(estate(), ["c", "b", "b"], 0, 10)).toEqual({
      nodeIds: ["b", "c"],
      edgeIds: ["e2"],
      truncated: false,
    });
  });

  it("keeps the first seeds by id when there are more seeds than the limit", () => {
    expect(neighbourhood(estate(), ["d", "a", "c"], 1, 2)).toEqual({
      nodeIds: ["a", "c"],
      edgeIds: [],
      truncated: true,
    });
  });

  it("gives the same answer whatever order the seeds come in", () => {
    expect(neighbourhood(estate(), ["y", "a"], 3, 10)).toEqual(neighbourhood(estate(), ["a", "y"], 3, 10));
  });

  it("rejects an unknown seed and a negative hop count", () => {
    expect(() => neighbourhood(estate(), ["ghost"], 1, 10)).toThrow(UnknownAssetError);
    expect(() => neighbourhood(estate(), ["a"], -1, 10)).toThrow(RangeError);
  });
});
