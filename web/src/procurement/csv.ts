// The overlaps as CSV, through the web app's one export path (export.ts). The overlaps list is not
// paged (the server returns every overlap under the filter), so it exports the rows it shows.
import { csvText } from "../export.ts";
import { commercialText } from "../commercial.ts";
import { formatEnum } from "../format.ts";
import type { OverlapRow, OverlapTotalsResult } from "./data.ts";

/**
 * Whether an overlap's recommendation is in the quotable total, and if not (or not all of it) why:
 * the same rules as the totals (server/procurement/totals.ts).
 */
function inTotal(o: OverlapRow, totals: OverlapTotalsResult | null, labelOf: (id: string) => string): string {
  const s = o.saving;
  if (!s) return o.valuesVisible ? "" : "hidden";
  if (s.status === "NO_SAVING") return "no: no saving";
  const why: string[] = [];
  if (s.status === "NEEDS_QUOTE") why.push("needs a supplier quote");
  if (s.needsExtension) why.push("needs a contract extension");
  for (const l of totals?.leftOutAsCounted.filter((x) => x.overlapId === o.id) ?? [])
    why.push(`licence already counted in ${labelOf(l.countedIn)}`);
  if (!why.length) return "yes";
  return `${s.coveredBySuite.length || why.length > 1 ? "not all" : "no"}: ${why.join("; ")}`;
}

/** The totals a report can quote, as rows under the overlaps (Overlap ID column names each). */
function totalsRows(t: OverlapTotalsResult, width: number): string[][] {
  const money = (v: string | null | undefined) => commercialText(v ?? null, t.valuesVisible);
  const line = (name: string, saving: string, exit = "", npv = "", byOrg = "", notes = "") => {
    const r = Array<string>(width).fill("");
    r[0] = name;
    r[13] = saving;
    r[14] = exit;
    r[15] = npv;
    r[19] = byOrg;
    r[22] = notes;
    return r;
  };
  const count = (n: number, what: string) => (t.valuesVisible ? `${n} ${what}` : "hidden");
  return [
    Array<string>(width).fill(""),
    line(
      "TOTAL quotable annual saving",
      money(t.annualSaving),
      money(t.exitCost),
      money(t.npv),
      t.byOrganisation.map((s) => `${s.organisation.code} ${s.annualSaving}`).join("; "),
      `${count(t.counted, "items counted")}; each licence once; NPV over ${t.horizonYears} years; appraised ${t.asOf}, ${t.leadTimeMonths} months' lead time`,
    ),
    line("TOTAL needs a supplier quote (not in the quotable total)", money(t.needsQuoteSaving), "", "", "", count(t.needsQuoteCount, "overlaps")),
    line(
      "TOTAL needs a contract extension (not in the quotable total)",
      money(t.needsExtensionSaving),
      "",
      "",
      "",
      count(t.needsExtensionCount, "items"),
    ),
    line("TOTAL no saving (not in any total)", "", "", "", "", count(t.noSavingCount, "overlaps")),
    line(
      "OF THE QUOTABLE TOTAL: notice deadline passed",
      money(t.noticePassedSaving),
      "",
      "",
      "",
      `${t.noticePassedCount} items: leaving at a contract's end needs the supplier's agreement`,
    ),
    line(
      "OF THE QUOTABLE TOTAL: target contract needs renewal first",
      money(t.targetRenewalSaving),
      "",
      "",
      "",
      `${t.targetRenewalCount} items`,
    ),
    line(
      "Spend while contracts run on to the move (not a saving, not a cost)",
      money(t.bridgeSpend),
    ),
    line(
      "Spend during extensions to co-terminate (not a saving, not a cost)",
      money(t.extensionSpend),
      "",
      "",
      "",
      `${t.extendedContracts} contracts`,
    ),
  ];
}

/**
 * The overlaps as CSV, one row each with the ids of their licences and contracts, then — given the
 * totals of exactly these rows — the totals a report quotes.
 */
export function overlapsCsv(rows: OverlapRow[], totals: OverlapTotalsResult | null = null): string {
  const header = [
    "Overlap ID",
    "Kind",
    "Capability",
    "Overlap",
    "Organisations",
    "Annual licence cost (GBP)",
    "Seats used of owned",
    "Earliest contract end",
    "Latest contract end",
    "Co-terminable",
    "Spend during extension to co-terminate (GBP)",
    "Recommendation",
    "Recommended target",
    "Saving a year (GBP)",
    "One-off exit cost (GBP)",
    "NPV (GBP)",
    "NPV horizon (years)",
    "Consolidate on",
    "Consolidate when",
    "Saving by organisation (GBP)",
    "Point products covered by a suite already owned",
    "In the quotable total",
    "Notes",
    "Licence IDs",
    "Contract IDs",
  ];
  const labels = new Map(rows.map((o) => [o.id, o.label]));
  const labelOf = (id: string) => labels.get(id) ?? id;
  const data = rows.map((o) => [
    o.id,
    formatEnum(o.kind),
    o.capability?.name ?? o.capabilityCode ?? "",
    o.label,
    o.organisationCodes.join(" "),
    commercialText(o.annualCost, o.valuesVisible),
    // plain counts (no thousands separators), one "used of owned metric" per metric
    o.seats.map((s) => `${s.used} of ${s.owned} ${s.metric.toLowerCase()}`).join("; "),
    o.earliestContractEnd ?? "",
    o.latestContractEnd ?? "",
    o.cotermination.coterminable ? "yes" : "no",
    commercialText(o.cotermination.cost, o.cotermination.valuesVisible),
    o.saving ? formatEnum(o.saving.status) : "",
    o.saving?.product ? [o.saving.product.name, o.saving.product.edition].filter(Boolean).join(" ") : "",
    o.saving ? commercialText(o.saving.annualSaving, true) : o.valuesVisible ? "" : "hidden",
    o.saving ? commercialText(o.saving.exitCost, true) : o.valuesVisible ? "" : "hidden",
    o.saving ? commercialText(o.saving.npv, true) : o.valuesVisible ? "" : "hidden",
    o.saving ? String(o.saving.horizonYears) : "",
    o.saving?.date ?? "",
    o.saving ? (!o.saving.product ? "last retirement; no consolidation" : o.saving.timing === "NOW" ? "earliest" : "contracts end") : "",
    o.saving ? o.saving.bySide.map((s) => `${s.organisation.code} ${s.annualSaving}`).join("; ") : "",
    o.saving
      ? o.saving.coveredBySuite
          .map(
            (c) =>
              `${c.organisation.code} ${c.product.name} by ${[c.suite.name, c.suite.edition].filter(Boolean).join(" ")}, retired ${c.date}${c.timing === "NOW" ? " (earliest)" : " (contract ends)"}`,
          )
          .join("; ")
      : "",
    inTotal(o, totals, labelOf),
    [
      o.saving?.summary ?? "",
      o.saving?.reason ?? "",
      ...(o.saving?.warnings ?? []),
      o.saving?.targetRenewalNeededBy && !o.saving.warnings.some((w) => w.includes("needs renewal"))
        ? `target contract needs renewal by ${o.saving.targetRenewalNeededBy}`
        : "",
      o.contractsWithoutValue ? `${o.contractsWithoutValue} contract(s) have no recorded value` : "",
    ]
      .filter(Boolean)
      .join("; "),
    o.licenceIds.join(" "),
    o.contractIds.join(" "),
  ]);
  return csvText(header, totals ? [...data, ...totalsRows(totals, header.length)] : data);
}
