// "#/assets?org=SCC,DCC&kind=SERVER&lifecycle=ACTIVE&criticality=HIGH&q=…&order=NAME_ASC&site=Site:…":
// the inventory browser. Filters live in the URL (replaceState), pages load with Relay cursors.
import { AssetOrder, graphql } from "../graphql.ts";
import type { NodeOf, AssetsQuery } from "../graphql.ts";
import { gql, isAbort } from "../api.ts";
import { append, debounce, h } from "../dom.ts";
import { pagedTable, type Connection } from "../list.ts";
import { ASSET_KINDS, CRITICALITIES, enumValue, LIFECYCLE_FILTER_OPTIONS, lifecyclesOf } from "../enums.ts";
import { formatDate, formatEnum, formatMoney } from "../format.ts";
import { loadOrganisations, type OrgRef } from "../organisations.ts";
import { mayIn } from "../permissions.ts";
import { definePage, href, queryList, registerNav, replaceQuery, type PageContext } from "../router.ts";
import {
  badge,
  checkboxGroup,
  enumOptions,
  errorBanner,
  pageHeader,
  selectField,
  type ExportColumn,
  orgTag,
} from "../ui.ts";

/** Rows fetched per page. */
export const PAGE_SIZE = 50;

export type AssetRow = NodeOf<AssetsQuery["assets"]>;

type AssetPage = AssetsQuery;

/** The asset list query (also the site page's list of assets located there). */
export const ASSETS_QUERY = graphql(`
  query Assets($filter: AssetFilter, $orderBy: AssetOrder, $first: Int, $after: String) {
    assets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
          kind
          subtype
          lifecycle
          criticality
          annualRunCost
          updatedAt
          organisation {
            code
            name
          }
          site {
            id
            name
          }
        }
      }
    }
  }
`);

/** The filter state, as read from and written to the URL. */
interface State {
  org: string[];
  kind: string;
  lifecycle: string;
  criticality: string;
  q: string;
  order: string;
  site: string;
}

function readState(query: URLSearchParams): State {
  return {
    org: queryList(query, "org"),
    kind: query.get("kind") ?? "",
    lifecycle: query.get("lifecycle") ?? "",
    criticality: query.get("criticality") ?? "",
    q: query.get("q") ?? "",
    order: query.get("order") ?? "NAME_ASC",
    site: query.get("site") ?? "",
  };
}

function toFilter(s: State): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  const list = (v: string) => v.split(",").filter(Boolean);
  if (s.org.length) filter.organisation = s.org;
  if (s.kind) filter.kind = list(s.kind);
  if (s.lifecycle) filter.lifecycle = lifecyclesOf(s.lifecycle);
  if (s.criticality) filter.criticality = list(s.criticality);
  if (s.site) filter.site = [s.site];
  if (s.q.trim()) filter.search = s.q.trim();
  return filter;
}

/** The asset list columns (also on the site page). */
export const assetColumns: ExportColumn<AssetRow>[] = [
  {
    header: "Name",
    class: "name-col",
    cell: (a) => h("a", { href: href(`/assets/${a.id}`), class: "asset-link" }, a.name),
    csv: (a) => a.name,
    sort: { asc: AssetOrder.NameAsc, desc: AssetOrder.NameDesc },
  },
  { header: "Org", cell: (a) => orgTag(a.organisation), csv: (a) => a.organisation.code },
  {
    header: "Kind",
    cell: (a) => [
      h("span", null, formatEnum(a.kind)),
      a.subtype ? h("span", { class: "secondary" }, a.subtype) : null,
    ],
    csv: [
      { header: "Kind", value: (a) => formatEnum(a.kind) },
      { header: "Subtype", value: (a) => a.subtype ?? "" },
    ],
  },
  {
    header: "Site",
    cell: (a) =>
      a.site
        ? h("a", { href: href(`/sites/${a.site.id}`), class: "site-link" }, a.site.name)
        : h("span", { class: "muted" }, "—"),
    csv: (a) => a.site?.name ?? "",
  },
  { header: "Lifecycle", cell: (a) => badge(a.lifecycle, "lifecycle"), csv: (a) => formatEnum(a.lifecycle) },
  {
    header: "Criticality",
    cell: (a) => badge(a.criticality, "criticality"),
    csv: (a) => formatEnum(a.criticality),
  },
  {
    header: "Annual run cost",
    align: "num",
    cell: (a) => formatMoney(a.annualRunCost),
    csv: [{ header: "Annual run cost (£)", value: (a) => a.annualRunCost }],
    sort: { asc: AssetOrder.AnnualRunCostAsc, desc: AssetOrder.AnnualRunCostDesc, first: "desc" },
  },
  {
    header: "Updated",
    class: "nowrap",
    cell: (a) => formatDate(a.updatedAt),
    csv: (a) => a.updatedAt,
    sort: { asc: AssetOrder.UpdatedAtAsc, desc: AssetOrder.UpdatedAtDesc, first: "desc" },
  },
];

