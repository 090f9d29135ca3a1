// The assets register: one row an application, server, database, network, storage array, cluster or
// platform. Its site is named (a site of the same organisation, in Converge or in the same import), its
// catalogue product too.
import { checkScalars } from "../assets/validation.ts";
import { InputError, NotFoundError } from "../shared/errors.ts";
import { choiceColumn, countColumn, dayColumn, moneyColumn, organisationColumn, quantityColumn, textColumn, versionColumn, type CellValue } from "./columns.ts";
import { naturalKey, storedByKey } from "./lookups.ts";
import type { Register } from "./register.ts";
import { referredTo, resolveNamed } from "./references.ts";
import { LIFECYCLES } from "./sites.ts";

export const ASSET_KINDS = ["NETWORK", "STORAGE", "COMPUTE_CLUSTER", "CLOUD_PLATFORM", "SERVER", "DATABASE", "APPLICATION", "END_USER_SERVICE"] as const;
export const CRITICALITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;

const MAX = 1_000_000_000;

export const assetsRegister: Register = {
  name: "assets",
  sheet: "Assets",
  entityType: "Asset",
  table: "Asset",
  ownerColumn: "organisationId",
  after: ["sites"],
  keyFields: ["name"],
  naturalKey: (cells, organisationId) => (typeof cells.name === "string" ? naturalKey(organisationId, cells.name) : null),
  stored: (db, rows) => storedByKey(db, "Asset", rows.map((r) => ({ organisationId: r.organisationId, name: r.cells.name as string }))),
  exportSelect: `SELECT t.*, o.code AS "organisationCode", s.name AS "siteName", so.code AS "siteOrganisation", p.name AS "productName"
    FROM "Asset" t JOIN "Organisation" o ON o.id = t."organisationId"
    LEFT JOIN "Site" s ON s.id = t."siteId" LEFT JOIN "Organisation" so ON so.id = s."organisationId"
    LEFT JOIN "Product" p ON p.id = t."productId"`,
  columns: [
    organisationColumn,
    textColumn({ field: "name", header: "Name", key: true, synonyms: ["Asset", "Asset name", "Application name", "Application", "System", "System name"], required: true, example: ["Revenues and Benefits", "Doxford VMware cluster"] }),
    choiceColumn({ field: "kind", header: "Kind", synonyms: ["Type", "Asset type", "Category"], required: true, example: ["Application", "Compute cluster"] }, ASSET_KINDS, {
      app: "APPLICATION",
      software: "APPLICATION",
      vm: "SERVER",
      virtualmachine: "SERVER",
      cluster: "COMPUTE_CLUSTER",
      san: "STORAGE",
      nas: "STORAGE",
      cloud: "CLOUD_PLATFORM",
      db: "DATABASE",
    }),
    textColumn({ field: "subtype", header: "Subtype", synonyms: ["Sub type", "Model", "Role"], example: ["Line of business", "VMware vSphere"] }, 200),
    {
      ...textColumn({ field: "site", header: "Site", synonyms: ["Site name", "Location", "Hosted at", "Data centre"], example: "Doxford data centre" }),
      accepts: "a site's name: one of the organisation's sites, or another organisation's as \"Name (CODE)\"",
    },
    textColumn({ field: "product", header: "Product", synonyms: ["Catalogue product", "Software product"], example: "" }),
    choiceColumn({ field: "lifecycle", header: "Lifecycle", synonyms: ["Status", "State"], example: "Active" }, LIFECYCLES, { live: "ACTIVE", inservice: "ACTIVE", production: "ACTIVE", decommissioned: "RETIRED" }),
    choiceColumn({ field: "criticality", header: "Criticality", synonyms: ["Business criticality", "Priority"], example: ["High", "Critical"] }, CRITICALITIES),
    moneyColumn({ field: "annualRunCost", header: "Annual run cost (£)", synonyms: ["Annual run cost", "Run cost", "Annual cost", "Running cost"], example: ["£48,000.00", "£96,500.00"] }),
    moneyColumn({ field: "bookValue", header: "Book value (£)", synonyms: ["Book value", "Net book value", "NBV"], example: ["£12,500.00", "£140,000.00"] }),
    dayColumn({ field: "supportEnd", header: "Support end", synonyms: ["Support end date", "End of support", "EOS"], example: ["30/09/2028", "31/12/2027"] }),
    textColumn({ field: "description", header: "Description", synonyms: ["Notes", "Comments"], example: ["Council tax and benefits", "Primary virtualisation cluster"] }),
    countColumn({ field: "rackUnits", header: "Rack units", synonyms: ["RU", "U"], example: "" }, 100_000),
    quantityColumn({ field: "powerKw", header: "Power (kW)", synonyms: ["Power kW"], example: "" }, MAX),
    quantityColumn({ field: "storageTb", header: "Storage (TB)", synonyms: ["Storage TB", "Capacity TB"], example: "" }, MAX),
    quantityColumn({ field: "storageUsedTb", header: "Storage used (TB)", synonyms: ["Storage used TB"], example: "" }, MAX),
    countColumn({ field: "vcpu", header: "vCPU", synonyms: ["CPUs", "Cores"], example: ["", "512"] }, MAX),
    countColumn({ field: "vcpuUsed", header: "vCPU used", example: ["", "388"] }, MAX),
    countColumn({ field: "ramGb", header: "RAM (GB)", synonyms: ["Memory GB", "RAM GB"], example: ["", "4096"] }, MAX),
    countColumn({ field: "ramUsedGb", header: "RAM used (GB)", synonyms: ["RAM used GB"], example: ["", "3100"] }, MAX),
    countColumn({ field: "bandwidthMbps", header: "Bandwidth (Mbps)", synonyms: ["Bandwidth Mbps"], example: "" }, MAX),
    countColumn({ field: "bandwidthUsedMbps", header: "Bandwidth used (Mbps)", synonyms: ["Bandwidth used Mbps"], example: "" }, MAX),
    versionColumn,
  ],
  wants(cells, organisationId, into, organisationIdOf) {
    if (typeof cells.site === "string") {
      const site = referredTo(cells.site, organisationId, organisationIdOf);
      into.sites.push({ organisationId, name: cells.site });
      if (site.organisationId) into.sites.push({ organisationId: site.organisationId, name: site.name });
    }
    if (typeof cells.product === "string") into.products.push(cells.product);
  },
  toStored(cells, organisationId, refs) {
    const scalars = checkScalars(cells as Record<string, unknown>, "row");
    if (!cells.kind) throw new InputError("row.kind", "is required.");
    let siteId: string | null = null;
    if (typeof cells.site === "string") {
      siteId = resolveNamed(refs, "Site", organisationId, cells.site, "site");
      if (refs.retired("Site", siteId)) throw new InputError("row.site", `site "${cells.site}" is retired; choose an active site.`);
    }
    let productId: string | null = null;
    if (typeof cells.product === "string") {
      productId = refs.productId(cells.product) ?? null;
      if (!productId)
        throw new NotFoundError("row.product", `the catalogue has no product named "${cells.product}"; leave it empty or use a catalogue product's name.`);
    }
    return {
      ...scalars,
      kind: cells.kind as string,
      lifecycle: (cells.lifecycle as string | null) ?? "ACTIVE",
      criticality: (cells.criticality as string | null) ?? "MEDIUM",
      supportEnd: (cells.supportEnd as Date | null) ?? null,
      siteId,
      productId,
    };
  },
  toCells(row, organisation) {
    const out: Record<string, CellValue> = { organisation };
    for (const c of this.columns) if (c.field !== "organisation") out[c.field] = (row[c.field] as CellValue) ?? null;
    const siteName = row.siteName as string | null;
    const siteOwner = row.siteOrganisation as string | null;
    out.site = siteName === null ? null : siteOwner && siteOwner !== organisation ? `${siteName} (${siteOwner})` : siteName;
    out.product = (row.productName as string | null) ?? null;
    out.annualRunCost = row.annualRunCostPence as bigint;
    out.bookValue = row.bookValuePence as bigint;
    return out;
  },
};
