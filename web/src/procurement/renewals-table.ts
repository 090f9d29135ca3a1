// The renewals as a table: its columns (each declaring its CSV value, for "Export CSV") and the orders
// its headers offer. The renewals come whole from the server (not paged), so they are sorted here, the
// way the server sorts its lists: text ignoring case and compared character by character (as the
// lower(name) keys in byte order), dates oldest first, empty values last either way, ties broken by the
// contract's id — so the same renewals always come in the same order.
import { h } from "../dom.ts";
import { formatDate, formatInt } from "../format.ts";
import { href } from "../router.ts";
import { orgTag, type ExportColumn } from "../ui.ts";
import type { RenewalRow } from "./data.ts";

/** The orders a header asks for; DEADLINE_ASC is the server's (soonest deadline, then end date). */
export const RENEWAL_ORDERS = [
  "DEADLINE_ASC",
  "DEADLINE_DESC",
  "ORGANISATION_ASC",
  "ORGANISATION_DESC",
  "REFERENCE_ASC",
  "REFERENCE_DESC",
  "TITLE_ASC",
  "TITLE_DESC",
  "SUPPLIER_ASC",
  "SUPPLIER_DESC",
  "NOTICE_ASC",
  "NOTICE_DESC",
  "END_DATE_ASC",
  "END_DATE_DESC",
] as const;
export type RenewalOrder = (typeof RENEWAL_ORDERS)[number];

/** What each order sorts on: text (ignoring case) or an ISO date; null comes last either way. */
const KEYS: Record<string, (r: RenewalRow) => string | null> = {
  DEADLINE: (r) => `${r.deadline}|${r.endDate ?? "9999-12-31"}`,
  ORGANISATION: (r) => r.organisation.code.toLowerCase(),
  REFERENCE: (r) => r.contract.reference.toLowerCase(),
  TITLE: (r) => r.contract.title.toLowerCase(),
  SUPPLIER: (r) => r.contract.supplierName?.toLowerCase() ?? null,
  NOTICE: (r) => r.noticeDeadline ?? null,
  END_DATE: (r) => r.endDate ?? null,
};

/** In what words the count line says the order ("soonest deadline first"). */
export function orderWords(order: RenewalOrder): string {
  const [key, way] = [order.replace(/_(ASC|DESC)$/, ""), order.endsWith("_DESC") ? "desc" : "asc"];
  const words: Record<string, [string, string]> = {
    DEADLINE: ["soonest deadline first", "latest deadline first"],
    ORGANISATION: ["by organisation, A to Z", "by organisation, Z to A"],
    REFERENCE: ["by reference, A to Z", "by reference, Z to A"],
    TITLE: ["by title, A to Z", "by title, Z to A"],
    SUPPLIER: ["by supplier, A to Z (none last)", "by supplier, Z to A (none last)"],
    NOTICE: ["soonest notice deadline first (none last)", "latest notice deadline first (none last)"],
    END_DATE: ["soonest end first (none last)", "latest end first (none last)"],
  };
  return words[key]![way === "asc" ? 0 : 1];
}

/** Compares two strings character by character (UTF-16 code units), as the server's byte-order keys. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `rows` in `order`: a new array; ties broken by the contract's id (ascending either way). */
export function sortRenewals(rows: readonly RenewalRow[], order: RenewalOrder): RenewalRow[] {
  const key = KEYS[order.replace(/_(ASC|DESC)$/, "")]!;
  const sign = order.endsWith("_DESC") ? -1 : 1;
  return rows
    .map((row) => ({ row, key: key(row) }))
    .sort((a, b) => {
      if (a.key !== b.key) {
        if (a.key === null) return 1;
        if (b.key === null) return -1;
        return sign * compare(a.key, b.key);
      }
      return compare(a.row.contract.id, b.row.contract.id);
    })
    .map((x) => x.row);
}

const muted = (text = "—") => h("span", { class: "muted" }, text);

/** The renewals table's columns: each sorts by its header, and exports as it declares. */
export const renewalColumns: ExportColumn<RenewalRow>[] = [
  {
    header: "Org",
    cell: (r) => orgTag(r.organisation),
    csv: (r) => r.organisation.code,
    sort: { asc: "ORGANISATION_ASC", desc: "ORGANISATION_DESC" },
  },
  {
    header: "Reference",
    class: "nowrap",
    cell: (r) =>
      h(
        "a",
        { href: href(`/contracts/${r.contract.id}`), class: "contract-link strong" },
        r.contract.reference,
      ),
    csv: (r) => r.contract.reference,
    sort: { asc: "REFERENCE_ASC", desc: "REFERENCE_DESC" },
  },
  {
    header: "Title",
    class: "name-col",
    cell: (r) => r.contract.title,
    csv: (r) => r.contract.title,
    sort: { asc: "TITLE_ASC", desc: "TITLE_DESC" },
  },
  {
    header: "Supplier",
    cell: (r) => r.contract.supplierName ?? muted(),
    csv: (r) => r.contract.supplierName ?? "",
    sort: { asc: "SUPPLIER_ASC", desc: "SUPPLIER_DESC" },
  },
  {
    header: "Deadline",
    class: "nowrap",
    cell: (r) => formatDate(r.deadline),
    csv: (r) => r.deadline,
    sort: { asc: "DEADLINE_ASC", desc: "DEADLINE_DESC" },
  },
  {
    header: "Notice by",
    class: "nowrap",
    cell: (r) => (r.noticeDeadline ? formatDate(r.noticeDeadline) : muted()),
    csv: [
      { header: "Notice by", value: (r) => r.noticeDeadline ?? "" },
      { header: "Notice deadline in window", value: (r) => (r.noticeDeadlineInWindow ? "yes" : "no") },
    ],
    sort: { asc: "NOTICE_ASC", desc: "NOTICE_DESC" },
  },
  {
    header: "Ends",
    class: "nowrap",
    cell: (r) => (r.endDate ? formatDate(r.endDate) : muted()),
    csv: [
      { header: "Ends", value: (r) => r.endDate ?? "" },
      { header: "Ends in window", value: (r) => (r.endsInWindow ? "yes" : "no") },
    ],
    sort: { asc: "END_DATE_ASC", desc: "END_DATE_DESC" },
  },
  {
    header: "Overlaps",
    align: "num",
    cell: (r) => (r.overlapIds.length ? formatInt(r.overlapIds.length) : muted("0")),
    csv: [
      { header: "Overlaps", value: (r) => r.overlapIds.length },
      // A list in one cell, separated by "; " as in every export.
      { header: "Overlap IDs", value: (r) => r.overlapIds.join("; ") },
    ],
  },
];
