// Passwords and the life of an account: a user changing their own password; administrators of the
// account's organisation resetting it or deactivating and reactivating it (account-control.ts decides).
// A reset and a deactivation end every credential the user holds — browser sessions and API tokens — so
// nothing issued before comes back after a reactivation.
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Actor } from "../shared/actor.ts";
import { ForbiddenError, InputError, NotFoundError } from "../shared/errors.ts";
import { SYSTEM_ACTOR } from "../shared/actor.ts";
import { recordAudit, type Tx } from "../shared/writes.ts";
import { authorizeAccountControl, authorizeManagingAccounts } from "./account-control.ts";
import { hashPassword, newOneTimePassword, passwordProblem, verifyPassword } from "./secrets.ts";
import { accountById } from "./users.ts";

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
  return prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({
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
      organisationId: user.organisationId,
      after: { email: user.email, passwordChanged: true },
    });
    return updated;
  });
}

/**
 * Ends every session of the user and revokes every API token, each token with its own audit event; returns
 * how many. Runs after the user's row was updated in the same transaction, so a token being created at the
 * same moment (createApiToken locks that row) is either refused or committed before, and revoked here.
 */
async function revokeCredentials(tx: Tx, actor: Actor, userId: string, reason: string) {
  const revokedAt = new Date();
  const sessions = await tx.session.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt },
  });
  const tokens = await tx.apiToken.updateManyAndReturn({
    where: { userId, revokedAt: null },
    data: { revokedAt },
    select: { id: true },
  });
  for (const token of tokens)
    await recordAudit(tx, actor, {
      action: "RETIRE",
      entityType: "ApiToken",
      entityId: token.id,
      organisationId: null,
      before: { revokedAt: null },
      after: { revokedAt, reason },
    });
  return { sessionsEnded: sessions.count, tokensRevoked: tokens.length };
}

function refuseOwnAccount(actor: Actor, userId: string) {
  if (userId === actor.id)
    throw new InputError(
      "user",
      "use changePassword for your own account; another administrator must reset or deactivate it.",
    );
}

/**
 * Issues new one-time credentials for a user (e.g. a forgotten password): ends their sessions, revokes
 * their API tokens, clears any sign-in lock. Needs account administration in the organisation that owns the account (account-control.ts).
 */
export async function resetUserPassword(prisma: PrismaClient, actor: Actor, userId: string) {
  authorizeManagingAccounts(actor);
  const target = await accountById(prisma, userId);
  await authorizeAccountControl(prisma, actor, target, "reset the password of");
  refuseOwnAccount(actor, userId);
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
    const ended = await revokeCredentials(tx, actor, userId, "password reset");
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "User",
      entityId: userId,
      organisationId: target.organisationId,
      after: { email: target.email, passwordReset: true, ...ended },
    });
    return updated;
  });
  return { user, password };
}

/**
 * Deactivates (no sign-in, no tokens) or reactivates a user; deactivation ends their sessions and revokes
 * their API tokens for good (a reactivated user signs in again and makes new tokens). Needs account administration
 * in the organisation that owns the account (account-control.ts).
 */
export async function setUserActive(prisma: PrismaClient, actor: Actor, userId: string, active: boolean) {
  authorizeManagingAccounts(actor);
  const target = await accountById(prisma, userId);
  await authorizeAccountControl(prisma, actor, target, active ? "reactivate" : "deactivate");
  refuseOwnAccount(actor, userId);
  return prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: userId },
      data: { active, version: { increment: 1 } },
    });
    const ended = active ? {} : await revokeCredentials(tx, actor, userId, "deactivation");
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "User",
      entityId: userId,
      organisationId: target.organisationId,
      before: { email: target.email, active: target.active },
      after: { email: target.email, active, ...ended },
    });
    return updated;
  });
}

/**
 * Break-glass for operators with the database's credentials (`npm run account:reset`): new one-time
 * credentials for the account with `email`, and with `reactivate` a deactivated account made active again.
 * Audited as the system.
 */
export async function resetAccountAsOperator(prisma: PrismaClient, email: string, reactivate: boolean) {
  const address = email.trim().toLowerCase();
  const user = await prisma.user.findUnique({ where: { email: address } });
  if (!user) throw new NotFoundError("email", `no account has the e-mail address ${address}; check the spelling (the Users page lists them).`);
  const reactivated = reactivate && !user.active;
  if (!user.active && !reactivate)
    throw new InputError("email", `${address} is deactivated; add --reactivate to make it active again as well.`);
  if (reactivated) await setUserActive(prisma, SYSTEM_ACTOR, user.id, true);
  const { password } = await resetUserPassword(prisma, SYSTEM_ACTOR, user.id);
  return { email: address, password, reactivated };
}
