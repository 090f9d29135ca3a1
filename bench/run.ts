// `npm run bench [-- --sizes 1k,10k,100k --engines pglite,postgres --runs 20 --suites graph,ocds]`
// `npm run bench -- explorer [--assets 3000 --limit 2000 --runs 3]`: the graph explorer in headless
// Chromium (bench/explorer.ts), written to bench/results/explorer.md.
//
// For each engine and estate size: generate a synthetic estate (generate.ts), bulk-load it into a fresh
// database (load.ts), then time, server-side, `impact` on a high-fan-in storage array, `siteImpact` on the
// busiest data centre and `graph` for the 2-hop neighbourhood of a cluster — through the GraphQL app in
// process (app.request, as HTTP clients call it) and through the service function alone — reporting the
// median and 95th percentile of `--runs` runs after warm-up. Also: the cold graph load, the validation cost
// after a write elsewhere, and the recursive-CTE alternative. The "ocds" suite (ocds.ts) times OCDS imports
// of a generated package (`--ocds-records`, default 10,000; `--ocds-runs`, default 5). The "registers" suite
// (registers.ts, not run unless named) times a spreadsheet register import of `--register-rows` rows
// (default 100,000) beside PostgreSQL's own \copy. Writes the tables to bench/results/latest.md.
//
// PostgreSQL runs when DATABASE_URL is set or `--engines` names it; the bench creates and drops its own
// database on that server (default postgres://postgres@127.0.0.1:5432/postgres).
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { openDatabase } from "../server/db/open.ts";
import { migratePglite } from "../server/db/migrate.ts";
import { createApp } from "../server/app.ts";
import { createContext } from "../server/shared/context.ts";
import { SYSTEM_ACTOR } from "../server/shared/actor.ts";
import { graphView, impactOf, siteImpactOf } from "../server/graph/service.ts";
import { graphStore } from "../server/graph/store.ts";
import { impact } from "../server/graph/impact.ts";
import { buildDependencyGraph } from "../server/graph/model.ts";
import { generateEstate, type SyntheticEstate } from "./generate.ts";
import { loadEstate, type Exec } from "./load.ts";
import { impactByCte } from "./cte.ts";
import { benchOcds, ocdsTable, type OcdsRow } from "./ocds.ts";
import { benchRegisters, registersTable, type RegisterBenchRow } from "./registers.ts";

type Engine = "pglite" | "postgres";

type Suite = "graph" | "ocds" | "registers";

interface Options {
  suites: Suite[];
  ocdsRecords: number;
  ocdsRuns: number;
  registerRows: number;
  sizes: number[];
  engines: Engine[];
  runs: number;
  warmup: number;
  cteTimeoutMs: number;
}

function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(k|m)?$/i.exec(s.trim());
  if (!m) throw new Error(`bad size "${s}": use e.g. 1k, 10k, 100k or 2500`);
  return Math.round(
    Number(m[1]) * (m[2]?.toLowerCase() === "k" ? 1_000 : m[2]?.toLowerCase() === "m" ? 1_000_000 : 1),
  );
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    suites: ["graph", "ocds"],
    ocdsRecords: 10_000,
    ocdsRuns: 5,
    registerRows: 100_000,
    sizes: [1_000, 10_000, 100_000],
    engines: process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"],
    runs: 20,
    warmup: 3,
    cteTimeoutMs: 20_000,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? "";
    if (flag === "--sizes") opts.sizes = value().split(",").map(parseSize);
    else if (flag === "--engines")
      opts.engines = value()
        .split(",")
        .map((e) => e.trim() as Engine);
    else if (flag === "--runs") opts.runs = Number(value());
    else if (flag === "--suites") opts.suites = value().split(",").map((x) => x.trim() as Suite);
    else if (flag === "--ocds-records") opts.ocdsRecords = parseSize(value());
    else if (flag === "--ocds-runs") opts.ocdsRuns = Number(value());
    else if (flag === "--register-rows") opts.registerRows = parseSize(value());
    else if (flag === "--cte-timeout") opts.cteTimeoutMs = Number(value());
    else if (flag === "--help") {
      console.log(
        "npm run bench -- [--suites graph,ocds] [--sizes 1k,10k,100k] [--engines pglite,postgres] [--runs 20] [--cte-timeout 20000] [--ocds-records 10k] [--ocds-runs 5] [--register-rows 100k]",
      );
      process.exit(0);
    } else throw new Error(`unknown option ${flag}`);
  }
  for (const e of opts.engines)
    if (e !== "pglite" && e !== "postgres") throw new Error(`unknown engine ${e}`);
  for (const s of opts.suites)
    if (s !== "graph" && s !== "ocds" && s !== "registers") throw new Error(`unknown suite ${s}`);
  return opts;
}

