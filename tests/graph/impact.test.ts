import { describe, expect, it } from "vitest";
import { impact, impactOfSite } from "../../server/graph/impact.ts";
import { UnknownAssetError } from "../../server/graph/model.ts";
import { asset, graphOf } from "./helpers.ts";

// app RUNS_ON vm RUNS_ON cluster STORES_DATA_ON san
const chain = () => graphOf(["e1 app RUNS_ON vm", "e2 vm RUNS_ON cluster", "e3 cluster STORES_DATA_ON san"]);

describe("impact on a chain", () => {
  it("reports downstream everything that transitively depends on the start, by walking edges backwards", () => {
    expect(impact(chain(), "san", { direction: "DOWNSTREAM" })).toEqual([
      { assetId: "cluster", distance: 1, direction: "DOWNSTREAM", path: ["e3"] },
      { assetId: "vm", distance: 2, direction: "DOWNSTREAM", path: ["e3", "e2"] },
      { assetId: "app", distance: 3, direction: "DOWNSTREAM", path: ["e3", "e2", "e1"] },
    ]);
  });

  it("reports upstream everything the start needs, by walking edges forwards", () => {
    expect(impact(chain(), "app", { direction: "UPSTREAM" })).toEqual([
      { assetId: "vm", distance: 1, direction: "UPSTREAM", path: ["e1"] },
      { assetId: "cluster", distance: 2, direction: "UPSTREAM", path: ["e1", "e2"] },
      { assetId: "san", distance: 3, direction: "UPSTREAM", path: ["e1", "e2", "e3"] },
    ]);
  });

  it("finds nothing downstream of the top of the stack and nothing upstream of the bottom", () => {
    expect(impact(chain(), "app", { direction: "DOWNSTREAM" })).toEqual([]);
    expect(impact(chain(), "san", { direction: "UPSTREAM" })).toEqual([]);
  });

  it("stops at maxDepth, and maxDepth 0 reports nothing", () => {
    expect(impact(chain(), "app", { direction: "UPSTREAM", maxDepth: 2 }).map((e) => e.assetId)).toEqual([
      "vm",
      "cluster",
    ]);
    expect(impact(chain(), "app", { direction: "UPSTREAM", maxDepth: 0 })).toEqual([]);
  });

  it("rejects a negative or fractional maxDepth and an unknown start", () => {
    expect(() => impact(chain(), "app", { direction: "UPSTREAM", maxDepth: -1 })).toThrow(RangeError);
    expect(() => impact(chain(), "app", { direction: "UPSTREAM", maxDepth: 1.5 })).toThrow(RangeError);
    expect(() => impact(chain(), "ghost", { direction: "UPSTREAM" })).toThrow(UnknownAssetError);
  });
});

describe("impact on cycles", () => {
  const cycle = () => graphOf(["e1 a DEPENDS_ON b", "e2 b DEPENDS_ON c", "e3 c DEPENDS_ON a"]);

  it("walks round a cycle once without revisiting the start or repeating an asset", () => {
    expect(impact(cycle(), "a", { direction: "DOWNSTREAM" })).toEqual([
      { assetId: "c", distance: 1, direction: "DOWNSTREAM", path: ["e3"] },
      { assetId: "b", distance: 2, direction: "DOWNSTREAM", path: ["e3", "e2"] },
    ]);
    expect(impact(cycle(), "a", { direction: "UPSTREAM" })).toEqual([
      { assetId: "b", distance: 1, direction: "UPSTREAM", path: ["e1"] },
      { assetId: "c", distance: 2, direction: "UPSTREAM", path: ["e1", "e2"] },
    ]);
  });

  it("ignores a self-loop on the start", () => {
    const graph = graphOf(["e1 a DEPENDS_ON a", "e2 a RUNS_ON b"]);
    expect(impact(graph, "a", { direction: "UPSTREAM" }).map((e) => e.assetId)).toEqual(["b"]);
    expect(impact(graph, "a", { direction: "DOWNSTREAM" })).toEqual([]);
  });
});

describe("impact on diamonds and ties", () => {
  // top needs left and right, both need bottom; a longer route top -> l1 -> l2 -> bottom also exists.
  const diamond = () =>
    graphOf([
      "e1 top DEPENDS_ON left",
      "e2 top DEPENDS_ON right",
      "e3 left DEPENDS_ON bottom",
      "e4 right DEPENDS_ON bottom",
      "e5 top DEPENDS_ON l1",
      "e6 l1 DEPENDS_ON l2",
      "e7 l2 DEPENDS_ON bottom",
    ]);

  it("reports each asset once at its shortest distance with one shortest path", () => {
    expect(impact(diamond(), "top", { direction: "UPSTREAM" })).toEqual([
      { assetId: "left", distance: 1, direction: "UPSTREAM", path: ["e1"] },
      { assetId: "right", distance: 1, direction: "UPSTREAM", path: ["e2"] },
      { assetId: "l1", distance: 1, direction: "UPSTREAM", path: ["e5"] },
      { assetId: "bottom", distance: 2, direction: "UPSTREAM", path: ["e1", "e3"] },
      { assetId: "l2", distance: 2, direction: "UPSTREAM", path: ["e5", "e6"] },
    ]);
  });

  it("reports the shortest distance downstream too, ignoring the longer route", () => {
    const bottom = impact(diamond(), "bottom", { direction: "DOWNSTREAM" });
    expect(bottom.find((e) => e.assetId === "top")).toEqual({
      assetId: "top",
      distance: 2,
      direction: "DOWNSTREAM",
      path: ["e3", "e1"],
    });
    expect(bottom).toHaveLength(5);
  });

  it("breaks ties between equally short paths by the smallest edge ids from the start of the path", () => {
    const graph = graphOf([
      "e9 top DEPENDS_ON p",
      "e1 top DEPENDS_ON q",
      "e2 p DEPENDS_ON t",
      "e8 q DEPENDS_ON t",
    ]);
    expect(impact(graph, "top", { direction: "UPSTREAM" })).toEqual([
      { assetId: "q", distance: 1, direction: "UPSTREAM", path: ["e1"] },
      { assetId: "p", distance: 1, direction: "UPSTREAM", path: ["e9"] },
      { assetId: "t", distance: 2, direction: "UPSTREAM", path: ["e1", "e8"] },
    ]);
  });

  it("never reaches a disconnected part of the estate", () => {
    const graph = graphOf(["e1 a RUNS_ON b", "e2 x RUNS_ON y"]);
    expect(impact(graph, "a", { direction: "BOTH" }).map((e) => e.assetId)).toEqual(["b"]);
  });
});

