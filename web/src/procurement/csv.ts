// The overlaps as CSV: RFC 4180 quoting, no spreadsheet formulas smuggled in text, downloaded with a
// byte-order mark so spreadsheets read it as UTF-8.
import { h } from "../dom.ts";
import { commercialText } from "../commercial.ts";
import { formatEnum } from "../format.ts";
import type { OverlapRow } from "./data.ts";
import { seatsText } from "./format.ts";

/** One CSV field: quoted when it holds a comma, quote, line break or edge spaces; text that a
 * spreadsheet would run as a formula (= + - @) is prefixed with an apostrophe. */
export function csvField(value: string | number | null | undefined, numeric = false): string {
  let s = value == null ? "" : String(value);
  if (!numeric && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text (CRLF line ends, as RFC 4180 says). */
export function toCsv(
  header: string[],
  rows: (string | number | null)[][],
  numericColumns: ReadonlySet<number>,
): string {
  const lines = [
    header.map((x) => csvField(x)).join(","),
    ...rows.map((r) => r.map((v, i) => csvField(v, numericColumns.has(i))).join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}

/** Makes the browser download `text` as a UTF-8 CSV file called `filename`. */
export function downloadCsv(filename: string, text: string): void {
  const blob = new Blob(["\ufeff", text], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: filename, style: "display:none" });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The overlaps as CSV, one row each with the ids of their licences and contracts. */
export function overlapsCsv(rows: OverlapRow[]): string {
  const header = [
    "Overlap ID",
    "Kind",
    "Capability",
    "Overlap",
    "Organisations",
    "Annual licence cost (GBP)",
    "Seats used of owned",
    "Earliest contract end",
    "Latest contract end",
    "Co-terminable",
    "Co-termination cost (GBP)",
    "Recommended target",
    "Saving a year (GBP)",
    "Consolidate on",
    "Licence IDs",
    "Contract IDs",
  ];
  const data = rows.map((o) => [
    o.id,
    formatEnum(o.kind),
    o.capability?.name ?? o.capabilityCode ?? "",
    o.label,
    o.organisationCodes.join(" "),
    commercialText(o.annualCost, o.valuesVisible),
    seatsText(o.seats),
    o.earliestContractEnd ?? "",
    o.latestContractEnd ?? "",
    o.cotermination.coterminable ? "yes" : "no",
    commercialText(o.cotermination.cost, o.cotermination.valuesVisible),
    o.saving ? [o.saving.product.name, o.saving.product.edition].filter(Boolean).join(" ") : "",
    o.saving ? commercialText(o.saving.annualSaving, true) : o.valuesVisible ? "" : "hidden",
    o.saving ? `${o.saving.date}${o.saving.timing === "NOW" ? " (now)" : " (contracts end)"}` : "",
    o.licenceIds.join(" "),
    o.contractIds.join(" "),
  ]);
  return toCsv(header, data, new Set([5, 10, 12]));
}
