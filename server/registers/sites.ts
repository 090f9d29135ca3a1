// The sites register: one row a data centre, comms room, office or school.
import { checkSiteFields } from "../sites/validation.ts";
import { InputError } from "../shared/errors.ts";
import { choiceColumn, countColumn, dayColumn, moneyColumn, organisationColumn, quantityColumn, textColumn, versionColumn, type CellValue } from "./columns.ts";
import { naturalKey, storedByKey } from "./lookups.ts";
import type { Register } from "./register.ts";

export const SITE_KINDS = ["DATA_CENTRE", "COMMS_ROOM", "OFFICE", "SCHOOL", "SCHOOLS_NETWORK_HUB", "COLOCATION"] as const;
export const LIFECYCLES = ["PLANNED", "STAGING", "ACTIVE", "DECOMMISSIONING", "RETIRED"] as const;

export const sitesRegister: Register = {
  name: "sites",
  sheet: "Sites",
  entityType: "Site",
  table: "Site",
  ownerColumn: "organisationId",
  after: [],
  keyFields: ["name"],
  naturalKey: (cells, organisationId) => (typeof cells.name === "string" ? naturalKey(organisationId, cells.name) : null),
  stored: (db, rows) => storedByKey(db, "Site", rows.map((r) => ({ organisationId: r.organisationId, name: r.cells.name as string }))),
  exportSelect: `SELECT t.*, o.code AS "organisationCode" FROM "Site" t JOIN "Organisation" o ON o.id = t."organisationId"`,
  columns: [
    organisationColumn,
    textColumn({ field: "name", header: "Name", key: true, synonyms: ["Site", "Site name", "Location"], required: true, example: "Doxford data centre" }),
    choiceColumn({ field: "kind", header: "Kind", synonyms: ["Type", "Site type"], required: true, example: "Data centre" }, SITE_KINDS, {
      datacenter: "DATA_CENTRE",
      dc: "DATA_CENTRE",
      commsroom: "COMMS_ROOM",
      serverroom: "COMMS_ROOM",
      colo: "COLOCATION",
    }),
    choiceColumn({ field: "lifecycle", header: "Lifecycle", synonyms: ["Status", "State"], example: "Active" }, LIFECYCLES, { live: "ACTIVE", inservice: "ACTIVE", decommissioned: "RETIRED" }),
    textColumn({ field: "address", header: "Address", example: "Doxford International Business Park" }, 500),
    textColumn({ field: "postcode", header: "Postcode", synonyms: ["Post code"], example: "SR3 3XN" }, 10),
    countColumn({ field: "racks", header: "Racks", synonyms: ["Rack capacity", "Total racks"], example: "60" }, 100_000),
    countColumn({ field: "racksUsed", header: "Racks used", synonyms: ["Racks in use"], example: "41" }, 100_000),
    quantityColumn({ field: "powerKw", header: "Power (kW)", synonyms: ["Power kW", "IT power", "Power capacity"], example: "400" }, 1_000_000_000),
    quantityColumn({ field: "powerUsedKw", header: "Power used (kW)", synonyms: ["Power used kW", "IT load"], example: "212.5" }, 1_000_000_000),
    quantityColumn({ field: "floorSpaceM2", header: "Floor space (m²)", synonyms: ["Floor space m2", "Floor area"], example: "850" }, 1_000_000_000),
    quantityColumn({ field: "pue", header: "PUE", synonyms: ["Power usage effectiveness"], example: "1.6" }, 10),
    countColumn({ field: "tier", header: "Tier", example: "3" }, 4, 1),
    dayColumn({ field: "leaseEnd", header: "Lease end", synonyms: ["Lease end date", "Lease expiry"], example: "31/03/2031" }),
    moneyColumn({ field: "annualCost", header: "Annual cost (£)", synonyms: ["Annual cost", "Running cost", "Cost per year"], example: "£1,250,000.00" }),
    textColumn({ field: "description", header: "Description", synonyms: ["Notes", "Comments"], example: "Primary data centre" }),
    versionColumn,
  ],
  wants: () => {},
  toStored(cells) {
    const fields = checkSiteFields(cells as Record<string, unknown>, "row");
    if (!cells.kind) throw new InputError("row.kind", "is required.");
    return {
      ...fields,
      kind: cells.kind as string,
      lifecycle: (cells.lifecycle as string | null) ?? "ACTIVE",
      leaseEnd: (cells.leaseEnd as Date | null) ?? null,
    };
  },
  toCells(row, organisation) {
    const out: Record<string, CellValue> = { organisation };
    for (const c of this.columns) if (c.field !== "organisation") out[c.field] = (row[c.field] as CellValue) ?? null;
    out.annualCost = row.annualCostPence as bigint;
    return out;
  },
};
