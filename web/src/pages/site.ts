// "#/sites/<id>": one site — its details and capacity, the assets located there (sortable, exportable),
// and its change history.
import { AssetOrder, graphql } from "../graphql.ts";
import type { SiteQuery } from "../graphql.ts";
import { gql } from "../api.ts";
import { h } from "../dom.ts";
import { enumValue } from "../enums.ts";
import { formatDate, formatDateTime, formatEnum, formatInt, formatMoney, formatNumber } from "../format.ts";
import { pagedTable } from "../list.ts";
import { loadOrganisations } from "../organisations.ts";
import { may } from "../permissions.ts";
import { definePage, href, type PageContext } from "../router.ts";
import { badge, dataTable, definitionList, empty, loading, pageHeader, usageBar } from "../ui.ts";
import { ASSETS_QUERY, assetColumns, type AssetRow } from "./assets.ts";
import { historySection } from "./history.ts";

const QUERY = graphql(`
  query Site($id: ID!) {
    site(id: $id) {
      id
      name
      kind
      lifecycle
      address
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
      description
      version
      updatedAt
      organisation {
        code
        name
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

/** The site as this page reads it. */
export type SiteDetail = NonNullable<SiteQuery["site"]>;

/** The details card of a site. */
function detailsCard(s: SiteDetail): HTMLElement {
  const int = (n: number | null | undefined) => formatInt(n);
  const num = (n: number | null | undefined) => formatNumber(n);
  return h(
    "section",
    { class: "card", id: "details", "aria-labelledby": "details-h" },
    h("h2", { id: "details-h" }, "Details"),
    definitionList([
      ["Organisation", `${s.organisation.name} (${s.organisation.code})`],
      ["Kind", formatEnum(s.kind)],
      ["Address", s.address ?? "—"],
      ["Postcode", s.postcode ?? "—"],
      ["Racks", s.racks != null ? usageBar(s.racksUsed, s.racks, "", int) : "—"],
      ["Power", s.powerKw != null ? usageBar(s.powerUsedKw, s.powerKw, "kW", num) : "—"],
      ["Floor space", formatNumber(s.floorSpaceM2, "m²", 0)],
      ["PUE", formatNumber(s.pue, "", 2)],
      ["Tier", s.tier == null ? "—" : String(s.tier)],
      ["Lease ends", formatDate(s.leaseEnd)],
      ["Annual cost", formatMoney(s.annualCost)],
      ["Last updated", `${formatDateTime(s.updatedAt)} (version ${s.version})`],
      ["Description", s.description ? h("span", { class: "description" }, s.description) : "—"],
    ]),
  );
}

async function render({ outlet, route, signal }: PageContext): Promise<void> {
  const id = route.params.id ?? "";
  const status = outlet.appendChild(loading("Loading site…"));
  const [data, orgs] = await Promise.all([gql(QUERY, { id }, signal), loadOrganisations()]);
  status.remove();
  const s = data.site;
  const back = h("a", { href: href("/sites"), class: "back" }, "← All sites");
  if (!s) {
    outlet.append(back, pageHeader("Site not found"), empty(`There is no site with ID ${id}.`));
    return;
  }
  let order = route.query.get("order") ?? undefined;
  const assets = pagedTable<AssetRow>({
    columns: assetColumns,
    noun: "assets",
    id: "site-asset",
    signal,
    exportName: `assets-at-${s.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}`,
    emptyMessage: "No assets are located at this site.",
    order: { initial: order, onChange: (next) => (order = next) },
    fetch: async (after, sig, { order: o, first }) =>
      (
        await gql(
          ASSETS_QUERY,
          {
            filter: { site: [s.id] },
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
      s.name,
      h(
        "span",
        { class: "header-badges" },
        badge(s.kind, "kind"),
        badge(s.lifecycle, "lifecycle"),
        h("span", { class: "muted" }, `${s.organisation.name} (${s.organisation.code})`),
      ),
      h(
        "div",
        { class: "asset-actions" },
        may("editInventory", s.organisation.code, orgs)
          ? h("a", { class: "button", id: "site-edit", href: href(`/sites/${s.id}/edit`) }, "Edit site")
          : null,
        h(
          "a",
          {
            class: "button button-secondary",
            href: href("/graph", { site: s.id }),
            title: "What would stop if this site closed",
          },
          "Impact in graph",
        ),
      ),
    ),
    detailsCard(s),
    h(
      "section",
      { class: "card card-list", id: "site-assets", "aria-labelledby": "site-assets-h" },
      h("h2", { id: "site-assets-h" }, "Assets located here"),
      assets.element,
    ),
    historySection(s.id, data.auditTrail),
  );
  await assets.reload();
}

definePage("/sites/:id", render);
