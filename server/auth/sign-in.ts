// Sign-in by e-mail and password. Failed attempts are slowed: after three, each one locks the account
// for twice as long as the last (1 s, 2 s, 4 s … up to 15 minutes). The lock lives in the database so
// every server instance honours it. Unknown e-mails take the same time as wrong passwords.
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { DomainError } from "../shared/errors.ts";
import { createSession } from "./sessions.ts";
import { DUMMY_HASH, verifyPassword } from "./secrets.ts";

/** Free attempts before the lock starts doubling. */
export const FREE_ATTEMPTS = 3;
/** The longest lock after repeated failures. */
export const MAX_LOCK_MS = 15 * 60 * 1000;

/** Sign-in refused; `retryAfterSeconds` is set when the account is temporarily locked. */
export class SignInError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super("UNAUTHENTICATED", message);
  }
}

/** How long an account is locked after `failures` consecutive failures. */
export function lockDuration(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_MS, 1000 * 2 ** (failures - FREE_ATTEMPTS));
}

/** Checks the credentials and starts a session; throws SignInError otherwise. */
export async function signIn(prisma: PrismaClient, email: string, password: string) {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const now = Date.now();
  if (user?.lockedUntil && user.lockedUntil.getTime() > now) {
    const wait = Math.ceil((user.lockedUntil.getTime() - now) / 1000);
    throw new SignInError(`too many failed sign-ins; try again in ${wait} s.`, wait);
  }
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.active || !ok) {
    if (user) {
      const failures = user.failedSignIns + 1;
      const lock = lockDuration(failures);
      await prisma.user.update({
        where: { id: user.id },
        data: { failedSignIns: failures, lockedUntil: lock ? new Date(now + lock) : null },
      });
    }
    throw new SignInError("wrong e-mail address or password.");
  }
  await prisma.user.update({
    where: { id: user.id },
    data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: new Date(now) },
  });
  const session = await createSession(prisma, user.id);
  return { user, session };
}
