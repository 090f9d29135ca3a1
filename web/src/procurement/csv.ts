// The overlaps as CSV, through the web app's one export path (export.ts). The overlaps list is not
// paged (the server returns every overlap under the filter), so it exports the rows it shows.
import { csvText } from "../export.ts";
import { commercialText } from "../commercial.ts";
import { formatEnum } from "../format.ts";
import type { OverlapRow } from "./data.ts";
import { seatsText } from "./format.ts";

/** The overlaps as CSV, one row each with the ids of their licences and contracts. */
export function overlapsCsv(rows: OverlapRow[]): string {
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
    "Saving by organisation (GBP)",
    "Point products covered by a suite already owned",
    "Notes",
    "Licence IDs",
    "Contract IDs",
  ];
  const data = rows.map((o) => [
    o.id,
    formatEnum(o.kind),
    o.capability?.name ?? o.capabilityCode ?? "",
    o.label,
    o.organisationCodes.join(" "),
    commercialText(o.annualCost, o.valuesVisible),
    seatsText(o.seats),
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
    o.saving
      ? o.saving.product
        ? `${o.saving.date}${o.saving.timing === "NOW" ? " (earliest)" : " (contracts end)"}`
        : `${o.saving.date} (last retirement; no consolidation)`
      : "",
    o.saving ? o.saving.bySide.map((s) => `${s.organisation.code} ${s.annualSaving}`).join("; ") : "",
    o.saving
      ? o.saving.coveredBySuite
          .map(
            (c) =>
              `${c.organisation.code} ${c.product.name} by ${[c.suite.name, c.suite.edition].filter(Boolean).join(" ")}, retired ${c.date}${c.timing === "NOW" ? " (earliest)" : " (contract ends)"}`,
          )
          .join("; ")
      : "",
    [
      o.saving?.summary ?? "",
      o.saving?.reason ?? "",
      o.saving?.targetRenewalNeededBy ? `target contract needs renewal by ${o.saving.targetRenewalNeededBy}` : "",
      o.contractsWithoutValue ? `${o.contractsWithoutValue} contract(s) have no recorded value` : "",
    ]
      .filter(Boolean)
      .join("; "),
    o.licenceIds.join(" "),
    o.contractIds.join(" "),
  ]);
  return csvText(header, data);
}
