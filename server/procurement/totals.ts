// The totals of a set of overlaps that a cabinet report can quote. Pure: no database.
//
// Savings. Every overlap's recommendation is a list of items (service.ts SavingItem): a consolidation,
// or a point product retired because a suite its organisation holds does its job. An item is counted
// only when it saves money (S > 0 and NPV > 0; savings.ts never recommends anything else), and each
// licence's cost may be saved once: items are taken largest saving first (ties by overlap id), quotable
// items before those whose price needs a supplier quote, and an item any of whose licences an earlier
// item already counted is left out ("counted in the overlap with the larger saving"). Quotable items
// make the headline; the others are totalled apart as "needs a supplier quote".
// Annual saving, one-off exit cost and NPV are sums of the counted items; each organisation's share is
// the sum of its shares (what it stops paying).
//
// Extensions to co-terminate. Each contract is extended once, to the LATEST common end date any overlap
// in the set asks of it, and each licence line under it is counted once, to the latest date any overlap
// asks of that line (a contract without licences: its annual value, to the latest date): Σ annual cost
// × days past the contract's end / 365, summed exactly and rounded half-up once. It is licence spend that continues at today's prices, not a saving
// and not an extra one-off cost.
import type { Contract, Licence } from "../../generated/prisma/client.ts";
import { daysBetween, divHalfUp, DAYS_PER_YEAR } from "./arith.ts";
import type { CotermResult } from "./coterm.ts";
import type { SavingItem } from "./service.ts";

/** The method, as the API and README state it. */
export const TOTALS_METHOD =
  "Annual saving: the recommended items of the overlaps shown (each a consolidation, or a point product retired because a suite its organisation holds does its job), counted only when it saves money; each licence's cost is saved once — items are taken largest saving first and one whose licences an earlier item already counted is left out. Items whose target price needs a supplier quote (seats needed > 2 × the target's seats today) are totalled apart, and so are items whose contract ends before the move and must be extended at a price its renewal terms do not evidence (they state no extension term, or rule one out): “needs a contract extension”. Licence spend while counted items' contracts are extended to their moves (annual cost × days from the contract's end to the day before the move / 365, rounded once) is shown beside the total: not a saving and not an extra cost; a stated extension term that runs past the move is an exit cost, in the exit costs and NPV. Counted items resting on a passed notice deadline, or on a target contract that ends before the move, are counted and summed apart as caveats of the total. One-off exit cost and NPV (Green Book 3.5%, over the horizon) are sums over the same counted items at each one's chosen date. Each organisation's share is what it stops paying. Extensions to co-terminate: each contract once, to the latest common end date any overlap asks, each licence line under it counted once to the latest date any overlap asks of it (a contract without licences: its annual value) × days / 365 — licence spend during the extension at today's prices, not a saving and not an extra cost.";

/** What one overlap brings to the totals. */
export interface TotalsInput {
  id: string;
  valuesVisible: boolean;
  organisationIds: string[];
  items: readonly SavingItem[];
  /** The overlap's recommendation status, when it has one. */
  noSaving: boolean;
  coterm: CotermResult;
  contractsWithoutValue: number;
}

/** One organisation's share of the counted savings. */
export interface OrganisationShare {
  organisationId: string;
  annualSaving: bigint;
}

export interface Totals {
  valuesVisible: boolean;
  annualSaving: bigint | null;
  exitCost: bigint | null;
  exitCostUnknown: number;
  npv: bigint | null;
  counted: number | null;
  byOrganisation: OrganisationShare[];
  needsQuoteSaving: bigint | null;
  needsQuoteCount: number | null;
  /** Items whose contract must be extended to the move at a price its terms do not evidence (not in annualSaving). */
  needsExtensionSaving: bigint | null;
  needsExtensionCount: number | null;
  /** Licence spend while the counted items' contracts are extended to their moves (not a saving, not a cost). */
  bridgeSpend: bigint | null;
  /** Counted items resting on a contract whose notice deadline has passed, and their saving. */
  noticePassedCount: number | null;
  noticePassedSaving: bigint | null;
  /** Counted items whose target contract ends before the move (it needs renewing), and their saving. */
  targetRenewalCount: number | null;
  targetRenewalSaving: bigint | null;
  noSavingCount: number | null;
  /** Items left out because a licence of theirs was counted in another overlap's larger saving. */
  leftOutAsCounted: { overlapId: string; countedIn: string }[];
  extensionSpend: bigint | null;
  extendedContracts: number;
  /** Contracts to extend whose annual value is not recorded (not in extensionSpend). */
  extensionWithoutValue: number;
  contractsWithoutValue: number;
}

