// Net present value of a consolidation that starts saving on a given day, exactly, in integer pence.
// HM Treasury Green Book convention: 3.5% a year real, end-of-year discounting, years counted from the
// appraisal date. Pure.
import { divHalfUp } from "./arith.ts";

/** The Green Book discount rate, as the fraction RATE_NUM / RATE_DEN (3.5% a year, real). */
export const RATE_NUM = 35n;
export const RATE_DEN = 1000n;

/** The appraisal horizon when the caller gives none, in years. */
export const DEFAULT_HORIZON_YEARS = 5;

/** The convention, as the method text and the README state it. */
export const NPV_CONVENTION =
  "NPV = −E + Σ_{t=1..H} S × f_t / 1.035^t: the Green Book's 3.5% real discount rate, end-of-year discounting, years counted from the appraisal date, f_t the share of year t's 365 days on or after the consolidation date (so a later start earns less in its first year), E the one-off exit cost paid on the appraisal date; computed exactly and rounded half-up to the penny once.";

/**
 * NPV in pence of saving `annualSaving` a year from `delayDays` after the appraisal date, over
 * `horizonYears` years, less `exitCost` paid at once (see NPV_CONVENTION).
 */
export function npv(annualSaving: bigint, exitCost: bigint, delayDays: number, horizonYears: number): bigint {
  if (!Number.isInteger(horizonYears) || horizonYears < 1)
    throw new RangeError("horizon must be a whole number of years ≥ 1");
  const H = BigInt(horizonYears);
  const base = RATE_DEN + RATE_NUM; // 1035
  // Σ S × days_t / 365 × 1000^t / 1035^t, over the common denominator 365 × 1035^H.
  let numerator = 0n;
  for (let t = 1; t <= horizonYears; t++) {
    const days = Math.min(365, Math.max(0, t * 365 - delayDays));
    if (days === 0) continue;
    numerator += annualSaving * BigInt(days) * RATE_DEN ** BigInt(t) * base ** (H - BigInt(t));
  }
  const denominator = 365n * base ** H;
  return divHalfUp(numerator - exitCost * denominator, denominator);
}
