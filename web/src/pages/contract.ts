// "#/contracts/<id>": one contract — supplier, term, notice and value (commercial: "hidden" as the API
// hides it), the licences bought under it, and its change history. "Edit or retire" (the contract
// editor) is offered only where your roles allow it.
import { graphql } from "../graphql.ts";
import type { ContractQuery } from "../graphql.ts";
import { gql } from "../api.ts";
import { h } from "../dom.ts";
import { commercialMoney, commercialText } from "../commercial.ts";
import { formatDate, formatDateTime, formatEnum, formatInt } from "../format.ts";
import { productName } from "../procurement/format.ts";
import { exportButton } from "../export.ts";
import { loadOrganisations } from "../organisations.ts";
import { may } from "../permissions.ts";
import { definePage, href, type PageContext } from "../router.ts";
import { badge, dataTable, definitionList, empty, loading, orgTag, pageHeader, type ExportColumn } from "../ui.ts";
import { historySection } from "./history.ts";

const QUERY = graphql(`
  query Contract($id: ID!) {
    contract(id: $id) {
      id
      reference
      title
      description
      supplierName
      startDate
      endDate
      noticePeriodDays
      noticeDeadline
      valuesVisible
      value
      annualValue
      renewalTerms
      cpvCode
      ocid
      status
      version
      updatedAt
      organisation {
        code
        name
      }
      licences {
        id
        metric
        quantityOwned
        quantityUsed
        annualCost
        valuesVisible
        status
        product {
          name
          edition
          vendor {
            name
          }
        }
      }
    }
    auditTrail(entityId: $id) {
      id
      at
      actor
      action
      entityType
      entityId
      before
      after
      valuesVisible
      organisation {
        code
        name
      }
    }
  }
`);

type ContractDetail = NonNullable<ContractQuery["contract"]>;
type LicenceRow = ContractDetail["licences"][number];

function detailsCard(c: ContractDetail): HTMLElement {
  const money = (v: string | null | undefined) =>
    commercialMoney(v, c.valuesVisible, { hiddenFor: [c.organisation.code] });
  return h(
    "section",
    { class: "card", id: "details", "aria-labelledby": "details-h" },
    h("h2", { id: "details-h" }, "Details"),
    definitionList([
      ["Organisation", `${c.organisation.name} (${c.organisation.code})`],
      ["Supplier", c.supplierName ?? "—"],
      ["Starts", formatDate(c.startDate)],
      ["Ends", formatDate(c.endDate)],
      ["Notice period", c.noticePeriodDays == null ? "—" : `${formatInt(c.noticePeriodDays)} days`],
      ["Notice by", formatDate(c.noticeDeadline)],
      ["Total value", money(c.value)],
      ["Annual value", money(c.annualValue)],
      ["Renewal terms", c.renewalTerms ? h("span", { class: "description" }, c.renewalTerms) : "—"],
      ["CPV code", c.cpvCode ?? "—"],
      ["OCDS ocid", c.ocid ?? "—"],
      ["Last updated", `${formatDateTime(c.updatedAt)} (version ${c.version})`],
      ["Description", c.description ? h("span", { class: "description" }, c.description) : "—"],
    ]),
  );
}

const licenceColumns = (orgCode: string): ExportColumn<LicenceRow>[] => [
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
  { header: "Metric", cell: (l) => formatEnum(l.metric), csv: (l) => formatEnum(l.metric) },
  { header: "Owned", align: "num", cell: (l) => formatInt(l.quantityOwned), csv: (l) => l.quantityOwned },
  { header: "Used", align: "num", cell: (l) => formatInt(l.quantityUsed), csv: (l) => l.quantityUsed },
  {
    header: "Annual cost",
    align: "num",
    cell: (l) => commercialMoney(l.annualCost, l.valuesVisible, { hiddenFor: [orgCode] }),
    csv: [{ header: "Annual cost (£)", value: (l) => commercialText(l.annualCost, l.valuesVisible) }],
  },
  { header: "Status", cell: (l) => badge(l.status, "status"), csv: (l) => formatEnum(l.status) },
];

async function render({ outlet, route, signal }: PageContext): Promise<void> {
  const id = route.params.id ?? "";
  const status = outlet.appendChild(loading("Loading contract…"));
  const [data, orgs] = await Promise.all([gql(QUERY, { id }, signal), loadOrganisations()]);
  status.remove();
  const c = data.contract;
  const back = h("a", { href: href("/contracts"), class: "back" }, "← All contracts");
  if (!c) {
    outlet.append(back, pageHeader("Contract not found"), empty(`There is no contract with ID ${id}.`));
    return;
  }
  const columns = licenceColumns(c.organisation.code);
  outlet.append(
    back,
    pageHeader(
      `${c.reference} — ${c.title}`,
      h(
        "span",
        { class: "header-badges" },
        badge(c.status, "status"),
        orgTag(c.organisation),
        h("span", { class: "muted" }, c.organisation.name),
      ),
      h(
        "div",
        { class: "asset-actions" },
        may("editProcurement", c.organisation.code, orgs)
          ? h(
              "a",
              { class: "button", id: "contract-edit", href: href(`/contracts/${c.id}/edit`) },
              c.status === "RETIRED" ? "Edit contract" : "Edit or retire",
            )
          : null,
      ),
    ),
    detailsCard(c),
    h(
      "section",
      { class: "card card-list", id: "contract-licences", "aria-labelledby": "contract-licences-h" },
      h(
        "h2",
        { id: "contract-licences-h" },
        "Licences under this contract",
        h("span", { class: "count" }, String(c.licences.length)),
      ),
      c.licences.length
        ? [
            h(
              "div",
              { class: "list-bar" },
              exportButton(
                "contract-licences-export",
                `licences-of-${c.reference}`,
                columns,
                () => c.licences,
              ),
            ),
            dataTable(columns, c.licences, "Licences under this contract").wrap,
          ]
        : empty("No licences are recorded under this contract."),
    ),
    historySection(c.id, data.auditTrail),
  );
}

definePage("/contracts/:id", render);
