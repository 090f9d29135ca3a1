// Create, edit and retire contracts (PROCUREMENT or ADMIN in their organisation). Saving or retiring
// opens the contract's page (#/contracts/<id>).
import { gql } from "../api.ts";
import { graphql, type CreateContractInput, type UpdateContractPatch } from "../graphql.ts";
import type { OrgRef } from "../organisations.ts";
import { defineEditor } from "./editor-page.tsx";
import type { FieldSpec } from "./fields.ts";
import { createDefaults, loadedRecord, organisationField } from "./form-kit.ts";

const CONTRACT = graphql(`
  query ContractForEdit($id: ID!) {
    contract(id: $id) {
      id
      reference
      title
      description
      supplierName
      startDate
      endDate
      noticePeriodDays
      value
      annualValue
      renewalTerms
      cpvCode
      ocid
      status
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
const CREATE_CONTRACT = graphql(`
  mutation CreateContract($input: CreateContractInput!) {
    createContract(input: $input) {
      id
    }
  }
`);
const UPDATE_CONTRACT = graphql(`
  mutation UpdateContract($id: ID!, $version: Int!, $patch: UpdateContractPatch!) {
    updateContract(id: $id, version: $version, patch: $patch) {
      id
    }
  }
`);
const RETIRE_CONTRACT = graphql(`
  mutation RetireContract($id: ID!, $version: Int!) {
    retireContract(id: $id, version: $version) {
      id
    }
  }
`);

const CONTRACT_FIELDS = (creatableIn: readonly OrgRef[]): FieldSpec[] => [
  organisationField(creatableIn),
  { name: "reference", label: "Reference", type: "text", required: true },
  { name: "title", label: "Title", type: "text", required: true },
  { name: "supplierName", label: "Supplier", type: "text" },
  { name: "startDate", label: "Starts", type: "date" },
  { name: "endDate", label: "Ends", type: "date" },
  { name: "noticePeriodDays", label: "Notice period (days)", type: "int" },
  { name: "value", label: "Total value (£)", type: "money" },
  { name: "annualValue", label: "Annual value (£)", type: "money" },
  { name: "cpvCode", label: "CPV code", type: "text" },
  { name: "ocid", label: "OCDS ocid", type: "text" },
  { name: "renewalTerms", label: "Renewal terms", type: "textarea" },
  { name: "description", label: "Description", type: "textarea" },
];

defineEditor({
  kind: "contract",
  noun: "contract",
  listPath: "/contracts",
  viewPath: (id) => `/contracts/${id}`,
  permission: "editProcurement",
  fields: async (_orgs, creatable) => CONTRACT_FIELDS(creatable),
  defaults: (creatable) => createDefaults(creatable),
  load: async (id, signal) => {
    const { contract: c, auditTrail } = await gql(CONTRACT, { id }, signal);
    if (!c) return null;
    return loadedRecord(
      CONTRACT_FIELDS([]),
      { row: c, version: c.version, organisation: c.organisation, trail: auditTrail },
      { name: `${c.reference} — ${c.title}`, active: c.status !== "RETIRED" },
    );
  },
  create: async (input) =>
    (await gql(CREATE_CONTRACT, { input: input as unknown as CreateContractInput })).createContract.id,
  update: async (id, version, patch) =>
    (await gql(UPDATE_CONTRACT, { id, version, patch: patch as UpdateContractPatch })).updateContract.id,
  retire: async (id, version) => {
    await gql(RETIRE_CONTRACT, { id, version });
  },
  retireExplain:
    "A retired contract stays in the records and its public record keeps its link; licences under it keep their history.",
});
