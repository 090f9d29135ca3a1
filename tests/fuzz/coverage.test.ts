// Every mutation of the schema has a fuzz case and is fuzzed by one of the group files, so a new mutation
// fails here until someone says how to fuzz it (cases.ts).
import "./env.ts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callersOf, CASES, GROUPS } from "./cases.ts";
import { MUTATION_CASES } from "../auth/mutation-cases.ts";
import { expectedAllowed } from "../auth/role-table.ts";
import { callArb } from "./generators.ts";
import { buildRequest, graphql, mutationFields, schema } from "./schema-info.ts";
import { LIMITS } from "../../server/shared/rate-limits.ts";

describe("fuzz coverage", () => {
  const mutations = [...mutationFields().keys()].sort();
  const grouped = Object.values(GROUPS).flat() as string[];

  it("every Mutation field of the built schema has a fuzz case", () => {
    expect(mutations.filter((m) => !(m in CASES))).toEqual([]);
  });

  it("every case names a mutation that exists, and is fuzzed by exactly one group", () => {
    expect(Object.keys(CASES).filter((m) => !mutations.includes(m))).toEqual([]);
    expect(mutations.filter((m) => grouped.filter((g) => g === m).length !== 1)).toEqual([]);
  });

  it("every case states a minimum of successful calls, above zero and below its runs", () => {
    const bad = Object.entries(CASES).filter(([, c]) => !(c.minSucceeded >= 1 && c.minSucceeded < c.runs));
    expect(bad.map(([m]) => m)).toEqual([]);
  });

  it.each(mutations)(
    "%s: is fuzzed by a caller whose roles permit it and, unless every account may, by one whose roles do not",
    (m) => {
      const callers = callersOf(m);
      const rule = MUTATION_CASES[m]!.rule;
      // The caller's roles are all in SCC, and the calls' targets are mostly SCC's: the "home" column.
      const allowed = (roles: readonly string[]) =>
        roles.some((r) => expectedAllowed(r as Parameters<typeof expectedAllowed>[0], rule, "home"));
      expect(allowed(callers.permitted)).toBe(true);
      if (callers.forbidden === null) expect(callers.why).toBeTruthy();
      else expect(callers.forbidden.length === 0 || !allowed(callers.forbidden)).toBe(true);
    },
  );

  it("the rate limit is raised so the fuzz is not throttled", () => {
    expect(LIMITS.mutationsPerMinute).toBeGreaterThanOrEqual(1_000_000);
  });

  it.each(mutations)("%s: generated calls build documents the schema accepts when sent as variables", (m) => {
    for (const call of fc.sample(callArb(m), { numRuns: 20, seed: 1 })) {
      const { query } = buildRequest(mutationFields().get(m)!, call.args, false);
      expect(graphql.validate(schema, graphql.parse(query)).map((e) => e.message)).toEqual([]);
    }
  });
});
