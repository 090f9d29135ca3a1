// A council's deployment: `npm start` on its own empty PostgreSQL database (DATABASE_URL) must leave it
// free of the invented demo estates, listen where HOST says, and let the council add its own
// organisations (`npm run organisation:add`), after which the next start creates the first administrator.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createPostgresDatabase } from "../support/databases.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function start(env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn("npx", ["tsx", "server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", NODE_ENV: "production", ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed in time:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Web app:\s+(http:\/\/[^/\s]+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => output });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
}

async function stop(s: Started): Promise<void> {
  if (s.child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => s.child.once("exit", () => resolve()));
  process.kill(-s.child.pid!, "SIGTERM");
  await exited;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.once("exit", (code) => resolve({ code: code ?? 1, out }));
  });
}

async function rowCounts(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const count = async (table: string) =>
      Number((await client.query(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n);
    return {
      organisations: await count("Organisation"),
      sites: await count("Site"),
      assets: await count("Asset"),
      contracts: await count("Contract"),
      users: await count("User"),
      products: await count("Product"),
      capabilities: await count("Capability"),
    };
  } finally {
    await client.end();
  }
}

describe.runIf(process.env.DATABASE_URL)("npm start on an empty PostgreSQL database", () => {
  let url = "";
  let drop = async () => {};
  beforeAll(async () => {
    const db = await createPostgresDatabase();
    url = db.url;
    drop = db.drop;
  });
  afterAll(() => drop());

  it("migrates it and loads the product catalogue but no demo data, listening on HOST", async () => {
    const s = await start({ DATABASE_URL: url, HOST: "0.0.0.0" });
    try {
      expect(s.output()).toContain("Applied migrations:");
      expect(s.output()).toMatch(/Loaded the product catalogue: \d+ products/);
      expect(s.output()).not.toContain("Loaded seed estates");
      expect(s.output()).toContain("npm run organisation:add");
      expect(s.output()).toMatch(/listening on 0\.0\.0\.0 port \d+/);
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    } finally {
      await stop(s);
    }
    const counts = await rowCounts(url);
    expect(counts).toMatchObject({ organisations: 0, sites: 0, assets: 0, contracts: 0, users: 0 });
    // The catalogue an editor links assets to: products with their jobs, and the taxonomy.
    expect(counts.products).toBeGreaterThan(150);
    expect(counts.capabilities).toBeGreaterThan(100);
  }, 180_000);

  it("takes the council's own organisations, then creates the first administrator in the shared service", async () => {
    const bad = await run(["organisation:add", "--", "--code", "x", "--name", "X", "--kind", "COUNCIL"], {
      DATABASE_URL: url,
    });
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/code: "x" is not a code/);
    for (const [code, name, kind] of [
      ["NESS", "North East Shared Service", "SHARED_SERVICE"],
      ["SCC", "Sunderland City Council", "COUNCIL"],
    ]) {
      const r = await run(["organisation:add", "--", "--code", code!, "--name", name!, "--kind", kind!], {
        DATABASE_URL: url,
      });
      expect(r.out).toContain(`Added ${code}`);
      expect(r.code).toBe(0);
    }
    const s = await start({ DATABASE_URL: url });
    try {
      expect(s.output()).toContain("First administrator created");
      expect(s.output()).not.toContain("Loaded seed estates");
    } finally {
      await stop(s);
    }
    expect(await rowCounts(url)).toMatchObject({ organisations: 2, sites: 0, assets: 0, contracts: 0, users: 1 });
  }, 180_000);

  it("loads the demo estates into an empty PostgreSQL database only when asked (DEMO_DATA=yes)", async () => {
    const fresh = await createPostgresDatabase();
    try {
      const s = await start({ DATABASE_URL: fresh.url, DEMO_DATA: "yes" });
      try {
        expect(s.output()).toContain("Loaded seed estates");
      } finally {
        await stop(s);
      }
      expect((await rowCounts(fresh.url)).assets).toBeGreaterThan(100);
    } finally {
      await fresh.drop();
    }
  }, 180_000);
});

describe("DEMO_DATA", () => {
  it("refuses a value it does not know, naming the variable", async () => {
    const { parseDemoData, wantsDemoData } = await import("../../seeds/demo-policy.ts");
    expect(() => parseDemoData("sometimes")).toThrow(/DEMO_DATA must be auto, yes or no/);
    expect(wantsDemoData(parseDemoData(undefined), "pglite")).toBe(true);
    expect(wantsDemoData(parseDemoData(undefined), "postgres")).toBe(false);
    expect(wantsDemoData(parseDemoData("yes"), "postgres")).toBe(true);
    expect(wantsDemoData(parseDemoData("no"), "pglite")).toBe(false);
  });
});
