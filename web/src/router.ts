// Hash routing: "#/assets/Asset:…?org=SCC&kind=SERVER". Pages register a path pattern; nav items
// register separately (a page may have no nav item, e.g. one asset). Later pages (graph, procurement,
// roadmap) add themselves with `definePage` + `registerNav` without touching this file.

/** The current location, split up. */
export interface Route {
  /** Path without the query, always starting with "/" (e.g. "/assets/Asset:1"). */
  path: string;
  /** Pattern parameters, decoded (e.g. { id: "Asset:1" }). */
  params: Record<string, string>;
  query: URLSearchParams;
}

/** What a page gets to render itself. */
export interface PageContext {
  route: Route;
  /** Where the page draws; cleared before each render. */
  outlet: HTMLElement;
  /** Aborted when the user navigates away: pass it to `gql` so stale answers are dropped. */
  signal: AbortSignal;
}

/** Draws a page; may be async (errors it throws are shown as an error banner). */
export type PageRender = (ctx: PageContext) => void | Promise<void>;

interface PageDef {
  pattern: string;
  segments: string[];
  render: PageRender;
}

/** A link in the header nav. `order` sorts (lower first); `matches` decides when it is highlighted. */
export interface NavItem {
  label: string;
  path: string;
  order: number;
  /** Path prefixes that highlight this item; defaults to [path]. */
  matches?: string[];
  /** Shown only while this returns true (e.g. only to administrators); always shown when absent. */
  visible?: () => boolean;
}

const pages: PageDef[] = [];
const navItems: NavItem[] = [];
const navListeners: (() => void)[] = [];

/** Registers a page for a pattern such as "/assets/:id" (":name" segments become params). */
export function definePage(pattern: string, render: PageRender): void {
  pages.push({ pattern, segments: split(pattern), render });
}

/** Adds a header nav link. */
export function registerNav(item: NavItem): void {
  navItems.push(item);
  navItems.sort((a, b) => a.order - b.order);
  for (const fn of navListeners) fn();
}

/** The nav items, in order (only those currently visible). */
export function getNavItems(): readonly NavItem[] {
  return navItems.filter((item) => item.visible?.() ?? true);
}

/** Calls `fn` whenever nav items are added. */
export function onNavChange(fn: () => void): void {
  navListeners.push(fn);
}

function split(path: string): string[] {
  return path.split("/").filter(Boolean);
}

/** The hash href for a path and optional query: href("/assets", { org: ["SCC","DCC"] }) → "#/assets?org=SCC%2CDCC". */
export function href(
  path: string,
  query?: Record<string, string | string[] | null | undefined> | URLSearchParams,
): string {
  const qs = query instanceof URLSearchParams ? query : toSearchParams(query ?? {});
  const s = qs.toString();
  const encodedPath = split(path)
    .map((seg) => encodeURIComponent(seg).replace(/%3A/gi, ":"))
    .join("/");
  return `#/${encodedPath}${s ? `?${s}` : ""}`;
}

function toSearchParams(query: Record<string, string | string[] | null | undefined>): URLSearchParams {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    const value = Array.isArray(v) ? v.join(",") : v;
    if (value) qs.set(k, value);
  }
  return qs;
}

/** Multi-valued query parameter: accepts "a,b" and repeated keys. */
export function queryList(query: URLSearchParams, key: string): string[] {
  return query
    .getAll(key)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Parses the current location hash. */
export function currentRoute(): Route {
  const raw = location.hash.replace(/^#/, "") || "/";
  const q = raw.indexOf("?");
  const pathPart = q >= 0 ? raw.slice(0, q) : raw;
  const path = "/" + split(pathPart).join("/");
  return { path, params: {}, query: new URLSearchParams(q >= 0 ? raw.slice(q + 1) : "") };
}

function match(def: PageDef, path: string): Record<string, string> | null {
  const segs = split(path);
  if (segs.length !== def.segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segs.length; i++) {
    const want = def.segments[i]!;
    const got = segs[i]!;
    let decoded: string;
    try {
      decoded = decodeURIComponent(got);
    } catch {
      return null;
    }
    if (want.startsWith(":")) params[want.slice(1)] = decoded;
    else if (want !== decoded) return null;
  }
  return params;
}

/** Goes to a path (adds a history entry and renders). */
export function navigate(path: string, query?: Record<string, string | string[] | null | undefined>): void {
  location.hash = href(path, query);
}

/** Rewrites the query of the current entry without re-rendering (filters reflecting into the URL). */
export function replaceQuery(query: Record<string, string | string[] | null | undefined>): void {
  const route = currentRoute();
  history.replaceState(history.state, "", href(route.path, query));
}

export interface RouterOptions {
  outlet: HTMLElement;
  /** Drawn when no page matches. */
  notFound: PageRender;
  /** Drawn when a page's render throws. */
  onError: (outlet: HTMLElement, err: unknown) => void;
  /** Called after every route change (nav highlighting, focus). */
  onRoute?: (route: Route) => void;
  /**
   * Asked before drawing a page: while it returns false (e.g. nobody is signed in) no page is drawn and
   * the outlet is left to whoever holds the gate; `refreshRoute()` draws the current route later.
   */
  gate?: (route: Route) => boolean;
}

let renderCurrent: (() => Promise<void>) | undefined;
let abortCurrent: (() => void) | undefined;

/** Draws the current route again (after signing in, or when the gate opens). */
export function refreshRoute(): void {
  void renderCurrent?.();
}

/** Abandons the page being drawn: its requests are aborted and its errors are no longer shown. */
export function abortRoute(): void {
  abortCurrent?.();
}

/** Starts listening to hash changes and renders the current route. */
export function startRouter(opts: RouterOptions): void {
  let controller: AbortController | undefined;
  const render = async () => {
    controller?.abort();
    const ctl = new AbortController();
    controller = ctl;
    const route = currentRoute();
    if (opts.gate && !opts.gate(route)) return;
    let page: PageDef | undefined;
    for (const def of pages) {
      const params = match(def, route.path);
      if (params) {
        route.params = params;
        page = def;
        break;
      }
    }
    opts.outlet.textContent = "";
    opts.onRoute?.(route);
    try {
      await (page ? page.render : opts.notFound)({ route, outlet: opts.outlet, signal: ctl.signal });
    } catch (err) {
      if (ctl.signal.aborted) return;
      opts.onError(opts.outlet, err);
    }
  };
  renderCurrent = render;
  abortCurrent = () => controller?.abort();
  window.addEventListener("hashchange", () => void render());
  void render();
}
