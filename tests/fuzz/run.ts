// Runs the fuzz properties of a group of mutations on every engine, one property per mutation.
import "./env.ts";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../support/databases.ts";
import { callersOf, CASES, GROUPS } from "./cases.ts";
import { FUZZ_SEED, MASK_KNOWN, RUN_SCALE } from "./env.ts";
import { callArb } from "./generators.ts";
import { Harness, type Outcome } from "./harness.ts";
import { REGRESSIONS } from "./regressions.ts";

/**
 * The longest a property may take, shrinking included. Properties run a fixed number of calls (no time
 * budget cuts them short); this is only vitest's timeout, so a property that hangs fails loudly.
 */
const PROPERTY_TIMEOUT_MS = 600_000;

/** Refusals of the caller who may not run a mutation, with FORBIDDEN, that every such property must see. */
const MIN_FORBIDDEN = 1;

/** The runs a mutation gets. */
export function runsFor(mutation: string): number {
  return Math.max(1, Math.round(CASES[mutation]!.runs * RUN_SCALE));
}

/** A minimum for `runsFor` runs: scaled down with FUZZ_RUNS_SCALE, never up. */
function minimum(n: number): number {
  return Math.min(n, Math.ceil(n * RUN_SCALE));
}

function summary(outcomes: Outcome[]): string {
  const codes = new Map<string, number>();
  for (const o of outcomes) {
    const c = `${o.caller === "forbidden" ? "forbidden caller: " : ""}${o.succeeded ? "OK" : (o.codes[0] ?? "?")}`;
    codes.set(c, (codes.get(c) ?? 0) + 1);
  }
  return [...codes]
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ${n}`)
    .join(", ");
}

/** Declares one property per mutation of `groups`, on PGlite and (with DATABASE_URL) PostgreSQL, sharing one database per engine. */
export function fuzzGroups(groups: (keyof typeof GROUPS)[]): void {
  describe.each(engines())(`fuzz: ${groups.join(" and ")} mutations on %s`, (engine) => {
    let h: Harness;
    beforeAll(async () => {
      const opening = Date.now();
      h = await Harness.open(engine);
      console.log(
        `[fuzz] ${groups.join(", ")} on ${engine}: seed ${FUZZ_SEED} (replay with FUZZ_SEED=${FUZZ_SEED})${MASK_KNOWN ? ", known bugs masked" : ""}; database ready in ${Date.now() - opening} ms`,
      );
    });
    afterAll(() => h?.close());

    for (const group of groups) {
      const mutations: readonly string[] = GROUPS[group];
      const regressions = REGRESSIONS.filter((r) => mutations.includes(r.call.mutation));
      if (regressions.length) {
        describe(`${group} regressions (fixed counterexamples, replayed unmasked)`, () => {
          for (const r of regressions) {
            it(`${r.bug} ${r.call.mutation}: ${r.title}`, async () => {
              await h.reset();
              await h.check(r.call, { mask: false });
            });
          }
        });
      }
      describe(group, () => {
        for (const mutation of GROUPS[group]) {
          it(
            `${mutation}: never a 500, refusals write nothing, DCC untouched, successes round-trip with one audit event per row, ${callersOf(mutation).forbidden ? "a caller who may not run it never does" : "every account may run it"}`,
            async () => {
              await h.reset();
              const outcomes: Outcome[] = [];
              const started = Date.now();
              await fc.assert(
                fc.asyncProperty(callArb(mutation), async (call) => {
                  outcomes.push(await h.check(call));
                }),
                { numRuns: runsFor(mutation), seed: FUZZ_SEED },
              );
              console.log(
                `[fuzz] ${engine} ${mutation}: ${outcomes.length} calls in ${Date.now() - started} ms — ${summary(outcomes)}`,
              );
              if (process.env.FUZZ_PROFILE)
                console.log(
                  `[fuzz] profile ${JSON.stringify(Object.fromEntries(Object.entries(h.profile).map(([k, v]) => [k, Math.round(v)])))}`,
                );
              // The property tested what its title says: every run was made, enough calls succeeded,
              // and (when someone may not run it) enough were refused to such a caller as FORBIDDEN.
              expect(outcomes.length, "calls made").toBe(runsFor(mutation));
              const succeeded = outcomes.filter((o) => o.caller === "permitted" && o.succeeded).length;
              expect(
                succeeded,
                `${mutation}: successful calls (minimum stated in cases.ts)`,
              ).toBeGreaterThanOrEqual(minimum(CASES[mutation]!.minSucceeded));
              if (callersOf(mutation).forbidden) {
                const forbidden = outcomes.filter(
                  (o) => o.caller === "forbidden" && o.codes.includes("FORBIDDEN"),
                ).length;
                expect(
                  forbidden,
                  `${mutation}: FORBIDDEN refusals of a caller who may not run it`,
                ).toBeGreaterThanOrEqual(minimum(MIN_FORBIDDEN));
              }
            },
            PROPERTY_TIMEOUT_MS,
          );
        }
      });
    }
  });
}