describe("impact with parallel edges and type filters", () => {
  it("reports an asset joined by two parallel edges once, via the smaller edge id", () => {
    const graph = graphOf(["e2 app RUNS_ON srv", "e1 app DEPENDS_ON srv"]);
    expect(impact(graph, "app", { direction: "UPSTREAM" })).toEqual([
      { assetId: "srv", distance: 1, direction: "UPSTREAM", path: ["e1"] },
    ]);
  });

  it("follows only the listed edge types", () => {
    const graph = graphOf([
      "e2 app RUNS_ON srv",
      "e1 app DEPENDS_ON srv",
      "e3 app BACKS_UP_TO vault",
      "e4 srv STORES_DATA_ON san",
    ]);
    expect(impact(graph, "app", { direction: "UPSTREAM", edgeTypes: ["RUNS_ON", "STORES_DATA_ON"] })).toEqual(
      [
        { assetId: "srv", distance: 1, direction: "UPSTREAM", path: ["e2"] },
        { assetId: "san", distance: 2, direction: "UPSTREAM", path: ["e2", "e4"] },
      ],
    );
    expect(impact(graph, "app", { direction: "UPSTREAM", edgeTypes: [] })).toEqual([]);
  });
});

describe("impact in both directions", () => {
  it("tags each entry with its direction, nearest first, downstream before upstream", () => {
    expect(impact(chain(), "vm", { direction: "BOTH" })).toEqual([
      { assetId: "app", distance: 1, direction: "DOWNSTREAM", path: ["e1"] },
      { assetId: "cluster", distance: 1, direction: "UPSTREAM", path: ["e2"] },
      { assetId: "san", distance: 2, direction: "UPSTREAM", path: ["e2", "e3"] },
    ]);
  });

  it("lists an asset reached both ways twice, once per direction", () => {
    const graph = graphOf(["e1 a DEPENDS_ON b", "e2 b DEPENDS_ON a"]);
    expect(impact(graph, "a", { direction: "BOTH" })).toEqual([
      { assetId: "b", distance: 1, direction: "DOWNSTREAM", path: ["e2"] },
      { assetId: "b", distance: 1, direction: "UPSTREAM", path: ["e1"] },
    ]);
  });
});

describe("impactOfSite", () => {
  const estate = () =>
    graphOf(
      [
        "e1 app1 STORES_DATA_ON rack1",
        "e2 app2 STORES_DATA_ON rack2",
        "e3 svc DEPENDS_ON app1",
        "e4 svc DEPENDS_ON app2",
        "e5 other CONNECTS_TO sw",
        "e6 rack2 DEPENDS_ON rack1",
      ],
      [
        asset("rack1", { kind: "STORAGE", siteId: "DC1" }),
        asset("rack2", { kind: "STORAGE", siteId: "DC1" }),
        asset("sw", { kind: "NETWORK", siteId: "DC2" }),
      ],
    );

  it("lists the site's own assets at distance 0 and then everything downstream of any of them", () => {
    expect(impactOfSite(estate(), "DC1")).toEqual([
      { assetId: "rack1", distance: 0, direction: "DOWNSTREAM", path: [], originId: "rack1" },
      { assetId: "rack2", distance: 0, direction: "DOWNSTREAM", path: [], originId: "rack2" },
      { assetId: "app1", distance: 1, direction: "DOWNSTREAM", path: ["e1"], originId: "rack1" },
      { assetId: "app2", distance: 1, direction: "DOWNSTREAM", path: ["e2"], originId: "rack2" },
      { assetId: "svc", distance: 2, direction: "DOWNSTREAM", path: ["e1", "e3"], originId: "rack1" },
    ]);
  });

  it("honours maxDepth and edgeTypes, and gives nothing for a site without assets", () => {
    expect(impactOfSite(estate(), "DC1", { maxDepth: 1 }).map((e) => e.assetId)).toEqual([
      "rack1",
      "rack2",
      "app1",
      "app2",
    ]);
    expect(impactOfSite(estate(), "DC1", { edgeTypes: ["DEPENDS_ON"] }).map((e) => e.assetId)).toEqual([
      "rack1",
      "rack2",
    ]);
    expect(impactOfSite(estate(), "DC9")).toEqual([]);
  });
});
