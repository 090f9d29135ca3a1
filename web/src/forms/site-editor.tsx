// Create, edit and retire sites (EDITOR or ADMIN in the site's organisation).
import { gql } from "../api.ts";
import { LIFECYCLES, SITE_KINDS } from "../enums.ts";
import { formatEnum } from "../format.ts";
import { graphql, type CreateSiteInput, type UpdateSitePatch } from "../graphql.ts";
import { defineEditor } from "./editor-page.tsx";
import { toFormString, type FieldSpec } from "./fields.ts";

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

const enumChoices = (values: readonly string[]) => values.map((v) => ({ value: v, label: formatEnum(v) }));

/** The fields of a site, in the order the form shows them. */
const SITE_FIELDS = (orgChoices: { value: string; label: string }[]): FieldSpec[] => [
  {
    name: "organisation",
    label: "Organisation",
    type: "select",
    required: true,
    choices: orgChoices,
    createOnly: true,
  },
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
  fields: async (_orgs, creatable) =>
    SITE_FIELDS(creatable.map((o) => ({ value: o.code, label: `${o.code} — ${o.name}` }))),
  defaults: (creatable) => ({
    organisation: creatable.length === 1 ? creatable[0]!.code : "",
    lifecycle: "ACTIVE",
  }),
  load: async (id, signal) => {
    const d = await gql(SITE, { id }, signal);
    const s = d.site;
    if (!s) return null;
    const last = d.auditTrail.at(-1);
    const values: Record<string, string> = {};
    for (const f of SITE_FIELDS([])) values[f.name] = toFormString((s as Record<string, unknown>)[f.name]);
    return {
      values,
      version: s.version,
      organisation: s.organisation.code,
      name: s.name,
      active: s.lifecycle !== "RETIRED",
      changedBy: last?.actor ?? null,
      changedAt: last?.at ?? null,
    };
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
