// Point products made redundant by a suite the same organisation already pays for: Microsoft 365 E3
// includes Intune device management, so a council holding E3 and Ivanti Endpoint Manager pays twice
// for device management. Pure: no database.
//
// Rule (README "Procurement"). A licence l of product P is covered by a suite when
//   - P is a point product: it does exactly one job (a suite is never retired for a point product, and a
//     point product never replaces a suite);
//   - the same organisation holds an active licence of a suite S ≠ P doing every job of P and more;
//   - S licenses enough: in the same metric, S's seats owned ≥ l's seats used; in another metric, S must
//     be licensed per USER or ENTERPRISE (it licenses the people, and so the devices they use — the
//     metric difference does not block it) — the method says so.
// The saving is l's full annual cost a_l: no new seat is bought. It is timed as a consolidation is
// (savings.ts): the earliest date (appraisal date + migration lead time) with the
// exit cost of leaving l's contract early, or the natural date (the day after it ends), the better by NPV.
import type { Contract, Licence } from "../../generated/prisma/client.ts";
import { addDays, addMonths, count, daysBetween, divHalfUp, DAYS_PER_YEAR, gbp, isoDate } from "./arith.ts";
import { npv } from "./npv.ts";
import type { BridgeLine, SavingsContext, TimingKind } from "./savings.ts";
import { bridgeFor, bridgeWarning } from "./bridge.ts";

/** One point-product licence retired because a suite its organisation holds does its job. */
export interface SuiteCoverLine {
  licence: Licence;
  organisationId: string;
  suiteProductId: string;
  suiteLicenceIds: string[];
  contract: Contract | null;
  /** a_l; null when hidden. */
  annualSaving: bigint | null;
  timing: TimingKind;
  date: Date;
  exitCost: bigint | null;
  npv: bigint | null;
  /** The organisation's exact figures, for totals (null when hidden). */
  exact: { saving: bigint; exit: bigint | null; npv: bigint | null } | null;
  /** The contract ends before the retirement date: extended to it (bridge.ts). */
  bridge: BridgeLine | null;
  /** Licence spend from its end to the day before the retirement (not a saving, not an extra cost). */
  bridgeSpend: bigint | null;
  /** The bridge's price needs the supplier's agreement: not quotable. */
  needsExtension: boolean;
  /** Its contract's notice deadline has passed: leaving at its end needs the supplier's agreement. */
  noticePassed: boolean;
  method: string;
}

/** The rule in one sentence, for the README and method texts. */
export const SUITE_COVER_RULE =
  "A point product (one job) is redundant where its organisation already holds a suite doing that job and more with enough seats (same metric: suite seats owned ≥ the point product's seats used; another metric: the suite licenses per user or enterprise, which covers the users' devices): it is retired, saving its full annual cost with no new seats; a point product never replaces a suite.";

/**
 * Every licence of `scope` covered by a suite its organisation holds among `held` (active licences),
 * in licence order.
 */
export function suiteCoveredLicences(
  scope: readonly Licence[],
  held: readonly Licence[],
  ctx: SavingsContext,
): SuiteCoverLine[] {
  const out: SuiteCoverLine[] = [];
  for (const l of scope) {
    const jobs = ctx.jobsOf(l.productId);
    if (jobs.length !== 1) continue;
    const suites = new Map<string, Licence[]>();
    for (const s of held) {
      if (s.organisationId !== l.organisationId || s.productId === l.productId) continue;
      const sj = ctx.jobsOf(s.productId);
      if (sj.length <= jobs.length || !jobs.every((j) => sj.includes(j))) continue;
      suites.set(s.productId, [...(suites.get(s.productId) ?? []), s]);
    }
    const fitting = [...suites.entries()]
      .map(([productId, ls]) => {
        const same = ls.filter((s) => s.metric === l.metric);
        const owned = same.reduce((n, s) => n + s.quantityOwned, 0);
        const perPerson = ls.filter((s) => s.metric === "USER" || s.metric === "ENTERPRISE");
        const fits = same.length ? owned >= l.quantityUsed : perPerson.length > 0;
        const note = same.length
          ? `${ctx.label(productId)} owns ${count(owned)} ${l.metric.toLowerCase()} seats ≥ the ${count(l.quantityUsed)} used`
          : `${ctx.label(productId)} is licensed per ${perPerson[0]?.metric.toLowerCase() ?? "?"}, so it covers its people's use of ${ctx.label(l.productId)} (${quantity(l.quantityUsed, l.metric)} used)`;
        return { productId, ls: same.length ? same : perPerson, fits, note };
      })
      .filter((f) => f.fits)
      .sort((a, b) => (ctx.label(a.productId) < ctx.label(b.productId) ? -1 : 1));
    const suite = fitting[0];
    if (!suite) continue;
    out.push(lineFor(l, suite, ctx));
  }
  return out;
}

