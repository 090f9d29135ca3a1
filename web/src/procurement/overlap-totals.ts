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
  const row = (label: string, ...rest: (HTMLElement | string)[]) =>
    h("div", { class: "total-row" }, h("span", { class: "total-label" }, label), ...rest);
  return [
    row(
      "Annual saving (recurring, once moved)",
      money(t.annualSaving, "overlap-total-saving"),
      h(
        "span",
        { class: "secondary" },
        ` ${plural(t.counted, "recommendation")}; each licence counted once` +
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
        ` a year across ${plural(t.needsQuoteCount, "overlap")}, not in the total: the target's price comes from a licence with under half the seats it would need.`,
      ),
    ),
    row(
      "No saving",
      h("span", { id: "overlap-total-nosaving" }, plural(t.noSavingCount, "overlap")),
      h("span", { class: "secondary" }, " where every target would cost more: not recommended, not in any total."),
    ),
    row(
      "Spend during extensions to co-terminate",
      money(t.extensionSpend, "overlap-total-coterm"),
      h(
        "span",
        { class: "secondary" },
        ` licence spend at today's prices while ${plural(t.extendedContracts, "contract")} run on to a common end date, each contract once — not a saving and not an extra cost.` +
          (t.extensionWithoutValue ? ` ${plural(t.extensionWithoutValue, "contract has", "contracts have")} no recorded value (not counted).` : ""),
      ),
    ),
    h("details", { class: "total-method" }, h("summary", {}, "How these totals are worked out"), h("p", {}, t.method)),
  ];
}
