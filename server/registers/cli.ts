// npm run import -- FILE [--organisation CODE] [--register sites|assets] [--dry-run]
// npm run import -- --template FILE.xlsx|FILE.csv [--register sites|assets]
// Imports a register file (CSV or XLSX) into the database the server uses (DATABASE_URL, else the embedded
// one in DATA_DIR), as the system: every problem is printed before anything is written; a progress line
// shows while it runs. Exit status: 0 written (or a clean dry run), 1 problems, 2 bad usage.
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { openDatabase, targetFromEnv } from "../db/open.ts";
import { SYSTEM_ACTOR } from "../shared/actor.ts";
import { DomainError } from "../shared/errors.ts";
import { importRegisters, type ImportProgress, type ImportReport } from "./import.ts";
import { REGISTERS, registerNamed } from "./registers.ts";
import { csvTemplate, xlsxTemplate } from "./templates.ts";
import type { Register } from "./register.ts";

function usage(message: string): never {
  console.error(`${message}\nusage: npm run import -- FILE [--organisation CODE] [--register ${REGISTERS.map((r) => r.name).join("|")}] [--dry-run]\n       npm run import -- --template FILE.xlsx|FILE.csv [--register NAME]`);
  process.exit(2);
}

export function printReport(report: ImportReport, out: (line: string) => void = console.log): void {
  const [created, updated] = report.written ? ["created", "updated"] : ["to create", "to update"];
  for (const r of report.registers)
    out(`${r.sheet}: ${r.created} ${created}, ${r.updated} ${updated}, ${r.unchanged} unchanged, ${r.refused} refused`);
  if (report.problemCount > 0) {
    out(`\n${report.problemCount} problem${report.problemCount === 1 ? "" : "s"}; nothing was written:`);
    for (const p of report.problems)
      out(`  ${p.sheet}${p.row === null ? "" : ` row ${p.row}`}${p.column ? `, ${p.column}` : ""}${p.value !== null ? ` "${p.value}"` : ""}: ${p.reason}; ${p.fix}.`);
    if (report.problemCount > report.problems.length) out(`  … and ${report.problemCount - report.problems.length} more.`);
  } else out(report.written ? "\nImported." : "\nDry run: nothing was written; run again without --dry-run to import.");
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      organisation: { type: "string" },
      register: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      template: { type: "string" },
    },
  });
  const register = values.register as Register["name"] | undefined;
  if (register && !REGISTERS.some((r) => r.name === register)) usage(`--register must be one of ${REGISTERS.map((r) => r.name).join(", ")}.`);
  if (values.template) {
    const file = values.template;
    if (file.toLowerCase().endsWith(".csv")) await writeFile(file, csvTemplate(registerNamed(register ?? "assets")));
    else await writeFile(file, await xlsxTemplate(register ? [registerNamed(register)] : REGISTERS));
    console.log(`Template written to ${file}.`);
    return;
  }
  if (positionals.length !== 1) usage("name one file to import.");
  const db = await openDatabase(targetFromEnv());
  let last = 0;
  const progress = (p: ImportProgress) => {
    if (!process.stderr.isTTY || Date.now() - last < 200) return;
    last = Date.now();
    process.stderr.write(`\r${p.phase} ${p.done}${p.total ? ` of ${p.total}` : ""} rows…   `);
  };
  try {
    const report = await importRegisters(db.prisma, SYSTEM_ACTOR, positionals[0]!, {
      organisation: values.organisation ?? null,
      register: register ?? null,
      dryRun: values["dry-run"],
      onProgress: progress,
    });
    if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
    printReport(report);
    process.exitCode = report.problemCount > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(`${error.field ? `${error.field}: ` : ""}${error.message}`);
      process.exitCode = 1;
    } else throw error;
  } finally {
    await db.close();
  }
}

await main();
