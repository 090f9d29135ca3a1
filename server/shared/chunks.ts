// Large id lists and row sets go to the database in slices: Prisma compiles each query afresh, and its
// compile time grows faster than the number of parameters, so one query with 10,000 ids costs far more
// than ten with 1,000.

/** The largest slice sent in one query. */
export const CHUNK = 1000;

/** Runs `query` over slices of `items` and concatenates the results, in order. */
export async function inChunks<T, R>(items: readonly T[], query: (slice: T[]) => Promise<R[]>, size = CHUNK): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await query(items.slice(i, i + size))));
  return out;
}

/** Runs `write` over slices of `items`, one after another. */
export async function eachChunk<T>(items: readonly T[], write: (slice: T[]) => Promise<unknown>, size = CHUNK): Promise<void> {
  for (let i = 0; i < items.length; i += size) await write(items.slice(i, i + size));
}
