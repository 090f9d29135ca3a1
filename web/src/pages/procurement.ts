// "#/procurement": licence overlaps (sortable, filterable, exportable to CSV), a 36-month renewals
// timeline with notice deadlines, and shelfware/shortfall tables. "#/procurement/overlaps/<id>": the
// organisations side by side, with the consolidation saving and its arithmetic.
// Everything is drawn with h() (text only through text nodes); the SVG timeline with svg() below.
import { gql, isAbort } from "../api.ts";
import { append, debounce, h, replaceChildren, type Child } from "../dom.ts";
import { formatDate, formatEnum, formatInt, formatMoney, toPence } from "../format.ts";
import { loadOrganisations, type OrgRef } from "../organisations.ts";
import {
  currentRoute,
  definePage,
  href,
  queryList,
  registerNav,
  replaceQuery,
  type PageContext,
} from "../router.ts";
import {
  badge,
  checkboxGroup,
  empty,
  errorBanner,
  loading,
  pageHeader,
  selectField,
  type SelectOption,
} from "../ui.ts";

// ---------------------------------------------------------------------------------------------------
// Types and queries

interface SeatCount {
  metric: string;
  owned: number;
  used: number;
}

interface OverlapRow {
  id: string;
  kind: "SAME_PRODUCT" | "SAME_CAPABILITY";
  capabilityCode: string | null;
  capability: { name: string } | null;
  label: string;
  productLabels: string[];
  annualCost: string;
  organisationCodes: string[];
  earliestContractEnd: string | null;
  latestContractEnd: string | null;
  seats: SeatCount[];
  licenceIds: string[];
  contractIds: string[];
  cotermination: {
    coterminable: boolean;
    alreadyCoterminous: boolean;
    commonEndDate: string | null;
    cost: string | null;
    valuesVisible: boolean;
  };
}

const OVERLAPS = /* GraphQL */ `
  query ProcurementOverlaps(
    $organisations: [String!]
    $capability: String
    $minAnnualSpend: Money
    $kind: OverlapKind
  ) {
    licenceOverlaps(
      organisations: $organisations
      capability: $capability
      minAnnualSpend: $minAnnualSpend
      kind: $kind
    ) {
      id
      kind
      capabilityCode
      label
      productLabels
      annualCost
      organisationCodes
      earliestContractEnd
      latestContractEnd
      licenceIds
      contractIds
      capability {
        name
      }
      seats {
        metric
        owned
        used
      }
      cotermination {
        coterminable
        alreadyCoterminous
        commonEndDate
        cost
        valuesVisible
      }
    }
  }
`;

interface RenewalRow {
  contract: { id: string; reference: string; title: string; supplierName: string | null };
  organisation: { code: string; name: string };
  deadline: string;
  endDate: string | null;
  noticeDeadline: string | null;
  endsInWindow: boolean;
  noticeDeadlineInWindow: boolean;
  overlapIds: string[];
}

const RENEWALS = /* GraphQL */ `
  query ProcurementRenewals($from: Date!, $to: Date!, $organisation: String) {
    renewals(from: $from, to: $to, organisation: $organisation) {
      items {
        deadline
        endDate
        noticeDeadline
        endsInWindow
        noticeDeadlineInWindow
        overlapIds
        contract {
          id
          reference
          title
          supplierName
        }
        organisation {
          code
          name
        }
      }
    }
  }
`;

interface PositionRow {
  organisation: { code: string; name: string };
  product: { name: string; edition: string; vendor: { name: string } };
  shelfwareCost: string;
  shortfallCost: string;
  metrics: {
    metric: string;
    owned: number;
    used: number;
    shelfware: number;
    shortfall: number;
    unitCost: string;
    method: string;
  }[];
}

const POSITIONS = /* GraphQL */ `
  query ProcurementPositions($imbalance: Imbalance, $organisations: [String!]) {
    licencePositions(imbalance: $imbalance, organisations: $organisations) {
      organisation {
        code
        name
      }
      product {
        name
        edition
        vendor {
          name
        }
      }
      shelfwareCost
      shortfallCost
      metrics {
        metric
        owned
        used
        shelfware
        shortfall
        unitCost
        method
      }
    }
  }
`;

// ---------------------------------------------------------------------------------------------------
// Small helpers

const STYLE = `
.proc-section { margin-bottom: 28px; }
.proc-section > h2 { font-size: 1.2rem; margin: 0 0 4px; }
.proc-section > .subtitle { color: var(--muted); margin: 0 0 12px; }
.proc-sort { all: unset; cursor: pointer; display: inline-flex; gap: 4px; align-items: center; }
.proc-sort:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.proc-sort .arrow { font-size: 0.75rem; color: var(--muted); min-width: 0.8em; }
.proc-toolbar { display: flex; gap: 12px; align-items: center; justify-content: space-between; flex-wrap: wrap; }
.proc-sides { display: grid; gap: 16px; margin-bottom: 16px; align-items: start; }
@media (max-width: 900px) { .proc-sides { grid-template-columns: 1fr !important; } }
.proc-figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px 18px; margin: 0 0 12px; }
.proc-figures > div { border-left: 3px solid var(--border); padding: 2px 0 2px 10px; }
.proc-figures dt { color: var(--muted); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.03em; }
.proc-figures dd { margin: 2px 0 0; font-size: 1.05rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.proc-figures .saving { border-left-color: var(--ok); }
.proc-figures .saving dd { color: var(--ok); }
.proc-method { background: var(--info-bg); border-radius: var(--radius); padding: 10px 12px; margin: 0 0 12px; line-height: 1.55; }
.proc-timeline { width: 100%; height: auto; display: block; font-family: inherit; }
.proc-timeline text { font-size: 11px; fill: #36404d; }
.proc-timeline .label { font-size: 11.5px; fill: var(--text); }
.proc-timeline .axis { font-size: 11px; fill: var(--muted); }
.proc-legend { display: flex; gap: 16px; flex-wrap: wrap; color: var(--muted); font-size: 0.88rem; margin: 6px 0 10px; }
.proc-legend svg { vertical-align: middle; margin-right: 4px; }
.proc-org { display: inline-block; min-width: 3.2em; font-weight: 600; }
.proc-header a.button { text-decoration: none; }
`;

