// Governance: a planner proposes a scenario (freezing its version); it becomes APPROVED only when an
// APPROVER of every organisation it affects has approved that version — each council decides for itself,
// the shared service's admins cannot decide for a council, and only an account the organisation owns may
// decide for it (a role granted across organisations does not count); one rejection, with its reason, sends it back
// to be edited. Approval supersedes the lineage's previously approved revision. Every step is audited.
import { randomUUID } from "node:crypto";
import type { Context } from "../shared/context.ts";
import { holdsInOrganisation } from "../shared/authz.ts";
import { ConflictError, ForbiddenError, InputError } from "../shared/errors.ts";
import { idOf, isUuid } from "../shared/ids.ts";
import { optionalText } from "../shared/validate.ts";
import { expectVersion, inTransaction, recordAudit, type Tx } from "../shared/writes.ts";
import { organisationByCode } from "../organisations/service.ts";
import { affectedOrganisationIds, authorizePlanning, EDITABLE } from "./scenarios.ts";
import { analyseScenario } from "./analysis.ts";
import { takeSnapshot } from "./snapshot.ts";
import { Prisma } from "../../generated/prisma/client.ts";

const asJson = (v: object) => v as unknown as Prisma.InputJsonObject;

/** Locks the scenario row for the rest of the transaction (decisions on one scenario are taken one at a time). */
async function lockScenario(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT "id" FROM "Scenario" WHERE "id" = ${id}::uuid FOR UPDATE`;
  return tx.scenario.findUnique({ where: { id } });
}

/** Freezes the scenario's current version for approval; refused while the plan has ERROR violations. */
export async function proposeScenario(ctx: Context, globalId: string, version: number) {
  const id = idOf(globalId, "Scenario", "id");
  // The plan is checked first (outside the transaction); the conditional write below refuses the proposal
  // if anything changed since, so what was checked is what is proposed.
  const analysis = await analyseScenario(ctx, id);
  return inTransaction(ctx, async (tx) => {
    const row = await lockScenario(tx, id);
    expectVersion(row, version, "Scenario", id);
    authorizePlanning(ctx.actor, await affectedOrganisationIds(tx, id), "propose this scenario");
    if (!(EDITABLE as readonly string[]).includes(row.status))
      throw new ConflictError("status", `this scenario is already ${row.status.toLowerCase()}.`);
    if (analysis.scenario.version !== version)
      throw new ConflictError("version", "this scenario changed while it was being checked; reload it and propose again.");
    if (!analysis.input.moves.length) throw new InputError("id", "a scenario with no moves cannot be proposed; add moves first.");
    const errors = analysis.violations.filter((v) => v.severity === "ERROR");
    if (errors.length)
      throw new InputError(
        "id",
        `this scenario has ${errors.length} violation(s) to fix before it can be proposed (validateScenario lists them), e.g. ${errors[0]!.rule}: ${errors[0]!.message}`,
      );
    const at = new Date();
    const updated = await tx.scenario.update({
      where: { id },
      data: {
        status: "PROPOSED",
        version: { increment: 1 },
        proposedVersion: version + 1,
        proposedAt: at,
        proposedBy: ctx.actor.email,
        // What the approvers are asked to approve, as it stands now; the live figures move with the estate.
        proposedSnapshot: asJson(takeSnapshot(analysis, version + 1, at)),
      },
    });
    await recordAudit(tx, ctx.actor, { action: "PROPOSE", entityType: "Scenario", entityId: id, organisationId: null, before: row, after: updated });
    return updated;
  });
}

/** Takes a PROPOSED scenario back to DRAFT; approvals given to the proposal lapse. */
export function withdrawScenario(ctx: Context, globalId: string, version: number) {
  const id = idOf(globalId, "Scenario", "id");
  return inTransaction(ctx, async (tx) => {
    const row = await lockScenario(tx, id);
    expectVersion(row, version, "Scenario", id);
    authorizePlanning(ctx.actor, await affectedOrganisationIds(tx, id), "withdraw this scenario");
    if (row.status !== "PROPOSED") throw new ConflictError("status", `only a proposed scenario is withdrawn; this one is ${row.status.toLowerCase()}.`);
    const updated = await tx.scenario.update({ where: { id }, data: { status: "DRAFT", version: { increment: 1 }, proposedSnapshot: Prisma.DbNull } });
    await recordAudit(tx, ctx.actor, { action: "WITHDRAW", entityType: "Scenario", entityId: id, organisationId: null, before: row, after: updated });
    return updated;
  });
}


/**
 * A decision for an organisation counts only from an account that organisation owns (User.organisationId):
 * roles can be granted across organisations (a shared-service ADMIN may grant itself APPROVER anywhere),
 * but ownership is fixed when the account is created, so one council's approval cannot be given by
 * another organisation's person.
 */
async function expectOwnedBy(ctx: Context, tx: Tx, org: { id: string; code: string }): Promise<void> {
  const user = isUuid(ctx.actor.id)
    ? await tx.user.findUnique({ where: { id: ctx.actor.id }, select: { organisationId: true, active: true, organisation: { select: { code: true } } } })
    : null;
  if (!user || !user.active)
    throw new ForbiddenError(`deciding for ${org.code} needs a signed-in person whose account ${org.code} owns; ${ctx.actor.email} is not one.`);
  if (user.organisationId !== org.id)
    throw new ForbiddenError(
      `deciding for ${org.code} needs an account owned by ${org.code}; ${ctx.actor.email} belongs to ${user.organisation.code}, and a role granted in ${org.code} to another organisation's account does not count: each organisation approves for itself.`,
    );
}

