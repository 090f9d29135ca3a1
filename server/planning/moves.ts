// Moves: added (one or many, all or none), changed and removed on an editable scenario, each checked for
// the shape its kind needs, versioned and audited. Every change also bumps the scenario's version, so a
// proposal is always of exactly what was reviewed.
import { randomUUID } from "node:crypto";
import type { Asset, Move, Prisma, Site } from "../../generated/prisma/client.ts";
import type { MoveInput, MovePatch } from "../../generated/graphql.ts";
import type { Context } from "../shared/context.ts";
import type { Actor } from "../shared/actor.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "../shared/errors.ts";
import { can, commercialVisible } from "../shared/authz.ts";
import { idOf } from "../shared/ids.ts";
import { parseMoney, parseNonNegativeMoney } from "../shared/money.ts";
import { optionalText } from "../shared/validate.ts";
import { snapshot } from "../shared/json.ts";
import { insertMoveRows, type NewMove } from "./move-rows.ts";
import { moveSubject } from "./move-audit.ts";
import { CHUNK, inChunks } from "../shared/chunks.ts";
import { slices } from "../shared/yielding.ts";
import { expectVersion, inTransaction, recordAudit, recordAudits, writeVersioned, type Tx } from "../shared/writes.ts";
import { editableScenario, touchScenario } from "./scenarios.ts";
import { jobsOf, sameJob } from "./jobs.ts";

/** The most moves one addMoves call takes. */
export const MAX_MOVES_PER_CALL = 10_000;

const PLATFORM_KINDS = new Set(["COMPUTE_CLUSTER", "CLOUD_PLATFORM"]);
const REPLACEABLE_KINDS = new Set(["APPLICATION", "END_USER_SERVICE"]);

/** The columns of a move, before its scenario and id. */
type MoveFields = Omit<Prisma.MoveUncheckedCreateInput, "id" | "scenarioId">;

/** Everything a batch of inputs refers to, fetched in a few queries. */
interface Referenced {
  assets: Map<string, Asset>;
  /** Product id → its capabilities (the jobs it does). */
  jobs: Map<string, Set<string>>;
  sites: Map<string, Site>;
  licences: Map<string, { id: string; organisationId: string; status: string; metric: string }>;
}

function optId(value: string | null | undefined, type: "Asset" | "Site" | "Licence", field: string): string | null {
  return value === null || value === undefined ? null : idOf(value, type, field);
}

async function fetchReferenced(tx: Tx, inputs: readonly (MoveInput | MovePatch)[]): Promise<Referenced> {
  const assetIds = new Set<string>();
  const siteIds = new Set<string>();
  const licenceIds = new Set<string>();
  inputs.forEach((i, n) => {
    const f = (k: string) => (inputs.length > 1 ? `input[${n}].${k}` : `input.${k}`);
    const x = i as Partial<MoveInput>;
    for (const [v, k] of [[x.asset, "asset"], [x.targetAsset, "targetAsset"]] as const) {
      const id = optId(v, "Asset", f(k));
      if (id) assetIds.add(id);
    }
    for (const [v, k] of [[x.site, "site"], [x.targetSite, "targetSite"]] as const) {
      const id = optId(v, "Site", f(k));
      if (id) siteIds.add(id);
    }
    for (const l of x.licences ?? []) licenceIds.add(idOf(l, "Licence", f("licences")));
    const t = optId(x.targetLicence, "Licence", f("targetLicence"));
    if (t) licenceIds.add(t);
  });
  const [assets, sites, licences] = await Promise.all([
    inChunks([...assetIds], (ids) => tx.asset.findMany({ where: { id: { in: ids } } })),
    inChunks([...siteIds], (ids) => tx.site.findMany({ where: { id: { in: ids } } })),
    inChunks([...licenceIds], (ids) =>
      tx.licence.findMany({ where: { id: { in: ids } }, select: { id: true, organisationId: true, status: true, metric: true } }),
    ),
  ]);
  const productIds = [...new Set(assets.map((a) => a.productId).filter((p): p is string => !!p))];
  return {
    assets: new Map(assets.map((a) => [a.id, a])),
    jobs: await jobsOf(tx, productIds),
    sites: new Map(sites.map((s) => [s.id, s])),
    licences: new Map(licences.map((l) => [l.id, l])),
  };
}

