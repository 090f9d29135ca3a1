// The one export path of every list: the rows a list's filter selects (every page, in the list's
// order), its columns as shown on screen, written as CSV by papaparse (RFC 4180 quoting, CRLF) and
// downloaded with a byte-order mark so spreadsheets read it as UTF-8. Text that a spreadsheet would run
// as a formula (= + - @ tab CR at the start, unless it is a plain number) gets an apostrophe in front.
import Papa from "papaparse";
import { todayIso } from "./dates.ts";
import { h } from "./dom.ts";
import type { CsvPart, CsvSpec, ExportColumn } from "./ui.ts";

/** Text a spreadsheet would run as a formula; "-12.50" and "+3" are plain numbers and stay as they are. */
const FORMULA = /^(?![-+]?\d+(\.\d+)?$)[=+\-@\t\r]/;

/** A cell's exported value: text, a number (plain, no separators), or null (empty). */
export type CsvValue = string | number | null;

/** Rows to CSV text. */
export function csvText(header: string[], rows: CsvValue[][]): string {
  return `${Papa.unparse({ fields: header, data: rows }, { newline: "\r\n", escapeFormulae: FORMULA })}\r\n`;
}

/**
 * The CSV columns of `columns`: each column's declared `csv` (its value under its header, or its named
 * parts). There is no fallback to the text a cell shows — that runs a cell's lines together ("SCC/001
 * 31 Mar 2027notice by …") — so a column without `csv` is an error, caught by the type checker and here.
 */
export function csvParts<T>(columns: ExportColumn<T>[]): CsvPart<T>[] {
  return columns.flatMap((c): CsvPart<T>[] => {
    const spec = c.csv as CsvSpec<T> | undefined;
    if (spec === undefined) throw new Error(`Column "${c.header}" does not say what it exports (csv).`);
    if (spec === false) return [];
    return typeof spec === "function" ? [{ header: c.header, value: spec }] : spec;
  });
}

/** The header and rows of `columns` over `rows`, each column as it declares (see csvParts). */
export function tableCsv<T>(columns: ExportColumn<T>[], rows: T[]): string {
  const parts = csvParts(columns);
  return csvText(
    parts.map((p) => p.header),
    rows.map((row) => parts.map((p) => p.value(row))),
  );
}

/** Makes the browser download `text` as a UTF-8 CSV file called `filename`. */
export function downloadCsv(filename: string, text: string): void {
  const blob = new Blob(["\ufeff", text], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: filename, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * An "Export CSV" button for a list the server returns whole (not paged): it exports `rows()` — what
 * the list shows under its filter — with `columns`, to `<name>-<today>.csv`.
 */
export function exportButton<T>(
  id: string,
  name: string,
  columns: ExportColumn<T>[],
  rows: () => T[],
): HTMLElement {
  return h(
    "button",
    {
      type: "button",
      class: "button button-small button-secondary",
      id,
      onclick: () => downloadCsv(`${name}-${todayIso()}.csv`, tableCsv(columns, rows())),
    },
    "Export CSV",
  );
}
