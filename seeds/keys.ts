// Stable ids and small value helpers shared by the seed files.
import { stableUuid } from "../server/shared/ids.ts";

/** Namespace prefix of every seed id, so seed ids never collide with ids made elsewhere. */
export const SEED_NAMESPACE = "converge:seed";

/** The stable id of a seed row of `table` identified by `name` (same input, same id, every run). */
export function seedId(table: string, name: string): string {
  return stableUuid(`${SEED_NAMESPACE}:${table}`, name);
}

/** Whole pounds to integer pence. */
export function gbp(pounds: number): bigint {
  return BigInt(Math.round(pounds * 100));
}

/** A calendar date ("YYYY-MM-DD") as a Date at midnight UTC. */
export function day(iso: string): Date {
  return new Date(iso);
}

/** An alias as the catalogue stores it for matching: lower-cased, whitespace collapsed and trimmed. */
export function normaliseAlias(alias: string): string {
  return alias.toLowerCase().replace(/\s+/g, " ").trim();
}
