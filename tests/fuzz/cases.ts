// One fuzz case per mutation of the schema: what its fields mean (so valid values can be generated next to
// hostile ones) and how many runs it gets. coverage.test.ts fails when a mutation has no case here.
import fc from "fast-check";
import type { Role } from "../../generated/prisma/client.ts";
import { ROLE_PERMISSIONS } from "../../server/shared/authz.ts";
import { MUTATION_CASES } from "../auth/mutation-cases.ts";
import { permissionOf, ROLES } from "../auth/role-table.ts";
import type { Caller, Table } from "./values.ts";
import { moneyOut } from "./schema-info.ts";

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
  | { kind: "titles" }
  /** A list of ids of `table` (at least one when valid). */
  | { kind: "refs"; table: Table; max: number }
  /** A list of organisation codes (no code twice when valid). */
  | { kind: "orgCodes" }
  /** A number from min to max with at most two decimal places (a percentage stored in basis points). */
  | { kind: "hundredths"; min: number; max: number }
  /** Planning moves (planning-arb.ts): one MoveInput, a list of them, a MovePatch. */
  | { kind: "moveInput" }
  | { kind: "moveInputs" }
  | { kind: "movePatch" };

const name = (max = 200): FieldKind => ({ kind: "name", max });
const text = (max: number): FieldKind => ({ kind: "text", max });
const int = (min: number, max: number): FieldKind => ({ kind: "int", min, max });
const float = (min: number, max: number): FieldKind => ({ kind: "float", min, max });
const ref = (table: Table): FieldKind => ({ kind: "ref", table });
const refs = (table: Table, max = 3): FieldKind => ({ kind: "refs", table, max });

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
  // Planning (limits from server/planning/scenarios.ts, SCENARIO_LIMITS, and moves.ts, checkMove).
  organisations: { kind: "orgCodes" },
  scenarioId: ref("Scenario"),
  asset: ref("Asset"),
  targetAsset: ref("Asset"),
  targetSite: ref("Site"),
  licences: refs("Licence"),
  targetLicence: ref("Licence"),
  targetSites: refs("Site", 2),
  closingSites: refs("Site", 2),
  targetPlatforms: refs("Asset", 2),
  horizonYears: int(1, 15),
  waveLengthMonths: int(1, 24),
  maxMovesPerWave: int(1, 10_000),
  maxEffortDaysPerWave: int(1, 1_000_000),
  discountRatePercent: { kind: "hundredths", min: 0, max: 20 },
  carbonFactorGramsPerKwh: float(1, 2_000),
  carbonFactorYear: int(1990, 2100),
  seats: int(0, 5_000),
  effortDays: int(0, 400),
  pinnedWave: int(1, 40),
  oneOffCost: { kind: "money" },
  targetCostGrowth: { kind: "money" },
  savingOverride: { kind: "money" },
  savingOverrideReason: text(4000),
  earliestDate: { kind: "date" },
  note: text(4000),
  reason: text(4000),
};

/** Field kinds every planning mutation shares: `target` is a savings target (money), not an asset. */
const PLANNING_FIELDS: Record<string, FieldKind> = { target: { kind: "money" } };

/** Why the planning mutations may change rows of a scenario DCC takes part in (MutationCase.joint). */
const JOINT_PLANNING =
  "the plan permission in one organisation a scenario affects is enough to change all of it (schema/planning.graphql): SCC's planner changes scenarios SCC takes part in with DCC, never DCC's alone";

/** Every change of a scenario's moves bumps the scenario (MutationCase.unaudited). */
const MOVE_TOUCHES_SCENARIO: MutationCase["unaudited"] = [
  {
    table: "Scenario",
    kind: "changed",
    why: "every change of its moves bumps the scenario's version (and makes a REJECTED one DRAFT), so that a proposal is of exactly what was reviewed; the moves' events record the change",
  },
  {
    table: "ScenarioTarget",
    kind: "added",
    why: "the owners of what a move touches join the scenario (with their default targets) and must approve it; the move's event records the move",
  },
];

