// The browser app in real Chromium against a running server with the seed data. The tests run in
// order: the first signs in through the UI with the administrator's one-time credentials and chooses a
// new password; later tests reuse that browser session (or sign in afresh where the test needs it).
import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "vitest";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { launchChromium, SHOTS } from "./browser.ts";
import { graphqlRequest, startTestServer, type TestServer } from "./server-fixture.ts";

const PAGE_SIZE = 50;
const HIDDEN_VALUE = "hidden (needs PROCUREMENT, PLANNER, APPROVER or ADMIN)";

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Console errors and uncaught exceptions seen by the current page. */
let problems: string[];
/** Dialogs (alert/confirm/prompt) the current page opened: there must never be any. */
let dialogs: string[];
/** The administrator's signed-in browser state, saved by the first test after the password change. */
let adminState: Awaited<ReturnType<BrowserContext["storageState"]>> | undefined;
/** Extra contexts a test opened (fresh sign-ins), closed after it. */
let extraContexts: BrowserContext[] = [];
/** Things earlier tests changed, which later tests look for. */
const made: { assetId?: string; assetName?: string; viewerEmail?: string } = {};

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function watch(p: Page): Page {
  p.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
  });
  p.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  p.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return p;
}

beforeEach(async () => {
  problems = [];
  dialogs = [];
  // Signed in as the administrator once the first test has saved the session; anonymous before.
  context = await browser.newContext({ viewport: { width: 1400, height: 900 }, storageState: adminState });
  page = watch(await context.newPage());
});

afterEach(async () => {
  for (const c of extraContexts) await c.close();
  extraContexts = [];
  await context?.close();
});

const open = (hash: string) => page.goto(`${server.url}/${hash}`);

/** A page in a new browser context with no session (a different browser, as far as the server knows). */
async function freshPage(): Promise<Page> {
  const c = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  extraContexts.push(c);
  return watch(await c.newPage());
}

/** Fills in and submits the sign-in form (which must be showing). */
async function signInThroughUi(p: Page, email: string, password: string): Promise<void> {
  await p.waitForSelector("#sign-in-form");
  await p.fill("#sign-in-email", email);
  await p.fill("#sign-in-password", password);
  await p.click("#sign-in-submit");
}

/** The labels of the header nav links. */
const navLabels = (p: Page) => p.$$eval("nav.main-nav a", (as) => as.map((a) => a.textContent ?? ""));

/** POSTs a GraphQL query from inside the page (with its cookies, or with only a bearer token). */
function fetchGraphQL(p: Page, query: string, token?: string) {
  return p.evaluate(
    async ({ query, token }) => {
      const res = await fetch("/graphql", {
        method: "POST",
        credentials: token ? "omit" : "same-origin",
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query }),
      });
      return {
        status: res.status,
        body: (await res.json()) as {
          data?: Record<string, unknown>;
          errors?: { extensions?: { code?: string } }[];
        },
      };
    },
    { query, token },
  );
}

const shot = (p: Page, name: string, fullPage = false) =>
  p.screenshot({ path: `${SHOTS}${name}.png`, fullPage });

