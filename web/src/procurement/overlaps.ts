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
import { OVERLAP_TOTALS, OVERLAPS, type Capability, type OverlapRow } from "./data.ts";
import { overlapTotalsView } from "./overlap-totals.ts";
import { todayIso } from "./dates.ts";
import { overlapFilters, type OverlapFilterValues } from "./overlaps-filters.ts";
import {
  overlapTable,
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
  const totals = h("div", { class: "overlap-totals", id: "overlap-totals", "aria-live": "polite" });
  let totalsAbort: AbortController | null = null;
  let variables: Record<string, unknown> = {};
  // The server works the totals out for exactly the rows shown (each licence and contract once).
  const loadTotals = async (shown: OverlapRow[]) => {
    totalsAbort?.abort();
    const abort = new AbortController();
    totalsAbort = abort;
    ctx.signal.addEventListener("abort", () => abort.abort(), { once: true });
    if (!shown.length) return replaceChildren(totals, []);
    totals.setAttribute("aria-busy", "true");
    try {
      const t = (await gql(OVERLAP_TOTALS, { ...variables, overlapIds: shown.map((o) => o.id) }, abort.signal))
        .licenceOverlapTotals;
      replaceChildren(totals, overlapTotalsView(t));
    } catch (err) {
      if (isAbort(err)) return;
      replaceChildren(totals, errorBanner(err, "Could not work out the totals"));
    } finally {
      if (totalsAbort === abort) totals.setAttribute("aria-busy", "false");
    }
  };
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
    void loadTotals(shown);
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
    variables = {};
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

  // The CSV carries the totals of exactly the rows it exports, asked for afresh (the panel's may be in flight).
  exportButton.addEventListener("click", () => {
    const shown = visible();
    void gql(OVERLAP_TOTALS, { ...variables, overlapIds: shown.map((o) => o.id) }, ctx.signal)
      .then((r) => downloadCsv(`licence-overlaps-${todayIso()}.csv`, overlapsCsv(shown, r.licenceOverlapTotals)))
      .catch((err) => {
        if (!isAbort(err)) replaceChildren(totals, errorBanner(err, "Could not export the totals"));
      });
  });
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
