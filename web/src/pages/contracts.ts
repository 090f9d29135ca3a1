// "#/contracts?org=SCC&q=…&endsBefore=2027-03-31&status=ACTIVE&order=END_DATE_ASC": supply contracts,
// sorted on the server by their column headers (so the order holds across pages), filtered, exported.
// Values are commercial: shown as the API gives them ("hidden" where your roles do not reach).
import { ContractOrder, RecordStatus, graphql } from "../graphql.ts";
import type { NodeOf, ContractsQuery } from "../graphql.ts";
import { gql, isAbort } from "../api.ts";
import { append, debounce, h } from "../dom.ts";
import { enumValue } from "../enums.ts";
import { formatDate, formatEnum, formatInt } from "../format.ts";
import { pagedTable } from "../list.ts";
import { loadOrganisations, type OrgRef } from "../organisations.ts";
import { mayIn } from "../permissions.ts";
import { definePage, href, queryList, registerNav, replaceQuery, type PageContext } from "../router.ts";
import { commercialMoney, commercialText } from "../commercial.ts";
import { badge, checkboxGroup, errorBanner, orgTag, pageHeader, selectField, type ExportColumn } from "../ui.ts";

type ContractRow = NodeOf<ContractsQuery["contracts"]>;

const QUERY = graphql(`
  query Contracts($filter: ContractFilter, $orderBy: ContractOrder, $first: Int, $after: String) {
    contracts(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          reference
          title
          supplierName
          startDate
          endDate
          noticeDeadline
          valuesVisible
          value
          annualValue
          status
          organisation {
            code
            name
          }
          licences {
            id
          }
        }
      }
    }
  }
`);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const muted = (text = "—") => h("span", { class: "muted" }, text);

/** The contract columns; reference, title, supplier and end date sort on the server. */
export const contractColumns: ExportColumn<ContractRow>[] = [
  {
    header: "Reference",
    class: "nowrap",
    cell: (c) => h("a", { href: href(`/contracts/${c.id}`), class: "contract-link strong" }, c.reference),
    csv: (c) => c.reference,
    sort: { asc: ContractOrder.ReferenceAsc, desc: ContractOrder.ReferenceDesc },
  },
  {
    header: "Title",
    class: "name-col",
    cell: (c) => c.title,
    csv: (c) => c.title,
    sort: { asc: ContractOrder.TitleAsc, desc: ContractOrder.TitleDesc },
  },
  { header: "Org", cell: (c) => orgTag(c.organisation), csv: (c) => c.organisation.code },
  {
    header: "Supplier",
    cell: (c) => c.supplierName ?? muted(),
    csv: (c) => c.supplierName ?? "",
    sort: { asc: ContractOrder.SupplierAsc, desc: ContractOrder.SupplierDesc },
  },
  { header: "Starts", class: "nowrap", cell: (c) => formatDate(c.startDate), csv: (c) => c.startDate ?? "" },
  {
    header: "Ends",
    class: "nowrap",
    cell: (c) => formatDate(c.endDate),
    csv: (c) => c.endDate ?? "",
    sort: { asc: ContractOrder.EndDateAsc, desc: ContractOrder.EndDateDesc },
  },
  {
    header: "Notice by",
    class: "nowrap",
    cell: (c) => formatDate(c.noticeDeadline),
    csv: (c) => c.noticeDeadline ?? "",
  },
  {
    header: "Value",
    align: "num",
    cell: (c) =>
      commercialMoney(c.value, c.valuesVisible, { pence: false, hiddenFor: [c.organisation.code] }),
    csv: [{ header: "Value (£)", value: (c) => commercialText(c.value, c.valuesVisible) }],
  },
  {
    header: "A year",
    align: "num",
    cell: (c) =>
      commercialMoney(c.annualValue, c.valuesVisible, { pence: false, hiddenFor: [c.organisation.code] }),
    csv: [{ header: "A year (£)", value: (c) => commercialText(c.annualValue, c.valuesVisible) }],
  },
  {
    header: "Licences",
    align: "num",
    cell: (c) => (c.licences.length ? formatInt(c.licences.length) : muted("0")),
    csv: (c) => c.licences.length,
  },
  { header: "Status", cell: (c) => badge(c.status, "status"), csv: (c) => formatEnum(c.status) },
];

async function render({ outlet, route, signal }: PageContext): Promise<void> {
  const state = {
    org: queryList(route.query, "org"),
    q: route.query.get("q") ?? "",
    endsBefore: route.query.get("endsBefore") ?? "",
    status: route.query.get("status") ?? "",
    order: route.query.get("order") ?? "",
  };
  const actions = h("div", { class: "asset-actions" });
  outlet.append(
    pageHeader(
      "Contracts",
      "Supply contracts by organisation: supplier, term, notice and value, with the licences bought under each.",
      actions,
    ),
  );
  const filters = h("form", {
    class: "filters",
    role: "search",
    "aria-label": "Filter contracts",
    onsubmit: (e: Event) => e.preventDefault(),
  });
  const list = pagedTable<ContractRow>({
    columns: contractColumns,
    noun: "contracts",
    id: "contract",
    signal,
    exportName: "contracts",
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
      if (state.q.trim()) filter.search = state.q.trim();
      if (DATE.test(state.endsBefore)) filter.endsBefore = state.endsBefore;
      const status = enumValue(Object.values(RecordStatus), state.status);
      if (status) filter.status = [status];
      const orderBy = enumValue(Object.values(ContractOrder), order) ?? null;
      return (await gql(QUERY, { filter, orderBy, first, after }, sig)).contracts;
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
  if (mayIn("editProcurement", orgs).length)
    actions.append(
      h("a", { class: "button", id: "contract-new", href: href("/contracts/new") }, "New contract"),
    );

  function writeQuery() {
    replaceQuery({
      org: state.org,
      q: state.q.trim(),
      endsBefore: state.endsBefore,
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
  const search = h("input", {
    type: "search",
    id: "f-q",
    name: "q",
    value: state.q,
    placeholder: "Reference, title or supplier",
    autocomplete: "off",
  });
  search.addEventListener(
    "input",
    debounce(() => set("q")(search.value), 300),
  );
  const endsBefore = h("input", {
    type: "date",
    id: "f-ends-before",
    name: "endsBefore",
    value: state.endsBefore,
  });
  endsBefore.addEventListener("change", () =>
    set("endsBefore")(DATE.test(endsBefore.value) ? endsBefore.value : ""),
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
    h("div", { class: "field" }, h("label", { for: "f-ends-before" }, "Ending on or before"), endsBefore),
    h("div", { class: "field field-grow" }, h("label", { for: "f-q" }, "Search"), search),
  );
  await reload();
}

definePage("/contracts", render);
registerNav({ label: "Contracts", path: "/contracts", order: 45 });
