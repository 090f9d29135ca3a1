// Token-based string similarity for fuzzy product matching, built on Levenshtein edit distance.
import { distance } from "fastest-levenshtein";

/** Two tokens at or above this similarity count as the same word misspelt ("replicaton"). */
export const TOKEN_MATCH = 0.8;

/**
 * Similarity of two tokens in 0–1: 1 − edit distance / longer length. Tokens of three characters or
 * fewer ("x", "dc", "sql") must be identical, because one edit already changes their meaning.
 */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length <= 3 || b.length <= 3) return 0;
  return 1 - distance(a, b) / Math.max(a.length, b.length);
}

/** The best similarity of `token` to any of `others`, or 0 when none reaches TOKEN_MATCH. */
export function bestTokenMatch(token: string, others: readonly string[]): number {
  let best = 0;
  for (const other of others) best = Math.max(best, tokenSimilarity(token, other));
  return best >= TOKEN_MATCH ? best : 0;
}

/** Tokens of `from` that have no match (per TOKEN_MATCH) among `to`. */
export function unmatchedTokens(from: readonly string[], to: readonly string[]): string[] {
  return from.filter((t) => bestTokenMatch(t, to) === 0);
}

/**
 * Symmetric token-set similarity in 0–1: every token on both sides scores its best match on the other
 * side (0 when below TOKEN_MATCH), averaged over all tokens. A missing or extra word therefore costs
 * as much as it weighs in the title: "microsoft visio" vs "microsoft project" scores 0.5.
 */
export function tokenSetScore(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let total = 0;
  for (const t of a) total += bestTokenMatch(t, b);
  for (const t of b) total += bestTokenMatch(t, a);
  return total / (a.length + b.length);
}
