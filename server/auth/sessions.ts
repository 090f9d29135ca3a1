// Browser sessions: a random cookie value, stored only as its SHA-256 hash, expiring after idle time.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Actor } from "../shared/actor.ts";
import { actorForUser } from "./actors.ts";
import { hashSecret, newSecret } from "./secrets.ts";

/** The session cookie's name. */
export const SESSION_COOKIE = "converge_session";
/** A session ends after this long without use. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

/** Starts a session for a user; returns the cookie value (shown to the browser only). */
export async function createSession(
  prisma: PrismaClient,
  userId: string,
): Promise<{ secret: string; expiresAt: Date }> {
  const secret = newSecret("s_");
  const expiresAt = new Date(Date.now() + SESSION_IDLE_MS);
  await prisma.session.create({
    data: { id: randomUUID(), userId, tokenHash: hashSecret(secret), expiresAt },
  });
  return { secret, expiresAt };
}

/** The actor behind a session cookie, sliding its expiry; null when unknown, expired or revoked. */
export async function actorForSession(prisma: PrismaClient, secret: string): Promise<Actor | null> {
  const session = await prisma.session.findUnique({ where: { tokenHash: hashSecret(secret) } });
  const now = Date.now();
  if (!session || session.revokedAt || session.expiresAt.getTime() <= now) return null;
  if (now - session.lastSeenAt.getTime() > 60_000) {
    await prisma.session.update({
      where: { id: session.id },
      data: { lastSeenAt: new Date(now), expiresAt: new Date(now + SESSION_IDLE_MS) },
    });
  }
  return actorForUser(prisma, session.userId, "session", session.id);
}

/** Ends a session (sign-out). */
export async function revokeSession(prisma: PrismaClient, secret: string): Promise<void> {
  await prisma.session.updateMany({
    where: { tokenHash: hashSecret(secret), revokedAt: null },
    data: { revokedAt: new Date() },
  });
}
