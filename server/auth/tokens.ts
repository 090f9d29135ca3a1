// API tokens for scripts: "cvg_…" secrets shown once, stored as SHA-256, with expiry and revocation.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Actor } from "../shared/actor.ts";
import { InputError, NotFoundError, ForbiddenError } from "../shared/errors.ts";
import { requireName } from "../shared/validate.ts";
import { actorForUser } from "./actors.ts";
import { recordAudit, type Tx } from "../shared/writes.ts";
import { hashSecret, newSecret } from "./secrets.ts";

/** Longest lifetime a token may be given. */
export const MAX_TOKEN_DAYS = 366;

/** Creates a token for the calling user; the secret is returned once and never stored. */
export async function createApiToken(
  prisma: PrismaClient,
  actor: Actor,
  name: string,
  expiresInDays: number,
) {
  if (actor.via === "system") throw new ForbiddenError("the system has no tokens; sign in as a user.");
  if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > MAX_TOKEN_DAYS) {
    throw new InputError("expiresInDays", `must be a whole number of days from 1 to ${MAX_TOKEN_DAYS}.`);
  }
  const secret = newSecret("cvg_");
  const token = await prisma.$transaction(async (tx) => {
    // Lock the user's row against a concurrent reset or deactivation (which update it before revoking
    // every token), and refuse if one got there first: no token outlives the revocation.
    const [account] = await tx.$queryRaw<{ active: boolean }[]>`
      SELECT active FROM "User" WHERE id = ${actor.id}::uuid FOR SHARE`;
    if (!account?.active || !(await credentialLive(tx, actor)))
      throw new ForbiddenError("your sign-in ended meanwhile (deactivated, or the password was reset).");
    const created = await tx.apiToken.create({
      data: {
        id: randomUUID(),
        userId: actor.id,
        name: requireName(name, "name"),
        prefix: secret.slice(0, 10),
        tokenHash: hashSecret(secret),
        expiresAt: new Date(Date.now() + expiresInDays * 86_400_000),
      },
    });
    const { tokenHash: _hash, ...visible } = created;
    await recordAudit(tx, actor, {
      action: "CREATE",
      entityType: "ApiToken",
      entityId: created.id,
      organisationId: null,
      after: visible,
    });
    return created;
  });
  return { secret, token };
}

/** True unless the session or token the caller came with has been revoked or has expired meanwhile. */
async function credentialLive(tx: Tx, actor: Actor): Promise<boolean> {
  if (!actor.credentialId) return true;
  // By text: actors that scripts build (ops/load.ts) carry a label here rather than a row id.
  const ended =
    actor.via === "session"
      ? await tx.$queryRaw<unknown[]>`SELECT 1 FROM "Session" WHERE "userId" = ${actor.id}::uuid
          AND id::text = ${actor.credentialId} AND ("revokedAt" IS NOT NULL OR "expiresAt" <= now())`
      : await tx.$queryRaw<unknown[]>`SELECT 1 FROM "ApiToken" WHERE "userId" = ${actor.id}::uuid
          AND id::text = ${actor.credentialId} AND ("revokedAt" IS NOT NULL OR "expiresAt" <= now())`;
  return ended.length === 0;
}

/** The caller's tokens (all users' tokens for the shared service's admins), newest first. */
export function listApiTokens(prisma: PrismaClient, actor: Actor) {
  return prisma.apiToken.findMany({
    where: actor.sharedAdmin ? {} : { userId: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
}

/** Revokes a token; its owner or a shared-service admin may. */
export async function revokeApiToken(prisma: PrismaClient, actor: Actor, id: string) {
  const token = await prisma.apiToken.findUnique({ where: { id } });
  if (!token || (!actor.sharedAdmin && token.userId !== actor.id))
    throw new NotFoundError("id", "no such token of yours.");
  if (token.revokedAt) return token;
  return prisma.$transaction(async (tx) => {
    const revoked = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "RETIRE",
      entityType: "ApiToken",
      entityId: id,
      organisationId: null,
      before: { revokedAt: null },
      after: { revokedAt: revoked.revokedAt },
    });
    return revoked;
  });
}

/** The actor behind a bearer secret; null when unknown, expired or revoked. */
export async function actorForToken(prisma: PrismaClient, secret: string): Promise<Actor | null> {
  const token = await prisma.apiToken.findUnique({ where: { tokenHash: hashSecret(secret) } });
  if (!token || token.revokedAt || token.expiresAt.getTime() <= Date.now()) return null;
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  return actorForUser(prisma, token.userId, "token", token.id);
}
