// The consolidation saving of one overlap: the recommended target's arithmetic figure by figure, the
// method in words, every target considered, and how the saving is worked out.
import { h, type Child } from "../dom.ts";
import { COMMERCIAL_ROLES, commercialMoney, hiddenReason } from "../commercial.ts";
import { formatDate, formatInt, formatMoney, toPence } from "../format.ts";
import { dataTable, empty, type Column } from "../ui.ts";
import type { Candidate, Savings, SuiteCover } from "./detail-data.ts";
import { productName } from "./format.ts";
import { candidateMoney, candidatesTable, contractLink, exitCost } from "./savings-candidates.ts";

const figure = (label: string, value: Child, cls?: string) =>
  h("div", { class: cls ?? null }, h("dt", null, label), h("dd", null, value));

/** The figures of the recommended consolidation (`#saving-figures`, `#annual-saving`). */
function savingFigures(s: Savings["consolidationSavings"], best: Candidate): HTMLElement {
  return h(
    "dl",
    { class: "proc-figures", id: "saving-figures" },
    ...s.sides.map((side) =>
      figure(
        `Current annual cost · ${side.organisation.code}`,
        commercialMoney(side.currentAnnualCost, side.valuesVisible, { hiddenFor: [side.organisation.code] }),
      ),
    ),
    figure("Target", [
      `${productName(best.product)} · `,
      best.targetContract ? contractLink(best.targetContract) : best.targetLicence.organisation.code,
    ]),
    figure("Target unit price", [
      candidateMoney(best, best.targetUnitPrice),
      ` per ${best.metric.toLowerCase()}`,
    ]),
    figure(
      "Seats needed (used)",
      `${formatInt(best.seatsNeeded)} = ${best.seatsBySide.map((x) => `${x.organisationCode} ${formatInt(x.used)}`).join(" + ")}`,
    ),
    (toPence(best.keptAnnualCost) ?? 0n) > 0n
      ? figure("Kept as is (other metrics)", candidateMoney(best, best.keptAnnualCost))
      : null,
    figure("Consolidated annual cost", candidateMoney(best, best.consolidatedAnnualCost)),
    figure(
      s.coveredBySuite.length ? "Annual saving of this consolidation" : "Annual saving",
      h("span", { id: "annual-saving" }, candidateMoney(best, best.annualSaving)),
      "saving",
    ),
    figure(
      "Consolidate on",
      h(
        "span",
        { id: "saving-date", title: best.chosenBecause },
        `${formatDate(best.consolidationDate)} (${best.chosenTiming === "NOW" ? "earliest: today + migration lead time" : "when the contracts that move end"})`,
      ),
    ),
    ...best.timings.map((t) =>
      figure(
        `NPV over ${best.horizonYears} years · ${t.kind === "NOW" ? `earliest, ${formatDate(t.date)}` : `from ${formatDate(t.date)}`}`,
        candidateMoney(best, t.npv),
      ),
    ),
    figure("One-off exit cost", exitCost(best)),
    figure(
      "Payback",
      best.paybackMonths === null
        ? h("span", { class: "muted" }, "—")
        : `${formatInt(best.paybackMonths)} months`,
    ),
  );
}

const COVER_COLUMNS: Column<SuiteCover>[] = [
  {
    header: "Retire",
    class: "name-col",
    cell: (c) => [
      h("span", { class: "strong" }, `${c.organisation.code} ${productName(c.product)}`),
      h("span", { class: "secondary" }, c.contract ? contractLink(c.contract) : "no contract"),
    ],
  },
  { header: "Covered by (already owned)", cell: (c) => productName(c.suite) },
  {
    header: "Saving a year",
    align: "num",
    cell: (c) => commercialMoney(c.annualSaving, c.annualSaving !== null, { hiddenFor: [c.organisation.code] }),
  },
  {
    header: "When",
    class: "nowrap",
    cell: (c) => `${formatDate(c.date)} (${c.timing === "NOW" ? "earliest" : "contract ends"})`,
  },
  {
    header: "Exit cost",
    align: "num",
    cell: (c) => commercialMoney(c.exitCost, c.annualSaving !== null, { hiddenFor: [c.organisation.code] }),
  },
  {
    header: "NPV",
    align: "num",
    cell: (c) => commercialMoney(c.npv, c.annualSaving !== null, { hiddenFor: [c.organisation.code] }),
  },
];

/**
 * The recommendation in words, the same sentence as the overlaps table's (`#saving-summary`, total in
 * `#saving-total`), and the point products a suite already owned retires (`#suite-cover-table`).
 */
