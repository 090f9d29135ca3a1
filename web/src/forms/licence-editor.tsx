// Create, edit and retire licences and contracts (PROCUREMENT or ADMIN in their organisation). The
// licence's product and contract are chosen by search. Saving or retiring opens the record's own page
// (#/licences/<id>, #/contracts/<id>).
import { gql } from "../api.ts";
import { LICENCE_METRICS } from "../enums.ts";
import { formatEnum } from "../format.ts";
import {
  graphql,
  type CreateContractInput,
  type CreateLicenceInput,
  type UpdateContractPatch,
  type UpdateLicencePatch,
} from "../graphql.ts";
import { defineEditor } from "./editor-page.tsx";
import { toFormString, type FieldSpec } from "./fields.ts";
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

type OrgChoices = { value: string; label: string }[];

const LICENCE_FIELDS = (orgs: OrgChoices): FieldSpec[] => [
  {
    name: "organisation",
    label: "Organisation",
    type: "select",
    required: true,
    choices: orgs,
    createOnly: true,
  },
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
    search: searchContracts,
    hint: "An active contract of the same organisation.",
  },
  {
    name: "metric",
    label: "Metric",
    type: "select",
    required: true,
    choices: LICENCE_METRICS.map((m) => ({ value: m, label: formatEnum(m) })),
  },
  { name: "quantityOwned", label: "Seats owned", type: "int", required: true },
  { name: "quantityUsed", label: "Seats used", type: "int", required: true },
  { name: "unitCost", label: "Unit cost (£)", type: "money" },
  { name: "annualCost", label: "Annual cost (£)", type: "money", hint: "Blank: unit cost × seats owned." },
  { name: "notes", label: "Notes", type: "textarea" },
];

const CONTRACT_FIELDS = (orgs: OrgChoices): FieldSpec[] => [
  {
    name: "organisation",
    label: "Organisation",
    type: "select",
    required: true,
    choices: orgs,
    createOnly: true,
  },
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

const orgChoices = (creatable: { code: string; name: string }[]) =>
  creatable.map((o) => ({ value: o.code, label: `${o.code} — ${o.name}` }));

defineEditor({
  kind: "licence",
  noun: "licence",
  listPath: "/licences",
  viewPath: (id) => `/licences/${id}`,
  permission: "editProcurement",
  fields: async (_orgs, creatable) => LICENCE_FIELDS(orgChoices(creatable)),
  defaults: (creatable) => ({
    organisation: creatable.length === 1 ? creatable[0]!.code : "",
    metric: "USER",
  }),
  load: async (id, signal) => {
    const d = await gql(LICENCE, { id }, signal);
    const l = d.licence;
    if (!l) return null;
    const last = d.auditTrail.at(-1);
    const values: Record<string, string> = {};
    for (const f of LICENCE_FIELDS([])) values[f.name] = toFormString((l as Record<string, unknown>)[f.name]);
    values.product = l.product.id;
    values.contract = l.contract?.id ?? "";
    const labels: Record<string, string> = { [`product:${l.product.id}`]: productLabel(l.product) };
    if (l.contract)
      labels[`contract:${l.contract.id}`] =
        `${l.contract.reference} — ${l.contract.title} (${l.contract.organisation.code})`;
    return {
      values,
      labels,
      version: l.version,
      organisation: l.organisation.code,
      name: `${productLabel(l.product)} (${l.organisation.code})`,
      active: l.status !== "RETIRED",
      changedBy: last?.actor ?? null,
      changedAt: last?.at ?? null,
    };
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

defineEditor({
  kind: "contract",
  noun: "contract",
  listPath: "/contracts",
  viewPath: (id) => `/contracts/${id}`,
  permission: "editProcurement",
  fields: async (_orgs, creatable) => CONTRACT_FIELDS(orgChoices(creatable)),
  defaults: (creatable) => ({ organisation: creatable.length === 1 ? creatable[0]!.code : "" }),
  load: async (id, signal) => {
    const d = await gql(CONTRACT, { id }, signal);
    const c = d.contract;
    if (!c) return null;
    const last = d.auditTrail.at(-1);
    const values: Record<string, string> = {};
    for (const f of CONTRACT_FIELDS([]))
      values[f.name] = toFormString((c as Record<string, unknown>)[f.name]);
    return {
      values,
      version: c.version,
      organisation: c.organisation.code,
      name: `${c.reference} — ${c.title}`,
      active: c.status !== "RETIRED",
      changedBy: last?.actor ?? null,
      changedAt: last?.at ?? null,
    };
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
