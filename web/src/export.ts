// The one export path of every list: the rows a list's filter selects (every page, in the list's
// order), its columns as shown on screen, written as CSV by papaparse (RFC 4180 quoting, CRLF) and
// downloaded with a byte-order mark so spreadsheets read it as UTF-8. Text that a spreadsheet would run
// as a formula (= + - @ tab CR at the start, unless it is a plain number) gets an apostrophe in front.
import Papa from "papaparse";
import { todayIso } from "./dates.ts";
import { append, h, type Child } from "./dom.ts";
import type { Column } from "./ui.ts";

/** Text a spreadsheet would run as a formula; "-12.50" and "+3" are plain numbers and stay as they are. */
const FORMULA = /^(?![-+]?\d+(\.\d+)?$)[=+\-@\t\r]/;

/** A cell's exported value: what the screen shows, as text (a number stays a number). */
export type CsvValue = string | number | null;

/** Rows to CSV text. */
export function csvText(header: string[], rows: CsvValue[][]): string {
  return `${Papa.unparse({ fields: header, data: rows }, { newline: "\r\n", escapeFormulae: FORMULA })}\r\n`;
}

/** The text a rendered cell shows (a badge's label, a link's text, "hidden (needs …)"). */
export function cellText(child: Child): string {
  const box = document.createElement("div");
  append(box, child);
  return (box.textContent ?? "").replace(/\s+/g, " ").trim();
}

/** The header and rows of `columns` over `rows`: each column's `csv`, else the text its cell shows. */
export function tableCsv<T>(columns: Column<T>[], rows: T[]): string {
  const exported = columns.filter((c) => c.csv !== false && c.header);
  return csvText(
    exported.map((c) => c.header),
    rows.map((row) =>
      exported.map((c) => (typeof c.csv === "function" ? c.csv(row) : cellText(c.cell(row)))),
    ),
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
  columns: Column<T>[],
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