/** Checks that a decision for `code` on version `version` may be taken now by the actor. */
async function decisionFor(ctx: Context, tx: Tx, id: string, version: number, code: string) {
  const row = await lockScenario(tx, id);
  expectVersion(row, version, "Scenario", id);
  const org = await organisationByCode(tx, code, "organisation");
  if (ctx.actor.mustChangePassword || !holdsInOrganisation(ctx.actor, "approve", org.id))
    throw new ForbiddenError(
      `deciding for ${org.code} needs the APPROVER (or ADMIN) role held in ${org.code} itself; each organisation approves for itself.`,
    );
  await expectOwnedBy(ctx, tx, org);
  if (row.status !== "PROPOSED")
    throw new ConflictError("status", `only a proposed scenario is approved or rejected; this one is ${row.status.toLowerCase()}.`);
  const twice = await tx.scenarioDecision.findFirst({
    where: { scenarioId: id, scenarioVersion: row.proposedVersion!, decidedBy: ctx.actor.email, organisationId: { not: org.id } },
    include: { organisation: { select: { code: true } } },
  });
  if (twice)
    throw new ForbiddenError(
      `${ctx.actor.email} has already decided this version for ${twice.organisation.code}; one person may not decide for two organisations.`,
    );
  const affected = await affectedOrganisationIds(tx, id);
  if (!affected.includes(org.id)) throw new InputError("organisation", `${org.code} is not affected by this scenario and has no decision to make.`);
  const already = await tx.scenarioDecision.findUnique({
    where: { scenarioId_scenarioVersion_organisationId: { scenarioId: id, scenarioVersion: row.proposedVersion!, organisationId: org.id } },
  });
  if (already)
    throw new ConflictError("organisation", `${org.code} has already ${already.decision.toLowerCase()} this version (${already.decidedBy}).`);
  return { row, org, affected };
}

/** Approves the proposed version for one organisation; the last approval makes the scenario APPROVED. */
export async function approveScenario(ctx: Context, globalId: string, version: number, code: string) {
  const id = idOf(globalId, "Scenario", "id");
  // The figures as they stand at this approval, kept if it is the last one (what was agreed). A proposed
  // scenario's moves are frozen; only the estate around them can have changed.
  const analysis = await analyseScenario(ctx, id);
  return inTransaction(ctx, async (tx) => {
    const { row, org, affected } = await decisionFor(ctx, tx, id, version, code);
    await tx.scenarioDecision.create({
      data: { id: randomUUID(), scenarioId: id, scenarioVersion: row.proposedVersion!, organisationId: org.id, decision: "APPROVED", decidedBy: ctx.actor.email },
    });
    const approved = await tx.scenarioDecision.count({
      where: { scenarioId: id, scenarioVersion: row.proposedVersion!, decision: "APPROVED", organisationId: { in: affected } },
    });
    let after = row;
    if (approved === affected.length) {
      after = await tx.scenario.update({
        where: { id },
        data: { status: "APPROVED", approvedSnapshot: asJson(takeSnapshot(analysis, row.proposedVersion!, new Date())) },
      });
      const superseded = await tx.scenario.findMany({ where: { lineageId: row.lineageId, status: "APPROVED", id: { not: id } } });
      for (const s of superseded) {
        await tx.scenario.update({ where: { id: s.id }, data: { status: "SUPERSEDED", version: { increment: 1 } } });
        await recordAudit(tx, ctx.actor, {
          action: "UPDATE",
          entityType: "Scenario",
          entityId: s.id,
          organisationId: null,
          before: { status: s.status },
          after: { status: "SUPERSEDED", supersededBy: id },
        });
      }
    }
    await recordAudit(tx, ctx.actor, {
      action: "APPROVE",
      entityType: "Scenario",
      entityId: id,
      organisationId: org.id,
      before: { status: row.status },
      after: { status: after.status, decision: "APPROVED", organisation: org.code, version: row.proposedVersion },
    });
    return after;
  });
}

/** Rejects the proposed version for one organisation, with a reason; the scenario becomes REJECTED (editable). */
export function rejectScenario(ctx: Context, globalId: string, version: number, code: string, reason: string) {
  const id = idOf(globalId, "Scenario", "id");
  return inTransaction(ctx, async (tx) => {
    const why = optionalText(reason, "reason");
    if (!why) throw new InputError("reason", "say why the scenario is rejected; the planners read it to revise the plan.");
    const { row, org } = await decisionFor(ctx, tx, id, version, code);
    await tx.scenarioDecision.create({
      data: { id: randomUUID(), scenarioId: id, scenarioVersion: row.proposedVersion!, organisationId: org.id, decision: "REJECTED", reason: why, decidedBy: ctx.actor.email },
    });
    const after = await tx.scenario.update({ where: { id }, data: { status: "REJECTED", version: { increment: 1 } } });
    await recordAudit(tx, ctx.actor, {
      action: "REJECT",
      entityType: "Scenario",
      entityId: id,
      organisationId: org.id,
      before: { status: row.status },
      after: { status: "REJECTED", decision: "REJECTED", organisation: org.code, reason: why, version: row.proposedVersion },
    });
    return after;
  });
}
