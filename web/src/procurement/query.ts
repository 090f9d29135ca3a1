// The procurement page's sections share one URL query, each owning its own keys.
import { currentRoute, replaceQuery } from "../router.ts";

/** Rewrites some query parameters of the current URL, keeping the others (each section owns its keys). */
export function updateQuery(values: Record<string, string | string[]>): void {
  const merged: Record<string, string | string[]> = Object.fromEntries(currentRoute().query);
  Object.assign(merged, values);
  replaceQuery(merged);
}
