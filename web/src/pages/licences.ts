// "#/licences?org=SCC&capability=CRM&q=…&shelfware=1": entitlements with seats owned vs used.
import { CAPABILITIES } from "../procurement/data.ts";
import { productName } from "../procurement/format.ts";
import { LicenceOrder, RecordStatus, graphql } from "../graphql.ts";
import type { NodeOf, LicencesQuery } from "../graphql.ts";
import { gql, isAbort } from "../api.ts";
import { append, debounce, h } from "../dom.ts";
import { formatDate, formatEnum, formatInt, formatMoney } from "../format.ts";
import { pagedTable, type Connection } from "../list.ts";
import { loadOrganisations, type OrgRef } from "../organisations.ts";
import { may, mayIn } from "../permissions.ts";
import { definePage, href, queryList, registerNav, replaceQuery, type PageContext } from "../router.ts";
import {
  badge,
  checkboxGroup,
  contractValue,
  errorBanner,
  pageHeader,
  selectField,
  type ExportColumn,
  type SelectOption,
  orgTag,
} from "../ui.ts";
import { COMMERCIAL_ROLES, commercialMoney, commercialText, seesCommercialIn } from "../commercial.ts";
import { enumValue } from "../enums.ts";

type LicenceRow = NodeOf<LicencesQuery["licences"]>;

const QUERY = graphql(`
  query Licences($filter: LicenceFilter, $orderBy: LicenceOrder, $first: Int, $after: String) {
    licences(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          metric
          quantityOwned
          quantityUsed
          shelfware
          shortfall
          unitCost
          annualCost
          valuesVisible
          status
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
            capability {
              code
              name
            }
          }
          contract {
            id
            reference
            endDate
            noticeDeadline
            valuesVisible
            value
            annualValue
          }
        }
      }
    }
  }
`);

/** The licence columns; annual cost sorts only when every cost in scope is visible (see seesCommercialIn). */
const columns = (costSortable: () => boolean, mayEdit: (org: string) => boolean): ExportColumn<LicenceRow>[] => [
  {
    header: "Product",
    class: "name-col",
    cell: (l) => [
      h(
        "a",
        { href: href(`/licences/${l.id}`), class: "licence-link strong" },
        l.product.name,
        l.product.edition ? ` ${l.product.edition}` : "",
      ),
      h("span", { class: "secondary" }, l.product.vendor.name),
    ],
    csv: [
      { header: "Product", value: (l) => productName(l.product) },
      { header: "Vendor", value: (l) => l.product.vendor.name },
    ],
  },
  { header: "Org", cell: (l) => orgTag(l.organisation), csv: (l) => l.organisation.code },
  {
    header: "Capability",
    cell: (l) => l.product.capability?.name ?? h("span", { class: "muted" }, "—"),
    csv: (l) => l.product.capability?.name ?? "",
  },
  { header: "Metric", cell: (l) => formatEnum(l.metric), csv: (l) => formatEnum(l.metric) },
  {
    header: "Owned",
    align: "num",
    cell: (l) => formatInt(l.quantityOwned),
    csv: (l) => l.quantityOwned,
    sort: { asc: LicenceOrder.QuantityOwnedAsc, desc: LicenceOrder.QuantityOwnedDesc, first: "desc" },
  },
  { header: "Used", align: "num", cell: (l) => formatInt(l.quantityUsed), csv: (l) => l.quantityUsed },
  {
    header: "Shelfware",
    align: "num",
    cell: (l) =>
      l.shelfware ? h("span", { class: "warn" }, formatInt(l.shelfware)) : h("span", { class: "muted" }, "0"),
    csv: (l) => l.shelfware,
  },
  {
    header: "Shortfall",
    align: "num",
    cell: (l) =>
      l.shortfall
        ? h("span", { class: "danger" }, formatInt(l.shortfall))
        : h("span", { class: "muted" }, "0"),
    csv: (l) => l.shortfall,
  },
  {
    header: "Annual cost",
    align: "num",
    cell: (l) => commercialMoney(l.annualCost, l.valuesVisible, { hiddenFor: [l.organisation.code] }),
    csv: [{ header: "Annual cost (£)", value: (l) => commercialText(l.annualCost, l.valuesVisible) }],
    // Asked each time the table is drawn (after the organisations are known, under the current filter).
    get sort() {
      return costSortable()
        ? { asc: LicenceOrder.AnnualCostAsc, desc: LicenceOrder.AnnualCostDesc, first: "desc" as const }
        : undefined;
    },
  },
  {
    header: "Contract ends",
    class: "nowrap",
    cell: (l) =>
      l.contract
        ? [
            h(
              "a",
              { href: href(`/contracts/${l.contract.id}`), class: "secondary contract-link" },
              l.contract.reference,
            ),
            h("span", null, formatDate(l.contract.endDate)),
            l.contract.noticeDeadline
              ? h("span", { class: "secondary" }, `notice by ${formatDate(l.contract.noticeDeadline)}`)
              : null,
          ]
        : h("span", { class: "muted" }, "—"),
    csv: [
      { header: "Contract", value: (l) => l.contract?.reference ?? "" },
      { header: "Contract ends", value: (l) => l.contract?.endDate ?? "" },
      { header: "Notice by", value: (l) => l.contract?.noticeDeadline ?? "" },
    ],
  },
  {
    header: "Contract value",
    align: "num",
    class: "contract-value-col",
    cell: (l) =>
      l.contract
        ? contractValue(l.contract, (v) => formatMoney(v, { pence: false }))
        : h("span", { class: "muted" }, "—"),
    csv: [
      {
        header: "Contract value (£)",
        value: (l) => (l.contract ? commercialText(l.contract.value, l.contract.valuesVisible) : ""),
      },
      {
        header: "Contract value a year (£)",
        value: (l) => (l.contract ? commercialText(l.contract.annualValue, l.contract.valuesVisible) : ""),
      },
    ],
  },
  { header: "Status", cell: (l) => badge(l.status, "status"), csv: (l) => formatEnum(l.status) },
  {
    header: "",
    csv: false,
    cell: (l) =>
      mayEdit(l.organisation.code)
        ? h(
            "a",
            {
              href: href(`/licences/${l.id}/edit`),
              class: "button button-small button-secondary licence-edit",
            },
            "Edit",
          )
        : null,
  },
];

