// Create, edit and retire sites (EDITOR or ADMIN in the site's organisation).
import { gql } from "../api.ts";
import { LIFECYCLES, SITE_KINDS } from "../enums.ts";
import { graphql, type CreateSiteInput, type UpdateSitePatch } from "../graphql.ts";
import type { OrgRef } from "../organisations.ts";
import { defineEditor } from "./editor-page.tsx";
import type { FieldSpec } from "./fields.ts";
import { createDefaults, enumChoices, loadedRecord, organisationField } from "./form-kit.ts";

const SITE = graphql(`
  query SiteForEdit($id: ID!) {
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
      organisation {
        code
      }
    }
    auditTrail(entityId: $id) {
      actor
      at
    }
  }
`);
const CREATE = graphql(`
  mutation CreateSite($input: CreateSiteInput!) {
    createSite(input: $input) {
      id
    }
  }
`);
const UPDATE = graphql(`
  mutation UpdateSite($id: ID!, $version: Int!, $patch: UpdateSitePatch!) {
    updateSite(id: $id, version: $version, patch: $patch) {
      id
    }
  }
`);
const RETIRE = graphql(`
  mutation RetireSite($id: ID!, $version: Int!) {
    retireSite(id: $id, version: $version) {
      id
    }
  }
`);

/** The fields of a site, in the order the form shows them. */
const SITE_FIELDS = (creatableIn: readonly OrgRef[]): FieldSpec[] => [
  organisationField(creatableIn),
  { name: "name", label: "Name", type: "text", required: true },
  { name: "kind", label: "Kind", type: "select", required: true, choices: enumChoices(SITE_KINDS) },
  { name: "lifecycle", label: "Lifecycle", type: "select", required: true, choices: enumChoices(LIFECYCLES) },
  { name: "address", label: "Address", type: "text" },
  { name: "postcode", label: "Postcode", type: "text" },
  { name: "racks", label: "Racks", type: "int" },
  { name: "racksUsed", label: "Racks used", type: "int" },
  { name: "powerKw", label: "Power (kW)", type: "float" },
  { name: "powerUsedKw", label: "Power used (kW)", type: "float" },
  { name: "floorSpaceM2", label: "Floor space (m²)", type: "float" },
  { name: "pue", label: "PUE", type: "float" },
  { name: "tier", label: "Tier", type: "int" },
  { name: "leaseEnd", label: "Lease ends", type: "date" },
  { name: "annualCost", label: "Annual cost (£)", type: "money" },
  { name: "description", label: "Description", type: "textarea" },
];

defineEditor({
  kind: "site",
  noun: "site",
  listPath: "/sites",
  viewPath: (id) => `/sites/${id}`,
  permission: "editInventory",
  fields: async (_orgs, creatable) => SITE_FIELDS(creatable),
  defaults: (creatable) => createDefaults(creatable, { lifecycle: "ACTIVE" }),
  load: async (id, signal) => {
    const { site: s, auditTrail } = await gql(SITE, { id }, signal);
    if (!s) return null;
    return loadedRecord(
      SITE_FIELDS([]),
      { row: s, version: s.version, organisation: s.organisation, trail: auditTrail },
      { name: s.name, active: s.lifecycle !== "RETIRED" },
    );
  },
  create: async (input) =>
    // The spec's field names are CreateSiteInput's, its selects offer only the enums' values.
    (await gql(CREATE, { input: input as unknown as CreateSiteInput })).createSite.id,
  update: async (id, version, patch) =>
    (await gql(UPDATE, { id, version, patch: patch as UpdateSitePatch })).updateSite.id,
  retire: async (id, version) => {
    await gql(RETIRE, { id, version });
  },
  retireExplain:
    "A retired site stays in the records and the audit trail. The server refuses while assets that are not retired are still located there: move or retire them first.",
});
