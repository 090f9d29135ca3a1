// Property-based fuzz of the read side (reads.ts): forged cursors for every list field × every order, and
// hostile global IDs, Dates and DateTimes for every query argument that takes one. Each property states
// how many of its calls must have been followed and refused, so it cannot pass without exercising both.
import "./env.ts";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../support/databases.ts";
import { FUZZ_SEED, RUN_SCALE } from "./env.ts";
import { Harness } from "./harness.ts";
import {
  checkRead,
  readCallArb,
  readTargets,
  realCursors,
  type FixtureIds,
  type ReadOutcome,
  type ReadTarget,
} from "./reads.ts";

/** Runs per property before FUZZ_RUNS_SCALE (reads write nothing, so a run is one request). */
const CURSOR_RUNS = 40;
const ARGUMENT_RUNS = 30;

/**
 * What every property must have seen, or it fails as not having tested what its title says: for cursors,
 * real cursors followed and forged ones refused; for IDs and dates, calls accepted (so the other
 * arguments are valid and a refusal is the hostile value's) and calls refused.
 */
const MINIMUM = {
  cursor: { realFollowed: 3, refused: 10 },
  argument: { succeeded: 1, refused: 8 },
};

const runs = (n: number) => Math.max(1, Math.round(n * RUN_SCALE));
const scaled = (n: number) => Math.min(n, Math.ceil(n * RUN_SCALE));

const TARGETS = readTargets();
/**
 * The types whose first fixture row the fuzz names (as an argument, or as the parent of a list read
 * through node(id:)). The fixture's first scenario is SCC's draft with moves (fixture.ts), so
 * Scenario.moves has a page.
 */
const FIXTURE_TYPES = ["Asset", "Site", "Licence", "Contract", "Product", "Scenario"];
const cursorTargets = TARGETS.filter((t) => t.slots.some((s) => s.kind === "cursor"));
const argumentTargets = TARGETS.filter((t) => t.slots.some((s) => s.kind !== "cursor"));

describe("read fuzz coverage", () => {
  it("finds every list field with an `after` argument, and every order of each", () => {
    expect(cursorTargets.map((t) => `${t.name}: ${t.orders.join(", ")}`).sort()).toEqual([
      "Query.assets: NAME_ASC, NAME_DESC, ANNUAL_RUN_COST_ASC, ANNUAL_RUN_COST_DESC, UPDATED_AT_ASC, UPDATED_AT_DESC",
      "Query.auditEvents: AT_DESC, AT_ASC, ACTOR_ASC, ACTOR_DESC, ACTION_ASC, ACTION_DESC, ENTITY_TYPE_ASC, ENTITY_TYPE_DESC",
      "Query.contracts: REFERENCE_ASC, REFERENCE_DESC, TITLE_ASC, TITLE_DESC, SUPPLIER_ASC, SUPPLIER_DESC, END_DATE_ASC, END_DATE_DESC",
      "Query.licences: ANNUAL_COST_DESC, ANNUAL_COST_ASC, QUANTITY_OWNED_DESC, QUANTITY_OWNED_ASC",
      "Query.scenarios: ",
      "Query.sites: NAME_ASC, NAME_DESC, ANNUAL_COST_ASC, ANNUAL_COST_DESC",
      "Scenario.moves: ",
      "Site.assets: ",
    ]);
  });

  it("reaches every field with a fuzzed argument, from Query or through node(id:)", () => {
    const unreachable = TARGETS.filter((t) => t.parentType && !FIXTURE_TYPES.includes(t.parentType)).map(
      (t) => t.name,
    );
    expect(unreachable).toEqual([]);
  });
});

