// Sign-in by e-mail and password. Failed attempts are slowed: after three, each one locks the account
// for twice as long as the last (1 s, 2 s, 4 s … up to 15 minutes). The lock lives in the database so
// every server instance honours it. Every refusal — unknown address, wrong password, locked or deactivated
// account — does the same scrypt work and gives the same answer, so nobody learns which addresses have
// accounts.
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { DomainError } from "../shared/errors.ts";
import { createSession } from "./sessions.ts";
import { dummyHash, hashPassword, needsRehash, verifyPassword } from "./secrets.ts";

/** Free attempts before the lock starts doubling. */
export const FREE_ATTEMPTS = 3;
/** The longest lock after repeated failures. */
export const MAX_LOCK_MS = 15 * 60 * 1000;

/** The one answer to every refused sign-in, whatever the reason. */
export const SIGN_IN_REFUSED =
  "e-mail or password is wrong, or the account is locked for a while after failed sign-ins; try again later or ask an administrator.";

/** Sign-in refused (always with SIGN_IN_REFUSED: the reason is not told). */
export class SignInError extends DomainError {
  constructor() {
    super("UNAUTHENTICATED", SIGN_IN_REFUSED);
  }
}

/** How long an account is locked after `failures` consecutive failures. */
export function lockDuration(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_MS, 1000 * 2 ** (failures - FREE_ATTEMPTS));
}

/**
 * Counts an attempt on the account and locks it when this is one failure too many; false when the
 * account is locked now (the attempt is then refused without being counted). Counting happens atomically
 * BEFORE the password is checked, so a burst of concurrent guesses cannot overwrite each other's count.
 */
async function countAttempt(prisma: PrismaClient, userId: string, now: number): Promise<boolean> {
  const counted = await prisma.$queryRaw<{ failedSignIns: number }[]>`
    UPDATE "User" SET "failedSignIns" = "failedSignIns" + 1
    WHERE id = ${userId}::uuid AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${new Date(now)})
    RETURNING "failedSignIns"`;
  if (!counted.length) return false;
  const lock = lockDuration(counted[0]!.failedSignIns);
  if (lock) await prisma.user.update({ where: { id: userId }, data: { lockedUntil: new Date(now + lock) } });
  return true;
}

/**
 * Checks the credentials and starts a session; throws SignInError otherwise. The password is checked on
 * every path (against a dummy hash when the address has no account, and even while the account is locked,
 * where the right password is refused all the same), so each refusal costs the same time. Success resets
 * the count, and replaces a hash made at a lower cost than the current one.
 */
export async function signIn(prisma: PrismaClient, email: string, password: string) {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const now = Date.now();
  const counted = user ? await countAttempt(prisma, user.id, now) : false;
  const matches = await verifyPassword(password, user?.passwordHash ?? dummyHash());
  if (!user || !counted || !matches || !user.active) throw new SignInError();
  await prisma.user.update({
    where: { id: user.id },
    data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: new Date(now) },
  });
  if (needsRehash(user.passwordHash)) {
    const passwordHash = await hashPassword(password);
    // Only while the password is still the one just checked: a change made meanwhile wins.
    await prisma.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash },
    });
  }
  const session = await createSession(prisma, user.id);
  return { user, session };
}