/** What a success hook gets: the arguments sent, the answer, the rows that changed, a row reader. */
export interface SuccessContext {
  args: Record<string, unknown>;
  data: any;
  changes: { table: string; id: string; kind: "added" | "removed" | "changed" }[];
  row(table: string, id: string): Promise<Record<string, unknown> | null>;
  /** How many rows of `table` have `column` = `value` now. */
  count(table: string, column: string, value: string): Promise<number>;
}

/** A mutation's fuzz case. */
export interface MutationCase {
  /** The table of the row the `id` argument names (mutations that change an existing row). */
  id?: Table;
  /** Field kinds that differ from FIELD_KINDS for this mutation. */
  fields?: Record<string, FieldKind>;
  /** Optional fields the mutation refuses to clear: valid-shaped calls leave them out or set them, never null. */
  notClearable?: string[];
  /** Runs per engine before RUN_SCALE (each run is one request between two database snapshots). */
  runs: number;
  /**
   * The fewest calls that must succeed per engine (before RUN_SCALE), or the property fails: a fuzz whose
   * calls are all refused tests nothing its title claims. Set near half of what the default seed gives.
   */
  minSucceeded: number;
  /** Extra checks of an accepted call, beyond the generic ones (problems found, empty when none). */
  onSuccess?: (c: SuccessContext) => Promise<string[]>;
  /**
   * Set (to why) when a success may change rows of a scenario DCC takes part in, as long as SCC takes part
   * in it too (before the call, for a row changed or removed), and add the audit events of those changes
   * filed under DCC. Every other DCC row stays as it was.
   */
  joint?: string;
  /**
   * Changes a success makes with no audit event of their own, as a side effect of the change it audits:
   * rows of `table` changed in that `kind` only (onSuccess should check what they became).
   */
  unaudited?: { table: string; kind: "added" | "changed" | "removed"; why: string }[];
}

/** What checkTitle in server/procurement/product-matches.ts makes of a raw title. */
const cleanTitle = (t: string) => t.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();

const uuidOf = (gid: unknown) =>
  typeof gid === "string"
    ? gid
        .slice(gid.indexOf(":") + 1)
        .trim()
        .toLowerCase()
    : "";
const short = (v: unknown) => JSON.stringify(v)?.slice(0, 300);

/**
 * After a change of moves: exactly one scenario changed (the one named, when known), it is DRAFT, and
 * the organisations it gained own something the changed moves refer to.
 */
async function movesTouchedScenario(
  { changes, row }: SuccessContext,
  scenarioId?: string,
): Promise<string[]> {
  const touched = changes.filter((c) => c.table === "Scenario");
  if (touched.length !== 1 || touched[0]!.kind !== "changed")
    return [`changing moves changed scenarios ${short(touched)} (expected the moves' scenario only)`];
  const problems: string[] = [];
  if (scenarioId !== undefined && touched[0]!.id !== scenarioId)
    problems.push(`moves of Scenario:${scenarioId} changed, but Scenario:${touched[0]!.id} was bumped`);
  const scenario = await row("Scenario", touched[0]!.id);
  if (scenario?.status !== "DRAFT")
    problems.push(`after changing its moves the scenario is ${short(scenario?.status)}`);
  const owners = new Set<unknown>();
  for (const c of changes.filter((c) => c.table === "Move" && c.kind !== "removed")) {
    const m = await row("Move", c.id);
    if (m?.scenarioId !== touched[0]!.id) problems.push(`Move:${c.id} is not in the bumped scenario`);
    const ids = (t: string, v: unknown) =>
      (Array.isArray(v) ? v : v ? [v] : []).map((id) => [t, String(id)] as const);
    for (const [t, id] of [
      ...ids("Asset", m?.assetId),
      ...ids("Asset", m?.targetAssetId),
      ...ids("Site", m?.siteId),
      ...ids("Site", m?.targetSiteId),
      ...ids("Licence", m?.licenceIds),
      ...ids("Licence", m?.targetLicenceId),
    ])
      owners.add((await row(t, id))?.organisationId);
  }
  for (const c of changes.filter((c) => c.table === "ScenarioTarget")) {
    const t = await row("ScenarioTarget", c.id);
    if (c.kind !== "added" || !owners.has(t?.organisationId))
      problems.push(
        `target ${short(t)} ${c.kind}, though no changed move refers to anything its organisation owns`,
      );
  }
  return problems;
}

