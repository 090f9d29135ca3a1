// How much expensive work runs at once (server/shared/concurrency.ts and expensiveOperationLimit): per
// user a couple of operations at a time, per instance a budget of cost; beyond either an operation waits
// its turn for a bounded time, and a user with too many waiting is refused with 429 and Retry-After.
// Cheap operations never wait. The API tests set the limits small through the environment (vi.hoisted,
// before the app's modules load) and hold turns of the app's own gate, so that what is running is known.
import { describe, it, expect, beforeAll, afterAll, vi } from "vitest";
import type { RateLimiters } from "../../server/shared/rate-limits.ts";

const created = vi.hoisted(() => {
  process.env.EXPENSIVE_OPERATIONS_PER_USER = "1";
  process.env.EXPENSIVE_OPERATIONS_WAITING_PER_USER = "1";
  process.env.EXPENSIVE_OPERATION_WAIT_SECONDS = "2";
  return [] as RateLimiters[];
});

// The real limiters, unchanged: each app's are recorded so that a test can hold turns of its gate.
vi.mock("../../server/shared/rate-limits.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../server/shared/rate-limits.ts")>();
  return {
    ...original,
    createRateLimiters: () => {
      const limiters = original.createRateLimiters();
      created.push(limiters);
      return limiters;
    },
  };
});

import { createApp } from "../../server/app.ts";
import { ExpensiveOperationGate, isRefusal, type Release } from "../../server/shared/concurrency.ts";
import { LIMITS } from "../../server/shared/rate-limits.ts";
import { QUERY_LIMITS } from "../../server/graphql-limits.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import {
  createOrgs,
  createUser,
  expectCode,
  gql,
  ok,
  resetDatabase,
  signIn,
  type Credentials,
} from "./fixtures.ts";

const gate = (perUser = 2, waitingPerUser = 2, costInFlight = 10_000, maxWaitMs = 60_000) =>
  new ExpensiveOperationGate({ perUser, waitingPerUser, costInFlight, maxWaitMs });

/** Enters and asserts a turn was given at once. */
async function turn(g: ExpensiveOperationGate, user: string | null, cost: number): Promise<Release> {
  const entry = await g.enter(user, cost);
  if (isRefusal(entry)) throw new Error(`refused: ${entry.reason}`);
  return entry;
}

/** Whether a pending entry has been given its turn, after pending callbacks have run. */
async function settled<T>(p: Promise<T>): Promise<T | "pending"> {
  return Promise.race([p, new Promise<"pending">((r) => setImmediate(() => r("pending")))]);
}

describe("the expensive-operation gate", () => {
  it("runs a user's third operation only when one of their first two ends", async () => {
    const g = gate();
    const first = await turn(g, "ann", 100);
    await turn(g, "ann", 100);
    const third = g.enter("ann", 100);
    expect(await settled(third)).toBe("pending");
    expect(await settled(g.enter("bob", 100)), "another user is not held back").not.toBe("pending");
    first();
    expect(typeof (await settled(third))).toBe("function");
  });

  it("refuses a user at once when their waiting places are taken too", async () => {
    const g = gate(1, 1);
    await turn(g, "ann", 100);
    void g.enter("ann", 100); // waits
    const refused = await g.enter("ann", 100);
    expect(refused).toEqual({ reason: "USER_BUSY", retryAfterSeconds: expect.any(Number) });
    expect(g.waiting).toBe(1);
  });

  it("lets operations run together while their costs fit the budget, and one costlier operation alone", async () => {
    const g = gate(5, 5, 10_000);
    const a = await turn(g, "ann", 6_000);
    const b = g.enter("bob", 6_000);
    expect(await settled(b), "6,000 + 6,000 is over the budget").toBe("pending");
    a();
    const bTurn = (await b) as Release;
    expect(g.costRunning).toBe(6_000);
    bTurn();
    const huge = await turn(g, "cat", 30_000);
    expect(g.inFlight, "an operation over the whole budget runs when nothing else does").toBe(1);
    huge();
  });

  it("does not let later, cheaper operations overtake one waiting for the budget", async () => {
    const g = gate(5, 5, 10_000);
    const a = await turn(g, "ann", 6_000);
    const big = g.enter("bob", 6_000);
    const small = g.enter("cat", 1_000);
    expect(await settled(small), "1,000 would fit, but bob came first").toBe("pending");
    a();
    expect(typeof (await settled(big))).toBe("function");
    expect(typeof (await settled(small))).toBe("function");
  });

  it("refuses an operation whose turn does not come in time, and forgets it", async () => {
    const g = gate(1, 1, 10_000, 50);
    await turn(g, "ann", 100);
    const waited = await g.enter("ann", 100);
    expect(isRefusal(waited) && waited.reason).toBe("SERVER_BUSY");
    expect(g.waiting).toBe(0);
  });

  it("gives the system itself no per-user share, only the budget", async () => {
    const g = gate(1, 1, 10_000);
    await turn(g, null, 100);
    await turn(g, null, 100);
    expect(g.inFlight).toBe(2);
  });

  it("ends a turn once however often its release is called", async () => {
    const g = gate();
    const release = await turn(g, "ann", 100);
    release();
    release();
    expect(g.inFlight).toBe(0);
    expect(g.costRunning).toBe(0);
  });
});

