// Contracts and licences have pages of their own: a Contracts list sorted on the server by its headers
// (across "Load more" pages), filtered and exported; a contract's and a licence's page with their
// fields, linked records and history, editing offered only to roles that allow it, and confidential
// values hidden as the API hides them; every place that names a contract or licence links there. The
// audit trail, Users and Shelfware tables sort on the server by their headers and export. A version
// conflict says when on the councils' clock (Europe/London), whatever the browser's zone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphqlRequest } from "./server-fixture.ts";
import { exportedRows, openPage, shot, startHarness, userWithRoles, type Harness } from "./harness.ts";

let h: Harness;
let procurement: Awaited<ReturnType<typeof userWithRoles>>;
let viewer: Awaited<ReturnType<typeof userWithRoles>>;
beforeAll(async () => {
  h = await startHarness();
  procurement = await userWithRoles(h, "SCC", ["PROCUREMENT"], "Pat Procurement");
  viewer = await userWithRoles(h, "SCC", ["VIEWER"], "Vic Viewer");
}, 240_000);
afterAll(() => h?.close());

/** The global ids a list's links point at (`#/contracts/<id>` → id), in page order. */
const linkedIds = (page: import("playwright-core").Page, selector: string, path: string) =>
  page.$$eval(
    selector,
    (as, p) => as.map((a) => decodeURIComponent(a.getAttribute("href")!.replace(new RegExp(`^#/${p}/`), ""))),
    path,
  );

/** An SCC contract with licences under it (and its first licence), from the seed estate. */
async function sccContractWithLicences(): Promise<{ id: string; reference: string; licence: string }> {
  const d = await graphqlRequest<{
    contracts: { edges: { node: { id: string; reference: string; licences: { id: string }[] } }[] };
  }>(
    h.server,
    `{ contracts(filter: { organisation: ["SCC"], status: [ACTIVE] }, first: 200) { edges { node { id reference licences { id } } } } }`,
  );
  const c = d.contracts.edges.map((e) => e.node).find((n) => n.licences.length > 1)!;
  return { id: c.id, reference: c.reference, licence: c.licences[0]!.id };
}