/** After a governance step: the scenario named is in `status`, and (for a decision) the decision was recorded as sent. */
function governance(
  status: (c: SuccessContext) => string | string[],
  decision?: "APPROVED" | "REJECTED",
): (c: SuccessContext) => Promise<string[]> {
  return async (c) => {
    const { args, data, changes, row } = c;
    const problems: string[] = [];
    const scenario = await row("Scenario", uuidOf(args.id));
    const expected = [status(c)].flat();
    if (uuidOf(data.id) !== uuidOf(args.id))
      problems.push(`asked about ${short(args.id)}, answered ${short(data.id)}`);
    if (!expected.includes(String(scenario?.status)))
      problems.push(`the scenario is ${short(scenario?.status)}, expected ${expected.join(" or ")}`);
    if (data.status !== scenario?.status)
      problems.push(`the answer says ${data.status}, the database ${scenario?.status}`);
    if (decision) {
      const added = changes.filter((x) => x.table === "ScenarioDecision");
      const d =
        added.length === 1 && added[0]!.kind === "added" ? await row("ScenarioDecision", added[0]!.id) : null;
      const org = d ? await row("Organisation", String(d.organisationId)) : null;
      const code = typeof args.organisation === "string" ? args.organisation.trim().toUpperCase() : null;
      if (!d || d.decision !== decision || String(org?.code).toUpperCase() !== code)
        problems.push(
          `decisions added ${short(added)}: ${short(d)} for ${short(org?.code)}, sent ${decision} for ${short(args.organisation)}`,
        );
      if (
        d &&
        decision === "REJECTED" &&
        d.reason !== (typeof args.reason === "string" ? args.reason.trim() : null)
      )
        problems.push(`reason: sent ${short(args.reason)}, stored ${short(d.reason)}`);
    }
    return problems;
  };
}

