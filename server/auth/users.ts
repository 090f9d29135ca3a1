// Users and their roles: created and changed by administrators; the first admin at start-up.
import { randomUUID } from "node:crypto";
import type { PrismaClient, Role } from "../../generated/prisma/client.ts";
import type { Actor } from "../shared/actor.ts";
import { authorize, canAnywhere } from "../shared/authz.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "../shared/errors.ts";
import { requireName } from "../shared/validate.ts";
import { recordAudit } from "../shared/writes.ts";
import { organisationByCode } from "../organisations/service.ts";
import { hashPassword, newOneTimePassword, passwordProblem, verifyPassword } from "./secrets.ts";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkEmail(email: string, field: string): string {
  const e = email.trim().toLowerCase();
  if (!EMAIL.test(e) || e.length > 200)
    throw new InputError(field, `"${email.slice(0, 60)}" is not an e-mail address.`);
  return e;
}

/** A user row without its password hash, for audit snapshots. */
function publicUser(user: { passwordHash: string } & Record<string, unknown>) {
  const { passwordHash: _hidden, ...rest } = user;
  return rest;
}

/** Creates a user with one-time credentials (returned once); the caller must administer an organisation. */
export async function createUser(prisma: PrismaClient, actor: Actor, email: string, displayName: string) {
  if (!canAnywhere(actor, "administer"))
    throw new ForbiddenError("creating users needs the ADMIN role in an organisation.");
  const address = checkEmail(email, "email");
  if (await prisma.user.findUnique({ where: { email: address } }))
    throw new ConflictError("email", `a user with e-mail ${address} already exists.`);
  const password = newOneTimePassword();
  const data = {
    id: randomUUID(),
    email: address,
    displayName: requireName(displayName, "displayName"),
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
  };
  const user = await prisma.$transaction(async (tx) => {
    const created = await tx.user.create({ data });
    await recordAudit(tx, actor, {
      action: "CREATE",
      entityType: "User",
      entityId: created.id,
      organisationId: null,
      after: publicUser(created),
    });
    return created;
  });
  return { user, password };
}

/** Grants `role` in the organisation with `code`; needs ADMIN there (or shared-service ADMIN). */
export async function grantRole(
  prisma: PrismaClient,
  actor: Actor,
  userId: string,
  code: string,
  role: Role,
) {
  const org = await organisationByCode(prisma, code, "organisation");
  authorize(actor, "update", "User", org.id);
  const target = await prisma.user.findUnique({ where: { id: userId } });
  if (!target) throw new NotFoundError("user", "no such user.");
  await prisma.$transaction(async (tx) => {
    const existing = await tx.roleAssignment.findUnique({
      where: { userId_organisationId_role: { userId, organisationId: org.id, role } },
    });
    if (existing) return;
    await tx.roleAssignment.create({ data: { id: randomUUID(), userId, organisationId: org.id, role } });
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "User",
      entityId: userId,
      organisationId: org.id,
      after: { email: target.email, grantedRole: role, organisation: org.code },
    });
  });
}

/** Removes `role` in the organisation with `code`; needs ADMIN there. Nobody can remove their own ADMIN. */
export async function revokeRole(
  prisma: PrismaClient,
  actor: Actor,
  userId: string,
  code: string,
  role: Role,
) {
  const org = await organisationByCode(prisma, code, "organisation");
  authorize(actor, "update", "User", org.id);
  if (userId === actor.id && role === "ADMIN")
    throw new InputError("role", "you cannot remove your own ADMIN role; ask another administrator.");
  const target = await prisma.user.findUnique({ where: { id: userId } });
  if (!target) throw new NotFoundError("user", "no such user.");
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.roleAssignment.deleteMany({ where: { userId, organisationId: org.id, role } });
    if (count)
      await recordAudit(tx, actor, {
        action: "UPDATE",
        entityType: "User",
        entityId: userId,
        organisationId: org.id,
        before: { email: target.email, role, organisation: org.code },
        after: { email: target.email, revokedRole: role, organisation: org.code },
      });
  });
}

