import { describe, expect, it } from "vitest";
import { crossEstateLinks, crossSiteHosting } from "../../server/graph/cross-estate.ts";
import { asset, graphOf } from "./helpers.ts";

describe("crossEstateLinks", () => {
  const nodes = [
    asset("dcc-app", { organisationId: "DCC", kind: "APPLICATION" }),
    asset("dcc-vm", { organisationId: "DCC" }),
    asset("scc-ad", { organisationId: "SCC" }),
    asset("scc-san", { organisationId: "SCC", kind: "STORAGE" }),
  ];

  it("lists each dependency whose ends belong to different organisations, parallel edges separately", () => {
    const graph = graphOf(
      [
        "e1 dcc-app RUNS_ON dcc-vm",
        "e2 dcc-app AUTHENTICATES_VIA scc-ad",
        "e4 dcc-vm STORES_DATA_ON scc-san",
        "e3 dcc-vm DEPENDS_ON scc-san",
        "e5 scc-ad STORES_DATA_ON scc-san",
      ],
      nodes,
    );
    expect(crossEstateLinks(graph)).toEqual([
      {
        edgeId: "e2",
        type: "AUTHENTICATES_VIA",
        sourceId: "dcc-app",
        targetId: "scc-ad",
        sourceOrganisationId: "DCC",
        targetOrganisationId: "SCC",
      },
      {
        edgeId: "e3",
        type: "DEPENDS_ON",
        sourceId: "dcc-vm",
        targetId: "scc-san",
        sourceOrganisationId: "DCC",
        targetOrganisationId: "SCC",
      },
      {
        edgeId: "e4",
        type: "STORES_DATA_ON",
        sourceId: "dcc-vm",
        targetId: "scc-san",
        sourceOrganisationId: "DCC",
        targetOrganisationId: "SCC",
      },
    ]);
  });

  it("finds nothing in an estate that stays within one organisation", () => {
    expect(crossEstateLinks(graphOf(["e1 a RUNS_ON b", "e2 b RUNS_ON a"]))).toEqual([]);
  });
});

describe("crossSiteHosting", () => {
  const sites = new Map([
    ["sunderland-dc", { organisationId: "SCC" }],
    ["durham-dc", { organisationId: "DCC" }],
  ]);

  it("reports assets sitting in another organisation's site, such as Durham racks in Sunderland's data centre", () => {
    const nodes = [
      asset("dcc-rack-2", { organisationId: "DCC", siteId: "sunderland-dc" }),
      asset("dcc-rack-1", { organisationId: "DCC", siteId: "sunderland-dc" }),
      asset("dcc-rack-3", { organisationId: "DCC", siteId: "durham-dc" }),
      asset("scc-rack", { organisationId: "SCC", siteId: "sunderland-dc" }),
      asset("cloud-app", { organisationId: "DCC", siteId: null }),
      asset("orphan", { organisationId: "DCC", siteId: "unknown-site" }),
    ];
    const expected = [
      {
        assetId: "dcc-rack-1",
        assetOrganisationId: "DCC",
        siteId: "sunderland-dc",
        siteOrganisationId: "SCC",
      },
      {
        assetId: "dcc-rack-2",
        assetOrganisationId: "DCC",
        siteId: "sunderland-dc",
        siteOrganisationId: "SCC",
      },
    ];
    expect(crossSiteHosting(nodes, sites)).toEqual(expected);
    expect(crossSiteHosting(nodes, Object.fromEntries(sites))).toEqual(expected);
  });
});
