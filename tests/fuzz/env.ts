// Imported first by every fuzz test file, before anything that loads the server: the mutation rate limit
// is read once when server/shared/rate-limits.ts is evaluated, and the fuzz sends thousands of mutations
// per minute from one actor.
process.env.RATE_LIMIT_MUTATIONS_PER_MINUTE = String(
  Math.max(Number(process.env.RATE_LIMIT_MUTATIONS_PER_MINUTE ?? 0) || 0, 10_000_000),
);

/** The fast-check seed: fixed by default so CI failures replay; FUZZ_SEED=<n> to vary it, FUZZ_SEED=random for a fresh one. */
export const FUZZ_SEED: number =
  process.env.FUZZ_SEED === "random"
    ? Date.now() % 2 ** 31
    : process.env.FUZZ_SEED
      ? Number(process.env.FUZZ_SEED)
      : 20_261_126;

/** Multiplies every property's numRuns (FUZZ_RUNS_SCALE=0.2 for a smoke run, 10 for a long soak). */
export const RUN_SCALE: number = Number(process.env.FUZZ_RUNS_SCALE ?? 1);

/**
 * FUZZ_MASK_KNOWN=1 removes the inputs of the bugs already reported (see known-bugs.ts) before they are
 * sent, so a soak can look for new bugs behind them; FUZZ_MASK_KNOWN=B1,B5 masks only those. Off by
 * default: the known bugs must fail CI until they are fixed.
 */
const maskSetting = process.env.FUZZ_MASK_KNOWN ?? "";
export const MASK_KNOWN: boolean = maskSetting !== "" && maskSetting !== "0";
/** Whether bug `id` of known-bugs.ts is masked. */
export function masked(id: string): boolean {
  return (
    maskSetting === "1" ||
    maskSetting
      .split(",")
      .map((s) => s.trim())
      .includes(id)
  );
}
