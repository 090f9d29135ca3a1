// One fuzz case per mutation of the schema: what its fields mean (so valid values can be generated next to
// hostile ones) and how many runs it gets. coverage.test.ts fails when a mutation has no case here.
import fc from "fast-check";
import type { Role } from "../../generated/prisma/client.ts";
import { ROLE_PERMISSIONS } from "../../server/shared/authz.ts";
import { MUTATION_CASES } from "../auth/mutation-cases.ts";
import { permissionOf, ROLES } from "../auth/role-table.ts";
import type { Caller, Table } from "./values.ts";

/** What a field holds, beyond its GraphQL type. */
export type FieldKind =
  | { kind: "name"; max: number }
  | { kind: "text"; max: number }
  | { kind: "pattern"; valid: fc.Arbitrary<string> }
  | { kind: "orgCode" }
  | { kind: "ref"; table: Table }
  | { kind: "version" }
  | { kind: "int"; min: number; max: number }
  | { kind: "float"; min: number; max: number }
  | { kind: "money" }
  | { kind: "date" }
  | { kind: "currentPassword" }
  | { kind: "newPassword" }
  | { kind: "email" }
  | { kind: "ocdsPackage" }
  | { kind: "titles" };

const name = (max = 200): FieldKind => ({ kind: "name", max });
const text = (max: number): FieldKind => ({ kind: "text", max });
const int = (min: number, max: number): FieldKind => ({ kind: "int", min, max });
const float = (min: number, max: number): FieldKind => ({ kind: "float", min, max });
const ref = (table: Table): FieldKind => ({ kind: "ref", table });

/** Field kinds by argument or input-field name, shared by every mutation (a case may override them). */
export const FIELD_KINDS: Record<string, FieldKind> = {
  organisation: { kind: "orgCode" },
  version: { kind: "version" },
  name: name(),
  displayName: name(),
  reference: name(),
  title: name(),
  subtype: text(200),
  description: text(4000),
  address: text(500),
  postcode: text(10),
  notes: text(4000),
  supplierName: text(200),
  renewalTerms: text(1000),
  cpvCode: { kind: "pattern", valid: fc.stringMatching(/^\d{8}(-\d)?$/) },
  ocid: { kind: "pattern", valid: fc.stringMatching(/^ocds-[a-z0-9]{6}-[A-Za-z0-9-]{1,16}$/) },
  email: { kind: "email" },
  currentPassword: { kind: "currentPassword" },
  newPassword: { kind: "newPassword" },
  site: ref("Site"),
  product: ref("Product"),
  contract: ref("Contract"),
  source: ref("Asset"),
  target: ref("Asset"),
  user: ref("User"),
  productId: ref("Product"),
  json: { kind: "ocdsPackage" },
  titles: { kind: "titles" },
  racks: int(0, 200),
  racksUsed: int(0, 200),
  tier: int(1, 4),
  pue: float(1, 3),
  powerKw: float(0, 2000),
  powerUsedKw: float(0, 2000),
  floorSpaceM2: float(0, 5000),
  rackUnits: int(0, 50),
  storageTb: float(0, 500),
  storageUsedTb: float(0, 500),
  vcpu: int(0, 512),
  vcpuUsed: int(0, 512),
  ramGb: int(0, 4096),
  ramUsedGb: int(0, 4096),
  bandwidthMbps: int(0, 10_000),
  bandwidthUsedMbps: int(0, 10_000),
  quantityOwned: int(0, 5000),
  quantityUsed: int(0, 5000),
  noticePeriodDays: int(0, 3650),
  expiresInDays: int(1, 366),
  annualRunCost: { kind: "money" },
  bookValue: { kind: "money" },
  annualCost: { kind: "money" },
  unitCost: { kind: "money" },
  value: { kind: "money" },
  annualValue: { kind: "money" },
  leaseEnd: { kind: "date" },
  supportEnd: { kind: "date" },
  startDate: { kind: "date" },
  endDate: { kind: "date" },
};

/** What a success hook gets: the arguments sent, the answer, the rows that changed, a row reader. */
export interface SuccessContext {
  args: Record<string, unknown>;
  data: any;
  changes: { table: string; id: string; kind: "added" | "removed" | "changed" }[];
  row(table: string, id: string): Promise<Record<string, unknown> | null>;
}

