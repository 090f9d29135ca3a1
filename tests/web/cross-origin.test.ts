// The cross-origin attack, replayed in real Chromium: the administrator is signed in on Converge
// (http://localhost:PORT); a page on another port of the same host (same-site, so the SameSite=Strict
// session cookie still goes along) tries to act as them with an auto-submitting HTML form, credentialed
// fetches with form and text bodies, and a preflighted JSON fetch. Every attempt must be refused and
// nothing written: no API token, no audit event (every change writes one). The same browser session still
// works from Converge's own pages.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { launchChromium } from "./browser.ts";
import {
  graphqlRequest,
  replaceOneTimePassword,
  startTestServer,
  type TestServer,
} from "./server-fixture.ts";

const MUTATION = `mutation { createApiToken(name: "stolen", expiresInDays: 366) { token } }`;

let server: TestServer;
let attacker: { url: string; server: Server };
let browser: Browser;
let context: BrowserContext;

/** A request as it went over the wire to Converge (from Chromium's network log) and the status it got. */
interface OnTheWire {
  method?: string;
  url?: string;
  cookie?: string;
  status?: number;
}

/**
 * Records what the attacker's page sends to Converge, from Chromium's own network events: they report the
 * cookies sent and the status answered even when the browser then hides the answer from the page.
 */
async function recordWire(page: Page): Promise<{ sent: () => OnTheWire[]; clear: () => void }> {
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  let wire = new Map<string, OnTheWire>();
  const entry = (id: string) => wire.get(id) ?? wire.set(id, {}).get(id)!;
  cdp.on("Network.requestWillBeSent", (e) =>
    Object.assign(entry(e.requestId), { method: e.request.method, url: e.request.url }),
  );
  cdp.on("Network.requestWillBeSentExtraInfo", (e) => {
    entry(e.requestId).cookie = e.headers.Cookie ?? e.headers.cookie;
  });
  cdp.on("Network.responseReceivedExtraInfo", (e) => {
    entry(e.requestId).status = e.statusCode;
  });
  return {
    sent: () => [...wire.values()].filter((w) => w.url?.startsWith(server.url)),
    clear: () => void (wire = new Map()),
  };
}

