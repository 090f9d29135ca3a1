// `npm start` as a new user runs it: an empty data folder is migrated and seeded; a second start on the
// same folder finds the data again and does not seed twice.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url).pathname;

interface Started {
  child: ChildProcess;
  url: string;
  output: string;
}

function start(dataDir: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: "0", NODE_ENV: "production" };
  delete env.DATABASE_URL;
  const child = spawn("npm", ["start"], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not print its URL in time:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Web app:\s+(http:\/\/localhost:\d+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, get output() { return output; } } as Started);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
}

async function stop(s: Started): Promise<void> {
  const exited = new Promise<void>((resolve) => s.child.once("exit", () => resolve()));
  process.kill(-s.child.pid!, "SIGTERM");
  await exited;
}

const NEW_PASSWORD = "a-long-new-password-for-tests";

async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  expect(res.status).toBe(200);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

async function gql(url: string, cookie: string, query: string, variables = {}) {
  const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", cookie, origin: url }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: any; errors?: { message: string }[] };
}

async function counts(url: string, cookie: string) {
  const r = await gql(url, cookie, "{ organisations { code summary { assetCount siteCount licenceCount } } }");
  return (r.data as { organisations: { code: string; summary: Record<string, number> }[] }).organisations;
}

let adminEmail = "";

describe("npm start", () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), "converge-start-")), "data");
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("migrates and seeds an empty data folder, then serves the web app and GraphQL", async () => {
    const s = await start(dataDir);
    try {
      expect(s.output).toContain("Applied migrations:");
      expect(s.output).toContain("Loaded seed estates:");
      const anonymous = await fetch(`${s.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ organisations { code } }"}' });
      expect(anonymous.status).toBe(401);
      const email = /e-mail:\s+(\S+)/.exec(s.output)![1]!;
      const password = /password:\s+(\S+)/.exec(s.output)![1]!;
      adminEmail = email;
      const cookie = await signIn(s.url, email, password);
      const blocked = await gql(s.url, cookie, "{ organisations { code } }");
      expect(blocked.errors?.[0]?.message).toMatch(/new password/);
      const changed = await gql(s.url, cookie, "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { mustChangePassword } }", { c: password, n: NEW_PASSWORD });
      expect(changed.data.changePassword.mustChangePassword).toBe(false);
      const orgs = await counts(s.url, cookie);
      expect(orgs.map((o) => o.code)).toEqual(expect.arrayContaining(["SCC", "DCC"]));
      expect(orgs.find((o) => o.code === "SCC")!.summary.assetCount).toBeGreaterThan(100);
      const page = await fetch(`${s.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Converge");
    } finally {
      await stop(s);
    }
  }, 180_000);

  it("keeps the data on a second start and does not seed twice", async () => {
    const s = await start(dataDir);
    try {
      expect(s.output).not.toContain("Loaded seed estates:");
      expect(s.output).not.toContain("Applied migrations:");
      expect(s.output).not.toContain("one-time credentials");
      const orgs = await counts(s.url, await signIn(s.url, adminEmail, NEW_PASSWORD));
      const first = orgs.find((o) => o.code === "SCC")!.summary;
      expect(first.assetCount).toBeGreaterThan(100);
      // the same counts as a freshly seeded estate: nothing doubled
      const { buildSeedEstate } = await import("../../seeds/estate.ts");
      const estate = buildSeedEstate();
      const total = orgs.reduce((n, o) => n + (o.summary.assetCount ?? 0), 0);
      expect(total).toBe(estate.assets.filter((a) => a.lifecycle !== "RETIRED").length);
    } finally {
      await stop(s);
    }
  }, 180_000);
});
