// `npm run load -- [--duration 15] [--connections 8] [--out ops/results/load.md]`
// Starts Converge in-process on 127.0.0.1 over a FRESH database with the seed estates — a temporary
// PGlite folder, or with DATABASE_URL a new database on that PostgreSQL server (dropped afterwards) —
// creates an API token, and drives it with autocannon (loopback only) for a bounded time per mix:
//   read:  organisations summary, a filtered assets page, an asset with its dependencies, a licences page
//   write: updateAsset (with the version it last saw), createDependency, removeDependency
// Mutation rate limits are raised for the run. Prints requests/s, p50/p95/p99 latency and error counts
// per mix (and per operation) as Markdown, also written to ops/results/load.md (one section per engine).
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";

// Raised before any server module is loaded: the limits are read when their module is first imported.
process.env.RATE_LIMIT_MUTATIONS_PER_MINUTE = "100000000";
process.env.NODE_ENV ??= "production";

const { startServer } = await import("../server/main.ts");
const { openDatabase } = await import("../server/db/open.ts");
const { loadSeedsIfEmpty } = await import("../seeds/load.ts");
const { hashPassword } = await import("../server/auth/secrets.ts");
const { createApiToken } = await import("../server/auth/tokens.ts");
const { actorForUser } = await import("../server/auth/actors.ts");
type DatabaseTarget = import("../server/db/open.ts").DatabaseTarget;

const DEFAULT_OUT = fileURLToPath(new URL("./results/load.md", import.meta.url));