/** Why an order by annual cost is not applied: the organisations in the list whose costs are hidden. */
function costOrderRefusal(orgs: readonly OrgRef[], filter: readonly string[]): string {
  const scope = filter.length ? filter : orgs.map((o) => o.code);
  const hidden = scope.filter((code) => !seesCommercialIn(orgs, [code]));
  return (
    `Not sorted by annual cost: you may not see the costs of ${hidden.join(", ") || "every organisation"} ` +
    `(they need ${COMMERCIAL_ROLES} there), and the order would reveal them. ` +
    "Filter to organisations whose costs you see to sort by cost."
  );
}

async function render({ outlet, route, signal }: PageContext): Promise<void> {
  const state = {
    org: queryList(route.query, "org"),
    capability: route.query.get("capability") ?? "",
    q: route.query.get("q") ?? "",
    shelfware: route.query.get("shelfware") === "1",
    status: route.query.get("status") ?? "",
    order: route.query.get("order") ?? "",
  };
  const actions = h("div", { class: "asset-actions" });
  outlet.append(
    pageHeader(
      "Licences",
      "Entitlements by organisation: seats owned against seats used, and what they cost a year.",
      actions,
    ),
  );
  const filters = h("form", {
    class: "filters",
    role: "search",
    "aria-label": "Filter licences",
    onsubmit: (e: Event) => e.preventDefault(),
  });
  let orgs: OrgRef[] = [];
  /** Says why an order by annual cost in the address is not applied (empty otherwise). */
  const orderNote = h("p", { class: "hint order-note", id: "licence-order-note", role: "status" });
  const list = pagedTable<LicenceRow>({
    // Costs sort only when every cost in the filtered scope is visible (the server refuses otherwise).
    columns: columns(
      () => seesCommercialIn(orgs, state.org),
      (code) => may("editProcurement", code, orgs),
    ),
    noun: "licences",
    id: "licence",
    signal,
    exportName: "licences",
    order: {
      initial: state.order || undefined,
      onChange: (order) => {
        state.order = order;
        writeQuery();
      },
    },
    fetch: async (after, sig, { order, first }) => {
      const filter: Record<string, unknown> = {};
      if (state.org.length) filter.organisation = state.org;
      if (state.capability) filter.capability = [state.capability];
      if (state.q.trim()) filter.search = state.q.trim();
      if (state.shelfware) filter.shelfwareOnly = true;
      const status = enumValue(Object.values(RecordStatus), state.status);
      if (status) filter.status = [status];
      let orderBy = enumValue(Object.values(LicenceOrder), order) ?? null;
      const refused = Boolean(orderBy?.startsWith("ANNUAL_COST") && !seesCommercialIn(orgs, state.org));
      if (refused) orderBy = null;
      orderNote.textContent = refused ? costOrderRefusal(orgs, state.org) : "";
      return (await gql(QUERY, { filter, orderBy, first, after }, sig)).licences;
    },
  });
  outlet.append(filters, orderNote, list.element);

  let capabilities: { code: string; name: string }[] = [];
  try {
    [orgs, capabilities] = await Promise.all([
      loadOrganisations(),
      gql(CAPABILITIES, {}, signal).then((d) => d.capabilities),
    ]);
  } catch (err) {
    if (isAbort(err)) return;
    outlet.insertBefore(errorBanner(err, "Could not load filter options"), filters);
  }
  if (signal.aborted) return;
  if (mayIn("editProcurement", orgs).length)
    actions.append(
      h("a", { class: "button", id: "licence-new", href: href("/licences/new") }, "New licence"),
      h(
        "a",
        { class: "button button-secondary", id: "contract-new", href: href("/contracts/new") },
        "New contract",
      ),
    );

  function writeQuery() {
    replaceQuery({
      org: state.org,
      capability: state.capability,
      q: state.q.trim(),
      shelfware: state.shelfware ? "1" : "",
      status: state.status,
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
  const capabilityOptions: SelectOption[] = [
    { value: "", label: "All capabilities" },
    ...[...capabilities]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => ({ value: c.code, label: c.name })),
  ];
  const search = h("input", {
    type: "search",
    id: "f-q",
    name: "q",
    value: state.q,
    placeholder: "Product or vendor",
    autocomplete: "off",
  });
  search.addEventListener(
    "input",
    debounce(() => set("q")(search.value), 300),
  );
  const shelf = h("input", { type: "checkbox", id: "f-shelfware", checked: state.shelfware });
  shelf.addEventListener("change", () => set("shelfware")(shelf.checked));
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
    selectField("Capability", "capability", capabilityOptions, state.capability, set("capability")),
    selectField(
      "Status",
      "status",
      [
        { value: "", label: "Any status" },
        ...Object.values(RecordStatus).map((v) => ({ value: v, label: v[0] + v.slice(1).toLowerCase() })),
      ],
      state.status,
      set("status"),
    ),
    h("div", { class: "field field-grow" }, h("label", { for: "f-q" }, "Search"), search),
    h("div", { class: "field field-check" }, h("label", { class: "checkbox" }, shelf, "Shelfware only")),
  );
  await reload();
}

definePage("/licences", render);
registerNav({ label: "Licences", path: "/licences", order: 40 });
