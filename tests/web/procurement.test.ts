// The procurement page in real Chromium against a server with the seed data: the overlaps (a planted
// one visible, sorting, search, CSV export), the side-by-side view with the consolidation saving, the
// renewals timeline and the shelfware/shortfall tables — with no console errors anywhere; and the same
// pages as a VIEWER, who sees every commercial figure as "hidden".
import { mkdir, readFile } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { launchChromium, SHOTS } from "./browser.ts";
import { graphqlRequest, startTestServer, type TestServer } from "./server-fixture.ts";

const NEW_PASSWORD = "procurement-browser-test-2026!";

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
let signedIn: Awaited<ReturnType<BrowserContext["storageState"]>>;

/** Signs the administrator in (replacing one-time credentials first) and keeps the browser session. */
async function signIn(): Promise<void> {
  const ctx = await browser.newContext();
  try {
    const first = await ctx.request.post(`${server.url}/auth/sign-in`, { data: server.admin });
    expect(first.ok(), await first.text()).toBe(true);
    const { user } = (await first.json()) as { user: { mustChangePassword: boolean } };
    if (user.mustChangePassword) {
      const changed = await ctx.request.post(`${server.url}/graphql`, {
        headers: { origin: server.url }, // a script acting with the session cookie names our origin
        data: {
          query:
            "mutation ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { email } }",
          variables: { current: server.admin.password, next: NEW_PASSWORD },
        },
      });
      expect(JSON.stringify(await changed.json())).not.toContain('"errors"');
      server.admin.password = NEW_PASSWORD;
      const again = await ctx.request.post(`${server.url}/auth/sign-in`, { data: server.admin });
      expect(again.ok()).toBe(true);
    }
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
    if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
});

afterEach(async () => {
  await context?.close();
  expect(problems).toEqual([]);
});

/** Opens the procurement page and waits for the overlaps to be listed. */
async function openProcurement(hash = "#/procurement"): Promise<void> {
  await page.goto(`${server.url}/${hash}`);
  await page.waitForSelector("#overlap-rows tr");
}

const rowLabels = () =>
  page.$$eval("#overlap-rows a.overlap-link", (links) => links.map((a) => a.textContent ?? ""));

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