/** "1 device", "4,032 devices", "1 enterprise licence". */
function quantity(n: number, metric: string): string {
  const m = metric.toLowerCase();
  const noun = m === "enterprise" || m === "subscription" || m === "site" ? `${m} licence` : m;
  return `${count(n)} ${noun}${n === 1 ? "" : "s"}`;
}

function lineFor(
  l: Licence,
  suite: { productId: string; ls: Licence[]; note: string },
  ctx: SavingsContext,
): SuiteCoverLine {
  const contract = l.contractId ? (ctx.contractById.get(l.contractId) ?? null) : null;
  const shown = ctx.visible(l.organisationId);
  const earliest = addMonths(ctx.asOf, ctx.leadTimeMonths);
  // A contract ending before the move is extended to it (bridge.ts): it then ends on the bridge's end.
  const endOn = (day: Date) =>
    contract?.endDate ? (bridgeFor(contract, day, ctx.asOf)?.to ?? contract.endDate) : null;
  const end = endOn(earliest);
  const natural = end && addDays(end, 1).getTime() > earliest.getTime() ? addDays(end, 1) : null;
  const saving = l.annualCostPence;
  const exitOn = (day: Date): bigint | null => {
    if (!contract) return 0n;
    const to = endOn(day);
    if (!to) return null;
    const days = Math.max(0, daysBetween(day, to) + 1);
    return divHalfUp(saving * BigInt(days), DAYS_PER_YEAR);
  };
  const price = (kind: TimingKind, day: Date) => {
    const exit = exitOn(day);
    const delay = Math.max(0, daysBetween(ctx.asOf, day));
    return { kind, day, exit, npv: exit === null ? null : npv(saving, exit, delay, ctx.horizonYears) };
  };
  const atEarliest = price("NOW", earliest);
  const atNatural = natural ? price("NATURAL", natural) : null;
  let chosen = atEarliest;
  if (atNatural && ctx.timing !== "NOW") {
    if (ctx.timing === "NATURAL" || !shown || atEarliest.npv === null || atNatural.npv === null)
      chosen = atNatural;
    else if (atNatural.npv > atEarliest.npv) chosen = atNatural;
  }
  const bridge = contract ? bridgeFor(contract, chosen.day, ctx.asOf) : null;
  const noticeDeadline =
    contract?.endDate && contract.noticePeriodDays != null && contract.endDate.getTime() >= ctx.asOf.getTime()
      ? addDays(contract.endDate, -contract.noticePeriodDays)
      : null;
  const noticePassed = noticeDeadline !== null && noticeDeadline.getTime() < ctx.asOf.getTime();
  const bridgeSpend = bridge ? divHalfUp(saving * BigInt(bridge.days), DAYS_PER_YEAR) : 0n;
  const label = ctx.label(l.productId);
  const suiteLabel = ctx.label(suite.productId);
  const money = (v: bigint | null) => (!shown ? "hidden" : v === null ? "unknown" : gbp(v));
  const method =
    `${ctx.code(l.organisationId)} already holds ${suiteLabel}, a suite doing ${ctx.jobsOf(suite.productId).join(", ")}, which covers ${label}'s job (${ctx.jobsOf(l.productId).join(", ")}): ${suite.note}. ` +
    `Retire ${label}${contract ? ` (${contract.reference})` : ""}: saving its full annual cost ${money(saving)} a year, no new seats. ` +
    `Earliest ${isoDate(earliest)} (exit cost ${money(atEarliest.exit)}, NPV ${money(atEarliest.npv)})` +
    (atNatural
      ? `; at its contract's end, ${isoDate(atNatural.day)} (no exit cost, NPV ${money(atNatural.npv)})`
      : "") +
    `; priced ${chosen.kind === "NOW" ? "at the earliest date" : "at the natural date"} over ${ctx.horizonYears} years.` +
    (noticePassed
      ? ` Its notice deadline ${isoDate(noticeDeadline!)} has passed, so leaving at its end (${isoDate(contract!.endDate!)}) needs the supplier's agreement.`
      : "") +
    (bridge
      ? ` ${bridgeWarning(bridge, ctx.code(l.organisationId))[0]!.toUpperCase()}${bridgeWarning(bridge, ctx.code(l.organisationId)).slice(1)} Licence spend while it waits, ${money(bridgeSpend)}, is not a saving and not an extra cost.`
      : "");
  return {
    licence: l,
    organisationId: l.organisationId,
    suiteProductId: suite.productId,
    suiteLicenceIds: suite.ls.map((s) => s.id),
    contract,
    annualSaving: shown ? saving : null,
    timing: chosen.kind,
    date: chosen.day,
    exitCost: shown ? chosen.exit : null,
    npv: shown ? chosen.npv : null,
    exact: shown ? { saving, exit: chosen.exit, npv: chosen.npv } : null,
    bridge: bridge
      ? { ...bridge, organisationId: l.organisationId, valuesVisible: shown, spend: shown ? bridgeSpend : null }
      : null,
    bridgeSpend: shown ? bridgeSpend : null,
    needsExtension: bridge?.obstacle != null,
    noticePassed,
    method,
  };
}
