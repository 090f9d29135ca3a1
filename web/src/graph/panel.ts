// The side panel: details of the clicked asset or site, and what the server says its loss reaches:
// counts per direction, how many of those are drawn, a way to add the rest, and the assets themselves
// (each one a button that centres it).
import { h, type Child } from "../dom.ts";
import { formatEnum, formatInt } from "../format.ts";
import { href } from "../router.ts";
import { badge } from "../ui.ts";
import type { AssetData, SiteData } from "./model.ts";
import { HIGHLIGHT, type OrgPalette } from "./palette.ts";
import type { AssetBrief } from "./types.ts";

/** Most list items shown per direction (the counts are always whole). */
const LIST_CAP = 60;

export interface PanelActions {
  /** Centre (and select) a drawn asset, or load it and its neighbourhood. */
  focus: (id: string) => void;
  /** Draw these assets (and the dependencies among what is drawn). */
  addAssets: (ids: string[]) => void;
  /** Load the neighbourhood of a drawn asset. */
  expand: (id: string) => void;
  /** Show the site impact of a site. */
  siteImpact: (siteId: string) => void;
  /** Zoom the view to the selection and what it reaches. */
  zoomToImpact: () => void;
}

/** An impacted asset with its distance. */
export interface Reached {
  asset: AssetBrief;
  distance: number;
}

/** One asset's impact: what stops (through needs) and, when counted, what only loses its recovery copy. */
export interface AssetImpact {
  downstream: Reached[];
  upstream: Reached[];
  /** Keep their recovery copy or backup on it (or on what stops with it): they run on, unprotected. */
  recoveryDown: Reached[];
  /** Where its own recovery copies are (and what they need): it loses them if one of these goes. */
  recoveryUp: Reached[];
  /** Whether recovery edges were asked about (otherwise the two recovery lists are empty by choice). */
  recoveryCounted: boolean;
}

/** A site's impact: what is located there, what stops with it, and what only loses its recovery copy. */
export interface SiteImpact {
  at: Reached[];
  dependants: Reached[];
  recovery: Reached[];
  recoveryCounted: boolean;
  organisationName: string;
}

/** The line shown in place of the recovery lists when recovery edges are not counted. */
function recoveryNotCounted(): HTMLElement {
  return h(
    "p",
    { class: "secondary", id: "graph-recovery-off" },
    "Recovery copies and backups (replicates to, backs up to) are not counted: choose “Stops + loses recovery copy” under Impact to list what would run on unprotected.",
  );
}

function dl(items: [string, Child][]): HTMLElement {
  return h(
    "dl",
    { class: "graph-details" },
    items.map(([t, d]) => h("div", null, h("dt", null, t), h("dd", null, d))),
  );
}

function swatch(colour: string): HTMLElement {
  return h("span", { class: "graph-dot", style: `background:${colour}`, "aria-hidden": "true" });
}

/** What the panel shows before anything is clicked. */
export function idlePanel(): Child[] {
  return [
    h("h2", null, "Explore"),
    h(
      "ul",
      { class: "graph-help" },
      h(
        "li",
        null,
        h("strong", null, "Click an asset"),
        " to see what breaks if it goes (downstream) and what it needs (upstream).",
      ),
      h(
        "li",
        null,
        h("strong", null, "Click a site box"),
        " (its border or title) to see everything that would stop if the site closed.",
      ),
      h("li", null, h("strong", null, "Double-click"), " an asset to add its neighbours to the view."),
      h(
        "li",
        null,
        "Search for any asset above: it is centred, and loaded with its neighbourhood if it is not drawn.",
      ),
      h("li", null, "Drag to pan, scroll to zoom, ", h("strong", null, "Fit"), " to see everything again."),
    ),
  ];
}

function orgBreakdown(reached: Reached[], palette: OrgPalette, id: string): HTMLElement | null {
  if (!reached.length) return null;
  const counts = new Map<string, number>();
  for (const r of reached)
    counts.set(r.asset.organisation.code, (counts.get(r.asset.organisation.code) ?? 0) + 1);
  return h(
    "ul",
    { class: "graph-org-counts", id },
    [...counts.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([code, n]) =>
        h(
          "li",
          { "data-org": code },
          swatch(palette.colour(code)),
          h("span", { class: "strong" }, code),
          ` ${formatInt(n)}`,
        ),
      ),
  );
}

function reachedList(reached: Reached[], drawn: Set<string>, actions: PanelActions, id: string): HTMLElement {
  const shown = reached.slice(0, LIST_CAP);
  return h(
    "ol",
    { class: "graph-reached", id },
    shown.map((r) =>
      h(
        "li",
        { "data-id": r.asset.id, class: drawn.has(r.asset.id) ? null : "not-drawn" },
        h(
          "button",
          {
            type: "button",
            class: "link-button",
            title: drawn.has(r.asset.id) ? "Centre it" : "Not drawn: load it and its neighbours",
            onclick: () => actions.focus(r.asset.id),
          },
          r.asset.name,
        ),
        h(
          "span",
          { class: "secondary" },
          `${r.asset.organisation.code} · ${formatEnum(r.asset.kind)} · ${r.distance === 0 ? "at the site" : `${r.distance} hop${r.distance === 1 ? "" : "s"}`}${drawn.has(r.asset.id) ? "" : " · not drawn"}`,
        ),
      ),
    ),
    reached.length > shown.length
      ? h("li", { class: "muted" }, `…and ${formatInt(reached.length - shown.length)} more`)
      : null,
  );
}

