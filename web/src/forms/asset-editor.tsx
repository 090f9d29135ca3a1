// Create, edit and retire assets (EDITOR or ADMIN in the asset's organisation), with the site it is
// located at and the catalogue product it runs, both chosen by search.
import { gql } from "../api.ts";
import { ASSET_KINDS, CRITICALITIES, LIFECYCLES } from "../enums.ts";
import { formatEnum } from "../format.ts";
import { graphql, type CreateAssetInput, type UpdateAssetPatch } from "../graphql.ts";
import { defineEditor } from "./editor-page.tsx";
import { toFormString, type FieldSpec } from "./fields.ts";
import { productLabel, searchProducts, searchSites } from "./lookups.ts";

const ASSET = graphql(`
  query AssetForEdit($id: ID!) {
    asset(id: $id) {
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
      }
      site {
        id
        name
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
      }
    }
    auditTrail(entityId: $id) {
      actor
      at
    }
  }
`);
const CREATE = graphql(`
  mutation CreateAsset($input: CreateAssetInput!) {
    createAsset(input: $input) {
      id
    }
  }
`);
const UPDATE = graphql(`
  mutation UpdateAsset($id: ID!, $version: Int!, $patch: UpdateAssetPatch!) {
    updateAsset(id: $id, version: $version, patch: $patch) {
      id
    }
  }
`);
const RETIRE = graphql(`
  mutation RetireAsset($id: ID!, $version: Int!) {
    retireAsset(id: $id, version: $version) {
      id
    }
  }
`);

const enumChoices = (values: readonly string[]) => values.map((v) => ({ value: v, label: formatEnum(v) }));

/** The fields of an asset, in the order the form shows them. */
const ASSET_FIELDS = (orgChoices: { value: string; label: string }[]): FieldSpec[] => [
  {
    name: "organisation",
    label: "Organisation",
    type: "select",
    required: true,
    choices: orgChoices,
    createOnly: true,
  },
  { name: "name", label: "Name", type: "text", required: true },
  { name: "kind", label: "Kind", type: "select", required: true, choices: enumChoices(ASSET_KINDS) },
  { name: "subtype", label: "Subtype", type: "text" },
  { name: "lifecycle", label: "Lifecycle", type: "select", required: true, choices: enumChoices(LIFECYCLES) },
  {
    name: "criticality",
    label: "Criticality",
    type: "select",
    required: true,
    choices: enumChoices(CRITICALITIES),
  },
  { name: "site", label: "Site", type: "lookup", search: searchSites, hint: "Where it is located." },
  {
    name: "product",
    label: "Catalogue product",
    type: "lookup",
    search: searchProducts,
    hint: "Links the asset to its licences and overlaps.",
  },
  { name: "annualRunCost", label: "Annual run cost (£)", type: "money" },
  { name: "bookValue", label: "Book value (£)", type: "money" },
  { name: "supportEnd", label: "Support ends", type: "date" },
  { name: "rackUnits", label: "Rack units", type: "int" },
  { name: "powerKw", label: "Power (kW)", type: "float" },
  { name: "storageTb", label: "Storage (TB)", type: "float" },
  { name: "storageUsedTb", label: "Storage used (TB)", type: "float" },
  { name: "vcpu", label: "vCPU", type: "int" },
  { name: "vcpuUsed", label: "vCPU used", type: "int" },
  { name: "ramGb", label: "Memory (GB)", type: "int" },
  { name: "ramUsedGb", label: "Memory used (GB)", type: "int" },
  { name: "bandwidthMbps", label: "Bandwidth (Mbps)", type: "int" },
  { name: "bandwidthUsedMbps", label: "Bandwidth used (Mbps)", type: "int" },
  { name: "description", label: "Description", type: "textarea" },
];

defineEditor({
  kind: "asset",
  noun: "asset",
  listPath: "/assets",
  viewPath: (id) => `/assets/${id}`,
  permission: "editInventory",
  fields: async (_orgs, creatable) =>
    ASSET_FIELDS(creatable.map((o) => ({ value: o.code, label: `${o.code} — ${o.name}` }))),
  defaults: (creatable) => ({
    organisation: creatable.length === 1 ? creatable[0]!.code : "",
    lifecycle: "ACTIVE",
    criticality: "MEDIUM",
  }),
  load: async (id, signal) => {
    const d = await gql(ASSET, { id }, signal);
    const a = d.asset;
    if (!a) return null;
    const last = d.auditTrail.at(-1);
    const values: Record<string, string> = {};
    for (const f of ASSET_FIELDS([])) values[f.name] = toFormString((a as Record<string, unknown>)[f.name]);
    values.site = a.site?.id ?? "";
    values.product = a.product?.id ?? "";
    const labels: Record<string, string> = {};
    if (a.site) labels[`site:${a.site.id}`] = `${a.site.name} (${a.site.organisation.code})`;
    if (a.product) labels[`product:${a.product.id}`] = productLabel(a.product);
    return {
      values,
      labels,
      version: a.version,
      organisation: a.organisation.code,
      name: a.name,
      active: a.lifecycle !== "RETIRED",
      changedBy: last?.actor ?? null,
      changedAt: last?.at ?? null,
    };
  },
  // The spec's field names are the input's, its selects offer only the enums' values.
  create: async (input) =>
    (await gql(CREATE, { input: input as unknown as CreateAssetInput })).createAsset.id,
  update: async (id, version, patch) =>
    (await gql(UPDATE, { id, version, patch: patch as UpdateAssetPatch })).updateAsset.id,
  retire: async (id, version) => {
    await gql(RETIRE, { id, version });
  },
  retireExplain:
    "A retired asset stays in the records, with its dependencies kept as history of what it served; the graph and the summary count it no more.",
});
