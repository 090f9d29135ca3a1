// Shared set-up for browser test files: one server with the seed data, Chromium, the administrator
// signed in (one-time password replaced), users with chosen roles made through GraphQL, pages that
// collect console errors, and screenshots under test-results/.
import { mkdir, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { randomUUID } from "node:crypto";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { launchChromium, SHOTS } from "./browser.ts";
import {
  graphqlRequest,
  replaceOneTimePassword,
  startTestServer,
  type TestServer,
} from "./server-fixture.ts";

/** Storage state of a signed-in browser. */
export type SignedIn = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** A started server and browser, and the administrator's signed-in state. */
export interface Harness {
  server: TestServer;
  browser: Browser;
  admin: SignedIn;
  close(): Promise<void>;
}

/** Starts the server and Chromium and signs the administrator in. */
export async function startHarness(): Promise<Harness> {
  const server = await startTestServer();
  const browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
  await replaceOneTimePassword(server, `harness-admin-${randomUUID()}`);
  const admin = await signedInState(browser, server, server.admin.email, server.admin.password);
  return {
    server,
    browser,
    admin,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Signs `email` in through /auth/sign-in in a fresh context and returns its storage state. */
export async function signedInState(
  browser: Browser,
  server: TestServer,
  email: string,
  password: string,
): Promise<SignedIn> {
  const ctx = await browser.newContext();
  try {
    const res = await ctx.request.post(`${server.url}/auth/sign-in`, { data: { email, password } });
    if (!res.ok()) throw new Error(`sign-in of ${email} failed: ${res.status()} ${await res.text()}`);
    return await ctx.storageState();
  } finally {
    await ctx.close();
  }
}

/**
 * Creates a user of `organisation` holding `roles` there, with its own password (the one-time password
 * replaced), and returns its e-mail, id and signed-in state.
 */
export async function userWithRoles(
  h: Harness,
  organisation: string,
  roles: string[],
  name = `${roles.join("+") || "No role"} Tester`,
): Promise<{ id: string; email: string; password: string; state: SignedIn }> {
  const email = `${roles.join("-").toLowerCase() || "norole"}.${randomUUID().slice(0, 8)}@${organisation.toLowerCase()}.example.gov.uk`;
  const created = await graphqlRequest<{ createUser: { user: { id: string }; oneTimePassword: string } }>(
    h.server,
    "mutation ($e: String!, $n: String!, $o: String!) { createUser(email: $e, displayName: $n, organisation: $o) { user { id } oneTimePassword } }",
    { e: email, n: name, o: organisation },
  );
  const id = created.createUser.user.id;
  for (const role of roles)
    await graphqlRequest(
      h.server,
      "mutation ($u: ID!, $o: String!, $r: Role!) { grantRole(user: $u, organisation: $o, role: $r) { id } }",
      { u: id, o: organisation, r: role },
    );
  const password = `tester-password-${randomUUID()}`;
  const ctx = await h.browser.newContext();
  try {
    const signIn = await ctx.request.post(`${h.server.url}/auth/sign-in`, {
      data: { email, password: created.createUser.oneTimePassword },
    });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${await signIn.text()}`);
    const changed = await ctx.request.post(`${h.server.url}/graphql`, {
      headers: { origin: h.server.url },
      data: {
        query:
          "mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { email } }",
        variables: { c: created.createUser.oneTimePassword, n: password },
      },
    });
    const body = await changed.text();
    if (body.includes('"errors"')) throw new Error(`password change failed: ${body}`);
    return { id, email, password, state: await ctx.storageState() };
  } finally {
    await ctx.close();
  }
}

/** A page in a new context signed in as `state` (anonymous when undefined), collecting problems. */
export async function openPage(
  h: Harness,
  state: SignedIn | undefined,
  options: { width?: number; height?: number; timezoneId?: string } = {},
): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
  const context = await h.browser.newContext({
    viewport: { width: options.width ?? 1400, height: options.height ?? 900 },
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    storageState: state,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, context, problems };
}

/** Saves a screenshot as test-results/<name>.png. */
export const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: `${SHOTS}${name}.png`, fullPage });

/** Downloads what clicking `selector` saves and reads it with exceljs as a worksheet of text rows. */
export async function exportedRows(
  page: Page,
  selector: string,
): Promise<{ name: string; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const file = join(await mkdtemp(join(tmpdir(), "converge-export-")), download.suggestedFilename());
  await download.saveAs(file);
  const sheet = await new ExcelJS.Workbook().csv.readFile(file, { parserOptions: { delimiter: "," } });
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1).map((v) => (v == null ? "" : String(v)));
    rows.push(values);
  });
  return { name: download.suggestedFilename(), rows };
}

/** The CSV an export button downloads, as written (no spreadsheet's reading of dates or numbers). */
export async function exportedCsv(
  page: Page,
  selector: string,
): Promise<{ name: string; header: string[]; rows: Record<string, string>[] }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const file = join(await mkdtemp(join(tmpdir(), "converge-export-")), download.suggestedFilename());
  await download.saveAs(file);
  const text = (await readFile(file, "utf8")).replace(/^\uFEFF/, "");
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  return { name: download.suggestedFilename(), header: parsed.meta.fields ?? [], rows: parsed.data };
}