const ADMIN_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function admin(sql: string) {
  const url = new URL(ADMIN_URL);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database on `engine`; `exec` runs SQL on it directly (no Prisma) for the bulk load. */
interface BenchDatabase {
  prisma: PrismaClient;
  /** The PostgreSQL database's URL (for psql); absent for PGlite. */
  url?: string;
  exec: Exec;
  dispose(): Promise<void>;
}

async function freshDatabase(engine: Engine): Promise<BenchDatabase> {
  if (engine === "pglite") {
    const pglite = new PGlite();
    await migratePglite(pglite);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      prisma,
      exec: (sql, params) => pglite.query(sql, params),
      dispose: async () => {
        await prisma.$disconnect();
        await pglite.close();
      },
    };
  }
  const name = `converge_bench_${randomBytes(4).toString("hex")}`;
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    prisma: db.prisma,
    url: url.toString(),
    exec: (sql, params) => client.query(sql, params),
    dispose: async () => {
      await client.end();
      await db.close();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

interface Timing {
  median: number;
  p95: number;
  /** Median CPU time of this process (not of the PostgreSQL server) per run: robust to a busy machine. */
  cpu: number;
}

/** Median, 95th percentile and median CPU time of samples [wall, cpu]. */
function summarise(samples: [number, number][]): Timing {
  const wall = samples.map((s) => s[0]).sort((a, b) => a - b);
  const cpu = samples.map((s) => s[1]).sort((a, b) => a - b);
  const mid = Math.floor((samples.length - 1) / 2);
  return { median: wall[mid]!, p95: wall[Math.ceil(samples.length * 0.95) - 1]!, cpu: cpu[mid]! };
}

/** Wall and CPU milliseconds of one call. */
async function sample(f: () => Promise<unknown>): Promise<[number, number]> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await f();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return [wall, (used.user + used.system) / 1000];
}

/** Runs `f` `warmup` times untimed, then `runs` times timed. */
async function time(f: () => Promise<unknown>, runs: number, warmup: number): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await f();
  const samples: [number, number][] = [];
  for (let i = 0; i < runs; i++) samples.push(await sample(f));
  return summarise(samples);
}

const ms = (t: number) => (t < 10 ? t.toFixed(2) : t < 100 ? t.toFixed(1) : t.toFixed(0));
const fmt = (t: Timing | null | string) =>
  t === null ? "–" : typeof t === "string" ? t : `${ms(t.median)} / ${ms(t.p95)} (${ms(t.cpu)})`;

interface Row {
  engine: Engine;
  assets: number;
  dependencies: number;
  operation: string;
  result: string;
  service: Timing | string | null;
  graphql: Timing | string | null;
}

const QUERIES = {
  impact: `query ($id: ID!) { impact(assetId: $id) { count entries { assetId distance } } }`,
  impactPaths: `query ($id: ID!) { impact(assetId: $id) { count entries { assetId distance path { id } } } }`,
  impactNames: `query ($id: ID!) { impact(assetId: $id) { count entries { distance asset { name organisation { code } site { name } } } } }`,
  siteImpact: `query ($id: ID!) { siteImpact(siteId: $id) { count entries { assetId distance } } }`,
  siteImpactPaths: `query ($id: ID!) { siteImpact(siteId: $id) { count entries { assetId distance path { id } } } }`,
  graph: `query ($id: ID!) { graph(filter: { around: [$id], hops: 2 }) {
    truncated nodes { id name kind subtype lifecycle criticality organisationCode siteId siteName } edges { id source target type } sites { id name } } }`,
};