/** Changes the caller's own password, after checking the current one; ends the caller's other sessions. */
export async function changePassword(prisma: PrismaClient, actor: Actor, current: string, next: string) {
  const user = await prisma.user.findUnique({ where: { id: actor.id } });
  if (!user) throw new ForbiddenError("only users have passwords.");
  if (!(await verifyPassword(current, user.passwordHash)))
    throw new InputError("currentPassword", "is not your current password.");
  const problem = passwordProblem(next);
  if (problem) throw new InputError("newPassword", problem);
  if (next === current) throw new InputError("newPassword", "must differ from the current password.");
  const passwordHash = await hashPassword(next);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, version: { increment: 1 } },
    });
    // Sign out every other browser session (a leaked password must not keep working there); the session
    // making the change stays, and API tokens, which are credentials of their own, stay too.
    const current = actor.via === "session" && actor.credentialId ? { id: { not: actor.credentialId } } : {};
    await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null, ...current },
      data: { revokedAt: new Date() },
    });
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "User",
      entityId: user.id,
      organisationId: null,
      after: { email: user.email, passwordChanged: true },
    });
  });
}

/**
 * On a fresh installation (no users), creates the first administrator — ADMIN of every shared-service
 * organisation — with a random one-time password, and returns the credentials to print once.
 */
export async function bootstrapAdmin(
  prisma: PrismaClient,
  email = process.env.CONVERGE_ADMIN_EMAIL ?? "admin@converge.local",
) {
  if ((await prisma.user.count()) > 0) return null;
  const password = newOneTimePassword();
  const passwordHash = await hashPassword(password);
  const address = checkEmail(email, "CONVERGE_ADMIN_EMAIL");
  const created = await prisma.$transaction(async (tx) => {
    // Servers starting together: one creates the admin, the others wait here and then find it.
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(727073691)`;
    if ((await tx.user.count()) > 0) return false;
    const shared = await tx.organisation.findMany({ where: { kind: "SHARED_SERVICE" } });
    if (!shared.length) return false;
    const userId = randomUUID();
    await tx.user.create({
      data: {
        id: userId,
        email: address,
        displayName: "Administrator",
        passwordHash,
        mustChangePassword: true,
      },
    });
    for (const o of shared)
      await tx.roleAssignment.create({
        data: { id: randomUUID(), userId, organisationId: o.id, role: "ADMIN" },
      });
    return true;
  });
  if (!created) return null;
  return { email, password };
}

/** Administrators whose reach covers every organisation the user holds a role in (shared admins cover all). */
async function authorizeOverUser(prisma: PrismaClient, actor: Actor, userId: string) {
  const target = await prisma.user.findUnique({ where: { id: userId }, include: { roles: true } });
  if (!target) throw new NotFoundError("user", "no such user.");
  if (!canAnywhere(actor, "administer"))
    throw new ForbiddenError("managing users needs the ADMIN role in an organisation.");
  for (const r of target.roles) authorize(actor, "update", "User", r.organisationId);
  if (target.id === actor.id)
    throw new InputError(
      "user",
      "use changePassword for your own account; another administrator must reset or deactivate it.",
    );
  return target;
}

/**
 * Issues new one-time credentials for a user (e.g. a forgotten password): ends their sessions, clears any
 * sign-in lock. Needs ADMIN in every organisation the user holds a role in.
 */
export async function resetUserPassword(prisma: PrismaClient, actor: Actor, userId: string) {
  const target = await authorizeOverUser(prisma, actor, userId);
  const password = newOneTimePassword();
  const passwordHash = await hashPassword(password);
  const user = await prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: userId },
      data: {
        passwordHash,
        mustChangePassword: true,
        failedSignIns: 0,
        lockedUntil: null,
        version: { increment: 1 },
      },
    });
    await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "User",
      entityId: userId,
      organisationId: null,
      after: { email: target.email, passwordReset: true },
    });
    return updated;
  });
  return { user, password };
}

/** Deactivates (no sign-in, no tokens) or reactivates a user; deactivation ends their sessions. */
export async function setUserActive(prisma: PrismaClient, actor: Actor, userId: string, active: boolean) {
  const target = await authorizeOverUser(prisma, actor, userId);
  return prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: userId },
      data: { active, version: { increment: 1 } },
    });
    if (!active)
      await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "User",
      entityId: userId,
      organisationId: null,
      before: { email: target.email, active: target.active },
      after: { email: target.email, active },
    });
    return updated;
  });
}
