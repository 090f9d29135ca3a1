// Reads a register file row by row, without holding it in memory: CSV through papaparse's stream parser,
// XLSX through exceljs's streaming workbook reader (sheet by sheet). Each row comes with the sheet and the
// row number a person sees in their spreadsheet, so every problem can point at its cell.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { RawCell } from "./cells.ts";

export type FileFormat = "csv" | "xlsx";

/** One row of a register file. */
export interface FileRow {
  /** The sheet's name (an XLSX sheet), or the file's register for a CSV (null: decided by its headers). */
  sheet: string | null;
  /** 1-based, as the spreadsheet numbers it (the header row is 1 when it is the first line). */
  row: number;
  cells: RawCell[];
}

/** XLSX files are ZIP archives ("PK\3\4"); anything else is read as CSV text. */
export async function detectFormat(path: string): Promise<FileFormat> {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.readUInt32BE(0) === 0x504b0304 ? "xlsx" : "csv";
  } finally {
    await handle.close();
  }
}

/** The rows of a CSV file (UTF-8, with or without a byte-order mark; any line ending). */
export async function* csvRows(path: string): AsyncGenerator<FileRow> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: false });
  const input = createReadStream(path);
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  let row = 0;
  for await (const cells of parser as AsyncIterable<string[]>) {
    row += 1;
    yield { sheet: null, row, cells };
  }
}

/** What an XLSX cell holds, as a plain value: rich text joined, a formula's result, a hyperlink's text. */
export function xlsxValue(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("formula" in value || "sharedFormula" in value) return xlsxValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return `#${String(value.error).replace(/^#/, "")}`;
  }
  return String(value);
}

/** The rows of every visible sheet of an XLSX workbook, sheet by sheet. */
export async function* xlsxRows(path: string): AsyncGenerator<FileRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: "cache",
    styles: "cache", // so date-formatted numbers arrive as dates
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  // exceljs's streaming reader reads the zip in order and names a sheet from the workbook part; when that
  // part comes after the sheets (writers append entries as they finish, so the order varies), it reads a
  // model it does not have yet and throws. An empty model until then lets the sheets through unnamed:
  // they are known by their headers instead (register.ts).
  (workbook as unknown as { model?: { sheets: unknown[] } }).model ??= { sheets: [] };
  for await (const sheet of workbook) {
    const { name, state } = sheet as unknown as { name: string; state?: string };
    if (state === "hidden" || state === "veryHidden") continue;
    for await (const row of sheet) {
      // row.values is 1-based: index 0 is empty.
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      yield { sheet: name, row: row.number, cells: Array.from(values, xlsxValue) };
    }
  }
}

/** The rows of `path`, whichever format it is. */
export async function* fileRows(path: string, format?: FileFormat): AsyncGenerator<FileRow> {
  yield* (format ?? (await detectFormat(path))) === "xlsx" ? xlsxRows(path) : csvRows(path);
}