function directionBlock(opts: {
  id: string;
  title: string;
  colour: string;
  reached: Reached[];
  drawn: Set<string>;
  palette: OrgPalette;
  actions: PanelActions;
  empty: string;
}): HTMLElement {
  const inView = opts.reached.filter((r) => opts.drawn.has(r.asset.id)).length;
  return h(
    "section",
    { class: "graph-impact-block", id: opts.id },
    h(
      "h3",
      null,
      swatch(opts.colour),
      opts.title,
      h("span", { class: "count", id: `${opts.id}-count` }, formatInt(opts.reached.length)),
    ),
    opts.reached.length
      ? [
          h("p", { class: "secondary" }, `${formatInt(inView)} of them drawn.`),
          orgBreakdown(opts.reached, opts.palette, `${opts.id}-orgs`),
          h(
            "details",
            { class: "graph-reached-wrap" },
            h("summary", null, "List them"),
            reachedList(opts.reached, opts.drawn, opts.actions, `${opts.id}-list`),
          ),
        ]
      : h("p", { class: "empty" }, opts.empty),
  );
}

/** "N are not drawn [Add them]", or nothing when all are drawn. */
function outsideNotice(missing: string[], actions: PanelActions, room: number): HTMLElement | null {
  if (!missing.length) return null;
  const n = missing.length;
  return h(
    "div",
    { class: "graph-outside", id: "graph-outside", role: "status" },
    h(
      "p",
      null,
      h("strong", { id: "graph-outside-count" }, formatInt(n)),
      ` impacted asset${n === 1 ? " is" : "s are"} outside this view.`,
    ),
    room > 0
      ? h(
          "button",
          {
            type: "button",
            class: "button button-small",
            id: "graph-add-outside",
            onclick: () => actions.addAssets(missing),
          },
          n > room ? `Add the first ${formatInt(room)}` : `Add ${n === 1 ? "it" : "them"} to the view`,
        )
      : h("p", { class: "secondary" }, "The view is full: clear it or narrow the filter first."),
  );
}

function zoomButton(actions: PanelActions): HTMLElement {
  return h(
    "button",
    {
      type: "button",
      class: "button button-small button-secondary",
      id: "graph-zoom-impact",
      onclick: () => actions.zoomToImpact(),
    },
    "Zoom to the highlighted assets",
  );
}

function loadingLine(text: string): HTMLElement {
  return h(
    "div",
    { class: "loading", role: "status" },
    h("span", { class: "spinner", "aria-hidden": "true" }),
    text,
  );
}

/** Details of an asset, with its impact once loaded (`impact` undefined while loading). */
export function assetPanel(opts: {
  node: AssetData;
  impact?: AssetImpact | Error;
  depthLabel: string;
  drawn: Set<string>;
  palette: OrgPalette;
  actions: PanelActions;
  room: number;
}): Child[] {
  const n = opts.node;
  const actions = opts.actions;
  const head = [
    h(
      "p",
      { class: "graph-panel-kicker" },
      swatch(opts.palette.colour(n.organisationCode)),
      `${n.organisationCode} · ${formatEnum(n.kind)}`,
    ),
    h("h2", { id: "graph-panel-title" }, n.name),
    dl([
      ["Kind", `${formatEnum(n.kind)}${n.subtype ? ` (${n.subtype})` : ""}`],
      ["Organisation", n.organisationCode],
      [
        "Site",
        n.siteId
          ? h(
              "button",
              {
                type: "button",
                class: "link-button",
                id: "graph-panel-site",
                onclick: () => actions.siteImpact(n.siteId!),
              },
              n.siteName ?? "a site",
            )
          : "—",
      ],
      ["Lifecycle", badge(n.lifecycle, "lifecycle")],
      ["Criticality", badge(n.criticality, "criticality")],
    ]),
    h(
      "p",
      { class: "graph-panel-actions" },
      h(
        "a",
        { class: "button button-small", href: href(`/assets/${n.id}`), id: "graph-panel-asset-link" },
        "Open asset page",
      ),
      h(
        "button",
        {
          type: "button",
          class: "button button-small button-secondary",
          id: "graph-panel-expand",
          onclick: () => actions.expand(n.id),
        },
        "Add neighbours",
      ),
    ),
  ];
  if (!opts.impact) return [...head, loadingLine("Working out the impact…")];
  if (opts.impact instanceof Error) {
    return [
      ...head,
      h(
        "div",
        { class: "error-banner", role: "alert" },
        h("strong", null, "Could not load the impact"),
        h("p", null, opts.impact.message),
      ),
    ];
  }
  const { downstream, upstream, recoveryDown, recoveryUp, recoveryCounted } = opts.impact;
  const all = new Set([...downstream, ...upstream, ...recoveryDown, ...recoveryUp].map((r) => r.asset.id));
  const missing = [...all].filter((id) => !opts.drawn.has(id));
  return [
    ...head,
    h("h3", { class: "graph-impact-heading" }, `Impact (${opts.depthLabel})`),
    outsideNotice(missing, actions, opts.room) ??
      h("p", { class: "secondary", id: "graph-all-drawn" }, "Every impacted asset is drawn."),
    all.size ? h("p", null, zoomButton(actions)) : null,
    directionBlock({
      id: "graph-downstream",
      title: "Downstream: stops if it goes",
      colour: HIGHLIGHT.downstream,
      reached: downstream,
      drawn: opts.drawn,
      palette: opts.palette,
      actions,
      empty: "Nothing recorded depends on it.",
    }),
    directionBlock({
      id: "graph-upstream",
      title: "Upstream: what it needs",
      colour: HIGHLIGHT.upstream,
      reached: upstream,
      drawn: opts.drawn,
      palette: opts.palette,
      actions,
      empty: "It needs nothing recorded.",
    }),
    recoveryCounted
      ? [
          directionBlock({
            id: "graph-recovery",
            title: "Loses its recovery copy if it goes",
            colour: HIGHLIGHT.recovery,
            reached: recoveryDown,
            drawn: opts.drawn,
            palette: opts.palette,
            actions,
            empty: "Nothing keeps a recovery copy or backup on it (or on what stops with it).",
          }),
          directionBlock({
            id: "graph-recovery-up",
            title: "Where its recovery copies are",
            colour: HIGHLIGHT.recovery,
            reached: recoveryUp,
            drawn: opts.drawn,
            palette: opts.palette,
            actions,
            empty: "No recovery copy or backup of it is recorded.",
          }),
        ]
      : recoveryNotCounted(),
  ];
}

