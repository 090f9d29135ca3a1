// Runs the fuzz properties of a group of mutations on every engine, one property per mutation.
import "./env.ts";
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { engines } from "../support/databases.ts";
import { CASES, GROUPS } from "./cases.ts";
import { FUZZ_SEED, MASK_KNOWN, RUN_SCALE } from "./env.ts";
import { callArb } from "./generators.ts";
import { Harness, type Outcome } from "./harness.ts";
import { REGRESSIONS } from "./regressions.ts";

/** Wall-clock budget per property, shrinking included; past it the property stops (reporting any failure found). */
const PROPERTY_BUDGET_MS = Number(process.env.FUZZ_PROPERTY_BUDGET_MS ?? 60_000);

/** The runs a mutation gets. */
export function runsFor(mutation: string): number {
  return Math.max(1, Math.round(CASES[mutation]!.runs * RUN_SCALE));
}

function summary(outcomes: Outcome[]): string {
  const codes = new Map<string, number>();
  for (const o of outcomes) {
    const c = o.succeeded ? "OK" : (o.codes[0] ?? "?");
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
            `${mutation}: never a 500, refusals write nothing, DCC untouched, successes round-trip with one audit event per row`,
            async () => {
              await h.reset();
              const outcomes: Outcome[] = [];
              const started = Date.now();
              await fc.assert(
                fc.asyncProperty(callArb(mutation), async (call) => {
                  outcomes.push(await h.check(call));
                }),
                {
                  numRuns: runsFor(mutation),
                  seed: FUZZ_SEED,
                  plugins: [fc.interruptAfterTimeLimit(PROPERTY_BUDGET_MS)],
                },
              );
              console.log(
                `[fuzz] ${engine} ${mutation}: ${outcomes.length} calls in ${Date.now() - started} ms — ${summary(outcomes)}`,
              );
              if (process.env.FUZZ_PROFILE)
                console.log(
                  `[fuzz] profile ${JSON.stringify(Object.fromEntries(Object.entries(h.profile).map(([k, v]) => [k, Math.round(v)])))}`,
                );
            },
            PROPERTY_BUDGET_MS + 60_000,
          );
        }
      });
    }
  });
}
