// The totals a cabinet report can quote for the overlaps shown, as the server works them out
// (server/procurement/totals.ts): the recurring annual saving counting each licence once, each council's
// share, the one-off exit costs and NPV beside it, what needs a supplier quote, what saves nothing, and
// the licence spend during extensions to co-terminate — labelled for what it is.
import { h } from "../dom.ts";
import { commercialMoney } from "../commercial.ts";
import { formatDate, formatInt, formatMoney } from "../format.ts";
import type { OverlapTotalsResult } from "./data.ts";

const plural = (n: number, one: string, many = `${one}s`) => `${formatInt(n)} ${n === 1 ? one : many}`;

/** The totals block's children for `t`. */
export function overlapTotalsView(t: OverlapTotalsResult): (HTMLElement | string)[] {
  const money = (v: string | null | undefined, id: string) =>
    h("span", { id, class: "strong" }, commercialMoney(v, t.valuesVisible, { hiddenFor: t.hiddenFor }));
  const timing =
    t.timing === "NOW" ? "the earliest date" : t.timing === "NATURAL" ? "the contracts' natural end" : "the better date by NPV";
  // Counts of recommendations rest on figures: without them, say "hidden", not "0".
  const counted = (n: number | null, one: string) => (n !== null ? plural(n, one) : `a hidden number of ${one}s`);
  const row = (label: string, ...rest: (HTMLElement | string)[]) =>
    h("div", { class: "total-row" }, h("span", { class: "total-label" }, label), ...rest);
  return [
    row(
      "Annual saving (recurring, once moved)",
      money(t.annualSaving, "overlap-total-saving"),
      h(
        "span",
        { class: "secondary" },
        (t.valuesVisible
          ? ` ${counted(t.counted, "recommendation")}; each licence counted once`
          : ` which recommendations count is hidden: it needs commercial figures in ${t.hiddenFor.join(" and ")}; each licence counted once`) +
          (t.leftOutAsCounted.length
            ? ` (${plural(t.leftOutAsCounted.length, "saving")} left out as already counted in a larger one)`
            : "") +
          `; moves no earlier than ${formatDate(t.asOf)} + ${t.leadTimeMonths} months' migration lead time, each at ${timing}.`,
      ),
    ),
    row(
      "By council (who stops paying)",
      h(
        "span",
        { id: "overlap-total-by-org" },
        t.byOrganisation.length
          ? t.byOrganisation
              .map((s) => `${s.organisation.code} ${formatMoney(s.annualSaving)}`)
              .join(" · ")
          : t.valuesVisible
            ? "—"
            : "hidden",
      ),
    ),
    row(
      "One-off exit costs",
      money(t.exitCost, "overlap-total-exit"),
      h(
        "span",
        { class: "secondary" },
        t.exitCostUnknown
          ? ` ${plural(t.exitCostUnknown, "contract")} with no end date: exit cost unknown.`
          : " paid once, for contracts left before their end.",
      ),
    ),
    row(
      `NPV over ${t.horizonYears} years`,
      money(t.npv, "overlap-total-npv"),
      h("span", { class: "secondary" }, " Green Book 3.5% real, exit costs subtracted, from the appraisal date."),
    ),
    row(
      "Needs a supplier quote",
      money(t.needsQuoteSaving, "overlap-total-quote"),
      h(
        "span",
        { class: "secondary" },
        ` a year across ${counted(t.needsQuoteCount, "overlap")}, not in the total: today's price is no evidence for it (the target licence has under half the seats it would need, or is a site, enterprise or single-subscription licence that would cover another council).`,
      ),
    ),
    row(
      "Needs a contract extension",
      money(t.needsExtensionSaving, "overlap-total-extension"),
      h(
        "span",
        { class: "secondary" },
        ` a year across ${counted(t.needsExtensionCount, "item")}, not in the total: a contract ends before the move and its terms state no extension (or rule one out), so the price of running it on needs the supplier's agreement.`,
      ),
    ),
    row(
      "Counted, with caveats",
      h(
        "span",
        { id: "overlap-total-caveats" },
        t.valuesVisible
          ? `${counted(t.noticePassedCount, "item")} (${formatMoney(t.noticePassedSaving ?? "0")} a year) past a notice deadline; ${counted(t.targetRenewalCount, "item")} (${formatMoney(t.targetRenewalSaving ?? "0")} a year) on a target contract that needs renewing first`
          : "hidden: which items count rests on commercial figures you may not read",
      ),
      h(
        "span",
        { class: "secondary" },
        " — in the total, but leaving at a contract's end needs the supplier's agreement, or the target contract must be renewed before the move.",
      ),
    ),
    row(
      "Spend while contracts run on to the move",
      money(t.bridgeSpend, "overlap-total-bridge"),
      h(
        "span",
        { class: "secondary" },
        " licence spend from a counted item's contract end to its move, at today's prices — not a saving and not an extra cost.",
      ),
    ),
    row(
      "No saving",
      h("span", { id: "overlap-total-nosaving" }, t.noSavingCount !== null ? plural(t.noSavingCount, "overlap") : "hidden"),
      h("span", { class: "secondary" }, " where every target would cost more: not recommended, not in any total."),
    ),
    row(
      "Spend during extensions to co-terminate",
      money(t.extensionSpend, "overlap-total-coterm"),
      h(
        "span",
        { class: "secondary" },
        ` licence spend at today's prices while ${plural(t.extendedContracts, "contract")} ${t.extendedContracts === 1 ? "runs" : "run"} on to a common end date, each contract once — not a saving and not an extra cost.` +
          (t.extensionWithoutValue ? ` ${plural(t.extensionWithoutValue, "contract has", "contracts have")} no recorded value (not counted).` : ""),
      ),
    ),
    h("details", { class: "total-method" }, h("summary", {}, "How these totals are worked out"), h("p", {}, t.method)),
  ];
}
