// The overlaps table: its columns, sorting by any of them (headers are buttons, state in aria-sort),
// and the search that narrows the rows. Built on the shared dataTable().
import { h, replaceChildren } from "../dom.ts";
import { commercialMoney } from "../commercial.ts";
import { formatDate, toPence } from "../format.ts";
import { href } from "../router.ts";
import { badge, dataTable, type Column } from "../ui.ts";
import type { OverlapRow } from "./data.ts";
import { seatsText, someOf } from "./format.ts";

/** What the overlaps can be sorted by (the `sort` query parameter). */
export type SortKey =
  "label" | "kind" | "organisations" | "annualCost" | "saving" | "seats" | "earliestEnd" | "coterm";

/** The order of the table: a column and a direction. */
export interface SortState {
  sort: SortKey;
  dir: "asc" | "desc";
}

interface OverlapColumn extends Column<OverlapRow> {
  key: SortKey;
  /** What the column sorts by. */
  value: (o: OverlapRow) => string | bigint | number;
}

/** The headline of an overlap: the shared product, or the capability that is duplicated. */
const headline = (o: OverlapRow) =>
  o.kind === "SAME_PRODUCT"
    ? (o.productLabels[0] ?? o.label)
    : (o.capability?.name ?? o.capabilityCode ?? o.label);

const badgeText = (kind: string) =>
  kind === "SAME_PRODUCT" ? "Same product" : kind === "SAME_JOB" ? "Same job" : "Contracts only";

const productName = (p: { name: string; edition?: string | null } | null | undefined) =>
  p ? [p.name, p.edition].filter(Boolean).join(" ") : "";

/** When an item moves: at the earliest date, or when its contract ends. */
const whenText = (timing: string, date: string) =>
  `${timing === "NOW" ? "earliest" : "at contract end"}, ${formatDate(date)}`;

/**
 * The saving of an overlap: the figure, each point product retired because a suite its council already
 * owns covers it (with its date), the consolidation target only when one is recommended, and why it is
 * not quotable.
 */
function savingCell(s: NonNullable<OverlapRow["saving"]>): (HTMLElement | string)[] {
  if (s.status === "NO_SAVING")
    return [
      h("span", { class: "muted" }, "no saving"),
      h("span", { class: "secondary", title: s.reason ?? "" }, s.reason ?? ""),
    ];
  const retire = s.coveredBySuite.map(
    (c) =>
      `retire ${c.organisation.code} ${c.product.name} — covered by ${productName(c.suite)} already owned (${whenText(c.timing, c.date)})`,
  );
  const onto = s.product ? `onto ${productName(s.product)}; ${whenText(s.timing, s.date)}` : "";
  return [
    commercialMoney(s.annualSaving, true),
    ...(s.status === "NEEDS_QUOTE"
      ? [h("span", { class: "badge warn", title: s.reason ?? "" }, "needs a supplier quote")]
      : []),
    h("span", { class: "secondary", title: s.summary }, [...retire, onto].filter(Boolean).join("; ")),
    ...(s.needsExtension
      ? [
          h(
            "span",
            { class: "badge warn", title: s.extensions.map((e) => e.obstacle ?? "").join(" ") },
            "needs a contract extension",
          ),
        ]
      : []),
    ...s.extensions.map((e) =>
      h(
        "span",
        { class: "secondary warn-text", title: e.obstacle ?? "" },
        `${e.contract.reference} needs extending to ${formatDate(e.extendTo)}`,
      ),
    ),
    ...(s.noticePassed
      ? [
          h(
            "span",
            { class: "secondary warn-text", title: s.warnings.filter((w) => w.includes("notice deadline")).join(" ") },
            "notice deadline passed: leaving needs the supplier's agreement",
          ),
        ]
      : []),
    ...(s.targetRenewalNeededBy
      ? [
          h(
            "span",
            { class: "secondary warn-text" },
            `target contract needs renewal by ${formatDate(s.targetRenewalNeededBy)}`,
          ),
        ]
      : []),
  ];
}