async function render({ outlet, route, signal }: PageContext): Promise<void> {
  const state = readState(route.query);
  const actions = h("div", { class: "asset-actions" });
  outlet.append(pageHeader("Assets", "Everything that runs or connects, across all organisations.", actions));

  const filters = h("form", {
    class: "filters",
    role: "search",
    "aria-label": "Filter assets",
    onsubmit: (e: Event) => e.preventDefault(),
  });
  const siteChip = h("div", { class: "chips" });
  const list = pagedTable<AssetRow>({
    columns: assetColumns,
    noun: "assets",
    id: "asset",
    signal,
    exportName: "assets",
    order: {
      initial: state.order,
      onChange: (order) => {
        state.order = order;
        writeQuery();
      },
    },
    fetch: async (after, sig, { order, first }) =>
      (
        await gql(
          ASSETS_QUERY,
          {
            filter: toFilter(state),
            orderBy: enumValue(Object.values(AssetOrder), order) ?? null,
            first,
            after,
          },
          sig,
        )
      ).assets,
  });
  outlet.append(filters, siteChip, list.element);

  let orgs: OrgRef[] = [];
  try {
    orgs = await loadOrganisations();
  } catch (err) {
    if (isAbort(err)) return;
    outlet.insertBefore(errorBanner(err, "Could not load organisations"), filters);
  }
  if (signal.aborted) return;
  actions.append(h("a", { class: "button button-secondary", href: href("/registers") }, "Import or export"));
  if (mayIn("editInventory", orgs).length)
    actions.append(h("a", { class: "button", id: "asset-new", href: href("/assets/new") }, "New asset"));

  function writeQuery() {
    replaceQuery({
      org: state.org,
      kind: state.kind,
      lifecycle: state.lifecycle,
      criticality: state.criticality,
      q: state.q.trim(),
      order: state.order === "NAME_ASC" ? "" : state.order,
      site: state.site,
    });
  }
  const reload = () => {
    writeQuery();
    return list.reload();
  };

  const set =
    <K extends keyof State>(key: K) =>
    (value: State[K]) => {
      state[key] = value;
      void reload();
    };

  const search = h("input", {
    type: "search",
    id: "f-q",
    name: "q",
    value: state.q,
    placeholder: "Name, subtype or description",
    autocomplete: "off",
  });
  search.addEventListener(
    "input",
    debounce(() => set("q")(search.value), 300),
  );

  append(
    filters,
    orgs.length
      ? checkboxGroup(
          "Organisation",
          "org",
          orgs.map((o) => ({ value: o.code, label: o.name })),
          state.org,
          set("org"),
        )
      : null,
    selectField("Kind", "kind", enumOptions(ASSET_KINDS, "All kinds"), state.kind, set("kind")),
    selectField("Lifecycle", "lifecycle", LIFECYCLE_FILTER_OPTIONS, state.lifecycle, set("lifecycle")),
    selectField(
      "Criticality",
      "criticality",
      enumOptions(CRITICALITIES, "Any criticality"),
      state.criticality,
      set("criticality"),
    ),
    h("div", { class: "field field-grow" }, h("label", { for: "f-q" }, "Search"), search),
  );

  if (state.site) {
    const chip = h("span", { class: "chip" }, "Site: ", h("span", { class: "chip-value" }, state.site));
    chip.append(
      h(
        "button",
        {
          type: "button",
          class: "chip-remove",
          "aria-label": "Remove site filter",
          onclick: () => {
            state.site = "";
            siteChip.textContent = "";
            void reload();
          },
        },
        "×",
      ),
    );
    siteChip.append(chip);
    gql(
      graphql(`
        query SiteName($id: ID!) {
          site(id: $id) {
            name
          }
        }
      `),
      { id: state.site },
      signal,
    ).then(
      (d) => {
        const value = chip.querySelector(".chip-value");
        if (value && d.site) value.textContent = d.site.name;
      },
      () => undefined,
    );
  }

  await reload();
}

definePage("/assets", render);
registerNav({ label: "Assets", path: "/assets", order: 20 });
