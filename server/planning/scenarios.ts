// Scenarios: create, change, delete, copy (what-if) and revise (a new draft of an approved plan), each
// versioned and audited. Who may: PLANNERs (or ADMINs) of an organisation the scenario affects.
import { insertMoveRows } from "./move-rows.ts";
import { randomUUID } from "node:crypto";
import type { Prisma, Scenario } from "../../generated/prisma/client.ts";
import type {
  CreateScenarioInput,
  SavingsTargetInput,
  ScenarioFilter,
  UpdateScenarioPatch,
} from "../../generated/graphql.ts";
import type { Context } from "../shared/context.ts";
import type { Actor } from "../shared/actor.ts";
import { authorize, can } from "../shared/authz.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "../shared/errors.ts";
import { idOf, toGlobalId } from "../shared/ids.ts";
import { containsText } from "../shared/like.ts";
import { parseNonNegativeMoney } from "../shared/money.ts";
import { paginate, type PageArgs } from "../shared/pagination.ts";
import { optionalText, requireName } from "../shared/validate.ts";
import { expectVersion, inTransaction, recordAudit, writeVersioned, type Tx } from "../shared/writes.ts";
import { organisationByCode, organisationIdsByCodes } from "../organisations/service.ts";
import { auditMoves } from "./move-audit.ts";

/** Scenario states that may be edited. */
export const EDITABLE = ["DRAFT", "REJECTED"] as const;

/** Settings a new scenario takes when the input leaves them out (the SDL states the same defaults). */
export const SCENARIO_DEFAULTS = {
  horizonYears: 10,
  waveLengthMonths: 3,
  maxMovesPerWave: 25,
  discountRatePercent: 3.5,
  costSplit: "PROPORTIONAL_TO_BASELINE",
  // The UK government's (DESNZ) 2024 grid electricity factor, as the database's column defaults.
  carbonFactorGramsPerKwh: 207.05,
  carbonFactorYear: 2024,
} as const;

function withoutUndefined(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));
}

/** Limits of a scenario's settings. */
export const SCENARIO_LIMITS = {
  horizonYears: [1, 15],
  waveLengthMonths: [1, 24],
  maxMovesPerWave: [1, 10_000],
  maxEffortDaysPerWave: [1, 1_000_000],
  discountRatePercent: [0, 20],
  carbonFactorGramsPerKwh: [0, 2_000],
  carbonFactorYear: [1990, 2100],
} as const;

function intIn(value: unknown, key: keyof typeof SCENARIO_LIMITS, field: string): number {
  const [lo, hi] = SCENARIO_LIMITS[key];
  if (typeof value !== "number" || !Number.isInteger(value) || value < lo || value > hi)
    throw new InputError(field, `must be a whole number from ${lo} to ${hi} (got ${String(value)}).`);
  return value;
}

/** A percentage with at most two decimals → basis points. */
function rateBp(value: unknown, field: string): number {
  const [lo, hi] = SCENARIO_LIMITS.discountRatePercent;
  if (typeof value !== "number" || !Number.isFinite(value) || value < lo || value > hi)
    throw new InputError(field, `must be a percentage from ${lo} to ${hi} (3.5 is the Green Book rate).`);
  const bp = Math.round(value * 100);
  if (Math.abs(bp - value * 100) > 1e-6)
    throw new InputError(field, `may have at most two decimal places (got ${value}).`);
  return bp;
}

function carbonFactor(value: unknown, field: string): number {
  const [lo, hi] = SCENARIO_LIMITS.carbonFactorGramsPerKwh;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= lo || value > hi)
    throw new InputError(field, `must be grams CO2e per kWh, more than ${lo} and at most ${hi}.`);
  return value;
}

/** Settings every scenario has: null does not clear them (leave a field out to keep it). */
const REQUIRED_SETTINGS = [
  "name",
  "startDate",
  "horizonYears",
  "waveLengthMonths",
  "maxMovesPerWave",
  "discountRatePercent",
  "costSplit",
  "carbonFactorGramsPerKwh",
  "carbonFactorYear",
] as const;

