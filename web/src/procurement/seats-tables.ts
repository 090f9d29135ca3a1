// The "Seats owned against used" section: shelfware (seats paid for and not used) and shortfall (seats
// used but not licensed), each priced at unit cost, with the total a year. Each table sorts on the
// server by its column headers (PositionOrder: costs the caller may not see never order the list) and
// exports as CSV.
import { exportButton } from "../export.ts";
import { gql, isAbort } from "../api.ts";
import { append, h, replaceChildren } from "../dom.ts";
import { commercialMoney, commercialText, hiddenMark, sumShown } from "../commercial.ts";
import { formatEnum, formatInt, formatMoney, fromPence, toPence } from "../format.ts";
import { PositionOrder } from "../graphql.ts";
import type { PageContext } from "../router.ts";
import { dataTable, empty, errorBanner, loading, type ExportColumn, type SortControl } from "../ui.ts";
import { POSITIONS, type PositionRow } from "./data.ts";
import { productName, seatsText } from "./format.ts";

type Imbalance = "shelfware" | "shortfall";

/** The columns of the shelfware or the shortfall table (only the metrics out of balance that way). */
function positionColumns(kind: Imbalance): ExportColumn<PositionRow>[] {
  const spare = kind === "shelfware";
  const metrics = (p: PositionRow) => p.metrics.filter((m) => (spare ? m.shelfware : m.shortfall) > 0);
  // Exports write one row per licence metric out of balance (see exportRows), so these read its one metric.
  const one = (p: PositionRow) => metrics(p)[0];
  const count = (p: PositionRow) => {
    const m = one(p);
    return m ? (spare ? m.shelfware : m.shortfall) : null;
  };
  /** The metric's seats × unit cost, exact in pence; "hidden" when the caller may not see it. */
  const lineCost = (p: PositionRow) => {
    const m = one(p);
    if (!p.valuesVisible) return "hidden";
    const unit = toPence(m?.unitCost);
    const n = count(p);
    return unit === null || n === null ? "" : fromPence(unit * BigInt(n));
  };
  return [
    {
      header: "Product",
      class: "name-col",
      cell: (p) => [
        h("span", { class: "strong" }, p.product.name, p.product.edition ? ` ${p.product.edition}` : ""),
        h("span", { class: "secondary" }, p.product.vendor.name),
      ],
      csv: [
        { header: "Product", value: (p) => productName(p.product) },
        { header: "Vendor", value: (p) => p.product.vendor.name },
      ],
      sort: { asc: PositionOrder.ProductAsc, desc: PositionOrder.ProductDesc },
    },
    {
      header: "Org",
      cell: (p) => h("abbr", { title: p.organisation.name }, p.organisation.code),
      csv: (p) => p.organisation.code,
      sort: { asc: PositionOrder.OrganisationAsc, desc: PositionOrder.OrganisationDesc },
    },
    {
      header: "Used of owned",
      align: "num",
      cell: (p) =>
        metrics(p).map((m) => h("span", { style: "display:block", title: m.method }, seatsText([m]))),
      csv: [
        { header: "Metric", value: (p) => formatEnum(one(p)?.metric) },
        { header: "Used", value: (p) => one(p)?.used ?? null },
        { header: "Owned", value: (p) => one(p)?.owned ?? null },
        { header: "Counted by", value: (p) => one(p)?.method ?? "" },
      ],
    },
    {
      header: spare ? "Spare × unit" : "Short × unit",
      align: "num",
      sort: { asc: PositionOrder.SeatsAsc, desc: PositionOrder.SeatsDesc, first: "desc" },
      csv: [
        { header: spare ? "Spare" : "Short", value: count },
        { header: "Unit cost (£)", value: (p) => commercialText(one(p)?.unitCost, p.valuesVisible) },
      ],
      cell: (p) =>
        metrics(p).map((m) =>
          h(
            "span",
            { style: "display:block", class: spare ? "warn" : "danger" },
            formatInt(spare ? m.shelfware : m.shortfall),
            h(
              "span",
              { class: "muted", style: "font-weight:400" },
              " × ",
              commercialMoney(m.unitCost, p.valuesVisible, { hiddenFor: [p.organisation.code] }),
            ),
          ),
        ),
    },
    {
      header: spare ? "Cost a year" : "True-up a year",
      align: "num",
      class: "strong",
      sort: { asc: PositionOrder.CostAsc, desc: PositionOrder.CostDesc, first: "desc" },
      csv: [{ header: `${spare ? "Cost a year" : "True-up a year"} (£)`, value: lineCost }],
      cell: (p) =>
        commercialMoney(spare ? p.shelfwareCost : p.shortfallCost, p.valuesVisible, {
          hiddenFor: [p.organisation.code],
        }),
    },
  ];
}