/** A mutation's fuzz case. */
export interface MutationCase {
  /** The table of the row the `id` argument names (mutations that change an existing row). */
  id?: Table;
  /** Field kinds that differ from FIELD_KINDS for this mutation. */
  fields?: Record<string, FieldKind>;
  /** Runs per engine before RUN_SCALE (each run is one request between two database snapshots). */
  runs: number;
  /**
   * The fewest calls that must succeed per engine (before RUN_SCALE), or the property fails: a fuzz whose
   * calls are all refused tests nothing its title claims. Set near half of what the default seed gives.
   */
  minSucceeded: number;
  /** Extra checks of an accepted call, beyond the generic ones (problems found, empty when none). */
  onSuccess?: (c: SuccessContext) => Promise<string[]>;
}

/** What checkTitle in server/procurement/product-matches.ts makes of a raw title. */
const cleanTitle = (t: string) => t.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();

/** Every mutation of the schema. */
export const CASES: Record<string, MutationCase> = {
  createSite: { runs: 70, minSucceeded: 10 },
  updateSite: { id: "Site", runs: 70, minSucceeded: 3 },
  retireSite: { id: "Site", runs: 30, minSucceeded: 3 },
  createAsset: { runs: 70, minSucceeded: 11 },
  updateAsset: { id: "Asset", runs: 70, minSucceeded: 3 },
  retireAsset: { id: "Asset", runs: 30, minSucceeded: 4 },
  createDependency: { runs: 70, minSucceeded: 4 },
  updateDependency: { id: "Dependency", runs: 50, minSucceeded: 5 },
  removeDependency: { id: "Dependency", runs: 30, minSucceeded: 1 },
  createLicence: { runs: 70, minSucceeded: 9 },
  updateLicence: { id: "Licence", runs: 70, minSucceeded: 5 },
  retireLicence: { id: "Licence", runs: 30, minSucceeded: 4 },
  createContract: { runs: 70, minSucceeded: 7 },
  updateContract: { id: "Contract", runs: 70, minSucceeded: 5 },
  retireContract: { id: "Contract", runs: 30, minSucceeded: 3 },
  // Each changePassword run hashes with scrypt once or twice (about 100 ms each).
  changePassword: { runs: 12, minSucceeded: 3 },
  createApiToken: { runs: 40, minSucceeded: 6 },
  revokeApiToken: { id: "ApiToken", runs: 30, minSucceeded: 3 },
  createUser: { runs: 30, minSucceeded: 4 },
  grantRole: { runs: 30, minSucceeded: 4 },
  revokeRole: { runs: 30, minSucceeded: 3 },
  resetUserPassword: { runs: 50, minSucceeded: 2 },
  setUserActive: { runs: 50, minSucceeded: 3 },
  importOcds: {
    runs: 60,
    minSucceeded: 5,
    async onSuccess({ args, data, changes }) {
      const problems: string[] = [];
      const contracts = changes.filter((c) => c.table === "Contract");
      if (args.dryRun === true && changes.length) problems.push(`a dry run wrote ${changes.length} rows`);
      if (args.dryRun !== true) {
        const added = contracts.filter((c) => c.kind === "added").length;
        const changed = contracts.filter((c) => c.kind === "changed").length;
        if (added !== data.created || changed !== data.updated)
          problems.push(
            `the report says ${data.created} created and ${data.updated} updated; the database has ${added} added and ${changed} changed contracts`,
          );
      }
      return problems;
    },
  },
  submitProductTitles: {
    runs: 40,
    minSucceeded: 6,
    fields: { source: text(200) },
    async onSuccess({ args, data, changes, row }) {
      const problems: string[] = [];
      const titles = Array.isArray(args.titles) ? args.titles : [args.titles];
      if (!Array.isArray(data) || data.length !== titles.length)
        return [
          `sent ${titles.length} titles, the answer has ${Array.isArray(data) ? data.length : "no list of"} matches`,
        ];
      titles.forEach((t, i) => {
        if (typeof t === "string" && data[i]?.title !== cleanTitle(t))
          problems.push(
            `titles.${i}: sent ${JSON.stringify(t).slice(0, 200)}, the answer has ${JSON.stringify(data[i]?.title).slice(0, 200)}`,
          );
      });
      const source = typeof args.source === "string" ? args.source.trim() || null : null;
      const sent = new Set(titles.filter((t): t is string => typeof t === "string").map(cleanTitle));
      for (const c of changes.filter((c) => c.table === "ProductMatch" && c.kind === "added")) {
        const r = await row("ProductMatch", c.id);
        if (!r || !sent.has(r.title as string))
          problems.push(`queued title ${JSON.stringify(r?.title).slice(0, 200)} is not one that was sent`);
        if (r && r.source !== source)
          problems.push(
            `queued with source ${JSON.stringify(r.source).slice(0, 200)}, sent ${JSON.stringify(args.source).slice(0, 200)}`,
          );
      }
      return problems;
    },
  },
  confirmProductMatch: {
    id: "ProductMatch",
    runs: 40,
    minSucceeded: 2,
    async onSuccess({ data, row }) {
      const r = await row("ProductMatch", String(data.id).split(":")[1]!);
      return r?.status === "CONFIRMED" && data.confirmedProduct?.id === `Product:${r.confirmedProductId}`
        ? []
        : [`after confirming, the review is ${JSON.stringify(r).slice(0, 300)}`];
    },
  },
  rejectProductMatch: {
    id: "ProductMatch",
    runs: 30,
    minSucceeded: 4,
    async onSuccess({ data, row }) {
      const r = await row("ProductMatch", String(data.id).split(":")[1]!);
      return r?.status === "REJECTED"
        ? []
        : [`after rejecting, the review is ${JSON.stringify(r).slice(0, 300)}`];
    },
  },
};