describe.each(engines())("read fuzz on %s", (engine) => {
  let h: Harness;
  let ids: FixtureIds;
  const cursors = new Map<string, string[]>();
  const key = (t: ReadTarget, order: string | null) => `${t.name} ${order ?? ""}`;

  beforeAll(async () => {
    h = await Harness.open(engine);
    ids = {};
    for (const type of FIXTURE_TYPES) {
      const rows = await h.prisma.$queryRawUnsafe<{ id: string }[]>(
        `SELECT id::text AS id FROM "${type}" ORDER BY "createdAt", id LIMIT 1`,
      );
      ids[type] = rows[0]!.id;
    }
    // A second scenario, for compareScenarios (two or three).
    ids.otherScenario = (
      await h.prisma.$queryRawUnsafe<{ id: string }[]>(
        `SELECT id::text AS id FROM "Scenario" ORDER BY "createdAt", id OFFSET 1 LIMIT 1`,
      )
    )[0]!.id;
    // Audit events to page through (the fixture is written straight to the tables, without any).
    for (const name of ["Fuzz probe A", "Fuzz probe B", "Fuzz probe C", "Fuzz probe D"])
      await h.send(
        JSON.stringify({
          query: `mutation { createSite(input: { organisation: "SCC", name: ${JSON.stringify(name)}, kind: OFFICE }) { id } }`,
        }),
      );
    for (const t of cursorTargets)
      for (const order of t.orders) cursors.set(key(t, order), await realCursors(h, t, order, ids));
    console.log(`[fuzz] reads on ${engine}: seed ${FUZZ_SEED}`);
  });
  afterAll(() => h?.close());

  const tally = (outcomes: ReadOutcome[]) => ({
    succeeded: outcomes.filter((o) => o.succeeded).length,
    refused: outcomes.filter((o) => o.codes.includes("BAD_INPUT")).length,
    realFollowed: outcomes.filter((o) => o.real && o.succeeded).length,
  });

  for (const target of cursorTargets) {
    for (const order of target.orders) {
      it(`${target.name}${order ? ` orderBy ${order}` : ""}: a forged cursor is BAD_INPUT on after, a real one is followed, never a 500`, async () => {
        const own = cursors.get(key(target, order))!;
        expect(own.length, "the fixture gives this list a first page with cursors").toBeGreaterThan(1);
        const others = [...cursors].filter(([k]) => k !== key(target, order)).flatMap(([, c]) => c);
        const slots = target.slots.filter((s) => s.kind === "cursor");
        const outcomes: ReadOutcome[] = [];
        await fc.assert(
          fc.asyncProperty(readCallArb(target, order, slots, ids, { own, others }), async (call) => {
            outcomes.push(await checkRead(h, call, ids, own));
          }),
          { numRuns: runs(CURSOR_RUNS), seed: FUZZ_SEED },
        );
        const t = tally(outcomes);
        console.log(`[fuzz] ${engine} ${key(target, order)}: ${JSON.stringify(t)}`);
        expect(outcomes.length).toBe(runs(CURSOR_RUNS));
        expect(t.realFollowed).toBeGreaterThanOrEqual(scaled(MINIMUM.cursor.realFollowed));
        expect(t.refused).toBeGreaterThanOrEqual(scaled(MINIMUM.cursor.refused));
      });
    }
  }

  for (const target of argumentTargets) {
    const slots = target.slots.filter((s) => s.kind !== "cursor");
    it(`${target.name}(${slots.map((s) => s.path.join(".")).join(", ")}): hostile IDs and dates are BAD_INPUT naming the field, never a 500`, async () => {
      const outcomes: ReadOutcome[] = [];
      await fc.assert(
        fc.asyncProperty(
          readCallArb(target, target.orders[0] ?? null, slots, ids, { own: [], others: [] }),
          async (call) => {
            outcomes.push(await checkRead(h, call, ids, []));
          },
        ),
        { numRuns: runs(ARGUMENT_RUNS), seed: FUZZ_SEED },
      );
      const t = tally(outcomes);
      console.log(`[fuzz] ${engine} ${target.name}: ${JSON.stringify(t)}`);
      expect(outcomes.length).toBe(runs(ARGUMENT_RUNS));
      expect(t.succeeded).toBeGreaterThanOrEqual(scaled(MINIMUM.argument.succeeded));
      expect(t.refused).toBeGreaterThanOrEqual(scaled(MINIMUM.argument.refused));
    });
  }
});
