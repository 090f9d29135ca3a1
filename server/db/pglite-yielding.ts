// Embedded PGlite runs PostgreSQL in this thread and answers through promise callbacks only: queries
// queued by concurrent requests run back to back, each starting in the callback of the one before, so
// the event loop reads no other request and writes no response until the queue is empty, and a cheap
// request's query waits behind every query an analysis queued before it. Here statements take turns
// instead: an expensive operation's statements run back to back a few at a time, then the event loop
// gets a turn (other requests are read and answered, and queue their statements). Ordinary
// requests' statements run back to back, so their DataLoader batches stay whole.
// Each expensive operation sends its statements in a lane of its own (inOwnLane); everything else shares
// the main lane, which gets up to MAIN_TURNS turns in a row before one goes to the next expensive lane,
// round the ring. So a burst of queries from an analysis delays a cheap request by a turn or two, not
// by the whole burst, and analyses still progress however busy the main lane is. Order within a lane
// is kept.
import { AsyncLocalStorage } from "node:async_hooks";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import { yieldToEventLoop } from "../shared/yielding.ts";

const lanes = new AsyncLocalStorage<object>();

/** Runs `fn` with the statements it sends to embedded PGlite in a lane of their own. */
export function inOwnLane<T>(fn: () => T): T {
  return lanes.run({}, fn);
}

type Job = () => Promise<void>;

/** Turns the main lane may take in a row while expensive lanes wait. */
const MAIN_TURNS = 4;
/** An expensive lane's statements run back to back at most this many at a time before the event loop gets a turn. */
const STATEMENTS_PER_TURN = 16;

/** Statements of one connection, taking turns across lanes. */
class Turns {
  private readonly main: Job[] = [];
  private readonly queues = new Map<object, Job[]>();
  private ring: object[] = [];
  private next = 0;
  private mainInARow = 0;
  private busy = false;

  run<R>(statement: () => Promise<R>): Promise<R> {
    const lane = lanes.getStore();
    return new Promise<R>((resolve, reject) => {
      const job: Job = () => statement().then(resolve, reject);
      if (!lane) this.main.push(job);
      else {
        const queue = this.queues.get(lane);
        if (queue) queue.push(job);
        else {
          this.queues.set(lane, [job]);
          this.ring.push(lane);
        }
      }
      if (!this.busy) void this.pump();
    });
  }

  /**
   * The next statement to run: the main lane's, unless it has had its turns and a lane is waiting; and
   * whether it is an expensive lane's.
   */
  private take(): { job: Job; lane: boolean } | undefined {
    if (this.main.length > 0 && (this.mainInARow < MAIN_TURNS || this.ring.length === 0)) {
      this.mainInARow++;
      return { job: this.main.shift()!, lane: false };
    }
    this.mainInARow = 0;
    if (this.ring.length === 0) return undefined;
    if (this.next >= this.ring.length) this.next = 0;
    const lane = this.ring[this.next]!;
    const queue = this.queues.get(lane)!;
    const job = queue.shift();
    if (queue.length === 0) {
      this.queues.delete(lane);
      this.ring.splice(this.next, 1);
    } else this.next++;
    return job && { job, lane: true };
  }

  private async pump(): Promise<void> {
    this.busy = true;
    try {
      let ranSinceTurn = 0;
      for (let next = this.take(); next; next = this.take()) {
        // Only before an expensive lane's statement: the main lane's run back to back, as PGlite runs
        // them anyway, so the statements of one request's resolvers resolve in one go and their loaders
        // batch as on PostgreSQL (a turn between them split a DataLoader batch in two).
        // Counted, not timed: the same request gets its turns at the same statements however busy the
        // machine is, so its DataLoader batches are the same too (a turn timed in milliseconds split a
        // batch only when the machine was slow).
        if (next.lane && ranSinceTurn >= STATEMENTS_PER_TURN) {
          ranSinceTurn = 0;
          await yieldToEventLoop();
        }
        ranSinceTurn++;
        await next.job();
      }
    } finally {
      this.busy = false;
    }
  }
}

/** `target` with query and exec taking turns; a transaction's statements take turns among themselves. */
function takingTurnsOn<T extends PGlite | Transaction>(target: T): T {
  const turns = new Turns();
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "query" || property === "exec")
        return (...args: unknown[]) => turns.run(() => value.apply(object, args));
      // A transaction holds the connection until it ends, so its statements cannot wait behind others.
      if (property === "transaction")
        return (callback: (tx: Transaction) => Promise<unknown>) =>
          value.call(object, (tx: Transaction) => callback(takingTurnsOn(tx)));
      return value.bind(object);
    },
  });
}

/** The PGlite instance as Prisma's adapter should use it: the same database, statements taking turns. */
export function takingTurns(pglite: PGlite): PGlite {
  return takingTurnsOn(pglite);
}
