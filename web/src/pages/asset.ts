// "#/assets/<globalId>": one asset: details, capacity and usage, licences for its product, direct
// dependencies both ways (each linking to the other asset), and its change history.
import { mountAddDependency, removeDependencyButton } from "../forms/dependency-editor.tsx";
import { loadOrganisations } from "../organisations.ts";
import { may, mayIn } from "../permissions.ts";
import { graphql } from "../graphql.ts";
import type { ItemOf } from "../graphql.ts";
import type { AssetQuery } from "../graphql.ts";
import { gql } from "../api.ts";
import { h, type Child } from "../dom.ts";
import {
  formatDate,
  formatDateTime,
  formatDependencyType,
  formatEnum,
  formatInt,
  formatMoney,
  formatNumber,
} from "../format.ts";
import { definePage, href, type PageContext } from "../router.ts";
import { historySection } from "./history.ts";
import {
  badge,
  contractValue,
  dataTable,
  empty,
  errorBanner,
  loading,
  pageHeader,
  usageBar,
  type Column,
  definitionList,
} from "../ui.ts";
import { commercialMoney } from "../commercial.ts";

type AssetRef = Dependency["source"];

type Dependency = ItemOf<AssetDetail["dependsOn"]>;

type LicenceRow = ItemOf<AssetDetail["licences"]>;

/** The asset as this page reads it. */
export type AssetDetail = NonNullable<AssetQuery["asset"]>;

