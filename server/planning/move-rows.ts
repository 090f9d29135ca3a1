// Moves written many at a time (addMoves, draftConvergence, copies) through the shared bulk insert: 10,000
// moves through Prisma's createMany took longer than a transaction may last on a loaded machine. The caller
// has checked every row (checkMove).
import type { Move, Prisma } from "../../generated/prisma/client.ts";
import { bigText, bulkInsert, isoDay, type BulkColumn } from "../shared/bulk-insert.ts";
import type { Tx } from "../shared/writes.ts";

/** A move to insert: every column but the timestamps and version, which the insert sets. */
export type NewMove = Prisma.MoveUncheckedCreateInput & { id: string; scenarioId: string };

const COLUMNS: BulkColumn<NewMove>[] = [
  { name: "id", sentAs: "uuid[]", value: (r) => r.id },
  { name: "scenarioId", sentAs: "uuid[]", value: (r) => r.scenarioId },
  { name: "kind", sentAs: `text[]::"MoveKind"[]`, value: (r) => r.kind },
  { name: "assetId", sentAs: "uuid[]", value: (r) => r.assetId ?? null },
  { name: "siteId", sentAs: "uuid[]", value: (r) => r.siteId ?? null },
  { name: "targetSiteId", sentAs: "uuid[]", value: (r) => r.targetSiteId ?? null },
  { name: "targetAssetId", sentAs: "uuid[]", value: (r) => r.targetAssetId ?? null },
  {
    // A list per row: sent as JSON text, stored as uuid[].
    name: "licenceIds",
    sentAs: "text[]",
    value: (r) => JSON.stringify(Array.isArray(r.licenceIds) ? r.licenceIds : []),
    stored: (v) => `COALESCE((SELECT array_agg(x::uuid) FROM json_array_elements_text(${v}::json) AS x), '{}')`,
  },
  { name: "targetLicenceId", sentAs: "uuid[]", value: (r) => r.targetLicenceId ?? null },
  { name: "seats", sentAs: "int[]", value: (r) => r.seats ?? null },
  { name: "oneOffCostPence", sentAs: "bigint[]", value: (r) => bigText(r.oneOffCostPence) ?? "0" },
  { name: "effortDays", sentAs: "int[]", value: (r) => r.effortDays ?? 0 },
  { name: "targetCostGrowthPence", sentAs: "bigint[]", value: (r) => bigText(r.targetCostGrowthPence) ?? "0" },
  { name: "savingOverridePence", sentAs: "bigint[]", value: (r) => bigText(r.savingOverridePence) },
  { name: "savingOverrideReason", sentAs: "text[]", value: (r) => r.savingOverrideReason ?? null },
  { name: "earliestDate", sentAs: "date[]", value: (r) => isoDay(r.earliestDate as Date | string | null | undefined) },
  { name: "pinnedWave", sentAs: "int[]", value: (r) => r.pinnedWave ?? null },
  { name: "acceptExitCost", sentAs: "boolean[]", value: (r) => r.acceptExitCost ?? false },
  { name: "note", sentAs: "text[]", value: (r) => r.note ?? null },
];

/** Inserts `rows` (version 1, created and updated now) in slices and returns them as stored, in order. */
export function insertMoveRows(tx: Tx, rows: readonly NewMove[]): Promise<Move[]> {
  return bulkInsert<NewMove, Move>(tx, "Move", COLUMNS, rows, { versioned: true });
}
