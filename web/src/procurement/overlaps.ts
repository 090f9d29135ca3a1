// The "Licence overlaps" section: filters kept in the URL, the sortable table, and the CSV export of
// the rows shown.
import { gql, isAbort } from "../api.ts";
import { append, h, replaceChildren } from "../dom.ts";
import { formatInt, formatMoney } from "../format.ts";
import type { OrgRef } from "../organisations.ts";
import { queryList, type PageContext } from "../router.ts";
import { empty, errorBanner, loading } from "../ui.ts";
import { overlapsCsv } from "./csv.ts";
import { downloadCsv } from "../export.ts";
import { OVERLAPS, type Capability, type OverlapRow } from "./data.ts";
import { todayIso } from "./dates.ts";
import { overlapFilters, type OverlapFilterValues } from "./overlaps-filters.ts";
import {
  overlapTable,
  overlapTotals,
  visibleOverlaps,
  type SortKey,
  type SortState,
} from "./overlaps-table.ts";
import { updateQuery } from "./query.ts";

/** Fills `section` with the overlaps section and loads the overlaps. */
export async function renderOverlaps(
  section: HTMLElement,
  ctx: PageContext,
  orgs: OrgRef[],
  capabilities: Capability[],
): Promise<void> {
  const q = ctx.route.query;
  const state: OverlapFilterValues & SortState = {
    org: queryList(q, "org"),
    capability: q.get("capability") ?? "",
    kind: q.get("kind") ?? "",
    min: q.get("min") ?? "",
    timing: q.get("timing") ?? "",
    q: q.get("q") ?? "",
    sort: (q.get("sort") as SortKey | null) ?? "annualCost",
    dir: q.get("dir") === "asc" ? "asc" : "desc",
  };
  let rows: OverlapRow[] = [];
  const countLine = h("p", { class: "count-line", id: "overlap-count", "aria-live": "polite" });
  const totals = h("p", { class: "count-line", id: "overlap-totals" });
  const results = h("div", { class: "results", id: "overlap-results" });
  const exportButton = h(
    "button",
    { type: "button", class: "button", id: "overlap-export", disabled: true },
    "Export CSV",
  );

  const visible = () => visibleOverlaps(rows, state.q, state);

  const syncUrl = () =>
    updateQuery({
      org: state.org,
      capability: state.capability,
      kind: state.kind,
      min: state.min,
      timing: state.timing,
      q: state.q.trim(),
      sort: state.sort === "annualCost" ? "" : state.sort,
      dir: state.dir === "desc" ? "" : state.dir,
    });

  const draw = () => {
    const shown = visible();
    countLine.textContent = rows.length
      ? `Showing ${formatInt(shown.length)} of ${formatInt(rows.length)} overlaps`
      : "";
    exportButton.disabled = shown.length === 0;
    const t = overlapTotals(shown);
    const pounds = (p: bigint | null) =>
      p === null ? "hidden" : formatMoney(`${p / 100n}.${String(p % 100n).padStart(2, "0")}`);
    replaceChildren(
      totals,
      shown.length
        ? [
            h("strong", {}, "Total saving a year: "),
            h("span", { id: "overlap-total-saving" }, pounds(t.saving)),
            ` (recommended target of ${formatInt(t.priced)} overlaps, each ${state.timing === "NOW" ? "now" : state.timing === "NATURAL" ? "at its contracts' natural end" : "at the better date by NPV"}). `,
            h("strong", {}, "Co-termination cost: "),
            h("span", { id: "overlap-total-coterm" }, pounds(t.coterm)),
            " (a one-off cost of aligning contract ends, not a saving).",
          ]
        : [],
    );
    if (!shown.length) {
      replaceChildren(
        results,
        empty(rows.length ? "No overlap matches the search." : "No overlaps between these organisations."),
      );
      return;
    }
    replaceChildren(
      results,
      overlapTable(shown, state, (order) => {
        Object.assign(state, order);
        syncUrl();
        draw();
      }),
    );
  };

  const load = async () => {
    results.setAttribute("aria-busy", "true");
    if (!rows.length) replaceChildren(results, loading("Finding overlaps…"));
    else results.classList.add("stale");
    const variables: Record<string, unknown> = {};
    if (state.org.length) variables.organisations = state.org;
    if (state.capability) variables.capability = state.capability;
    if (state.kind) variables.kind = state.kind;
    if (state.timing) variables.timing = state.timing;
    if (/^\d+(\.\d{1,2})?$/.test(state.min.trim())) variables.minAnnualSpend = state.min.trim();
    try {
      rows = (await gql(OVERLAPS, variables, ctx.signal)).licenceOverlaps;
      draw();
    } catch (err) {
      if (isAbort(err)) return;
      rows = [];
      countLine.textContent = "";
      replaceChildren(results, errorBanner(err, "Could not load overlaps"));
    } finally {
      results.classList.remove("stale");
      results.setAttribute("aria-busy", "false");
    }
  };

  exportButton.addEventListener("click", () =>
    downloadCsv(`licence-overlaps-${todayIso()}.csv`, overlapsCsv(visible())),
  );
  const filters = overlapFilters(
    state,
    orgs,
    capabilities,
    (key, value) => {
      Object.assign(state, { [key]: value });
      syncUrl();
      void load();
    },
    (text) => {
      state.q = text;
      syncUrl();
      draw();
    },
  );
  append(
    section,
    h("h2", { id: "overlaps" }, "Licence overlaps"),
    h(
      "p",
      { class: "subtitle" },
      "The same product licensed by several organisations, different products doing the same job, and contracts without licences for the same job. Open one to compare the organisations side by side.",
    ),
    filters,
    h("div", { class: "proc-toolbar" }, countLine, exportButton),
    totals,
    results,
  );
  await load();
}
