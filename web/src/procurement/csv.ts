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

/** A CSV row as cells by header; missing headers are empty. */
type Cells = Record<string, string | number>;

/** The totals a report can quote, as rows under the overlaps (the Overlap ID column names each). */
function totalsRows(t: OverlapTotalsResult): Cells[] {
  const money = (v: string | null | undefined) => commercialText(v ?? null, t.valuesVisible);
  const line = (name: string, saving: string, more: Cells = {}): Cells => ({
    "Overlap ID": name,
    [SAVING]: saving,
    ...more,
  });
  const count = (n: number | null, what: string) => (n !== null ? `${n} ${what}` : "hidden");
  return [
    {},
    line("TOTAL quotable annual saving", money(t.annualSaving), {
      [EXIT]: money(t.exitCost),
      [NPV]: money(t.npv),
      ...Object.fromEntries(t.byOrganisation.map((s) => [savingFor(s.organisation.code), s.annualSaving])),
      Notes: `${count(t.counted, "items counted")}; each licence once; NPV over ${t.horizonYears} years; appraised ${t.asOf}, ${t.leadTimeMonths} months' lead time`,
    }),
    line("TOTAL needs a supplier quote (not in the quotable total)", money(t.needsQuoteSaving), {
      Notes: count(t.needsQuoteCount, "overlaps"),
    }),
    line("TOTAL needs a contract extension (not in the quotable total)", money(t.needsExtensionSaving), {
      Notes: count(t.needsExtensionCount, "items"),
    }),
    line("TOTAL no saving (not in any total)", "", { Notes: count(t.noSavingCount, "overlaps") }),
    line("OF THE QUOTABLE TOTAL: notice deadline passed", money(t.noticePassedSaving), {
      Notes: `${count(t.noticePassedCount, "items")}: leaving at a contract's end needs the supplier's agreement`,
    }),
    line("OF THE QUOTABLE TOTAL: target contract needs renewal first", money(t.targetRenewalSaving), {
      Notes: count(t.targetRenewalCount, "items"),
    }),
    line("Spend while contracts run on to the move (not a saving, not a cost)", money(t.bridgeSpend)),
    line("Spend during extensions to co-terminate (not a saving, not a cost)", money(t.extensionSpend), {
      Notes: `${t.extendedContracts} contracts`,
    }),
  ];
}

const SAVING = "Saving a year (£)";
const EXIT = "One-off exit cost (£)";
const NPV = "NPV (£)";
/** The column of one organisation's share of a saving. */
const savingFor = (code: string) => `Saving a year, ${code} (£)`;
/** The columns of one licence metric's seats. */
const seatsUsed = (metric: string) => `Seats used (${metric.toLowerCase()})`;
const seatsOwned = (metric: string) => `Seats owned (${metric.toLowerCase()})`;

/** Lists in one cell are separated by this, as in every export (README: Lists). */
export const LIST_SEPARATOR = "; ";

/**
 * The overlaps as CSV, one row each with the ids of their licences and contracts, then — given the
 * totals of exactly these rows — the totals a report quotes. Money is decimal pounds under a "(£)"
 * header; seats and each organisation's share of a saving get a column per metric and per organisation
 * that appears (plain numbers); lists in a cell (organisations, suites, notes, ids) are separated by "; ".
 */
