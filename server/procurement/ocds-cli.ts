// `npm run import:ocds -- FILE [--organisation CODE] [--dry-run]`: imports an OCDS record or release
// package into the configured database (DATABASE_URL, else the PGlite folder under DATA_DIR) as the
// system, in one transaction, and prints the per-record report. Exit code 0 on success, 1 on error,
// 2 on bad arguments.
import { readFileSync } from "node:fs";
import { openDatabase, targetFromEnv } from "../db/open.ts";
import { SYSTEM_ACTOR } from "../shared/actor.ts";
import { DomainError } from "../shared/errors.ts";
import { runOcdsImport, type OcdsImportReport } from "./ocds-import.ts";

const USAGE = "usage: npm run import:ocds -- FILE [--organisation CODE] [--dry-run]";

/** Parsed command-line arguments, or an error message. */
export function parseArgs(
  argv: readonly string[],
): { file: string; organisation: string | null; dryRun: boolean } | { error: string } {
  let file: string | null = null;
  let organisation: string | null = null;
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--organisation" || a === "--org") {
      organisation = argv[++i] ?? null;
      if (!organisation) return { error: `${a} needs an organisation code.` };
    } else if (a.startsWith("--organisation=")) organisation = a.slice("--organisation=".length);
    else if (a === "--dry-run") dryRun = true;
    else if (a.startsWith("-")) return { error: `unknown option ${a}.` };
    else if (file === null) file = a;
    else return { error: `one file at a time (got ${file} and ${a}).` };
  }
  return file ? { file, organisation, dryRun } : { error: "name the OCDS package file to import." };
}

/** The report as lines of text. */
export function formatReport(report: OcdsImportReport): string[] {
  const lines = report.records.map((r) => {
    const head = `${r.outcome.padEnd(9)} ${r.ocid}  ${(r.organisation?.code ?? "—").padEnd(6)} ${r.buyerMatch.padEnd(10)}`;
    const detail = [
      r.missing.length ? `missing: ${r.missing.join(", ")}` : "",
      r.changedFields.length ? `changed: ${r.changedFields.join(", ")}` : "",
      ...r.problems,
    ].filter(Boolean);
    return detail.length ? `${head} ${detail.join("; ")}` : head;
  });
  for (const p of report.problems.filter((p) => !p.ocid)) lines.push(`problem   ${p.field}: ${p.message}`);
  const per = report.byOrganisation
    .map((o) => `${o.organisationCode} ${o.created} created, ${o.updated} updated, ${o.unchanged} unchanged`)
    .join("; ");
  lines.push(
    `${report.dryRun ? "Dry run (nothing written): " : ""}${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.skipped} skipped${per ? ` — ${per}` : ""}.`,
  );
  return lines;
}

/** Runs the command; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if ("error" in args) {
    console.error(`${args.error}\n${USAGE}`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(args.file, "utf8"));
  } catch (e) {
    console.error(`cannot read ${args.file} as JSON: ${(e as Error).message}`);
    return 1;
  }
  const db = await openDatabase(targetFromEnv());
  try {
    const report = await runOcdsImport(db.prisma, SYSTEM_ACTOR, json, {
      organisation: args.organisation,
      dryRun: args.dryRun,
    });
    for (const line of formatReport(report)) console.log(line);
    return 0;
  } catch (e) {
    console.error(e instanceof DomainError ? `${e.field ? `${e.field}: ` : ""}${e.message}` : e);
    return 1;
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}