const ONLY_FOR: Record<string, readonly string[]> = {
  asset: ["MIGRATE", "CONSOLIDATE", "RETIRE", "REPLACE", "RETAIN"],
  site: ["CLOSE_SITE", "RETAIN"],
  targetSite: ["MIGRATE"],
  targetAsset: ["MIGRATE", "CONSOLIDATE", "REPLACE"],
  licences: ["RENEGOTIATE"],
  targetLicence: ["RENEGOTIATE"],
  seats: ["RENEGOTIATE"],
  acceptExitCost: ["RETIRE", "REPLACE", "CONSOLIDATE", "RENEGOTIATE"],
};

/** Checks one move (new, or a row with a patch applied) and returns its columns. */
function checkMove(m: MoveInput, refs: Referenced, field: (k: string) => string): MoveFields {
  const kind = m.kind;
  for (const [k, kinds] of Object.entries(ONLY_FOR)) {
    const v = (m as unknown as Record<string, unknown>)[k];
    const given = Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && v !== false;
    if (given && !kinds.includes(kind))
      throw new InputError(field(k), `is not used by a ${kind} move (only by ${kinds.join(", ")}); leave it out.`);
  }
  const asset = (k: "asset" | "targetAsset") => {
    const id = optId(m[k], "Asset", field(k));
    if (!id) return null;
    const a = refs.assets.get(id);
    if (!a) throw new NotFoundError(field(k), `no asset has ID ${m[k]}.`);
    return a;
  };
  const site = (k: "site" | "targetSite") => {
    const id = optId(m[k], "Site", field(k));
    if (!id) return null;
    const s = refs.sites.get(id);
    if (!s) throw new NotFoundError(field(k), `no site has ID ${m[k]}.`);
    return s;
  };
  const subject = asset("asset");
  const subjectSite = site("site");
  const targetAsset = asset("targetAsset");
  const targetSite = site("targetSite");
  const need = (ok: unknown, k: string, what: string) => {
    if (!ok) throw new InputError(field(k), `a ${kind} move needs ${what}.`);
  };
  if (subject?.lifecycle === "RETIRED")
    throw new InputError(field("asset"), `${subject.name} is already retired; there is nothing to move.`);
  if (subjectSite?.lifecycle === "RETIRED")
    throw new InputError(field("site"), `${subjectSite.name} is already retired.`);
  for (const [t, k] of [[targetAsset, "targetAsset"], [targetSite, "targetSite"]] as const)
    if (t?.lifecycle === "RETIRED") throw new InputError(field(k), `${t.name} is retired; choose a target that is in service.`);

  let licenceIds: string[] = [];
  let targetLicenceId: string | null = null;
  switch (kind) {
    case "MIGRATE":
      need(subject, "asset", "the asset that moves");
      if (!targetSite === !targetAsset)
        throw new InputError(field("targetSite"), "a MIGRATE move needs exactly one target: a site (targetSite) or a platform (targetAsset).");
      if (targetAsset && !PLATFORM_KINDS.has(targetAsset.kind))
        throw new InputError(field("targetAsset"), `${targetAsset.name} is a ${targetAsset.kind}; migrate onto a site, a COMPUTE_CLUSTER or a CLOUD_PLATFORM.`);
      if (targetAsset?.id === subject!.id) throw new InputError(field("targetAsset"), "an asset cannot migrate onto itself.");
      if (targetSite && targetSite.id === subject!.siteId)
        throw new InputError(field("targetSite"), `${subject!.name} is already at ${targetSite.name}.`);
      break;
    case "CONSOLIDATE":
      need(subject, "asset", "the asset consolidated away");
      need(targetAsset, "targetAsset", "the asset it is consolidated into");
      if (targetAsset!.id === subject!.id) throw new InputError(field("targetAsset"), "an asset cannot be consolidated into itself.");
      if (!sameFamily(subject!.kind, targetAsset!.kind))
        throw new InputError(field("targetAsset"), `${subject!.name} is a ${subject!.kind} and ${targetAsset!.name} a ${targetAsset!.kind}; consolidate into an asset of the same kind.`);
      break;
    case "RETIRE":
      need(subject, "asset", "the asset that retires");
      break;
    case "REPLACE": {
      need(subject, "asset", "the application replaced");
      need(targetAsset, "targetAsset", "the application replacing it");
      if (targetAsset!.id === subject!.id) throw new InputError(field("targetAsset"), "an application cannot replace itself.");
      if (!REPLACEABLE_KINDS.has(subject!.kind) || !REPLACEABLE_KINDS.has(targetAsset!.kind))
        throw new InputError(field("targetAsset"), "REPLACE is for applications and end-user services; use CONSOLIDATE for infrastructure.");
      const job = sameJob(refs.jobs, subject!, targetAsset!);
      if (job === false)
        throw new InputError(field("targetAsset"), `${targetAsset!.name} does not do every job of ${subject!.name}; replace it by an application that does (replacementCandidates lists them).`);
      break;
    }
    case "CLOSE_SITE":
      need(subjectSite, "site", "the site that closes");
      break;
    case "RETAIN":
      if (!subject === !subjectSite) throw new InputError(field("asset"), "a RETAIN move keeps exactly one asset or one site.");
      break;
    case "RENEGOTIATE": {
      targetLicenceId = optId(m.targetLicence, "Licence", field("targetLicence"));
      need(targetLicenceId, "targetLicence", "the licence whose product and contract survive");
      licenceIds = [...new Set((m.licences ?? []).map((l) => idOf(l, "Licence", field("licences"))))].filter((l) => l !== targetLicenceId).sort();
      need(licenceIds.length, "licences", "at least one other licence to merge onto the target licence");
      for (const l of [targetLicenceId!, ...licenceIds]) {
        const row = refs.licences.get(l);
        const k = l === targetLicenceId ? "targetLicence" : "licences";
        if (!row) throw new NotFoundError(field(k), `no licence has ID Licence:${l}.`);
        if (row.status !== "ACTIVE") throw new InputError(field(k), `licence Licence:${l} is retired.`);
      }
      break;
    }
  }
  if (m.seats !== null && m.seats !== undefined && (!Number.isInteger(m.seats) || m.seats < 0 || m.seats > 10_000_000))
    throw new InputError(field("seats"), "must be a whole number of seats from 0 to 10,000,000.");
  const effort = m.effortDays ?? 0;
  if (!Number.isInteger(effort) || effort < 0 || effort > 100_000)
    throw new InputError(field("effortDays"), "must be a whole number of person-days from 0 to 100,000.");
  if (m.pinnedWave !== null && m.pinnedWave !== undefined && (!Number.isInteger(m.pinnedWave) || m.pinnedWave < 1 || m.pinnedWave > 1000))
    throw new InputError(field("pinnedWave"), "must be a wave number from 1 to 1000.");
  const override = m.savingOverride === null || m.savingOverride === undefined ? null : parseMoney(m.savingOverride, field("savingOverride"));
  const reason = optionalText(m.savingOverrideReason, field("savingOverrideReason"));
  if (override !== null && !reason)
    throw new InputError(field("savingOverrideReason"), "say why the saving differs from the derived one; the reason is kept with the plan.");
  if (override === null && reason)
    throw new InputError(field("savingOverrideReason"), "is the reason for a savingOverride; set savingOverride too, or leave the reason out.");
  return {
    kind,
    assetId: subject?.id ?? null,
    siteId: subjectSite?.id ?? null,
    targetSiteId: targetSite?.id ?? null,
    targetAssetId: targetAsset?.id ?? null,
    licenceIds,
    targetLicenceId,
    seats: m.seats ?? null,
    oneOffCostPence: parseNonNegativeMoney(m.oneOffCost ?? 0n, field("oneOffCost")),
    effortDays: effort,
    targetCostGrowthPence: parseNonNegativeMoney(m.targetCostGrowth ?? 0n, field("targetCostGrowth")),
    savingOverridePence: override,
    savingOverrideReason: override === null ? null : reason,
    earliestDate: m.earliestDate ?? null,
    pinnedWave: m.pinnedWave ?? null,
    acceptExitCost: m.acceptExitCost ?? false,
    note: optionalText(m.note, field("note")),
  };
}

