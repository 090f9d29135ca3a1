// Ordering licences by annual cost would reveal costs the user may not see, so the server refuses it
// then. The Licences page offers the sort only when every cost in the list is visible, and when the
// address asks for it anyway it says why the list is in another order instead of showing ▼ over it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPage, startHarness, userWithRoles, type Harness } from "./harness.ts";

let h: Harness;
let procurement: Awaited<ReturnType<typeof userWithRoles>>;
beforeAll(async () => {
  h = await startHarness();
  procurement = await userWithRoles(h, "SCC", ["PROCUREMENT"], "Pat Procurement");
}, 240_000);
afterAll(() => h?.close());

const costHeader = '#licence-results th:has(button:has-text("Annual cost")), #licence-results th:has-text("Annual cost")';

describe("licences ordered by annual cost", { timeout: 180_000 }, () => {
  it("is neither offered nor shown as applied when some costs in the list are hidden, and says why", async () => {
    const { page, context, problems } = await openPage(h, procurement.state);
    try {
      await page.goto(`${h.server.url}/#/licences?order=ANNUAL_COST_DESC`);
      await page.waitForSelector('#licence-results[aria-busy="false"] #licence-rows tr');
      expect(await page.locator('#licence-results th.sortable:has-text("Annual cost")').count()).toBe(0);
      expect(await page.locator('#licence-results th[aria-sort="descending"]').count()).toBe(0);
      expect(await page.locator(costHeader).first().textContent()).toBe("Annual cost");
      const note = (await page.textContent("#licence-order-note")) ?? "";
      expect(note).toContain("Not sorted by annual cost");
      expect(note).toContain("DCC");
      expect(note).not.toContain("SCC,");
      expect(await page.isVisible("#licence-order-note")).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("is offered and applied where every cost in the list is visible", async () => {
    const { page, context, problems } = await openPage(h, procurement.state);
    try {
      await page.goto(`${h.server.url}/#/licences?org=SCC&order=ANNUAL_COST_DESC`);
      await page.waitForSelector('#licence-results[aria-busy="false"] #licence-rows tr');
      await page.waitForSelector('#licence-results th.sortable[aria-sort="descending"]:has-text("Annual cost")');
      expect(await page.isVisible("#licence-order-note")).toBe(false);
      // Widening the list to organisations whose costs are hidden takes the sort away again, saying why.
      await page.uncheck('input[name="org"][value="SCC"]');
      await page.waitForFunction(() => !location.hash.includes("org=SCC"));
      await page.waitForSelector('#licence-results[aria-busy="false"]');
      await page.waitForSelector("#licence-order-note:not(:empty)");
      expect(await page.locator('#licence-results th.sortable:has-text("Annual cost")').count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
