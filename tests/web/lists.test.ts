// Every list in the browser: column headers sort on the server (the order holds across "Load more"
// pages), "Export CSV" writes every row the filter selects and opens in a spreadsheet library
// (exceljs), tables take the page's height (no box scrolling inside the page), and site names open the
// site's own page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphqlRequest } from "./server-fixture.ts";
import { exportedRows, openPage, shot, startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

describe("lists", { timeout: 180_000 }, () => {
  it("sorts assets by a column header on the server, across pages, and exports the filtered set in that order", async () => {
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      await page.goto(`${h.server.url}/#/assets?org=SCC`);
      await page.waitForSelector('#asset-results[aria-busy="false"] #asset-rows tr');
      await page.click('th.sortable button:has-text("Annual run cost")');
      await page.waitForFunction(() => location.hash.includes("order=ANNUAL_RUN_COST_DESC"));
      await page.waitForSelector('#asset-results[aria-busy="false"] th[aria-sort="descending"]');
      await page.click("#asset-more");
      await page.waitForFunction(() => document.querySelectorAll("#asset-rows tr").length > 50);
      const shown = await page.$$eval("#asset-rows tr a.asset-link", (as) =>
        as.map((a) => decodeURIComponent(a.getAttribute("href")!.replace(/^#\/assets\//, ""))),
      );
      const expected = await graphqlRequest<{ assets: { edges: { node: { id: string } }[] } }>(
        h.server,
        `{ assets(filter: { organisation: ["SCC"] }, orderBy: ANNUAL_RUN_COST_DESC, first: ${shown.length}) { edges { node { id } } } }`,
      );
      expect(shown).toEqual(expected.assets.edges.map((e) => e.node.id));
      await shot(page, "web-assets-sorted");

      const { total } = await graphqlRequest<{ assets: { totalCount: number } }>(
        h.server,
        `{ assets(filter: { organisation: ["SCC"] }) { totalCount } }`,
      ).then((d) => ({ total: d.assets.totalCount }));
      const { name, rows } = await exportedRows(page, "#asset-export");
      expect(name).toMatch(/^assets-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(rows[0]).toEqual([
        "Name",
        "Org",
        "Kind",
        "Subtype",
        "Site",
        "Lifecycle",
        "Criticality",
        "Annual run cost (£)",
        "Updated",
      ]);
      expect(rows.length - 1).toBe(total); // every filtered row, not just the pages loaded
      const costs = rows.slice(1).map((r) => Number(r[7]));
      expect(costs).toEqual([...costs].sort((a, b) => b - a));
      expect(rows.slice(1).every((r) => r[1] === "SCC")).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("sorts asset names ignoring case, the same across every page ('iTrent' among the I's)", async () => {
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      await page.goto(`${h.server.url}/#/assets?org=SCC`);
      await page.waitForSelector(
        '#asset-results[aria-busy="false"] th[aria-sort="ascending"] button:has-text("Name")',
      );
      while (await page.$("#asset-more")) {
        const before = await page.$$eval("#asset-rows tr", (trs) => trs.length);
        await page.click("#asset-more");
        await page.waitForFunction((n) => document.querySelectorAll("#asset-rows tr").length > n, before);
      }
      const names = await page.$$eval("#asset-rows tr a.asset-link", (as) =>
        as.map((a) => a.textContent ?? ""),
      );
      expect(names.some((n) => /^[a-z]/.test(n))).toBe(true); // the demo estate has lower-case names
      const keys = names.map((n) => n.toLowerCase());
      expect(keys).toEqual([...keys].sort()); // byte order of lower(name): "iTrent" after "Idox", before "J…"
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("sorts sites and licences by their headers, and exports both", async () => {
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      await page.goto(`${h.server.url}/#/sites`);
      await page.waitForSelector('#site-results[aria-busy="false"] #site-rows tr');
      await page.click('th.sortable button:has-text("Name")');
      await page.waitForSelector('#site-results[aria-busy="false"] th[aria-sort="descending"]');
      const names = await page.$$eval("#site-rows tr a.site-link", (as) =>
        as.map((a) => a.textContent ?? ""),
      );
      const byServer = await graphqlRequest<{ sites: { edges: { node: { name: string } }[] } }>(
        h.server,
        "{ sites(orderBy: NAME_DESC, first: 500) { edges { node { name } } } }",
      );
      expect(names).toEqual(byServer.sites.edges.map((e) => e.node.name)); // the database's collation
      const sites = await exportedRows(page, "#site-export");
      expect(sites.rows.slice(1).map((r) => r[0])).toEqual(names);

      await page.goto(`${h.server.url}/#/licences`);
      await page.waitForSelector('#licence-results[aria-busy="false"] #licence-rows tr');
      await page.click('th.sortable button:has-text("Owned")');
      await page.waitForSelector('#licence-results[aria-busy="false"] th[aria-sort="descending"]');
      await page.click('th.sortable button:has-text("Owned")');
      await page.waitForSelector('#licence-results[aria-busy="false"] th[aria-sort="ascending"]');
      const licences = await exportedRows(page, "#licence-export");
      const owned = licences.rows.slice(1).map((r) => Number(r[licences.rows[0]!.indexOf("Owned")]));
      expect(owned.length).toBeGreaterThan(50);
      expect(owned).toEqual([...owned].sort((a, b) => a - b));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows every shelfware row in the page's height, with no scrolling box inside the page", async () => {
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      await page.goto(`${h.server.url}/#/procurement`);
      await page.waitForSelector("#shelfware-table tbody tr");
      const box = await page.$eval("#shelfware-table", (t) => {
        const wrap = t.closest(".table-wrap") as HTMLElement;
        return { rows: t.querySelectorAll("tbody tr").length, inner: wrap.scrollHeight - wrap.clientHeight };
      });
      expect(box.rows).toBeGreaterThan(7);
      expect(box.inner).toBeLessThanOrEqual(1);
      const shelf = await exportedRows(page, "#shelfware-export");
      // one export row per licence metric out of balance: at least one per table row
      expect(new Set(shelf.rows.slice(1).map((r) => `${r[0]}|${r[1]}|${r[2]}`)).size).toBe(box.rows);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("opens a site's own page from its name, with the assets located there", async () => {
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      await page.goto(`${h.server.url}/#/sites?org=SCC`);
      await page.waitForSelector('#site-results[aria-busy="false"] #site-rows tr');
      const name = (await page.textContent("#site-rows tr:first-child a.site-link"))!;
      await page.click("#site-rows tr:first-child a.site-link");
      await page.waitForSelector("#site-assets #site-asset-rows tr, #site-assets .empty");
      expect(await page.textContent("h1")).toBe(name);
      expect(page.url()).toMatch(/#\/sites\/Site%3A|#\/sites\/Site:/);
      await shot(page, "web-site-page", true);
      // The asset list's site links come back to this page.
      const assetSite = await page.$$eval("#site-asset-rows a.site-link", (as) =>
        as.map((a) => a.textContent),
      );
      expect(assetSite.every((n) => n === name)).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
