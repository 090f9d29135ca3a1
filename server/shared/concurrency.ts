// How much expensive work runs at once: per instance, operations whose costs add up to a budget (one
// operation over it runs alone), and per user a couple at a time. Beyond either, an operation waits its
// turn, first come first served, for a bounded time; a user with too many already waiting is refused at
// once. So neither one user nor a crowd of them can fill the server with analytic work while cheap
// requests wait, and a page that asks for several analyses at once still gets all of them in turn.

/** Ends a caller's turn; calling it again does nothing. */
export type Release = () => void;

/** Why an operation may not run, and when to try again. */
export interface Refusal {
  /** USER_BUSY: the user already has too many running and waiting; SERVER_BUSY: no turn came in time. */
  reason: "USER_BUSY" | "SERVER_BUSY";
  retryAfterSeconds: number;
}

/** The gate's limits. */
export interface GateLimits {
  /** Operations one user may have running at once. */
  perUser: number;
  /** Operations one user may have waiting; one more is refused at once. */
  waitingPerUser: number;
  /** The cost of the operations running at once in the instance; one costlier operation runs alone. */
  costInFlight: number;
  /** How long an operation waits for its turn before it is refused. */
  maxWaitMs: number;
}

interface UserState {
  running: number;
  waiting: number;
}

interface Waiter {
  user: string | null;
  cost: number;
  grant: (release: Release) => void;
  timer: NodeJS.Timeout;
}

/** A per-instance semaphore for expensive operations with a per-user share. */
export class ExpensiveOperationGate {
  private running = 0;
  private cost = 0;
  private readonly users = new Map<string, UserState>();
  private readonly queue: Waiter[] = [];
  private queuedSoFar = 0;
  private refusedSoFar = 0;

  constructor(readonly limits: GateLimits) {}

  /** Operations running now. */
  get inFlight(): number {
    return this.running;
  }

  /** Their cost. */
  get costRunning(): number {
    return this.cost;
  }

  /** Operations waiting for a turn. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Operations that have had to wait for a turn since the gate was made (for tests and monitoring). */
  get queuedTotal(): number {
    return this.queuedSoFar;
  }

  /** Operations refused since the gate was made (for tests and monitoring). */
  get refusedTotal(): number {
    return this.refusedSoFar;
  }

  /**
   * A turn for an operation of `user` (null: the system itself, which has no per-user share) costing
   * `cost`: a release function once it may run, or a refusal. Call the release function when it ends.
   */
  enter(user: string | null, cost: number): Promise<Release | Refusal> {
    const state = this.state(user);
    // Those already waiting for the budget go first, so a costly operation is not overtaken forever.
    const queued = this.queue.some((w) => this.userMayRun(w.user));
    if (!queued && this.mayRun(user, cost)) return Promise.resolve(this.start(user, cost));
    if (user !== null && state.waiting >= this.limits.waitingPerUser) {
      this.refusedSoFar++;
      return Promise.resolve({ reason: "USER_BUSY", retryAfterSeconds: this.retryAfter() });
    }
    state.waiting++;
    this.queuedSoFar++;
    return new Promise((resolve) => {
      const waiter: Waiter = {
        user,
        cost,
        grant: resolve,
        timer: setTimeout(() => {
          this.queue.splice(this.queue.indexOf(waiter), 1);
          this.state(user).waiting--;
          this.forget(user);
          this.refusedSoFar++;
          resolve({ reason: "SERVER_BUSY", retryAfterSeconds: this.retryAfter() });
          this.dispatch(); // a costly waiter leaving may let those behind it run
        }, this.limits.maxWaitMs),
      };
      this.queue.push(waiter);
    });
  }

  private retryAfter(): number {
    return Math.max(1, Math.ceil(this.limits.maxWaitMs / 4000));
  }

  private state(user: string | null): UserState {
    const key = user ?? "";
    let state = this.users.get(key);
    if (!state) this.users.set(key, (state = { running: 0, waiting: 0 }));
    return state;
  }

  private forget(user: string | null): void {
    const state = this.users.get(user ?? "");
    if (state && state.running === 0 && state.waiting === 0) this.users.delete(user ?? "");
  }

  private userMayRun(user: string | null): boolean {
    return user === null || this.state(user).running < this.limits.perUser;
  }

  private mayRun(user: string | null, cost: number): boolean {
    const fits = this.running === 0 || this.cost + cost <= this.limits.costInFlight;
    return fits && this.userMayRun(user);
  }

  private start(user: string | null, cost: number): Release {
    this.running++;
    this.cost += cost;
    this.state(user).running++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.running--;
      this.cost -= cost;
      this.state(user).running--;
      this.forget(user);
      this.dispatch();
    };
  }

  /**
   * Gives turns in arrival order: a waiter its user's share holds back is passed over; the first one
   * the budget holds back stops the round (it goes first when the budget allows).
   */
  private dispatch(): void {
    for (let i = 0; i < this.queue.length;) {
      const waiter = this.queue[i]!;
      if (!this.userMayRun(waiter.user)) {
        i++;
        continue;
      }
      if (!this.mayRun(waiter.user, waiter.cost)) return;
      this.queue.splice(i, 1);
      clearTimeout(waiter.timer);
      this.state(waiter.user).waiting--;
      waiter.grant(this.start(waiter.user, waiter.cost));
    }
  }
}

/** True for a refusal rather than a turn. */
export function isRefusal(entry: Release | Refusal): entry is Refusal {
  return typeof entry !== "function";
}