describe("contracts and licences", { timeout: 180_000 }, () => {
  it("lists contracts sorted by end date on the server across pages, filters them, and exports that set", async () => {
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      await page.goto(`${h.server.url}/#/contracts`);
      await page.waitForSelector('#contract-results[aria-busy="false"] #contract-rows tr');
      await page.click('th.sortable button:has-text("Ends")');
      await page.waitForFunction(() => location.hash.includes("order=END_DATE_ASC"));
      await page.waitForSelector('#contract-results[aria-busy="false"] th[aria-sort="ascending"]');
      await page.click("#contract-more");
      await page.waitForFunction(() => document.querySelectorAll("#contract-rows tr").length > 50);
      const shown = await linkedIds(page, "#contract-rows tr a.contract-link", "contracts");
      const expected = await graphqlRequest<{ contracts: { edges: { node: { id: string } }[] } }>(
        h.server,
        `{ contracts(orderBy: END_DATE_ASC, first: ${shown.length}) { edges { node { id } } } }`,
      );
      expect(shown).toEqual(expected.contracts.edges.map((e) => e.node.id));
      await shot(page, "web-contracts-sorted");

      // SCC contracts ending on or before a date, found by supplier/title words, exported whole.
      await page.check('input[name="org"][value="SCC"]');
      await page.fill("#f-ends-before", "2027-12-31");
      await page.waitForFunction(() => location.hash.includes("endsBefore=2027-12-31"));
      await page.waitForSelector('#contract-results[aria-busy="false"]');
      const { contracts } = await graphqlRequest<{ contracts: { totalCount: number } }>(
        h.server,
        `{ contracts(filter: { organisation: ["SCC"], endsBefore: "2027-12-31" }) { totalCount } }`,
      );
      expect(await page.textContent("#contract-count")).toContain(`of ${contracts.totalCount} contracts`);
      const { name, rows } = await exportedRows(page, "#contract-export");
      expect(name).toMatch(/^contracts-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(rows[0]).toEqual([
        "Reference",
        "Title",
        "Org",
        "Supplier",
        "Starts",
        "Ends",
        "Notice by",
        "Value (£)",
        "A year (£)",
        "Licences",
        "Status",
      ]);
      expect(rows.length - 1).toBe(contracts.totalCount);
      // exceljs reads an ISO date cell as a Date: back to YYYY-MM-DD.
      const isoDate = (v: string) =>
        /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : new Date(v).toISOString().slice(0, 10);
      const ends = rows.slice(1).map((r) => (r[5] ? isoDate(r[5]) : ""));
      expect(ends.every((e) => e !== "" && e <= "2027-12-31")).toBe(true);
      expect(ends).toEqual([...ends].sort()); // the list's order, kept in the export
      expect(rows.slice(1).every((r) => r[2] === "SCC")).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows a contract's page with its licences and history, and offers Edit to procurement only", async () => {
    const c = await sccContractWithLicences();
    const { page, context, problems } = await openPage(h, procurement.state);
    try {
      await page.goto(`${h.server.url}/#/contracts?org=SCC`);
      await page.waitForSelector('#contract-results[aria-busy="false"] #contract-rows tr');
      await page.fill("#f-q", c.reference);
      await page.waitForFunction(() => document.querySelectorAll("#contract-rows tr").length === 1);
      await page.click(`#contract-rows a.contract-link`);
      await page.waitForSelector("#contract-licences");
      expect(await page.textContent("h1")).toContain(c.reference);
      expect(await page.textContent("#details")).toMatch(/Supplier.*Ends.*Notice by.*Total value/s);
      expect(await page.textContent("#details")).not.toContain("hidden");
      const licences = await linkedIds(page, "#contract-licences a.licence-link", "licences");
      expect(licences).toContain(c.licence);
      expect(await page.$$("#contract-edit")).toHaveLength(1);
      expect(await page.$$("#history")).toHaveLength(1);
      await shot(page, "web-contract-page", true);
      await page.click("#contract-edit");
      await page.waitForSelector("#contract-form");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
    const seen = await openPage(h, viewer.state);
    try {
      await seen.page.goto(`${h.server.url}/#/contracts/${encodeURIComponent(c.id)}`);
      await seen.page.waitForSelector("#contract-licences");
      expect(await seen.page.$$("#contract-edit")).toHaveLength(0);
      // A viewer may not see SCC's contract values or licence costs: shown as hidden, as the API hides them.
      const values = await seen.page.$$eval("#details dd .hidden-value", (els) => els.length);
      expect(values).toBe(2);
      expect(await seen.page.textContent("#contract-licences tbody")).toContain("hidden");
      expect(await seen.page.textContent("#details")).not.toMatch(/£/);
      expect(seen.problems).toEqual([]);
    } finally {
      await seen.context.close();
    }
  });

  it("shows a licence's page with its contract and the assets running its product, edit offered by role", async () => {
    const c = await sccContractWithLicences();
    const { page, context, problems } = await openPage(h, procurement.state, { width: 1024 });
    try {
      await page.goto(`${h.server.url}/#/licences/${encodeURIComponent(c.licence)}`);
      await page.waitForSelector('#licence-asset-results[aria-busy="false"]');
      expect(await linkedIds(page, "#licence-contract a.contract-link", "contracts")).toEqual([c.id]);
      expect(await page.textContent("#details")).toMatch(/Seats owned.*Seats used.*Unit cost.*Annual cost/s);
      expect(await page.$$("#licence-edit")).toHaveLength(1);
      await shot(page, "web-licence-page-1024", true);
      await page.click("#licence-edit");
      await page.waitForSelector("#licence-form");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
    const seen = await openPage(h, viewer.state);
    try {
      await seen.page.goto(`${h.server.url}/#/licences/${encodeURIComponent(c.licence)}`);
      await seen.page.waitForSelector('#licence-asset-results[aria-busy="false"]');
      expect(await seen.page.$$("#licence-edit")).toHaveLength(0);
      expect(await seen.page.$$eval("#details dd .hidden-value", (els) => els.length)).toBe(2);
      expect(seen.problems).toEqual([]);
    } finally {
      await seen.context.close();
    }
  });

  it("links contracts and licences to their pages from the licences list, an asset page and an overlap", async () => {
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      await page.goto(`${h.server.url}/#/licences?org=SCC`);
      await page.waitForSelector('#licence-results[aria-busy="false"] #licence-rows tr');
      const licence = (await linkedIds(page, "#licence-rows a.licence-link", "licences"))[0]!;
      expect(licence).toMatch(/^Licence:/);
      const contract = (await linkedIds(page, "#licence-rows a.contract-link", "contracts"))[0]!;
      expect(contract).toMatch(/^Contract:/);

      // An asset whose product the organisation licenses.
      const assets = await graphqlRequest<{
        assets: {
          edges: { node: { id: string; licences: { id: string; contract: { id: string } | null }[] } }[];
        };
      }>(
        h.server,
        `{ assets(filter: { organisation: ["SCC"] }, first: 300) { edges { node { id licences { id contract { id } } } } } }`,
      );
      const asset = assets.assets.edges.map((e) => e.node).find((a) => a.licences.some((l) => l.contract))!;
      await page.goto(`${h.server.url}/#/assets/${encodeURIComponent(asset.id)}`);
      await page.waitForSelector("#licences");
      expect(await linkedIds(page, "#licences a.licence-link", "licences")).toEqual(
        asset.licences.map((l) => l.id),
      );
      const onAsset = await linkedIds(page, "#licences a.contract-link", "contracts");
      expect(onAsset).toContain(asset.licences.find((l) => l.contract)!.contract!.id);

      // The renewals timeline's rows open their contracts.
      await page.goto(`${h.server.url}/#/procurement`);
      await page.waitForSelector("#renewals-timeline");
      const renewals = await page.$$eval("#renewals-timeline a.contract-link", (as) =>
        as.map((a) => a.getAttribute("href")!),
      );
      expect(renewals.length).toBeGreaterThan(0);
      expect(renewals.every((l) => l.startsWith("#/contracts/Contract"))).toBe(true);

      // An overlap's sides (and its saving's target) name their licences and contracts.
      await page.click("#overlap-rows tr:first-child a");
      await page.waitForSelector(".side-card");
      const sideContracts = await linkedIds(page, "a.contract-link", "contracts");
      expect(sideContracts.length).toBeGreaterThan(0);
      expect(sideContracts.every((id) => id.startsWith("Contract:"))).toBe(true);
      await page.click(".side-card .proc-contracts a.contract-link");
      await page.waitForSelector("#contract-licences");
      const heading = (await page.textContent("h1"))!;

      // "Open in the audit trail" narrows the audit page to the contract, named in its chip.
      await page.click("#history a.card-link");
      await page.waitForFunction((h1) => document.querySelector(".chip-value")?.textContent === h1, heading);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("audit, users and shelfware tables", { timeout: 180_000 }, () => {
  it("sorts the audit trail by user on the server across pages, and exports in that order", async () => {
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      await page.goto(`${h.server.url}/#/audit`);
      await page.waitForSelector('#audit-results[aria-busy="false"] #audit-rows tr');
      await page.click('th.sortable button:has-text("User")');
      await page.waitForFunction(() => location.hash.includes("order=ACTOR_ASC"));
      await page.waitForSelector('#audit-results[aria-busy="false"] th[aria-sort="ascending"]');
      const { auditEvents } = await graphqlRequest<{
        auditEvents: { totalCount: number; edges: { node: { actor: string } }[] };
      }>(h.server, `{ auditEvents(orderBy: ACTOR_ASC, first: 500) { totalCount edges { node { actor } } } }`);
      if (auditEvents.totalCount > 50) {
        await page.click("#audit-more");
        await page.waitForFunction(() => document.querySelectorAll("#audit-rows tr").length > 50);
      }
      const actors = await page.$$eval("#audit-rows td.actor-col", (tds) => tds.map((td) => td.textContent));
      expect(actors).toEqual(auditEvents.edges.slice(0, actors.length).map((e) => e.node.actor));
      const { rows } = await exportedRows(page, "#audit-export");
      expect(rows[0]!.slice(0, 3)).toEqual(["When", "User", "Action"]);
      expect(rows.slice(1).map((r) => r[1])).toEqual(auditEvents.edges.map((e) => e.node.actor));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("sorts users by name and by last sign-in on the server, and exports the list", async () => {
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      await page.goto(`${h.server.url}/#/admin/users`);
      await page.waitForSelector("#user-rows tr");
      await page.click('th.sortable button:has-text("Name")');
      await page.waitForFunction(() => location.hash.includes("order=NAME_ASC"));
      await page.waitForSelector('#users th[aria-sort="ascending"] button:has-text("Name")');
      const names = await page.$$eval("#user-rows tr[data-user-email] td.name-col .strong", (s) =>
        s.map((x) => x.textContent),
      );
      const api = await graphqlRequest<{ users: { displayName: string; email: string }[] }>(
        h.server,
        `{ users(orderBy: NAME_ASC) { displayName email } }`,
      );
      expect(names).toEqual(api.users.map((u) => u.displayName));
      await page.click('th.sortable button:has-text("Last sign-in")');
      await page.waitForFunction(() => location.hash.includes("order=LAST_SIGN_IN_DESC"));
      await page.waitForSelector('#users th[aria-sort="descending"] button:has-text("Last sign-in")');
      const recent = await graphqlRequest<{ users: { email: string }[] }>(
        h.server,
        `{ users(orderBy: LAST_SIGN_IN_DESC) { email } }`,
      );
      const emails = await page.$$eval("#user-rows tr[data-user-email]", (trs) =>
        trs.map((tr) => tr.getAttribute("data-user-email")),
      );
      expect(emails).toEqual(recent.users.map((u) => u.email));
      const { name, rows } = await exportedRows(page, "#users-export");
      expect(name).toMatch(/^users-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(rows[0]).toEqual([
        "Name",
        "E-mail",
        "Organisation",
        "Roles",
        "Status",
        "One-time password",
        "Last sign-in",
      ]);
      expect(rows.slice(1).map((r) => r[1])).toEqual(recent.users.map((u) => u.email));
      await shot(page, "web-users-sorted");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("sorts shelfware by seats spare and by product on the server, and exports in that order", async () => {
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      await page.goto(`${h.server.url}/#/procurement`);
      await page.waitForSelector("#shelfware-table tbody tr");
      await page.click('#shelfware-table th.sortable button:has-text("Product")');
      await page.waitForSelector('#shelfware-table th[aria-sort="ascending"] button:has-text("Product")');
      const api = await graphqlRequest<{ licencePositions: { product: { name: string } }[] }>(
        h.server,
        `{ licencePositions(imbalance: SHELFWARE, orderBy: PRODUCT_ASC) { product { name } } }`,
      );
      const shown = await page.$$eval("#shelfware-table tbody tr td:first-child .strong", (s) =>
        s.map((x) => x.firstChild!.textContent),
      );
      expect(shown).toEqual(api.licencePositions.map((p) => p.product.name));
      await page.click('#shelfware-table th.sortable button:has-text("Spare")');
      await page.waitForSelector('#shelfware-table th[aria-sort="descending"] button:has-text("Spare")');
      const { rows } = await exportedRows(page, "#shelfware-export");
      const bySeats = await graphqlRequest<{ licencePositions: { product: { name: string; edition: string } }[] }>(
        h.server,
        `{ licencePositions(imbalance: SHELFWARE, orderBy: SEATS_DESC) { product { name edition } } }`,
      );
      // one export row per licence metric with seats to spare, in the server's order
      const names = rows.slice(1).map((r) => r[0]);
      expect(names.filter((n, i) => n !== names[i - 1])).toEqual(
        bySeats.licencePositions
          .map((p) => [p.product.name, p.product.edition].filter(Boolean).join(" "))
          .filter((n, i, all) => n !== all[i - 1]),
      );
      await page.locator("#shelfware-table").scrollIntoViewIfNeeded();
      await shot(page, "web-shelfware-sorted");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("version conflict time", { timeout: 180_000 }, () => {
  it('says "changed by X at T" on the Europe/London clock when the browser is in New York', async () => {
    const c = await sccContractWithLicences();
    const { page, context, problems } = await openPage(h, procurement.state, {
      timezoneId: "America/New_York",
    });
    try {
      await page.goto(`${h.server.url}/#/contracts/${encodeURIComponent(c.id)}/edit`);
      await page.waitForSelector("#contract-form");
      await page.fill("#contract-form-renewalTerms", "Renews yearly unless notice is given.");
      const { contract } = await graphqlRequest<{ contract: { version: number } }>(
        h.server,
        `{ contract(id: "${c.id}") { version } }`,
      );
      await graphqlRequest(
        h.server,
        `mutation { updateContract(id: "${c.id}", version: ${contract.version}, patch: { cpvCode: "72000000" }) { id } }`,
      );
      await page.click("#contract-form-submit");
      await page.waitForSelector("#contract-form-conflict");
      const { auditTrail } = await graphqlRequest<{ auditTrail: { at: string; actor: string }[] }>(
        h.server,
        `{ auditTrail(entityId: "${c.id}") { at actor } }`,
      );
      const last = auditTrail.at(-1)!;
      const london = new Intl.DateTimeFormat("en-GB", {
        timeZone: "Europe/London",
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
      }).format(new Date(last.at));
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
        "America/New_York",
      );
      expect(await page.textContent("#contract-form-conflict .conflict-title")).toBe(
        `Changed by ${last.actor} at ${london} since you opened it.`,
      );
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