function ensureStyle(): void {
  if (document.getElementById("procurement-style")) return;
  const style = h("style", { id: "procurement-style" });
  style.textContent = STYLE;
  document.head.appendChild(style);
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element; attributes set with setAttribute, text only through textContent. */
function svg(tag: string, attrs: Record<string, string | number> = {}, text?: string): SVGElement {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Rewrites some query parameters of the current URL, keeping the others (each section owns its keys). */
function updateQuery(values: Record<string, string | string[]>): void {
  const merged: Record<string, string | string[]> = Object.fromEntries(currentRoute().query);
  Object.assign(merged, values);
  replaceQuery(merged);
}

/** Today as "YYYY-MM-DD". */
function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A date `months` after an ISO date, as ISO (day clamped to the month's end). */
function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

function seatsText(seats: SeatCount[]): string {
  return seats
    .map((s) => `${formatInt(s.used)} of ${formatInt(s.owned)} ${s.metric.toLowerCase()}`)
    .join("; ");
}

function kindLabel(kind: string): string {
  return kind === "SAME_PRODUCT" ? "Same product" : "Same capability";
}

/** Money that may be hidden: "hidden" with the reason when null because of permissions. */
function maskedMoney(value: string | null, visible: boolean): Child {
  if (value !== null) return formatMoney(value);
  return visible
    ? h("span", { class: "muted" }, "—")
    : h(
        "span",
        { class: "muted", title: "Needs the readContractValues permission in that organisation" },
        "hidden",
      );
}

// ---------------------------------------------------------------------------------------------------
// CSV

/** One CSV field: quoted when it holds a comma, quote, line break or edge spaces; text that a
 * spreadsheet would run as a formula (= + - @) is prefixed with an apostrophe. */
export function csvField(value: string | number | null | undefined, numeric = false): string {
  let s = value == null ? "" : String(value);
  if (!numeric && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text (CRLF line ends, as RFC 4180 says). */
export function toCsv(
  header: string[],
  rows: (string | number | null)[][],
  numericColumns: ReadonlySet<number>,
): string {
  const lines = [
    header.map((x) => csvField(x)).join(","),
    ...rows.map((r) => r.map((v, i) => csvField(v, numericColumns.has(i))).join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}

function downloadCsv(filename: string, text: string): void {
  const blob = new Blob(["\ufeff", text], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: filename, style: "display:none" });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function overlapsCsv(rows: OverlapRow[]): string {
  const header = [
    "Overlap ID",
    "Kind",
    "Capability",
    "Overlap",
    "Organisations",
    "Annual licence cost (GBP)",
    "Seats used of owned",
    "Earliest contract end",
    "Latest contract end",
    "Co-terminable",
    "Co-termination cost (GBP)",
    "Licence IDs",
    "Contract IDs",
  ];
  const data = rows.map((o) => [
    o.id,
    kindLabel(o.kind),
    o.capability?.name ?? o.capabilityCode ?? "",
    o.label,
    o.organisationCodes.join(" "),
    o.annualCost,
    seatsText(o.seats),
    o.earliestContractEnd ?? "",
    o.latestContractEnd ?? "",
    o.cotermination.coterminable ? "yes" : "no",
    o.cotermination.cost ?? (o.cotermination.valuesVisible ? "" : "hidden"),
    o.licenceIds.join(" "),
    o.contractIds.join(" "),
  ]);
  return toCsv(header, data, new Set([5, 10]));
}

// ---------------------------------------------------------------------------------------------------
// Overlaps table

type SortKey = "label" | "kind" | "organisations" | "annualCost" | "seats" | "earliestEnd" | "coterm";

/** The headline of an overlap: the shared product, or the capability that is duplicated. */
const headline = (o: OverlapRow) =>
  o.kind === "SAME_PRODUCT"
    ? (o.productLabels[0] ?? o.label)
    : (o.capability?.name ?? o.capabilityCode ?? o.label);

const SORTS: {
  key: SortKey;
  header: string;
  num?: boolean;
  value: (o: OverlapRow) => string | bigint | number;
}[] = [
  { key: "label", header: "Overlap", value: (o) => headline(o).toLowerCase() },
  { key: "kind", header: "Kind", value: (o) => o.kind },
  { key: "organisations", header: "Organisations", value: (o) => o.organisationCodes.join(",") },
  { key: "annualCost", header: "Annual cost", num: true, value: (o) => toPence(o.annualCost) ?? 0n },
  {
    key: "seats",
    header: "Seats used / owned",
    num: true,
    value: (o) => o.seats.reduce((n, s) => n + s.used, 0),
  },
  { key: "earliestEnd", header: "Earliest end", value: (o) => o.earliestContractEnd ?? "9999" },
  { key: "coterm", header: "Co-termination", num: true, value: (o) => toPence(o.cotermination.cost) ?? -1n },
];

function compare(a: string | bigint | number, b: string | bigint | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "a, b, c and 3 more". */
function someOf(names: string[], max = 4): string {
  return names.length <= max
    ? names.join(", ")
    : `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
}

function overlapCells(o: OverlapRow): Child[] {
  const c = o.cotermination;
  const detail =
    o.kind === "SAME_PRODUCT"
      ? (o.capability?.name ?? "No capability")
      : `${o.productLabels.length} products: ${someOf(o.productLabels)}`;
  return [
    h(
      "td",
      { class: "name-col" },
      h(
        "a",
        { href: href(`/procurement/overlaps/${o.id}`), class: "strong overlap-link", title: o.label },
        headline(o),
      ),
      h("span", { class: "secondary" }, detail),
    ),
    h("td", null, badge(o.kind, "kind")),
    h("td", null, o.organisationCodes.join(", ")),
    h("td", { class: "num" }, formatMoney(o.annualCost)),
    h(
      "td",
      { class: "num" },
      o.seats.map((s) => h("span", { class: "secondary", style: "display:block" }, seatsText([s]))),
    ),
    h("td", { class: "nowrap" }, formatDate(o.earliestContractEnd)),
    h(
      "td",
      { class: "num" },
      c.alreadyCoterminous
        ? h("span", { class: "muted" }, "already aligned")
        : maskedMoney(c.cost, c.valuesVisible),
      h(
        "span",
        { class: "secondary" },
        c.coterminable ? `to ${formatDate(c.commonEndDate)}` : "not possible",
      ),
    ),
  ];
}

async function renderOverlaps(
  section: HTMLElement,
  ctx: PageContext,
  orgs: OrgRef[],
  capabilities: { code: string; name: string }[],
): Promise<void> {
  const q = ctx.route.query;
  const state = {
    org: queryList(q, "org"),
    capability: q.get("capability") ?? "",
    kind: q.get("kind") ?? "",
    min: q.get("min") ?? "",
    q: q.get("q") ?? "",
    sort: (q.get("sort") as SortKey | null) ?? "annualCost",
    dir: q.get("dir") === "asc" ? "asc" : "desc",
  };
  let rows: OverlapRow[] = [];
  const countLine = h("p", { class: "count-line", id: "overlap-count", "aria-live": "polite" });
  const results = h("div", { class: "results", id: "overlap-results" });
  const exportButton = h(
    "button",
    { type: "button", class: "button", id: "overlap-export", disabled: true },
    "Export CSV",
  );

  const visible = () => {
    const needle = state.q.trim().toLowerCase();
    const sort = SORTS.find((s) => s.key === state.sort) ?? SORTS[4]!;
    const sign = state.dir === "asc" ? 1 : -1;
    return rows
      .filter((o) => !needle || `${o.label} ${o.capability?.name ?? ""}`.toLowerCase().includes(needle))
      .sort((a, b) => sign * compare(sort.value(a), sort.value(b)) || compare(a.id, b.id));
  };

  const syncUrl = () =>
    updateQuery({
      org: state.org,
      capability: state.capability,
      kind: state.kind,
      min: state.min,
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
    if (!shown.length) {
      replaceChildren(
        results,
        empty(rows.length ? "No overlap matches the search." : "No overlaps between these organisations."),
      );
      return;
    }
    const head = h(
      "tr",
      null,
      SORTS.map((s) => {
        const active = state.sort === s.key;
        return h(
          "th",
          {
            scope: "col",
            class: s.num ? "num" : null,
            "aria-sort": active ? (state.dir === "asc" ? "ascending" : "descending") : "none",
          },
          h(
            "button",
            {
              type: "button",
              class: "proc-sort",
              "data-sort": s.key,
              onclick: () => {
                if (state.sort === s.key) state.dir = state.dir === "asc" ? "desc" : "asc";
                else {
                  state.sort = s.key;
                  state.dir = s.num ? "desc" : "asc";
                }
                syncUrl();
                draw();
              },
            },
            s.header,
            h(
              "span",
              { class: "arrow", "aria-hidden": "true" },
              active ? (state.dir === "asc" ? "▲" : "▼") : "",
            ),
          ),
        );
      }),
    );
    const body = h(
      "tbody",
      { id: "overlap-rows" },
      shown.map((o) => h("tr", { "data-overlap": o.id }, overlapCells(o))),
    );
    replaceChildren(
      results,
      h(
        "div",
        { class: "table-wrap" },
        h(
          "table",
          { class: "data-table" },
          h("caption", { class: "visually-hidden" }, "Licence overlaps"),
          h("thead", null, head),
          body,
        ),
      ),
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
    if (/^\d+(\.\d{1,2})?$/.test(state.min.trim())) variables.minAnnualSpend = state.min.trim();
    try {
      rows = (await gql<{ licenceOverlaps: OverlapRow[] }>(OVERLAPS, variables, ctx.signal)).licenceOverlaps;
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
  const set =
    (key: "org" | "capability" | "kind" | "min", reload = true) =>
    (value: string | string[]) => {
      (state as Record<string, unknown>)[key] = value;
      syncUrl();
      if (reload) void load();
    };
  const search = h("input", {
    type: "search",
    id: "f-overlap-q",
    value: state.q,
    placeholder: "Product or capability",
    autocomplete: "off",
  });
  search.addEventListener(
    "input",
    debounce(() => {
      state.q = search.value;
      syncUrl();
      draw();
    }, 200),
  );
  const min = h("input", {
    type: "text",
    id: "f-overlap-min",
    inputmode: "decimal",
    value: state.min,
    placeholder: "e.g. 50000",
    size: 10,
  });
  min.addEventListener(
    "input",
    debounce(() => set("min")(min.value), 400),
  );
  const capabilityOptions: SelectOption[] = [
    { value: "", label: "All capabilities" },
    ...[...capabilities]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => ({ value: c.code, label: c.name })),
  ];
  const filters = h(
    "form",
    {
      class: "filters",
      role: "search",
      "aria-label": "Filter overlaps",
      onsubmit: (e: Event) => e.preventDefault(),
    },
    orgs.length
      ? checkboxGroup(
          "Organisations",
          "overlap-org",
          orgs.map((o) => ({ value: o.code, label: o.name })),
          state.org,
          set("org") as (v: string[]) => void,
        )
      : null,
    selectField(
      "Kind",
      "overlap-kind",
      [
        { value: "", label: "Both kinds" },
        { value: "SAME_PRODUCT", label: "Same product" },
        { value: "SAME_CAPABILITY", label: "Same capability" },
      ],
      state.kind,
      set("kind") as (v: string) => void,
    ),
    selectField(
      "Capability",
      "overlap-capability",
      capabilityOptions,
      state.capability,
      set("capability") as (v: string) => void,
    ),
    h("div", { class: "field" }, h("label", { for: "f-overlap-min" }, "Min. annual spend (£)"), min),
    h("div", { class: "field field-grow" }, h("label", { for: "f-overlap-q" }, "Search"), search),
  );
  append(
    section,
    h("h2", { id: "overlaps" }, "Licence overlaps"),
    h(
      "p",
      { class: "subtitle" },
      "The same product licensed by several organisations, and different products doing the same job. Open one to compare the organisations side by side.",
    ),
    filters,
    h("div", { class: "proc-toolbar" }, countLine, exportButton),
    results,
  );
  await load();
}

// ---------------------------------------------------------------------------------------------------
// Renewals timeline

const ORG_COLOURS = ["#145d8f", "#1d7f6e", "#8a4b00", "#6a3d9a", "#a4262c", "#36404d"];

function timeline(
  items: RenewalRow[],
  from: string,
  to: string,
  orgColour: (code: string) => string,
): SVGElement {
  const width = 1100;
  const labelWidth = 360;
  const left = labelWidth + 10;
  const right = width - 20;
  const rowHeight = 22;
  const top = 36;
  const height = top + items.length * rowHeight + 12;
  const start = dayNumber(from);
  const span = dayNumber(to) - start;
  const x = (iso: string) =>
    left + ((Math.min(Math.max(dayNumber(iso), start), start + span) - start) / span) * (right - left);
  const root = svg("svg", {
    class: "proc-timeline",
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-labelledby": "renewals-title renewals-desc",
    id: "renewals-timeline",
  });
  root.appendChild(
    svg("title", { id: "renewals-title" }, `Contract renewals from ${formatDate(from)} to ${formatDate(to)}`),
  );
  const defs = svg("defs");
  const clip = svg("clipPath", { id: "proc-label-clip" });
  clip.appendChild(svg("rect", { x: 0, y: 0, width: labelWidth, height }));
  defs.appendChild(clip);
  root.appendChild(defs);
  root.appendChild(
    svg(
      "desc",
      { id: "renewals-desc" },
      `${items.length} contracts, each a row: a diamond at the notice deadline, a dot at the end date, the notice period shaded between them.`,
    ),
  );

  // Month grid with a label each quarter, years in bold.
  const grid = svg("g");
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  for (let i = 0; i <= 37; i++) {
    const month = new Date(Date.UTC(fy, fm - 1 + i, 1)).toISOString().slice(0, 10);
    if (month < from || month > to) continue;
    const mx = x(month);
    const isYear = month.slice(5, 7) === "01";
    grid.appendChild(
      svg("line", {
        x1: mx,
        x2: mx,
        y1: top - 6,
        y2: height - 8,
        stroke: isYear ? "#b9c2cd" : "#eceff3",
        "stroke-width": isYear ? 1.2 : 1,
      }),
    );
    if (isYear || ["04", "07", "10"].includes(month.slice(5, 7))) {
      const label = isYear ? month.slice(0, 4) : formatDate(month).replace(/^1 /, "");
      grid.appendChild(
        svg("text", { x: mx + 3, y: top - 12, class: "axis", "font-weight": isYear ? 700 : 400 }, label),
      );
    }
  }
  const todayX = x(todayIso());
  grid.appendChild(
    svg("line", {
      x1: todayX,
      x2: todayX,
      y1: top - 20,
      y2: height - 8,
      stroke: "#a4262c",
      "stroke-dasharray": "3 3",
    }),
  );
  grid.appendChild(svg("text", { x: todayX + 3, y: top - 24, class: "axis", fill: "#a4262c" }, "today"));
  root.appendChild(grid);

  items.forEach((item, i) => {
    const y = top + i * rowHeight + rowHeight / 2;
    const row = svg("g", { "data-contract": item.contract.reference });
    if (i % 2 === 0)
      row.appendChild(svg("rect", { x: 0, y: y - rowHeight / 2, width, height: rowHeight, fill: "#f7f9fb" }));
    const colour = orgColour(item.organisation.code);
    row.appendChild(svg("rect", { x: 4, y: y - 7, width: 4, height: 14, fill: colour, rx: 1 }));
    // About 6.8 px a character at this size (bold references are wider): keep the label inside its column.
    const budget = Math.max(
      8,
      Math.floor((labelWidth - 24) / 6.8) -
        item.organisation.code.length -
        item.contract.reference.length -
        (item.overlapIds.length ? 4 : 2),
    );
    const title =
      item.contract.title.length > budget
        ? `${item.contract.title.slice(0, budget - 1)}…`
        : item.contract.title;
    const text = svg("text", { x: 14, y: y + 4, class: "label", "clip-path": "url(#proc-label-clip)" });
    text.appendChild(svg("tspan", { "font-weight": 700, fill: colour }, `${item.organisation.code} `));
    text.appendChild(svg("tspan", { "font-weight": 600 }, `${item.contract.reference} `));
    text.appendChild(svg("tspan", {}, title));
    if (item.overlapIds.length) text.appendChild(svg("tspan", { fill: "#8a4b00", "font-weight": 700 }, " ★"));
    row.appendChild(text);
    const end = item.endDate;
    const notice = item.noticeDeadline;
    if (notice && end) {
      const x1 = x(notice);
      const x2 = x(end);
      if (x2 > x1)
        row.appendChild(svg("rect", { x: x1, y: y - 4, width: x2 - x1, height: 8, fill: "#c9dcee", rx: 2 }));
    }
    if (notice) {
      const nx = x(notice);
      const passed = notice < from;
      const diamond = svg("path", {
        d: `M ${nx} ${y - 7} L ${nx + 7} ${y} L ${nx} ${y + 7} L ${nx - 7} ${y} Z`,
        fill: passed ? "#a4262c" : "#e08a00",
        stroke: "#fff",
        "stroke-width": 1,
      });
      diamond.appendChild(
        svg(
          "title",
          {},
          `${item.contract.reference}: notice deadline ${formatDate(notice)}${passed ? " (passed)" : ""}`,
        ),
      );
      row.appendChild(diamond);
    }
    if (end) {
      const inside = end <= to;
      const dot = inside
        ? svg("circle", { cx: x(end), cy: y, r: 5, fill: "#145d8f", stroke: "#fff", "stroke-width": 1 })
        : svg("path", {
            d: `M ${right - 8} ${y - 6} L ${right} ${y} L ${right - 8} ${y + 6} Z`,
            fill: "#145d8f",
          });
      dot.appendChild(svg("title", {}, `${item.contract.reference}: ends ${formatDate(end)}`));
      row.appendChild(dot);
    }
    const hover = svg(
      "title",
      {},
      `${item.organisation.code} ${item.contract.reference}: ${item.contract.title}${item.contract.supplierName ? ` (${item.contract.supplierName})` : ""} — notice by ${formatDate(notice)}, ends ${formatDate(end)}${item.overlapIds.length ? `; in ${item.overlapIds.length} overlap(s)` : ""}`,
    );
    text.appendChild(hover);
    root.appendChild(row);
  });
  return root;
}

function legend(): HTMLElement {
  const icon = (...children: SVGElement[]) => {
    const s = svg("svg", { width: 16, height: 16, viewBox: "0 0 16 16", "aria-hidden": "true" });
    for (const c of children) s.appendChild(c);
    return s;
  };
  return h(
    "div",
    { class: "proc-legend" },
    h(
      "span",
      null,
      icon(svg("path", { d: "M 8 1 L 15 8 L 8 15 L 1 8 Z", fill: "#e08a00" })),
      "Notice deadline",
    ),
    h(
      "span",
      null,
      icon(svg("path", { d: "M 8 1 L 15 8 L 8 15 L 1 8 Z", fill: "#a4262c" })),
      "Notice deadline already passed",
    ),
    h(
      "span",
      null,
      icon(svg("rect", { x: 0, y: 5, width: 16, height: 6, fill: "#c9dcee" })),
      "Notice period",
    ),
    h("span", null, icon(svg("circle", { cx: 8, cy: 8, r: 5, fill: "#145d8f" })), "Contract end"),
    h("span", null, "★ Part of a licence overlap"),
  );
}

async function renderRenewals(section: HTMLElement, ctx: PageContext, orgs: OrgRef[]): Promise<void> {
  const from = todayIso();
  const to = addMonths(from, 36);
  const state = {
    org: ctx.route.query.get("rorg") ?? "",
    overlapsOnly: ctx.route.query.get("roverlaps") === "1",
    all: false,
  };
  const holder = h("div", { id: "renewals-results" }, loading("Loading renewals…"));
  const colour = (code: string) =>
    ORG_COLOURS[
      Math.max(
        0,
        orgs.findIndex((o) => o.code === code),
      ) % ORG_COLOURS.length
    ]!;
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
      items = (
        await gql<{ renewals: { items: RenewalRow[] } }>(
          RENEWALS,
          { from, to, organisation: state.org || null },
          ctx.signal,
        )
      ).renewals.items;
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

// ---------------------------------------------------------------------------------------------------
// Shelfware and shortfall

function positionTable(rows: PositionRow[], kind: "shelfware" | "shortfall"): HTMLElement {
  if (!rows.length)
    return empty(kind === "shelfware" ? "No licence has seats to spare." : "No licence is short of seats.");
  const body = rows.map((p) => {
    const metrics = p.metrics.filter((m) => (kind === "shelfware" ? m.shelfware : m.shortfall) > 0);
    return h(
      "tr",
      null,
      h(
        "td",
        { class: "name-col" },
        h("span", { class: "strong" }, p.product.name, p.product.edition ? ` ${p.product.edition}` : ""),
        h("span", { class: "secondary" }, p.product.vendor.name),
      ),
      h("td", null, h("abbr", { title: p.organisation.name }, p.organisation.code)),
      h(
        "td",
        { class: "num" },
        metrics.map((m) =>
          h(
            "span",
            { style: "display:block", title: m.method },
            `${formatInt(m.used)} of ${formatInt(m.owned)} ${m.metric.toLowerCase()}`,
          ),
        ),
      ),
      h(
        "td",
        { class: "num" },
        metrics.map((m) =>
          h(
            "span",
            { style: "display:block", class: kind === "shelfware" ? "warn" : "danger" },
            formatInt(kind === "shelfware" ? m.shelfware : m.shortfall),
            h("span", { class: "muted", style: "font-weight:400" }, ` × ${formatMoney(m.unitCost)}`),
          ),
        ),
      ),
      h("td", { class: "num strong" }, formatMoney(kind === "shelfware" ? p.shelfwareCost : p.shortfallCost)),
    );
  });
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "data-table", id: `${kind}-table` },
      h("caption", { class: "visually-hidden" }, kind === "shelfware" ? "Shelfware" : "Shortfall"),
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          [
            "Product",
            "Org",
            "Used of owned",
            kind === "shelfware" ? "Spare × unit" : "Short × unit",
            kind === "shelfware" ? "Cost a year" : "True-up a year",
          ].map((t, i) => h("th", { scope: "col", class: i >= 2 ? "num" : null }, t)),
        ),
      ),
      h("tbody", null, body),
    ),
  );
}

async function renderPositions(section: HTMLElement, ctx: PageContext): Promise<void> {
  const shelf = h("div", { class: "card" }, h("h2", null, "Shelfware"), loading());
  const short = h("div", { class: "card" }, h("h2", null, "Shortfall"), loading());
  append(
    section,
    h("h2", { id: "seats" }, "Seats owned against used"),
    h(
      "p",
      { class: "subtitle" },
      "Shelfware: seats paid for and not used (owned − used). Shortfall: seats used but not licensed (used − owned). Both priced at unit cost.",
    ),
    shelf,
    short,
  );
  const fill = async (card: HTMLElement, imbalance: "SHELFWARE" | "SHORTFALL") => {
    try {
      const rows = (await gql<{ licencePositions: PositionRow[] }>(POSITIONS, { imbalance }, ctx.signal))
        .licencePositions;
      const total = rows.reduce(
        (n, r) => n + (toPence(imbalance === "SHELFWARE" ? r.shelfwareCost : r.shortfallCost) ?? 0n),
        0n,
      );
      const money = `${total / 100n}.${(total % 100n).toString().padStart(2, "0")}`;
      replaceChildren(
        card,
        h(
          "h2",
          null,
          imbalance === "SHELFWARE" ? "Shelfware" : "Shortfall",
          h("span", { class: "count" }, formatInt(rows.length)),
          h(
            "span",
            { class: "muted", style: "font-weight:400;margin-left:auto" },
            `${formatMoney(money)} a year`,
          ),
        ),
        positionTable(rows, imbalance === "SHELFWARE" ? "shelfware" : "shortfall"),
      );
    } catch (err) {
      if (isAbort(err)) return;
      replaceChildren(card, errorBanner(err, "Could not load licence positions"));
    }
  };
  await Promise.all([fill(shelf, "SHELFWARE"), fill(short, "SHORTFALL")]);
}

// ---------------------------------------------------------------------------------------------------
// The procurement page

async function render(ctx: PageContext): Promise<void> {
  ensureStyle();
  const { outlet, signal } = ctx;
  const header = pageHeader(
    "Procurement",
    "Where the organisations pay twice for the same job, what renews when, and seats owned against used.",
    h("a", { class: "button", href: "#overlaps", onclick: (e: Event) => jump(e, "overlaps") }, "Overlaps"),
    h("a", { class: "button", href: "#renewals", onclick: (e: Event) => jump(e, "renewals") }, "Renewals"),
    h("a", { class: "button", href: "#seats", onclick: (e: Event) => jump(e, "seats") }, "Seats"),
  );
  header.classList.add("proc-header");
  outlet.append(header);
  const overlaps = h("section", { class: "proc-section", "aria-labelledby": "overlaps" });
  const renewals = h("section", { class: "proc-section", "aria-labelledby": "renewals" });
  const seats = h("section", { class: "proc-section", "aria-labelledby": "seats" });
  outlet.append(overlaps, renewals, seats);
  let orgs: OrgRef[] = [];
  let capabilities: { code: string; name: string }[] = [];
  try {
    [orgs, capabilities] = await Promise.all([
      loadOrganisations(),
      gql<{ capabilities: { code: string; name: string }[] }>(
        "query Capabilities { capabilities { code name } }",
        {},
        signal,
      ).then((d) => d.capabilities),
    ]);
  } catch (err) {
    if (isAbort(err)) return;
    overlaps.append(errorBanner(err, "Could not load filter options"));
  }
  if (signal.aborted) return;
  await Promise.all([
    renderOverlaps(overlaps, ctx, orgs, capabilities),
    renderRenewals(renewals, ctx, orgs),
    renderPositions(seats, ctx),
  ]);
}

/** In-page jumps without touching the hash (the hash is the router's). */
function jump(e: Event, id: string): void {
  e.preventDefault();
  const target = document.getElementById(id);
  target?.scrollIntoView({ behavior: "smooth", block: "start" });
}

// ---------------------------------------------------------------------------------------------------
// One overlap, side by side

interface DetailSide {
  organisation: { code: string; name: string };
  annualCost: string;
  seats: SeatCount[];
  licences: {
    id: string;
    metric: string;
    quantityOwned: number;
    quantityUsed: number;
    unitCost: string;
    annualCost: string;
    product: { name: string; edition: string; vendor: { name: string } };
    contract: { reference: string } | null;
  }[];
  contracts: {
    id: string;
    reference: string;
    title: string;
    supplierName: string | null;
    endDate: string | null;
    noticeDeadline: string | null;
    annualValue: string | null;
    valuesVisible: boolean;
    renewalTerms: string | null;
  }[];
  relatedContracts: {
    id: string;
    reference: string;
    title: string;
    endDate: string | null;
    ocid: string | null;
    capability: { method: string; evidence: string | null };
  }[];
}

interface Candidate {
  product: { name: string; edition: string };
  metric: string;
  recommended: boolean;
  targetLicence: { organisation: { code: string } };
  targetContract: { reference: string } | null;
  targetUnitPrice: string;
  seatsNeeded: number;
  seatsBySide: { organisationCode: string; used: number }[];
  seatCost: string;
  targetFixedCharge: string;
  duplicateFixedCharges: string;
  keptAnnualCost: string;
  consolidatedAnnualCost: string;
  currentAnnualCost: string;
  annualSaving: string;
  exitCost: string | null;
  paybackMonths: number | null;
  valuesVisible: boolean;
  hiddenFor: string[];
  problems: string[];
  method: string;
  licenceIds: string[];
  contractIds: string[];
}

interface Detail {
  licenceOverlap: {
    id: string;
    kind: string;
    label: string;
    capability: { name: string } | null;
    annualCost: string;
    sides: DetailSide[];
    cotermination: {
      coterminable: boolean;
      alreadyCoterminous: boolean;
      commonEndDate: string | null;
      cost: string | null;
      valuesVisible: boolean;
      hiddenFor: string[];
      obstacles: string[];
      method: string;
    };
  } | null;
}

const DETAIL = /* GraphQL */ `
  query ProcurementOverlap($id: ID!) {
    licenceOverlap(id: $id) {
      id
      kind
      label
      annualCost
      capability {
        name
      }
      sides {
        organisation {
          code
          name
        }
        annualCost
        seats {
          metric
          owned
          used
        }
        licences {
          id
          metric
          quantityOwned
          quantityUsed
          unitCost
          annualCost
          product {
            name
            edition
            vendor {
              name
            }
          }
          contract {
            reference
          }
        }
        contracts {
          id
          reference
          title
          supplierName
          endDate
          noticeDeadline
          annualValue
          valuesVisible
          renewalTerms
        }
        relatedContracts {
          id
          reference
          title
          endDate
          ocid
          capability {
            method
            evidence
          }
        }
      }
      cotermination {
        coterminable
        alreadyCoterminous
        commonEndDate
        cost
        valuesVisible
        hiddenFor
        obstacles
        method
      }
    }
  }
`;

const SAVINGS = /* GraphQL */ `
  query ProcurementSavings($id: ID!) {
    consolidationSavings(overlapId: $id) {
      asOf
      currentAnnualCost
      formula
      rounding
      sides {
        organisation {
          code
        }
        currentAnnualCost
      }
      candidates {
        product {
          name
          edition
        }
        metric
        recommended
        targetLicence {
          organisation {
            code
          }
        }
        targetContract {
          reference
        }
        targetUnitPrice
        seatsNeeded
        seatsBySide {
          organisationCode
          used
        }
        seatCost
        targetFixedCharge
        duplicateFixedCharges
        keptAnnualCost
        consolidatedAnnualCost
        currentAnnualCost
        annualSaving
        exitCost
        paybackMonths
        valuesVisible
        hiddenFor
        problems
        method
        licenceIds
        contractIds
      }
    }
  }
`;

function sideCard(side: DetailSide): HTMLElement {
  const licences = h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "data-table" },
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          ["Product", "Metric", "Used", "Owned", "Unit", "Annual"].map((t, i) =>
            h("th", { scope: "col", class: i >= 2 ? "num" : null }, t),
          ),
        ),
      ),
      h(
        "tbody",
        null,
        side.licences.map((l) =>
          h(
            "tr",
            { "data-licence": l.id },
            h(
              "td",
              { class: "name-col" },
              h(
                "span",
                { class: "strong" },
                l.product.name,
                l.product.edition ? ` ${l.product.edition}` : "",
              ),
              h(
                "span",
                { class: "secondary" },
                `${l.product.vendor.name}${l.contract ? ` · ${l.contract.reference}` : ""}`,
              ),
            ),
            h("td", null, formatEnum(l.metric)),
            h(
              "td",
              { class: "num" },
              h(
                "span",
                { class: l.quantityUsed > l.quantityOwned ? "danger" : "" },
                formatInt(l.quantityUsed),
              ),
            ),
            h("td", { class: "num" }, formatInt(l.quantityOwned)),
            h("td", { class: "num" }, formatMoney(l.unitCost)),
            h("td", { class: "num" }, formatMoney(l.annualCost)),
          ),
        ),
      ),
    ),
  );
  const contracts = side.contracts.length
    ? h(
        "ul",
        { class: "proc-contracts", style: "padding-left:18px;margin:8px 0" },
        side.contracts.map((c) =>
          h(
            "li",
            { style: "margin-bottom:6px" },
            h("span", { class: "strong" }, c.reference),
            ` ${c.title}`,
            h(
              "span",
              { class: "secondary" },
              `${c.supplierName ?? "supplier not recorded"} · ends ${formatDate(c.endDate)} · notice by ${formatDate(c.noticeDeadline)} · annual value `,
              maskedMoney(c.annualValue, c.valuesVisible),
            ),
            c.renewalTerms ? h("span", { class: "secondary" }, c.renewalTerms) : null,
          ),
        ),
      )
    : empty("No contract recorded for these licences.");
  const related = side.relatedContracts.length
    ? [
        h("h3", { style: "font-size:0.95rem;margin:12px 0 4px" }, "Related procurement records"),
        h(
          "ul",
          { style: "padding-left:18px;margin:4px 0" },
          side.relatedContracts.map((c) =>
            h(
              "li",
              null,
              h("span", { class: "strong" }, c.reference),
              ` ${c.title}`,
              h(
                "span",
                { class: "secondary" },
                `ends ${formatDate(c.endDate)} · capability by ${c.capability.method.toLowerCase()}${c.capability.evidence ? ` (${c.capability.evidence})` : ""}${c.ocid ? ` · ${c.ocid}` : ""}`,
              ),
            ),
          ),
        ),
      ]
    : null;
  return h(
    "section",
    { class: "card side-card", "data-org": side.organisation.code },
    h(
      "h2",
      null,
      h("span", { class: "proc-org" }, side.organisation.code),
      h("span", { class: "muted", style: "font-weight:400" }, side.organisation.name),
    ),
    h(
      "dl",
      { class: "proc-figures" },
      h("div", null, h("dt", null, "Annual licence cost"), h("dd", null, formatMoney(side.annualCost))),
      h("div", null, h("dt", null, "Seats used of owned"), h("dd", null, seatsText(side.seats))),
    ),
    licences,
    h("h3", { style: "font-size:0.95rem;margin:12px 0 4px" }, "Contracts"),
    contracts,
    related,
  );
}

function savingCard(data: {
  consolidationSavings: {
    asOf: string;
    currentAnnualCost: string;
    formula: string;
    rounding: string;
    sides: { organisation: { code: string }; currentAnnualCost: string }[];
    candidates: Candidate[];
  };
}): HTMLElement {
  const s = data.consolidationSavings;
  const best = s.candidates.find((c) => c.recommended);
  const figure = (label: string, value: Child, cls?: string) =>
    h("div", { class: cls ?? null }, h("dt", null, label), h("dd", null, value));
  const exit = (c: Candidate) =>
    c.exitCost !== null
      ? formatMoney(c.exitCost)
      : c.hiddenFor.length
        ? h(
            "span",
            { class: "muted", title: `Needs readContractValues in ${c.hiddenFor.join(", ")}` },
            "hidden",
          )
        : h("span", { class: "muted" }, "unknown");
  const body: Child[] = [
    h(
      "h2",
      null,
      "Consolidation saving",
      h(
        "span",
        { class: "muted", style: "font-weight:400;font-size:0.9rem" },
        `consolidating from ${formatDate(s.asOf)}`,
      ),
    ),
  ];
  if (!best) {
    body.push(
      empty(
        "No licence here could take over another (they are counted in different metrics), so there is no consolidation to price.",
      ),
    );
  } else {
    body.push(
      h(
        "dl",
        { class: "proc-figures", id: "saving-figures" },
        ...s.sides.map((side) =>
          figure(`Current annual cost · ${side.organisation.code}`, formatMoney(side.currentAnnualCost)),
        ),
        figure(
          "Target",
          `${best.product.name}${best.product.edition ? ` ${best.product.edition}` : ""} · ${best.targetContract?.reference ?? best.targetLicence.organisation.code}`,
        ),
        figure("Target unit price", `${formatMoney(best.targetUnitPrice)} per ${best.metric.toLowerCase()}`),
        figure(
          "Seats needed (used)",
          `${formatInt(best.seatsNeeded)} = ${best.seatsBySide.map((x) => `${x.organisationCode} ${formatInt(x.used)}`).join(" + ")}`,
        ),
        (toPence(best.keptAnnualCost) ?? 0n) > 0n
          ? figure("Kept as is (other metrics)", formatMoney(best.keptAnnualCost))
          : null,
        figure("Consolidated annual cost", formatMoney(best.consolidatedAnnualCost)),
        figure("Annual saving", h("span", { id: "annual-saving" }, formatMoney(best.annualSaving)), "saving"),
        figure("One-off exit cost", exit(best)),
        figure(
          "Payback",
          best.paybackMonths === null
            ? h("span", { class: "muted" }, "—")
            : `${formatInt(best.paybackMonths)} months`,
        ),
      ),
      h("p", { class: "proc-method", id: "saving-method" }, best.method),
      best.problems.length
        ? h(
            "ul",
            { class: "warn" },
            best.problems.map((p) => h("li", null, p)),
          )
        : null,
      h("h3", { style: "font-size:0.95rem;margin:12px 0 4px" }, "Every target considered"),
      h(
        "div",
        { class: "table-wrap" },
        h(
          "table",
          { class: "data-table", id: "candidates-table" },
          h(
            "thead",
            null,
            h(
              "tr",
              null,
              ["Target", "Unit price", "Seats", "Consolidated", "Saving", "Exit cost", "Payback"].map(
                (t, i) => h("th", { scope: "col", class: i ? "num" : null }, t),
              ),
            ),
          ),
          h(
            "tbody",
            null,
            s.candidates.map((c) =>
              h(
                "tr",
                null,
                h(
                  "td",
                  { class: "name-col" },
                  h(
                    "span",
                    { class: "strong" },
                    `${c.product.name}${c.product.edition ? ` ${c.product.edition}` : ""}`,
                  ),
                  c.recommended
                    ? h(
                        "span",
                        { class: "badge badge-status badge-status-active", style: "margin-left:6px" },
                        "Recommended",
                      )
                    : null,
                  h(
                    "span",
                    { class: "secondary" },
                    `${c.metric.toLowerCase()} · ${c.targetContract?.reference ?? "no contract"} (${c.targetLicence.organisation.code})`,
                  ),
                ),
                h("td", { class: "num" }, formatMoney(c.targetUnitPrice)),
                h("td", { class: "num" }, formatInt(c.seatsNeeded)),
                h("td", { class: "num" }, formatMoney(c.consolidatedAnnualCost)),
                h(
                  "td",
                  { class: "num" },
                  h(
                    "span",
                    { class: (toPence(c.annualSaving) ?? 0n) > 0n ? "strong" : "danger" },
                    formatMoney(c.annualSaving),
                  ),
                ),
                h("td", { class: "num" }, exit(c)),
                h(
                  "td",
                  { class: "num" },
                  c.paybackMonths === null ? "—" : `${formatInt(c.paybackMonths)} mo`,
                ),
              ),
            ),
          ),
        ),
      ),
    );
  }
  body.push(
    h(
      "details",
      { style: "margin-top:12px" },
      h("summary", null, "How the saving is worked out"),
      h("p", null, s.formula),
      h("p", { class: "muted" }, s.rounding),
    ),
  );
  return h("section", { class: "card", id: "saving-card" }, ...body);
}

async function renderDetail({ outlet, route, signal }: PageContext): Promise<void> {
  ensureStyle();
  const id = route.params.id ?? "";
  outlet.append(h("a", { class: "back", href: href("/procurement") }, "← Procurement"));
  const holder = h("div", null, loading("Loading overlap…"));
  outlet.append(holder);
  const [detail, savings] = await Promise.allSettled([
    gql<Detail>(DETAIL, { id }, signal),
    gql<Parameters<typeof savingCard>[0]>(SAVINGS, { id }, signal),
  ]);
  if (signal.aborted) return;
  if (detail.status === "rejected") {
    replaceChildren(holder, errorBanner(detail.reason, "Could not load this overlap"));
    return;
  }
  const o = detail.value.licenceOverlap;
  if (!o) {
    replaceChildren(
      holder,
      pageHeader("Overlap not found"),
      empty(`No overlap ${id} among the organisations now.`),
    );
    return;
  }
  const c = o.cotermination;
  replaceChildren(
    holder,
    pageHeader(
      o.label,
      `${kindLabel(o.kind)}${o.capability ? ` · ${o.capability.name}` : ""} · ${formatMoney(o.annualCost)} a year across ${o.sides.length} organisations`,
    ),
    h(
      "div",
      {
        class: "proc-sides",
        style: `grid-template-columns: repeat(${Math.min(o.sides.length, 3)}, minmax(0, 1fr))`,
      },
      o.sides.map(sideCard),
    ),
    savings.status === "fulfilled"
      ? savingCard(savings.value)
      : h("section", { class: "card" }, errorBanner(savings.reason, "Could not work out the saving")),
    h(
      "section",
      { class: "card", id: "coterm-card" },
      h("h2", null, "Co-termination"),
      h(
        "dl",
        { class: "proc-figures" },
        h("div", null, h("dt", null, "Align to"), h("dd", null, formatDate(c.commonEndDate))),
        h(
          "div",
          null,
          h("dt", null, "Possible"),
          h("dd", null, c.alreadyCoterminous ? "Already aligned" : c.coterminable ? "Yes" : "No"),
        ),
        h(
          "div",
          null,
          h("dt", null, "Cost of aligning"),
          h("dd", null, maskedMoney(c.cost, c.valuesVisible)),
        ),
      ),
      h("p", { class: "proc-method" }, c.method),
      c.obstacles.length
        ? h(
            "ul",
            null,
            c.obstacles.map((x) => h("li", { class: "warn" }, x)),
          )
        : null,
    ),
  );
}

definePage("/procurement", render);
definePage("/procurement/overlaps/:id", renderDetail);
registerNav({ label: "Procurement", path: "/procurement", order: 50, matches: ["/procurement"] });
