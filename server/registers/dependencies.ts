// The dependencies register: one row an edge, "Source needs Target" by type (RUNS_ON, REPLICATES_TO…).
// The source is an asset of the row's organisation; the target may be another organisation's, named
// "Name (CODE)". A dependency belongs to its source's organisation, as in the API.
import { InputError, NotFoundError } from "../shared/errors.ts";
import { inChunks } from "../shared/chunks.ts";
import { optionalText } from "../shared/validate.ts";
import { choiceColumn, organisationColumn, textColumn, versionColumn, type CellValue } from "./columns.ts";
import { naturalKey } from "./lookups.ts";
import type { OrganisationIdOf, Register, StoredRow } from "./register.ts";
import { referredTo, resolveNamed } from "./references.ts";

export const DEPENDENCY_TYPES = ["RUNS_ON", "HOSTED_IN", "STORES_DATA_ON", "CONNECTS_TO", "DEPENDS_ON", "REPLICATES_TO", "BACKS_UP_TO", "AUTHENTICATES_VIA"] as const;


function keyOf(cells: Readonly<Record<string, CellValue>>, organisationId: string, organisationIdOf: OrganisationIdOf): string | null {
  if (typeof cells.source !== "string" || typeof cells.target !== "string" || typeof cells.type !== "string") return null;
  const target = referredTo(cells.target, organisationId, organisationIdOf);
  if (!target.organisationId) return null;
  return `${naturalKey(organisationId, cells.source)}>${naturalKey(target.organisationId, target.name)}>${cells.type}`;
}

export const dependenciesRegister: Register = {
  name: "dependencies",
  sheet: "Dependencies",
  entityType: "Dependency",
  table: "Dependency",
  ownerColumn: null,
  after: ["assets"],
  keyFields: ["source", "target", "type"],
  columns: [
    { ...organisationColumn, accepts: "text: the source's organisation code" },
    textColumn({ field: "source", header: "Source", key: true, synonyms: ["Asset", "From", "Source asset", "System", "Application"], required: true, example: "Revenues and Benefits" }),
    choiceColumn({ field: "type", header: "Type", key: true, synonyms: ["Dependency type", "Relationship"], required: true, example: "Runs on" }, DEPENDENCY_TYPES, {
      dependson: "DEPENDS_ON",
      needs: "DEPENDS_ON",
      uses: "DEPENDS_ON",
      replicatesto: "REPLICATES_TO",
      backsupto: "BACKS_UP_TO",
      backup: "BACKS_UP_TO",
      hostedon: "HOSTED_IN",
    }),
    {
      ...textColumn({ field: "target", header: "Target", key: true, synonyms: ["To", "Target asset", "Depends on", "Needs"], required: true, example: "Doxford VMware cluster" }),
      accepts: "an asset's name: one of the organisation's assets, or another organisation's as \"Name (CODE)\"",
    },
    textColumn({ field: "description", header: "Description", synonyms: ["Notes", "Comments"], example: "" }),
    versionColumn,
  ],
  naturalKey: keyOf,
  async stored(db, rows, organisationIdOf) {
    const keys = rows.map((r) => keyOf(r.cells, r.organisationId, organisationIdOf)).filter((k): k is string => k !== null);
    const parts = keys.map((k) => k.split(">"));
    const found = await inChunks(parts, (slice) =>
      db.$queryRawUnsafe<StoredRow[]>(
        `SELECT d.*, s."organisationId" AS "sourceOrganisationId", s.name AS "sourceName", t.name AS "targetName",
                t."organisationId" AS "targetOrganisationId", tor.code AS "targetOrganisation", sor.code AS "sourceOrganisation"
         FROM unnest($1::text[], $2::text[], $3::text[]) AS k(src, tgt, type)
         JOIN "Asset" s ON s."organisationId"::text || '|' || lower(regexp_replace(btrim(s.name), '\\s+', ' ', 'g')) = k.src
         JOIN "Asset" t ON t."organisationId"::text || '|' || lower(regexp_replace(btrim(t.name), '\\s+', ' ', 'g')) = k.tgt
         JOIN "Dependency" d ON d."sourceId" = s.id AND d."targetId" = t.id AND d.type::text = k.type
         JOIN "Organisation" sor ON sor.id = s."organisationId" JOIN "Organisation" tor ON tor.id = t."organisationId"`,
        slice.map((p) => p[0]!),
        slice.map((p) => p[1]!),
        slice.map((p) => p[2]!),
      ),
    );
    return new Map(
      found.map((d) => [
        `${naturalKey(d.sourceOrganisationId as string, d.sourceName as string)}>${naturalKey(d.targetOrganisationId as string, d.targetName as string)}>${d.type as string}`,
        d,
      ]),
    );
  },
  exportSelect: `SELECT d.*, s.name AS name, s."organisationId", sor.code AS "organisationCode", s.name AS "sourceName",
      t.name AS "targetName", tor.code AS "targetOrganisation"
    FROM "Dependency" d JOIN "Asset" s ON s.id = d."sourceId" JOIN "Asset" t ON t.id = d."targetId"
    JOIN "Organisation" sor ON sor.id = s."organisationId" JOIN "Organisation" tor ON tor.id = t."organisationId"`,
  wants(cells, organisationId, into, organisationIdOf) {
    if (typeof cells.source === "string") into.assets.push({ organisationId, name: cells.source });
    if (typeof cells.target === "string") {
      const target = referredTo(cells.target, organisationId, organisationIdOf);
      into.assets.push({ organisationId, name: cells.target });
      if (target.organisationId) into.assets.push({ organisationId: target.organisationId, name: target.name });
    }
  },
  toStored(cells, organisationId, refs) {
    if (typeof cells.source !== "string") throw new InputError("row.source", "is required.");
    if (typeof cells.target !== "string") throw new InputError("row.target", "is required.");
    if (typeof cells.type !== "string") throw new InputError("row.type", "is required.");
    const sourceId = refs.idOf("Asset", organisationId, cells.source);
    if (!sourceId)
      throw new NotFoundError("row.source", `this organisation has no asset named "${cells.source}"; add it to the Assets sheet or correct the name.`);
    const targetId = resolveNamed(refs, "Asset", organisationId, cells.target, "target");
    if (sourceId === targetId) throw new InputError("row.target", "an asset cannot depend on itself; choose a different target.");
    for (const [field, id] of [["source", sourceId], ["target", targetId]] as const)
      if (refs.retired("Asset", id)) throw new InputError(`row.${field}`, `asset "${cells[field]}" is retired; a dependency needs two live assets.`);
    return { sourceId, targetId, type: cells.type, description: optionalText(cells.description, "row.description") };
  },
  toCells(row, organisation) {
    const targetOwner = row.targetOrganisation as string;
    return {
      organisation,
      source: row.sourceName as string,
      type: row.type as string,
      target: targetOwner !== organisation ? `${row.targetName as string} (${targetOwner})` : (row.targetName as string),
      description: (row.description as string | null) ?? null,
      version: row.version as number,
    };
  },
};
