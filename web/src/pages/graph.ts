// "#/graph": the dependency graph explorer. Assets coloured by organisation and shaped by kind, grouped
// in boxes by site; click for the impact (downstream/upstream), a site box for everything that stops
// if the site closes, double-click to expand. "?focus=<assetId>" opens on one asset's neighbourhood,
// "?site=<siteId>" on one site with its impact; otherwise the filter in the URL (default: the
// infrastructure of every organisation). The modules doing the work live in ../graph/.
import { isAbort } from "../api.ts";
import { h } from "../dom.ts";
import { loadOrganisations, type OrgRef } from "../organisations.ts";
import { definePage, href, registerNav, replaceQuery, type PageContext } from "../router.ts";
import { errorBanner, pageHeader } from "../ui.ts";
import { registerAssetAction } from "./asset.ts";
import { loadSites, MAX_DRAWN, VIEW_LIMIT } from "../graph/data.ts";
import { Explorer, isImpactScope, type ImpactScope } from "../graph/explorer.ts";
import { exportGraphML, exportPng } from "../graph/export.ts";
import {
  describeFilter,
  filterFromQuery,
  filterPanel,
  filterToQuery,
  toGraphFilter,
  type FilterState,
} from "../graph/filters.ts";
import { isLayoutName, LAYOUTS, type LayoutName } from "../graph/layouts.ts";
import { legend } from "../graph/legend.ts";
import { markerControls, type MarkerState } from "../graph/markers.ts";
import { Notices } from "../graph/notices.ts";
import { OrgPalette } from "../graph/palette.ts";
import { searchBox } from "../graph/search.ts";
import type { SiteOption } from "../graph/types.ts";

/** What tests (and the curious) can reach: `window.__convergeGraph`. */
declare global {
  interface Window {
    __convergeGraph?: { explorer: Explorer; cy: Explorer["cy"] };
  }
}

function parseDepth(v: string | null): number | null {
  const n = Number(v);
  return v && Number.isInteger(n) && n >= 1 && n <= 10 ? n : null;
}

