// The graph explorer (#/graph) in real Chromium against a server with the seed estates: the default
// view, search, impact highlighting checked against the server's own `impact` answer, Doxford's site
// impact across both councils, neighbourhood expansion, the overlays, the "cut" notice, PNG and GraphML
// export — with no console errors anywhere. Screenshots land in test-results/ (git-ignored).
import { randomUUID } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { launchChromium, SHOTS } from "./browser.ts";
import { graphqlRequest, startTestServer, type TestServer } from "./server-fixture.ts";
import { toGraphML, xmlEscape } from "../../web/src/graph/export.ts";
import { OrgPalette, orgColour } from "../../web/src/graph/palette.ts";
import { shortLabel } from "../../web/src/graph/model.ts";

const INFRASTRUCTURE = ["NETWORK", "STORAGE", "COMPUTE_CLUSTER", "CLOUD_PLATFORM", "SERVER", "DATABASE"];

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
let signedIn: Awaited<ReturnType<BrowserContext["storageState"]>>;

interface AssetRef {
  id: string;
  name: string;
  organisation: { code: string };
}

/** Asset by exact name, through the API. */
async function assetNamed(name: string): Promise<AssetRef> {
  const d = await graphqlRequest<{ assets: { edges: { node: AssetRef }[] } }>(
    server,
    "query ($q: String!) { assets(filter: { search: $q }, first: 20) { edges { node { id name organisation { code } } } } }",
    { q: name },
  );
  const found = d.assets.edges.map((e) => e.node).find((a) => a.name === name);
  if (!found) throw new Error(`no asset named ${name}`);
  return found;
}

/** Ids the server's impact walk reaches (direction BOTH), per direction. */
async function impactOf(id: string, maxDepth: number | null = null) {
  const d = await graphqlRequest<{
    impact: { count: number; entries: { assetId: string; direction: string }[] };
  }>(
    server,
    "query ($id: ID!, $d: Int) { impact(assetId: $id, direction: BOTH, maxDepth: $d) { count entries { assetId direction } } }",
    { id, d: maxDepth },
  );
  const down = d.impact.entries.filter((e) => e.direction === "DOWNSTREAM").map((e) => e.assetId);
  const up = d.impact.entries.filter((e) => e.direction === "UPSTREAM").map((e) => e.assetId);
  return { down, up, all: [...new Set([...down, ...up])] };
}

/** Signs in through the sign-in screen (replacing one-time credentials) and keeps the session. */
async function signIn(): Promise<void> {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const p = await ctx.newPage();
    await p.goto(`${server.url}/#/graph`);
    await p.waitForSelector("#sign-in-form");
    await p.fill("#sign-in-email", server.admin.email);
    await p.fill("#sign-in-password", server.admin.password);
    await p.click("#sign-in-submit");
    await p.waitForSelector("#choose-password, #graph-page");
    if (await p.$("#choose-password")) {
      const next = `graph web tests ${randomUUID()}`;
      await p.fill("#choose-password-current", server.admin.password);
      await p.fill("#choose-password-new", next);
      await p.fill("#choose-password-confirm", next);
      await p.click("#choose-password-submit");
      server.admin.password = next;
    }
    // Lands where it was going: the graph.
    await p.waitForSelector('#graph-page[data-busy="false"]');
    signedIn = await ctx.storageState();
  } finally {
    await ctx.close();
  }
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
  await signIn();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  problems = [];
  context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    storageState: signedIn,
    acceptDownloads: true,
  });
  page = await context.newPage();
  page.on("console", (msg) => {
    // Warnings too: cytoscape warns about styles it cannot apply (the issue saw 264 adding one site).
    if (msg.type() === "error" || msg.type() === "warning") problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
});

afterEach(async () => {
  await context?.close();
  expect(problems).toEqual([]);
});

const shot = (name: string) => page.screenshot({ path: `${SHOTS}${name}.png` });

/** Waits until the explorer has nothing in flight (views, impacts, layouts). */
async function idle(): Promise<void> {
  await page.waitForFunction(() => {
    const g = window.__convergeGraph;
    return !!g && !g.explorer.isBusy() && document.getElementById("graph-page")?.dataset.busy === "false";
  });
}

async function openGraph(hash = "#/graph"): Promise<void> {
  await page.goto(`${server.url}/${hash}`);
  await page.waitForSelector("#graph-page");
  await idle();
}

/** Drawn asset ids. */
const drawnIds = () => page.evaluate(() => window.__convergeGraph!.cy.nodes(".asset").map((n) => n.id()));
/** Drawn asset ids highlighted as impacted (downstream, upstream or both). */
const highlighted = () => page.evaluate(() => window.__convergeGraph!.explorer.highlighted());
const withClass = (cls: string) =>
  page.evaluate((c) => window.__convergeGraph!.cy.elements(`.${c}`).map((e) => e.id()), cls);

