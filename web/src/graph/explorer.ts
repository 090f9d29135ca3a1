// The explorer: one cytoscape instance and everything done to it. Views come from the server in parts
// (a filtered view under the limit, neighbourhoods on double-click, impacted assets on request) and
// merge into what is drawn; clicking an asset or a site asks the server for the transitive impact and
// highlights it. Never more than MAX_DRAWN assets are drawn; every cut is announced.
import cytoscape from "cytoscape";
import { isAbort } from "../api.ts";
import { h, replaceChildren } from "../dom.ts";
import { formatInt } from "../format.ts";
import { errorBanner } from "../ui.ts";
import {
  EXPAND_LIMIT,
  MAX_DRAWN,
  VIEW_LIMIT,
  loadEdgesAmong,
  loadGraph,
  loadImpact,
  loadSiteImpact,
} from "./data.ts";
import { applyHighlight, clearHighlight, highlightedIds, type ImpactSets } from "./highlight.ts";
import type { LayoutName } from "./layouts.ts";
import { LayoutRunner, type Positions } from "./layout-runner.ts";
import { drawnSize, tileLayoutWithTiles, type Rect } from "./tiles.ts";
import {
  assetNodes,
  drawnAssetIds,
  mergeView,
  pruneEmptySites,
  type AssetData,
  type SiteData,
} from "./model.ts";
import { Notices, warning } from "./notices.ts";
import {
  assetPanel,
  idlePanel,
  sitePanel,
  type AssetImpact,
  type PanelActions,
  type Reached,
  type SiteImpact,
} from "./panel.ts";
import type { OrgPalette } from "./palette.ts";
import { graphStylesheet } from "./styles.ts";
import { attachTooltip } from "./tooltip.ts";
import type { GraphFilterInput, GraphViewData } from "./types.ts";

/** Views with more assets than this draw fast (haystack) edges. */
const FAST_EDGES_FROM = 1200;
/**
 * Views up to this many assets get the chosen force-directed or layered layout (in the worker); bigger
 * ones keep the tile layout (sites as tiles, assets in rows by kind), which fCoSE and dagre cannot beat
 * in reasonable time at thousands of nodes.
 */
export const LAYOUT_MAX = 800;

type SiteInfo = { id: string; name: string; organisationCode: string; siteKind: string };

/**
 * What impact counts: "stops" follows needs only (the API's default); "recovery" also lists, separately,
 * what only loses its recovery copy or backup (across REPLICATES_TO / BACKS_UP_TO).
 */
export type ImpactScope = "stops" | "recovery";

export function isImpactScope(v: string | null): v is ImpactScope {
  return v === "stops" || v === "recovery";
}

type Selected =
  | {
      type: "asset";
      id: string;
      node: AssetData;
      result?: AssetImpact | Error;
    }
  | {
      type: "site";
      id: string;
      site: SiteInfo;
      result?: SiteImpact | Error;
    };

export interface ExplorerOptions {
  container: HTMLElement;
  root: HTMLElement;
  panel: HTMLElement;
  notices: Notices;
  status: HTMLElement;
  palette: OrgPalette;
  signal: AbortSignal;
  layout: LayoutName;
  depth: number | null;
  scope: ImpactScope;
  /** Called whenever the panel shows a selection (e.g. to show the panel if it was collapsed). */
  onPanel?: () => void;
  /** Called when the selected asset changes (null when none), e.g. to put it in the URL. */
  onFocus?: (id: string | null) => void;
}

export class Explorer {
  readonly cy: cytoscape.Core;
  layout: LayoutName;
  depth: number | null;
  scope: ImpactScope;
  private selected: Selected | null = null;
  private selectionCtl: AbortController | undefined;
  private viewCtl: AbortController | undefined;
  private busy = 0;
  private runningLayout: cytoscape.Layouts | undefined;
  private readonly layouts = new LayoutRunner();
  private layoutGen = 0;
  /** Set when a new view arrives: the next placement marks its first frame (graph:view-drawn). */
  private markFirstDraw = false;
  /** Sites drawn as backdrops, not compound parents (set per view: more than LAYOUT_MAX assets). */
  private flat = false;
  private readonly changeListeners: (() => void)[] = [];
  private readonly actions: PanelActions;

