// Editing the estate in the browser: create, edit (with a version conflict shown as "changed by X at T
// since you opened it", their values beside yours, and a reapply), retire, the API's validation next to
// the field it names, and forms a role does not allow never offered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphqlRequest } from "./server-fixture.ts";
import { openPage, shot, startHarness, userWithRoles, type Harness } from "./harness.ts";

let h: Harness;
let editor: Awaited<ReturnType<typeof userWithRoles>>;
let viewer: Awaited<ReturnType<typeof userWithRoles>>;
beforeAll(async () => {
  h = await startHarness();
  editor = await userWithRoles(h, "SCC", ["EDITOR"], "Ed Editor");
  viewer = await userWithRoles(h, "SCC", ["VIEWER"], "Vi Viewer");
}, 240_000);
afterAll(() => h?.close());

describe("site forms", { timeout: 180_000 }, () => {
  let siteId = "";

  it("creates a site, showing the API's refusal next to the field it names", async () => {
    const { page, context, problems } = await openPage(h, editor.state);
    try {
      await page.goto(`${h.server.url}/#/sites`);
      await page.click("#site-new");
      await page.waitForSelector("#site-form");
      // SCC is the only organisation an SCC editor may create in: chosen already.
      expect(await page.inputValue("#site-form-organisation")).toBe("SCC");
      await page.fill("#site-form-name", "Sunderland Data Centre (Doxford)"); // taken: the API refuses
      await page.selectOption("#site-form-kind", "COMMS_ROOM");
      await page.fill("#site-form-racks", "4");
      await page.fill("#site-form-racksUsed", "2");
      await page.fill("#site-form-annualCost", "12,500.50");
      await page.click("#site-form-submit");
      await page.waitForSelector("#site-form-name-error:not(:empty)");
      expect(await page.textContent("#site-form-name-error")).toMatch(/already/i);
      await shot(page, "web-site-form-error");
      await page.fill("#site-form-name", "Pallion Comms Room");
      await page.fill("#site-form-racksUsed", "two");
      await page.click("#site-form-submit");
      expect(await page.textContent("#site-form-racksUsed-error")).toMatch(/whole number/);
      await page.fill("#site-form-racksUsed", "2");
      await page.click("#site-form-submit");
      await page.waitForSelector("#site-assets");
      expect(await page.textContent("h1")).toBe("Pallion Comms Room");
      siteId = decodeURIComponent(page.url().split("#/sites/")[1]!);
      expect(await page.textContent("#details")).toContain("£12,500.50");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows a conflicting change by someone else beside yours, and reapplies yours on top", async () => {
    const { page, context, problems } = await openPage(h, editor.state);
    try {
      await page.goto(`${h.server.url}/#/sites/${encodeURIComponent(siteId)}`);
      await page.click("#site-edit");
      await page.waitForSelector("#site-form");
      await page.fill("#site-form-postcode", "SR4 6AA");
      // Meanwhile the administrator changes the racks.
      const { site } = await graphqlRequest<{ site: { version: number } }>(
        h.server,
        `{ site(id: "${siteId}") { version } }`,
      );
      await graphqlRequest(
        h.server,
        `mutation { updateSite(id: "${siteId}", version: ${site.version}, patch: { racks: 8 }) { id } }`,
      );
      await page.click("#site-form-submit");
      await page.waitForSelector("#site-form-conflict");
      const title = await page.textContent("#site-form-conflict .conflict-title");
      expect(title).toMatch(
        /^Changed by .*admin@converge\.local.* at \d+ \w+ \d{4}, \d\d:\d\d since you opened it\.$/,
      );
      expect(await page.textContent('#site-form-conflict tr[data-field="racks"] td.theirs')).toBe("8");
      expect(await page.textContent('#site-form-conflict tr[data-field="racks"] td.yours')).toBe("4");
      expect(await page.textContent('#site-form-conflict tr[data-field="postcode"] td.yours')).toBe(
        "SR4 6AA",
      );
      await shot(page, "web-site-conflict");
      await page.click("#site-form-reapply");
      await page.waitForSelector("#site-assets");
      const saved = await graphqlRequest<{ site: { racks: number; postcode: string } }>(
        h.server,
        `{ site(id: "${siteId}") { racks postcode } }`,
      );
      expect(saved.site).toEqual({ racks: 8, postcode: "SR4 6AA" }); // theirs kept, yours applied
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("retires the site after a confirmation", async () => {
    const { page, context, problems } = await openPage(h, editor.state);
    try {
      await page.goto(`${h.server.url}/#/sites/${encodeURIComponent(siteId)}/edit`);
      await page.click("#site-retire");
      await page.click("#site-retire-confirm");
      await page.waitForSelector("#site-assets");
      expect(await page.textContent(".header-badges")).toMatch(/Retired/);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("offers a viewer no form: no New or Edit button, and the edit page says why", async () => {
    const { page, context, problems } = await openPage(h, viewer.state);
    try {
      await page.goto(`${h.server.url}/#/sites`);
      await page.waitForSelector('#site-results[aria-busy="false"] #site-rows tr');
      expect(await page.$$("#site-new")).toHaveLength(0);
      await page.goto(`${h.server.url}/#/sites/${encodeURIComponent(siteId)}`);
      await page.waitForSelector("#site-assets");
      expect(await page.$$("#site-edit")).toHaveLength(0);
      await page.goto(`${h.server.url}/#/sites/${encodeURIComponent(siteId)}/edit`);
      await page.waitForSelector(".notice-card");
      expect(await page.$$("#site-form")).toHaveLength(0);
      expect(await page.textContent(".notice-card")).toMatch(/roles do not let you change/);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