/**
 * The settings columns from create input or a patch merged over a row; errors name the field under
 * `prefix` ("input" or "patch"), as the API's own validation does.
 */
function settings(source: Record<string, unknown>, prefix: "input" | "patch"): Prisma.ScenarioUncheckedUpdateInput {
  const f = (k: string) => `${prefix}.${k}`;
  for (const k of REQUIRED_SETTINGS)
    if (source[k] === null) throw new InputError(f(k), "cannot be cleared; leave it out to keep it as it is.");
  const out: Prisma.ScenarioUncheckedUpdateInput = {};
  if (source.name !== undefined) out.name = requireName(source.name, f("name"));
  if (source.description !== undefined) out.description = optionalText(source.description, f("description"));
  if (source.startDate !== undefined) {
    if (!(source.startDate instanceof Date)) throw new InputError(f("startDate"), "is required.");
    out.startDate = source.startDate;
  }
  if (source.horizonYears !== undefined) out.horizonYears = intIn(source.horizonYears, "horizonYears", f("horizonYears"));
  if (source.waveLengthMonths !== undefined)
    out.waveLengthMonths = intIn(source.waveLengthMonths, "waveLengthMonths", f("waveLengthMonths"));
  if (source.maxMovesPerWave !== undefined)
    out.maxMovesPerWave = intIn(source.maxMovesPerWave, "maxMovesPerWave", f("maxMovesPerWave"));
  if (source.maxEffortDaysPerWave !== undefined)
    out.maxEffortDaysPerWave =
      source.maxEffortDaysPerWave === null
        ? null
        : intIn(source.maxEffortDaysPerWave, "maxEffortDaysPerWave", f("maxEffortDaysPerWave"));
  if (source.discountRatePercent !== undefined) out.discountRateBp = rateBp(source.discountRatePercent, f("discountRatePercent"));
  if (source.costSplit !== undefined) out.costSplit = source.costSplit as Scenario["costSplit"];
  if (source.carbonFactorGramsPerKwh !== undefined)
    out.carbonFactorGPerKwh = carbonFactor(source.carbonFactorGramsPerKwh, f("carbonFactorGramsPerKwh"));
  if (source.carbonFactorYear !== undefined)
    out.carbonFactorYear = intIn(source.carbonFactorYear, "carbonFactorYear", f("carbonFactorYear"));
  return out;
}

/** Throws FORBIDDEN unless the actor may plan in one of `organisationIds`. */
export function authorizePlanning(actor: Actor, organisationIds: readonly string[], what: string): void {
  if (actor.mustChangePassword)
    throw new ForbiddenError("choose a new password first (changePassword); one-time credentials allow nothing else.");
  if (!organisationIds.some((o) => can(actor, "plan", o)))
    throw new ForbiddenError(
      `you may not ${what}: it needs the plan permission (PLANNER or ADMIN) in an organisation the scenario affects.`,
    );
}

/** The ids of the organisations a scenario affects (its targets). */
export async function affectedOrganisationIds(db: Tx | Context["prisma"], scenarioId: string): Promise<string[]> {
  const rows = await db.scenarioTarget.findMany({ where: { scenarioId }, select: { organisationId: true } });
  return rows.map((r) => r.organisationId);
}

/**
 * Resolves target inputs to (organisation id, pence), refusing duplicates. An organisation's savings
 * target is its own commitment: only those who may plan in that organisation set it. `current` gives the
 * target it has now (a target sent back unchanged, as a form that sends every row does, is not a change).
 */
async function targetRows(
  tx: Tx,
  actor: Actor,
  targets: readonly SavingsTargetInput[],
  field: string,
  current: (organisationId: string) => bigint | undefined,
) {
  const seen = new Set<string>();
  const out: { organisationId: string; savingsTargetPence: bigint }[] = [];
  for (const [i, t] of targets.entries()) {
    const org = await organisationByCode(tx, t.organisation, `${field}[${i}].organisation`);
    if (seen.has(org.id)) throw new InputError(`${field}[${i}].organisation`, `${org.code} is listed twice.`);
    seen.add(org.id);
    const pence = parseNonNegativeMoney(t.target, `${field}[${i}].target`);
    if (pence !== current(org.id) && !can(actor, "plan", org.id))
      throw new ForbiddenError(
        `you may not set ${org.code}'s savings target (${field}[${i}]): a target is set only by ${org.code}'s own planners (PLANNER or ADMIN in ${org.code}).`,
      );
    out.push({ organisationId: org.id, savingsTargetPence: pence });
  }
  return out;
}