function sameFamily(a: string, b: string): boolean {
  return a === b || (PLATFORM_KINDS.has(a) && PLATFORM_KINDS.has(b));
}

/** Refuses a subject or licence that another move of the scenario already acts on. */
async function refuseTaken(tx: Tx, scenarioId: string, fields: MoveFields[], exceptMoveId: string | null, field: (n: number, k: string) => string) {
  const others = await tx.move.findMany({
    where: { scenarioId, ...(exceptMoveId ? { id: { not: exceptMoveId } } : {}) },
    select: { id: true, assetId: true, siteId: true, licenceIds: true, targetLicenceId: true },
  });
  const assets = new Map(others.filter((o) => o.assetId).map((o) => [o.assetId!, o.id]));
  const sites = new Map(others.filter((o) => o.siteId).map((o) => [o.siteId!, o.id]));
  const licences = new Map<string, string>();
  for (const o of others) for (const l of [...o.licenceIds, ...(o.targetLicenceId ? [o.targetLicenceId] : [])]) licences.set(l, o.id);
  fields.forEach((f, n) => {
    if (f.assetId && assets.has(f.assetId))
      throw new ConflictError(field(n, "asset"), `this asset already has a move in this scenario (Move:${assets.get(f.assetId)}); change or remove that one.`);
    if (f.siteId && sites.has(f.siteId))
      throw new ConflictError(field(n, "site"), `this site already has a move in this scenario (Move:${sites.get(f.siteId)}); change or remove that one.`);
    for (const l of [...((f.licenceIds as string[]) ?? []), ...(f.targetLicenceId ? [f.targetLicenceId] : [])])
      if (licences.has(l))
        throw new ConflictError(field(n, "licences"), `licence Licence:${l} is already renegotiated by Move:${licences.get(l)}.`);
    if (f.assetId) assets.set(f.assetId, `input[${n}]`);
    if (f.siteId) sites.set(f.siteId, `input[${n}]`);
    for (const l of [...((f.licenceIds as string[]) ?? []), ...(f.targetLicenceId ? [f.targetLicenceId] : [])]) licences.set(l, `input[${n}]`);
  });
}