/** A site and everything that would stop if it closed (`impact` undefined while loading). */
export function sitePanel(opts: {
  site: SiteData | { id: string; name: string; organisationCode: string; siteKind: string };
  impact?: SiteImpact | Error;
  depthLabel: string;
  drawn: Set<string>;
  palette: OrgPalette;
  actions: PanelActions;
  room: number;
}): Child[] {
  const s = opts.site;
  const head = [
    h(
      "p",
      { class: "graph-panel-kicker" },
      swatch(opts.palette.colour(s.organisationCode)),
      `Site · ${s.organisationCode} · ${formatEnum(s.siteKind)}`,
    ),
    h("h2", { id: "graph-panel-title" }, s.name),
  ];
  if (!opts.impact) return [...head, loadingLine("Working out what depends on this site…")];
  if (opts.impact instanceof Error) {
    return [
      ...head,
      h(
        "div",
        { class: "error-banner", role: "alert" },
        h("strong", null, "Could not load the site impact"),
        h("p", null, opts.impact.message),
      ),
    ];
  }
  const { at, dependants, recovery, recoveryCounted } = opts.impact;
  const everything = [...at, ...dependants];
  const missing = [...everything, ...recovery].map((r) => r.asset.id).filter((id) => !opts.drawn.has(id));
  return [
    ...head,
    h(
      "p",
      { class: "graph-site-summary", id: "graph-site-summary" },
      "If this site closed, ",
      h("strong", { id: "graph-site-total" }, formatInt(everything.length)),
      ` asset${everything.length === 1 ? "" : "s"} would stop (${opts.depthLabel})`,
      recoveryCounted
        ? [
            " and ",
            h("strong", { id: "graph-site-recovery-total" }, formatInt(recovery.length)),
            ` would lose ${recovery.length === 1 ? "its" : "their"} recovery copy or backup.`,
          ]
        : ".",
    ),
    orgBreakdown(everything, opts.palette, "graph-site-orgs"),
    outsideNotice(missing, opts.actions, opts.room),
    everything.length ? h("p", null, zoomButton(opts.actions)) : null,
    directionBlock({
      id: "graph-site-at",
      title: "Located at the site",
      colour: HIGHLIGHT.origin,
      reached: at,
      drawn: opts.drawn,
      palette: opts.palette,
      actions: opts.actions,
      empty: "No asset is recorded at this site.",
    }),
    directionBlock({
      id: "graph-site-dependants",
      title: "Depending on them: would stop",
      colour: HIGHLIGHT.downstream,
      reached: dependants,
      drawn: opts.drawn,
      palette: opts.palette,
      actions: opts.actions,
      empty: "Nothing elsewhere depends on this site's assets.",
    }),
    recoveryCounted
      ? directionBlock({
          id: "graph-site-recovery",
          title: "Lose their recovery copy: run on unprotected",
          colour: HIGHLIGHT.recovery,
          reached: recovery,
          drawn: opts.drawn,
          palette: opts.palette,
          actions: opts.actions,
          empty: "Nothing keeps its recovery copy or backup here.",
        })
      : recoveryNotCounted(),
  ];
}
