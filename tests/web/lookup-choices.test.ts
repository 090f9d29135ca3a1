// Search boxes offer only choices the server would accept: an asset's "is needed by…" search offers
// assets of organisations where the user may edit the inventory (a dependency belongs to its source's
// organisation), no search offers retired assets, and a licence's contract search offers only its own
// organisation's active contracts. A refusal that does come back spans the form, above its fields.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphqlRequest } from "./server-fixture.ts";
import { openPage, shot, startHarness, userWithRoles, type Harness } from "./harness.ts";

let h: Harness;
let editor: Awaited<ReturnType<typeof userWithRoles>>;
let procurement: Awaited<ReturnType<typeof userWithRoles>>;
const ids: Record<string, string> = {};

async function createAsset(organisation: string, name: string, lifecycle = "ACTIVE"): Promise<string> {
  const d = await graphqlRequest<{ createAsset: { id: string; version: number } }>(
    h.server,
    "mutation ($i: CreateAssetInput!) { createAsset(input: $i) { id version } }",
    { i: { organisation, name, kind: "SERVER", lifecycle } },
  );
  return d.createAsset.id;
}

beforeAll(async () => {
  h = await startHarness();
  editor = await userWithRoles(h, "SCC", ["EDITOR"], "Ed Editor");
  procurement = await userWithRoles(h, "SCC", ["PROCUREMENT"], "Pat Procurement");
  ids.home = await createAsset("SCC", "Zqlook Home");
  ids.scc = await createAsset("SCC", "Zqlook Sunderland box");
  ids.dcc = await createAsset("DCC", "Zqlook Durham box");
  ids.retired = await createAsset("SCC", "Zqlook Retired box", "RETIRED");
}, 240_000);
afterAll(() => h?.close());

/** The labels a lookup offers for `text`. */
async function offered(page: import("playwright-core").Page, id: string, text: string): Promise<string[]> {
  await page.fill(`#${id}`, "");
  await page.fill(`#${id}`, text);
  await page.locator(`#${id}-options button`).first().waitFor();
  await page.waitForTimeout(300); // the last search's answer
  return page.locator(`#${id}-options button`).allTextContents();
}

describe("lookups offer only allowed choices", { timeout: 180_000 }, () => {
  it("an SCC asset's 'is needed by…' offers SCC assets only, and no search offers retired ones", async () => {
    const { page, context, problems } = await openPage(h, editor.state);
    try {
      await page.goto(`${h.server.url}/#/assets/${encodeURIComponent(ids.home!)}`);
      await page.waitForSelector("#dependency-add");
      const dependsOn = await offered(page, "dependency-other", "Zqlook");
      expect(dependsOn.some((l) => l.startsWith("Zqlook Durham box (DCC"))).toBe(true);
      expect(dependsOn.some((l) => l.startsWith("Zqlook Sunderland box (SCC"))).toBe(true);
      expect(dependsOn.filter((l) => /Retired box|retired/.test(l))).toEqual([]);

      await page.selectOption("#dependency-direction", "in");
      await page.waitForTimeout(500);
      const neededBy = await page.locator("#dependency-other-options button").allTextContents();
      expect(neededBy.some((l) => l.startsWith("Zqlook Sunderland box (SCC"))).toBe(true);
      expect(neededBy.filter((l) => !l.includes("(SCC"))).toEqual([]);
      expect(neededBy.filter((l) => /Retired box|retired/.test(l))).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a licence's contract search offers its organisation's active contracts only", async () => {
    const { page, context, problems } = await openPage(h, procurement.state);
    try {
      const { contracts } = await graphqlRequest<{ contracts: { totalCount: number } }>(
        h.server,
        `{ contracts(filter: { organisation: ["DCC"], search: "ICT" }) { totalCount } }`,
      );
      expect(contracts.totalCount).toBeGreaterThan(0); // the search would find DCC's
      await page.goto(`${h.server.url}/#/licences/new`);
      await page.waitForSelector("#licence-form-contract");
      const labels = await offered(page, "licence-form-contract", "ICT");
      expect(labels.length).toBeGreaterThan(0);
      expect(labels.filter((l) => !l.endsWith("(SCC)"))).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows a refused dependency's message across the form, not squeezed into the row", async () => {
    await graphqlRequest(
      h.server,
      "mutation ($i: CreateDependencyInput!) { createDependency(input: $i) { id } }",
      { i: { source: ids.home, target: ids.scc, type: "DEPENDS_ON" } },
    );
    const { page, context } = await openPage(h, editor.state);
    try {
      await page.goto(`${h.server.url}/#/assets/${encodeURIComponent(ids.home!)}`);
      await page.waitForSelector("#dependency-add");
      await offered(page, "dependency-other", "Zqlook Sunderland");
      await page.locator("#dependency-other-options button").first().click();
      // the same dependency again: refused by the server
      await page.click("#dependency-add-submit");
      const banner = page.locator("#dependency-add-error");
      await banner.waitFor();
      const [form, box] = await Promise.all([
        page.locator("#dependency-add").boundingBox(),
        banner.boundingBox(),
      ]);
      expect(box!.width).toBeGreaterThan(form!.width * 0.95);
      await shot(page, "web-dependency-refused");
    } finally {
      await context.close();
    }
  });
});