/** The totals of `overlaps` (see the header); money is null when any overlap's figures are hidden. */
export function overlapTotals(
  overlaps: readonly TotalsInput[],
  licenceById: ReadonlyMap<string, Licence>,
): Totals {
  const valuesVisible = overlaps.every((o) => o.valuesVisible);
  const items = overlaps.flatMap((o) => o.items).filter((i) => i.saving > 0n && (i.npv === null || i.npv > 0n));
  const order = (a: SavingItem, b: SavingItem) =>
    Number(a.needsQuote) - Number(b.needsQuote) ||
    (a.saving !== b.saving ? (a.saving > b.saving ? -1 : 1) : a.overlapId < b.overlapId ? -1 : 1);
  items.sort(order);
  const used = new Map<string, string>(); // licence → overlap that counted it
  const leftOut: { overlapId: string; countedIn: string }[] = [];
  let saving = 0n;
  let exit = 0n;
  let exitUnknown = 0;
  let npvSum = 0n;
  let npvKnown = true;
  let quote = 0n;
  let quoteCount = 0;
  let extension = 0n;
  let extensionCount = 0;
  let bridgeNumerator = 0n;
  let noticeCount = 0;
  let noticeSaving = 0n;
  let renewalCount = 0;
  let renewalSaving = 0n;
  let counted = 0;
  const shares = new Map<string, bigint>();
  for (const i of items) {
    const clash = i.licenceIds.find((id) => used.has(id));
    if (clash) {
      leftOut.push({ overlapId: i.overlapId, countedIn: used.get(clash)! });
      continue;
    }
    for (const id of i.licenceIds) used.set(id, i.overlapId);
    if (i.needsQuote) {
      quote += i.saving;
      quoteCount++;
      continue;
    }
    if (i.needsExtension) {
      extension += i.saving;
      extensionCount++;
      continue;
    }
    for (const b of i.bridges) bridgeNumerator += b.annualBasis * BigInt(b.days);
    if (i.noticePassed) {
      noticeCount++;
      noticeSaving += i.saving;
    }
    if (i.targetRenewal) {
      renewalCount++;
      renewalSaving += i.saving;
    }
    counted++;
    saving += i.saving;
    if (i.exit === null) exitUnknown++;
    else exit += i.exit;
    if (i.npv === null) npvKnown = false;
    else npvSum += i.npv;
    for (const [org, v] of i.shares) shares.set(org, (shares.get(org) ?? 0n) + v);
  }

  // Extensions: each contract once, to the latest date any overlap asks.
  const perContract = new Map<
    string,
    { contract: Contract; to: Date; licenceTo: Map<string, Date>; wholeTo: Date | null }
  >();
  const later = (a: Date | null | undefined, b: Date) => (a && a.getTime() >= b.getTime() ? a : b);
  for (const o of overlaps) {
    const c = o.coterm;
    if (!c.coterminable || c.alreadyCoterminous || !c.commonEndDate) continue;
    for (const line of c.lines) {
      if (line.extensionDays <= 0) continue;
      const entry = perContract.get(line.contract.id) ?? {
        contract: line.contract,
        to: c.commonEndDate,
        licenceTo: new Map<string, Date>(),
        wholeTo: null,
      };
      entry.to = later(entry.to, c.commonEndDate);
      for (const id of line.licenceIds) entry.licenceTo.set(id, later(entry.licenceTo.get(id), c.commonEndDate));
      if (line.licenceIds.length === 0) entry.wholeTo = later(entry.wholeTo, c.commonEndDate);
      perContract.set(line.contract.id, entry);
    }
  }
  let numerator = 0n;
  let withoutValue = 0;
  for (const e of perContract.values()) {
    const days = (to: Date) => BigInt(daysBetween(e.contract.endDate!, to));
    for (const [id, to] of e.licenceTo) numerator += (licenceById.get(id)?.annualCostPence ?? 0n) * days(to);
    if (e.wholeTo) {
      if (e.contract.annualValuePence === null) withoutValue++;
      else numerator += e.contract.annualValuePence * days(e.wholeTo);
    }
  }
  const shown = <T>(v: T) => (valuesVisible ? v : null);
  return {
    valuesVisible,
    annualSaving: shown(saving),
    exitCost: exitUnknown ? null : shown(exit),
    exitCostUnknown: exitUnknown,
    npv: npvKnown ? shown(npvSum) : null,
    counted: shown(counted),
    byOrganisation: valuesVisible
      ? [...shares.entries()].map(([organisationId, annualSaving]) => ({ organisationId, annualSaving }))
      : [],
    needsQuoteSaving: shown(quote),
    needsQuoteCount: shown(quoteCount),
    needsExtensionSaving: shown(extension),
    needsExtensionCount: shown(extensionCount),
    bridgeSpend: shown(divHalfUp(bridgeNumerator, DAYS_PER_YEAR)),
    noticePassedCount: shown(noticeCount),
    noticePassedSaving: shown(noticeSaving),
    targetRenewalCount: shown(renewalCount),
    targetRenewalSaving: shown(renewalSaving),
    noSavingCount: shown(overlaps.filter((o) => o.noSaving).length),
    leftOutAsCounted: leftOut,
    extensionSpend: shown(divHalfUp(numerator, DAYS_PER_YEAR)),
    extendedContracts: perContract.size,
    extensionWithoutValue: withoutValue,
    contractsWithoutValue: overlaps.reduce((n, o) => n + o.contractsWithoutValue, 0),
  };
}
