// Create, edit and retire licences (PROCUREMENT or ADMIN in their organisation). The licence's product
// and contract are chosen by search. Saving or retiring opens the licence's page (#/licences/<id>).
import { gql } from "../api.ts";
import { LICENCE_METRICS } from "../enums.ts";
import { graphql, type CreateLicenceInput, type UpdateLicencePatch } from "../graphql.ts";
import type { OrgRef } from "../organisations.ts";
import { defineEditor } from "./editor-page.tsx";
import type { FieldSpec } from "./fields.ts";
import { createDefaults, enumChoices, loadedRecord, organisationField } from "./form-kit.ts";
import { productLabel, searchContracts, searchProducts } from "./lookups.ts";

const LICENCE = graphql(`
  query LicenceForEdit($id: ID!) {
    licence(id: $id) {
      id
      metric
      quantityOwned
      quantityUsed
      unitCost
      annualCost
      notes
      status
      version
      organisation {
        code
      }
      product {
        id
        name
        edition
        vendor {
          name
        }
      }
      contract {
        id
        reference
        title
        organisation {
          code
        }
      }
    }
    auditTrail(entityId: $id) {
      actor
      at
    }
  }
`);
const CREATE_LICENCE = graphql(`
  mutation CreateLicence($input: CreateLicenceInput!) {
    createLicence(input: $input) {
      id
    }
  }
`);
const UPDATE_LICENCE = graphql(`
  mutation UpdateLicence($id: ID!, $version: Int!, $patch: UpdateLicencePatch!) {
    updateLicence(id: $id, version: $version, patch: $patch) {
      id
    }
  }
`);
const RETIRE_LICENCE = graphql(`
  mutation RetireLicence($id: ID!, $version: Int!) {
    retireLicence(id: $id, version: $version) {
      id
    }
  }
`);
const LICENCE_FIELDS = (creatableIn: readonly OrgRef[]): FieldSpec[] => [
  organisationField(creatableIn),
  {
    name: "product",
    label: "Catalogue product",
    type: "lookup",
    required: true,
    search: searchProducts,
    createOnly: true,
  },
  {
    name: "contract",
    label: "Contract",
    type: "lookup",
    // Only the licence's organisation's active contracts: the server refuses any other.
    search: (text, signal, values) => searchContracts(text, signal, values.organisation || undefined),
    hint: "An active contract of the same organisation.",
  },
  {
    name: "metric",
    label: "Metric",
    type: "select",
    required: true,
    choices: enumChoices(LICENCE_METRICS),
  },
  { name: "quantityOwned", label: "Seats owned", type: "int", required: true },
  { name: "quantityUsed", label: "Seats used", type: "int", required: true },
  { name: "unitCost", label: "Unit cost (£)", type: "money" },
  { name: "annualCost", label: "Annual cost (£)", type: "money", hint: "Blank: unit cost × seats owned." },
  { name: "notes", label: "Notes", type: "textarea" },
];

defineEditor({
  kind: "licence",
  noun: "licence",
  listPath: "/licences",
  viewPath: (id) => `/licences/${id}`,
  permission: "editProcurement",
  fields: async (_orgs, creatable) => LICENCE_FIELDS(creatable),
  defaults: (creatable) => createDefaults(creatable, { metric: "USER" }),
  load: async (id, signal) => {
    const { licence: l, auditTrail } = await gql(LICENCE, { id }, signal);
    if (!l) return null;
    const labels: Record<string, string> = { [`product:${l.product.id}`]: productLabel(l.product) };
    if (l.contract)
      labels[`contract:${l.contract.id}`] =
        `${l.contract.reference} — ${l.contract.title} (${l.contract.organisation.code})`;
    return loadedRecord(
      LICENCE_FIELDS([]),
      { row: l, version: l.version, organisation: l.organisation, trail: auditTrail },
      {
        name: `${productLabel(l.product)} (${l.organisation.code})`,
        active: l.status !== "RETIRED",
        values: { product: l.product.id, contract: l.contract?.id ?? "" },
        labels,
      },
    );
  },
  // The spec's field names are the input's, its selects offer only the enums' values.
  create: async (input) =>
    (await gql(CREATE_LICENCE, { input: input as unknown as CreateLicenceInput })).createLicence.id,
  update: async (id, version, patch) =>
    (await gql(UPDATE_LICENCE, { id, version, patch: patch as UpdateLicencePatch })).updateLicence.id,
  retire: async (id, version) => {
    await gql(RETIRE_LICENCE, { id, version });
  },
  retireExplain:
    "A retired licence stays in the records; it no longer counts in spend, seats, overlaps or savings.",
});
