// The "Seats owned against used" section: shelfware (seats paid for and not used) and shortfall (seats
// used but not licensed), each priced at unit cost, with the total a year. Each table sorts on the
// server by its column headers (PositionOrder: costs the caller may not see never order the list) and
// exports as CSV.
import { exportButton } from "../export.ts";
import { gql, isAbort } from "../api.ts";
import { append, h, replaceChildren } from "../dom.ts";
import { commercialMoney, hiddenMark, sumShown } from "../commercial.ts";
import { formatInt, formatMoney } from "../format.ts";
import { PositionOrder } from "../graphql.ts";
import type { PageContext } from "../router.ts";
import { dataTable, empty, errorBanner, loading, type Column, type SortControl } from "../ui.ts";
import { POSITIONS, type PositionRow } from "./data.ts";
import { seatsText } from "./format.ts";

type Imbalance = "shelfware" | "shortfall";

/** The columns of the shelfware or the shortfall table (only the metrics out of balance that way). */
function positionColumns(kind: Imbalance): Column<PositionRow>[] {
  const spare = kind === "shelfware";
  const metrics = (p: PositionRow) => p.metrics.filter((m) => (spare ? m.shelfware : m.shortfall) > 0);
  return [
    {
      header: "Product",
      class: "name-col",
      cell: (p) => [
        h("span", { class: "strong" }, p.product.name, p.product.edition ? ` ${p.product.edition}` : ""),
        h("span", { class: "secondary" }, p.product.vendor.name),
      ],
      sort: { asc: PositionOrder.ProductAsc, desc: PositionOrder.ProductDesc },
    },
    {
      header: "Org",
      cell: (p) => h("abbr", { title: p.organisation.name }, p.organisation.code),
      sort: { asc: PositionOrder.OrganisationAsc, desc: PositionOrder.OrganisationDesc },
    },
    {
      header: "Used of owned",
      align: "num",
      cell: (p) =>
        metrics(p).map((m) => h("span", { style: "display:block", title: m.method }, seatsText([m]))),
    },
    {
      header: spare ? "Spare × unit" : "Short × unit",
      align: "num",
      sort: { asc: PositionOrder.SeatsAsc, desc: PositionOrder.SeatsDesc, first: "desc" },
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
      cell: (p) =>
        commercialMoney(spare ? p.shelfwareCost : p.shortfallCost, p.valuesVisible, {
          hiddenFor: [p.organisation.code],
        }),
    },
  ];
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
                () => rows,
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
