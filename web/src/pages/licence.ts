// "#/licences/<id>": one licence — its product, seats owned against used, price and cost (commercial:
// "hidden" as the API hides them), the contract it is bought under, the organisation's assets running
// its product, and its change history. "Edit or retire" (the licence editor) is offered only where your
// roles allow it.
import { AssetOrder, graphql } from "../graphql.ts";
import type { LicenceQuery } from "../graphql.ts";
import { gql } from "../api.ts";
import { h } from "../dom.ts";
import { commercialMoney } from "../commercial.ts";
import { enumValue } from "../enums.ts";
import { formatDate, formatDateTime, formatEnum, formatInt, formatMoney } from "../format.ts";
import { pagedTable } from "../list.ts";
import { loadOrganisations } from "../organisations.ts";
import { may } from "../permissions.ts";
import { definePage, href, type PageContext } from "../router.ts";
import { badge, contractValue, definitionList, empty, loading, orgTag, pageHeader } from "../ui.ts";
import { ASSETS_QUERY, assetColumns, type AssetRow } from "./assets.ts";
import { historySection } from "./history.ts";

const QUERY = graphql(`
  query Licence($id: ID!) {
    licence(id: $id) {
      id
      metric
      quantityOwned
      quantityUsed
      shelfware
      shortfall
      valuesVisible
      unitCost
      annualCost
      status
      notes
      version
      updatedAt
      organisation {
        code
        name
      }
      product {
        id
        name
        edition
        vendor {
          name
        }
        capability {
          name
        }
      }
      contract {
        id
        reference
        title
        supplierName
        endDate
        noticeDeadline
        status
        valuesVisible
        value
        annualValue
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

type LicenceDetail = NonNullable<LicenceQuery["licence"]>;

/** "Microsoft 365 E3" */
const productName = (p: LicenceDetail["product"]) => `${p.name}${p.edition ? ` ${p.edition}` : ""}`;

function detailsCard(l: LicenceDetail): HTMLElement {
  const money = (v: string | null | undefined) =>
    commercialMoney(v, l.valuesVisible, { hiddenFor: [l.organisation.code] });
  return h(
    "section",
    { class: "card", id: "details", "aria-labelledby": "details-h" },
    h("h2", { id: "details-h" }, "Details"),
    definitionList([
      ["Organisation", `${l.organisation.name} (${l.organisation.code})`],
      ["Product", `${productName(l.product)} — ${l.product.vendor.name}`],
      ["Capability", l.product.capability?.name ?? "—"],
      ["Metric", formatEnum(l.metric)],
      ["Seats owned", formatInt(l.quantityOwned)],
      ["Seats used", formatInt(l.quantityUsed)],
      [
        "Balance",
        l.shelfware
          ? h("span", { class: "warn" }, `${formatInt(l.shelfware)} spare (shelfware)`)
          : l.shortfall
            ? h("span", { class: "danger" }, `${formatInt(l.shortfall)} short (shortfall)`)
            : "Owned = used",
      ],
      ["Unit cost", money(l.unitCost)],
      ["Annual cost", money(l.annualCost)],
      ["Last updated", `${formatDateTime(l.updatedAt)} (version ${l.version})`],
      ["Notes", l.notes ? h("span", { class: "description" }, l.notes) : "—"],
    ]),
  );
}

function contractCard(l: LicenceDetail): HTMLElement {
  const c = l.contract;
  return h(
    "section",
    { class: "card", id: "licence-contract", "aria-labelledby": "licence-contract-h" },
    h("h2", { id: "licence-contract-h" }, "Contract"),
    c
      ? definitionList([
          [
            "Contract",
            h(
              "a",
              { href: href(`/contracts/${c.id}`), class: "contract-link strong" },
              `${c.reference} — ${c.title}`,
            ),
          ],
          ["Supplier", c.supplierName ?? "—"],
          ["Ends", formatDate(c.endDate)],
          ["Notice by", formatDate(c.noticeDeadline)],
          ["Value", contractValue(c, (v) => formatMoney(v, { pence: false }))],
          ["Status", badge(c.status, "status")],
        ])
      : empty("This licence is not recorded under a contract."),
  );
}

async function render({ outlet, route, signal }: PageContext): Promise<void> {
  const id = route.params.id ?? "";
  const status = outlet.appendChild(loading("Loading licence…"));
  const [data, orgs] = await Promise.all([gql(QUERY, { id }, signal), loadOrganisations()]);
  status.remove();
  const l = data.licence;
  const back = h("a", { href: href("/licences"), class: "back" }, "← All licences");
  if (!l) {
    outlet.append(back, pageHeader("Licence not found"), empty(`There is no licence with ID ${id}.`));
    return;
  }
  let order = route.query.get("order") ?? undefined;
  const assets = pagedTable<AssetRow>({
    columns: assetColumns,
    noun: "assets",
    id: "licence-asset",
    signal,
    exportName: `assets-running-${productName(l.product)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}`,
    emptyMessage: `No ${l.organisation.code} asset is linked to ${productName(l.product)}.`,
    order: { initial: order, onChange: (next) => (order = next) },
    fetch: async (after, sig, { order: o, first }) =>
      (
        await gql(
          ASSETS_QUERY,
          {
            filter: { product: [l.product.id], organisation: [l.organisation.code] },
            orderBy: enumValue(Object.values(AssetOrder), o) ?? null,
            first,
            after,
          },
          sig,
        )
      ).assets,
  });
  outlet.append(
    back,
    pageHeader(
      `${productName(l.product)} (${l.organisation.code})`,
      h(
        "span",
        { class: "header-badges" },
        badge(l.status, "status"),
        orgTag(l.organisation),
        h("span", { class: "muted" }, `${formatEnum(l.metric)} licence · ${l.product.vendor.name}`),
      ),
      h(
        "div",
        { class: "asset-actions" },
        may("editProcurement", l.organisation.code, orgs)
          ? h(
              "a",
              { class: "button", id: "licence-edit", href: href(`/licences/${l.id}/edit`) },
              l.status === "RETIRED" ? "Edit licence" : "Edit or retire",
            )
          : null,
      ),
    ),
    detailsCard(l),
    contractCard(l),
    h(
      "section",
      { class: "card card-list", id: "licence-assets", "aria-labelledby": "licence-assets-h" },
      h("h2", { id: "licence-assets-h" }, `${l.organisation.code} assets running ${productName(l.product)}`),
      assets.element,
    ),
    historySection(l.id, data.auditTrail),
  );
  await assets.reload();
}

definePage("/licences/:id", render);