/** Adds the organisations a move touches to the scenario's targets (with their default targets). */
async function addAffected(tx: Tx, scenarioId: string, fields: MoveFields[], refs: Referenced): Promise<void> {
  const orgs = new Set<string>();
  for (const f of fields) {
    for (const a of [f.assetId, f.targetAssetId]) if (a) orgs.add(refs.assets.get(a)!.organisationId);
    for (const s of [f.siteId, f.targetSiteId]) if (s) orgs.add(refs.sites.get(s)!.organisationId);
    for (const l of [...((f.licenceIds as string[]) ?? []), ...(f.targetLicenceId ? [f.targetLicenceId] : [])])
      orgs.add(refs.licences.get(l)!.organisationId);
  }
  const present = new Set((await tx.scenarioTarget.findMany({ where: { scenarioId }, select: { organisationId: true } })).map((t) => t.organisationId));
  const missing = [...orgs].filter((o) => !present.has(o));
  if (!missing.length) return;
  const rows = await tx.organisation.findMany({ where: { id: { in: missing } } });
  await tx.scenarioTarget.createMany({
    data: rows.map((o) => ({ id: randomUUID(), scenarioId, organisationId: o.id, savingsTargetPence: o.savingsTargetPence })),
  });
}

/** The organisation a move's audit event is filed under: the owner of its subject. */
function ownerOf(f: MoveFields, refs: Referenced): string | null {
  const subject = moveSubject({ assetId: f.assetId ?? null, siteId: f.siteId ?? null, licenceIds: f.licenceIds as string[], targetLicenceId: f.targetLicenceId ?? null });
  if (!subject) return null;
  const rows = { asset: refs.assets, site: refs.sites, licence: refs.licences }[subject.table];
  return rows.get(subject.id)?.organisationId ?? null;
}

