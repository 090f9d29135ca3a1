// Rate limits per caller: mutations per user or token, sign-in attempts per client address.
// Kept in memory per server instance (the database-backed sign-in lock covers the whole cluster).
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/** Limits in force; environment variables override the defaults. */
export const LIMITS = {
  mutationsPerMinute: Number(process.env.RATE_LIMIT_MUTATIONS_PER_MINUTE ?? 600),
  signInsPerMinute: Number(process.env.RATE_LIMIT_SIGN_INS_PER_MINUTE ?? 20),
};

/** The limiters of one app instance. */
export function createRateLimiters() {
  return {
    mutations: new RateLimiterMemory({ points: LIMITS.mutationsPerMinute, duration: 60 }),
    signIns: new RateLimiterMemory({ points: LIMITS.signInsPerMinute, duration: 60 }),
  };
}

/** The limiters an app holds. */
export type RateLimiters = ReturnType<typeof createRateLimiters>;

/** Takes one point for `key`; returns null when allowed, else the seconds to wait. */
export async function consume(limiter: RateLimiterMemory, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    throw e;
  }
}
