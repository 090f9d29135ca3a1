// Every mutation of the schema has a fuzz case and is fuzzed by one of the group files, so a new mutation
// fails here until someone says how to fuzz it (cases.ts).
import "./env.ts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CASES, GROUPS } from "./cases.ts";
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
