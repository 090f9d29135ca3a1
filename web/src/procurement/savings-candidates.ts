// Every licence the others could be consolidated onto, priced, the recommended one marked.
import { commercialMoney, hiddenMark } from "../commercial.ts";
import { h } from "../dom.ts";
import { href } from "../router.ts";
import { formatInt, formatMoney, toPence } from "../format.ts";
import { dataTable, type Column } from "../ui.ts";
import type { Candidate } from "./detail-data.ts";
import { productName } from "./format.ts";

/** A contract's reference, linking to its page. */
export const contractLink = (c: { id: string; reference: string }): HTMLElement =>
  h("a", { href: href(`/contracts/${c.id}`), class: "contract-link" }, c.reference);

/** The one-off cost of leaving the other contracts early, or why it is not shown. */
export function exitCost(c: Candidate): HTMLElement | string {
  if (c.exitCost !== null) return formatMoney(c.exitCost);
  return c.hiddenFor.length ? hiddenMark(c.hiddenFor) : h("span", { class: "muted" }, "unknown");
}

/** One of a candidate's figures: shown, or "hidden" naming whose figures hide it. */
export const candidateMoney = (c: Candidate, value: string | null) =>
  commercialMoney(value, c.valuesVisible, { hiddenFor: c.hiddenFor });

const COLUMNS: Column<Candidate>[] = [
  {
    header: "Target",
    class: "name-col",
    cell: (c) => [
      h("span", { class: "strong" }, productName(c.product)),
      c.recommended
        ? h(
            "span",
            { class: "badge badge-status badge-status-active", style: "margin-left:6px" },
            "Recommended",
          )
        : null,
      h(
        "span",
        { class: "secondary" },
        `${c.metric.toLowerCase()} · `,
        c.targetContract ? contractLink(c.targetContract) : "no contract",
        ` (${c.targetLicence.organisation.code})`,
      ),
    ],
  },
  { header: "Unit price", align: "num", cell: (c) => candidateMoney(c, c.targetUnitPrice) },
  { header: "Seats", align: "num", cell: (c) => formatInt(c.seatsNeeded) },
  { header: "Consolidated", align: "num", cell: (c) => candidateMoney(c, c.consolidatedAnnualCost) },
  {
    header: "Saving",
    align: "num",
    cell: (c) =>
      c.annualSaving === null
        ? candidateMoney(c, null)
        : h(
            "span",
            { class: (toPence(c.annualSaving) ?? 0n) > 0n ? "strong" : "danger" },
            formatMoney(c.annualSaving),
          ),
  },
  { header: "Exit cost", align: "num", cell: exitCost },
  {
    header: "Payback",
    align: "num",
    cell: (c) =>
      c.paybackMonths !== null
        ? `${formatInt(c.paybackMonths)} mo`
        : c.valuesVisible
          ? "—"
          : hiddenMark(c.hiddenFor),
  },
];

/** The table of candidates (`#candidates-table`). */
export function candidatesTable(candidates: Candidate[]): HTMLElement {
  const table = dataTable(COLUMNS, candidates);
  table.tbody.closest("table")!.id = "candidates-table";
  return table.wrap;
}