/** Brings a drawn node into view and returns its position on the page. */
async function screenPoint(id: string, centre = true): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ id, centre }) => {
      const cy = window.__convergeGraph!.cy;
      const n = cy.getElementById(id);
      if (n.empty()) throw new Error(`${id} is not drawn`);
      if (centre) {
        cy.zoom(1.2);
        cy.center(n);
      }
      const p = n.renderedPosition();
      const r = cy.container()!.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    { id, centre },
  );
}

/** Clicks a drawn asset with the mouse and waits for its impact to be shown. */
async function clickAsset(id: string): Promise<void> {
  const p = await screenPoint(id);
  await page.mouse.click(p.x, p.y);
  await page.waitForSelector(`#graph-panel[data-impact-for="${id}"]`);
  await idle();
}

const sorted = (xs: Iterable<string>) => [...xs].sort();
const intersect = (xs: string[], ys: Iterable<string>) => {
  const set = new Set(ys);
  return xs.filter((x) => set.has(x));
};

describe("graph explorer (browser)", { timeout: 90_000 }, () => {
  it("opens on both councils' infrastructure, grouped by site, coloured by organisation, with a legend", async () => {
    await openGraph();
    const d = await graphqlRequest<{
      graph: { truncated: boolean; nodes: { id: string }[]; sites: { id: string }[] };
    }>(
      server,
      "query ($f: GraphFilter) { graph(filter: $f, limit: 800) { truncated nodes { id } sites { id } } }",
      { f: { kind: INFRASTRUCTURE } },
    );
    expect(d.graph.truncated).toBe(false);
    expect(sorted(await drawnIds())).toEqual(sorted(d.graph.nodes.map((n) => n.id)));
    const view = await page.evaluate(() => {
      const cy = window.__convergeGraph!.cy;
      const colours: Record<string, string[]> = {};
      for (const n of cy.nodes(".asset")) {
        const org = n.data("organisationCode") as string;
        (colours[org] ??= []).push(n.style("background-color") as string);
      }
      return {
        sites: cy.nodes(".site").map((s) => s.id()),
        childrenInSites: cy.nodes(".asset").filter((n) => n.isChild()).length,
        colours: Object.fromEntries(Object.entries(colours).map(([k, v]) => [k, [...new Set(v)]])),
        edges: cy.edges().length,
        zoom: cy.zoom(),
      };
    });
    expect(sorted(view.sites)).toEqual(sorted(d.graph.sites.map((s) => s.id)));
    expect(view.childrenInSites).toBeGreaterThan(40);
    // One colour per organisation, different for the two councils.
    expect(view.colours.DCC).toHaveLength(1);
    expect(view.colours.SCC).toHaveLength(1);
    expect(view.colours.DCC![0]).not.toBe(view.colours.SCC![0]);
    expect(view.edges).toBeGreaterThan(50);
    // Legend: every organisation, every kind, every dependency type.
    expect(
      await page.$$eval("#legend-orgs li", (lis) => lis.map((li) => li.getAttribute("data-org"))),
    ).toEqual(expect.arrayContaining(["DCC", "SCC"]));
    expect(await page.$$("#legend-kinds li")).toHaveLength(8);
    expect(await page.$$("#legend-edges li")).toHaveLength(8);
    expect(await page.textContent("#graph-status")).toContain(`${d.graph.nodes.length} assets`);
    expect(await page.$("#graph-truncated")).toBeNull();
    expect(await page.textContent("#graph-subtitle")).toContain("infrastructure");
    await shot("graph-overview");
  });

  it("finds an asset by name, centres and selects it, and loads a neighbourhood for one not drawn", async () => {
    await openGraph();
    const san = await assetNamed("SCC Primary SAN (Doxford)");
    await page.fill("#graph-search", "Primary SAN");
    await page.waitForSelector(`#graph-search-list li[data-id="${san.id}"]`);
    await page.click(`#graph-search-list li[data-id="${san.id}"]`);
    await page.waitForSelector(`#graph-panel[data-impact-for="${san.id}"]`);
    await idle();
    const centred = async (id: string) =>
      page.waitForFunction((id) => {
        const cy = window.__convergeGraph!.cy;
        const n = cy.getElementById(id);
        const p = n.renderedPosition();
        return n.selected() && Math.abs(p.x - cy.width() / 2) < 3 && Math.abs(p.y - cy.height() / 2) < 3;
      }, id);
    await centred(san.id);
    expect(await page.textContent("#graph-panel-title")).toBe(san.name);
    expect(await page.getAttribute("#graph-panel-asset-link", "href")).toBe(`#/assets/${san.id}`);

    // An application is not in the infrastructure view: it is loaded with its neighbours, then centred.
    const app = await assetNamed("Civica OpenRevenues");
    expect(await drawnIds()).not.toContain(app.id);
    await page.fill("#graph-search", "");
    await page.fill("#graph-search", "OpenRevenues");
    await page.waitForSelector(`#graph-search-list li[data-id="${app.id}"]`);
    await page.press("#graph-search", "ArrowDown");
    const active = await page.getAttribute("#graph-search", "aria-activedescendant");
    const activeId = await page.getAttribute(`#${active}`, "data-id");
    if (activeId !== app.id) await page.click(`#graph-search-list li[data-id="${app.id}"]`);
    else await page.press("#graph-search", "Enter");
    await page.waitForSelector(`#graph-panel[data-impact-for="${app.id}"]`);
    await idle();
    await centred(app.id);
    const around = await graphqlRequest<{ graph: { nodes: { id: string }[] } }>(
      server,
      "query ($id: ID!) { graph(filter: { around: [$id], hops: 1 }, limit: 400) { nodes { id } } }",
      { id: app.id },
    );
    expect(await drawnIds()).toEqual(expect.arrayContaining(around.graph.nodes.map((n) => n.id)));
    // The filtered view stays the view (its filter stays in the URL); the asset was added to it.
    expect(await drawnIds()).toEqual(expect.arrayContaining([san.id]));
    await shot("graph-search");
  });

  it("highlights the server's transitive impact of a clicked asset, both ways, and adds what is not drawn", async () => {
    await openGraph();
    // The private cloud needs clusters and storage (upstream) and runs applications (downstream). (The
    // primary SAN needs nothing: its DR copy is a recovery edge, which impact no longer counts as a need.)
    const san = await assetNamed("SCC Private Cloud");
    const impact = await impactOf(san.id);
    expect(impact.down.length).toBeGreaterThan(0);
    expect(impact.up.length).toBeGreaterThan(0);
    await clickAsset(san.id);

    const drawn = await drawnIds();
    expect(sorted(await highlighted())).toEqual(sorted(intersect(impact.all, drawn)));
    expect(sorted(await withClass("impact-down"))).toEqual(
      sorted(intersect(impact.down, drawn).filter((id) => !impact.up.includes(id))),
    );
    expect(sorted(await withClass("impact-up"))).toEqual(
      sorted(intersect(impact.up, drawn).filter((id) => !impact.down.includes(id))),
    );
    expect(await withClass("impact-origin")).toEqual([san.id]);
    // The rest fades.
    const faded = await withClass("faded");
    expect(faded.length).toBeGreaterThan(0);
    expect(faded).not.toContain(san.id);
    expect(Number(await page.textContent("#graph-downstream-count"))).toBe(impact.down.length);
    expect(Number(await page.textContent("#graph-upstream-count"))).toBe(impact.up.length);
    // Applications are not drawn in the infrastructure view: the panel says how many, and adds them.
    const outside = impact.all.filter((id) => !drawn.includes(id));
    expect(outside.length).toBeGreaterThan(0);
    expect(await page.textContent("#graph-outside-count")).toBe(String(outside.length));
    await page.click("#graph-zoom-impact");
    await page.waitForTimeout(400);
    await shot("graph-impact");
    await page.click("#graph-add-outside");
    await page.waitForSelector("#graph-all-drawn");
    await idle();
    expect(sorted(await highlighted())).toEqual(sorted(impact.all));
    await page.click("#graph-zoom-impact");
    await page.waitForTimeout(400);
    await shot("graph-impact-all");

    // Depth 1: only direct dependants and dependencies.
    const direct = await impactOf(san.id, 1);
    await page.selectOption("#graph-depth", "1");
    await page.waitForFunction(
      (n) => document.getElementById("graph-downstream-count")?.textContent === String(n),
      direct.down.length,
    );
    await idle();
    expect(sorted(await highlighted())).toEqual(sorted(direct.all));
    expect(page.url()).toContain("depth=1");

    // Clicking the background clears the highlight.
    await page.evaluate(() => {
      const cy = window.__convergeGraph!.cy;
      cy.fit(undefined, 30);
    });
    const box = (await page.$("#graph-canvas"))!;
    const bb = (await box.boundingBox())!;
    await page.mouse.click(bb.x + 3, bb.y + 3);
    await page.waitForSelector('#graph-panel[data-state="idle"]');
    expect(await highlighted()).toEqual([]);
    expect(await withClass("faded")).toEqual([]);
  });

  it("shows everything of both councils that would stop if Sunderland's Doxford data centre closed", async () => {
    await openGraph();
    const sites = await graphqlRequest<{ sites: { edges: { node: { id: string; name: string } }[] } }>(
      server,
      '{ sites(filter: { search: "Doxford" }, first: 5) { edges { node { id name } } } }',
    );
    const doxford = sites.sites.edges.map((e) => e.node).find((s) => s.name.includes("Doxford"))!;
    expect(doxford).toBeTruthy();
    const answer = await graphqlRequest<{
      siteImpact: {
        count: number;
        entries: { assetId: string; distance: number; asset: { organisation: { code: string } } }[];
      };
    }>(
      server,
      "query ($id: ID!) { siteImpact(siteId: $id) { count entries { assetId distance asset { organisation { code } } } } }",
      { id: doxford.id },
    );
    const ids = answer.siteImpact.entries.map((e) => e.assetId);
    const at = answer.siteImpact.entries.filter((e) => e.distance === 0).map((e) => e.assetId);
    const byOrg = (code: string) =>
      answer.siteImpact.entries.filter((e) => e.asset.organisation.code === code).length;
    // Durham's DR kit is hosted at Doxford: DCC assets stop too.
    expect(byOrg("DCC")).toBeGreaterThan(0);
    expect(byOrg("SCC")).toBeGreaterThan(0);

    // Click the site box's title (a compound node).
    const title = await page.evaluate((id) => {
      const cy = window.__convergeGraph!.cy;
      const box = cy.getElementById(id);
      cy.fit(box, 40);
      const bb = box.renderedBoundingBox({
        includeLabels: true,
        includeNodes: false,
        includeEdges: false,
      } as never);
      const r = cy.container()!.getBoundingClientRect();
      return { x: r.left + (bb.x1 + bb.x2) / 2, y: r.top + bb.y1 + 6 };
    }, doxford.id);
    await page.mouse.click(title.x, title.y);
    await page.waitForSelector(`#graph-panel[data-impact-for="${doxford.id}"]`);
    await idle();
    expect(await page.textContent("#graph-panel-title")).toBe(doxford.name);
    expect(await page.textContent("#graph-site-total")).toBe(String(answer.siteImpact.count));
    const orgCounts = await page.$$eval("#graph-site-orgs li", (lis) =>
      Object.fromEntries(lis.map((li) => [li.getAttribute("data-org"), li.textContent ?? ""])),
    );
    expect(orgCounts.DCC).toContain(String(byOrg("DCC")));
    expect(orgCounts.SCC).toContain(String(byOrg("SCC")));

    const drawn = await drawnIds();
    expect(sorted(await withClass("impact-origin"))).toEqual(sorted(intersect(at, drawn)));
    expect(sorted(await highlighted())).toEqual(
      sorted(
        intersect(
          ids.filter((id) => !at.includes(id)),
          drawn,
        ),
      ),
    );
    await page.click("#graph-zoom-impact");
    await page.waitForTimeout(400);
    await shot("graph-site-impact");

    // Add the rest: then every asset that would stop is drawn and highlighted, DCC's included.
    await page.click("#graph-add-outside");
    await page.waitForFunction(() => !document.getElementById("graph-outside"));
    await idle();
    const all = await drawnIds();
    expect(all).toEqual(expect.arrayContaining(ids));
    const marked = [...(await withClass("impact-origin")), ...(await highlighted())];
    expect(sorted(marked)).toEqual(sorted(ids));
    const dccMarked = await page.evaluate(
      (ids) =>
        ids.filter((id) => window.__convergeGraph!.cy.getElementById(id).data("organisationCode") === "DCC")
          .length,
      marked,
    );
    expect(dccMarked).toBe(byOrg("DCC"));
    await page.click("#graph-zoom-impact");
    await page.waitForTimeout(400);
    await shot("graph-site-impact-all");
  });

  it("opens on a site from ?site=, with its impact", async () => {
    const sites = await graphqlRequest<{ sites: { edges: { node: { id: string; name: string } }[] } }>(
      server,
      '{ sites(filter: { search: "Doxford" }, first: 5) { edges { node { id name } } } }',
    );
    const doxford = sites.sites.edges[0]!.node;
    await openGraph(`#/graph?site=${encodeURIComponent(doxford.id)}`);
    await page.waitForSelector(`#graph-panel[data-impact-for="${doxford.id}"]`);
    const d = await graphqlRequest<{ graph: { nodes: { id: string }[] } }>(
      server,
      "query ($id: ID!) { graph(filter: { site: [$id] }, limit: 800) { nodes { id } } }",
      { id: doxford.id },
    );
    expect(sorted(await drawnIds())).toEqual(sorted(d.graph.nodes.map((n) => n.id)));
    expect(await page.inputValue("#gf-site")).toBe(doxford.id);
  });

  it("expands a neighbourhood on double-click instead of loading the whole estate", async () => {
    await openGraph();
    const core = await assetNamed("DCC Active Directory");
    const before = await drawnIds();
    const around = await graphqlRequest<{ graph: { truncated: boolean; nodes: { id: string }[] } }>(
      server,
      "query ($id: ID!) { graph(filter: { around: [$id], hops: 1 }, limit: 400) { truncated nodes { id } } }",
      { id: core.id },
    );
    const p = await screenPoint(core.id);
    await page.mouse.dblclick(p.x, p.y);
    await page.waitForFunction((n) => window.__convergeGraph!.cy.nodes(".asset").length > n, before.length);
    await idle();
    const after = await drawnIds();
    expect(after).toEqual(expect.arrayContaining([...before, ...around.graph.nodes.map((n) => n.id)]));
    expect(sorted(after)).toEqual(sorted(new Set([...before, ...around.graph.nodes.map((n) => n.id)])));
    // The dependencies between new and old assets are drawn too.
    const edges = await page.evaluate(() => window.__convergeGraph!.cy.edges().length);
    const among = await graphqlRequest<{ graph: { edges: { id: string }[] } }>(
      server,
      "query ($ids: [ID!]) { graph(filter: { around: $ids, hops: 0 }, limit: 2000) { edges { id } } }",
      { ids: after },
    );
    expect(edges).toBe(among.graph.edges.length);
  });

  it("says when a view was cut at the limit, and how to narrow it", async () => {
    await openGraph("#/graph?kind=ALL&limit=25");
    await page.waitForSelector("#graph-truncated");
    expect(await page.textContent("#graph-truncated")).toContain("Narrow it by organisation");
    expect((await drawnIds()).length).toBe(25);
  });

  it("filters by organisation and kind, and reflects the filter in the URL", async () => {
    await openGraph();
    await page.check('#gf-org input[value="DCC"]');
    await page.waitForURL(/org=DCC/);
    await idle();
    const orgs = await page.evaluate(() => [
      ...new Set(window.__convergeGraph!.cy.nodes(".asset").map((n) => n.data("organisationCode") as string)),
    ]);
    expect(orgs).toEqual(["DCC"]);
    await page.selectOption("#gf-criticality", "CRITICAL");
    await page.waitForURL(/crit=CRITICAL/);
    await idle();
    const crit = await page.evaluate(() => [
      ...new Set(window.__convergeGraph!.cy.nodes(".asset").map((n) => n.data("criticality") as string)),
    ]);
    expect(crit).toEqual(["CRITICAL"]);
  });

  it("marks single points of failure and cross-estate links", async () => {
    await openGraph();
    await page.check("#graph-spof");
    await page.selectOption("#graph-spof-org", "SCC");
    await page.waitForSelector("#graph-spof-info");
    await idle();
    const spof = await graphqlRequest<{ singlePointsOfFailure: { entries: { asset: { id: string } }[] } }>(
      server,
      '{ singlePointsOfFailure(organisation: "SCC", limit: 500) { entries { asset { id } } } }',
    );
    await page.waitForFunction(() =>
      document.getElementById("graph-spof-info")?.textContent?.includes("(SCC)"),
    );
    const drawn = await drawnIds();
    expect(sorted(await withClass("spof"))).toEqual(
      sorted(
        intersect(
          spof.singlePointsOfFailure.entries.map((e) => e.asset.id),
          drawn,
        ),
      ),
    );
    expect((await withClass("spof")).length).toBeGreaterThan(0);

    await page.check("#graph-cross");
    await page.waitForSelector("#graph-cross-info");
    const cross = await graphqlRequest<{
      crossEstateLinks: { dependencies: { id: string }[]; hosting: { asset: { id: string } }[] };
    }>(server, "{ crossEstateLinks { dependencies { id } hosting { asset { id } } } }");
    const edgeIds = await page.evaluate(() => window.__convergeGraph!.cy.edges().map((e) => e.id()));
    expect(sorted(await withClass("cross-estate"))).toEqual(
      sorted(
        intersect(
          cross.crossEstateLinks.dependencies.map((d) => d.id),
          edgeIds,
        ),
      ),
    );
    expect((await withClass("cross-estate")).length).toBeGreaterThan(0);
    expect(sorted(await withClass("cross-hosted"))).toEqual(
      sorted(
        intersect(
          cross.crossEstateLinks.hosting.map((x) => x.asset.id),
          drawn,
        ),
      ),
    );
    expect(page.url()).toContain("spof=SCC");
    expect(page.url()).toContain("cross=1");
    await shot("graph-overlays");
  });

  it("separates what stops from what only loses its recovery copy, as the API does", async () => {
    const san = await assetNamed("DCC DR SAN (Doxford)");
    const answer = await graphqlRequest<{
      impact: { entries: { assetId: string; direction: string; effect: string }[] };
    }>(
      server,
      "query ($id: ID!) { impact(assetId: $id, direction: BOTH, effects: [STOPS, LOSES_RECOVERY]) { entries { assetId direction effect } } }",
      { id: san.id },
    );
    const pick = (direction: string, effect: string) =>
      answer.impact.entries
        .filter((e) => e.direction === direction && e.effect === effect)
        .map((e) => e.assetId);
    const stops = await impactOf(san.id); // the API's default: needs only
    expect(pick("DOWNSTREAM", "STOPS")).toEqual(stops.down);
    const recovery = pick("DOWNSTREAM", "LOSES_RECOVERY");
    expect(recovery.length).toBeGreaterThan(0);

    // Default: stops only, and the panel says recovery copies are not counted.
    await openGraph();
    await clickAsset(san.id);
    expect(Number(await page.textContent("#graph-downstream-count"))).toBe(stops.down.length);
    expect(await page.isVisible("#graph-recovery-off")).toBe(true);
    expect(await withClass("impact-recovery")).toEqual([]);

    // Counting recovery edges too: the stops figure is unchanged, the recovery one is listed apart.
    await page.selectOption("#graph-impact-scope", "recovery");
    await page.waitForSelector("#graph-recovery-count");
    await idle();
    expect(page.url()).toContain("impact=recovery");
    expect(Number(await page.textContent("#graph-downstream-count"))).toBe(stops.down.length);
    expect(Number(await page.textContent("#graph-recovery-count"))).toBe(recovery.length);
    expect(Number(await page.textContent("#graph-recovery-up-count"))).toBe(
      pick("UPSTREAM", "LOSES_RECOVERY").length,
    );
    // Two highlight styles: recovery-only assets get their own class, never also a "stops" one.
    const drawn = await drawnIds();
    const stopIds = new Set([...stops.down, ...stops.up]);
    expect(sorted(await withClass("impact-recovery"))).toEqual(
      sorted(
        intersect(
          [...recovery, ...pick("UPSTREAM", "LOSES_RECOVERY")].filter((id) => !stopIds.has(id)),
          drawn,
        ).filter((id, i, xs) => xs.indexOf(id) === i),
      ),
    );
    expect((await withClass("impact-recovery")).length).toBeGreaterThan(0);
    await page.click("#graph-zoom-impact");
    await page.waitForTimeout(400);
    await shot("graph-recovery");
  });

  it("fits filters, canvas and panel side by side at 1024×768, with collapsible side columns", async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await openGraph();
    const box = async (sel: string) => (await (await page.$(sel))!.boundingBox())!;
    const [sidebar, canvas, panel] = [
      await box("#graph-sidebar"),
      await box("#graph-canvas"),
      await box("#graph-panel"),
    ];
    // One row: filters left of the canvas, the panel right of it, all starting on the first screen.
    expect(sidebar.x + sidebar.width).toBeLessThanOrEqual(canvas.x);
    expect(canvas.x + canvas.width).toBeLessThanOrEqual(panel.x);
    expect(Math.abs(panel.y - canvas.y)).toBeLessThan(20);
    expect(panel.y + 150).toBeLessThan(768);
    expect(canvas.width).toBeGreaterThan(400);
    expect(panel.x + panel.width).toBeLessThanOrEqual(1024);
    // The user menu stays on the header's one line.
    const [brand, menu] = [await box(".brand"), await box("#user-menu-button")];
    expect(Math.abs(brand.y + brand.height / 2 - (menu.y + menu.height / 2))).toBeLessThan(8);
    expect((await box(".app-header")).height).toBeLessThan(70);

    // A click shows the impact in the panel, on screen, without scrolling.
    const san = await assetNamed("SCC Private Cloud");
    await clickAsset(san.id);
    const title = await box("#graph-panel-title");
    expect(title.y + title.height).toBeLessThan(768);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await shot("graph-1024");

    // Collapsing both side columns gives the canvas the width; a selection brings the panel back.
    await page.click("#graph-toggle-filters");
    await page.click("#graph-toggle-panel");
    expect(await page.isVisible("#graph-sidebar")).toBe(false);
    expect(await page.isVisible("#graph-panel")).toBe(false);
    expect((await box("#graph-canvas")).width).toBeGreaterThan(900);
    expect(page.url()).toContain("hide=filters%2Cpanel");
    await clickAsset(san.id);
    expect(await page.isVisible("#graph-panel")).toBe(true);
    expect(await page.getAttribute("#graph-toggle-panel", "aria-expanded")).toBe("true");
  });

  it("lists single points of failure by rank, per organisation, focusing each and exporting CSV", async () => {
    const d = await graphqlRequest<{
      singlePointsOfFailure: {
        entries: {
          count: number;
          asset: { id: string; name: string };
          takesDown: { organisation: { code: string } }[];
        }[];
      };
    }>(
      server,
      "{ singlePointsOfFailure(limit: 500) { entries { count asset { id name } takesDown { organisation { code } } } } }",
    );
    const entries = d.singlePointsOfFailure.entries;
    expect(entries.length).toBeGreaterThan(1);
    await openGraph("#/graph?spof=ALL");
    await page.waitForSelector("#graph-spof-list li[data-id]");
    const listed = await page.$$eval("#graph-spof-list li[data-id]", (lis) =>
      lis.map((li) => ({
        id: li.getAttribute("data-id"),
        count: li.querySelector(".graph-spof-count")?.textContent,
        text: li.textContent ?? "",
      })),
    );
    expect(listed.map((l) => l.id)).toEqual(entries.slice(0, 100).map((e) => e.asset.id));
    expect(listed.map((l) => Number(l.count))).toEqual(entries.slice(0, 100).map((e) => e.count));
    // Per organisation: the first entry names each organisation it takes applications down for.
    const firstOrgs = new Map<string, number>();
    for (const a of entries[0]!.takesDown)
      firstOrgs.set(a.organisation.code, (firstOrgs.get(a.organisation.code) ?? 0) + 1);
    for (const [code, n] of firstOrgs) expect(listed[0]!.text).toContain(`${code} ${n}`);
    // Clearly marked: a solid black ring with an outline, not a thin double border.
    const marked = await page.evaluate(() => {
      const n = window.__convergeGraph!.cy.nodes(".spof").first();
      return { style: n.style("border-style"), outline: n.style("outline-width") };
    });
    expect(marked).toEqual({ style: "solid", outline: "4px" });
    await shot("graph-spof-list");

    // An entry focuses its asset (loaded first when it is not drawn).
    const target = entries[1]!.asset;
    await page.click(`#graph-spof-list li[data-id="${target.id}"] button`);
    await page.waitForSelector(`#graph-panel[data-impact-for="${target.id}"]`);
    await idle();
    expect(
      await page.evaluate(() => window.__convergeGraph!.cy.nodes(":selected").map((n) => n.id())),
    ).toEqual([target.id]);

    // CSV through the app's export path: one row per entry, a column per organisation that sums to the total.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#graph-spof-export")]);
    expect(download.suggestedFilename()).toMatch(/^single-points-of-failure-all-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile((await download.path())!, "utf8")).replace(/^\ufeff/, "");
    const lines = csv.trimEnd().split("\r\n");
    const header = lines[0]!.split(",");
    expect(header.slice(0, 5)).toEqual(["Rank", "Asset", "Kind", "Organisation", "Applications taken down"]);
    const orgCols = header.slice(5);
    expect(orgCols.length).toBeGreaterThan(0);
    expect(lines.length - 1).toBe(entries.length);
    const first = lines[1]!.split(",");
    expect(first[1]).toBe(entries[0]!.asset.name.includes(",") ? first[1] : entries[0]!.asset.name);
    const perOrg = first.slice(-orgCols.length).map(Number);
    expect(perOrg.reduce((a, b) => a + b, 0)).toBe(entries[0]!.count);
  });

  it("exports the view as well-formed GraphML with every drawn node, and as a PNG", async () => {
    await openGraph();
    const counts = await page.evaluate(() => ({
      nodes: window.__convergeGraph!.cy.nodes(".asset").length,
      edges: window.__convergeGraph!.cy.edges().length,
    }));
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("#graph-export-graphml"),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.graphml$/);
    const xml = await readFile((await download.path())!, "utf8");
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      return {
        errors: doc.getElementsByTagName("parsererror").length,
        root: doc.documentElement.localName,
        ns: doc.documentElement.namespaceURI,
        nodes: doc.getElementsByTagName("node").length,
        edges: doc.getElementsByTagName("edge").length,
        keys: [...doc.getElementsByTagName("key")].map(
          (k) => `${k.getAttribute("for")}:${k.getAttribute("attr.name")}`,
        ),
        firstName: doc.querySelector("node > data[key=name]")?.textContent ?? null,
      };
    }, xml);
    expect(parsed.errors).toBe(0);
    expect(parsed.root).toBe("graphml");
    expect(parsed.ns).toBe("http://graphml.graphdrawing.org/xmlns");
    expect(parsed.nodes).toBe(counts.nodes);
    expect(parsed.edges).toBe(counts.edges);
    expect(parsed.keys).toEqual(
      expect.arrayContaining(["node:name", "node:kind", "node:organisation", "node:site", "edge:type"]),
    );
    expect(parsed.firstName).toBeTruthy();

    const [png] = await Promise.all([page.waitForEvent("download"), page.click("#graph-export-png")]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const bytes = await readFile((await png.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it('opens from the asset page\'s "Open in graph", centred on the asset with its neighbourhood', async () => {
    const asset = await assetNamed("SCC Data Centre core network (Doxford)");
    await page.goto(`${server.url}/#/assets/${asset.id}`);
    await page.waitForSelector("#open-in-graph");
    await page.click("#open-in-graph");
    await page.waitForSelector("#graph-page");
    expect(page.url()).toContain(`#/graph?focus=${encodeURIComponent(asset.id)}`);
    await page.waitForSelector(`#graph-panel[data-impact-for="${asset.id}"]`);
    await idle();
    await page.waitForFunction((id) => {
      const cy = window.__convergeGraph!.cy;
      const n = cy.getElementById(id);
      const p = n.renderedPosition();
      return n.selected() && Math.abs(p.x - cy.width() / 2) < 3 && Math.abs(p.y - cy.height() / 2) < 3;
    }, asset.id);
    const around = await graphqlRequest<{ graph: { nodes: { id: string }[] } }>(
      server,
      "query ($id: ID!) { graph(filter: { around: [$id], hops: 1 }, limit: 400) { nodes { id } } }",
      { id: asset.id },
    );
    expect(sorted(await drawnIds())).toEqual(sorted(around.graph.nodes.map((n) => n.id)));
    await shot("graph-focus");
  });
});

describe("graph explorer (pure parts)", () => {
  it("writes GraphML with every value XML-escaped and no dangling edges", () => {
    const xml = toGraphML(
      [
        {
          id: 'Asset:1"<x>',
          name: "A & B <core> \"switch\" 'one'",
          kind: "NETWORK",
          organisation: "SCC",
          site: "Doxford",
          lifecycle: "ACTIVE",
          criticality: "HIGH",
        },
        {
          id: "Asset:2",
          name: "bad\u0001char\uFFFE",
          kind: "SERVER",
          organisation: "DCC",
          site: null,
          lifecycle: "ACTIVE",
          criticality: "LOW",
        },
      ],
      [
        { id: "Dependency:1", source: "Asset:2", target: 'Asset:1"<x>', type: "RUNS_ON" },
        { id: "Dependency:2", source: "Asset:2", target: "Asset:404", type: "RUNS_ON" },
      ],
    );
    expect(xml).toContain('<node id="Asset:1&quot;&lt;x&gt;">');
    expect(xml).toContain(
      '<data key="name">A &amp; B &lt;core&gt; &quot;switch&quot; &apos;one&apos;</data>',
    );
    expect(xml).toContain('<data key="name">badchar</data>');
    expect(xml).not.toContain('key="site">null');
    expect(xml.match(/<edge /g)).toHaveLength(1);
    expect(xml).toContain('<key id="type" for="edge" attr.name="type" attr.type="string"/>');
    expect(xmlEscape("a\u0000b\tc")).toBe("ab\tc");
  });

  it("gives any number of organisations distinct colours", () => {
    const codes = Array.from({ length: 40 }, (_, i) => `ORG${String(i).padStart(2, "0")}`);
    const palette = new OrgPalette(codes);
    const colours = codes.map((c) => palette.colour(c));
    expect(new Set(colours).size).toBe(40);
    for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    expect(palette.colour("ORG00")).toBe(orgColour(0));
    // An unknown code still gets a stable colour.
    expect(palette.colour("NEW")).toBe(palette.colour("NEW"));
  });

  it("shortens labels only when the site box already says where", () => {
    expect(shortLabel("SCC Primary SAN (Doxford)", "Sunderland Data Centre (Doxford)")).toBe(
      "SCC Primary SAN",
    );
    expect(shortLabel("DCC VMware cluster DR (Doxford)", "Sunderland Data Centre (Doxford)")).toBe(
      "DCC VMware cluster DR",
    );
    expect(shortLabel("SCC SQL Server (Oracle)", "Sunderland Data Centre (Doxford)")).toBe(
      "SCC SQL Server (Oracle)",
    );
    expect(shortLabel("Payroll", null)).toBe("Payroll");
  });
});
