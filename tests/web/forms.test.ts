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
      await page.fill("#site-form-racksUsed", "6"); // more than the racks: refused too, in the same answer
      await page.fill("#site-form-pue", "0.8"); // below 1.0: refused too
      await page.fill("#site-form-annualCost", "12,500.50");
      await page.click("#site-form-submit");
      await page.waitForSelector("#site-form-name-error:not(:empty)");
      // Every wrong field at once, each next to its own field.
      expect(await page.textContent("#site-form-name-error")).toMatch(/already/i);
      expect(await page.textContent("#site-form-racksUsed-error")).toMatch(/cannot exceed racks/);
      expect(await page.textContent("#site-form-pue-error")).toMatch(/at least 1\.0/);
      expect(await page.getAttribute("#site-form-racksUsed", "aria-invalid")).toBe("true");
      await page.fill("#site-form-pue", "");
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
      expect(await page.textContent('#site-form-conflict tr[data-field="racks"] td.yours')).toBe(
        "4 (you did not change it)",
      );
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

/** Chooses, in lookup `id`, the first suggestion for `text`; returns its label. */
async function choose(page: import("playwright-core").Page, id: string, text: string): Promise<string> {
  await page.fill(`#${id}`, text);
  const option = page.locator(`#${id}-options button`).first();
  await option.waitFor();
  const label = (await option.textContent())!;
  await option.click();
  return label;
}

/** Changes `field` of a record through GraphQL as the administrator (someone else, for conflicts). */
async function changeBehindTheForm(kind: "asset" | "licence" | "contract", id: string, patch: string) {
  const Kind = kind[0]!.toUpperCase() + kind.slice(1);
  const read = await graphqlRequest<Record<string, { version: number }>>(
    h.server,
    `{ ${kind}(id: "${id}") { version } }`,
  );
  await graphqlRequest(
    h.server,
    `mutation { update${Kind}(id: "${id}", version: ${read[kind]!.version}, patch: ${patch}) { id } }`,
  );
}

