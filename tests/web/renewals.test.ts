// The renewals section of the procurement page sorts and exports: as a table its headers sort it (the
// renewals come whole from the server, so the browser sorts them the way the server sorts its lists:
// text ignoring case, empty values last, ties by id), the timeline follows the same order, the order and
// view stay in the address, and "Export CSV" writes every contract the filters select, in that order,
// with declared columns.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportedCsv, openPage, shot, startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

describe("renewals", { timeout: 180_000 }, () => {
  it("sorts by a table header, keeps the order in the address and exports it", async () => {
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      await page.goto(`${h.server.url}/#/procurement?rview=table`);
      await page.waitForSelector("#renewals-rows tr");
      const total = await page.$$eval("#renewals-rows tr", (trs) => trs.length);
      expect(total).toBeGreaterThan(40); // the table shows them all, not the timeline's first 40
      await page.click('#renewals-results th.sortable button:has-text("Title")');
      await page.waitForSelector('#renewals-results th[aria-sort="ascending"] button:has-text("Title")');
      expect(page.url()).toContain("rorder=TITLE_ASC");
      await page.click('#renewals-results th.sortable button:has-text("Title")');
      await page.waitForSelector('#renewals-results th[aria-sort="descending"] button:has-text("Title")');
      const shown = await page.$$eval("#renewals-rows tr", (trs) =>
        trs.map((tr) => ({
          id: decodeURIComponent(
            tr
              .querySelector("a.contract-link")!
              .getAttribute("href")!
              .replace(/^#\/contracts\//, ""),
          ),
          title: tr.children[2]!.textContent ?? "",
        })),
      );
      expect(shown.length).toBe(total);
      // Descending by title, ignoring case, character by character (as the server's name keys).
      const keys = shown.map((s) => s.title.toLowerCase());
      expect(keys).toEqual([...keys].sort().reverse());
      await shot(page, "web-renewals-table-sorted");

      const csv = await exportedCsv(page, "#renewals-export");
      expect(csv.name).toMatch(/^renewals-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(csv.header).toEqual([
        "Org",
        "Reference",
        "Title",
        "Supplier",
        "Deadline",
        "Notice by",
        "Notice deadline in window",
        "Ends",
        "Ends in window",
        "Overlaps",
        "Overlap IDs",
      ]);
      expect(csv.rows.map((r) => r.Title)).toEqual(shown.map((s) => s.title));
      expect(csv.rows.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.Deadline!))).toBe(true);
      expect(csv.rows.every((r) => /^\d+$/.test(r.Overlaps!))).toBe(true);

      // The timeline follows the same order, from the address.
      await page.selectOption("#f-renewals-view", "timeline");
      await page.waitForSelector("#renewals-timeline g[data-contract]");
      expect(page.url()).toContain("rorder=TITLE_DESC");
      expect(await page.textContent("#renewals-count")).toMatch(/by title, Z to A/);
      expect(await page.inputValue("#f-renewals-order")).toBe("TITLE_DESC");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