/** Latency percentile (ms) of sorted samples. */
function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A fresh database: a new PostgreSQL database beside DATABASE_URL's, or a temporary PGlite folder. */
async function freshDatabase(): Promise<{
  target: DatabaseTarget;
  engine: "postgres" | "pglite";
  cleanup(): Promise<void>;
}> {
  if (process.env.DATABASE_URL) {
    const base = new URL(process.env.DATABASE_URL);
    const admin = new URL(base);
    admin.pathname = "/postgres";
    const name = `converge_load_${randomBytes(5).toString("hex")}`;
    const run = async (sql: string) => {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    await run(`CREATE DATABASE "${name}"`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      target: { url: url.toString() },
      engine: "postgres",
      cleanup: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "converge-load-"));
  return {
    target: { dir: join(dir, "pglite") },
    engine: "pglite",
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Seeds the database and makes a shared-service admin with an API token (before the server opens it). */
async function prepare(
  target: DatabaseTarget,
): Promise<{ token: string; email: string; counts: Record<string, number> }> {
  const db = await openDatabase(target);
  try {
    const { counts } = await loadSeedsIfEmpty(db.prisma);
    const shared = await db.prisma.organisation.findFirstOrThrow({ where: { kind: "SHARED_SERVICE" } });
    const email = "load-test@converge.local";
    const user = await db.prisma.user.create({
      data: {
        id: randomUUID(),
        email,
        displayName: "Load test",
        organisationId: shared.id,
        passwordHash: await hashPassword(randomBytes(24).toString("base64url")),
      },
    });
    await db.prisma.roleAssignment.create({
      data: { id: randomUUID(), userId: user.id, organisationId: shared.id, role: "ADMIN" },
    });
    const actor = (await actorForUser(db.prisma, user.id, "token", "load"))!;
    const { secret } = await createApiToken(db.prisma, actor, "load test", 1);
    return { token: secret, email, counts };
  } finally {
    await db.close();
  }
}

const Q = {
  organisations: `{ organisations { code name summary { siteCount assetCount assetsByKind { kind count } annualRunCost siteAnnualCost licenceSpend licenceCount contractCount seatsOwned seatsUsed } } }`,
  assetsPage: `query ($f: AssetFilter) { assets(filter: $f, orderBy: ANNUAL_RUN_COST_DESC, first: 50) { totalCount edges { node { id name kind subtype lifecycle criticality annualRunCost organisation { code } site { name } } } pageInfo { hasNextPage endCursor } } }`,
  assetWithDependencies: `query ($id: ID!) { asset(id: $id) { id name kind version dependsOn { type target { id name kind lifecycle } } dependencyOf { type source { id name kind lifecycle } } licences { id metric quantityOwned quantityUsed } } }`,
  licencesPage: `query ($f: LicenceFilter) { licences(filter: $f, first: 50) { totalCount edges { node { id metric quantityOwned quantityUsed shelfware shortfall annualCost status product { name vendor { name } } organisation { code } } } } }`,
  updateAsset: `mutation ($id: ID!, $v: Int!, $d: String) { updateAsset(id: $id, version: $v, patch: { description: $d }) { id version } }`,
  createDependency: `mutation ($s: ID!, $t: ID!) { createDependency(input: { source: $s, target: $t, type: DEPENDS_ON, description: "load test" }) { id version } }`,
  removeDependency: `mutation ($id: ID!, $v: Int!) { removeDependency(id: $id, version: $v) { id } }`,
  assetVersion: `query ($id: ID!) { asset(id: $id) { id version } }`,
};

const ASSET_FILTERS = [
  { organisation: ["SCC"], kind: ["SERVER", "APPLICATION"] },
  { lifecycle: ["ACTIVE"], criticality: ["HIGH", "CRITICAL"] },
  { search: "sql" },
  { organisation: ["DCC"] },
];
const LICENCE_FILTERS = [{ organisation: ["SCC"] }, { shelfwareOnly: true }, { search: "microsoft" }, {}];

/** Per-operation figures of one mix. */
interface OpStats {
  latencies: number[];
  graphqlErrors: number;
  codes: Record<string, number>;
}

interface MixResult {
  mix: string;
  connections: number;
  seconds: number;
  requests: number;
  latencies: number[];
  graphqlErrors: number;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  ops: Map<string, OpStats>;
  note?: string;
}

type AcRequest = {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AcRequest, context: Record<string, any>) => AcRequest | undefined;
  onResponse?: (status: number, body: string, context: Record<string, any>) => void;
};

async function runMix(
  mix: string,
  url: string,
  token: string,
  connections: number,
  seconds: number,
  requests: AcRequest[],
  record: { last: string },
): Promise<MixResult> {
  const ops = new Map<string, OpStats>();
  const latencies: number[] = [];
  let graphqlErrors = 0;
  const wrapped = requests.map((r) => ({
    ...r,
    onResponse: (status: number, body: string, context: Record<string, any>) => {
      const op = context.op as string;
      record.last = op;
      const s = ops.get(op) ?? { latencies: [], graphqlErrors: 0, codes: {} };
      ops.set(op, s);
      try {
        const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
        if (parsed.errors?.length) {
          graphqlErrors++;
          s.graphqlErrors++;
          const code = parsed.errors[0]?.extensions?.code ?? "UNKNOWN";
          s.codes[code] = (s.codes[code] ?? 0) + 1;
        }
        r.onResponse?.(status, body, context);
      } catch {
        graphqlErrors++;
        s.graphqlErrors++;
        s.codes.UNPARSEABLE = (s.codes.UNPARSEABLE ?? 0) + 1;
      }
    },
  }));
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: `${url}/graphql`,
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        connections,
        pipelining: 1,
        duration: seconds,
        timeout: 30,
        requests: wrapped as never,
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    ops.get(record.last)?.latencies.push(responseTime);
  });
  const result = await finished;
  return {
    mix,
    connections,
    seconds: result.duration,
    requests: latencies.length,
    latencies,
    graphqlErrors,
    non2xx: result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    ops,
  };
}

function body(query: string, variables: Record<string, unknown> = {}) {
  return JSON.stringify({ query, variables });
}

async function call(url: string, token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: body(query, variables),
  });
  const json = (await res.json()) as { data?: any; errors?: unknown[] };
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data;
}

function fmt(n: number, digits = 1) {
  return Number.isFinite(n) ? n.toFixed(digits) : "–";
}

function table(results: MixResult[]): string {
  const lines = [
    "| Mix | Connections | Duration s | Requests | Req/s | p50 ms | p95 ms | p99 ms | GraphQL errors | Non-2xx | Socket errors / timeouts |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of results) {
    const sorted = [...r.latencies].sort((a, b) => a - b);
    lines.push(
      `| ${r.mix} | ${r.connections} | ${fmt(r.seconds)} | ${r.requests} | ${fmt(r.requests / r.seconds)} | ${fmt(percentile(sorted, 50))} | ${fmt(percentile(sorted, 95))} | ${fmt(percentile(sorted, 99))} | ${r.graphqlErrors} | ${r.non2xx} | ${r.socketErrors} / ${r.timeouts} |`,
    );
  }
  lines.push(
    "",
    "| Mix | Operation | Requests | p50 ms | p95 ms | p99 ms | Errors (by code) |",
    "|---|---|---:|---:|---:|---:|---|",
  );
  for (const r of results) {
    for (const [op, s] of r.ops) {
      const sorted = [...s.latencies].sort((a, b) => a - b);
      const codes = Object.entries(s.codes)
        .map(([c, n]) => `${c} ${n}`)
        .join(", ");
      lines.push(
        `| ${r.mix} | ${op} | ${s.latencies.length} | ${fmt(percentile(sorted, 50))} | ${fmt(percentile(sorted, 95))} | ${fmt(percentile(sorted, 99))} | ${s.graphqlErrors}${codes ? ` (${codes})` : ""} |`,
      );
    }
  }
  return lines.join("\n");
}