/** Loads a scenario for a change: version-checked, editable, and the actor may plan in it. */
export async function editableScenario(tx: Tx, actor: Actor, id: string, version: number | null, what: string) {
  const row = await tx.scenario.findUnique({ where: { id } });
  if (!row) throw new NotFoundError(version === null ? "scenarioId" : "id", `no scenario has ID ${toGlobalId("Scenario", id)}.`);
  if (version !== null) expectVersion(row, version, "Scenario", id);
  authorizePlanning(actor, await affectedOrganisationIds(tx, id), what);
  if (!(EDITABLE as readonly string[]).includes(row.status))
    throw new ConflictError(
      "status",
      row.status === "PROPOSED"
        ? "this scenario is proposed and frozen for approval; withdraw it (withdrawScenario) to change it."
        : `this scenario is ${row.status.toLowerCase()} and frozen; make a new draft revision (reviseScenario) to change it.`,
    );
  return row;
}

/**
 * Marks a scenario changed: its version goes up (so a proposal of an older version is refused) and a
 * REJECTED one becomes DRAFT again. Call it before reading what the change depends on.
 */
export async function touchScenario(tx: Tx, scenario: Scenario): Promise<void> {
  // Conditional on the state only: the row lock orders concurrent edits, and a proposal that got there
  // first (PROPOSED) makes this fail rather than change what is being approved.
  const { count } = await tx.scenario.updateMany({
    where: { id: scenario.id, status: { in: [...EDITABLE] } },
    data: { version: { increment: 1 }, status: "DRAFT" },
  });
  if (count !== 1)
    throw new ConflictError("status", "this scenario was proposed or deleted by someone else meanwhile; reload it.");
}

/** Scenarios, newest first. */
export async function listScenarios(ctx: Context, filter: ScenarioFilter | null | undefined, page: PageArgs) {
  const where: Prisma.ScenarioWhereInput = {};
  if (filter?.status?.length) where.status = { in: filter.status };
  if (filter?.organisation?.length)
    where.targets = {
      some: { organisationId: { in: await organisationIdsByCodes(ctx.prisma, filter.organisation, "filter.organisation") } },
    };
  const words = filter?.search?.trim().split(/\s+/).filter(Boolean) ?? [];
  if (words.length) where.AND = words.map((w) => ({ name: containsText(w) }));
  return paginate(
    page,
    { column: "createdAt", direction: "desc" },
    where,
    (q) => ctx.prisma.scenario.findMany(q as Prisma.ScenarioFindManyArgs),
    (w) => ctx.prisma.scenario.count({ where: w as Prisma.ScenarioWhereInput }),
  );
}

/** Starts a DRAFT scenario for the given organisations, each with its default (or given) target. */
export function createScenario(ctx: Context, input: CreateScenarioInput) {
  return inTransaction(ctx, (tx) => createScenarioIn(tx, ctx.actor, input));
}