/** After a copy or revision: one new DRAFT with the source's moves, in its lineage or its own. */
function copied(revision: boolean): (c: SuccessContext) => Promise<string[]> {
  return async ({ args, data, changes, row, count }) => {
    const problems: string[] = [];
    const added = changes.filter((c) => c.table === "Scenario" && c.kind === "added");
    if (added.length !== 1 || changes.some((c) => c.kind !== "added"))
      return [
        `a copy changed ${short(changes.filter((c) => c.kind !== "added"))} and added ${added.length} scenarios`,
      ];
    const [copy, source] = [await row("Scenario", added[0]!.id), await row("Scenario", uuidOf(args.id))];
    if (copy?.status !== "DRAFT" || uuidOf(data.id) !== copy.id) problems.push(`the copy is ${short(copy)}`);
    if (revision) {
      if (copy?.lineageId !== source?.lineageId || copy?.previousRevisionId !== source?.id)
        problems.push(`the revision ${short(copy)} is not the next of ${short(source?.id)} in its lineage`);
    } else if (copy?.copiedFromId !== source?.id || copy?.lineageId !== copy?.id)
      problems.push(
        `the what-if copy ${short(copy)} does not start its own lineage from ${short(source?.id)}`,
      );
    const moves = changes.filter((c) => c.table === "Move").length;
    const sourceMoves = await count("Move", "scenarioId", String(source?.id));
    if (moves !== sourceMoves) problems.push(`copied ${moves} moves of the source's ${sourceMoves}`);
    return problems;
  };
}

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

  // Planning: scenarios, their moves and their approval. Each success that changes a scenario SCC takes
  // part in with DCC may change DCC's part of it (`joint`).
  createScenario: {
    runs: 60,
    minSucceeded: 6,
    fields: PLANNING_FIELDS,
    joint: JOINT_PLANNING,
    async onSuccess({ args, data, changes, row }) {
      const input = args.input as Record<string, unknown>;
      const codes = new Set((input.organisations as string[]).map((c) => c.trim().toUpperCase()));
      const targets = changes.filter((c) => c.table === "ScenarioTarget" && c.kind === "added");
      const problems: string[] = [];
      if (data.status !== "DRAFT") problems.push(`a new scenario is ${data.status}`);
      if (targets.length !== codes.size)
        problems.push(`${codes.size} organisations sent, ${targets.length} take part`);
      for (const t of targets) {
        const r = await row("ScenarioTarget", t.id);
        if (r?.scenarioId !== uuidOf(data.id)) problems.push(`target ${t.id} is not the new scenario's`);
      }
      return problems;
    },
  },
  updateScenario: {
    id: "Scenario",
    runs: 60,
    minSucceeded: 3,
    fields: PLANNING_FIELDS,
    notClearable: [
      "name",
      "startDate",
      "horizonYears",
      "waveLengthMonths",
      "maxMovesPerWave",
      "discountRatePercent",
      "costSplit",
      "carbonFactorGramsPerKwh",
      "carbonFactorYear",
    ],
    joint: JOINT_PLANNING,
    onSuccess: governance(() => "DRAFT"),
  },
  deleteScenario: {
    id: "Scenario",
    runs: 30,
    minSucceeded: 3,
    joint: JOINT_PLANNING,
    unaudited: [
      {
        table: "Scenario",
        kind: "changed",
        why: "what-if copies and later revisions of the deleted scenario lose their link to it (ON DELETE SET NULL); its DELETE event records it",
      },
    ],
    async onSuccess({ args, changes, row }) {
      const problems: string[] = [];
      const id = uuidOf(args.id);
      if (!changes.some((c) => c.table === "Scenario" && c.kind === "removed" && c.id === id))
        problems.push(`Scenario:${id} is still there`);
      for (const c of changes.filter((c) => c.table === "Scenario" && c.kind === "changed")) {
        const r = await row("Scenario", c.id);
        if (r?.copiedFromId !== null && r?.previousRevisionId !== null)
          problems.push(
            `Scenario:${c.id} changed, though it neither lost its copiedFrom nor its previousRevision`,
          );
      }
      for (const c of changes.filter((c) => c.table === "Move" && c.kind !== "removed"))
        problems.push(`Move:${c.id} ${c.kind} when its scenario was deleted`);
      return problems;
    },
  },
  copyScenario: {
    id: "Scenario",
    runs: 40,
    minSucceeded: 4,
    joint: JOINT_PLANNING,
    onSuccess: copied(false),
  },
  reviseScenario: {
    id: "Scenario",
    runs: 40,
    minSucceeded: 1,
    joint: JOINT_PLANNING,
    onSuccess: copied(true),
  },
  addMove: {
    runs: 200,
    minSucceeded: 3,
    fields: { ...PLANNING_FIELDS, input: { kind: "moveInput" } },
    joint: JOINT_PLANNING,
    unaudited: MOVE_TOUCHES_SCENARIO,
    onSuccess: (c) => movesTouchedScenario(c, uuidOf(c.data.scenario?.id)),
  },
  addMoves: {
    runs: 150,
    minSucceeded: 2,
    fields: { ...PLANNING_FIELDS, input: { kind: "moveInputs" } },
    joint: JOINT_PLANNING,
    unaudited: MOVE_TOUCHES_SCENARIO,
    async onSuccess(c) {
      const sent = c.args.input as Record<string, unknown>[];
      const problems = await movesTouchedScenario(c, uuidOf(c.args.scenarioId));
      if (!Array.isArray(c.data) || c.data.length !== sent.length)
        return [...problems, `sent ${sent.length} moves, the answer has ${short(c.data?.length)}`];
      sent.forEach((m, i) => {
        const note = typeof m.note === "string" ? m.note.trim() || null : null;
        if (c.data[i].kind !== m.kind || ("note" in m && c.data[i].note !== note))
          problems.push(
            `input[${i}]: sent ${short([m.kind, m.note])}, the answer has ${short([c.data[i].kind, c.data[i].note])}`,
          );
      });
      if (c.changes.filter((x) => x.table === "Move" && x.kind === "added").length !== sent.length)
        problems.push(`sent ${sent.length} moves, the database added others`);
      return problems;
    },
  },
  updateMove: {
    id: "Move",
    runs: 60,
    minSucceeded: 4,
    fields: { ...PLANNING_FIELDS, patch: { kind: "movePatch" } },
    joint: JOINT_PLANNING,
    unaudited: MOVE_TOUCHES_SCENARIO,
    onSuccess: (c) => movesTouchedScenario(c, uuidOf(c.data.scenario?.id)),
  },
  removeMove: {
    id: "Move",
    runs: 30,
    minSucceeded: 3,
    joint: JOINT_PLANNING,
    unaudited: MOVE_TOUCHES_SCENARIO,
    async onSuccess(c) {
      const removed = c.changes.filter((x) => x.table === "Move");
      return [
        ...(await movesTouchedScenario(c)),
        ...(removed.length === 1 && removed[0]!.kind === "removed" && removed[0]!.id === uuidOf(c.args.id)
          ? []
          : [`removing ${short(c.args.id)} changed moves ${short(removed)}`]),
      ];
    },
  },
  proposeScenario: {
    id: "Scenario",
    runs: 40,
    minSucceeded: 2,
    joint: JOINT_PLANNING,
    onSuccess: governance(() => "PROPOSED"),
  },
  withdrawScenario: {
    id: "Scenario",
    runs: 30,
    minSucceeded: 1,
    joint: JOINT_PLANNING,
    onSuccess: governance(() => "DRAFT"),
  },
  approveScenario: {
    id: "Scenario",
    runs: 50,
    minSucceeded: 1,
    fields: PLANNING_FIELDS,
    joint:
      "SCC's approver decides for SCC on a scenario DCC takes part in too; when DCC has approved already, SCC's approval makes it APPROVED for both",
    // APPROVED once every organisation it affects has approved this version, PROPOSED until then.
    onSuccess: governance(() => ["PROPOSED", "APPROVED"], "APPROVED"),
  },
  rejectScenario: {
    id: "Scenario",
    runs: 50,
    minSucceeded: 1,
    fields: PLANNING_FIELDS,
    joint:
      "SCC's approver decides for SCC on a scenario DCC takes part in too; one rejection sends it back for both",
    onSuccess: governance(() => "REJECTED", "REJECTED"),
  },
  draftConvergence: {
    runs: 70,
    minSucceeded: 2,
    fields: PLANNING_FIELDS,
    joint: `${JOINT_PLANNING}; a draft of every council (the default) takes DCC's estate into the new scenario`,
    async onSuccess({ data, changes, row }) {
      const problems: string[] = [];
      const id = uuidOf(data.scenario?.id);
      const scenarios = changes.filter((c) => c.table === "Scenario");
      if (scenarios.length !== 1 || scenarios[0]!.kind !== "added" || scenarios[0]!.id !== id)
        problems.push(`a draft changed scenarios ${short(scenarios)} (expected one new: ${id})`);
      if (changes.some((c) => c.kind !== "added"))
        problems.push(`a draft changed or removed ${short(changes.filter((c) => c.kind !== "added"))}`);
      for (const c of changes.filter((c) => c.table === "Move")) {
        const m = await row("Move", c.id);
        if (m?.scenarioId !== id) problems.push(`Move:${c.id} is not in the drafted scenario`);
      }
      return problems;
    },
  },
  setOrganisationSavingsTarget: {
    runs: 30,
    minSucceeded: 5,
    fields: PLANNING_FIELDS,
    async onSuccess({ args, data, row }) {
      const r = await row("Organisation", uuidOf(data.id));
      const expected = moneyOut(args.target);
      const code = typeof args.organisation === "string" ? args.organisation.trim().toUpperCase() : null;
      const pence = BigInt(String(r?.savingsTargetPence ?? -1));
      const stored = `${pence / 100n}.${String(pence % 100n).padStart(2, "0")}`;
      return data.savingsTarget === expected && stored === expected && r?.code === code
        ? []
        : [
            `sent ${short(args.target)} for ${short(args.organisation)}; the answer has ${short(data.savingsTarget)}, the database ${short(r)}`,
          ];
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
  planning: [
    "createScenario",
    "updateScenario",
    "deleteScenario",
    "copyScenario",
    "reviseScenario",
    "addMove",
    "addMoves",
    "updateMove",
    "removeMove",
    "proposeScenario",
    "withdrawScenario",
    "approveScenario",
    "rejectScenario",
    "draftConvergence",
    "setOrganisationSavingsTarget",
  ],
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
