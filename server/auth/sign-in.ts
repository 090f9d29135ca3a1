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

/** The wait, in seconds, while an account is locked. */
function lockedError(lockedUntil: Date, now: number): SignInError {
  const wait = Math.max(1, Math.ceil((lockedUntil.getTime() - now) / 1000));
  return new SignInError(`too many failed sign-ins; try again in ${wait} s.`, wait);
}

/**
 * Checks the credentials and starts a session; throws SignInError otherwise. Each attempt is counted
 * atomically BEFORE the password is checked (and locks the account when it is one too many), so a burst
 * of concurrent guesses cannot overwrite each other's count; success resets the count.
 */
export async function signIn(prisma: PrismaClient, email: string, password: string) {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const now = Date.now();
  if (!user) {
    await verifyPassword(password, DUMMY_HASH); // same time as a wrong password
    throw new SignInError("wrong e-mail address or password.");
  }
  const counted = await prisma.$queryRaw<{ failedSignIns: number }[]>`
    UPDATE "User" SET "failedSignIns" = "failedSignIns" + 1
    WHERE id = ${user.id}::uuid AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${new Date(now)})
    RETURNING "failedSignIns"`;
  if (!counted.length) {
    const current = await prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { lockedUntil: true },
    });
    throw lockedError(current.lockedUntil ?? new Date(now + 1000), now);
  }
  const lock = lockDuration(counted[0]!.failedSignIns);
  if (lock) await prisma.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(now + lock) } });
  const ok = await verifyPassword(password, user.passwordHash);
  if (!ok || !user.active) throw new SignInError("wrong e-mail address or password.");
  await prisma.user.update({
    where: { id: user.id },
    data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: new Date(now) },
  });
  const session = await createSession(prisma, user.id);
  return { user, session };
}
