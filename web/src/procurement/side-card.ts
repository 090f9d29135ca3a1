// One organisation's side of an overlap: its licences, its contracts and related procurement records,
// each licence and contract linking to its own page.
import { h } from "../dom.ts";
import { href } from "../router.ts";
import { commercialMoney } from "../commercial.ts";
import { formatDate, formatEnum, formatInt } from "../format.ts";
import { dataTable, empty, type Column } from "../ui.ts";
import type { DetailSide } from "./detail-data.ts";
import { seatsText } from "./format.ts";

type Licence = DetailSide["licences"][number];

const LICENCE_COLUMNS: Column<Licence>[] = [
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
      h(
        "span",
        { class: "secondary" },
        l.product.vendor.name,
        l.contract
          ? [
              " · ",
              h(
                "a",
                { href: href(`/contracts/${l.contract.id}`), class: "contract-link" },
                l.contract.reference,
              ),
            ]
          : null,
      ),
    ],
  },
  { header: "Metric", cell: (l) => formatEnum(l.metric) },
  {
    header: "Used",
    align: "num",
    cell: (l) =>
      h("span", { class: l.quantityUsed > l.quantityOwned ? "danger" : "" }, formatInt(l.quantityUsed)),
  },
  { header: "Owned", align: "num", cell: (l) => formatInt(l.quantityOwned) },
  { header: "Unit", align: "num", cell: (l) => commercialMoney(l.unitCost, l.valuesVisible) },
  { header: "Annual", align: "num", cell: (l) => commercialMoney(l.annualCost, l.valuesVisible) },
];

function licencesTable(side: DetailSide): HTMLElement {
  const table = dataTable(LICENCE_COLUMNS, side.licences);
  for (const [i, tr] of [...table.tbody.rows].entries()) tr.dataset.licence = side.licences[i]!.id;
  return table.wrap;
}

function contractList(side: DetailSide): HTMLElement {
  if (!side.contracts.length) return empty("No contract recorded for these licences.");
  return h(
    "ul",
    { class: "proc-contracts", style: "padding-left:18px;margin:8px 0" },
    side.contracts.map((c) =>
      h(
        "li",
        { style: "margin-bottom:6px" },
        h("a", { href: href(`/contracts/${c.id}`), class: "contract-link strong" }, c.reference),
        ` ${c.title}`,
        h(
          "span",
          { class: "secondary" },
          `${c.supplierName ?? "supplier not recorded"} · ends ${formatDate(c.endDate)} · notice by ${formatDate(c.noticeDeadline)} · annual value `,
          commercialMoney(c.annualValue, c.valuesVisible),
        ),
        c.renewalTerms ? h("span", { class: "secondary" }, c.renewalTerms) : null,
      ),
    ),
  );
}

function relatedRecords(side: DetailSide): HTMLElement[] | null {
  if (!side.relatedContracts.length) return null;
  return [
    h("h3", { style: "font-size:0.95rem;margin:12px 0 4px" }, "Related procurement records"),
    h(
      "ul",
      { style: "padding-left:18px;margin:4px 0" },
      side.relatedContracts.map((c) =>
        h(
          "li",
          null,
          h("a", { href: href(`/contracts/${c.id}`), class: "contract-link strong" }, c.reference),
          ` ${c.title}`,
          h(
            "span",
            { class: "secondary" },
            `ends ${formatDate(c.endDate)} · capability by ${c.capability.method.toLowerCase()}${c.capability.evidence ? ` (${c.capability.evidence})` : ""}${c.ocid ? ` · ${c.ocid}` : ""}`,
          ),
        ),
      ),
    ),
  ];
}

/**
 * The card for one side (`.side-card[data-org=<code>]`). A side with no licences (a contract-only
 * overlap) shows its contracts' recorded annual value instead of licence cost and seats.
 */
export function sideCard(side: DetailSide): HTMLElement {
  const contractsOnly = side.licences.length === 0;
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
      h(
        "div",
        null,
        h("dt", null, contractsOnly ? "Contracts' annual value" : "Annual licence cost"),
        h(
          "dd",
          null,
          commercialMoney(side.annualCost, side.valuesVisible, { hiddenFor: [side.organisation.code] }),
        ),
      ),
      contractsOnly
        ? null
        : h("div", null, h("dt", null, "Seats used of owned"), h("dd", null, seatsText(side.seats))),
    ),
    contractsOnly ? null : licencesTable(side),
    h("h3", { style: "font-size:0.95rem;margin:12px 0 4px" }, "Contracts"),
    contractList(side),
    relatedRecords(side),
  );
}