/**
 * A saving override is a commercial figure of the organisation the saving accrues to (move-visibility.ts):
 * setting, changing or clearing it needs the right to plan in that organisation and to read its prices —
 * another council's planner may not write a figure of its that they may not even read.
 */
function authorizeOverride(actor: Actor, owner: string | null, code: (id: string) => string, field: string): void {
  if (owner === null) return;
  if (actor.mustChangePassword || !can(actor, "plan", owner) || !commercialVisible(actor, owner))
    throw new ForbiddenError(
      `you may not set ${field}: the saving accrues to ${code(owner)}, so only ${code(owner)}'s planners (PLANNER or ADMIN in ${code(owner)}) set or clear its override.`,
    );
}

/** Organisation codes by id, for messages. */
async function codesOf(tx: Tx, ids: readonly (string | null)[]): Promise<(id: string) => string> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  const rows = wanted.length ? await tx.organisation.findMany({ where: { id: { in: wanted } }, select: { id: true, code: true } }) : [];
  const map = new Map(rows.map((r) => [r.id, r.code]));
  return (id) => map.get(id) ?? id;
}

/** Adds moves to an editable scenario: every one is checked first, then all are written, or none. */
export function addMoves(ctx: Context, scenarioGlobalId: string, inputs: readonly MoveInput[], single = false) {
  const scenarioId = idOf(scenarioGlobalId, "Scenario", "scenarioId");
  if (inputs.length > MAX_MOVES_PER_CALL)
    throw new InputError("input", `at most ${MAX_MOVES_PER_CALL.toLocaleString("en-GB")} moves per call (got ${inputs.length}); send them in parts.`);
  return inTransaction(ctx, (tx) => insertMoves(tx, ctx.actor, scenarioId, inputs, single));
}

/** addMoves inside the caller's transaction. */
export async function insertMoves(tx: Tx, actor: Actor, scenarioId: string, inputs: readonly MoveInput[], single = false): Promise<Move[]> {
  if (!inputs.length) throw new InputError("input", "add at least one move.");
  const field = (n: number, k: string) => (single ? `input.${k}` : `input[${n}].${k}`);
  const scenario = await editableScenario(tx, actor, scenarioId, null, "change this scenario");
  await touchScenario(tx, scenario);
  const refs = await fetchReferenced(tx, inputs);
  const fields: MoveFields[] = [];
  for (const [n, m] of inputs.entries()) fields.push(checkMove(m, refs, (k) => field(n, k)));
  const overridden = [...inputs.entries()].filter(([, m]) => m.savingOverride !== null && m.savingOverride !== undefined);
  if (overridden.length) {
    const code = await codesOf(tx, overridden.map(([n]) => ownerOf(fields[n]!, refs)));
    for (const [n] of overridden) authorizeOverride(actor, ownerOf(fields[n]!, refs), code, field(n, "savingOverride"));
  }
  await refuseTaken(tx, scenarioId, fields, null, field);
  await addAffected(tx, scenarioId, fields, refs);
  const created = await insertMoveRows(tx, fields.map((f) => ({ ...f, id: randomUUID(), scenarioId }) as NewMove));
  for (const slice of slices(created.map((m, n) => [m, n] as const), CHUNK))
    await recordAudits(tx, actor, slice.map(([m, n]) => ({ action: "CREATE", entityType: "Move", entityId: m.id, organisationId: ownerOf(fields[n]!, refs), after: m })));
  return created;
}

