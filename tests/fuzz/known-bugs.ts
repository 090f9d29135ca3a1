// The bugs this fuzz has found and reported, each with the input transformation that avoids it. (B2, LIKE
// wildcards in case-insensitive lookups, was fixed in 75dbfa2; regressions.ts keeps its cases.) They are
// applied only with FUZZ_MASK_KNOWN=1 (to look for new bugs behind them); by default the fuzz sends the
// inputs as generated, so the properties fail until the server is fixed. Delete an entry once it is fixed.
import { masked } from "./env.ts";
import { isPlainObject } from "./values.ts";

/** One reported bug and how to keep a generated value away from it. */
export interface KnownBug {
  id: string;
  title: string;
  /** The value to send instead of `value` for field `key` of a call to `mutation` (sent inline or not). */
  mask(mutation: string, key: string, value: unknown, inline: boolean): unknown;
}


/**
 * Bugs reported and not yet fixed. B1 and B5 (unstorable text) are refused before execution by
 * server/graphql-input-guard.ts; B3 (implausible dates), B4 and B6 (money beyond a bigint) by the scalar,
 * money and OCDS checks; B7 (GRAPHQL_PARSE_FAILED) is a documented code. regressions.ts keeps their cases.
 */
export const KNOWN_BUGS: KnownBug[] = [];

/** `args` with every known bug's mask applied to every field (recursively). */
export function maskKnownBugs(
  mutation: string,
  args: Record<string, unknown>,
  inline: boolean,
): Record<string, unknown> {
  const walk = (key: string, v: unknown): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(key, x));
    if (isPlainObject(v)) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(k, x)]));
    }
    return KNOWN_BUGS.reduce((acc, bug) => (masked(bug.id) ? bug.mask(mutation, key, acc, inline) : acc), v);
  };
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, walk(k, v)]));
}
