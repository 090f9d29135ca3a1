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
/** A session's expiry (and its cookie) moves on at most this often. */
export const SLIDE_EVERY_MS = 60_000;

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

/** A session resumed by its cookie: who it acts for, and the new expiry when this use slid it. */
export interface ResumedSession {
  actor: Actor;
  /** Set when the expiry moved (at most once a minute): the cookie must be re-issued to match. */
  slidTo?: Date;
}

/**
 * The session behind a cookie, sliding its expiry (at most once a minute); null when unknown, expired,
 * revoked or its user is deactivated.
 */
export async function resumeSession(prisma: PrismaClient, secret: string): Promise<ResumedSession | null> {
  const session = await prisma.session.findUnique({ where: { tokenHash: hashSecret(secret) } });
  const now = Date.now();
  if (!session || session.revokedAt || session.expiresAt.getTime() <= now) return null;
  let slidTo: Date | undefined;
  if (now - session.lastSeenAt.getTime() > SLIDE_EVERY_MS) {
    slidTo = new Date(now + SESSION_IDLE_MS);
    await prisma.session.update({
      where: { id: session.id },
      data: { lastSeenAt: new Date(now), expiresAt: slidTo },
    });
  }
  const actor = await actorForUser(prisma, session.userId, "session", session.id);
  return actor ? { actor, ...(slidTo ? { slidTo } : {}) } : null;
}

/** Ends a session (sign-out). */
export async function revokeSession(prisma: PrismaClient, secret: string): Promise<void> {
  await prisma.session.updateMany({
    where: { tokenHash: hashSecret(secret), revokedAt: null },
    data: { revokedAt: new Date() },
  });
}
