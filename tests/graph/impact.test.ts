import { describe, expect, it } from "vitest";
import { impact, impactOfSite } from "../../server/graph/impact.ts";
import { buildDependencyGraph, UnknownAssetError } from "../../server/graph/model.ts";
import { asset, graphOf, randomEstate } from "./helpers.ts";

// app RUNS_ON vm RUNS_ON cluster STORES_DATA_ON san
const chain = () => graphOf(["e1 app RUNS_ON vm", "e2 vm RUNS_ON cluster", "e3 cluster STORES_DATA_ON san"]);

describe("impact on a chain", () => {
  it("reports downstream everything that transitively depends on the start, by walking edges backwards", () => {
    expect(impact(chain(), "san", { direction: "DOWNSTREAM" })).toEqual([
      { assetId: "cluster", distance: 1, direction: "DOWNSTREAM", effect: "STOPS", path: ["e3"] },
      { assetId: "vm", distance: 2, direction: "DOWNSTREAM", effect: "STOPS", path: ["e3", "e2"] },
      { assetId: "app", distance: 3, direction: "DOWNSTREAM", effect: "STOPS", path: ["e3", "e2", "e1"] },
    ]);
  });

  it("reports upstream everything the start needs, by walking edges forwards", () => {
    expect(impact(chain(), "app", { direction: "UPSTREAM" })).toEqual([
      { assetId: "vm", distance: 1, direction: "UPSTREAM", effect: "STOPS", path: ["e1"] },
      { assetId: "cluster", distance: 2, direction: "UPSTREAM", effect: "STOPS", path: ["e1", "e2"] },
      { assetId: "san", distance: 3, direction: "UPSTREAM", effect: "STOPS", path: ["e1", "e2", "e3"] },
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
      { assetId: "c", distance: 1, direction: "DOWNSTREAM", effect: "STOPS", path: ["e3"] },
      { assetId: "b", distance: 2, direction: "DOWNSTREAM", effect: "STOPS", path: ["e3", "e2"] },
    ]);
    expect(impact(cycle(), "a", { direction: "UPSTREAM" })).toEqual([
      { assetId: "b", distance: 1, direction: "UPSTREAM", effect: "STOPS", path: ["e1"] },
      { assetId: "c", distance: 2, direction: "UPSTREAM", effect: "STOPS", path: ["e1", "e2"] },
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
      { assetId: "left", distance: 1, direction: "UPSTREAM", effect: "STOPS", path: ["e1"] },
      { assetId: "right", distance: 1, direction: "UPSTREAM", effect: "STOPS", path: ["e2"] },
      { assetId: "l1", distance: 1, direction: "UPSTREAM", effect: "STOPS", path: ["e5"] },
      { assetId: "bottom", distance: 2, direction: "UPSTREAM", effect: "STOPS", path: ["e1", "e3"] },
      { assetId: "l2", distance: 2, direction: "UPSTREAM", effect: "STOPS", path: ["e5", "e6"] },
    ]);
  });

  it("reports the shortest distance downstream too, ignoring the longer route", () => {
    const bottom = impact(diamond(), "bottom", { direction: "DOWNSTREAM" });
    expect(bottom.find((e) => e.assetId === "top")).toEqual({
      assetId: "top",
      distance: 2,
      direction: "DOWNSTREAM",
      effect: "STOPS",
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
      { assetId: "q", distance: 1, direction: "UPSTREAM", effect: "STOPS", path: ["e1"] },
      { assetId: "p", distance: 1, direction: "UPSTREAM", effect: "STOPS", path: ["e9"] },
      { assetId: "t", distance: 2, direction: "UPSTREAM", effect: "STOPS", path: ["e1", "e8"] },
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
      { assetId: "srv", distance: 1, direction: "UPSTREAM", effect: "STOPS", path: ["e1"] },
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
        { assetId: "srv", distance: 1, direction: "UPSTREAM", effect: "STOPS", path: ["e2"] },
        { assetId: "san", distance: 2, direction: "UPSTREAM", effect: "STOPS", path: ["e2", "e4"] },
      ],
    );
    expect(impact(graph, "app", { direction: "UPSTREAM", edgeTypes: [] })).toEqual([]);
  });
});