describe("asset forms and dependencies", { timeout: 180_000 }, () => {
  let assetId = "";

  it("creates an asset at a site, linked to a catalogue product, both chosen by search", async () => {
    const { page, context, problems } = await openPage(h, editor.state);
    try {
      await page.goto(`${h.server.url}/#/assets`);
      await page.click("#asset-new");
      await page.waitForSelector("#asset-form");
      await page.fill("#asset-form-name", "Pallion Print Server");
      await page.selectOption("#asset-form-kind", "SERVER");
      const site = await choose(page, "asset-form-site", "Doxford");
      const product = await choose(page, "asset-form-product", "Windows");
      await page.fill("#asset-form-vcpu", "4");
      await page.click("#asset-form-submit");
      await page.waitForSelector("#details");
      assetId = decodeURIComponent(page.url().split("#/assets/")[1]!);
      const details = (await page.textContent("#details"))!;
      expect(details).toContain(site.replace(/ \(SCC\)$/, ""));
      expect(details).toContain(product.split(" — ")[1]!.split(" ")[0]!);
      await shot(page, "web-asset-created", true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("adds a dependency on another asset chosen by search, then removes it", async () => {
    const { page, context, problems } = await openPage(h, editor.state);
    try {
      await page.goto(`${h.server.url}/#/assets/${encodeURIComponent(assetId)}`);
      await page.waitForSelector("#dependency-add");
      await page.selectOption("#dependency-type", "RUNS_ON");
      await page.click("#dependency-add-submit");
      expect(await page.textContent("#dependency-other-error")).toMatch(/Choose the other asset/);
      const other = await choose(page, "dependency-other", "SCC Corporate LAN");
      await page.click("#dependency-add-submit");
      await page.waitForSelector("#depends-on tbody tr");
      expect(await page.textContent("#depends-on tbody")).toContain(other.split(" (")[0]!);
      await shot(page, "web-dependency-added");
      await page.click('#depends-on [data-action="remove-dependency"]');
      await page.waitForSelector("#depends-on .empty");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("edits an asset through a conflict and retires it", async () => {
    const { page, context, problems } = await openPage(h, editor.state);
    try {
      await page.goto(`${h.server.url}/#/assets/${encodeURIComponent(assetId)}/edit`);
      await page.waitForSelector("#asset-form");
      await page.fill("#asset-form-subtype", "Print");
      await changeBehindTheForm("asset", assetId, "{ vcpu: 8 }");
      await page.click("#asset-form-submit");
      await page.waitForSelector("#asset-form-conflict");
      expect(await page.textContent('#asset-form-conflict tr[data-field="vcpu"] td.theirs')).toBe("8");
      await page.click("#asset-form-reapply");
      await page.waitForSelector("#details");
      expect(await page.textContent("#details")).toContain("Print");
      await page.click("#asset-edit");
      await page.click("#asset-retire");
      await page.click("#asset-retire-confirm");
      await page.waitForSelector("#details");
      expect(await page.textContent(".header-badges")).toMatch(/Retired/);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("offers a viewer neither asset forms nor dependency editing", async () => {
    const { page, context, problems } = await openPage(h, viewer.state);
    try {
      await page.goto(`${h.server.url}/#/assets`);
      await page.waitForSelector('#asset-results[aria-busy="false"] #asset-rows tr');
      expect(await page.$$("#asset-new")).toHaveLength(0);
      await page.click("#asset-rows tr:first-child a.asset-link");
      await page.waitForSelector("#details");
      expect(await page.$$("#asset-edit, #dependency-add, [data-action='remove-dependency']")).toHaveLength(
        0,
      );
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("licence and contract forms", { timeout: 180_000 }, () => {
  let procurement: Awaited<ReturnType<typeof userWithRoles>>;
  let contractId = "";
  let licenceId = "";
  beforeAll(async () => {
    procurement = await userWithRoles(h, "SCC", ["PROCUREMENT"], "Pat Procurement");
  });

  it("creates a contract, then a licence under it, and edits the licence through a conflict", async () => {
    const { page, context, problems } = await openPage(h, procurement.state);
    try {
      await page.goto(`${h.server.url}/#/licences`);
      await page.click("#contract-new");
      await page.waitForSelector("#contract-form");
      await page.fill("#contract-form-reference", "SCC-TEST-001");
      await page.fill("#contract-form-title", "Print management service");
      await page.fill("#contract-form-endDate", "2028-03-31");
      await page.fill("#contract-form-annualValue", "not money");
      await page.click("#contract-form-submit");
      expect(await page.textContent("#contract-form-annualValue-error")).toMatch(/amount in pounds/);
      await page.fill("#contract-form-annualValue", "24000");
      await page.click("#contract-form-submit");
      await page.waitForSelector("#contract-licences"); // the new contract's own page
      await page.goto(`${h.server.url}/#/licences`);
      const found = await graphqlRequest<{ contracts: { edges: { node: { id: string } }[] } }>(
        h.server,
        `{ contracts(filter: { search: "SCC-TEST-001" }) { edges { node { id } } } }`,
      );
      contractId = found.contracts.edges[0]!.node.id;

      await page.click("#licence-new");
      await page.waitForSelector("#licence-form");
      await choose(page, "licence-form-product", "Windows");
      await choose(page, "licence-form-contract", "SCC-TEST-001");
      await page.fill("#licence-form-quantityOwned", "10");
      await page.fill("#licence-form-quantityUsed", "12");
      await page.fill("#licence-form-unitCost", "35");
      await page.click("#licence-form-submit");
      await page.waitForSelector("#licence-assets"); // the new licence's own page
      const licences = await graphqlRequest<{ contract: { licences: { id: string; annualCost: string }[] } }>(
        h.server,
        `{ contract(id: "${contractId}") { licences { id annualCost } } }`,
      );
      licenceId = licences.contract.licences[0]!.id;
      expect(licences.contract.licences[0]!.annualCost).toBe("350.00");

      await page.goto(`${h.server.url}/#/licences/${encodeURIComponent(licenceId)}/edit`);
      await page.waitForSelector("#licence-form");
      await page.fill("#licence-form-quantityUsed", "9");
      await changeBehindTheForm("licence", licenceId, "{ quantityOwned: 15 }");
      await page.click("#licence-form-submit");
      await page.waitForSelector("#licence-form-conflict");
      expect(await page.textContent('#licence-form-conflict tr[data-field="quantityOwned"] td.theirs')).toBe(
        "15",
      );
      expect(await page.textContent('#licence-form-conflict tr[data-field="quantityUsed"] td.yours')).toBe(
        "9",
      );
      await shot(page, "web-licence-conflict");
      await page.click("#licence-form-reapply");
      await page.waitForSelector("#licence-assets");
      const after = await graphqlRequest<{ licence: { quantityOwned: number; quantityUsed: number } }>(
        h.server,
        `{ licence(id: "${licenceId}") { quantityOwned quantityUsed } }`,
      );
      expect(after.licence).toEqual({ quantityOwned: 15, quantityUsed: 9 });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("edits a contract through a conflict, and retires the licence and the contract", async () => {
    const { page, context, problems } = await openPage(h, procurement.state);
    try {
      await page.goto(`${h.server.url}/#/contracts/${encodeURIComponent(contractId)}/edit`);
      await page.waitForSelector("#contract-form");
      await page.fill("#contract-form-supplierName", "Acme Print Ltd");
      await changeBehindTheForm("contract", contractId, '{ title: "Managed print service" }');
      await page.click("#contract-form-submit");
      await page.waitForSelector("#contract-form-conflict");
      expect(await page.textContent('#contract-form-conflict tr[data-field="title"] td.theirs')).toBe(
        "Managed print service",
      );
      await page.click("#contract-form-reapply");
      await page.waitForSelector("#contract-licences");

      await page.goto(`${h.server.url}/#/licences/${encodeURIComponent(licenceId)}/edit`);
      await page.click("#licence-retire");
      await page.click("#licence-retire-confirm");
      await page.waitForSelector("#licence-assets");
      await page.goto(`${h.server.url}/#/contracts/${encodeURIComponent(contractId)}/edit`);
      await page.click("#contract-retire");
      await page.click("#contract-retire-confirm");
      await page.waitForSelector("#contract-licences");
      expect(await page.textContent(".header-badges")).toMatch(/Retired/);
      const final = await graphqlRequest<{
        contract: { status: string; supplierName: string; title: string };
      }>(h.server, `{ contract(id: "${contractId}") { status supplierName title } }`);
      expect(final.contract).toEqual({
        status: "RETIRED",
        supplierName: "Acme Print Ltd",
        title: "Managed print service",
      });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("offers an editor (inventory only) and a viewer no licence or contract forms", async () => {
    for (const who of [editor, viewer]) {
      const { page, context, problems } = await openPage(h, who.state);
      try {
        await page.goto(`${h.server.url}/#/licences`);
        await page.waitForSelector('#licence-results[aria-busy="false"] #licence-rows tr');
        expect(await page.$$("#licence-new, #contract-new, .licence-edit")).toHaveLength(0);
        // Contract references still open the contract's page (to read), never its editor.
        const links = await page.$$eval("#licence-rows a.contract-link", (as) => as.map((a) => a.getAttribute("href")));
        expect(links.length).toBeGreaterThan(0);
        expect(links.every((l) => /^#\/contracts\/[^/]+$/.test(l!))).toBe(true);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});
