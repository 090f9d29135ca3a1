// The "Renewals in the next 36 months" section: an organisation filter and "only overlaps" switch kept
// in the URL, and the timeline of the first 40 contracts (or all of them).
import { orgColour } from "../organisations.ts";
import { gql, isAbort } from "../api.ts";
import { append, h, replaceChildren } from "../dom.ts";
import { formatDate, formatInt } from "../format.ts";
import type { OrgRef } from "../organisations.ts";
import type { PageContext } from "../router.ts";
import { empty, errorBanner, loading, selectField } from "../ui.ts";
import { RENEWALS, type RenewalRow } from "./data.ts";
import { addMonths, todayIso } from "./dates.ts";
import { updateQuery } from "./query.ts";
import { legend } from "./renewals-legend.ts";
import { timeline } from "./renewals-timeline.ts";

/** Fills `section` with the renewals section and loads the renewals. */
export async function renderRenewals(section: HTMLElement, ctx: PageContext, orgs: OrgRef[]): Promise<void> {
  const from = todayIso();
  const to = addMonths(from, 36);
  const state = {
    org: ctx.route.query.get("rorg") ?? "",
    overlapsOnly: ctx.route.query.get("roverlaps") === "1",
    all: false,
  };
  const holder = h("div", { id: "renewals-results" }, loading("Loading renewals…"));
  const colour = orgColour; // each organisation's one colour (organisations.ts)
  let items: RenewalRow[] = [];
  const LIMIT = 40;

  const draw = () => {
    const shown = items.filter((i) => !state.overlapsOnly || i.overlapIds.length > 0);
    if (!shown.length) {
      replaceChildren(
        holder,
        empty("No contract ends or reaches its notice deadline in the next 36 months."),
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
        "p",
        { class: "count-line", id: "renewals-count" },
        `${formatInt(shown.length)} contracts, soonest deadline first${shown.length > rows.length ? ` (first ${rows.length} shown)` : ""}.`,
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
  const sync = () => updateQuery({ rorg: state.org, roverlaps: state.overlapsOnly ? "1" : "" });
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
    ),
    holder,
  );
  await load();
}