/** Waits until every request to Converge made since `clear` has its answer's status. */
async function answered(wire: Awaited<ReturnType<typeof recordWire>>): Promise<OnTheWire[]> {
  await expect
    .poll(() => wire.sent().every((w) => w.status !== undefined && w.method !== undefined))
    .toBe(true);
  return wire.sent();
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** An attacker's page that posts a form to `action` as soon as it loads. */
function autoSubmittingForm(action: string, enctype: string, fields: [string, string][]): string {
  const inputs = fields
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join("");
  return `<!doctype html><form method="POST" action="${escape(action)}" enctype="${enctype}">${inputs}</form>
<script>document.forms[0].submit()</script>`;
}

/** The attacker's site: a plain HTTP server on another port, whose pages target Converge. */
async function startAttacker(target: string) {
  const pages: Record<string, string> = {
    "/form-urlencoded": autoSubmittingForm(`${target}/graphql`, "application/x-www-form-urlencoded", [
      ["query", MUTATION],
    ]),
    "/form-multipart": autoSubmittingForm(`${target}/graphql`, "multipart/form-data", [["query", MUTATION]]),
    // text/plain forms send "name=value": this pair makes the body valid JSON.
    "/form-text": autoSubmittingForm(`${target}/graphql`, "text/plain", [
      [`{"query":${JSON.stringify(MUTATION)},"x":"`, `"}`],
    ]),
    "/form-sign-out": autoSubmittingForm(`${target}/auth/sign-out`, "text/plain", [["{}", ""]]),
    "/blank": "<!doctype html><title>cheap prizes</title>",
  };
  const http = createServer((req, res) => {
    const page = pages[req.url ?? ""];
    res.writeHead(page ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    res.end(page ?? "");
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const port = (http.address() as AddressInfo).port;
  return { url: `http://localhost:${port}`, server: http };
}

/** What can be read of the administrator's writes: their API tokens and the audit trail's length. */
async function writes() {
  const data = await graphqlRequest<{ apiTokens: { id: string }[]; auditEvents: { totalCount: number } }>(
    server,
    "{ apiTokens { id } auditEvents(first: 1) { totalCount } }",
  );
  return { tokens: data.apiTokens.length, auditEvents: data.auditEvents.totalCount };
}

beforeAll(async () => {
  server = await startTestServer();
  await replaceOneTimePassword(server, "cross-origin browser test 2026!");
  attacker = await startAttacker(server.url);
  expect(new URL(attacker.url).hostname, "same host, other port: the cookie still goes along").toBe(
    new URL(server.url).hostname,
  );
  browser = await launchChromium();
  context = await browser.newContext();
  // The victim signs in on Converge's own page.
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  const status = await page.evaluate(
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
  await page.close();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attacker?.server.close(resolve));
  await server?.close();
});

describe("a page on another port of the same host, while the administrator is signed in", () => {
  let before: Awaited<ReturnType<typeof writes>>;
  let page: Page;
  let wire: Awaited<ReturnType<typeof recordWire>>;

  beforeAll(async () => {
    before = await writes();
    page = await context.newPage();
    wire = await recordWire(page);
  });

  /** Asserts that `sent` holds exactly `posts` POSTs, each carrying the session cookie and refused 403. */
  function expectRefusedWithCookie(sent: OnTheWire[], posts: number): void {
    const attempts = sent.filter((w) => w.method === "POST");
    expect(attempts).toHaveLength(posts);
    for (const attempt of attempts) {
      expect(attempt.cookie, "the session cookie went along").toMatch(/converge_session=s_/);
      expect(attempt.status).toBe(403);
    }
  }

  it.each(["form-urlencoded", "form-multipart", "form-text", "form-sign-out"])(
    "cannot act with an auto-submitting HTML form (%s): refused with 403 although the cookie went along",
    async (form) => {
      wire.clear();
      await page.goto(`${attacker.url}/${form}`);
      await page.waitForURL(`${server.url}/**`);
      expectRefusedWithCookie(await answered(wire), 1);
      expect(await page.textContent("body")).toContain('"code":"FORBIDDEN"');
      expect(await writes()).toEqual(before);
    },
  );

  it.each([
    ["text/plain", JSON.stringify({ query: MUTATION })],
    ["application/x-www-form-urlencoded", new URLSearchParams({ query: MUTATION }).toString()],
  ])(
    "cannot act with a credentialed fetch sending %s: refused with 403, nothing written",
    async (type, body) => {
      await page.goto(`${attacker.url}/blank`);
      wire.clear();
      {
        const outcomes = await page.evaluate(
          async ({ target, type, body }) => {
            const tries: RequestInit[] = [
              { mode: "no-cors", credentials: "include" }, // fire and forget
              { mode: "cors", credentials: "include" }, // the answer would be readable with CORS
            ];
            return Promise.all(
              tries.map((init) =>
                fetch(`${target}/graphql`, {
                  ...init,
                  method: "POST",
                  headers: { "content-type": type },
                  body,
                }).then(
                  (res) => `answer ${res.type} ${res.status}`,
                  (err: Error) => `failed: ${err.name}`,
                ),
              ),
            );
          },
          { target: server.url, type, body },
        );
        // Neither answer reaches the page: Cross-Origin-Resource-Policy: same-origin blocks the opaque one,
        // the missing Access-Control-Allow-Origin the other. What matters is that the server refused both.
        expect(outcomes).toEqual(["failed: TypeError", "failed: TypeError"]);
      }
      expectRefusedWithCookie(await answered(wire), 2);
      expect(await writes()).toEqual(before);
    },
  );

  it("cannot act with a preflighted JSON fetch: the preflight finds no CORS and the POST is never sent", async () => {
    await page.goto(`${attacker.url}/blank`);
    wire.clear();
    {
      const outcome = await page.evaluate(
        async ({ target, query }) =>
          fetch(`${target}/graphql`, {
            method: "POST",
            credentials: "include",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ query }),
          }).then(
            (res) => `answer ${res.status}`,
            (err: Error) => `failed: ${err.name}`,
          ),
        { target: server.url, query: MUTATION },
      );
      expect(outcome).toBe("failed: TypeError");
    }
    // Chromium logs the POST the page asked for, but it never goes on the wire: no headers were sent
    // (no cookie) and nothing answered it. Only the preflight reached Converge, and it allowed nothing.
    await expect.poll(() => wire.sent().find((w) => w.method === "OPTIONS")?.status).toBeDefined();
    const sent = wire.sent();
    expect(sent.map((w) => w.method).sort()).toEqual(["OPTIONS", "POST"]);
    const preflight = sent.find((w) => w.method === "OPTIONS")!;
    expect(preflight.cookie, "a preflight carries no cookie").toBeUndefined();
    expect(preflight.status).not.toBe(204);
    expect(sent.find((w) => w.method === "POST")).toEqual({ method: "POST", url: `${server.url}/graphql` });
    expect(await writes()).toEqual(before);
  });

  it("leaves the administrator signed in, and their session still acts from Converge's own pages", async () => {
    const own = await context.newPage();
    await own.goto(`${server.url}/`);
    const result = await own.evaluate(async (query) => {
      const res = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: unknown } };
    }, MUTATION);
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    const after = await writes();
    expect(after.tokens).toBe(before.tokens + 1);
    expect(after.auditEvents).toBe(before.auditEvents + 1);
    await own.close();
  });
});
