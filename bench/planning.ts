// `npm run bench:planning [-- --sizes 100k --engines pglite,postgres --runs 5]`
//
// The planning engine on a synthetic estate (generate.ts): a scenario of 10,000 moves — everything at the
// first organisation's comms rooms and half of its second data centre migrating to the second
// organisation's data centres, a tenth of it retired instead, and the comms rooms closing — planned into
// waves and validated (through the service, database reads included, and the engine alone), costed over
// 10 years, and a whole draftConvergence of the estate. Medians and 95th percentiles of wall-clock time
// and the median CPU time of this process; targets in the issue: planWaves + validateScenario under 2 s,
// scenarioFinancials under 1 s, draftConvergence under 10 s at 100,000 assets.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { openDatabase } from "../server/db/open.ts";
import { migratePglite } from "../server/db/migrate.ts";
import { createContext } from "../server/shared/context.ts";
import { SYSTEM_ACTOR } from "../server/shared/actor.ts";
import { toGlobalId } from "../server/shared/ids.ts";
import { analyseScenario } from "../server/planning/analysis.ts";
import { planWaves } from "../server/planning/waves.ts";
import { findViolations } from "../server/planning/violations.ts";
import { scenarioFinancials } from "../server/planning/financials.ts";
import { createScenario } from "../server/planning/scenarios.ts";
import { addMoves } from "../server/planning/moves.ts";
import { draftConvergenceScenario } from "../server/planning/draft-service.ts";
import type { MoveInput } from "../generated/graphql.ts";
import { generateEstate } from "./generate.ts";
import { loadEstate, type Exec } from "./load.ts";

