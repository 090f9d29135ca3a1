// The register import benchmark (`npm run bench -- --suites registers`): a generated assets register of N
// rows (default 100,000) written as a messy CSV (£ and separators, UK dates, synonyms for headers),
// imported into a database holding its organisation — a dry run, the import (every row new, one
// transaction), and the same file again (every row unchanged) — through the function the CLI and the web
// app use. Beside it, on PostgreSQL, `\copy` of the same rows (already typed: pence, ISO dates, ids) into
// the same table by psql: the floor any importer is measured against. For each: time, rows per second,
// and the process's peak resident memory above what it held before (sampled every 20 ms), at N and at
// N / 10, to show how memory grows with the file.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { SYSTEM_ACTOR } from "../server/shared/actor.ts";
import { importRegisters } from "../server/registers/import.ts";

const run = promisify(execFile);

export interface RegisterBenchRow {
  operation: string;
  rows: number;
  ms: number;
  perSecond: number;
  /** Peak RSS above the baseline before the operation, MiB. */
  peakMiB: number;
}

const KINDS = ["Application", "Server", "Database", "Storage", "Network"];

/** The register as a person's spreadsheet would give it, and the same rows typed for COPY. */
function generate(rows: number, organisationId: string): { csv: string; copy: string } {
  const csv = ["System,Asset type,Annual run cost,Book value,Support end date,Criticality,Description"];
  const copy: string[] = [];
  for (let i = 0; i < rows; i++) {
    const pence = 100_000 + ((i * 7919) % 9_000_000);
    const pounds = `£${Math.floor(pence / 100).toLocaleString("en-GB")}.${String(pence % 100).padStart(2, "0")}`;
    const day = 1 + (i % 28);
    const month = 1 + (i % 12);
    const year = 2026 + (i % 6);
    const kind = KINDS[i % KINDS.length]!;
    csv.push(`Bench asset ${i},${kind},"${pounds}",${i % 997},${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year},High,Row ${i} of the bench register`);
    copy.push(
      [randomUUID(), organisationId, `Copy asset ${i}`, kind.toUpperCase(), "ACTIVE", "HIGH", pence, (i % 997) * 100, `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`, `Row ${i} of the bench register`, new Date().toISOString(), new Date().toISOString(), 1].join(","),
    );
  }
  return { csv: csv.join("\r\n") + "\r\n", copy: copy.join("\n") + "\n" };
}

/** Runs `f` and reports its time and the peak RSS above the baseline. */
async function measured(f: () => Promise<unknown>): Promise<{ ms: number; peakMiB: number }> {
  global.gc?.();
  const base = process.memoryUsage.rss();
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const start = performance.now();
  try {
    await f();
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage.rss());
  return { ms: performance.now() - start, peakMiB: (peak - base) / 1024 / 1024 };
}

export async function benchRegisters(
  prisma: PrismaClient,
  url: string | null,
  rows: number,
  log: (s: string) => void,
): Promise<RegisterBenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), "converge-bench-registers-"));
  const out: RegisterBenchRow[] = [];
  try {
    for (const [n, size] of [Math.round(rows / 10), rows].entries()) {
      // An organisation per size: audit events are append-only, so nothing is deleted between sizes.
      const code = `BREG${n}`;
      const org = await prisma.organisation.create({
        data: { id: randomUUID(), code, name: `Benchshire Borough Council ${n}`, kind: "COUNCIL" },
      });
      const { csv, copy } = generate(size, org.id);
      const csvPath = join(dir, `assets-${size}.csv`);
      const copyPath = join(dir, `copy-${size}.csv`);
      await writeFile(csvPath, csv);
      await writeFile(copyPath, copy);
      const options = { organisation: code, register: "assets" as const };
      for (const [operation, dryRun] of [["dry run (check only)", true], ["import (all new)", false], ["re-import (all unchanged)", false]] as const) {
        log(`  ${operation}, ${size} rows …`);
        let report: Awaited<ReturnType<typeof importRegisters>> | undefined;
        const m = await measured(async () => {
          report = await importRegisters(prisma, SYSTEM_ACTOR, csvPath, { ...options, dryRun });
        });
        if (report!.problemCount) throw new Error(`the bench file has problems: ${JSON.stringify(report!.problems.slice(0, 3))}`);
        out.push({ operation, rows: size, ms: m.ms, perSecond: (size / m.ms) * 1000, peakMiB: m.peakMiB });
      }
      if (url) {
        log(`  PostgreSQL \\copy, ${size} rows …`);
        const m = await measured(() =>
          run("psql", [url, "-v", "ON_ERROR_STOP=1", "-c", `\\copy "Asset"("id","organisationId","name","kind","lifecycle","criticality","annualRunCostPence","bookValuePence","supportEnd","description","createdAt","updatedAt","version") FROM '${copyPath}' WITH (FORMAT csv)`]),
        );
        out.push({ operation: "PostgreSQL \\copy of the same rows (psql)", rows: size, ms: m.ms, perSecond: (size / m.ms) * 1000, peakMiB: Number.NaN });
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return out;
}

export function registersTable(rows: { engine: string; row: RegisterBenchRow }[]): string[] {
  return [
    `| Engine | Operation | Rows | Time (s) | Rows/s | Peak memory above start (MiB) |`,
    `|---|---|---:|---:|---:|---:|`,
    ...rows.map(
      ({ engine, row }) =>
        `| ${engine} | ${row.operation} | ${row.rows.toLocaleString("en-GB")} | ${(row.ms / 1000).toFixed(2)} | ${Math.round(row.perSecond).toLocaleString("en-GB")} | ${Number.isNaN(row.peakMiB) ? "— (psql)" : row.peakMiB.toFixed(0)} |`,
    ),
  ];
}
