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
    "Co-termination cost (GBP)",
    "Recommended target",
    "Saving a year (GBP)",
    "Consolidate on",
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
    o.saving ? [o.saving.product.name, o.saving.product.edition].filter(Boolean).join(" ") : "",
    o.saving ? commercialText(o.saving.annualSaving, true) : o.valuesVisible ? "" : "hidden",
    o.saving ? `${o.saving.date}${o.saving.timing === "NOW" ? " (now)" : " (contracts end)"}` : "",
    o.licenceIds.join(" "),
    o.contractIds.join(" "),
  ]);
  return csvText(header, data);
}