async function benchOne(
  engine: Engine,
  size: number,
  opts: Options,
  log: (s: string) => void,
): Promise<Row[]> {
  const estate: SyntheticEstate = generateEstate(size);
  const db = await freshDatabase(engine);
  const rows: Row[] = [];
  const row = (operation: string, result: string, service: Row["service"], graphql: Row["graphql"]) =>
    rows.push({
      engine,
      assets: estate.assets.length,
      dependencies: estate.dependencies.length,
      operation,
      result,
      service,
      graphql,
    });
  try {
    let start = performance.now();
    await loadEstate(db.exec, estate, { skipForeignKeyChecks: true });
    const loadMs = performance.now() - start;
    log(
      `  loaded ${estate.assets.length} assets, ${estate.dependencies.length} dependencies in ${ms(loadMs)} ms`,
    );
    row("bulk load (INSERT … unnest, 10k rows per statement, FK checks off)", "", `${ms(loadMs)} ms`, null);

    const store = graphStore(db.prisma);
    store.clear();
    start = performance.now();
    await store.current();
    row("cold graph load (2 queries + index)", "", `${ms(performance.now() - start)} ms`, null);

    const { app } = createApp({ prisma: db.prisma, graphiql: false, actorOverride: () => SYSTEM_ACTOR });
    // The timed part is what the server does: execute, serialise, and stream the body out (read as text,
    // not parsed: parsing is the client's work). The first answer of each query is checked for errors.
    const checked = new Set<string>();
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const res = await app.request("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      if (!checked.has(query)) {
        const body = JSON.parse(text) as { errors?: unknown[] };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        checked.add(query);
      }
      return text.length;
    };
    const ctx = () => createContext(db.prisma, SYSTEM_ACTOR);
    const { storageId, siteId, clusterId } = estate.probes;
    const runs = opts.runs;

    const impactCount = (await impactOf(ctx(), `Asset:${storageId}`, "DOWNSTREAM")).hits.length;
    row(
      "impact DOWNSTREAM of a storage array",
      `${impactCount} assets`,
      await time(() => impactOf(ctx(), `Asset:${storageId}`, "DOWNSTREAM"), runs, opts.warmup),
      await time(() => gql(QUERIES.impact, { id: `Asset:${storageId}` }), runs, opts.warmup),
    );
    row(
      "… same, entries with their paths (path { id })",
      `${impactCount} assets`,
      null,
      await time(() => gql(QUERIES.impactPaths, { id: `Asset:${storageId}` }), runs, opts.warmup),
    );
    row(
      "… same, entries with asset name, organisation and site",
      `${impactCount} assets`,
      null,
      await time(() => gql(QUERIES.impactNames, { id: `Asset:${storageId}` }), Math.min(runs, 10), 1),
    );
    const siteCount = (await siteImpactOf(ctx(), `Site:${siteId}`)).states.length;
    row(
      "siteImpact of the busiest data centre",
      `${siteCount} assets`,
      await time(() => siteImpactOf(ctx(), `Site:${siteId}`), runs, opts.warmup),
      await time(() => gql(QUERIES.siteImpact, { id: `Site:${siteId}` }), runs, opts.warmup),
    );
    row(
      "… same, entries with their paths (path { id })",
      `${siteCount} assets`,
      null,
      await time(() => gql(QUERIES.siteImpactPaths, { id: `Site:${siteId}` }), Math.min(runs, 10), 1),
    );
    const view = await graphView(ctx(), { around: [`Asset:${clusterId}`], hops: 2 }, null);
    row(
      "graph: 2-hop neighbourhood of a cluster",
      `${view.nodes.length} nodes, ${view.edges.length} edges${view.truncated ? " (truncated)" : ""}`,
      await time(
        () => graphView(ctx(), { around: [`Asset:${clusterId}`], hops: 2 }, null),
        runs,
        opts.warmup,
      ),
      await time(() => gql(QUERIES.graph, { id: `Asset:${clusterId}` }), runs, opts.warmup),
    );

    // Validation after a write to another table: one read of the unchanged GraphVersion, no reload.
    row(
      "graph validation after a write elsewhere (version check, no reload)",
      "",
      await timeValidation(store, db, estate.organisations[0]!.id, Math.min(runs, 10)),
      null,
    );

    // The recursive-CTE alternative, checked against impact() on the same rows.
    const cteRuns = Math.min(runs, 5);
    try {
      const first = performance.now();
      const cte = await impactByCte(db.prisma, storageId, opts.cteTimeoutMs);
      const firstMs = performance.now() - first;
      const pure = impact(buildDependencyGraph(estate.assets, estate.dependencies), storageId, {
        direction: "DOWNSTREAM",
      });
      const same = JSON.stringify(cte) === JSON.stringify(pure);
      const t =
        firstMs > 2_000
          ? `${ms(firstMs)} (1 run)`
          : await time(() => impactByCte(db.prisma, storageId, opts.cteTimeoutMs), cteRuns, 1);
      row(
        "impact of the storage array by recursive CTE (alternative)",
        `${cte.length} assets, ${same ? "same answer" : "DIFFERENT answer"}`,
        t,
        null,
      );
    } catch (e) {
      row(
        "impact of the storage array by recursive CTE (alternative)",
        "",
        `> ${ms(opts.cteTimeoutMs)} ms (cancelled)`,
        null,
      );
      log(`  recursive CTE: ${(e as Error).message.split("\n")[0]}`);
    }
    return rows;
  } finally {
    await db.dispose();
  }
}

