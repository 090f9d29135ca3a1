// The browser app in real Chromium against a running server with the seed data.
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { graphqlRequest, startTestServer, type TestServer } from "./server-fixture.ts";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];
const PAGE_SIZE = 50;

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Console errors and uncaught exceptions seen by the current page. */
let problems: string[];
/** Dialogs (alert/confirm/prompt) the current page opened: there must never be any. */
let dialogs: string[];

beforeAll(async () => {
  server = await startTestServer();
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  problems = [];
  dialogs = [];
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
});

afterEach(async () => {
  await context?.close();
});

const open = (hash: string) => page.goto(`${server.url}/${hash}`);

/** The rows the assets table shows, as asset ids (from their links). */
async function assetRowIds(): Promise<string[]> {
  return page.$$eval("#asset-rows tr a.asset-link", (links) =>
    links.map((a) => decodeURIComponent((a.getAttribute("href") ?? "").replace(/^#\/assets\//, ""))),
  );
}

describe("web app", { timeout: 60_000 }, () => {
  it("shows a summary column for every organisation, including SCC and DCC", async () => {
    const { organisations } = await graphqlRequest<{ organisations: { code: string }[] }>(
      server,
      "{ organisations { code } }",
    );
    await open("#/");
    await page.waitForSelector("#summary-table");
    const columns = await page.$$eval("#summary-table thead th[data-org]", (ths) =>
      ths.map((th) => th.getAttribute("data-org")),
    );
    expect(columns).toEqual(organisations.map((o) => o.code));
    expect(columns).toContain("SCC");
    expect(columns).toContain("DCC");
    const assetRow = await page.$$eval(
      "#summary-table tbody tr",
      (rows) =>
        rows.find((r) => r.querySelector("th")?.textContent === "Assets")?.querySelectorAll("td[data-org]")
          .length,
    );
    expect(assetRow).toBe(organisations.length);
  });

  it("filters assets by organisation and kind", async () => {
    const { organisation } = await graphqlRequest<{
      organisation: { summary: { assetsByKind: { kind: string; count: number }[] } };
    }>(server, `{ organisation(code: "SCC") { summary { assetsByKind { kind count } } } }`);
    const kind = [...organisation.summary.assetsByKind].sort((a, b) => b.count - a.count)[0]!.kind;
    await open("#/assets");
    await page.waitForSelector("#asset-rows tr");
    await page.check('input[name="org"][value="SCC"]');
    await page.selectOption("#f-kind", kind);
    await page.waitForFunction(() => location.hash.includes("org=SCC") && location.hash.includes("kind="));
    await page.waitForSelector('#asset-results[aria-busy="false"] #asset-rows tr');
    const orgs = await page.$$eval("#asset-rows tr td:nth-child(2)", (tds) =>
      tds.map((td) => td.textContent),
    );
    expect(new Set(orgs)).toEqual(new Set(["SCC"]));
    const { assets } = await graphqlRequest<{ assets: { totalCount: number } }>(
      server,
      `query($kind: [AssetKind!]) { assets(filter: { organisation: ["SCC"], kind: $kind }) { totalCount } }`,
      { kind: [kind] },
    );
    await expect
      .poll(() => page.textContent("#asset-count"))
      .toContain(`of ${assets.totalCount.toLocaleString("en-GB")} assets`);
    expect((await assetRowIds()).length).toBe(Math.min(PAGE_SIZE, assets.totalCount));
  });

  it("appends the next page with Load more, without duplicates", async () => {
    const count = async (filter: Record<string, unknown>) =>
      (
        await graphqlRequest<{ assets: { totalCount: number } }>(
          server,
          `query($f: AssetFilter) { assets(filter: $f) { totalCount } }`,
          { f: filter },
        )
      ).assets.totalCount;
    const sccTotal = await count({ organisation: ["SCC"] });
    const [hash, total] =
      sccTotal > PAGE_SIZE ? ["#/assets?org=SCC", sccTotal] : ["#/assets", await count({})];
    expect(total, "the seed estate needs more than one page of assets").toBeGreaterThan(PAGE_SIZE);
    await open(hash);
    await page.waitForSelector("#asset-rows tr");
    const first = await assetRowIds();
    expect(first.length).toBe(PAGE_SIZE);
    await page.click("#asset-more");
    await page.waitForFunction((n) => document.querySelectorAll("#asset-rows tr").length > n, PAGE_SIZE);
    await page.waitForSelector('#asset-results[aria-busy="false"]');
    const both = await assetRowIds();
    expect(both.length).toBe(Math.min(2 * PAGE_SIZE, total));
    expect(new Set(both).size).toBe(both.length);
    expect(both.slice(0, PAGE_SIZE)).toEqual(first);
    expect(await page.textContent("#asset-count")).toContain(
      `Showing ${both.length} of ${total.toLocaleString("en-GB")}`,
    );
  });

  it("opens an asset from the list and shows its dependencies both ways, each linking to the other asset", async () => {
    const { assets } = await graphqlRequest<{
      assets: {
        edges: {
          node: {
            id: string;
            name: string;
            dependsOn: { target: { id: string } }[];
            dependencyOf: { source: { id: string } }[];
          };
        }[];
      };
    }>(
      server,
      `{ assets(first: 500) { edges { node { id name dependsOn { target { id } } dependencyOf { source { id } } } } } }`,
    );
    const asset = assets.edges.map((e) => e.node).find((a) => a.dependsOn.length && a.dependencyOf.length);
    expect(asset, "the seed estate needs an asset with dependencies both ways").toBeDefined();
    await open(`#/assets?q=${encodeURIComponent(asset!.name)}`);
    await page.waitForSelector("#asset-rows tr");
    await page.click(`#asset-rows a[href="#/assets/${asset!.id}"]`);
    await page.waitForSelector("#depends-on");
    expect(await page.textContent("h1")).toBe(asset!.name);

    const targets = await page.$$eval("#depends-on tbody a", (as) => as.map((a) => a.getAttribute("href")));
    const sources = await page.$$eval("#needed-by tbody a", (as) => as.map((a) => a.getAttribute("href")));
    expect(targets.sort()).toEqual(asset!.dependsOn.map((d) => `#/assets/${d.target.id}`).sort());
    expect(sources.sort()).toEqual(asset!.dependencyOf.map((d) => `#/assets/${d.source.id}`).sort());

    await page.click("#needed-by tbody a");
    await page.waitForFunction(
      (id) => location.hash !== `#/assets/${id}` && !!document.querySelector("#depends-on"),
      asset!.id,
    );
    const back = await page.$$eval("#depends-on tbody a", (as) => as.map((a) => a.getAttribute("href")));
    expect(back).toContain(`#/assets/${asset!.id}`);
  });

  it("renders an asset name containing markup as text: no image element, no dialog", async () => {
    const marker = `probe ${Date.now()}`;
    const name = `<img src=x onerror=alert(1)> ${marker}`;
    const { createAsset } = await graphqlRequest<{ createAsset: { id: string } }>(
      server,
      `mutation($input: CreateAssetInput!) { createAsset(input: $input) { id } }`,
      { input: { organisation: "SCC", name, kind: "APPLICATION", description: "<script>alert(2)</script>" } },
    );
    await open(`#/assets?q=${encodeURIComponent(marker)}`);
    await page.waitForSelector(`#asset-rows a[href="#/assets/${createAsset.id}"]`);
    expect(await page.textContent(`#asset-rows a[href="#/assets/${createAsset.id}"]`)).toBe(name);
    expect(await page.$$("main img")).toHaveLength(0);

    await page.click(`#asset-rows a[href="#/assets/${createAsset.id}"]`);
    await page.waitForSelector("#details");
    expect(await page.textContent("h1")).toBe(name);
    expect(await page.textContent("#details")).toContain("<script>alert(2)</script>");
    expect(await page.$$("img, main script")).toHaveLength(0);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("logs no console errors on any page", async () => {
    const { assets } = await graphqlRequest<{ assets: { edges: { node: { id: string } }[] } }>(
      server,
      `{ assets(first: 1) { edges { node { id } } } }`,
    );
    const visits: [string, string][] = [
      ["#/", "#summary-table"],
      ["#/assets", '#asset-results[aria-busy="false"]'],
      [`#/assets/${assets.edges[0]!.node.id}`, "#depends-on"],
      ["#/sites", '#site-results[aria-busy="false"]'],
      ["#/licences", '#licence-results[aria-busy="false"]'],
    ];
    for (const [hash, ready] of visits) {
      await open(hash);
      await page.waitForSelector(ready);
      expect(await page.$$(".error-banner"), `error banner on ${hash}`).toHaveLength(0);
    }
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
