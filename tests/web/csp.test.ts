// The Content-Security-Policy in real Chromium: GraphiQL renders from our own origin (no CDN), runs a
// query with the browser session, and nothing it does leaves the origin or breaks its policy; every page
// of the web app runs under the app's strict policy without a single violation.
import { mkdir } from "node:fs/promises";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, SHOTS } from "./browser.ts";
import { replaceOneTimePassword, startTestServer, type TestServer } from "./server-fixture.ts";

declare global {
  interface Window {
    /** CSP violations the page saw (recorded from its first script on). */
    __cspViolations: string[];
  }
}

let server: TestServer;
let browser: Browser;
let signedIn: Awaited<ReturnType<BrowserContext["storageState"]>>;
let context: BrowserContext;
let page: Page;
/** Requests to anywhere but our own origin. */
let offOrigin: string[];
/** Every URL requested (pages, scripts, workers, API calls). */
let requested: string[];
let problems: string[];

beforeAll(async () => {
  server = await startTestServer();
  await replaceOneTimePassword(server, "csp browser test 2026-12!");
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await p.goto(`${server.url}/`);
  const status = await p.evaluate(
    async (admin) =>
      (
        await fetch("/auth/sign-in", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(admin),
        })
      ).status,
    server.admin,
  );
  expect(status).toBe(200);
  signedIn = await ctx.storageState();
  await ctx.close();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  offOrigin = [];
  requested = [];
  problems = [];
  context = await browser.newContext({ viewport: { width: 1400, height: 900 }, storageState: signedIn });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push(
        `${e.violatedDirective} blocked ${e.blockedURI || "inline"} in ${e.sourceFile}`,
      ),
    );
  });
  context.on("request", (r) => {
    requested.push(r.url());
    if (!r.url().startsWith(`${server.url}/`) && !/^(data|blob):/.test(r.url())) offOrigin.push(r.url());
  });
  page = await context.newPage();
  page.on("console", (msg) => {
    if (msg.type() === "error" && !/status of 401/.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
});

afterEach(async () => {
  const violations = page && !page.isClosed() ? await page.evaluate(() => window.__cspViolations) : [];
  await context?.close();
  expect(violations, "CSP violations").toEqual([]);
  expect(offOrigin, "requests that left the origin").toEqual([]);
  expect(problems).toEqual([]);
});

describe("GraphiQL", () => {
  it("renders from our own origin and runs a query with the browser session", async () => {
    const res = await page.goto(`${server.url}/graphql`);
    expect(res?.headers()["content-security-policy"]).toMatch(/script-src 'self';/);
    await page.waitForSelector(".graphiql-query-editor .monaco-editor", { timeout: 60_000 });
    await page.click(".graphiql-query-editor .monaco-editor");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await page.keyboard.type("{ me { email displayName roles { organisation { code } role ");
    // Close the completion list the editor offers (it may open again while the worker answers).
    await page.waitForTimeout(500);
    for (let i = 0; i < 10 && (await page.$(".suggest-widget.visible")); i++) {
      await page.keyboard.press("Escape");
      await page.waitForTimeout(200);
    }
    await page.keyboard.press("Control+Enter");
    await page.waitForFunction(
      (email) => document.querySelector(".graphiql-response")?.textContent?.includes(email),
      server.admin.email,
    );
    const answer = (await page.textContent(".graphiql-response"))!.replace(/\s+/g, " ");
    expect(answer).toContain(`"email": "${server.admin.email}"`);
    expect(answer).toMatch(/"code": "SHARED" }, "role": "ADMIN"/);
    await page.screenshot({ path: `${SHOTS}graphiql.png` });
    const own = (path: string) => requested.some((u) => u.startsWith(`${server.url}${path}`));
    expect(own("/graphiql/yoga-graphiql.umd.js")).toBe(true);
    expect(own("/graphiql/monacoeditorwork/"), "Monaco's workers load from our origin").toBe(true);
  });
});

describe("the web app", () => {
  const PAGES = ["/", "/assets", "/sites", "/graph", "/licences", "/procurement", "/audit", "/account"];

  it.each(PAGES)("runs %s without a CSP violation", async (path) => {
    await page.goto(`${server.url}/#${path}`);
    await page.waitForSelector("main");
    await page.waitForLoadState("networkidle");
    expect(await page.$$("#sign-in-form"), "signed in").toHaveLength(0);
    expect(await page.$$(".error-banner")).toHaveLength(0);
  });
});
