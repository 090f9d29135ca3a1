// Helpers that put DataLoader batch results back in key order.

/** Rows found by id, in the order of `ids`, null where missing. */
export async function byIds<T extends { id: string }>(
  ids: readonly string[],
  rows: Promise<T[]>,
): Promise<(T | null)[]> {
  const map = new Map((await rows).map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

/** Rows grouped by a key, in the order of `keys`, [] where none. */
export async function groupedBy<T>(
  keys: readonly string[],
  rows: Promise<T[]>,
  keyOf: (row: T) => string,
): Promise<T[][]> {
  const map = new Map<string, T[]>();
  for (const row of await rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
