// The read-only denial of service of the red-team report, replayed on loopback against a real server on
// the seeded estate: eight VIEWER clients send, over and over, 20 aliased licenceOverlaps, the costliest
// aliasing the cost limit still allows, and every other expensive analysis, while a PROCUREMENT client
// runs 1,000-record importOcds dry runs. Meanwhile a probe asks `{ me { email } }` every 100 ms; it must
// stay under 1 s at the 95th percentile (the report saw 13.8 s). The server runs in this process (with
// embedded PGlite in its thread); the clients run in a process of their own, as real clients would. The
// probe stays fast only if the cost limit, the expensive-operation gate, the import's yielding and the
// database's turn-taking keep the analytic work from holding up everyone else.
//
// It runs on embedded PGlite only, the engine `npm start` uses. Against PostgreSQL on the shared 2-core
// test machine (load average 11-14) the probe's p95 was 1.4-2.3 s even with one expensive operation at a
// time, while the server's thread was never held up for more than 0.4-0.65 s: the probe waited outside
// it, for the PostgreSQL server (competing for the same two cores) and for one of the pool's 10
// connections (with a pool of 40, p95 1.0 s at load average 18). Nothing yet keeps a connection free for
// cheap requests on PostgreSQL; until something does, a run there would fail on this machine.
import { spawn } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "graphql";
import type { Organisation, Role } from "../../generated/prisma/client.ts";
import { loadSeedsIfEmpty } from "../../seeds/load.ts";
import { actorForUser } from "../../server/auth/actors.ts";
import { createApiToken } from "../../server/auth/tokens.ts";
import { operationCost } from "../../server/graphql-cost.ts";
import { QUERY_LIMITS } from "../../server/graphql-limits.ts";
import { buildSchema } from "../../server/schema.ts";
import { generateOcdsPackage } from "../../bench/ocds-generate.ts";
import { openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { serveOnLoopback, type LoopbackServer } from "../support/http-server.ts";
import { createUser } from "../auth/fixtures.ts";
import type { AbuseOutcome, AbusePlan } from "./fixtures/abuse-clients.ts";

const CLIENTS = fileURLToPath(new URL("./fixtures/abuse-clients.ts", import.meta.url));

/** How long the abusive mix runs. */
const DURATION_MS = 12_000;
const VIEWERS = 8;
const IMPORT_RECORDS = 1_000;

const aliased = (n: number) =>
  `{ ${Array.from({ length: n }, (_v, i) => `o${i}: licenceOverlaps { id label annualCost }`).join(" ")} }`;

/** The most aliased licenceOverlaps the cost limit lets through. */
function costliestAllowedAliasing(): number {
  const schema = buildSchema();
  let n = 1;
  while (operationCost(schema, parse(aliased(n + 1)), null, {})!.cost <= QUERY_LIMITS.maxCost) n++;
  return n;
}

/** The median of samples. */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;

/** Percentile of sorted samples. */
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

describe.each(["pglite"] as const)("the read-only abuse of the red-team report on %s", (engine) => {
  let db: TestDatabase;
  let server: LoopbackServer;
  let viewerTokens: string[];
  let probeToken: string;
  let importToken: string;
  let buyers: { id: string; name: string }[];
  let siteId: string;
  let storageId: string;

  /** A user holding `role` in each organisation given, and an API token of theirs. */
  async function tokenFor(email: string, orgs: Organisation[], role: Role): Promise<string> {
    const user = await createUser(
      db.prisma,
      email,
      orgs.map((o) => [o, role]),
    );
    const actor = (await actorForUser(db.prisma, user.id, "token", "load test"))!;
    return (await createApiToken(db.prisma, actor, "load test", 1)).secret;
  }

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await loadSeedsIfEmpty(db.prisma);
    const councils = await db.prisma.organisation.findMany({
      where: { kind: "COUNCIL" },
      orderBy: { code: "asc" },
    });
    buyers = councils.map((o) => ({ id: o.identifiers[0]!, name: o.name }));
    viewerTokens = [];
    for (let i = 0; i < VIEWERS; i++)
      viewerTokens.push(await tokenFor(`viewer${i}@load.test`, [councils[i % councils.length]!], "VIEWER"));
    probeToken = await tokenFor("probe@load.test", [councils[0]!], "VIEWER");
    importToken = await tokenFor("buyer@load.test", councils, "PROCUREMENT");
    siteId = (await db.prisma.site.findFirstOrThrow({ orderBy: { name: "asc" } })).id;
    storageId = (
      await db.prisma.asset.findFirstOrThrow({ where: { kind: "STORAGE" }, orderBy: { name: "asc" } })
    ).id;
    server = await serveOnLoopback(db.prisma);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  /** Runs the clients' process with `plan` and returns what they saw. */
  function runClients(plan: AbusePlan): Promise<AbuseOutcome> {
    const child = spawn(process.execPath, ["--import", "tsx", CLIENTS], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.stdin.end(JSON.stringify(plan));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => child.kill("SIGKILL"), plan.durationMs + 90_000);
      child.once("exit", (code) => {
        clearTimeout(timer);
        if (code === 0) resolve(JSON.parse(out) as AbuseOutcome);
        else reject(new Error(`the clients' process exited with ${code}:\n${err}`));
      });
    });
  }

  it("keeps a { me { email } } probe under 1 s at the 95th percentile", async () => {
    const allowed = costliestAllowedAliasing();
    const reads: Record<string, string> = {
      "20 aliased licenceOverlaps": aliased(20),
      [`${allowed} aliased licenceOverlaps (the most the cost limit allows)`]: aliased(allowed),
      licenceOverlaps: `{ licenceOverlaps { id label annualCost sides { organisation { code } licences { id annualCost } contracts { id endDate } } cotermination { cost lines { extensionDays } } } }`,
      renewals: `{ renewals(from: "2025-01-01", to: "2030-12-31") { items { deadline contract { id title } } coterminations { cost } } }`,
      licencePositions: `{ licencePositions { organisation { code } product { name } shelfwareCost metrics { owned used } } }`,
      consolidationSavings: `{ consolidationSavings(capability: "CRM") { currentAnnualCost candidates { annualSaving method } } }`,
      singlePointsOfFailure: `{ singlePointsOfFailure(limit: 500) { entries { asset { name } takesDown { name } } } }`,
      "graph(limit: 10000)": `{ graph(limit: 10000) { nodes { id name kind siteName } edges { id source target type } } }`,
      siteImpact: `{ siteImpact(siteId: "Site:${siteId}") { count entries { distance asset { name } path { id } } } }`,
      impact: `{ impact(assetId: "Asset:${storageId}", direction: BOTH) { count entries { distance asset { name } } } }`,
      crossEstateLinks: `{ crossEstateLinks { dependencies { id } hosting { asset { name } site { name } } } }`,
    };
    const clients = runClients({
      url: server.url,
      durationMs: DURATION_MS,
      viewerTokens,
      reads,
      importToken,
      importMutation: `mutation ($json: JSON!) { importOcds(json: $json, dryRun: true) { created records { ocid outcome } } }`,
      importVariables: { json: generateOcdsPackage({ records: IMPORT_RECORDS, buyers, prefix: "load" }) },
    });
    // How long the server's thread was held up at a time (what every request then waits).
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    // The probe runs here, beside the server: if the server's thread is held up, so is the probe.
    const probeMs: number[] = [];
    /** How many expensive operations were waiting for a turn as each probe was sent. */
    const waitingAtProbe: number[] = [];
    const probeFailures: string[] = [];
    const gate = server.limiters.expensive;
    let done = false;
    const probing = (async () => {
      await new Promise((r) => setTimeout(r, 1_000)); // let the abuse build up first
      while (!done) {
        waitingAtProbe.push(gate.waiting);
        const started = performance.now();
        const res = await fetch(`${server.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${probeToken}` },
          body: JSON.stringify({ query: `{ me { email } }` }),
        });
        const body = (await res.json()) as { data?: { me?: { email?: string } } };
        probeMs.push(performance.now() - started);
        if (res.status !== 200 || body.data?.me?.email !== "probe@load.test")
          probeFailures.push(JSON.stringify(body));
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const outcome = await clients.finally(() => (done = true));
    await probing;
    loop.disable();

    const sorted = [...probeMs].sort((a, b) => a - b);
    const summary = {
      probes: sorted.length,
      p50: Math.round(percentile(sorted, 0.5)),
      p95: Math.round(percentile(sorted, 0.95)),
      max: Math.round(sorted.at(-1)!),
      eventLoopBlockP99: Math.round(loop.percentile(99) / 1e6),
      eventLoopBlockMax: Math.round(loop.max / 1e6),
      gate: { queued: gate.queuedTotal, refused: gate.refusedTotal, waitingAtProbe: median(waitingAtProbe) },
      imports: outcome.imports,
      reads: outcome.reads,
    };
    console.log(`abusive mix on ${engine}:`, JSON.stringify(summary));

    expect(probeFailures).toEqual([]);
    expect(summary.p95, JSON.stringify(summary)).toBeLessThan(1000);
    expect(sorted.length, "enough probes for a 95th percentile").toBeGreaterThanOrEqual(20);
    // …and it held while the abusers were held back, not because they happened to be idle: at most
    // probes, expensive operations were queued behind the gate (server/shared/concurrency.ts).
    expect(summary.gate.waitingAtProbe, JSON.stringify(summary.gate)).toBeGreaterThan(0);
    // The attack itself is refused before it runs; everything else is answered, or asked to come back.
    expect(Object.keys(outcome.reads["20 aliased licenceOverlaps"]!)).toEqual(["400 QUERY_TOO_COMPLEX"]);
    for (const [kind, tally] of Object.entries(outcome.reads)) {
      if (kind === "20 aliased licenceOverlaps") continue;
      expect(
        Object.keys(tally).every((k) => k === "200" || k === "429 RATE_LIMITED"),
        `${kind}: ${JSON.stringify(tally)}`,
      ).toBe(true);
    }
    const served = Object.values(outcome.reads).reduce((s, t) => s + (t["200"] ?? 0), 0);
    expect(served, "analyses were still being served").toBeGreaterThan(0);
    expect(
      outcome.imports[`200 created ${IMPORT_RECORDS}`] ?? 0,
      JSON.stringify(outcome.imports),
    ).toBeGreaterThan(0);
  }, 120_000);
});
