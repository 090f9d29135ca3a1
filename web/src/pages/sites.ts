// "#/sites?org=SCC&kind=DATA_CENTRE&q=…": data centres, comms rooms, offices, schools and colocation.
import { SiteOrder, graphql } from "../graphql.ts";
import type { NodeOf, SitesQuery } from "../graphql.ts";
import { gql, isAbort } from "../api.ts";
import { append, debounce, h } from "../dom.ts";
import { SITE_KINDS, enumValue, LIFECYCLE_FILTER_OPTIONS, lifecyclesOf } from "../enums.ts";
import { formatDate, formatEnum, formatInt, formatMoney, formatNumber } from "../format.ts";
import { pagedTable, type Connection } from "../list.ts";
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
  usageBar,
  type ExportColumn,
  orgTag,
} from "../ui.ts";

type SiteRow = NodeOf<SitesQuery["sites"]>;

const QUERY = graphql(`
  query Sites($filter: SiteFilter, $orderBy: SiteOrder, $first: Int, $after: String) {
    sites(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          kind
          lifecycle
          postcode
          racks
          racksUsed
          powerKw
          powerUsedKw
          floorSpaceM2
          pue
          tier
          leaseEnd
          annualCost
          organisation {
            code
            name
          }
          assets(first: 1) {
            totalCount
          }
        }
      }
    }
  }
`);

const columns: ExportColumn<SiteRow>[] = [
  {
    header: "Name",
    class: "name-col",
    cell: (s) => [
      h("a", { href: href(`/sites/${s.id}`), class: "strong site-link" }, s.name),
      s.postcode ? h("span", { class: "secondary" }, s.postcode) : null,
    ],
    csv: [
      { header: "Name", value: (s) => s.name },
      { header: "Postcode", value: (s) => s.postcode ?? "" },
    ],
    sort: { asc: SiteOrder.NameAsc, desc: SiteOrder.NameDesc },
  },
  { header: "Org", cell: (s) => orgTag(s.organisation), csv: (s) => s.organisation.code },
  { header: "Kind", cell: (s) => formatEnum(s.kind), csv: (s) => formatEnum(s.kind) },
  { header: "Lifecycle", cell: (s) => badge(s.lifecycle, "lifecycle"), csv: (s) => formatEnum(s.lifecycle) },
  {
    header: "Racks",
    class: "usage-col",
    cell: (s) => usageBar(s.racksUsed, s.racks, "", formatInt),
    csv: [
      { header: "Racks used", value: (s) => s.racksUsed ?? null },
      { header: "Racks", value: (s) => s.racks ?? null },
    ],
  },
  {
    header: "Power",
    class: "usage-col",
    cell: (s) => usageBar(s.powerUsedKw, s.powerKw, "kW", (n) => formatNumber(n)),
    csv: [
      { header: "Power used (kW)", value: (s) => s.powerUsedKw ?? null },
      { header: "Power (kW)", value: (s) => s.powerKw ?? null },
    ],
  },
  {
    header: "Floor",
    align: "num",
    cell: (s) => formatNumber(s.floorSpaceM2, "m²", 0),
    csv: [{ header: "Floor (m²)", value: (s) => s.floorSpaceM2 ?? null }],
  },
  { header: "PUE", align: "num", cell: (s) => formatNumber(s.pue, "", 2), csv: (s) => s.pue ?? null },
  {
    header: "Tier",
    align: "num",
    cell: (s) => (s.tier == null ? "—" : String(s.tier)),
    csv: (s) => s.tier ?? null,
  },
  { header: "Lease ends", class: "nowrap", cell: (s) => formatDate(s.leaseEnd), csv: (s) => s.leaseEnd ?? "" },
  {
    header: "Annual cost",
    align: "num",
    cell: (s) => formatMoney(s.annualCost),
    csv: [{ header: "Annual cost (£)", value: (s) => s.annualCost }],
    sort: { asc: SiteOrder.AnnualCostAsc, desc: SiteOrder.AnnualCostDesc, first: "desc" },
  },
  {
    header: "Assets",
    align: "num",
    cell: (s) =>
      s.assets.totalCount
        ? h("a", { href: href("/assets", { site: s.id }) }, formatInt(s.assets.totalCount))
        : "0",
    csv: (s) => s.assets.totalCount,
  },
  {
    header: "Impact",
    csv: false,
    cell: (s) =>
      h(
        "a",
        { href: href("/graph", { site: s.id }), title: "What would stop if this site closed" },
        "In graph",
      ),
  },
];

async function render({ outlet, route, signal }: PageContext): Promise<void> {
  const state = {
    org: queryList(route.query, "org"),
    kind: route.query.get("kind") ?? "",
    lifecycle: route.query.get("lifecycle") ?? "",
    q: route.query.get("q") ?? "",
    order: route.query.get("order") ?? "",
  };
  const actions = h("div", { class: "asset-actions" });
  outlet.append(
    pageHeader("Sites", "Data centres, comms rooms, offices, schools and colocation space.", actions),
  );
  const filters = h("form", {
    class: "filters",
    role: "search",
    "aria-label": "Filter sites",
    onsubmit: (e: Event) => e.preventDefault(),
  });
  const list = pagedTable<SiteRow>({
    columns,
    noun: "sites",
    id: "site",
    signal,
    exportName: "sites",
    order: {
      initial: state.order || SiteOrder.NameAsc,
      onChange: (order) => {
        state.order = order;
        writeQuery();
      },
    },
    fetch: async (after, sig, { order, first }) => {
      const filter: Record<string, unknown> = {};
      if (state.org.length) filter.organisation = state.org;
      if (state.kind) filter.kind = [state.kind];
      if (state.lifecycle) filter.lifecycle = lifecyclesOf(state.lifecycle);
      if (state.q.trim()) filter.search = state.q.trim();
      const orderBy = enumValue(Object.values(SiteOrder), order) ?? null;
      return (await gql(QUERY, { filter, orderBy, first, after }, sig)).sites;
    },
  });
  outlet.append(filters, list.element);

  let orgs: OrgRef[] = [];
  try {
    orgs = await loadOrganisations();
  } catch (err) {
    if (isAbort(err)) return;
    outlet.insertBefore(errorBanner(err, "Could not load organisations"), filters);
  }
  if (signal.aborted) return;
  if (mayIn("editInventory", orgs).length)
    actions.append(h("a", { class: "button", id: "site-new", href: href("/sites/new") }, "New site"));
  actions.prepend(h("a", { class: "button button-secondary", href: href("/registers") }, "Import or export"));

  function writeQuery() {
    replaceQuery({
      org: state.org,
      kind: state.kind,
      lifecycle: state.lifecycle,
      q: state.q.trim(),
      order: state.order,
    });
  }
  const reload = () => {
    writeQuery();
    return list.reload();
  };
  const set =
    <K extends keyof typeof state>(key: K) =>
    (value: (typeof state)[K]) => {
      state[key] = value;
      void reload();
    };
  const search = h("input", {
    type: "search",
    id: "f-q",
    name: "q",
    value: state.q,
    placeholder: "Site name",
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
    selectField("Kind", "kind", enumOptions(SITE_KINDS, "All kinds"), state.kind, set("kind")),
    selectField("Lifecycle", "lifecycle", LIFECYCLE_FILTER_OPTIONS, state.lifecycle, set("lifecycle")),
    h("div", { class: "field field-grow" }, h("label", { for: "f-q" }, "Search"), search),
  );
  await reload();
}

definePage("/sites", render);
registerNav({ label: "Sites", path: "/sites", order: 30 });
