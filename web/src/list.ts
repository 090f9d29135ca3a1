// A Relay connection shown as a table: first page, "Load more" with endCursor, "N of totalCount",
// rows de-duplicated by id, stale answers dropped when filters change mid-request. Sortable headers
// ask the server for another order (so the order holds across pages), and "Export CSV" writes every
// row the filter selects, in that order (export.ts, the one export path).
import { isAbort } from "./api.ts";
import { todayIso } from "./dates.ts";
import { h, replaceChildren } from "./dom.ts";
import { downloadCsv, tableCsv } from "./export.ts";
import { formatInt } from "./format.ts";
import { dataTable, empty, errorBanner, loading, type Column, type ExportColumn } from "./ui.ts";

/** The largest page the server gives: exports fetch in pages of this size. */
const EXPORT_PAGE = 500;

/** What a page fetch asks for beyond the cursor. */
export interface FetchOptions {
  /** The server order (one of the columns' `sort` values), or undefined for the list's default. */
  order: string | undefined;
  first: number;
}

/** A Relay connection as the schema returns it. */
export interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

export interface PagedTableOptions<T> {
  columns: ExportColumn<T>[];
  /** Plural noun for the count line ("assets"). */
  noun: string;
  /** Prefix for element ids: `${id}-rows`, `${id}-count`, `${id}-more`. */
  id: string;
  /** Fetches one page after `after` (null = first page). */
  fetch: (after: string | null, signal: AbortSignal, options: FetchOptions) => Promise<Connection<T>>;
  /** The server order to start with, and where to remember a new one (the URL). */
  order?: { initial: string | undefined; onChange: (order: string) => void };
  /** File name stem of the CSV export ("assets" → assets-2026-12-07.csv); no export without it. */
  exportName?: string;
  /** Aborts everything when the page is left. */
  signal: AbortSignal;
  emptyMessage?: string;
}

/** The table element plus `reload()` to start again from the first page (after a filter change). */
export function pagedTable<T extends { id: string }>(
  opts: PagedTableOptions<T>,
): { element: HTMLElement; reload: () => Promise<void> } {
  const countLine = h("p", { class: "count-line", id: `${opts.id}-count`, "aria-live": "polite" });
  const results = h("div", { class: "results", id: `${opts.id}-results`, "aria-busy": "true" });
  const more = h("div", { class: "load-more" });
  let controller: AbortController | undefined;
  /** Bumped by every reload, so only the latest one settles the busy state. */
  let generation = 0;
  let seen = new Set<string>();
  let endCursor: string | null = null;
  let table: ReturnType<typeof dataTable<T>> | undefined;
  let order = opts.order?.initial;
  const sort = opts.order
    ? {
        get current() {
          return order ?? "";
        },
        set: (next: string) => {
          order = next;
          opts.order!.onChange(next);
          void reload();
        },
      }
    : undefined;

  const fetchPage = (after: string | null) => {
    controller?.abort();
    const ctl = new AbortController();
    controller = ctl;
    opts.signal.addEventListener("abort", () => ctl.abort(), { once: true });
    return opts.fetch(after, ctl.signal, { order, first: 50 });
  };

  const exportStatus = h("span", { class: "export-status", role: "status", "aria-live": "polite" });
  const exportButton = opts.exportName
    ? h(
        "button",
        { type: "button", class: "button button-small button-secondary", id: `${opts.id}-export` },
        "Export CSV",
      )
    : null;
  exportButton?.addEventListener("click", async () => {
    exportButton.disabled = true;
    const rows: T[] = [];
    try {
      let after: string | null = null;
      for (;;) {
        const page: Connection<T> = await opts.fetch(after, opts.signal, { order, first: EXPORT_PAGE });
        rows.push(...page.edges.map((e) => e.node));
        exportStatus.textContent = `Exporting ${formatInt(rows.length)} of ${formatInt(page.totalCount)}…`;
        if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
        after = page.pageInfo.endCursor;
      }
      downloadCsv(`${opts.exportName}-${todayIso()}.csv`, tableCsv(opts.columns, rows));
      exportStatus.textContent = `Exported ${formatInt(rows.length)} ${opts.noun}.`;
    } catch (err) {
      if (!isAbort(err)) replaceChildren(exportStatus, errorBanner(err, `Could not export ${opts.noun}`));
    } finally {
      exportButton.disabled = false;
    }
  });

  const show = (page: Connection<T>, append: boolean) => {
    const fresh = page.edges.map((e) => e.node).filter((n) => !seen.has(n.id));
    for (const n of fresh) seen.add(n.id);
    if (append && table) {
      table.addRows(fresh);
    } else {
      table = dataTable(opts.columns, fresh, opts.noun, sort);
      table.tbody.id = `${opts.id}-rows`;
      replaceChildren(
        results,
        page.totalCount ? table.wrap : empty(opts.emptyMessage ?? `No ${opts.noun} match these filters.`),
      );
    }
    endCursor = page.pageInfo.endCursor;
    countLine.textContent = page.totalCount
      ? `Showing ${formatInt(seen.size)} of ${formatInt(page.totalCount)} ${opts.noun}`
      : "";
    replaceChildren(
      more,
      page.pageInfo.hasNextPage && endCursor
        ? h(
            "button",
            { type: "button", class: "button", id: `${opts.id}-more`, onclick: loadMore },
            "Load more",
          )
        : null,
    );
  };

  async function loadMore(e: Event) {
    const button = e.currentTarget as HTMLButtonElement;
    button.disabled = true;
    button.textContent = "Loading…";
    const mine = generation;
    results.setAttribute("aria-busy", "true");
    try {
      show(await fetchPage(endCursor), true);
    } catch (err) {
      if (isAbort(err)) return;
      replaceChildren(more, errorBanner(err, `Could not load more ${opts.noun}`));
    } finally {
      if (mine === generation) results.setAttribute("aria-busy", "false");
    }
  }

  const reload = async () => {
    const mine = ++generation;
    seen = new Set();
    replaceChildren(more);
    results.setAttribute("aria-busy", "true");
    if (table) results.classList.add("stale");
    else replaceChildren(results, loading(`Loading ${opts.noun}…`));
    try {
      show(await fetchPage(null), false);
    } catch (err) {
      if (isAbort(err)) return;
      table = undefined;
      countLine.textContent = "";
      replaceChildren(results, errorBanner(err, `Could not load ${opts.noun}`));
    } finally {
      if (mine === generation) {
        results.classList.remove("stale");
        results.setAttribute("aria-busy", "false");
      }
    }
  };

  const bar = h("div", { class: "list-bar" }, countLine, exportButton, exportStatus);
  return { element: h("div", { class: "paged" }, bar, results, more), reload };
}
