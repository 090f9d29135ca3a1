// The "Renewals in the next 36 months" section: an organisation filter, an "only overlaps" switch, an
// order and a view (timeline or table) kept in the URL; the timeline of the first 40 contracts (or all of
// them) or the table of them all, sorted by its headers or the Order choice (renewals-table.ts), and
// "Export CSV" of every contract the filters select, in that order.
import { orgColour } from "../organisations.ts";
import { gql, isAbort } from "../api.ts";
import { append, h, replaceChildren } from "../dom.ts";
import { formatDate, formatInt } from "../format.ts";
import type { OrgRef } from "../organisations.ts";
import type { PageContext } from "../router.ts";
import { exportButton } from "../export.ts";
import { dataTable, empty, errorBanner, loading, selectField } from "../ui.ts";
import { RENEWALS, type RenewalRow } from "./data.ts";
import { addMonths, todayIso } from "./dates.ts";
import { updateQuery } from "./query.ts";
import { legend } from "./renewals-legend.ts";
import { timeline } from "./renewals-timeline.ts";
import {
  orderWords,
  RENEWAL_ORDERS,
  renewalColumns,
  sortRenewals,
  type RenewalOrder,
} from "./renewals-table.ts";

/** Fills `section` with the renewals section and loads the renewals. */
export async function renderRenewals(section: HTMLElement, ctx: PageContext, orgs: OrgRef[]): Promise<void> {
  const from = todayIso();
  const to = addMonths(from, 36);
  const state = {
    org: ctx.route.query.get("rorg") ?? "",
    overlapsOnly: ctx.route.query.get("roverlaps") === "1",
    order: (RENEWAL_ORDERS as readonly string[]).includes(ctx.route.query.get("rorder") ?? "")
      ? (ctx.route.query.get("rorder") as RenewalOrder)
      : "DEADLINE_ASC",
    view: ctx.route.query.get("rview") === "table" ? "table" : "timeline",
    all: false,
  };
  const holder = h("div", { id: "renewals-results" }, loading("Loading renewals…"));
  const colour = orgColour; // each organisation's one colour (organisations.ts)
  let items: RenewalRow[] = [];
  const LIMIT = 40;

  const draw = () => {
    const shown = sortRenewals(
      items.filter((i) => !state.overlapsOnly || i.overlapIds.length > 0),
      state.order,
    );
    if (!shown.length) {
      replaceChildren(
        holder,
        empty("No contract ends or reaches its notice deadline in the next 36 months."),
      );
      return;
    }
    orderField.querySelector("select")!.value = state.order;
    const exporter = exportButton("renewals-export", "renewals", renewalColumns, () => shown);
    if (state.view === "table") {
      const sort = {
        current: state.order,
        set: (next: string) => {
          state.order = next as RenewalOrder;
          sync();
          draw();
        },
      };
      const table = dataTable(renewalColumns, shown, "renewals", sort);
      table.tbody.id = "renewals-rows";
      replaceChildren(
        holder,
        h(
          "div",
          { class: "list-bar" },
          h(
            "p",
            { class: "count-line", id: "renewals-count" },
            `${formatInt(shown.length)} contracts, ${orderWords(state.order)}.`,
          ),
          exporter,
        ),
        table.wrap,
      );
      return;
    }
    const rows = state.all ? shown : shown.slice(0, LIMIT);
    const more =
      shown.length > LIMIT
        ? h(
            "button",
            {
              type: "button",
              class: "button",
              id: "renewals-toggle",
              onclick: () => {
                state.all = !state.all;
                draw();
              },
            },
            state.all ? `Show the first ${LIMIT}` : `Show all ${formatInt(shown.length)}`,
          )
        : null;
    replaceChildren(
      holder,
      h(
        "div",
        { class: "list-bar" },
        h(
          "p",
          { class: "count-line", id: "renewals-count" },
          `${formatInt(shown.length)} contracts, ${orderWords(state.order)}${shown.length > rows.length ? ` (first ${rows.length} shown)` : ""}.`,
        ),
        exporter,
      ),
      legend(),
      h(
        "div",
        { class: "table-wrap table-wrap-full", style: "padding:6px 4px" },
        timeline(rows, from, to, colour),
      ),
      more ? h("div", { class: "load-more" }, more) : null,
    );
  };
  const load = async () => {
    try {
      items = (await gql(RENEWALS, { from, to, organisation: state.org || null }, ctx.signal)).renewals.items;
      draw();
    } catch (err) {
      if (isAbort(err)) return;
      replaceChildren(holder, errorBanner(err, "Could not load renewals"));
    }
  };
  const sync = () =>
    updateQuery({
      rorg: state.org,
      roverlaps: state.overlapsOnly ? "1" : "",
      rorder: state.order === "DEADLINE_ASC" ? "" : state.order,
      rview: state.view === "table" ? "table" : "",
    });
  // The order and view choices; a table header click changes the order too (and redraws these).
  const orderField = selectField(
    "Order",
    "renewals-order",
    RENEWAL_ORDERS.map((o) => ({
      value: o,
      label: orderWords(o)[0]!.toUpperCase() + orderWords(o).slice(1),
    })),
    state.order,
    (v) => {
      state.order = v as RenewalOrder;
      sync();
      draw();
    },
  );
  const viewChoice = selectField(
    "View",
    "renewals-view",
    [
      { value: "timeline", label: "Timeline" },
      { value: "table", label: "Table" },
    ],
    state.view,
    (v) => {
      state.view = v === "table" ? "table" : "timeline";
      sync();
      draw();
    },
  );
  const only = h("input", { type: "checkbox", id: "f-renewals-overlaps", checked: state.overlapsOnly });
  only.addEventListener("change", () => {
    state.overlapsOnly = only.checked;
    sync();
    draw();
  });
  append(
    section,
    h("h2", { id: "renewals" }, "Renewals in the next 36 months"),
    h(
      "p",
      { class: "subtitle" },
      `Contracts ending, or reaching their notice deadline, between ${formatDate(from)} and ${formatDate(to)}.`,
    ),
    h(
      "form",
      { class: "filters", "aria-label": "Filter renewals", onsubmit: (e: Event) => e.preventDefault() },
      selectField(
        "Organisation",
        "renewals-org",
        [
          { value: "", label: "All organisations" },
          ...orgs.map((o) => ({ value: o.code, label: `${o.code} — ${o.name}` })),
        ],
        state.org,
        (v) => {
          state.org = v;
          sync();
          void load();
        },
      ),
      h(
        "div",
        { class: "field field-check" },
        h("label", { class: "checkbox" }, only, "Only contracts in an overlap"),
      ),
      orderField,
      viewChoice,
    ),
    holder,
  );
  await load();
}
