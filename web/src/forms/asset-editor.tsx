// Create, edit and retire assets (EDITOR or ADMIN in the asset's organisation), with the site it is
// located at and the catalogue product it runs, both chosen by search.
import { gql } from "../api.ts";
import { ASSET_KINDS, CRITICALITIES, LIFECYCLES } from "../enums.ts";
import { graphql, type CreateAssetInput, type UpdateAssetPatch } from "../graphql.ts";
import type { OrgRef } from "../organisations.ts";
import { defineEditor } from "./editor-page.tsx";
import type { FieldSpec } from "./fields.ts";
import { createDefaults, enumChoices, loadedRecord, organisationField } from "./form-kit.ts";
import { productLabel, searchProducts, searchSites } from "./lookups.ts";

// The asset's fields as its page reads them (fragment AssetRecord, pages/asset.ts).
const ASSET = graphql(`
  query AssetForEdit($id: ID!) {
    asset(id: $id) {
      ...AssetRecord
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

/** The fields of an asset, in the order the form shows them. */
const ASSET_FIELDS = (creatableIn: readonly OrgRef[]): FieldSpec[] => [
  organisationField(creatableIn),
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
  fields: async (_orgs, creatable) => ASSET_FIELDS(creatable),
  defaults: (creatable) => createDefaults(creatable, { lifecycle: "ACTIVE", criticality: "MEDIUM" }),
  load: async (id, signal) => {
    const { asset: a, auditTrail } = await gql(ASSET, { id }, signal);
    if (!a) return null;
    const labels: Record<string, string> = {};
    if (a.site) labels[`site:${a.site.id}`] = `${a.site.name} (${a.site.organisation.code})`;
    if (a.product) labels[`product:${a.product.id}`] = productLabel(a.product);
    return loadedRecord(
      ASSET_FIELDS([]),
      { row: a, version: a.version, organisation: a.organisation, trail: auditTrail },
      {
        name: a.name,
        active: a.lifecycle !== "RETIRED",
        values: { site: a.site?.id ?? "", product: a.product?.id ?? "" },
        labels,
      },
    );
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