async function main() {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "15" },
      connections: { type: "string", default: "8" },
      out: { type: "string", default: DEFAULT_OUT },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(
      "usage: npm run load -- [--duration SECONDS per mix (15)] [--connections N (8)] [--out FILE]",
    );
    return;
  }
  const seconds = Number(values.duration);
  const connections = Number(values.connections);
  if (!(seconds > 0 && seconds <= 600) || !(connections >= 1 && connections <= 256))
    throw new Error("--duration must be 1–600 s and --connections 1–256.");

  const db = await freshDatabase();
  console.log(`Preparing a fresh ${db.engine} database with the seed estates…`);
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    const { token, email, counts } = await prepare(db.target);
    server = await startServer({ target: db.target, port: 0, seed: false });
    const url = server.url.replace("localhost", "127.0.0.1"); // loopback only, and IPv4 as bound
    console.log(`Server on ${url} (${db.engine}); ${seconds} s per mix, ${connections} connections.`);

    // Ids to read and write.
    const list = await call(
      url,
      token,
      `{ assets(first: 100, filter: { lifecycle: [ACTIVE] }) { edges { node { id version dependsOn { type target { id } } } } } }`,
    );
    const assets = (
      list.assets.edges as {
        node: { id: string; version: number; dependsOn: { type: string; target: { id: string } }[] };
      }[]
    ).map((e) => e.node);
    const record = { last: "" };
    let n = 0;

    const readMix: AcRequest[] = [
      {
        setupRequest: (req, ctx) => (
          (ctx.op = "organisations summary"),
          { ...req, body: body(Q.organisations) }
        ),
      },
      {
        setupRequest: (req, ctx) => (
          (ctx.op = "assets page (filtered)"),
          { ...req, body: body(Q.assetsPage, { f: ASSET_FILTERS[n++ % ASSET_FILTERS.length] }) }
        ),
      },
      {
        setupRequest: (req, ctx) => (
          (ctx.op = "asset with dependencies"),
          { ...req, body: body(Q.assetWithDependencies, { id: assets[n++ % assets.length]!.id }) }
        ),
      },
      {
        setupRequest: (req, ctx) => (
          (ctx.op = "licences page"),
          { ...req, body: body(Q.licencesPage, { f: LICENCE_FILTERS[n++ % LICENCE_FILTERS.length] }) }
        ),
      },
    ];
    const results: MixResult[] = [];
    results.push(await runMix("read", url, token, connections, seconds, readMix, record));

    // Write mix: each cycle takes an asset of its own from a pool (so versions are known and nobody
    // collides), updates it with the version last seen, adds a dependency from it, removes that again.
    const pool = assets.slice(0, Math.min(assets.length - 1, connections * 3));
    const versions = pool.map((a) => a.version);
    const targets = pool.map((a, i) => {
      for (let k = 1; k < assets.length; k++) {
        const t = assets[(i + k) % assets.length]!;
        if (t.id !== a.id && !a.dependsOn.some((d) => d.type === "DEPENDS_ON" && d.target.id === t.id))
          return t.id;
      }
      throw new Error("no dependency target");
    });
    const free = pool.map((_, i) => i).reverse();
    let updatesOk = 0;
    const refresh = (slot: number) =>
      void call(url, token, Q.assetVersion, { id: pool[slot]!.id }).then(
        (d) => ((versions[slot] = d.asset.version), free.unshift(slot)),
        () => free.unshift(slot),
      );
    const writeMix: AcRequest[] = [
      {
        setupRequest: (req, ctx) => {
          ctx.op = "updateAsset";
          ctx.slot = free.pop();
          if (ctx.slot === undefined) return { ...req, body: body(Q.organisations) }; // pool exhausted: should not happen
          return {
            ...req,
            body: body(Q.updateAsset, {
              id: pool[ctx.slot]!.id,
              v: versions[ctx.slot],
              d: `load ${randomUUID()}`,
            }),
          };
        },
        onResponse: (_s, b, ctx) => {
          const r = JSON.parse(b);
          if (ctx.slot === undefined) return;
          if (r.data?.updateAsset) {
            versions[ctx.slot] = r.data.updateAsset.version;
            updatesOk++;
          } else ctx.stale = true;
        },
      },
      {
        setupRequest: (req, ctx) => {
          ctx.op = "createDependency";
          if (ctx.slot === undefined) return { ...req, body: body(Q.organisations) };
          return { ...req, body: body(Q.createDependency, { s: pool[ctx.slot]!.id, t: targets[ctx.slot] }) };
        },
        onResponse: (_s, b, ctx) => {
          const r = JSON.parse(b);
          if (r.data?.createDependency) ctx.dep = r.data.createDependency;
        },
      },
      {
        setupRequest: (req, ctx) => {
          ctx.op = "removeDependency";
          if (!ctx.dep) return { ...req, body: body(Q.organisations) };
          return { ...req, body: body(Q.removeDependency, { id: ctx.dep.id, v: ctx.dep.version }) };
        },
        onResponse: (_s, _b, ctx) => {
          if (ctx.slot === undefined) return;
          if (ctx.stale) refresh(ctx.slot);
          else free.unshift(ctx.slot);
        },
      },
    ];
    const audited = async () =>
      (
        await call(
          url,
          token,
          `query ($a: String) { auditEvents(filter: { actor: $a, entityType: "Asset" }, first: 1) { totalCount } }`,
          { a: email },
        )
      ).auditEvents.totalCount as number;
    const auditedBefore = await audited();
    const write = await runMix("write", url, token, connections, seconds, writeMix, record);
    // Every update that landed (including ones whose answer came after the cut-off) moved its asset's
    // version by one and wrote one audit event.
    await new Promise((r) => setTimeout(r, 1000));
    const auditedAfter = await audited();
    let advanced = 0;
    for (let i = 0; i < pool.length; i++)
      advanced +=
        (await call(url, token, Q.assetVersion, { id: pool[i]!.id })).asset.version - pool[i]!.version;
    const consistent = advanced === auditedAfter - auditedBefore;
    write.note =
      `${updatesOk} updateAsset answered OK; the pool's asset versions advanced by ${advanced} in all and ${auditedAfter - auditedBefore} ` +
      `UPDATE audit events were written for them — ${consistent ? "consistent" : "INCONSISTENT"}`;
    results.push(write);

    const seeded = Object.entries(counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(", ");
    const heading = `## ${db.engine === "postgres" ? "PostgreSQL (DATABASE_URL server, fresh database)" : "Embedded PGlite (fresh data folder)"}`;
    const markdown = [
      heading,
      "",
      `Run ${new Date().toISOString()}: server in-process on 127.0.0.1, autocannon ${autocannonVersion()} in the same Node ${process.version} process, ` +
        `${cpus().length} CPUs (load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(
            " ",
          )} at the end), ${connections} connections, ${seconds} s per mix, mutation rate limit raised. Seeds: ${seeded}.`,
      "",
      table(results),
      "",
      `Write mix check: ${write.note}.`,
      "",
    ].join("\n");
    console.log(`\n${markdown}`);
    writeSection(values.out!, db.engine, markdown);
    console.log(`Written to ${values.out}`);
  } finally {
    await server?.close();
    await db.cleanup();
  }
}

function autocannonVersion(): string {
  try {
    return JSON.parse(
      readFileSync(
        fileURLToPath(new URL("../node_modules/autocannon/package.json", import.meta.url)),
        "utf8",
      ),
    ).version;
  } catch {
    return "";
  }
}

/** Replaces this engine's section of the results file, keeping the other engine's. */
function writeSection(file: string, engine: string, markdown: string) {
  mkdirSync(dirname(file), { recursive: true });
  const marker = (e: string) => `<!-- load:${e} -->`;
  const sections: Record<string, string> = {};
  if (existsSync(file)) {
    const text = readFileSync(file, "utf8");
    for (const e of ["pglite", "postgres"]) {
      const m = new RegExp(`${marker(e)}\\n([\\s\\S]*?)(?=<!-- load:|$)`).exec(text);
      if (m) sections[e] = m[1]!.trimEnd() + "\n";
    }
  }
  sections[engine] = markdown;
  const out = ["# Converge load test results (npm run load)", ""];
  for (const e of ["pglite", "postgres"]) if (sections[e]) out.push(marker(e), sections[e]!.trimEnd(), "");
  writeFileSync(file, out.join("\n"));
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`Load test failed: ${(e as Error).stack ?? e}`);
    process.exit(1);
  },
);