async function render({ outlet, route, signal }: PageContext): Promise<void> {
  const q = route.query;
  let filter: FilterState = filterFromQuery(q);
  const focus = q.get("focus");
  // "?site=X" alone (the sites page's link): that site's assets, of every kind, and its impact.
  const siteParam = filter.site.length === 1 && !q.has("kind") ? filter.site[0]! : null;
  let layout: LayoutName = isLayoutName(q.get("layout")) ? (q.get("layout") as LayoutName) : "overview";
  let depth = parseDepth(q.get("depth"));
  // "?impact=recovery": impact also lists what only loses its recovery copy (default: what stops).
  let scope: ImpactScope = isImpactScope(q.get("impact")) ? (q.get("impact") as ImpactScope) : "stops";
  let markers: MarkerState = {
    spof: q.has("spof") ? (q.get("spof") === "ALL" ? "" : (q.get("spof") ?? "")) : null,
    cross: q.get("cross") === "1",
  };
  let focused: string | null = focus;
  // "?hide=filters,panel": side columns the user collapsed.
  const hideParam = (q.get("hide") ?? "").split(",");
  const hidden = { filters: hideParam.includes("filters"), panel: hideParam.includes("panel") };
  // "?limit=N" (1 to MAX_DRAWN) draws fewer or more assets per view than the default.
  const limitParam = Number(q.get("limit"));
  const limit =
    Number.isInteger(limitParam) && limitParam >= 1 && limitParam <= MAX_DRAWN ? limitParam : VIEW_LIMIT;

  const syncUrl = () =>
    replaceQuery({
      ...(focused ? {} : filterToQuery(filter)),
      focus: focused,
      layout: layout === "overview" ? null : layout,
      depth: depth == null ? null : String(depth),
      impact: scope === "stops" ? null : scope,
      spof: markers.spof == null ? null : markers.spof || "ALL",
      cross: markers.cross ? "1" : null,
      limit: limit === VIEW_LIMIT ? null : String(limit),
      hide: [hidden.filters ? "filters" : "", hidden.panel ? "panel" : ""].filter(Boolean).join(",") || null,
    });

  const subtitle = h("span", { id: "graph-subtitle" });
  const root = h("div", { class: "graph-page", id: "graph-page", "data-busy": "true" });
  const toolbar = h("div", { class: "graph-toolbar", role: "toolbar", "aria-label": "Graph tools" });
  const noticeArea = h("div", { class: "graph-notices", id: "graph-notices", "aria-live": "polite" });
  const sidebar = h("aside", {
    class: "graph-sidebar",
    id: "graph-sidebar",
    "aria-label": "Filter and legend",
  });
  const canvas = h("div", { class: "graph-canvas", id: "graph-canvas" });
  const status = h("p", { class: "graph-status", id: "graph-status", "aria-live": "polite" });
  const panel = h("aside", {
    class: "graph-panel",
    id: "graph-panel",
    "aria-label": "Selection",
    "data-state": "idle",
  });
  root.append(
    pageHeader("Dependency graph", subtitle),
    toolbar,
    noticeArea,
    h(
      "div",
      { class: "graph-layout" },
      sidebar,
      h("div", { class: "graph-canvas-wrap" }, canvas, status),
      panel,
    ),
  );
  outlet.append(root);
  const notices = new Notices(noticeArea);

  let orgs: OrgRef[] = [];
  let sites: SiteOption[] = [];
  const [orgsResult, sitesResult] = await Promise.allSettled([loadOrganisations(), loadSites(signal)]);
  if (signal.aborted) return;
  if (orgsResult.status === "fulfilled") orgs = orgsResult.value;
  else notices.set("orgs", errorBanner(orgsResult.reason, "Could not load organisations"));
  if (sitesResult.status === "fulfilled") sites = sitesResult.value;
  else if (!isAbort(sitesResult.reason))
    notices.set("sites", errorBanner(sitesResult.reason, "Could not load sites"));

  const palette = new OrgPalette(orgs.map((o) => o.code));
  const explorer = new Explorer({
    container: canvas,
    root,
    panel,
    notices,
    status,
    palette,
    signal,
    layout,
    depth,
    scope,
    onPanel: () => {
      if (!hidden.panel) return;
      hidden.panel = false;
      delete root.dataset.panel;
      document.getElementById("graph-toggle-panel")?.setAttribute("aria-expanded", "true");
      syncUrl();
      requestAnimationFrame(() => explorer.cy.resize());
    },
    onFocus: (id) => {
      // Only an asset opened by focus/search stays in the URL; a filtered view keeps its filter.
      if (focused && id !== focused) focused = null;
      syncUrl();
    },
  });
  window.__convergeGraph = { explorer, cy: explorer.cy };
  signal.addEventListener("abort", () => delete window.__convergeGraph, { once: true });

  const describe = () => {
    subtitle.textContent = focused
      ? "The neighbourhood of one asset. Double-click assets to expand; use the filter to start a new view."
      : `Showing ${describeFilter(filter, sites)}. Click an asset for its impact, a site box for what stops if it closes.`;
  };

  const loadFiltered = async () => {
    focused = null;
    describe();
    syncUrl();
    await explorer.loadView(toGraphFilter(filter), limit);
  };

  // Toolbar: search, layout, depth, fit, export.
  const layoutSelect = h(
    "select",
    { id: "graph-layout-select" },
    LAYOUTS.map((l) => h("option", { value: l.value, selected: l.value === layout }, l.label)),
  );
  layoutSelect.addEventListener("change", () => {
    layout = layoutSelect.value as LayoutName;
    syncUrl();
    void explorer.setLayout(layout);
  });
  const depthSelect = h(
    "select",
    { id: "graph-depth" },
    h("option", { value: "" }, "All"),
    Array.from({ length: 10 }, (_, i) =>
      h("option", { value: String(i + 1), selected: depth === i + 1 }, String(i + 1)),
    ),
  );
  depthSelect.addEventListener("change", () => {
    depth = parseDepth(depthSelect.value);
    syncUrl();
    explorer.setDepth(depth);
  });
  const scopeSelect = h(
    "select",
    { id: "graph-impact-scope", title: "Which dependencies impact follows" },
    h("option", { value: "stops", selected: scope === "stops" }, "Stops (needs only)"),
    h("option", { value: "recovery", selected: scope === "recovery" }, "Stops + loses recovery copy"),
  );
  scopeSelect.addEventListener("change", () => {
    scope = isImpactScope(scopeSelect.value) ? scopeSelect.value : "stops";
    syncUrl();
    explorer.setScope(scope);
  });
  const field = (label: string, id: string, control: HTMLElement) =>
    h("div", { class: "graph-tool" }, h("label", { for: id }, label), control);
  // Collapsible side columns (the canvas takes the room); remembered in the URL.
  const toggle = (id: string, label: string, key: "filters" | "panel", controls: string) => {
    const button = h(
      "button",
      {
        type: "button",
        class: "button button-small button-secondary",
        id,
        "aria-controls": controls,
        "aria-expanded": String(root.dataset[key] !== "hidden"),
      },
      label,
    );
    button.addEventListener("click", () => {
      const hide = root.dataset[key] !== "hidden";
      if (hide) root.dataset[key] = "hidden";
      else delete root.dataset[key];
      button.setAttribute("aria-expanded", String(!hide));
      hidden[key] = hide;
      syncUrl();
      explorer.cy.resize();
    });
    return button;
  };
  if (hidden.filters) root.dataset.filters = "hidden";
  if (hidden.panel) root.dataset.panel = "hidden";
  toolbar.append(
    h(
      "div",
      { class: "graph-tool graph-tool-search" },
      searchBox({ signal, onPick: (a) => void explorer.focus(a.id) }),
    ),
    field("Layout", "graph-layout-select", layoutSelect),
    field("Impact", "graph-impact-scope", scopeSelect),
    field("Depth", "graph-depth", depthSelect),
    h(
      "div",
      { class: "graph-tool graph-tool-buttons" },
      h(
        "button",
        {
          type: "button",
          class: "button button-small button-secondary",
          id: "graph-fit",
          onclick: () => explorer.fit(),
        },
        "Fit",
      ),
      h(
        "button",
        {
          type: "button",
          class: "button button-small button-secondary",
          id: "graph-export-png",
          onclick: () => exportPng(explorer.cy),
        },
        "Export PNG",
      ),
      h(
        "button",
        {
          type: "button",
          class: "button button-small button-secondary",
          id: "graph-export-graphml",
          title: "GraphML for yEd or Gephi",
          onclick: () => exportGraphML(explorer.cy),
        },
        "Export GraphML",
      ),
    ),
    h(
      "div",
      { class: "graph-tool graph-tool-toggles" },
      toggle("graph-toggle-filters", "Filters", "filters", "graph-sidebar"),
      toggle("graph-toggle-panel", "Panel", "panel", "graph-panel"),
    ),
  );

  sidebar.append(
    h(
      "section",
      { class: "graph-overlays", "aria-labelledby": "graph-overlays-h" },
      h("h2", { id: "graph-overlays-h" }, "Overlays"),
      markerControls({
        explorer,
        notices,
        orgs,
        signal,
        state: markers,
        onChange: (s) => {
          markers = s;
          syncUrl();
        },
      }),
    ),
    filterPanel({
      state: filter,
      orgs,
      sites,
      onChange: (next) => {
        filter = next;
        void loadFiltered();
      },
    }),
    h(
      "p",
      { class: "graph-reset" },
      h("a", { href: href("/graph"), id: "graph-reset" }, "Back to the default view"),
    ),
    legend(palette, orgs.length ? orgs : palette.codes().map((code) => ({ code, name: code }))),
  );

  if (focus) {
    describe();
    await explorer.loadAround(focus);
  } else {
    await loadFiltered();
    if (siteParam && !signal.aborted) await explorer.selectSite(siteParam);
  }
}

definePage("/graph", render);
registerNav({ label: "Graph", path: "/graph", order: 35 });

registerAssetAction((asset) =>
  h(
    "a",
    { class: "button button-secondary", id: "open-in-graph", href: href("/graph", { focus: asset.id }) },
    "Open in graph",
  ),
);