/** Time of `store.current()` right after an unrelated write (the write itself not timed). */
async function timeValidation(
  store: ReturnType<typeof graphStore>,
  db: BenchDatabase,
  orgId: string,
  runs: number,
): Promise<Timing> {
  const samples: [number, number][] = [];
  for (let i = 0; i < runs; i++) {
    await db.prisma.$executeRawUnsafe(
      `UPDATE "Organisation" SET "name" = $1 WHERE "id" = $2::uuid`,
      `Bench validation ${i}`,
      orgId,
    );
    samples.push(await sample(() => store.current()));
  }
  return summarise(samples);
}

async function main() {
  if (process.argv[2] === "explorer") {
    // The browser benchmark of the graph explorer (bench/explorer.ts): its own flags, its own table.
    const { benchExplorer } = await import("./explorer.ts");
    const text = await benchExplorer(process.argv.slice(3));
    console.log(`\n${text}`);
    mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
    writeFileSync(new URL("./results/explorer.md", import.meta.url), text);
    return;
  }
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const rows: Row[] = [];
  let serverVersion = "";
  if (opts.engines.includes("postgres"))
    serverVersion = (await admin("SHOW server_version")).rows[0].server_version;
  const ocdsRows: { engine: string; row: OcdsRow }[] = [];
  const registerRows: { engine: string; row: RegisterBenchRow }[] = [];
  for (const engine of opts.engines) {
    if (opts.suites.includes("registers")) {
      console.log(`${engine}, register import of ${opts.registerRows} rows …`);
      const db = await freshDatabase(engine);
      try {
        const measured = await benchRegisters(db.prisma, db.url ?? null, opts.registerRows, (s) => console.log(s));
        registerRows.push(...measured.map((row) => ({ engine, row })));
      } finally {
        await db.dispose();
      }
    }
    if (opts.suites.includes("graph"))
      for (const size of opts.sizes) {
        console.log(`${engine}, ${size} assets …`);
        rows.push(...(await benchOne(engine, size, opts, (s) => console.log(s))));
      }
    if (opts.suites.includes("ocds")) {
      console.log(`${engine}, OCDS import of ${opts.ocdsRecords} records …`);
      const db = await freshDatabase(engine);
      try {
        const measured = await benchOcds(db.prisma, { records: opts.ocdsRecords, runs: opts.ocdsRuns }, (s) =>
          console.log(s),
        );
        ocdsRows.push(...measured.map((row) => ({ engine, row })));
      } finally {
        await db.dispose();
      }
    }
  }
  const header = [
    `# Graph API benchmark`,
    ``,
    `${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"} · Node ${process.version}` +
      (serverVersion ? ` · PostgreSQL ${serverVersion}` : "") +
      ` · NODE_ENV=${process.env.NODE_ENV ?? "(unset)"} · ${opts.runs} timed runs after ${opts.warmup} warm-up runs · times in ms, server-side (in process): median / p95 of wall-clock time (median CPU time of the Node process, which excludes the PostgreSQL server's work)`,
    ``,
    `"Service" is the service function alone (graph validation included); "GraphQL" the whole operation through the hono app`,
    `(entries { assetId distance } unless the row says more).`,
    ``,
    `| Engine | Assets | Dependencies | Operation | Result | Service | GraphQL |`,
    `|---|---:|---:|---|---|---:|---:|`,
  ];
  const table = rows.map(
    (r) =>
      `| ${r.engine} | ${r.assets.toLocaleString("en-GB")} | ${r.dependencies.toLocaleString("en-GB")} | ${r.operation} | ${r.result} | ${fmt(r.service)} | ${fmt(r.graphql)} |`,
  );
  const ocds = ocdsRows.length
    ? [
        ``,
        `## OCDS import`,
        ``,
        `A generated record package (bench/ocds-generate.ts) naming two councils; ${opts.ocdsRuns} timed runs each, no warm-up.`,
        `"Longest event-loop block": the longest any other request would have waited for this process's thread.`,
        ``,
        ...ocdsTable(ocdsRows),
      ]
    : [];
  const registers = registerRows.length
    ? [
        ``,
        `## Register import`,
        ``,
        `A generated assets register (bench/registers.ts) as a messy CSV, imported through importRegisters; one run each.`,
        ``,
        ...registersTable(registerRows),
      ]
    : [];
  const text = [
    ...(rows.length ? [...header, ...table] : [`# Benchmarks`, ``, header[2]!]),
    ...ocds,
    ...registers,
    ``,
    `Total bench time ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    ``,
  ].join("\n");
  console.log(`\n${text}`);
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  writeFileSync(new URL("./results/latest.md", import.meta.url), text);
}

await main();