/** Which test file fuzzes which mutations (files run in parallel). */
export const GROUPS = {
  inventory: [
    "createSite",
    "updateSite",
    "retireSite",
    "createAsset",
    "updateAsset",
    "retireAsset",
    "createDependency",
    "updateDependency",
    "removeDependency",
  ],
  procurement: [
    "createLicence",
    "updateLicence",
    "retireLicence",
    "createContract",
    "updateContract",
    "retireContract",
  ],
  catalogue: ["importOcds", "submitProductTitles", "confirmProductMatch", "rejectProductMatch"],
  identity: [
    "changePassword",
    "createApiToken",
    "revokeApiToken",
    "createUser",
    "grantRole",
    "revokeRole",
    "resetUserPassword",
    "setUserActive",
  ],
} as const satisfies Record<string, readonly (keyof typeof CASES)[]>;

/** The kind of field `key` in mutation `mutation`, if known. */
export function kindOf(mutation: string, key: string): FieldKind | undefined {
  if (key === "id") {
    const table = CASES[mutation]?.id;
    return table ? ref(table) : undefined;
  }
  return CASES[mutation]?.fields?.[key] ?? FIELD_KINDS[key];
}

/** The roles in SCC (the actor's organisation) a caller holds, for each kind of caller of a mutation. */
export interface Callers {
  permitted: Role[];
  /** Null when every account may run the mutation; `why` says so. */
  forbidden: Role[] | null;
  why?: string;
}

/**
 * Who fuzzes each mutation, from the rule of tests/auth/mutation-cases.ts (the same rules the role table
 * and its walk use, so the fuzz follows when a rule changes): the one role that grants the permission
 * the mutation needs, and a caller holding every role that does not (the most a refused caller can
 * have). Own-account mutations: any role, against a caller with none (refused by the access plugin).
 */
export function callersOf(mutation: string): Callers {
  if (mutation === "changePassword")
    return {
      permitted: ["VIEWER"],
      forbidden: null,
      why: "every account may change its own password, even one with no role or on one-time credentials",
    };
  const rule = MUTATION_CASES[mutation]?.rule;
  if (!rule) throw new Error(`fuzz: ${mutation} has no rule in tests/auth/mutation-cases.ts`);
  const permission = permissionOf(rule);
  if (permission === null) return { permitted: ["VIEWER"], forbidden: [] };
  const granting = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(permission));
  const permitted = granting.find((r) => r !== "ADMIN") ?? "ADMIN";
  return { permitted: [permitted], forbidden: ROLES.filter((r) => !granting.includes(r)) };
}

/** The roles of `caller` for a call of `mutation`. */
export function rolesOf(mutation: string, caller: Caller): Role[] {
  const callers = callersOf(mutation);
  if (caller === "permitted") return callers.permitted;
  if (!callers.forbidden)
    throw new Error(`fuzz: ${mutation} has no caller who may not run it (${callers.why})`);
  return callers.forbidden;
}
