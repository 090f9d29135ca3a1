// Long loops that let other requests in. Awaiting a query is not enough: PGlite runs in this thread and
// answers through microtasks, so a loop of awaited queries never lets timers or I/O run until it ends.

/** Lets the event loop run what is waiting (other requests, timers, I/O) before continuing. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** `items` cut into consecutive slices of at most `size`. */
export function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Maps `items` in order, yielding to the event loop after every `every` items. */
export async function mapYielding<T, R>(
  items: readonly T[],
  every: number,
  fn: (item: T, index: number) => R,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % every === 0) await yieldToEventLoop();
    out.push(fn(items[i]!, i));
  }
  return out;
}