  constructor(private readonly opts: ExplorerOptions) {
    this.layout = opts.layout;
    this.depth = opts.depth;
    this.scope = opts.scope;
    this.cy = cytoscape({
      container: opts.container,
      style: graphStylesheet(),
      minZoom: 0.02,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: "single",
      // Large views: while the user pans or zooms, cytoscape moves a snapshot of the picture instead of
      // redrawing every element each frame, and leaves edges out of the frames in between.
      // (Cytoscape's WebGL renderer was measured too: in software rendering, as in headless Chromium
      // here, it drew 2,000 nodes several times slower and logged GPU-stall warnings.)
      textureOnViewport: true,
      hideEdgesOnViewport: true,
    });
    this.actions = {
      focus: (id) => void this.focus(id),
      addAssets: (ids) => void this.addAssets(ids),
      expand: (id) => void this.expand(id),
      siteImpact: (id) => void this.selectSite(id),
      zoomToImpact: () => this.zoomToImpact(),
    };
    const cy = this.cy;
    cy.on("tap", "node.asset", (e) => void this.selectAsset((e.target as cytoscape.NodeSingular).id()));
    cy.on("tap", "node.site", (e) => void this.selectSite((e.target as cytoscape.NodeSingular).id()));
    cy.on("tap", (e) => {
      if (e.target === cy) this.clearSelection();
    });
    cy.on("dbltap", "node.asset", (e) => void this.expand((e.target as cytoscape.NodeSingular).id()));
    cy.on("mouseover", "node", () => (opts.container.style.cursor = "pointer"));
    cy.on("mouseout", "node", () => (opts.container.style.cursor = ""));
    attachTooltip(cy, opts.container.parentElement ?? opts.container);
    opts.signal.addEventListener("abort", () => this.destroy(), { once: true });
    replaceChildren(opts.panel, ...idlePanel());
    this.updateStatus();
  }

  /** Runs after every change to what is drawn (markers re-apply themselves). */
  onChange(fn: () => void): void {
    this.changeListeners.push(fn);
  }

  /** The selected asset or site id, if any. */
  selection(): { type: "asset" | "site"; id: string } | null {
    return this.selected ? { type: this.selected.type, id: this.selected.id } : null;
  }

  /** Drawn asset ids currently highlighted as impacted. */
  highlighted(): string[] {
    return highlightedIds(this.cy);
  }

  isBusy(): boolean {
    return this.busy > 0;
  }

  /** How many more assets may be drawn. */
  room(): number {
    return Math.max(0, MAX_DRAWN - assetNodes(this.cy).length);
  }

  private destroy(): void {
    this.selectionCtl?.abort();
    this.viewCtl?.abort();
    this.runningLayout?.stop();
    this.layouts.destroy();
    this.cy.destroy();
  }

  /** Counts one piece of work; the page root says data-busy while any runs. Errors become notices. */
  private async track<T>(label: string, work: () => Promise<T>): Promise<T | undefined> {
    this.busy++;
    this.opts.root.dataset.busy = "true";
    this.opts.root.setAttribute("aria-busy", "true");
    try {
      const out = await work();
      this.opts.notices.set("error", null);
      return out;
    } catch (err) {
      if (!isAbort(err) && !this.opts.signal.aborted) this.opts.notices.set("error", errorBanner(err, label));
      return undefined;
    } finally {
      this.busy--;
      if (!this.busy) {
        this.opts.root.dataset.busy = "false";
        this.opts.root.setAttribute("aria-busy", "false");
      }
    }
  }

  private signalFor(kind: "view" | "selection"): AbortSignal {
    const ctl = new AbortController();
    if (kind === "view") {
      this.viewCtl?.abort();
      this.viewCtl = ctl;
    } else {
      this.selectionCtl?.abort();
      this.selectionCtl = ctl;
    }
    this.opts.signal.addEventListener("abort", () => ctl.abort(), { once: true });
    return ctl.signal;
  }

  private updateStatus(): void {
    const assets = assetNodes(this.cy).length;
    const edges = this.cy.edges().length;
    const sites = this.cy.nodes(".site").length;
    replaceChildren(
      this.opts.status,
      h("span", { id: "graph-count" }, `${formatInt(assets)} asset${assets === 1 ? "" : "s"}`),
      ` · ${formatInt(edges)} dependenc${edges === 1 ? "y" : "ies"} · ${formatInt(sites)} site${sites === 1 ? "" : "s"}`,
    );
  }