function recommendationBlock(s: Savings["consolidationSavings"]): Child[] {
  const out: Child[] = [
    h(
      "p",
      { id: "saving-summary", class: "strong" },
      s.annualSaving !== null
        ? [h("span", { id: "saving-total" }, formatMoney(s.annualSaving)), " a year: "]
        : null,
      s.summary,
    ),
  ];
  if (s.coveredBySuite.length) {
    const table = dataTable(COVER_COLUMNS, s.coveredBySuite);
    table.tbody.closest("table")!.id = "suite-cover-table";
    out.push(
      h("h3", { style: "font-size:0.95rem;margin:12px 0 4px" }, "Retired: covered by a suite already owned"),
      table.wrap,
      h(
        "details",
        null,
        h("summary", null, "How each retirement is worked out"),
        ...s.coveredBySuite.map((c) => h("p", { class: "proc-method" }, c.method)),
      ),
      h(
        "h3",
        { style: "font-size:0.95rem;margin:12px 0 4px" },
        "Consolidating the rest",
      ),
    );
  }
  return out;
}

/**
 * The saving card (`#saving-card`). `timing` is the date chosen (BEST, NOW or NATURAL) and `onTiming`
 * asks for the card priced on another.
 */
export function savingCard(
  data: Savings,
  timing = "BEST",
  onTiming: (timing: string) => void = () => undefined,
): HTMLElement {
  const s = data.consolidationSavings;
  const best = s.candidates.find((c) => c.recommended);
  const body: Child[] = [
    h(
      "h2",
      null,
      "Consolidation saving",
      h(
        "span",
        { class: "muted", style: "font-weight:400;font-size:0.9rem" },
        `appraised on ${formatDate(s.asOf)}`,
      ),
    ),
    h(
      "div",
      { class: "field", style: "max-width:18rem;margin:4px 0 8px" },
      h("label", { for: "saving-timing" }, "Consolidate"),
      h(
        "select",
        { id: "saving-timing", onchange: (e: Event) => onTiming((e.target as HTMLSelectElement).value) },
        ...[
          ["BEST", "Better date by NPV"],
          ["NOW", "Earliest"],
          ["NATURAL", "When contracts end"],
        ].map(([value, label]) => h("option", { value: value!, selected: value === timing }, label!)),
      ),
    ),
  ];
  body.push(...recommendationBlock(s));
  if (!s.valuesVisible && s.candidates.length) {
    // Without the figures there is no saving to show, and no cheapest target to recommend.
    body.push(
      h(
        "dl",
        { class: "proc-figures", id: "saving-figures" },
        ...s.sides.map((side) =>
          figure(
            `Current annual cost · ${side.organisation.code}`,
            commercialMoney(side.currentAnnualCost, side.valuesVisible, {
              hiddenFor: [side.organisation.code],
            }),
          ),
        ),
      ),
      h(
        "p",
        { class: "muted", id: "saving-hidden", title: hiddenReason(s.hiddenFor) },
        `The saving is worked out from prices you may not see: it needs ${COMMERCIAL_ROLES} in ${s.hiddenFor.join(" and ")}.`,
      ),
      h("h3", { style: "font-size:0.95rem;margin:12px 0 4px" }, "Every target considered"),
      candidatesTable(s.candidates),
    );
  } else if (!best && s.candidates.length) {
    // Every target would cost more (or its NPV is not positive): nothing is recommended, and why.
    body.push(
      h("p", { class: "muted", id: "saving-none" }, `Not recommended: ${s.noRecommendationBecause ?? "no saving"}`),
      h("h3", { style: "font-size:0.95rem;margin:12px 0 4px" }, "Every target considered"),
      candidatesTable(s.candidates),
    );
  } else if (!best) {
    body.push(
      empty(
        s.coveredBySuite.length
          ? "Nothing is left that one licence could take over from another, so there is no consolidation to price."
          : "No licence here could take over another (they are counted in different metrics), so there is no consolidation to price.",
      ),
    );
  } else {
    body.push(
      savingFigures(s, best),
      h("p", { class: "proc-method", id: "saving-method" }, best.method),
      best.problems.length
        ? h(
            "ul",
            { class: "warn" },
            best.problems.map((p) => h("li", null, p)),
          )
        : null,
      h("h3", { style: "font-size:0.95rem;margin:12px 0 4px" }, "Every target considered"),
      candidatesTable(s.candidates),
    );
  }
  body.push(
    h(
      "details",
      { style: "margin-top:12px" },
      h("summary", null, "How the saving is worked out"),
      h("p", null, s.formula),
      h("p", { class: "muted" }, s.rounding),
    ),
  );
  return h("section", { class: "card", id: "saving-card" }, ...body);
}