/** The rows the assets table shows, as asset ids (from their links). */
async function assetRowIds(): Promise<string[]> {
  return page.$$eval("#asset-rows tr a.asset-link", (links) =>
    links.map((a) => decodeURIComponent((a.getAttribute("href") ?? "").replace(/^#\/assets\//, ""))),
  );
}

describe("web app", { timeout: 60_000 }, () => {
  it("asks for sign-in, then for a new password, before showing anything, and then goes where the user was going", async () => {
    await open("#/assets");
    await page.waitForSelector("#sign-in-form");
    expect(await navLabels(page)).toEqual([]);
    expect(await page.$$("#asset-rows")).toHaveLength(0);
    await shot(page, "web-sign-in");

    await signInThroughUi(page, server.admin.email, server.admin.password);
    await page.waitForSelector("#choose-password");
    expect(await navLabels(page)).toEqual([]);
    expect(await page.$$("#asset-rows")).toHaveLength(0);
    expect(await page.textContent("#user-name")).toBe("Administrator");

    // Checked in the browser before anything is sent: too short, and not the same twice.
    await page.fill("#choose-password-current", server.admin.password);
    await page.fill("#choose-password-new", "too short");
    await page.fill("#choose-password-confirm", "something else");
    await page.click("#choose-password-submit");
    const banner = await page.textContent("#choose-password-error");
    expect(banner).toContain("at least 12 characters");
    expect(banner).toContain("do not match");
    expect(await page.getAttribute("#choose-password-new", "aria-invalid")).toBe("true");
    await shot(page, "web-choose-password-errors");

    const oneTimePassword = server.admin.password;
    const newPassword = `web tests ${randomUUID()}`;
    await page.fill("#choose-password-new", newPassword);
    await page.fill("#choose-password-confirm", newPassword);
    await page.click("#choose-password-submit");
    await page.waitForSelector('#asset-results[aria-busy="false"] #asset-rows tr');
    server.admin.password = newPassword;
    expect(await page.evaluate(() => location.hash)).toBe("#/assets");
    expect(await navLabels(page)).toEqual(expect.arrayContaining(["Summary", "Assets", "Audit", "Users"]));
    expect(await page.textContent("#user-name")).toBe("Administrator");
    adminState = await context.storageState();

    // The one-time password no longer works; the new one does.
    const oneTime = await fetch(`${server.url}/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: server.admin.email, password: oneTimePassword }),
    });
    expect(oneTime.status).toBe(401);
  });

  it("shows an error and no data for a wrong password", async () => {
    const p = await freshPage();
    await p.goto(`${server.url}/#/`);
    await signInThroughUi(p, server.admin.email, `${server.admin.password}-wrong`);
    await p.waitForSelector("#sign-in-error .error-banner");
    expect(await p.textContent("#sign-in-error")).toContain("E-mail or password is wrong");
    expect(await p.$$("#summary-table")).toHaveLength(0);
    expect(await navLabels(p)).toEqual([]);
    expect(await p.inputValue("#sign-in-password")).toBe("");
    expect((await fetchGraphQL(p, "{ organisations { code } }")).status).toBe(401);
    await shot(p, "web-sign-in-wrong-password");
  });

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
        rows
          .find((r) => r.querySelector("th")?.textContent === "Assets (not retired)")
          ?.querySelectorAll("td[data-org]").length,
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
    type Node = {
      id: string;
      name: string;
      dependsOn: { target: { id: string } }[];
      dependencyOf: { source: { id: string } }[];
    };
    // Pages small enough for the server's query cost limit, until an asset with both directions turns up.
    let asset: Node | undefined;
    let after: string | null = null;
    do {
      const {
        assets,
      }: {
        assets: { edges: { node: Node }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      } = await graphqlRequest(
        server,
        `query($after: String) { assets(first: 50, after: $after) { pageInfo { hasNextPage endCursor }
            edges { node { id name dependsOn { target { id } } dependencyOf { source { id } } } } } }`,
        { after },
      );
      asset = assets.edges.map((e) => e.node).find((a) => a.dependsOn.length && a.dependencyOf.length);
      after = assets.pageInfo.hasNextPage ? assets.pageInfo.endCursor : null;
    } while (!asset && after);
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
    made.assetId = createAsset.id;
    made.assetName = name;
    await open(`#/assets?q=${encodeURIComponent(marker)}`);
    await page.waitForSelector(`#asset-rows a[href="#/assets/${createAsset.id}"]`);
    expect(await page.textContent(`#asset-rows a[href="#/assets/${createAsset.id}"]`)).toBe(name);
    expect(await page.$$("main img")).toHaveLength(0);

    await page.click(`#asset-rows a[href="#/assets/${createAsset.id}"]`);
    await page.waitForSelector("#details");
    expect(await page.textContent("h1")).toBe(name);
    expect(await page.textContent("#details")).toContain("<script>alert(2)</script>");
    expect(await page.$$("img, main script")).toHaveLength(0);
    // Its history (auditTrail) shows the creation, with the name as text in the diff.
    expect(await page.textContent("#history tbody")).toContain(server.admin.email);
    await page.click("#history tbody details summary");
    expect(await page.textContent('#history tr[data-field="name"] .diff-after')).toBe(name);
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
      ["#/audit", '#audit-results[aria-busy="false"]'],
      ["#/account", "#token-list"],
      ["#/admin/users", "#user-rows"],
    ];
    for (const [hash, ready] of visits) {
      await open(hash);
      await page.waitForSelector(ready);
      expect(await page.$$(".error-banner"), `error banner on ${hash}`).toHaveLength(0);
    }
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it("signs out back to the sign-in screen, after which GraphQL is refused", async () => {
    const p = await freshPage();
    await p.goto(`${server.url}/#/sites`);
    await signInThroughUi(p, server.admin.email, server.admin.password);
    await p.waitForSelector('#site-results[aria-busy="false"] #site-rows tr');
    expect((await fetchGraphQL(p, "{ organisations { code } }")).status).toBe(200);

    await p.click("#user-menu-button");
    await p.waitForSelector("#user-menu-panel:not([hidden])");
    await shot(p, "web-user-menu");
    await p.click("#menu-sign-out");
    await p.waitForSelector("#sign-in-form");
    expect(await p.$$("#site-rows")).toHaveLength(0);
    expect(await navLabels(p)).toEqual([]);
    expect(await p.$$("#user-menu-button")).toHaveLength(0);
    const refused = await fetchGraphQL(p, "{ organisations { code } }");
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await p.evaluate(async () => (await fetch("/auth/me")).status)).toBe(401);

    // Going straight to a page still asks for sign-in.
    await p.goto(`${server.url}/#/assets`);
    await p.waitForSelector("#sign-in-form");
    expect(await p.$$("#asset-rows")).toHaveLength(0);
  });

  it("asks to sign in again when the session ends while the app is open, then shows the page that was asked for", async () => {
    const p = await freshPage();
    await p.goto(`${server.url}/#/sites`);
    await signInThroughUi(p, server.admin.email, server.admin.password);
    await p.waitForSelector('#site-results[aria-busy="false"] #site-rows tr');
    // The session ends behind the app's back (another tab signed out, or it expired).
    await p.evaluate(() =>
      fetch("/auth/sign-out", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
    );
    await p.click('nav.main-nav a[href="#/licences"]');
    await p.waitForSelector("#sign-in-form");
    expect(await p.textContent(".auth-card")).toContain("Your session has ended");
    expect(await p.$$("#licence-rows, .error-banner")).toHaveLength(0);
    expect(await p.evaluate(() => location.hash)).toBe("#/licences");
    await signInThroughUi(p, server.admin.email, server.admin.password);
    await p.waitForSelector('#licence-results[aria-busy="false"] #licence-rows tr');
    expect(await p.$$(".error-banner")).toHaveLength(0);
  });

  it("creates an API token whose secret is shown once and works as a bearer token until revoked", async () => {
    await open("#/account");
    await page.waitForSelector("#token-list");
    expect(await page.textContent("#my-roles")).toContain("SHARED");
    const name = `web test token ${Date.now()}`;
    await page.fill("#token-name", name);
    await page.fill("#token-days", "7");
    await page.click("#token-create");
    await page.waitForSelector("#new-token");
    const secret = await page.inputValue("#new-token-value");
    expect(secret).toMatch(/^cvg_/);
    expect(await page.textContent("#new-token")).toContain("only time it is shown");
    const row = page.locator("#token-rows tr", { hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain(secret.slice(0, 10));
    await shot(page, "web-account-new-token", true);

    const me = await fetchGraphQL(page, "{ me { email } organisations { code } }", secret);
    expect(me.status).toBe(200);
    expect(me.body.data?.me).toEqual({ email: server.admin.email });

    // Shown once: after a reload the secret is nowhere on the page.
    await page.reload();
    await page.waitForSelector("#token-rows tr");
    expect(await page.$$("#new-token")).toHaveLength(0);
    expect(await page.content()).not.toContain(secret);

    // Revoking asks in place (no browser dialog), then the token stops working.
    const again = page.locator("#token-rows tr", { hasText: name });
    await again.getByRole("button", { name: "Revoke", exact: true }).click();
    await again.getByRole("button", { name: "Revoke token" }).click();
    await page.locator("#token-rows tr", { hasText: name }).getByText("Revoked", { exact: true }).waitFor();
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    expect((await fetchGraphQL(page, "{ me { email } }", secret)).status).toBe(401);
  });

  it("lets an administrator create a user in SCC and grant VIEWER there; that user changes the password and sees data but no admin nav", async () => {
    await open("#/admin/users");
    await page.waitForSelector("#user-rows");
    const email = `viewer.${Date.now()}@scc.example.gov.uk`;
    const displayName = "Vera Viewer";
    await page.fill("#new-user-email", email);
    await page.fill("#new-user-name", displayName);
    await page.click("#new-user-submit");
    expect(await page.textContent("#create-user .field-error"), "the organisation must be chosen").toMatch(
      /Choose the organisation/,
    );
    await page.selectOption("#new-user-org", "SCC");
    await page.click("#new-user-submit");
    await page.waitForSelector("#new-user-password");
    expect(await page.textContent(`tr[data-user-email="${email}"] td.org-col`)).toBe("SCC");
    const oneTime = await page.inputValue("#new-user-password-value");
    expect(oneTime.length).toBeGreaterThanOrEqual(12);

    const panel = page.locator("tr.detail-row:not([hidden])");
    await panel.locator("select.grant-org").selectOption("SCC");
    await panel.locator("select.grant-role").selectOption("VIEWER");
    await panel.getByRole("button", { name: "Grant role" }).click();
    await page.locator(`tr[data-user-email="${email}"] .role-chip`, { hasText: "SCC · VIEWER" }).waitFor();
    await shot(page, "web-admin-users", true);
    made.viewerEmail = email;

    const p = await freshPage();
    await p.goto(`${server.url}/#/licences`);
    await signInThroughUi(p, email, oneTime);
    await p.waitForSelector("#choose-password");
    expect(await navLabels(p)).toEqual([]);
    expect(await p.$$("#licence-rows")).toHaveLength(0);
    const mine = `viewer password ${randomUUID()}`;
    await p.fill("#choose-password-current", oneTime);
    await p.fill("#choose-password-new", mine);
    await p.fill("#choose-password-confirm", mine);
    await p.click("#choose-password-submit");
    await p.waitForSelector('#licence-results[aria-busy="false"] #licence-rows tr');
    expect(await p.textContent("#user-name")).toBe(displayName);

    const labels = await navLabels(p);
    expect(labels).toEqual(expect.arrayContaining(["Summary", "Assets", "Sites", "Licences", "Audit"]));
    expect(labels).not.toContain("Users");

    // A VIEWER may not see contract values: every value cell says so instead of showing money.
    const values = await p.$$eval("#licence-rows td.contract-value-col", (tds) =>
      tds.map((td) => td.textContent),
    );
    expect(values).toContain(HIDDEN_VALUE);
    expect(values.filter((v) => v !== HIDDEN_VALUE && v !== "—")).toEqual([]);
    await shot(p, "web-viewer-licences");

    await p.goto(`${server.url}/#/admin/users`);
    await p.waitForSelector(".notice-card");
    expect(await p.textContent("main")).toContain("needs the ADMIN role");
    expect(await p.$$("#user-rows")).toHaveLength(0);

    await p.goto(`${server.url}/#/`);
    await p.waitForSelector("#summary-table");
    expect(await p.$$(".error-banner")).toHaveLength(0);
  });

  it("lists earlier changes on the audit page, filtered, with before/after diffs and asset links", async () => {
    expect(made.assetId, "the markup test creates an asset").toBeDefined();
    await open("#/audit");
    await page.waitForSelector('#audit-results[aria-busy="false"] #audit-rows tr');

    await page.selectOption("#f-type", "Asset");
    await page.waitForFunction(() => location.hash.includes("type=Asset"));
    await page.waitForSelector('#audit-results[aria-busy="false"]');
    const assetHref = `a[href="#/assets/${made.assetId}"]`;
    const link = page.locator(`#audit-rows ${assetHref}`);
    await link.waitFor();
    expect(await link.textContent()).toBe(made.assetName);
    const row = page.locator("#audit-rows > tr", { has: page.locator(assetHref) });
    expect(await row.textContent()).toContain(server.admin.email);
    await row.locator("details summary").click();
    expect(await row.locator('tr[data-field="name"] .diff-after').textContent()).toBe(made.assetName);
    expect(await page.$$("main img")).toHaveLength(0);
    const types = await page.$$eval("#audit-rows > tr > td:nth-child(4) .secondary", (els) =>
      els.map((e) => e.textContent),
    );
    expect(new Set(types)).toEqual(new Set(["Asset"]));

    // The role granted in the previous test: SCC, type User, by the administrator.
    await page.selectOption("#f-type", "User");
    await page.check('input[name="org"][value="SCC"]');
    await page.waitForFunction(
      () => location.hash.includes("type=User") && location.hash.includes("org=SCC"),
    );
    await page.waitForSelector('#audit-results[aria-busy="false"]');
    // (The account's creation and password change are SCC's User events too: SCC owns the account.)
    const grant = page.locator("#audit-rows > tr", {
      hasText: made.viewerEmail!,
      has: page.locator('tr[data-field="grantedRole"]'),
    });
    await grant.first().waitFor();
    await grant.first().locator("details summary").click();
    expect(await grant.first().locator('tr[data-field="grantedRole"] .diff-after').textContent()).toBe(
      "VIEWER",
    );
    await shot(page, "web-audit", true);

    // By user: the viewer's own password change.
    await page.uncheck('input[name="org"][value="SCC"]');
    await page.fill("#f-actor", made.viewerEmail!);
    await page.waitForFunction(() => location.hash.includes("actor="));
    await page.waitForSelector('#audit-results[aria-busy="false"] #audit-rows tr');
    const actors = await page.$$eval("#audit-rows > tr > td:nth-child(2)", (tds) =>
      tds.map((td) => td.textContent),
    );
    expect(actors.length).toBeGreaterThan(0);
    expect(new Set(actors)).toEqual(new Set([made.viewerEmail]));

    // The asset link opens the asset page.
    await open("#/audit?type=Asset");
    await link.click();
    await page.waitForSelector("#history");
    expect(await page.textContent("h1")).toBe(made.assetName);
    expect(problems).toEqual([]);
  });
});