export function overlapsCsv(rows: OverlapRow[], totals: OverlapTotalsResult | null = null): string {
  const metrics = [...new Set(rows.flatMap((o) => o.seats.map((s) => s.metric)))].sort();
  const orgCodes = [
    ...new Set([
      ...rows.flatMap((o) => o.saving?.bySide.map((s) => s.organisation.code) ?? []),
      ...(totals?.byOrganisation.map((s) => s.organisation.code) ?? []),
    ]),
  ].sort();
  const header = [
    "Overlap ID",
    "Kind",
    "Capability",
    "Overlap",
    "Organisations",
    "Annual licence cost (£)",
    ...metrics.flatMap((m) => [seatsUsed(m), seatsOwned(m)]),
    "Earliest contract end",
    "Latest contract end",
    "Co-terminable",
    "Spend during extension to co-terminate (£)",
    "Recommendation",
    "Recommended target",
    SAVING,
    EXIT,
    NPV,
    "NPV horizon (years)",
    "Consolidate on",
    "Consolidate when",
    ...orgCodes.map(savingFor),
    "Point products covered by a suite already owned",
    "In the quotable total",
    "Notes",
    "Licence IDs",
    "Contract IDs",
  ];
  const labels = new Map(rows.map((o) => [o.id, o.label]));
  const labelOf = (id: string) => labels.get(id) ?? id;
  const hiddenOrEmpty = (o: OverlapRow) => (o.valuesVisible ? "" : "hidden");
  const data = rows.map((o): Cells => {
    const s = o.saving;
    return {
      "Overlap ID": o.id,
      Kind: formatEnum(o.kind),
      Capability: o.capability?.name ?? o.capabilityCode ?? "",
      Overlap: o.label,
      Organisations: o.organisationCodes.join(LIST_SEPARATOR),
      "Annual licence cost (£)": commercialText(o.annualCost, o.valuesVisible),
      ...Object.fromEntries(
        o.seats.flatMap((x) => [
          [seatsUsed(x.metric), x.used],
          [seatsOwned(x.metric), x.owned],
        ]),
      ),
      "Earliest contract end": o.earliestContractEnd ?? "",
      "Latest contract end": o.latestContractEnd ?? "",
      "Co-terminable": o.cotermination.coterminable ? "yes" : "no",
      "Spend during extension to co-terminate (£)": commercialText(
        o.cotermination.cost,
        o.cotermination.valuesVisible,
      ),
      Recommendation: s ? formatEnum(s.status) : "",
      "Recommended target": s?.product ? [s.product.name, s.product.edition].filter(Boolean).join(" ") : "",
      [SAVING]: s ? commercialText(s.annualSaving, true) : hiddenOrEmpty(o),
      [EXIT]: s ? commercialText(s.exitCost, true) : hiddenOrEmpty(o),
      [NPV]: s ? commercialText(s.npv, true) : hiddenOrEmpty(o),
      "NPV horizon (years)": s ? s.horizonYears : "",
      "Consolidate on": s?.date ?? "",
      "Consolidate when": s
        ? !s.product
          ? "last retirement; no consolidation"
          : s.timing === "NOW"
            ? "earliest"
            : "contracts end"
        : "",
      ...Object.fromEntries(s?.bySide.map((x) => [savingFor(x.organisation.code), x.annualSaving]) ?? []),
      "Point products covered by a suite already owned":
        s?.coveredBySuite
          .map(
            (c) =>
              `${c.organisation.code} ${c.product.name} by ${[c.suite.name, c.suite.edition].filter(Boolean).join(" ")}, retired ${c.date}${c.timing === "NOW" ? " (earliest)" : " (contract ends)"}`,
          )
          .join(LIST_SEPARATOR) ?? "",
      "In the quotable total": inTotal(o, totals, labelOf),
      Notes: [
        s?.summary ?? "",
        s?.reason ?? "",
        ...(s?.warnings ?? []),
        s?.targetRenewalNeededBy && !s.warnings.some((w) => w.includes("needs renewal"))
          ? `target contract needs renewal by ${s.targetRenewalNeededBy}`
          : "",
        o.contractsWithoutValue ? `${o.contractsWithoutValue} contract(s) have no recorded value` : "",
      ]
        .filter(Boolean)
        .join(LIST_SEPARATOR),
      "Licence IDs": o.licenceIds.join(LIST_SEPARATOR),
      "Contract IDs": o.contractIds.join(LIST_SEPARATOR),
    };
  });
  const all = totals ? [...data, ...totalsRows(totals)] : data;
  return csvText(
    header,
    all.map((cells) => header.map((name) => cells[name] ?? "")),
  );
}
