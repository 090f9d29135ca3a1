// Rate limits per caller: mutations per user or token, sign-in attempts per client address, and how many
// expensive operations run at once. Kept in memory per server instance (the database-backed sign-in
// lock covers the whole cluster).
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { ExpensiveOperationGate } from "./concurrency.ts";

/** Limits in force; environment variables override the defaults. */
export const LIMITS = {
  mutationsPerMinute: Number(process.env.RATE_LIMIT_MUTATIONS_PER_MINUTE ?? 600),
  signInsPerMinute: Number(process.env.RATE_LIMIT_SIGN_INS_PER_MINUTE ?? 20),
  /** Expensive operations (QUERY_LIMITS.expensiveCost or more) one user may have running at once. */
  expensivePerUser: Number(process.env.EXPENSIVE_OPERATIONS_PER_USER ?? 2),
  /** Expensive operations one user may have waiting for a turn; one more is refused at once. */
  expensiveWaitingPerUser: Number(process.env.EXPENSIVE_OPERATIONS_WAITING_PER_USER ?? 8),
  /** The cost of the expensive operations running at once in one instance; more wait their turn. */
  expensiveCostInFlight: Number(process.env.EXPENSIVE_COST_IN_FLIGHT ?? 5000),
  /** How long an expensive operation may wait for its turn before it is refused. */
  expensiveWaitSeconds: Number(process.env.EXPENSIVE_OPERATION_WAIT_SECONDS ?? 10),
};

/**
 * A fixed one-minute window of points per key whose check-and-take is one synchronous step, so a
 * request taking several points gets all of them or none, whatever runs concurrently.
 * (rate-limiter-flexible counts the points of a refused request, and its state can only be read
 * asynchronously, so it cannot refuse a whole request without charging it.)
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { used: number; endsAt: number }>();
  private sweepAt = 0;

  constructor(
    readonly points: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Takes `n` points for `key`: null when taken, else the seconds until they would fit (none taken). */
  take(key: string, n: number, now = Date.now()): number | null {
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { used: 0, endsAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    if (window.used + n > this.points) {
      const wait = n > this.points ? this.windowMs : window.endsAt - now;
      return Math.max(1, Math.ceil(wait / 1000));
    }
    window.used += n;
    return null;
  }

  /** Forgets ended windows now and then, so memory stays bounded by the keys of the last minute. */
  private sweep(now: number): void {
    if (now < this.sweepAt) return;
    for (const [key, w] of this.windows) if (w.endsAt <= now) this.windows.delete(key);
    this.sweepAt = now + this.windowMs;
  }
}

/** The limiters of one app instance. */
export function createRateLimiters() {
  return {
    mutations: new FixedWindowLimiter(LIMITS.mutationsPerMinute),
    signIns: new RateLimiterMemory({ points: LIMITS.signInsPerMinute, duration: 60 }),
    expensive: new ExpensiveOperationGate({
      perUser: LIMITS.expensivePerUser,
      waitingPerUser: LIMITS.expensiveWaitingPerUser,
      costInFlight: LIMITS.expensiveCostInFlight,
      maxWaitMs: LIMITS.expensiveWaitSeconds * 1000,
    }),
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