/** createScenario inside the caller's transaction. */
export async function createScenarioIn(tx: Tx, actor: Actor, input: CreateScenarioInput): Promise<Scenario> {
  {
    if (!input.organisations.length)
      throw new InputError("input.organisations", "name at least one organisation taking part (e.g. [\"SCC\", \"DCC\"]).");
    const orgIds = await organisationIdsByCodes(tx, input.organisations, "input.organisations");
    if (new Set(orgIds).size !== orgIds.length) throw new InputError("input.organisations", "lists an organisation twice.");
    authorizePlanning(actor, orgIds, "create this scenario");
    const data = settings({ ...SCENARIO_DEFAULTS, ...withoutUndefined(input) }, "input") as Prisma.ScenarioUncheckedCreateInput;
    const id = randomUUID();
    const scenario = await tx.scenario.create({
      data: { ...data, id, lineageId: id, createdBy: actor.email },
    });
    const defaults = await tx.organisation.findMany({ where: { id: { in: orgIds } } });
    const byDefault = new Map(defaults.map((o) => [o.id, o.savingsTargetPence]));
    const given = new Map(
      (await targetRows(tx, actor, input.targets ?? [], "input.targets", (o) => byDefault.get(o))).map((t) => [t.organisationId, t.savingsTargetPence]),
    );
    for (const o of given.keys())
      if (!orgIds.includes(o)) throw new InputError("input.targets", "sets a target for an organisation not in input.organisations.");
    await tx.scenarioTarget.createMany({
      data: defaults.map((o) => ({
        id: randomUUID(),
        scenarioId: id,
        organisationId: o.id,
        savingsTargetPence: given.get(o.id) ?? o.savingsTargetPence,
      })),
    });
    await recordAudit(tx, actor, { action: "CREATE", entityType: "Scenario", entityId: id, organisationId: null, after: scenario });
    return scenario;
  }
}

/** Changes a scenario's settings or targets. */
export function updateScenario(ctx: Context, globalId: string, version: number, patch: UpdateScenarioPatch) {
  const id = idOf(globalId, "Scenario", "id");
  return inTransaction(ctx, async (tx) => {
    const before = await editableScenario(tx, ctx.actor, id, version, "change this scenario");
    const data = settings(patch as unknown as Record<string, unknown>, "patch");
    if (patch.targets) {
      const now = new Map((await tx.scenarioTarget.findMany({ where: { scenarioId: id } })).map((t) => [t.organisationId, t.savingsTargetPence]));
      for (const t of await targetRows(tx, ctx.actor, patch.targets, "patch.targets", (o) => now.get(o)))
        await tx.scenarioTarget.upsert({
          where: { scenarioId_organisationId: { scenarioId: id, organisationId: t.organisationId } },
          create: { id: randomUUID(), scenarioId: id, ...t },
          update: { savingsTargetPence: t.savingsTargetPence },
        });
    }
    return writeVersioned(
      tx,
      ctx.actor,
      { type: "Scenario", id, action: "UPDATE", before, organisationId: undefined },
      () =>
        tx.scenario.updateMany({
          where: { id, version, status: { in: [...EDITABLE] } },
          data: { ...(data as Prisma.ScenarioUncheckedUpdateManyInput), status: "DRAFT", version: { increment: 1 } },
        }),
      () => tx.scenario.findUnique({ where: { id } }),
    );
  });
}

/** Deletes a DRAFT or REJECTED scenario and its moves; the audit trail keeps what was there. */
export function deleteScenario(ctx: Context, globalId: string, version: number) {
  const id = idOf(globalId, "Scenario", "id");
  return inTransaction(ctx, async (tx) => {
    const before = await editableScenario(tx, ctx.actor, id, version, "delete this scenario");
    const moves = await tx.move.findMany({ where: { scenarioId: id }, orderBy: { id: "asc" } });
    const { count } = await tx.scenario.deleteMany({ where: { id, version, status: { in: [...EDITABLE] } } });
    if (count !== 1) throw new ConflictError("version", "this scenario was changed by someone else meanwhile; reload it.");
    await recordAudit(tx, ctx.actor, {
      action: "DELETE",
      entityType: "Scenario",
      entityId: id,
      organisationId: null,
      before: { ...before, moveCount: moves.length },
    });
    // The moves go with it (ON DELETE CASCADE); the audit trail keeps each one.
    await auditMoves(tx, ctx.actor, "DELETE", moves);
    return globalId;
  });
}