describe("procurement page", { timeout: 90_000 }, () => {
  it("lists every overlap the API finds, the planted ones visible", async () => {
    const { licenceOverlaps } = await graphqlRequest<{ licenceOverlaps: { id: string }[] }>(
      server,
      "{ licenceOverlaps { id } }",
    );
    await openProcurement();
    const ids = await page.$$eval("#overlap-rows tr", (trs) =>
      trs.map((tr) => tr.getAttribute("data-overlap")),
    );
    expect(ids.sort()).toEqual(licenceOverlaps.map((o) => o.id).sort());
    const labels = await rowLabels();
    for (const planted of [
      "Microsoft 365 E3",
      "VMware vSphere Foundation",
      "Web content filtering",
      "Customer contact and case management",
    ])
      expect(labels).toContain(planted);
    expect(await page.textContent("#overlap-count")).toContain(
      `${licenceOverlaps.length} of ${licenceOverlaps.length}`,
    );
    await page.screenshot({ path: `${SHOTS}procurement-overlaps.png` });
  });

  it("shows each overlap's saving and the totals a cabinet report can quote, as the server works them out", async () => {
    type Totals = {
      annualSaving: string;
      exitCost: string;
      npv: string;
      needsQuoteSaving: string;
      extensionSpend: string;
      byOrganisation: { organisation: { code: string }; annualSaving: string }[];
    };
    const pounds = (v: string) => {
      const [w, f] = v.replace("-", "").split(".");
      return `${v.startsWith("-") ? "−" : ""}£${w!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${(f ?? "").padEnd(2, "0")}`;
    };
    const totals = async (timing?: string) =>
      (
        await graphqlRequest<{ licenceOverlapTotals: Totals }>(
          server,
          `{ licenceOverlapTotals${timing ? `(timing: ${timing})` : ""} { annualSaving exitCost npv needsQuoteSaving needsExtensionSaving extensionSpend byOrganisation { organisation { code } annualSaving } } }`,
        )
      ).licenceOverlapTotals;
    await openProcurement();
    const headers = await page.$$eval("#overlap-results thead th button", (bs) =>
      bs.map((b) => b.textContent),
    );
    expect(headers).toEqual(expect.arrayContaining(["Saving a year", "Extend to co-terminate"]));
    const t = await totals();
    await page.waitForSelector("#overlap-total-saving");
    expect(await page.textContent("#overlap-total-saving")).toBe(pounds(t.annualSaving));
    expect(await page.textContent("#overlap-total-exit")).toBe(pounds(t.exitCost));
    expect(await page.textContent("#overlap-total-npv")).toBe(pounds(t.npv));
    expect(await page.textContent("#overlap-total-quote")).toBe(pounds(t.needsQuoteSaving));
    expect(await page.textContent("#overlap-total-coterm")).toBe(pounds(t.extensionSpend));
    expect(await page.textContent("#overlap-total-by-org")).toBe(
      t.byOrganisation.map((s) => `${s.organisation.code} ${pounds(s.annualSaving)}`).join(" · "),
    );
    const text = await page.textContent("#overlap-totals");
    expect(text).toContain("each licence counted once");
    expect(text).toContain("not a saving and not an extra cost");
    expect(text).toContain("months' migration lead time");
    const m365 = page.locator('#overlap-rows tr:has(a.overlap-link:text-is("Microsoft 365 E3"))');
    expect(await m365.textContent()).toMatch(/onto Microsoft 365 E3; (earliest|at contract end), \d/);
    const crm = page.locator(
      '#overlap-rows tr:has(a.overlap-link:text-is("Customer contact and case management"))',
    );
    expect(await crm.textContent()).toContain("needs a supplier quote");
    const parking = page.locator('#overlap-rows tr[data-overlap="Overlap:SAME_JOB:PARKING.ENFORCEMENT"]');
    expect(await parking.textContent()).toContain("SCC/ICT/070 needs extending to 31 Dec 2028");
    expect(await parking.textContent()).toContain("notice deadline passed");
    expect(await page.textContent("#overlap-total-caveats")).toMatch(
      /^\d+ items? \(£[\d,.]+ a year\) past a notice deadline; \d+ items? \(£[\d,.]+ a year\) on a target contract/,
    );
    expect(await page.textContent("#overlap-total-extension")).toBe(pounds((t as any).needsExtensionSaving));
    await page.screenshot({ path: `${SHOTS}procurement-overlaps-savings.png`, fullPage: false });
    // Choosing the earliest date prices every saving then.
    await page.selectOption("#f-overlap-timing", "NOW");
    const now = await totals("NOW");
    await page.waitForFunction(
      (want) => document.querySelector("#overlap-total-saving")?.textContent === want,
      pounds(now.annualSaving),
    );
    expect(page.url()).toContain("timing=NOW");
    expect(await m365.textContent()).toMatch(/onto Microsoft 365 E3; earliest, \d/);
  });

  it("fits the overlaps table in 1024 px, and shows every column at 1440 px", async () => {
    for (const [width, columns] of [
      [1024, 6],
      [1440, 8],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      await openProcurement();
      const dims = await page.evaluate(() => ({
        doc: document.documentElement.scrollWidth,
        table: document.querySelector("#overlap-results table")!.scrollWidth,
        wrap: document.querySelector("#overlap-results .table-wrap")!.clientWidth,
        shown: [...document.querySelectorAll("#overlap-results thead th")].filter(
          (th) => getComputedStyle(th).display !== "none",
        ).length,
      }));
      expect(dims.doc).toBeLessThanOrEqual(width);
      expect(dims.table).toBeLessThanOrEqual(dims.wrap);
      expect(dims.shown).toBe(columns);
      await page.screenshot({ path: `${SHOTS}procurement-overlaps-${width}.png` });
    }
  });

  it("prices a consolidation now or when the contracts end, as the user picks, and opens a contract-only overlap", async () => {
    await openProcurement();
    await page.click('#overlap-rows a.overlap-link:text-is("Microsoft 365 E3")');
    await page.waitForSelector("#saving-date");
    // The better date by NPV: the earliest (today + the lead time) or when the contracts end.
    expect(await page.textContent("#saving-date")).toMatch(
      /earliest: today \+ migration lead time|when the contracts that move end/,
    );
    expect(await page.textContent("#saving-figures")).toMatch(/NPV over 5 years · earliest/);
    // Asked for the natural date: every contract that moves has ended by the earliest date (today + 6
    // months), so the natural date is the earliest one, and the method says so.
    await page.selectOption("#saving-timing", "NATURAL");
    await page.waitForFunction(() =>
      /at the natural date, as asked|every contract that moves has ended by then/.test(
        document.querySelector("#saving-method")?.textContent ?? "",
      ),
    );
    await page.selectOption("#saving-timing", "NOW");
    await page.waitForFunction(() =>
      document.querySelector("#saving-date")?.textContent?.includes("(earliest"),
    );
    expect(await page.textContent("#saving-method")).toContain("Priced at the earliest date, as asked.");
    await page.screenshot({ path: `${SHOTS}procurement-saving-timing.png`, fullPage: true });
    await page.goto(
      `${server.url}/#/procurement/overlaps/Overlap:CONTRACTS_ONLY:NETWORK_SERVICES.WAN_INTERNET`,
    );
    await page.waitForSelector('#saving-card h2:text-is("Contracts only")');
    expect(await page.textContent("body")).toContain("Virgin Media Business");
    expect(await page.textContent('.side-card[data-org="SCC"]')).toContain(
      "Contracts' annual value£533,000.00",
    );
    await page.screenshot({ path: `${SHOTS}procurement-contracts-only.png`, fullPage: true });
  });

  it("sorts by a column and narrows by search and filters", async () => {
    await openProcurement();
    await page.click('button.proc-sort[data-sort="label"]');
    const sorted = await rowLabels();
    expect(sorted).toEqual([...sorted].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    expect(await page.getAttribute('th:has(button[data-sort="label"])', "aria-sort")).toBe("ascending");
    await page.fill("#f-overlap-q", "filter");
    await page.waitForFunction(() => document.querySelectorAll("#overlap-rows tr").length === 1);
    expect(await rowLabels()).toEqual(["Web content filtering"]);
    await page.fill("#f-overlap-q", "");
    await page.selectOption("#f-overlap-kind", "SAME_PRODUCT");
    await page.waitForFunction(() => document.querySelectorAll("#overlap-rows tr").length === 5);
    expect(page.url()).toContain("kind=SAME_PRODUCT");
  });

  it("exports the overlaps shown as CSV, quoted properly", async () => {
    await openProcurement("#/procurement?kind=SAME_JOB");
    await page.waitForFunction(() => document.querySelectorAll("#overlap-rows tr").length > 20);
    const shown = await page.$$eval("#overlap-rows tr", (trs) =>
      trs.map((tr) => tr.getAttribute("data-overlap")),
    );
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#overlap-export")]);
    expect(download.suggestedFilename()).toMatch(/^licence-overlaps-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = (await readFile((await download.path())!, "utf8")).replace(/^\ufeff/, "");
    const rows = parseCsv(text);
    const header = rows[0]!;
    // Money as decimal pounds under "(£)" headers, as every export; seats and each organisation's share
    // of a saving a column each (plain numbers), one per metric and organisation that appears.
    expect(header.filter((c) => !/^Seats (used|owned) \(|^Saving a year, /.test(c))).toEqual([
      "Overlap ID",
      "Kind",
      "Capability",
      "Overlap",
      "Organisations",
      "Annual licence cost (£)",
      "Earliest contract end",
      "Latest contract end",
      "Co-terminable",
      "Spend during extension to co-terminate (£)",
      "Recommendation",
      "Recommended target",
      "Saving a year (£)",
      "One-off exit cost (£)",
      "NPV (£)",
      "NPV horizon (years)",
      "Consolidate on",
      "Consolidate when",
      "Point products covered by a suite already owned",
      "In the quotable total",
      "Notes",
      "Licence IDs",
      "Contract IDs",
    ]);
    expect(header).toContain("Seats used (user)");
    expect(header).toContain("Seats owned (user)");
    expect(header.filter((c) => c.startsWith("Saving a year, "))).toEqual([
      "Saving a year, DCC (£)",
      "Saving a year, SCC (£)",
    ]);
    expect(header.some((c) => c.includes("GBP"))).toBe(false);
    const col = (name: string) => {
      const i = header.indexOf(name);
      expect(i, name).toBeGreaterThanOrEqual(0);
      return i;
    };
    const data = rows.slice(1, 1 + shown.length);
    expect(data.map((r) => r[0])).toEqual(shown);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    // The totals a report quotes follow the rows, as the server works them out for exactly these rows.
    const t = (
      await graphqlRequest<{
        licenceOverlapTotals: {
          annualSaving: string;
          npv: string;
          needsQuoteSaving: string;
          needsExtensionSaving: string;
          noSavingCount: number;
          byOrganisation: { organisation: { code: string }; annualSaving: string }[];
        };
      }>(
        server,
        `query ($ids: [ID!]) { licenceOverlapTotals(kind: SAME_JOB, overlapIds: $ids) { annualSaving npv needsQuoteSaving needsExtensionSaving noSavingCount byOrganisation { organisation { code } annualSaving } } }`,
        { ids: shown },
      )
    ).licenceOverlapTotals;
    const total = (name: string) => rows.find((r) => r[0] === name)!;
    expect(rows[1 + shown.length]!.every((c) => c === "")).toBe(true);
    const quotable = total("TOTAL quotable annual saving");
    expect(quotable[col("Saving a year (£)")]).toBe(t.annualSaving);
    expect(quotable[col("NPV (£)")]).toBe(t.npv);
    for (const s of t.byOrganisation)
      expect(quotable[col(`Saving a year, ${s.organisation.code} (£)`)]).toBe(s.annualSaving);
    expect(total("TOTAL needs a supplier quote (not in the quotable total)")[col("Saving a year (£)")]).toBe(
      t.needsQuoteSaving,
    );
    expect(
      total("TOTAL needs a contract extension (not in the quotable total)")[col("Saving a year (£)")],
    ).toBe(t.needsExtensionSaving);
    expect(total("TOTAL no saving (not in any total)")[col("Notes")]).toBe(`${t.noSavingCount} overlaps`);
    // A row whose licence is counted in a larger saving says so; a retirement-only row names no target.
    const early = data.find((r) => r[0] === "Overlap:SAME_JOB:SOCIAL_CARE_CHILDREN.EARLY_HELP")!;
    expect(early[col("In the quotable total")]).toMatch(
      /^(?:no|not all): .*licence already counted in Children's social care case management/,
    );
    const send = data.find((r) => r[0] === "Overlap:SAME_JOB:EDUCATION.SEND_CASE_MANAGEMENT")!;
    expect(send[col("Recommended target")]).toBe("");
    expect(send[col("Notes")]).toMatch(/^Retire DCC Invision360 EHCP Hub/);
    const parking = data.find((r) => r[0] === "Overlap:SAME_JOB:PARKING.ENFORCEMENT")!;
    expect(parking[col("Notes")]).toMatch(/notice deadline 2026-10-02 has passed/);
    expect(parking[col("Notes")]).toMatch(
      /SCC\/ICT\/070 \(SCC\) ends on 2026-12-31, before the move: it needs extending to 2028-12-31/,
    );
    const web = rows.find((r) => r[0] === "Overlap:SAME_JOB:WEB_FILTERING.WEB_FILTER")!;
    expect(web.slice(1, 6)).toEqual([
      "Same job",
      "Web content filtering",
      "Web content filtering: Forcepoint Web Security vs Netsweeper vs Qoria Smoothwall Filter",
      "DCC; SCC",
      "75507.00",
    ]);
    // Seats as plain numbers, a column each: SITE 1 of 1; USER 3276 + 5287 used of 4200 + 4850.
    expect(web[col("Seats used (site)")]).toBe("1");
    expect(web[col("Seats owned (site)")]).toBe("1");
    expect(web[col("Seats used (user)")]).toBe("8563");
    expect(web[col("Seats owned (user)")]).toBe("9050");
    // Every money cell is a plain number (or "hidden", or empty), never "SCC 12.00; DCC 3.00".
    const moneyCols = header.flatMap((c, i) => (c.endsWith("(£)") ? [i] : []));
    for (const r of data) for (const i of moneyCols) expect(r[i]).toMatch(/^(-?\d+\.\d\d|hidden|)$/);
    // Lists in a cell are separated by "; " (README: Lists).
    expect(web[col("Licence IDs")]!.split("; ").length).toBeGreaterThan(1);
  });

  it("opens an overlap side by side with the consolidation saving and its method", async () => {
    await openProcurement();
    await page.click('#overlap-rows a.overlap-link:text-is("Microsoft 365 E3")');
    await page.waitForSelector("#saving-figures");
    expect(await page.$$eval(".side-card", (cards) => cards.map((c) => c.getAttribute("data-org")))).toEqual([
      "DCC",
      "SCC",
    ]);
    // 3,084 + 2,987 = 6,071 seats used × £262.00 = £1,590,602.00 against £1,598,200.00 now.
    expect(await page.textContent("#annual-saving")).toBe("£7,598.00");
    const method = (await page.textContent("#saving-method")) ?? "";
    expect(method).toContain("6,071 × £262.00 (the better unit price) = £1,590,602.00");
    expect(await page.$$eval("#candidates-table tbody tr", (trs) => trs.length)).toBe(2);
    expect(await page.textContent("#coterm-card")).toContain("30 Jun 2027");
    await page.screenshot({ path: `${SHOTS}procurement-side-by-side.png`, fullPage: true });
  });

  it("shows the table's recommendation on the detail where a suite already owned covers a point product", async () => {
    const id = "Overlap:SAME_JOB:EDUCATION.SEND_CASE_MANAGEMENT";
    const api = (
      await graphqlRequest<{ licenceOverlap: { saving: { summary: string; annualSaving: string } } }>(
        server,
        `{ licenceOverlap(id: "${id}") { saving { summary annualSaving } } }`,
      )
    ).licenceOverlap.saving;
    await openProcurement();
    const send = page.locator(`#overlap-rows tr[data-overlap="${id}"]`);
    const row = (await send.textContent()) ?? "";
    expect(row).toContain("retire DCC EHCP Hub — covered by Capita One already owned");
    expect(row).not.toContain("onto Capita One");
    await page.goto(`${server.url}/#/procurement/overlaps/${id}`);
    await page.waitForSelector("#saving-summary");
    expect(await page.textContent("#saving-summary")).toBe(`£7,500.00 a year: ${api.summary}`);
    expect(api.annualSaving).toBe("7500.00");
    const cover = (await page.textContent("#suite-cover-table")) ?? "";
    expect(cover).toContain("DCC EHCP Hub");
    expect(cover).toContain("Capita One");
    expect(await page.textContent("#saving-none")).toMatch(/Not recommended: no saving/);
    await page.screenshot({ path: `${SHOTS}procurement-suite-cover-detail.png`, fullPage: true });
    // Device management: Microsoft 365 E3 retires Ivanti; Ivanti is no consolidation target.
    await page.goto(
      `${server.url}/#/procurement/overlaps/Overlap:SAME_JOB:ENDPOINT_SECURITY.DEVICE_MANAGEMENT`,
    );
    await page.waitForSelector("#suite-cover-table");
    expect(await page.textContent("#suite-cover-table")).toContain("Ivanti Endpoint Manager");
    expect(await page.textContent("#saving-card")).not.toMatch(/Ivanti Endpoint ManagerRecommended/);
  });

  it("draws the 36-month renewals timeline with notice deadlines, and the shelfware and shortfall tables", async () => {
    await openProcurement();
    await page.waitForSelector("#renewals-timeline g[data-contract]");
    const rows = await page.$$eval("#renewals-timeline g[data-contract]", (gs) => gs.length);
    expect(rows).toBe(40);
    expect(
      await page.$$eval(
        "#renewals-timeline path title",
        (ts) => ts.filter((t) => (t.textContent ?? "").includes("notice deadline")).length,
      ),
    ).toBeGreaterThan(10);
    await page.check("#f-renewals-overlaps");
    const inOverlaps = await page.$$eval("#renewals-timeline g[data-contract] text", (ts) =>
      ts.every((t) => (t.textContent ?? "").includes("★")),
    );
    expect(inOverlaps).toBe(true);
    await (await page.$('section[aria-labelledby="renewals"]'))!.screenshot({
      path: `${SHOTS}procurement-renewals.png`,
    });
    await page.waitForSelector("#shelfware-table tbody tr");
    await page.waitForSelector("#shortfall-table tbody tr");
    expect(await page.textContent("#shortfall-table")).toContain("Microsoft 365 E3");
    await (await page.$('section[aria-labelledby="seats"]'))!.screenshot({
      path: `${SHOTS}procurement-seats.png`,
    });
  });

  it("shows a VIEWER every commercial figure as hidden, saying what it needs, and no amount in its place", async () => {
    const email = `viewer.${Date.now()}@scc.example.gov.uk`;
    const { createUser } = await graphqlRequest<{
      createUser: { user: { id: string }; oneTimePassword: string };
    }>(
      server,
      `mutation ($email: String!) { createUser(email: $email, displayName: "Vic Viewer", organisation: "SCC") { user { id } oneTimePassword } }`,
      { email },
    );
    await graphqlRequest(
      server,
      `mutation ($id: ID!) { grantRole(user: $id, organisation: "SCC", role: VIEWER) { id } }`,
      {
        id: createUser.user.id,
      },
    );
    const viewer = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      const first = await viewer.request.post(`${server.url}/auth/sign-in`, {
        data: { email, password: createUser.oneTimePassword },
      });
      expect(first.ok(), await first.text()).toBe(true);
      const changed = await viewer.request.post(`${server.url}/graphql`, {
        headers: { origin: server.url }, // a script acting with the session cookie names our origin
        data: {
          query:
            "mutation ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { email } }",
          variables: { current: createUser.oneTimePassword, next: NEW_PASSWORD },
        },
      });
      expect(JSON.stringify(await changed.json())).not.toContain('"errors"');
      const v = await viewer.newPage();
      v.on("console", (msg) => {
        if (msg.type() === "error") problems.push(`viewer console: ${msg.text()}`);
      });
      v.on("pageerror", (err) => problems.push(`viewer pageerror: ${err.message}`));
      /** The hidden marks inside `selector`: their text and their tooltip. */
      const marks = (selector: string) =>
        v.$$eval(`${selector} .hidden-value`, (els) =>
          els.map((e) => [e.textContent, e.getAttribute("title")]),
        );
      const needs = expect.stringContaining("readCommercialValues");

      await v.goto(`${server.url}/#/licences`);
      await v.waitForSelector('#licence-results[aria-busy="false"] #licence-rows tr');
      const cells = await v.$$eval("#licence-rows tr", (trs) => trs.map((tr) => tr.children[8]?.textContent));
      expect(new Set(cells)).toEqual(new Set(["hidden"]));
      expect((await marks("#licence-rows"))[0]).toEqual(["hidden", needs]);
      await v.screenshot({ path: `${SHOTS}viewer-licences.png` });

      await v.goto(`${server.url}/#/`);
      await v.waitForSelector("#summary-table");
      const spend = await v.$$eval("#summary-table tr", (trs) =>
        trs.filter((tr) => tr.textContent?.startsWith("Licence spend")).map((tr) => tr.textContent),
      );
      expect(spend).toEqual(["Licence spendhiddenhiddenhiddenhidden"]);
      expect(
        (await marks("#summary-table")).every(([, title]) => title?.includes("readCommercialValues")),
      ).toBe(true);

      await v.goto(`${server.url}/#/procurement`);
      await v.waitForSelector("#overlap-rows tr");
      expect(await v.textContent("#overlap-rows")).not.toMatch(/£/);
      await v.click('#overlap-rows a.overlap-link:text-is("Microsoft 365 E3")');
      await v.waitForSelector("#saving-hidden");
      // The side-by-side view: counts and dates, every amount hidden (the method and formula name none).
      const detail = (await v.textContent("main")) ?? "";
      expect(detail.match(/£[\d,]+\.\d\d/g)).toBeNull();
      expect(detail).not.toContain("Recommended");
      expect((await marks(".side-card")).length).toBeGreaterThan(4);
      expect(await v.textContent("#saving-hidden")).toContain("DCC and SCC");
      await v.screenshot({ path: `${SHOTS}viewer-procurement-side-by-side.png`, fullPage: true });

      await v.goto(`${server.url}/#/procurement`);
      await v.waitForSelector("#shelfware-table tbody tr");
      expect(await v.textContent("#shelfware-table")).not.toMatch(/£/);
      expect(problems).toEqual([]);
    } finally {
      await viewer.close();
    }
  });
});