describe.each(engines())("expensive operations through the API on %s", (engine) => {
  let db: TestDatabase;
  let viewer: Credentials;
  let other: Credentials;
  let viewerId: string;
  const OVERLAPS = `{ licenceOverlaps { id } }`;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    const orgs = await createOrgs(db.prisma);
    viewerId = (await createUser(db.prisma, "viewer@southshire.gov.uk", [[orgs.SCC, "VIEWER"]])).id;
    await createUser(db.prisma, "other@southshire.gov.uk", [[orgs.DCC, "VIEWER"]]);
    const { app } = createApp({ prisma: db.prisma });
    viewer = await signIn(app, "viewer@southshire.gov.uk");
    other = await signIn(app, "other@southshire.gov.uk");
  });
  afterAll(async () => {
    await db?.close();
    delete process.env.EXPENSIVE_OPERATIONS_PER_USER;
    delete process.env.EXPENSIVE_OPERATIONS_WAITING_PER_USER;
    delete process.env.EXPENSIVE_OPERATION_WAIT_SECONDS;
  });

  /** A fresh app and its gate. */
  function appWithGate() {
    const { app } = createApp({ prisma: db.prisma });
    return { app, gate: created.at(-1)!.expensive };
  }

  it("takes its limits from the environment", () => {
    expect([LIMITS.expensivePerUser, LIMITS.expensiveWaitingPerUser, LIMITS.expensiveWaitSeconds]).toEqual([
      1, 1, 2,
    ]);
  });

  it("refuses a user's expensive query with 429 RATE_LIMITED and Retry-After when their share is taken", async () => {
    const { app, gate } = appWithGate();
    const running = await turn(gate, viewerId, QUERY_LIMITS.expensiveCost);
    const waiting = gate.enter(viewerId, QUERY_LIMITS.expensiveCost);
    const refused = await gql(app, viewer, OVERLAPS);
    expect(refused.status).toBe(429);
    const error = expectCode(refused, "RATE_LIMITED");
    expect(error.message).toMatch(/you already have 1 expensive operations .* running and 1 waiting/);
    expect(Number(refused.headers.get("retry-after"))).toBe(error.extensions?.retryAfterSeconds);
    expect(refused.data ?? null).toBeNull();
    ok(await gql(app, other, OVERLAPS));
    ok(await gql(app, viewer, `{ me { email } organisations { code } }`));
    running();
    // The held waiting turn was granted, or (on a loaded machine) gave up after its 2 s: either way it
    // filled the user's one waiting place while the refused request was sent.
    const held = await waiting;
    if (!isRefusal(held)) held();
  });

  it("runs a user's expensive query once their earlier one ends, and ends its own turn", async () => {
    const { app, gate } = appWithGate();
    const running = await turn(gate, viewerId, QUERY_LIMITS.expensiveCost);
    const answer = gql(app, viewer, OVERLAPS);
    await vi.waitFor(() => expect(gate.waiting).toBe(1));
    running();
    ok(await answer);
    expect(gate.inFlight).toBe(0);
    expect(gate.costRunning).toBe(0);
  });

  it("answers 429 when the turn does not come within the wait", async () => {
    const { app, gate } = appWithGate();
    const running = await turn(gate, null, 1_000_000);
    const refused = await gql(app, viewer, OVERLAPS);
    expect(refused.status).toBe(429);
    expect(expectCode(refused, "RATE_LIMITED").message).toMatch(
      /the server is busy with expensive operations/,
    );
    running();
  });

  it("never holds back a cheap query, however busy the gate", async () => {
    const { app, gate } = appWithGate();
    const running = await turn(gate, null, 1_000_000);
    ok(await gql(app, viewer, `{ me { email } }`));
    ok(await gql(app, viewer, `{ assets(first: 50) { edges { node { name site { name } } } } }`));
    running();
  });

  it("runs every analysis a page asks for at once, in turn", async () => {
    const { app } = appWithGate();
    const answers = await Promise.all([
      gql(app, viewer, OVERLAPS),
      gql(app, viewer, `{ licencePositions { shelfwareCost } }`),
    ]);
    for (const a of answers) ok(a);
  });
});
