// Exports registers in their template's columns, so an export re-imports unchanged: CSV (money as 1234.50,
// dates as dd/mm/yyyy) or XLSX (money and dates as typed cells, a sheet per register). Rows are read a
// page at a time (keyset on name and id) and written as they come: a 100,000-asset export never holds the
// estate in memory.
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { formatPence } from "../shared/money.ts";
import { FORMULA, label } from "./cells.ts";
import type { CellValue, RegisterColumn } from "./columns.ts";
import type { Register } from "./register.ts";

/** Rows per page read from the database. */
const PAGE = 1000;

export interface ExportFilter {
  /** Organisation ids; all when empty or absent. */
  organisationIds?: readonly string[];
}

/** The register's rows as cells, a page at a time, by organisation code, then name, then id. */
export async function* registerCells(prisma: PrismaClient, register: Register, filter: ExportFilter = {}): AsyncGenerator<Record<string, CellValue>> {
  const orgs = filter.organisationIds?.length ? filter.organisationIds : null;
  let after: { code: string; name: string; id: string } | null = null;
  for (;;) {
    type Row = Record<string, unknown> & { organisationCode: string; name: string; id: string };
    const rows: Row[] = await prisma.$queryRawUnsafe<Row[]>(
      `SELECT * FROM (${register.exportSelect}) r
       WHERE ($1::uuid[] IS NULL OR r."organisationId" = ANY($1::uuid[]))
         AND ($2::text IS NULL OR (r."organisationCode", r.name, r.id::text) > ($2::text, $3::text, $4::text))
       ORDER BY r."organisationCode", r.name, r.id::text
       LIMIT ${PAGE}`,
      orgs,
      after?.code ?? null,
      after?.name ?? null,
      after?.id ?? null,
    );
    for (const row of rows) yield register.toCells(row, row.organisationCode);
    if (rows.length < PAGE) return;
    const last = rows.at(-1)!;
    after = { code: last.organisationCode, name: last.name, id: String(last.id) };
  }
}

const columnsOf = (register: Register) => register.columns;

/** A cell as CSV text: money 1234.50, dates dd/mm/yyyy, choices as labels. */
function csvCell(column: RegisterColumn, value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "bigint") return formatPence(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  }
  if (column.choices && typeof value === "string") return label(value);
  return String(value);
}

/** Streams the register as CSV text (with a byte-order mark, so Excel reads it as UTF-8). */
export async function* registerCsv(prisma: PrismaClient, register: Register, filter: ExportFilter = {}): AsyncGenerator<string> {
  const columns = columnsOf(register);
  yield "\uFEFF" + Papa.unparse([columns.map((c) => c.header)], { newline: "\r\n" }) + "\r\n";
  let batch: string[][] = [];
  for await (const cells of registerCells(prisma, register, filter)) {
    batch.push(columns.map((c) => csvCell(c, cells[c.field] ?? null)));
    if (batch.length === PAGE) {
      yield Papa.unparse(batch, { newline: "\r\n", escapeFormulae: FORMULA }) + "\r\n";
      batch = [];
    }
  }
  if (batch.length) yield Papa.unparse(batch, { newline: "\r\n", escapeFormulae: FORMULA }) + "\r\n";
}

/** Writes the registers as one XLSX workbook to `stream`, a sheet each, rows committed as they are written. */
export async function writeRegistersXlsx(prisma: PrismaClient, registers: readonly Register[], stream: Writable, filter: ExportFilter = {}): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  for (const register of registers) {
    const columns = columnsOf(register);
    const sheet = workbook.addWorksheet(register.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({
      header: c.header,
      key: c.field,
      width: Math.max(12, c.header.length + 4),
      style: c.accepts.startsWith("pounds") ? { numFmt: "£#,##0.00" } : c.accepts.startsWith("a date") ? { numFmt: "dd/mm/yyyy" } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const cells of registerCells(prisma, register, filter)) {
      sheet
        .addRow(
          columns.map((c) => {
            const v = cells[c.field] ?? null;
            // Pence as a number of pounds: exact for any amount below £90 trillion (2^53 pence).
            if (typeof v === "bigint") return Number(v) / 100;
            if (c.choices && typeof v === "string") return label(v);
            return v;
          }),
        )
        .commit();
    }
    sheet.commit();
  }
  await workbook.commit();
}