const COLUMNS: OverlapColumn[] = [
  {
    key: "label",
    header: "Overlap",
    class: "name-col",
    value: (o) => headline(o).toLowerCase(),
    cell: (o) => [
      h(
        "a",
        { href: href(`/procurement/overlaps/${o.id}`), class: "strong overlap-link", title: o.label },
        headline(o),
      ),
      // Below 1280 px the kind and organisations columns fold into this line.
      h("span", { class: "secondary narrow-only" }, `${badgeText(o.kind)} · ${o.organisationCodes.join(", ")}`),
      h(
        "span",
        { class: "secondary" },
        o.kind === "SAME_PRODUCT"
          ? (o.capability?.name ?? "No capability")
          : o.kind === "CONTRACTS_ONLY"
            ? `Contracts only: ${o.label.slice(o.label.indexOf("): ") + 3)}`
            : `${o.productLabels.length} products: ${someOf(o.productLabels)}`,
      ),
    ],
  },
  { key: "kind", header: "Kind", class: "wide-only", value: (o) => o.kind, cell: (o) => badge(o.kind, "kind") },
  {
    key: "organisations",
    header: "Organisations",
    class: "wide-only",
    value: (o) => o.organisationCodes.join(","),
    cell: (o) => o.organisationCodes.join(", "),
  },
  {
    key: "annualCost",
    header: "Annual cost",
    align: "num",
    // A hidden total sorts below every shown one.
    value: (o) => toPence(o.annualCost) ?? -1n,
    cell: (o) => [
      commercialMoney(o.annualCost, o.valuesVisible, { hiddenFor: o.hiddenFor }),
      ...(o.contractsWithoutValue
        ? [
            h(
              "span",
              { class: "secondary warn-text" },
              `${o.contractsWithoutValue} contract${o.contractsWithoutValue === 1 ? " has" : "s have"} no recorded value`,
            ),
          ]
        : []),
    ],
  },
  {
    key: "saving",
    header: "Saving a year",
    align: "num",
    class: "saving-col",
    // No saving (none fits) and hidden savings sort below every shown one.
    value: (o) => (o.saving?.status === "RECOMMENDED" ? (toPence(o.saving.annualSaving) ?? -1n) : -1n),
    cell: (o) =>
      o.saving
        ? savingCell(o.saving)
        : o.valuesVisible
          ? h("span", { class: "muted" }, o.kind === "CONTRACTS_ONLY" ? "see contracts" : "no target fits")
          : commercialMoney(null, false, { hiddenFor: o.hiddenFor }),
  },
  {
    key: "seats",
    header: "Seats used / owned",
    align: "num",
    value: (o) => o.seats.reduce((n, s) => n + s.used, 0),
    cell: (o) =>
      o.seats.map((s) => h("span", { class: "secondary", style: "display:block" }, seatsText([s]))),
  },
  {
    key: "earliestEnd",
    header: "Earliest end",
    class: "nowrap",
    value: (o) => o.earliestContractEnd ?? "9999",
    cell: (o) => formatDate(o.earliestContractEnd),
  },
  {
    key: "coterm",
    header: "Extend to co-terminate",
    align: "num",
    class: "coterm-col",
    value: (o) => toPence(o.cotermination.cost) ?? -1n,
    cell: ({ cotermination: c }) => [
      c.alreadyCoterminous
        ? h("span", { class: "muted" }, "already aligned")
        : commercialMoney(c.cost, c.valuesVisible),
      h(
        "span",
        { class: "secondary" },
        c.coterminable ? `spend until ${formatDate(c.commonEndDate)}` : "not possible",
      ),
    ],
  },
];

function compare(a: string | bigint | number, b: string | bigint | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The overlaps whose label or capability holds `search`, in the order `order` says (ties by id). */
export function visibleOverlaps(rows: OverlapRow[], search: string, order: SortState): OverlapRow[] {
  // Word by word, as the API's search: every word typed begins a word of the label or capability.
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (text: string) => {
    const lower = text.toLowerCase();
    return words.every(
      (w) => lower.startsWith(w) || [" ", "-", "/", "(", "."].some((sep) => lower.includes(sep + w)),
    );
  };
  const column = COLUMNS.find((c) => c.key === order.sort) ?? COLUMNS[3]!;
  const sign = order.dir === "asc" ? 1 : -1;
  return rows
    .filter((o) => !words.length || matches(`${o.label} ${o.capability?.name ?? ""}`))
    .sort((a, b) => sign * compare(column.value(a), column.value(b)) || compare(a.id, b.id));
}

/** The order after clicking a column's header: the other way round, or that column (money, seats and
 * costs largest first). */
function nextOrder(order: SortState, column: OverlapColumn): SortState {
  if (order.sort === column.key) return { sort: column.key, dir: order.dir === "asc" ? "desc" : "asc" };
  return { sort: column.key, dir: column.align === "num" ? "desc" : "asc" };
}

/** The table of `rows` (already sorted); clicking a header calls `onSort` with the new order. */
export function overlapTable(
  rows: OverlapRow[],
  order: SortState,
  onSort: (order: SortState) => void,
): HTMLElement {
  const table = dataTable(COLUMNS, rows, "Licence overlaps");
  table.wrap.classList.add("overlaps-table");
  table.tbody.id = "overlap-rows";
  for (const [i, tr] of [...table.tbody.rows].entries()) tr.dataset.overlap = rows[i]!.id;
  const headers = table.wrap.querySelectorAll("thead th");
  COLUMNS.forEach((column, i) => {
    const th = headers[i]!;
    const active = order.sort === column.key;
    th.setAttribute("aria-sort", active ? (order.dir === "asc" ? "ascending" : "descending") : "none");
    replaceChildren(
      th,
      h(
        "button",
        {
          type: "button",
          class: "proc-sort",
          "data-sort": column.key,
          onclick: () => onSort(nextOrder(order, column)),
        },
        column.header,
        h("span", { class: "arrow", "aria-hidden": "true" }, active ? (order.dir === "asc" ? "▲" : "▼") : ""),
      ),
    );
  });
  return table.wrap;
}