// The asset's own fields, as this page and its editor (forms/asset-editor.tsx) both read them.
graphql(`
  fragment AssetRecord on Asset {
    id
    name
    kind
    subtype
    lifecycle
    criticality
    annualRunCost
    bookValue
    supportEnd
    description
    rackUnits
    powerKw
    storageTb
    storageUsedTb
    vcpu
    vcpuUsed
    ramGb
    ramUsedGb
    bandwidthMbps
    bandwidthUsedMbps
    version
    organisation {
      code
      name
    }
    site {
      id
      name
      kind
      organisation {
        code
      }
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
  }
`);
graphql(`
  fragment AssetRefFields on Asset {
    id
    name
    kind
    lifecycle
    organisation {
      code
    }
  }
`);
const QUERY = graphql(`
  query Asset($id: ID!) {
    asset(id: $id) {
      ...AssetRecord
      createdAt
      updatedAt
      dependsOn {
        id
        version
        type
        description
        source {
          ...AssetRefFields
        }
        target {
          ...AssetRefFields
        }
      }
      dependencyOf {
        id
        version
        type
        description
        source {
          ...AssetRefFields
        }
        target {
          ...AssetRefFields
        }
      }
      licences {
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
        }
        contract {
          id
          reference
          title
          endDate
          valuesVisible
          value
          annualValue
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

/** Adds something to an asset page's action area (e.g. the graph page's "Open in graph"). */
export type AssetAction = (asset: AssetDetail) => Node | null;
const actions: AssetAction[] = [];

/** Registers an action shown at the top of every asset page. */
export function registerAssetAction(action: AssetAction): void {
  actions.push(action);
}

function assetLink(a: AssetRef): HTMLElement {
  return h(
    "span",
    { class: "dep-asset" },
    h("a", { href: href(`/assets/${a.id}`) }, a.name),
    h(
      "span",
      { class: "secondary" },
      `${a.organisation.code} · ${formatEnum(a.kind)}`,
      a.lifecycle === "RETIRED" ? " · retired" : "",
    ),
  );
}

function dependencySection(
  title: string,
  id: string,
  deps: Dependency[],
  direction: "out" | "in",
  none: string,
  /** Whether the user may remove a dependency (EDITOR or ADMIN in its source's organisation). */
  mayRemove: (d: Dependency) => boolean,
): HTMLElement {
  const banner = h("div", { class: "banner-slot" });
  const remove: Column<Dependency> = {
    header: "",
    csv: false,
    cell: (d) =>
      mayRemove(d)
        ? removeDependencyButton(d, (err) =>
            banner.replaceChildren(errorBanner(err, "Could not remove the dependency")),
          )
        : null,
  };
  const base: Column<Dependency>[] =
    direction === "out"
      ? [
          { header: "Relation", cell: (d) => h("span", { class: "relation" }, formatDependencyType(d.type)) },
          { header: "Asset", cell: (d) => assetLink(d.target) },
          { header: "Note", cell: (d) => d.description ?? "" },
        ]
      : [
          { header: "Asset", cell: (d) => assetLink(d.source) },
          { header: "Relation", cell: (d) => h("span", { class: "relation" }, formatDependencyType(d.type)) },
          { header: "Note", cell: (d) => d.description ?? "" },
        ];
  const columns = deps.some(mayRemove) ? [...base, remove] : base;
  return h(
    "section",
    { class: "card", id, "aria-labelledby": `${id}-h` },
    h("h2", { id: `${id}-h` }, title, h("span", { class: "count" }, String(deps.length))),
    banner,
    deps.length ? dataTable(columns, deps, title).wrap : empty(none),
  );
}

function capacitySection(a: AssetDetail): HTMLElement | null {
  const int = (n: number | null | undefined) => formatInt(n);
  const num = (n: number | null | undefined) => formatNumber(n);
  const rows: [string, Child][] = [];
  if (a.storageTb != null) rows.push(["Storage", usageBar(a.storageUsedTb, a.storageTb, "TB", num)]);
  if (a.vcpu != null) rows.push(["vCPU", usageBar(a.vcpuUsed, a.vcpu, "", int)]);
  if (a.ramGb != null) rows.push(["Memory", usageBar(a.ramUsedGb, a.ramGb, "GB", int)]);
  if (a.bandwidthMbps != null)
    rows.push(["Bandwidth", usageBar(a.bandwidthUsedMbps, a.bandwidthMbps, "Mbps", int)]);
  if (a.rackUnits != null) rows.push(["Rack units", formatInt(a.rackUnits)]);
  if (a.powerKw != null) rows.push(["Power", formatNumber(a.powerKw, "kW", 2)]);
  return h(
    "section",
    { class: "card", id: "capacity", "aria-labelledby": "capacity-h" },
    h("h2", { id: "capacity-h" }, "Capacity and usage"),
    rows.length ? definitionList(rows) : empty("No capacity recorded for this asset."),
  );
}

const licenceColumns: Column<LicenceRow>[] = [
  {
    header: "Metric",
    cell: (l) => h("a", { href: href(`/licences/${l.id}`), class: "licence-link" }, formatEnum(l.metric)),
  },
  { header: "Owned", align: "num", cell: (l) => formatInt(l.quantityOwned) },
  { header: "Used", align: "num", cell: (l) => formatInt(l.quantityUsed) },
  {
    header: "Shelfware",
    align: "num",
    cell: (l) => (l.shelfware ? h("span", { class: "warn" }, formatInt(l.shelfware)) : "0"),
  },
  {
    header: "Shortfall",
    align: "num",
    cell: (l) => (l.shortfall ? h("span", { class: "danger" }, formatInt(l.shortfall)) : "0"),
  },
  {
    header: "Unit cost",
    align: "num",
    cell: (l) => commercialMoney(l.unitCost, l.valuesVisible, { hiddenFor: [l.organisation.code] }),
  },
  {
    header: "Annual cost",
    align: "num",
    cell: (l) => commercialMoney(l.annualCost, l.valuesVisible, { hiddenFor: [l.organisation.code] }),
  },
  {
    header: "Contract",
    cell: (l) =>
      l.contract
        ? [
            h(
              "a",
              { href: href(`/contracts/${l.contract.id}`), class: "contract-link" },
              l.contract.reference,
            ),
            h("span", { class: "secondary" }, `ends ${formatDate(l.contract.endDate)}`),
          ]
        : "—",
  },
  {
    header: "Contract value",
    align: "num",
    class: "contract-value-col",
    cell: (l) => (l.contract ? contractValue(l.contract, (v) => formatMoney(v, { pence: false })) : "—"),
  },
  { header: "Status", cell: (l) => badge(l.status, "status") },
];

async function render({ outlet, route, signal }: PageContext): Promise<void> {
  const id = route.params.id ?? "";
  const status = outlet.appendChild(loading("Loading asset…"));
  const [data, orgs] = await Promise.all([gql(QUERY, { id }, signal), loadOrganisations()]);
  status.remove();
  const a = data.asset;
  const back = h("a", { href: href("/assets"), class: "back" }, "← All assets");
  if (!a) {
    outlet.append(back, pageHeader("Asset not found"), empty(`There is no asset with ID ${id}.`));
    return;
  }

  const actionArea = h("div", { class: "asset-actions", "data-slot": "asset-actions" });
  const mayEdit = may("editInventory", a.organisation.code, orgs);
  if (mayEdit)
    actionArea.append(
      h("a", { class: "button", id: "asset-edit", href: href(`/assets/${a.id}/edit`) }, "Edit asset"),
    );
  for (const action of actions) {
    const node = action(a);
    if (node) actionArea.append(node);
  }

  const addDependency = mayEdit
    ? h(
        "section",
        { class: "card", id: "add-dependency", "aria-labelledby": "add-dependency-h" },
        h("h2", { id: "add-dependency-h" }, "Add a dependency"),
      )
    : null;
  if (addDependency)
    mountAddDependency(
      addDependency.appendChild(h("div")),
      a,
      mayIn("editInventory", orgs).map((o) => o.code),
      signal,
    );
  const product = a.product ? `${a.product.name}${a.product.edition ? ` ${a.product.edition}` : ""}` : null;

  outlet.append(
    back,
    pageHeader(
      a.name,
      h(
        "span",
        { class: "header-badges" },
        badge(a.kind, "kind"),
        badge(a.lifecycle, "lifecycle"),
        badge(a.criticality, "criticality"),
        h("span", { class: "muted" }, `${a.organisation.name} (${a.organisation.code})`),
      ),
      actionArea.childElementCount ? actionArea : null,
    ),
    h(
      "div",
      { class: "grid-2" },
      h(
        "section",
        { class: "card", id: "details", "aria-labelledby": "details-h" },
        h("h2", { id: "details-h" }, "Details"),
        definitionList([
          ["Organisation", `${a.organisation.name} (${a.organisation.code})`],
          ["Kind", formatEnum(a.kind)],
          ["Subtype", a.subtype ?? "—"],
          [
            "Site",
            a.site
              ? h(
                  "a",
                  { href: href(`/sites/${a.site.id}`), class: "site-link" },
                  `${a.site.name} (${formatEnum(a.site.kind)})`,
                )
              : "—",
          ],
          ["Product", product ?? "—"],
          ["Vendor", a.product?.vendor.name ?? "—"],
          ["Capability", a.product?.capability?.name ?? "—"],
          ["Annual run cost", formatMoney(a.annualRunCost)],
          ["Book value", formatMoney(a.bookValue)],
          ["Support ends", formatDate(a.supportEnd)],
          ["Last updated", `${formatDateTime(a.updatedAt)} (version ${a.version})`],
          ["Description", a.description ? h("span", { class: "description" }, a.description) : "—"],
        ]),
      ),
      capacitySection(a),
    ),
    h(
      "div",
      { class: "grid-2" },
      dependencySection(
        "Depends on",
        "depends-on",
        a.dependsOn,
        "out",
        "This asset depends on nothing recorded.",
        (d) => may("editInventory", d.source.organisation.code, orgs),
      ),
      dependencySection(
        "Needed by",
        "needed-by",
        a.dependencyOf,
        "in",
        "Nothing recorded depends on this asset.",
        (d) => may("editInventory", d.source.organisation.code, orgs),
      ),
    ),
    addDependency ?? "",
    h(
      "section",
      { class: "card", id: "licences", "aria-labelledby": "licences-h" },
      h(
        "h2",
        { id: "licences-h" },
        `Licences${a.product ? ` for ${a.product.name}` : ""}`,
        h("span", { class: "count" }, String(a.licences.length)),
      ),
      a.licences.length
        ? dataTable(licenceColumns, a.licences, "Licences").wrap
        : empty(
            a.product
              ? `${a.organisation.code} holds no licences for this product.`
              : "This asset is not linked to a catalogue product.",
          ),
    ),
    historySection(a.id, data.auditTrail),
  );
}

definePage("/assets/:id", render);
