// The OCDS import benchmark (`npm run bench`, suite "ocds"): a generated record package of N records
// (ocds-generate.ts) imported into a database holding the two councils it names — as a dry run, as a
// real import of new contracts (one transaction, written and committed), as a re-import that changes
// nothing — through the service function the CLI uses, and a 1,000-record dry run through the
// `importOcds` mutation. For each: median and 95th percentile time, records per second at the median,
// and the longest the event loop was blocked meanwhile (what other requests would have waited).
import { randomUUID } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { createApp } from "../server/app.ts";
import { SYSTEM_ACTOR } from "../server/shared/actor.ts";
import { runOcdsImport, type OcdsImportReport } from "../server/procurement/ocds-import.ts";
import { generateOcdsPackage, type GeneratedBuyer } from "./ocds-generate.ts";

/** One measured operation. */
export interface OcdsRow {
  operation: string;
  records: number;
  medianMs: number;
  p95Ms: number;
  /** Median CPU time of this process (user + system): what the import costs where the machine is loaded. */
  cpuMedianMs: number;
  /** Records per second at the median time. */
  perSecond: number;
  /** Records per second of CPU time, at the median. */
  perCpuSecond: number;
  /** Longest event-loop block seen during any run, in ms. */
  longestBlockMs: number;
}

const BUYERS: GeneratedBuyer[] = [
  { id: "GB-BENCH-SCC", name: "Benchshire City Council" },
  { id: "GB-BENCH-DCC", name: "Benchshire County Council" },
];

async function createBuyers(prisma: PrismaClient) {
  for (const [i, b] of BUYERS.entries()) {
    await prisma.organisation.upsert({
      where: { code: `BCH${i}` },
      update: {},
      create: {
        id: randomUUID(),
        code: `BCH${i}`,
        name: b.name,
        kind: "COUNCIL",
        identifiers: [b.id],
        annualIctBudgetPence: 1_000_000_00n,
        staffFte: "10",
      },
    });
  }
}

/** Times `runs` calls of `f(run)`, each with the event loop's longest delay watched. */
async function measure(
  runs: number,
  f: (run: number) => Promise<unknown>,
): Promise<{ medianMs: number; cpuMedianMs: number; p95Ms: number; longestBlockMs: number }> {
  const times: number[] = [];
  const cpu: number[] = [];
  let longest = 0;
  for (let run = 0; run < runs; run++) {
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await f(run);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    times.push(performance.now() - start);
    histogram.disable();
    longest = Math.max(longest, histogram.max / 1e6);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    medianMs: times[Math.floor((times.length - 1) / 2)]!,
    cpuMedianMs: cpu[Math.floor((cpu.length - 1) / 2)]!,
    p95Ms: times[Math.ceil(times.length * 0.95) - 1]!,
    longestBlockMs: longest,
  };
}

function expectCounts(report: OcdsImportReport, field: "created" | "unchanged", n: number, what: string) {
  if (report[field] !== n)
    throw new Error(
      `${what}: expected ${n} ${field}, got ${JSON.stringify({ ...report, records: undefined })}`,
    );
}

/** Runs the OCDS suite on `prisma` (a fresh, migrated database). */
export async function benchOcds(
  prisma: PrismaClient,
  options: { records: number; runs: number },
  log: (s: string) => void,
): Promise<OcdsRow[]> {
  await createBuyers(prisma);
  const { records, runs } = options;
  // Every record gets a contract except those without an award (1 in 20) … which still get one: the
  // tender gives title and buyer. So created = records.
  const rows: OcdsRow[] = [];
  const row = (operation: string, n: number, t: Awaited<ReturnType<typeof measure>>) => {
    rows.push({
      operation,
      records: n,
      ...t,
      perSecond: (n * 1000) / t.medianMs,
      perCpuSecond: (n * 1000) / t.cpuMedianMs,
    });
    log(
      `  ${operation}: ${t.medianMs.toFixed(0)} ms median (CPU ${t.cpuMedianMs.toFixed(0)} ms), ` +
        `${((n * 1000) / t.medianMs).toFixed(0)} records/s, longest block ${t.longestBlockMs.toFixed(0)} ms`,
    );
  };

  const dry = generateOcdsPackage({ records, buyers: BUYERS, prefix: "dry" });
  row(
    `dry run, ${records.toLocaleString("en-GB")} new records (service, as the CLI)`,
    records,
    await measure(runs, async () => {
      const report = await runOcdsImport(prisma, SYSTEM_ACTOR, dry, { dryRun: true });
      expectCounts(report, "created", records, "dry run");
    }),
  );

  // Generated before timing: building the package is the client's work, not the import's.
  const fresh = Array.from({ length: runs }, (_v, run) =>
    generateOcdsPackage({ records, buyers: BUYERS, prefix: `real${run}` }),
  );
  const lastImported = fresh.at(-1)!;
  row(
    `import, ${records.toLocaleString("en-GB")} new records in one transaction (service)`,
    records,
    await measure(runs, async (run) => {
      const report = await runOcdsImport(prisma, SYSTEM_ACTOR, fresh[run]!, {});
      expectCounts(report, "created", records, "import");
    }),
  );

  row(
    `re-import of the same ${records.toLocaleString("en-GB")} records, nothing changes (service)`,
    records,
    await measure(runs, async () => {
      const report = await runOcdsImport(prisma, SYSTEM_ACTOR, lastImported, {});
      expectCounts(report, "unchanged", records, "re-import");
    }),
  );

  const small = 1_000;
  const { app } = createApp({ prisma, graphiql: false, actorOverride: () => SYSTEM_ACTOR });
  const body = JSON.stringify({
    query: `mutation ($json: JSON!) { importOcds(json: $json, dryRun: true) { created records { ocid outcome } } }`,
    variables: { json: generateOcdsPackage({ records: small, buyers: BUYERS, prefix: "gql" }) },
  });
  row(
    `importOcds dry run, ${small.toLocaleString("en-GB")} records (GraphQL, whole request)`,
    small,
    await measure(runs, async () => {
      const res = await app.request("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
        body,
      });
      const answer = (await res.json()) as { data?: { importOcds: { created: number } }; errors?: unknown };
      if (answer.data?.importOcds.created !== small) throw new Error(JSON.stringify(answer.errors));
    }),
  );
  return rows;
}

/** The suite's rows as a Markdown table. */
export function ocdsTable(rows: { engine: string; row: OcdsRow }[]): string[] {
  const ms = (t: number) => (t < 100 ? t.toFixed(1) : t.toFixed(0));
  return [
    `| Engine | Operation | Median ms | p95 ms | Records/s (median) | CPU ms (median) | Records per CPU s | Longest event-loop block ms |`,
    `|---|---|---:|---:|---:|---:|---:|---:|`,
    ...rows.map(
      ({ engine, row: r }) =>
        `| ${engine} | ${r.operation} | ${ms(r.medianMs)} | ${ms(r.p95Ms)} | ${Math.round(r.perSecond).toLocaleString("en-GB")} | ` +
        `${ms(r.cpuMedianMs)} | ${Math.round(r.perCpuSecond).toLocaleString("en-GB")} | ${ms(r.longestBlockMs)} |`,
    ),
  ];
}