/** The input a stored move stands for, so a patch can be checked like a new move. */
function asInput(m: Move): MoveInput {
  const g = (type: string, id: string | null) => (id ? `${type}:${id}` : null);
  return {
    kind: m.kind,
    asset: g("Asset", m.assetId),
    site: g("Site", m.siteId),
    targetSite: g("Site", m.targetSiteId),
    targetAsset: g("Asset", m.targetAssetId),
    licences: m.licenceIds.map((l) => `Licence:${l}`),
    targetLicence: g("Licence", m.targetLicenceId),
    seats: m.seats,
    oneOffCost: m.oneOffCostPence,
    effortDays: m.effortDays,
    targetCostGrowth: m.targetCostGrowthPence,
    savingOverride: m.savingOverridePence,
    savingOverrideReason: m.savingOverrideReason,
    earliestDate: m.earliestDate,
    pinnedWave: m.pinnedWave,
    acceptExitCost: m.acceptExitCost,
    note: m.note,
  };
}

/** Changes a move if `version` is still current. */
export function updateMove(ctx: Context, globalId: string, version: number, patch: MovePatch) {
  const id = idOf(globalId, "Move", "id");
  return inTransaction(ctx, async (tx) => {
    const before = await tx.move.findUnique({ where: { id } });
    expectVersion(before, version, "Move", id);
    const scenario = await editableScenario(tx, ctx.actor, before.scenarioId, null, "change this scenario");
    await touchScenario(tx, scenario);
    for (const k of ["oneOffCost", "effortDays", "targetCostGrowth", "acceptExitCost"] as const)
      if (patch[k] === null) throw new InputError(`patch.${k}`, "cannot be cleared; set it to 0 (or false) instead.");
    const merged: MoveInput = { ...asInput(before) };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) (merged as unknown as Record<string, unknown>)[k] = v;
    // Clearing the override clears its reason, unless the patch sends one (refused below: a reason needs an override).
    if (patch.savingOverride === null && patch.savingOverrideReason === undefined) merged.savingOverrideReason = null;
    const refs = await fetchReferenced(tx, [merged]);
    const fields = checkMove(merged, refs, (k) => `patch.${k}`);
    if (patch.savingOverride !== undefined || patch.savingOverrideReason !== undefined) {
      // The owner before and after: a patch changes the subject only through its licences (a renegotiation).
      const beforeOwner =
        patch.licences === undefined ? ownerOf(fields, refs) : ownerOf(before as unknown as MoveFields, await fetchReferenced(tx, [asInput(before)]));
      const owners = [...new Set([beforeOwner, ownerOf(fields, refs)])];
      const code = await codesOf(tx, owners);
      for (const owner of owners) authorizeOverride(ctx.actor, owner, code, "patch.savingOverride");
    }
    await refuseTaken(tx, scenario.id, [fields], id, (_n, k) => `patch.${k}`);
    await addAffected(tx, scenario.id, [fields], refs);
    return writeVersioned(
      tx,
      ctx.actor,
      { type: "Move", id, action: "UPDATE", before, organisationId: ownerOf(fields, refs) ?? undefined },
      () =>
        tx.move.updateMany({
          where: { id, version },
          data: { ...(fields as Prisma.MoveUncheckedUpdateManyInput), version: { increment: 1 } },
        }),
      () => tx.move.findUnique({ where: { id } }),
    );
  });
}

/** Removes a move if `version` is still current. */
export function removeMove(ctx: Context, globalId: string, version: number) {
  const id = idOf(globalId, "Move", "id");
  return inTransaction(ctx, async (tx) => {
    const before = await tx.move.findUnique({ where: { id } });
    expectVersion(before, version, "Move", id);
    const scenario = await editableScenario(tx, ctx.actor, before.scenarioId, null, "change this scenario");
    await touchScenario(tx, scenario);
    const { count } = await tx.move.deleteMany({ where: { id, version } });
    if (count !== 1) throw new ConflictError("version", "this move was changed by someone else meanwhile; reload it.");
    const refs = await fetchReferenced(tx, [asInput(before)]);
    await recordAudit(tx, ctx.actor, {
      action: "DELETE",
      entityType: "Move",
      entityId: id,
      organisationId: ownerOf(before as unknown as MoveFields, refs),
      before,
    });
    return globalId;
  });
}