/** Copies a scenario's settings, targets and moves into a new DRAFT. */
async function copyInto(
  tx: Tx,
  actor: Actor,
  source: Scenario,
  overrides: Partial<Prisma.ScenarioUncheckedCreateInput>,
): Promise<Scenario> {
  const id = randomUUID();
  const {
    id: _id,
    createdAt: _c,
    updatedAt: _u,
    version: _v,
    status: _s,
    proposedVersion: _pv,
    proposedAt: _pa,
    proposedBy: _pb,
    proposedSnapshot: _ps,
    approvedSnapshot: _as,
    ...rest
  } = source;
  const scenario = await tx.scenario.create({
    data: { ...rest, lineageId: id, revision: 1, previousRevisionId: null, copiedFromId: null, ...overrides, id, createdBy: actor.email },
  });
  const targets = await tx.scenarioTarget.findMany({ where: { scenarioId: source.id } });
  await tx.scenarioTarget.createMany({
    data: targets.map((t) => ({ id: randomUUID(), scenarioId: id, organisationId: t.organisationId, savingsTargetPence: t.savingsTargetPence })),
  });
  const moves = await tx.move.findMany({ where: { scenarioId: source.id }, orderBy: { id: "asc" } });
  const copies = await insertMoveRows(
    tx,
    moves.map(({ id: _m, scenarioId: _sc, createdAt: _mc, updatedAt: _mu, version: _mv, ...m }) => ({ ...m, id: randomUUID(), scenarioId: id })),
  );
  await recordAudit(tx, actor, {
    action: "CREATE",
    entityType: "Scenario",
    entityId: id,
    organisationId: null,
    after: { ...scenario, copiedMoves: moves.length },
  });
  // Each copied move is a new move: its history starts here, as an added one's does.
  await auditMoves(tx, actor, "CREATE", copies);
  return scenario;
}

/** A what-if copy: a new DRAFT (its own lineage) with the same settings, targets and moves. */
export function copyScenario(ctx: Context, globalId: string, name: string) {
  const id = idOf(globalId, "Scenario", "id");
  return inTransaction(ctx, async (tx) => {
    const source = await tx.scenario.findUnique({ where: { id } });
    expectVersion(source, source?.version ?? 0, "Scenario", id);
    authorizePlanning(ctx.actor, await affectedOrganisationIds(tx, id), "copy this scenario");
    return copyInto(tx, ctx.actor, source, { name: requireName(name, "name"), copiedFromId: id });
  });
}

/** A new DRAFT revision of an APPROVED scenario (same lineage, next revision); the approved one stays. */
export function reviseScenario(ctx: Context, globalId: string, version: number) {
  const id = idOf(globalId, "Scenario", "id");
  return inTransaction(ctx, async (tx) => {
    const source = await tx.scenario.findUnique({ where: { id } });
    expectVersion(source, version, "Scenario", id);
    authorizePlanning(ctx.actor, await affectedOrganisationIds(tx, id), "revise this scenario");
    if (source.status !== "APPROVED")
      throw new ConflictError(
        "status",
        `only an approved scenario is revised; this one is ${source.status.toLowerCase()}${(EDITABLE as readonly string[]).includes(source.status) ? " and can be edited as it is" : ""}.`,
      );
    const open = await tx.scenario.findFirst({
      where: { lineageId: source.lineageId, status: { in: ["DRAFT", "REJECTED", "PROPOSED"] } },
    });
    if (open)
      throw new ConflictError("id", `revision ${open.revision} of this plan is already open (${open.status.toLowerCase()}); change that one.`);
    const last = await tx.scenario.aggregate({ where: { lineageId: source.lineageId }, _max: { revision: true } });
    return copyInto(tx, ctx.actor, source, {
      lineageId: source.lineageId,
      revision: (last._max.revision ?? source.revision) + 1,
      previousRevisionId: source.id,
      copiedFromId: source.copiedFromId,
    });
  });
}

/** Sets an organisation's default savings target; needs the administer permission there. */
export function setOrganisationSavingsTarget(ctx: Context, code: string, target: unknown) {
  return inTransaction(ctx, async (tx) => {
    const org = await organisationByCode(tx, code, "organisation");
    authorize(ctx.actor, "update", "Organisation", org.id);
    const pence = parseNonNegativeMoney(target, "target");
    return writeVersioned(
      tx,
      ctx.actor,
      { type: "Organisation", id: org.id, action: "UPDATE", before: org, organisationId: org.id },
      () => tx.organisation.updateMany({ where: { id: org.id, version: org.version }, data: { savingsTargetPence: pence, version: { increment: 1 } } }),
      () => tx.organisation.findUnique({ where: { id: org.id } }),
    );
  });
}