type Engine = "pglite" | "postgres";
const ADMIN_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function args() {
  const opts = { sizes: [100_000], engines: (process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"]) as Engine[], runs: 5, moves: 10_000 };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const v = () => argv[++i] ?? "";
    if (argv[i] === "--sizes") opts.sizes = v().split(",").map((s) => Math.round(Number(s.replace(/k$/i, "")) * (/k$/i.test(s) ? 1000 : 1)));
    else if (argv[i] === "--engines") opts.engines = v().split(",") as Engine[];
    else if (argv[i] === "--runs") opts.runs = Number(v());
    else if (argv[i] === "--moves") opts.moves = Number(v());
    else throw new Error(`unknown option ${argv[i]}; use --sizes 100k --engines pglite,postgres --runs 5 --moves 10000`);
  }
  return opts;
}

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

async function freshDatabase(engine: Engine): Promise<{ prisma: PrismaClient; exec: Exec; dispose(): Promise<void> }> {
  if (engine === "pglite") {
    const pglite = new PGlite();
    await migratePglite(pglite);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return { prisma, exec: (sql, params) => pglite.query(sql, params), dispose: async () => (await prisma.$disconnect(), await pglite.close()) };
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
    exec: (sql, params) => client.query(sql, params),
    dispose: async () => {
      await client.end();
      await db.close();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function time(f: () => Promise<unknown> | unknown, runs: number) {
  await f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await f();
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const mid = Math.floor((runs - 1) / 2);
  return { median: wall[mid]!, p95: wall[Math.ceil(runs * 0.95) - 1]!, cpu: cpu[mid]! };
}

const fmt = (t: { median: number; p95: number; cpu: number }) => `${t.median.toFixed(0)} / ${t.p95.toFixed(0)} (${t.cpu.toFixed(0)})`;

async function benchOne(engine: Engine, size: number, runs: number, moveCount: number, log: (s: string) => void) {
  const db = await freshDatabase(engine);
  const rows: string[] = [];
  const row = (text: string) => {
    rows.push(text);
    log(text);
  };
  try {
    const estate = generateEstate(size);
    await loadEstate(db.exec, estate);
    // Capacity for the planner: racks and power at every site, sizes on the kit (not in the generator).
    await db.prisma.$executeRawUnsafe(`UPDATE "Site" SET "racks" = 4000, "racksUsed" = 1500, "powerKw" = 8000, "powerUsedKw" = 3000, "pue" = 1.6, "annualCostPence" = 25000000`);
    await db.prisma.$executeRawUnsafe(`UPDATE "Asset" SET "rackUnits" = 2, "powerKw" = 0.4, "annualRunCostPence" = 150000 WHERE "kind" IN ('SERVER', 'NETWORK')`);
    await db.prisma.$executeRawUnsafe(`UPDATE "Asset" SET "rackUnits" = 8, "powerKw" = 3, "storageTb" = 500, "storageUsedTb" = 200 WHERE "kind" = 'STORAGE'`);
    await db.prisma.$executeRawUnsafe(`UPDATE "Asset" SET "rackUnits" = 10, "powerKw" = 4.5, "vcpu" = 2000, "vcpuUsed" = 900, "ramGb" = 16000, "ramUsedGb" = 8000 WHERE "kind" = 'COMPUTE_CLUSTER'`);
    const [first, second] = estate.organisations;
    const sitesOf = (org: string) => estate.sites.filter((s) => s.organisationId === org);
    const closing = sitesOf(first!.id).filter((s) => s.kind === "COMMS_ROOM");
    const targets = sitesOf(second!.id).filter((s) => s.kind === "DATA_CENTRE");
    const closingIds = new Set(closing.map((s) => s.id));
    // Physical kit of the first organisation, the closing comms rooms' first (applications run where their hosts are).
    const order = new Map(sitesOf(first!.id).map((s, i) => [s.id, closingIds.has(s.id) ? -1 : -i]));
    const candidates = estate.assets
      .filter((a) => a.lifecycle === "ACTIVE" && a.siteId && order.has(a.siteId) && a.kind !== "APPLICATION")
      .sort((a, b) => order.get(a.siteId!)! - order.get(b.siteId!)! || (a.id < b.id ? -1 : 1))
      .slice(0, moveCount - closing.length);
    const moves: MoveInput[] = candidates.map((a, i) =>
      i % 10 === 0
        ? { kind: "RETIRE", asset: toGlobalId("Asset", a.id), acceptExitCost: true }
        : { kind: "MIGRATE", asset: toGlobalId("Asset", a.id), targetSite: toGlobalId("Site", targets[i % targets.length]!.id), oneOffCost: 1_000_00n, effortDays: 2 },
    );
    for (const s of closing) moves.push({ kind: "CLOSE_SITE", site: toGlobalId("Site", s.id) });
    const ctx = () => createContext(db.prisma, SYSTEM_ACTOR);
    const scenario = await createScenario(ctx(), {
      name: "Bench",
      startDate: new Date("2027-04-01"),
      horizonYears: 10,
      waveLengthMonths: 3,
      maxMovesPerWave: 400,
      organisations: estate.organisations.map((o) => o.code),
    });
    const t0 = performance.now();
    await addMoves(ctx(), toGlobalId("Scenario", scenario.id), moves);
    log(`  ${moves.length} moves added in ${(performance.now() - t0).toFixed(0)} ms`);

    const analysis = await analyseScenario(ctx(), scenario.id);
    const summary = `${analysis.plan.waveCount} waves (bound ${analysis.plan.bound.waves}), ${analysis.violations.length} violation(s)`;
    const viaService = await time(async () => {
      const a = await analyseScenario(ctx(), scenario.id);
      return a.violations.length;
    }, runs);
    row(`| ${engine} | ${size.toLocaleString("en-GB")} | planWaves + validateScenario (service: reads + plan + validate) | ${moves.length.toLocaleString("en-GB")} moves → ${summary} | ${fmt(viaService)} |`);
    const engineOnly = await time(() => findViolations(planWaves(analysis.input)), runs);
    row(`| ${engine} | ${size.toLocaleString("en-GB")} | planWaves + validateScenario (engine alone) | same | ${fmt(engineOnly)} |`);
    const fin = scenarioFinancials(analysis.input, analysis.plan);
    const financials = await time(() => scenarioFinancials(analysis.input, analysis.plan), runs);
    row(`| ${engine} | ${size.toLocaleString("en-GB")} | scenarioFinancials, 10 years | ${fin.changes.length.toLocaleString("en-GB")} changes, ${fin.oneOffs.length.toLocaleString("en-GB")} one-off lines | ${fmt(financials)} |`);

    const draftInput = {
      name: "Bench draft",
      startDate: new Date("2027-04-01"),
      targetSites: targets.map((s) => toGlobalId("Site", s.id)),
      closingSites: closing.map((s) => toGlobalId("Site", s.id)),
    };
    const d = await draftConvergenceScenario(ctx(), draftInput);
    const draft = await time(() => draftConvergenceScenario(ctx(), draftInput), Math.max(1, Math.min(runs, 3)));
    row(`| ${engine} | ${size.toLocaleString("en-GB")} | draftConvergence (load, draft, store) | ${d.decisions.filter((x) => x.moveId).length.toLocaleString("en-GB")} moves, ${d.unplaced.length} unplaced | ${fmt(draft)} |`);
    return rows;
  } finally {
    await db.dispose();
  }
}

async function main() {
  const opts = args();
  const started = Date.now();
  const rows: string[] = [];
  for (const engine of opts.engines)
    for (const size of opts.sizes) {
      console.log(`${engine}, ${size} assets …`);
      rows.push(...(await benchOne(engine, size, opts.runs, opts.moves, (s) => console.log(s))));
    }
  const text = [
    "# Planning benchmark",
    "",
    `${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"} · Node ${process.version} · ${opts.runs} timed runs after one warm-up · ms: median / p95 of wall-clock time (median CPU time of this process)`,
    "",
    "| Engine | Assets | Operation | Result | Time |",
    "|---|---:|---|---|---:|",
    ...rows,
    "",
    `Total ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    "",
  ].join("\n");
  console.log(`\n${text}`);
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  writeFileSync(new URL("./results/planning.md", import.meta.url), text);
}

await main();