/**
 * The rows of an export: one per licence metric out of balance (a licence counted two ways gives two
 * rows), so every CSV cell holds one value and the cost column adds up to the table's total.
 */
function exportRows(rows: PositionRow[], kind: Imbalance): PositionRow[] {
  return rows.flatMap((p) =>
    p.metrics
      .filter((m) => (kind === "shelfware" ? m.shelfware : m.shortfall) > 0)
      .map((m) => ({ ...p, metrics: [m] })),
  );
}

/** The shelfware or shortfall table (`#shelfware-table`, `#shortfall-table`), or why it is empty. */
function positionTable(rows: PositionRow[], kind: Imbalance, sort: SortControl): HTMLElement {
  if (!rows.length)
    return empty(kind === "shelfware" ? "No licence has seats to spare." : "No licence is short of seats.");
  const table = dataTable(
    positionColumns(kind),
    rows,
    kind === "shelfware" ? "Shelfware" : "Shortfall",
    sort,
  );
  table.tbody.closest("table")!.id = `${kind}-table`;
  return table.wrap;
}

/** Fills `section` with the shelfware and shortfall cards and loads both. */
export async function renderPositions(section: HTMLElement, ctx: PageContext): Promise<void> {
  const shelf = h("div", { class: "card" }, h("h2", null, "Shelfware"), loading());
  const short = h("div", { class: "card" }, h("h2", null, "Shortfall"), loading());
  append(
    section,
    h("h2", { id: "seats" }, "Seats owned against used"),
    h(
      "p",
      { class: "subtitle" },
      "Shelfware: seats paid for and not used (owned − used). Shortfall: seats used but not licensed (used − owned). Both priced at unit cost.",
    ),
    shelf,
    short,
  );
  const orders: Record<"SHELFWARE" | "SHORTFALL", PositionOrder> = {
    SHELFWARE: PositionOrder.CostDesc,
    SHORTFALL: PositionOrder.CostDesc,
  };
  const fill = async (card: HTMLElement, imbalance: "SHELFWARE" | "SHORTFALL"): Promise<void> => {
    const sort: SortControl = {
      get current() {
        return orders[imbalance];
      },
      set: (next) => {
        orders[imbalance] = (Object.values(PositionOrder) as string[]).includes(next)
          ? (next as PositionOrder)
          : PositionOrder.CostDesc;
        card.querySelector(".table-wrap")?.classList.add("stale");
        void fill(card, imbalance);
      },
    };
    try {
      const rows = (await gql(POSITIONS, { imbalance, orderBy: orders[imbalance] }, ctx.signal))
        .licencePositions;
      // Positions whose costs are hidden are listed (after the others) but cannot be added in.
      const shown = rows.filter((r) => r.valuesVisible);
      const total = sumShown(
        shown.map((r) => (imbalance === "SHELFWARE" ? r.shelfwareCost : r.shortfallCost)),
      );
      const hiddenCodes = [...new Set(rows.filter((r) => !r.valuesVisible).map((r) => r.organisation.code))];
      replaceChildren(
        card,
        h(
          "h2",
          null,
          imbalance === "SHELFWARE" ? "Shelfware" : "Shortfall",
          h("span", { class: "count" }, formatInt(rows.length)),
          h(
            "span",
            { class: "muted", style: "font-weight:400;margin-left:auto" },
            shown.length ? `${formatMoney(total)} a year` : null,
            hiddenCodes.length
              ? [shown.length ? " + " : "", hiddenMark(hiddenCodes, `hidden for ${hiddenCodes.join(", ")}`)]
              : null,
          ),
        ),
        rows.length
          ? h(
              "div",
              { class: "list-bar" },
              exportButton(
                `${imbalance.toLowerCase()}-export`,
                imbalance === "SHELFWARE" ? "shelfware" : "shortfall",
                positionColumns(imbalance === "SHELFWARE" ? "shelfware" : "shortfall"),
                () => exportRows(rows, imbalance === "SHELFWARE" ? "shelfware" : "shortfall"),
              ),
            )
          : null,
        positionTable(rows, imbalance === "SHELFWARE" ? "shelfware" : "shortfall", sort),
      );
    } catch (err) {
      if (isAbort(err)) return;
      replaceChildren(card, errorBanner(err, "Could not load licence positions"));
    }
  };
  await Promise.all([fill(shelf, "SHELFWARE"), fill(short, "SHORTFALL")]);
}
