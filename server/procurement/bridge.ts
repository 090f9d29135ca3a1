// Bridging a contract that ends before the move: a licence that moves (or is retired) on day D under a
// contract ending before D must go on being licensed until D, so the contract has to be extended. Pure.
//
// Rule (README "Procurement"). A contract c ending on e_c with asOf ≤ e_c and e_c + 1 < D needs extending:
//   - when its renewal terms state an extension term of N months ("optional 12-month extensions", "one
//     optional 24-month extension") or roll annually (N = 12), it is extended by whole terms of N months
//     from e_c until it runs to at least D − 1: it then runs to `to` = e_c + k × N months, and leaving it on
//     D pays it to `to` — an exit cost like any other (E, so it lowers the NPV);
//   - when its terms state no extension term, or rule one out ("no option to extend", "no extension
//     option", "no further extension"), it is taken to run exactly to D − 1 (`to`), but the bridge is an
//     obstacle: what that costs needs the supplier's agreement, so the item is not quotable (totals put it
//     in "needs a contract extension", apart from the quotable total).
// The licence spend from e_c + 1 to D − 1 (basis × days / 365) is what the council goes on paying while it
// waits for the move: shown as `spend`, like the spend during a co-termination extension — it is not a
// saving, and not an extra cost against today (today's spend goes on either way until D).
import type { Contract } from "../../generated/prisma/client.ts";
import { addDays, addMonths, isoDate } from "./arith.ts";
import { extensionRuledOut, extensionTermMonths, extensionTermsAllowed } from "./renewal-terms.ts";

/** How a contract ending before the move is extended to it. */
export interface Bridge {
  contract: Contract;
  /** The contract's end date today. */
  endDate: Date;
  /** The last day it must run to: D − 1, or the end of the whole extension terms that cover D − 1. */
  to: Date;
  /** Days from the contract's end to the day before the move (the spend while waiting). */
  days: number;
  /** The extension term its renewal terms force, in months; null when none is stated. */
  termMonths: number | null;
  /** Why it cannot be extended (its renewal terms rule it out), or null. */
  obstacle: string | null;
}

const DAY_MS = 86_400_000;

/**
 * The bridge `contract` needs for a move on `day`, or null when it runs to the day before the move
 * anyway (or ended before `asOf`, or has no end date).
 */
export function bridgeFor(contract: Contract, day: Date, asOf: Date): Bridge | null {
  const end = contract.endDate;
  if (!end || end.getTime() < asOf.getTime()) return null;
  const lastDay = addDays(day, -1);
  if (end.getTime() >= lastDay.getTime()) return null;
  const termMonths = extensionTermMonths(contract.renewalTerms);
  let to = lastDay;
  if (termMonths) {
    let k = 1;
    while (addMonths(end, k * termMonths).getTime() < lastDay.getTime()) k++;
    to = addMonths(end, k * termMonths);
  }
  const allowed = extensionTermsAllowed(contract.renewalTerms);
  const tooFew =
    termMonths && allowed !== null && addMonths(end, allowed * termMonths).getTime() < lastDay.getTime();
  if (tooFew) to = lastDay;
  const ruledOut = extensionRuledOut(contract.renewalTerms);
  const head = `contract ${contract.reference} ends on ${isoDate(end)}, before the move on ${isoDate(day)}: it needs extending to ${isoDate(lastDay)}`;
  return {
    contract,
    endDate: end,
    to,
    days: Math.round((lastDay.getTime() - end.getTime()) / DAY_MS),
    termMonths,
    obstacle: ruledOut
      ? `${head}, but its terms rule that out ("${ruledOut}"): the price needs the supplier's agreement.`
      : tooFew
        ? `${head}, beyond the extensions its terms allow ("${contract.renewalTerms}"): the price needs the supplier's agreement.`
      : termMonths === null
        ? `${head}, and its terms state no extension ("${contract.renewalTerms ?? "none recorded"}"): the price needs the supplier's agreement.`
        : null,
  };
}

/** The warning a bridge gives. */
export function bridgeWarning(b: Bridge, code: string): string {
  const text =
    b.obstacle ??
    `contract ${b.contract.reference} ends on ${isoDate(b.endDate)}, before the move: it needs extending to ${isoDate(b.to)} (its terms extend by ${b.termMonths} months at a time; leaving it at the move pays it to then).`;
  return text.replace(`contract ${b.contract.reference}`, `contract ${b.contract.reference} (${code})`);
}
