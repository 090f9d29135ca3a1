// The single points of failure as a ranked list beside the graph: each asset, how many analysed
// applications its loss alone takes down, and how many of each organisation's. Each entry focuses the
// asset in the graph (loading it with its neighbours when it is not drawn); the whole list exports as
// CSV through the app's one export path (../export.ts), one column per organisation that appears.
import { h } from "../dom.ts";
import { exportButton } from "../export.ts";
import { formatEnum, formatInt } from "../format.ts";
import type { ExportColumn } from "../ui.ts";
import type { SpofAnswer } from "./types.ts";

/** Entries shown on screen (the CSV has them all). */
const SHOWN = 100;

export interface SpofRow {
  rank: number;
  id: string;
  name: string;
  kind: string;
  organisationCode: string;
  count: number;
  /** Applications taken down, per organisation code. */
  byOrg: Map<string, number>;
}

/** The answer's entries as rows, in the server's ranking (most damaging first). */
export function spofRows(answer: SpofAnswer): SpofRow[] {
  return answer.entries.map((e, i) => {
    const byOrg = new Map<string, number>();
    for (const a of e.takesDown) byOrg.set(a.organisation.code, (byOrg.get(a.organisation.code) ?? 0) + 1);
    return {
      rank: i + 1,
      id: e.asset.id,
      name: e.asset.name,
      kind: e.asset.kind,
      organisationCode: e.asset.organisation.code,
      count: e.count,
      byOrg,
    };
  });
}

/** Organisation codes taken down anywhere in `rows`, sorted. */
function orgCodes(rows: SpofRow[]): string[] {
  return [...new Set(rows.flatMap((r) => [...r.byOrg.keys()]))].sort();
}

/** CSV columns: rank, asset, kind, its organisation, the total taken down, then one per organisation. */
export function spofColumns(rows: SpofRow[]): ExportColumn<SpofRow>[] {
  return [
    { header: "Rank", cell: (r) => String(r.rank), csv: (r) => r.rank },
    { header: "Asset", cell: (r) => r.name, csv: (r) => r.name },
    { header: "Kind", cell: (r) => formatEnum(r.kind), csv: (r) => formatEnum(r.kind) },
    { header: "Organisation", cell: (r) => r.organisationCode, csv: (r) => r.organisationCode },
    { header: "Applications taken down", cell: (r) => formatInt(r.count), csv: (r) => r.count },
    ...orgCodes(rows).map((code): ExportColumn<SpofRow> => ({
      header: `Taken down (${code})`,
      cell: (r) => formatInt(r.byOrg.get(code) ?? 0),
      csv: (r) => r.byOrg.get(code) ?? 0,
    })),
  ];
}

/** The ranked list with its CSV export; `focus` centres an asset in the graph. */
export function spofList(opts: {
  answer: SpofAnswer;
  who: string;
  fileName: string;
  drawn: Set<string>;
  focus: (id: string) => void;
}): HTMLElement {
  const rows = spofRows(opts.answer);
  const shown = rows.slice(0, SHOWN);
  return h(
    "section",
    { class: "graph-spof-list", id: "graph-spof-list", "aria-labelledby": "graph-spof-list-h" },
    h(
      "div",
      { class: "graph-spof-head" },
      h("h3", { id: "graph-spof-list-h" }, `Ranked (${opts.who})`),
      rows.length ? exportButton("graph-spof-export", opts.fileName, spofColumns(rows), () => rows) : null,
    ),
    rows.length
      ? h(
          "ol",
          { class: "graph-spof-entries" },
          shown.map((r) =>
            h(
              "li",
              { "data-id": r.id, class: opts.drawn.has(r.id) ? null : "not-drawn" },
              h(
                "button",
                {
                  type: "button",
                  class: "link-button",
                  title: opts.drawn.has(r.id) ? "Centre it" : "Not drawn: load it and its neighbours",
                  onclick: () => opts.focus(r.id),
                },
                r.name,
              ),
              h(
                "span",
                { class: "secondary" },
                `${r.organisationCode} · ${formatEnum(r.kind)} · takes down `,
                h("strong", { class: "graph-spof-count" }, formatInt(r.count)),
                `: ${[...r.byOrg.entries()]
                  .sort((a, b) => a[0].localeCompare(b[0]))
                  .map(([code, n]) => `${code} ${formatInt(n)}`)
                  .join(" · ")}`,
              ),
            ),
          ),
          rows.length > shown.length
            ? h(
                "li",
                { class: "muted" },
                `…and ${formatInt(rows.length - shown.length)} more (all in the CSV)`,
              )
            : null,
        )
      : h("p", { class: "empty" }, "None: no single asset's loss cuts an analysed application off."),
  );
}