  private changed(): void {
    pruneEmptySites(this.cy);
    // Degree in view drives label size (hubs readable in the overview). Big views draw straight,
    // arrowless edges, which cytoscape renders far faster, so panning stays smooth.
    const many = assetNodes(this.cy).length > FAST_EDGES_FROM;
    this.cy.batch(() => {
      for (const n of this.cy.nodes(".asset")) {
        const d = n.degree(false);
        if (n.data("degree") !== d) n.data("degree", d);
      }
      if (many) this.cy.edges().addClass("fast");
      else this.cy.edges().removeClass("fast");
    });
    this.updateStatus();
    for (const fn of this.changeListeners) fn();
  }

  /**
   * Lays the drawing out. The tile layout is drawn at once (fitted) unless the change is a small
   * addition; then, for views up to LAYOUT_MAX assets, the chosen layout runs in the worker and its
   * answer is drawn (fitted; animated for small incremental changes). Resolves when the final picture
   * is drawn, or when a later layout superseded this one.
   */
  async runLayout(incremental = false): Promise<void> {
    const gen = ++this.layoutGen;
    this.runningLayout?.stop();
    this.layouts.stop();
    const cy = this.cy;
    if (cy.destroyed() || cy.nodes().empty()) return;
    const assets = assetNodes(cy);
    const sizes = new Map<string, { w: number; h: number }>();
    for (const n of assets) {
      const d = n.data() as AssetData;
      sizes.set(n.id(), drawnSize(d.kind, d.label, d.degree));
    }
    const big = assets.length > LAYOUT_MAX || this.flat;
    if (!incremental || big) {
      const { positions: tiles, tiles: rects } = tileLayoutWithTiles(
        Math.max(0.5, Math.min(3, cy.width() / Math.max(cy.height(), 1))),
        assets.map((n) => ({
          id: n.id(),
          parent: ((this.flat ? n.data("siteId") : n.data("parent")) as string | null | undefined) ?? "",
          kind: n.data("kind") as string,
          name: n.data("name") as string,
          ...sizes.get(n.id())!,
        })),
      );
      if (this.flat) this.placeBackdrops(rects);
      this.place(tiles, sizes);
      if (this.markFirstDraw) {
        this.markFirstDraw = false;
        // Cytoscape draws in the next animation frame; the one after it starts once that is painted.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            performance.clearMarks("graph:view-drawn");
            performance.mark("graph:view-drawn");
          }),
        );
      }
    }
    if (!big) {
      const positions = await this.track("Could not lay the graph out", () =>
        this.layouts.run({
          layout: this.layout,
          incremental,
          sites: cy.nodes(".site").map((n) => n.id()),
          nodes: assets.map((n) => {
            const parent = n.data("parent") as string | undefined;
            return { id: n.id(), ...sizes.get(n.id())!, ...n.position(), ...(parent ? { parent } : {}) };
          }),
          edges: cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
        }),
      );
      if (!positions || gen !== this.layoutGen || cy.destroyed()) return;
      if (incremental && assets.length <= 300) await this.preset(positions);
      else this.place(new Map(Object.entries(positions).map(([id, [x, y]]) => [id, { x, y }])), sizes);
    }
    if (gen !== this.layoutGen || cy.destroyed()) return;
    this.fitTitles();
    performance.clearMarks("graph:layout-done");
    performance.mark("graph:layout-done");
  }

  /**
   * Moves the assets to `positions` in one batch and fits the view to them, working the extent out
   * from the positions and sizes (cytoscape's own fit measures every label and box: seconds at
   * thousands of nodes).
   */
  private place(
    positions: Map<string, { x: number; y: number }>,
    sizes: Map<string, { w: number; h: number }>,
  ): void {
    const cy = this.cy;
    let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
    cy.batch(() => {
      for (const n of assetNodes(cy)) {
        const p = positions.get(n.id()) ?? n.position();
        const s = sizes.get(n.id()) ?? { w: 40, h: 40 };
        n.position(p);
        x1 = Math.min(x1, p.x - s.w / 2);
        x2 = Math.max(x2, p.x + s.w / 2);
        y1 = Math.min(y1, p.y - s.h / 2 - 40); // a site title above the top row
        y2 = Math.max(y2, p.y + s.h / 2);
      }
    });
    if (!Number.isFinite(x1)) return;
    cy.resize();
    const pad = 30;
    const zoom = Math.max(
      cy.minZoom(),
      Math.min(
        cy.maxZoom(),
        1.6,
        (cy.width() - 2 * pad) / Math.max(x2 - x1, 1),
        (cy.height() - 2 * pad) / Math.max(y2 - y1, 1),
      ),
    );
    cy.viewport({
      zoom,
      pan: { x: cy.width() / 2 - zoom * ((x1 + x2) / 2), y: cy.height() / 2 - zoom * ((y1 + y2) / 2) },
    });
  }

  /** Sizes and places each site backdrop over its tile (with room for padding). */
  private placeBackdrops(rects: Map<string, Rect>): void {
    this.cy.batch(() => {
      for (const box of this.cy.nodes(".backdrop")) {
        const r = rects.get(box.id());
        if (!r) continue;
        box.position({ x: (r.x1 + r.x2) / 2, y: (r.y1 + r.y2) / 2 });
        box.data({ w: r.x2 - r.x1 + 12, h: r.y2 - r.y1 + 12 });
      }
    });
  }

  /** Animates the assets to `positions`, fitting the view; resolves once done. */
  private async preset(positions: Positions): Promise<void> {
    const animate = true;
    const cy = this.cy;
    const layout = cy.layout({
      name: "preset",
      positions: (n: cytoscape.NodeSingular) => {
        const p = positions[n.id()];
        return p ? { x: p[0], y: p[1] } : n.position();
      },
      fit: true,
      padding: 30,
      animate,
      animationDuration: 350,
    } as cytoscape.LayoutOptions);
    this.runningLayout = layout;
    const done = layout.promiseOn("layoutstop");
    layout.run();
    await done;
  }

  /** Wraps each site title to its box's width (at least 110, at most 260 model pixels). */
  private fitTitles(): void {
    if (this.cy.destroyed()) return;
    this.cy.batch(() => {
      for (const box of this.cy.nodes(".site")) {
        const w = box.boundingBox({ includeLabels: false }).w;
        box.data("titleWidth", Math.round(Math.min(260, Math.max(110, w + 8))));
      }
    });
  }

  setLayout(name: LayoutName): Promise<void> {
    this.layout = name;
    return this.runLayout(false).then(() => this.centreSelected());
  }

  /** Fits the view to the selection and the assets highlighted with it (at most 1.4× zoom). */
  zoomToImpact(): void {
    const eles = this.cy.nodes(
      ".impact-origin, .impact-down, .impact-up, .impact-both, .impact-recovery, :selected",
    );
    if (eles.empty()) return;
    this.cy.stop();
    this.cy.resize();
    const bb = eles.boundingBox({});
    const pad = 40;
    const zoom = Math.min(
      1.4,
      (this.cy.width() - 2 * pad) / Math.max(bb.w, 1),
      (this.cy.height() - 2 * pad) / Math.max(bb.h, 1),
    );
    this.cy.animate(
      {
        zoom,
        pan: {
          x: this.cy.width() / 2 - zoom * (bb.x1 + bb.w / 2),
          y: this.cy.height() / 2 - zoom * (bb.y1 + bb.h / 2),
        },
      },
      { duration: 300 },
    );
  }

  fit(): void {
    this.cy.animate({ fit: { eles: this.cy.elements(), padding: 30 } }, { duration: 250 });
  }

  /** Replaces the drawing with a filtered view (at most `limit` assets, VIEW_LIMIT by default). */
  async loadView(filter: GraphFilterInput, limit = VIEW_LIMIT): Promise<void> {
    const signal = this.signalFor("view");
    await this.track("Could not load the graph", async () => {
      const view = await loadGraph(filter, limit, signal);
      if (signal.aborted) return;
      // Marks for the browser benchmark (bench/explorer.ts): the answer's arrival, its first frame.
      performance.clearMarks("graph:view-received");
      performance.mark("graph:view-received");
      this.replace(view);
      this.markFirstDraw = true;
      this.opts.notices.set(
        "truncated",
        view.truncated
          ? warning(
              "graph-truncated",
              `This view was cut at ${formatInt(view.nodes.length)} assets:`,
              "more match the filter than can be drawn at once. Narrow it by organisation, site, kind or criticality, or search for an asset and expand from it (double-click).",
            )
          : null,
      );
      await this.runLayout(false);
    });
  }

  /** Replaces the drawing with the neighbourhood of `id`, then selects and centres it. */
  async loadAround(id: string, hops = 1): Promise<void> {
    const signal = this.signalFor("view");
    await this.track("Could not load the asset's neighbourhood", async () => {
      const view = await loadGraph({ around: [id], hops }, EXPAND_LIMIT, signal);
      if (signal.aborted) return;
      this.replace(view);
      this.opts.notices.set("truncated", view.truncated ? this.cutNotice(view, "its neighbourhood") : null);
      await this.runLayout(false);
    });
    if (this.cy.getElementById(id).nonempty()) await this.selectAsset(id, true);
  }

  private cutNotice(view: GraphViewData, what: string): HTMLElement {
    return warning(
      "graph-truncated",
      `Only the first ${formatInt(view.nodes.length)} assets of ${what} are drawn:`,
      "the answer was cut at the limit. Use the filter to narrow the view, or expand from individual assets.",
    );
  }

  private replace(view: GraphViewData): void {
    this.clearSelection(false);
    this.cy.elements().remove();
    this.flat = view.nodes.length > LAYOUT_MAX;
    mergeView(this.cy, view, this.opts.palette, MAX_DRAWN, undefined, this.flat);
    this.cy.nodes().removeClass("faded");
    this.changed();
  }

  /**
   * Merges `view` into the drawing (new assets placed near `anchor`), then fetches the dependencies
   * between the new assets and those already drawn, and lays out incrementally.
   */
  private async merge(view: GraphViewData, signal: AbortSignal, anchor?: string): Promise<string[]> {
    const near = anchor ? this.cy.getElementById(anchor) : undefined;
    const wasEmpty = this.cy.nodes().empty();
    const added = mergeView(
      this.cy,
      view,
      this.opts.palette,
      this.room(),
      near?.nonempty() ? near.position() : undefined,
      this.flat,
    );
    this.opts.notices.set(
      "cap",
      added.skipped
        ? warning(
            "graph-cap",
            `${formatInt(added.skipped)} assets were not added:`,
            `at most ${formatInt(MAX_DRAWN)} assets are drawn at once. Narrow the filter to start a smaller view.`,
          )
        : null,
    );
    if (added.nodes.length) {
      const among = await loadEdgesAmong([...drawnAssetIds(this.cy)], signal);
      if (signal.aborted) return added.nodes;
      mergeView(
        this.cy,
        { nodes: [], edges: among.edges, sites: [], truncated: false },
        this.opts.palette,
        0,
      );
    }
    this.changed();
    if (!added.nodes.length) return added.nodes;
    // A few new assets: start each beside what it is connected to and let the layout settle from the
    // current picture. Many (relative to what was drawn): lay the whole view out afresh.
    const before = assetNodes(this.cy).length - added.nodes.length;
    const incremental = !wasEmpty && added.nodes.length <= Math.max(40, before / 2);
    if (incremental && !near?.nonempty()) this.placeNearNeighbours(added.nodes);
    await this.runLayout(incremental);
    return added.nodes;
  }

  /** Moves each new node next to the average position of its already-placed neighbours. */
  private placeNearNeighbours(ids: string[]): void {
    const fresh = new Set(ids);
    this.cy.batch(() => {
      for (const id of ids) {
        const n = this.cy.getElementById(id);
        const placed = n.neighborhood("node.asset").filter((m) => !fresh.has(m.id()));
        if (placed.empty()) continue;
        let x = 0;
        let y = 0;
        for (const m of placed) {
          x += m.position().x;
          y += m.position().y;
        }
        const [dx, dy] = [
          ((id.charCodeAt(id.length - 1) % 7) - 3) * 12,
          ((id.charCodeAt(id.length - 2) % 7) - 3) * 12,
        ];
        n.position({ x: x / placed.length + dx, y: y / placed.length + dy });
      }
    });
  }

  /** Adds the 1-hop neighbourhood of a drawn asset (double-click). */
  async expand(id: string): Promise<void> {
    const signal = this.signalFor("view");
    await this.track("Could not expand the neighbourhood", async () => {
      const view = await loadGraph({ around: [id], hops: 1 }, EXPAND_LIMIT, signal);
      if (signal.aborted) return;
      const added = await this.merge(view, signal, id);
      const name = view.nodes.find((n) => n.id === id)?.name ?? "the asset";
      this.opts.notices.set(
        "expand",
        view.truncated
          ? this.cutNotice(view, `the neighbourhood of ${name}`)
          : added.length
            ? null
            : warning("graph-expand-none", "Nothing to add:", `every neighbour of ${name} is already drawn.`),
      );
    });
    this.reapplySelection();
  }

  /** Draws the given assets (e.g. impacted ones outside the view), up to the room left. */
  async addAssets(ids: string[]): Promise<void> {
    const want = ids.filter((id) => this.cy.getElementById(id).empty()).slice(0, this.room());
    if (!want.length) return;
    const signal = this.signalFor("view");
    await this.track("Could not add the assets", async () => {
      const view = await loadGraph({ around: want, hops: 0 }, want.length, signal);
      if (signal.aborted) return;
      await this.merge(view, signal);
    });
    this.reapplySelection();
    this.centreSelected();
  }

  /** Centres and selects an asset; loads it with its neighbours first when it is not drawn. */
  async focus(id: string): Promise<void> {
    if (this.cy.getElementById(id).empty()) {
      const signal = this.signalFor("view");
      await this.track("Could not load the asset", async () => {
        const view = await loadGraph({ around: [id], hops: 1 }, EXPAND_LIMIT, signal);
        if (signal.aborted) return;
        await this.merge(view, signal);
        this.opts.notices.set("expand", view.truncated ? this.cutNotice(view, "its neighbourhood") : null);
      });
    }
    if (this.cy.getElementById(id).nonempty()) await this.selectAsset(id, true);
  }

  private centreSelected(): Promise<void> {
    const sel = this.selected;
    if (!sel || this.cy.destroyed()) return Promise.resolve();
    const ele = this.cy.getElementById(sel.id);
    if (ele.empty()) return Promise.resolve();
    this.cy.stop();
    this.cy.resize(); // the container may have changed size since cytoscape last looked
    // Centre on the node's own position (cy.center would centre its box, label included).
    const zoom = sel.type === "asset" ? Math.min(Math.max(this.cy.zoom(), 1.1), 2) : this.cy.zoom();
    const at = ele.isNode() && !ele.isParent() ? ele.position() : undefined;
    const centre = at ?? {
      x: (ele.boundingBox({}).x1 + ele.boundingBox({}).x2) / 2,
      y: (ele.boundingBox({}).y1 + ele.boundingBox({}).y2) / 2,
    };
    const pan = { x: this.cy.width() / 2 - zoom * centre.x, y: this.cy.height() / 2 - zoom * centre.y };
    const anim = this.cy.animation({ zoom, pan, duration: 300 });
    return anim
      .play()
      .promise()
      .then(() => undefined);
  }

  /** Drops the selection and its highlight; `notify` false keeps the URL's focus (a view being replaced). */
  clearSelection(notify = true): void {
    this.selectionCtl?.abort();
    this.selected = null;
    this.cy.elements().unselect();
    clearHighlight(this.cy);
    delete this.opts.panel.dataset.impactFor;
    this.opts.panel.dataset.state = "idle";
    replaceChildren(this.opts.panel, ...idlePanel());
    if (notify) this.opts.onFocus?.(null);
  }

  private depthLabel(): string {
    return this.depth == null ? "all depths" : `up to ${this.depth} hop${this.depth === 1 ? "" : "s"}`;
  }

  /** Selects a drawn asset and shows its impact (the server's BOTH walk to the chosen depth). */
  async selectAsset(id: string, centre = false): Promise<void> {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    const signal = this.signalFor("selection");
    this.cy.elements().unselect();
    node.select();
    const sel: Selected = { type: "asset", id, node: node.data() as AssetData };
    this.selected = sel;
    this.opts.onFocus?.(id);
    this.renderPanel();
    if (centre) void this.centreSelected();
    await this.track("Could not load the impact", async () => {
      try {
        const scope = this.scope;
        const answer = await loadImpact(id, this.depth, this.effects(), signal);
        if (signal.aborted) return;
        const result: AssetImpact = {
          downstream: [],
          upstream: [],
          recoveryDown: [],
          recoveryUp: [],
          recoveryCounted: scope === "recovery",
        };
        for (const e of answer.entries) {
          const down = e.direction === "DOWNSTREAM";
          const list =
            e.effect === "LOSES_RECOVERY"
              ? down
                ? result.recoveryDown
                : result.recoveryUp
              : down
                ? result.downstream
                : result.upstream;
          list.push({ asset: e.asset, distance: e.distance });
        }
        sel.result = result;
      } catch (err) {
        if (isAbort(err) || signal.aborted) return;
        sel.result = err instanceof Error ? err : new Error(String(err));
      }
      if (this.selected === sel) this.reapplySelection();
    });
  }

  /** Selects a site and shows everything that would stop if it closed. */
  async selectSite(siteId: string): Promise<void> {
    const signal = this.signalFor("selection");
    const box = this.cy.getElementById(siteId);
    this.cy.elements().unselect();
    if (box.nonempty()) box.select();
    const d = box.nonempty() ? (box.data() as SiteData) : undefined;
    const sel: Selected = {
      type: "site",
      id: siteId,
      site: d
        ? { id: siteId, name: d.name, organisationCode: d.organisationCode, siteKind: d.siteKind }
        : { id: siteId, name: "Site", organisationCode: "", siteKind: "" },
    };
    this.selected = sel;
    this.opts.onFocus?.(null);
    this.renderPanel();
    await this.track("Could not load the site impact", async () => {
      try {
        const scope = this.scope;
        const answer = await loadSiteImpact(siteId, this.depth, this.effects(), signal);
        if (signal.aborted) return;
        sel.site = {
          id: siteId,
          name: answer.site.name,
          organisationCode: answer.site.organisation.code,
          siteKind: answer.site.kind,
        };
        const result: SiteImpact = {
          at: [],
          dependants: [],
          recovery: [],
          recoveryCounted: scope === "recovery",
          organisationName: answer.site.organisation.name,
        };
        for (const e of answer.entries) {
          const list =
            e.effect === "LOSES_RECOVERY"
              ? result.recovery
              : e.distance === 0
                ? result.at
                : result.dependants;
          list.push({ asset: e.asset, distance: e.distance });
        }
        sel.result = result;
      } catch (err) {
        if (isAbort(err) || signal.aborted) return;
        sel.result = err instanceof Error ? err : new Error(String(err));
      }
      if (this.selected === sel) this.reapplySelection();
    });
  }

  private effects(): ("STOPS" | "LOSES_RECOVERY")[] {
    return this.scope === "recovery" ? ["STOPS", "LOSES_RECOVERY"] : ["STOPS"];
  }

  /** Changes what impact counts and asks again for the current selection. */
  setScope(scope: ImpactScope): void {
    this.scope = scope;
    this.setDepth(this.depth);
  }

  /** Changes the impact depth and asks again for the current selection. */
  setDepth(depth: number | null): void {
    this.depth = depth;
    const sel = this.selected;
    if (sel?.type === "asset") void this.selectAsset(sel.id);
    else if (sel?.type === "site") void this.selectSite(sel.id);
  }

  /** Re-applies the highlight and redraws the panel (after the drawing changed). */
  private reapplySelection(): void {
    const sel = this.selected;
    if (!sel || this.cy.destroyed()) return;
    const r = sel.result;
    if (r && !(r instanceof Error)) {
      const ids = (xs: Reached[]) => new Set(xs.map((x) => x.asset.id));
      const sets: ImpactSets =
        "downstream" in r
          ? {
              origin: new Set([sel.id]),
              downstream: ids(r.downstream),
              upstream: ids(r.upstream),
              recovery: ids([...r.recoveryDown, ...r.recoveryUp]),
            }
          : {
              origin: ids(r.at),
              downstream: ids(r.dependants),
              upstream: new Set(),
              recovery: ids(r.recovery),
              site: sel.id,
            };
      applyHighlight(this.cy, sets);
    }
    const ele = this.cy.getElementById(sel.id);
    if (ele.nonempty() && !ele.selected()) ele.select();
    this.renderPanel();
  }

  private renderPanel(): void {
    const sel = this.selected;
    const panel = this.opts.panel;
    if (!sel) return;
    this.opts.onPanel?.();
    const drawn = drawnAssetIds(this.cy);
    const common = {
      depthLabel: this.depthLabel(),
      drawn,
      palette: this.opts.palette,
      actions: this.actions,
      room: this.room(),
    };
    if (sel.type === "asset") {
      replaceChildren(panel, ...assetPanel({ node: sel.node, impact: sel.result, ...common }));
    } else {
      replaceChildren(panel, ...sitePanel({ site: sel.site, impact: sel.result, ...common }));
    }
    panel.dataset.state = sel.result ? (sel.result instanceof Error ? "error" : "ready") : "loading";
    if (sel.result && !(sel.result instanceof Error)) panel.dataset.impactFor = sel.id;
    else delete panel.dataset.impactFor;
  }
}