describe("impact in both directions", () => {
  it("tags each entry with its direction, nearest first, downstream before upstream", () => {
    expect(impact(chain(), "vm", { direction: "BOTH" })).toEqual([
      { assetId: "app", distance: 1, direction: "DOWNSTREAM", effect: "STOPS", path: ["e1"] },
      { assetId: "cluster", distance: 1, direction: "UPSTREAM", effect: "STOPS", path: ["e2"] },
      { assetId: "san", distance: 2, direction: "UPSTREAM", effect: "STOPS", path: ["e2", "e3"] },
    ]);
  });

  it("lists an asset reached both ways twice, once per direction", () => {
    const graph = graphOf(["e1 a DEPENDS_ON b", "e2 b DEPENDS_ON a"]);
    expect(impact(graph, "a", { direction: "BOTH" })).toEqual([
      { assetId: "b", distance: 1, direction: "DOWNSTREAM", effect: "STOPS", path: ["e2"] },
      { assetId: "b", distance: 1, direction: "UPSTREAM", effect: "STOPS", path: ["e1"] },
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
      {
        assetId: "rack1",
        distance: 0,
        direction: "DOWNSTREAM",
        effect: "STOPS",
        path: [],
        originId: "rack1",
      },
      {
        assetId: "rack2",
        distance: 0,
        direction: "DOWNSTREAM",
        effect: "STOPS",
        path: [],
        originId: "rack2",
      },
      {
        assetId: "app1",
        distance: 1,
        direction: "DOWNSTREAM",
        effect: "STOPS",
        path: ["e1"],
        originId: "rack1",
      },
      {
        assetId: "app2",
        distance: 1,
        direction: "DOWNSTREAM",
        effect: "STOPS",
        path: ["e2"],
        originId: "rack2",
      },
      {
        assetId: "svc",
        distance: 2,
        direction: "DOWNSTREAM",
        effect: "STOPS",
        path: ["e1", "e3"],
        originId: "rack1",
      },
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

describe("impact separates what stops from what only loses its recovery copy", () => {
  const NEEDS = ["RUNS_ON", "HOSTED_IN", "STORES_DATA_ON", "CONNECTS_TO", "DEPENDS_ON", "AUTHENTICATES_VIA"];
  const BOTH_EFFECTS = ["STOPS", "LOSES_RECOVERY"] as const;

  it.each(NEEDS)("counts an asset that %s the lost one as stopping", (type) => {
    const graph = graphOf([`e1 a ${type} b`]);
    const stops = [{ assetId: "a", distance: 1, direction: "DOWNSTREAM", effect: "STOPS", path: ["e1"] }];
    expect(impact(graph, "b", { direction: "DOWNSTREAM" })).toEqual(stops);
    expect(impact(graph, "b", { direction: "DOWNSTREAM", effects: BOTH_EFFECTS })).toEqual(stops);
    expect(impact(graph, "b", { direction: "DOWNSTREAM", effects: ["LOSES_RECOVERY"] })).toEqual([]);
  });

  it.each(["REPLICATES_TO", "BACKS_UP_TO"])(
    "counts an asset that %s the lost one as losing its recovery copy, never as stopping",
    (type) => {
      const graph = graphOf([`e1 a ${type} b`]);
      expect(impact(graph, "b", { direction: "DOWNSTREAM" })).toEqual([]);
      expect(impact(graph, "b", { direction: "DOWNSTREAM", effects: BOTH_EFFECTS })).toEqual([
        { assetId: "a", distance: 1, direction: "DOWNSTREAM", effect: "LOSES_RECOVERY", path: ["e1"] },
      ]);
      // Upstream, the same edge says where a's copy lives.
      expect(impact(graph, "a", { direction: "UPSTREAM", effects: BOTH_EFFECTS })).toEqual([
        { assetId: "b", distance: 1, direction: "UPSTREAM", effect: "LOSES_RECOVERY", path: ["e1"] },
      ]);
      expect(impact(graph, "a", { direction: "UPSTREAM" })).toEqual([]);
    },
  );

  // app → vm → cluster → san (primary), san replicates to drsan and backs up to vault; an identity
  // service hosted on the cluster, and a report and a portal on top.
  const estate = () =>
    graphOf([
      "e01 app RUNS_ON vm",
      "e02 vm RUNS_ON cluster",
      "e03 cluster STORES_DATA_ON san",
      "e04 san REPLICATES_TO drsan",
      "e05 san BACKS_UP_TO vault",
      "e06 drsan CONNECTS_TO drlan",
      "e07 report DEPENDS_ON app",
      "e09 portal AUTHENTICATES_VIA idp",
      "e10 idp HOSTED_IN cluster",
    ]);

  it("says that nothing stops when a DR SAN goes, and that everything on the primary SAN loses its copy", () => {
    expect(impact(estate(), "drsan", { direction: "DOWNSTREAM" })).toEqual([]);
    const lr = (assetId: string, path: string[]) => ({
      assetId,
      distance: path.length,
      direction: "DOWNSTREAM",
      effect: "LOSES_RECOVERY",
      path,
    });
    expect(impact(estate(), "drsan", { direction: "DOWNSTREAM", effects: BOTH_EFFECTS })).toEqual([
      lr("san", ["e04"]),
      lr("cluster", ["e04", "e03"]),
      lr("vm", ["e04", "e03", "e02"]),
      lr("idp", ["e04", "e03", "e10"]),
      lr("app", ["e04", "e03", "e02", "e01"]),
      lr("portal", ["e04", "e03", "e10", "e09"]),
      lr("report", ["e04", "e03", "e02", "e01", "e07"]),
    ]);
  });

  it("says the primary SAN stops everything above it, and that nothing then only loses a copy", () => {
    const stops = impact(estate(), "san", { direction: "DOWNSTREAM" });
    expect(stops.map((e) => `${e.assetId} ${e.distance} ${e.effect}`)).toEqual([
      "cluster 1 STOPS",
      "vm 2 STOPS",
      "idp 2 STOPS",
      "app 3 STOPS",
      "portal 3 STOPS",
      "report 4 STOPS",
    ]);
    expect(impact(estate(), "san", { direction: "DOWNSTREAM", effects: BOTH_EFFECTS })).toEqual(stops);
  });

  it("lists upstream what an application needs and, apart, where its recovery copies are", () => {
    const got = impact(estate(), "app", { direction: "UPSTREAM", effects: BOTH_EFFECTS });
    expect(got.map((e) => `${e.assetId} ${e.distance} ${e.effect} ${e.path.join(",")}`)).toEqual([
      "vm 1 STOPS e01",
      "cluster 2 STOPS e01,e02",
      "san 3 STOPS e01,e02,e03",
      "drsan 4 LOSES_RECOVERY e01,e02,e03,e04",
      "vault 4 LOSES_RECOVERY e01,e02,e03,e05",
      "drlan 5 LOSES_RECOVERY e01,e02,e03,e04,e06",
    ]);
    expect(impact(estate(), "app", { direction: "UPSTREAM", effects: ["LOSES_RECOVERY"] })).toEqual(
      got.filter((e) => e.effect === "LOSES_RECOVERY"),
    );
  });

  it("lists an asset that stops once, as stopping, even when a recovery edge reaches it sooner", () => {
    const graph = graphOf([
      "e1 w BACKS_UP_TO t",
      "e2 w DEPENDS_ON m1",
      "e3 m1 DEPENDS_ON m2",
      "e4 m2 DEPENDS_ON t",
      "e5 x RUNS_ON t",
      "e6 x BACKS_UP_TO t",
    ]);
    expect(
      impact(graph, "t", { direction: "DOWNSTREAM", effects: BOTH_EFFECTS }).map(
        (e) => `${e.assetId} ${e.distance} ${e.effect} ${e.path.join(",")}`,
      ),
    ).toEqual(["m2 1 STOPS e4", "x 1 STOPS e5", "m1 2 STOPS e4,e3", "w 3 STOPS e4,e3,e2"]);
  });

  it("does not follow a copy of a copy: a backup kept on a replica target is still there", () => {
    const graph = graphOf(["e1 a BACKS_UP_TO b", "e2 b REPLICATES_TO c"]);
    expect(impact(graph, "c", { direction: "DOWNSTREAM", effects: BOTH_EFFECTS })).toEqual([
      { assetId: "b", distance: 1, direction: "DOWNSTREAM", effect: "LOSES_RECOVERY", path: ["e2"] },
    ]);
  });

  it("agrees both ways round: X loses its copy when A goes exactly when A is where X's copy depends on", () => {
    const { nodes, edges } = randomEstate(77, 120, 300);
    const graph = buildDependencyGraph(nodes, edges);
    const walk = (id: string, direction: "DOWNSTREAM" | "UPSTREAM") =>
      new Set(impact(graph, id, { direction, effects: BOTH_EFFECTS }).map((e) => `${e.assetId} ${e.effect}`));
    const down = new Map(nodes.map((n) => [n.id, walk(n.id, "DOWNSTREAM")]));
    const up = new Map(nodes.map((n) => [n.id, walk(n.id, "UPSTREAM")]));
    let pairs = 0;
    const mismatches: string[] = [];
    for (const a of nodes) {
      for (const x of nodes) {
        for (const effect of BOTH_EFFECTS) {
          const hit = down.get(a.id)!.has(`${x.id} ${effect}`);
          if (hit !== up.get(x.id)!.has(`${a.id} ${effect}`)) mismatches.push(`${a.id} ${x.id} ${effect}`);
          if (hit && effect === "LOSES_RECOVERY") pairs++;
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(pairs).toBeGreaterThan(100);
  });

  it("lists a site's own assets as stopping, and apart what only loses its copy with the site", () => {
    const graph = graphOf(
      ["e1 app STORES_DATA_ON san", "e2 san REPLICATES_TO drsan", "e3 db BACKS_UP_TO vault"],
      [asset("drsan", { kind: "STORAGE", siteId: "DR" }), asset("vault", { kind: "STORAGE", siteId: "DR" })],
    );
    expect(impactOfSite(graph, "DR").map((e) => `${e.assetId} ${e.distance} ${e.effect}`)).toEqual([
      "drsan 0 STOPS",
      "vault 0 STOPS",
    ]);
    expect(
      impactOfSite(graph, "DR", { effects: BOTH_EFFECTS }).map(
        (e) => `${e.assetId} ${e.distance} ${e.effect} ${e.originId}`,
      ),
    ).toEqual([
      "drsan 0 STOPS drsan",
      "vault 0 STOPS vault",
      "san 1 LOSES_RECOVERY drsan",
      "db 1 LOSES_RECOVERY vault",
      "app 2 LOSES_RECOVERY drsan",
    ]);
  });
});
