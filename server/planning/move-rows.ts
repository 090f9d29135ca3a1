// Moves written many at a time (addMoves, draftConvergence, copies): one INSERT … SELECT FROM unnest per
// slice, rows returned as stored. Prisma's createMany sends one parameter per value and maps every row
// through its query interpreter, milliseconds a row on embedded PGlite: 10,000 moves took longer than a
// transaction may last on a loaded machine. The caller has checked every row (checkMove).
import type { Move, Prisma } from "../../generated/prisma/client.ts";
import { CHUNK } from "../shared/chunks.ts";
import type { Tx } from "../shared/writes.ts";

/** A move to insert: every column but the timestamps and version, which the insert sets. */
export type NewMove = Prisma.MoveUncheckedCreateInput & { id: string; scenarioId: string };

const INSERT = `
  INSERT INTO "Move" ("id", "scenarioId", "kind", "assetId", "siteId", "targetSiteId", "targetAssetId",
    "licenceIds", "targetLicenceId", "seats", "oneOffCostPence", "effortDays", "targetCostGrowthPence",
    "savingOverridePence", "savingOverrideReason", "earliestDate", "pinnedWave", "acceptExitCost", "note",
    "createdAt", "updatedAt", "version")
  SELECT id, scenario, kind, asset, site, tsite, tasset,
    COALESCE((SELECT array_agg(x::uuid) FROM json_array_elements_text(licences::json) AS x), '{}'),
    tlicence, seats, oneoff, effort, growth, override, reason, earliest, pinned, exitcost, note,
    $20::timestamp(3), $20::timestamp(3), 1
  FROM unnest($1::uuid[], $2::uuid[], $3::text[]::"MoveKind"[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[],
    $8::text[], $9::uuid[], $10::int[], $11::bigint[], $12::int[], $13::bigint[], $14::bigint[], $15::text[],
    $16::date[], $17::int[], $18::boolean[], $19::text[])
    WITH ORDINALITY AS t(id, scenario, kind, asset, site, tsite, tasset, licences, tlicence, seats, oneoff,
      effort, growth, override, reason, earliest, pinned, exitcost, note, n)
  ORDER BY n
  RETURNING *`;

const big = (n: bigint | number | string | null | undefined) =>
  n === null || n === undefined ? null : BigInt(n).toString();
const day = (d: Date | string | null | undefined) =>
  d === null || d === undefined ? null : (d instanceof Date ? d : new Date(d)).toISOString().slice(0, 10);

/** Inserts `rows` (version 1, created and updated now) in slices and returns them as stored, in order. */
export async function insertMoveRows(tx: Tx, rows: readonly NewMove[]): Promise<Move[]> {
  const out: Move[] = [];
  const now = new Date().toISOString();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const slice = rows.slice(i, i + CHUNK);
    const col = <T>(f: (r: NewMove) => T) => slice.map(f);
    const stored = await tx.$queryRawUnsafe<Move[]>(
      INSERT,
      col((r) => r.id),
      col((r) => r.scenarioId),
      col((r) => r.kind),
      col((r) => r.assetId ?? null),
      col((r) => r.siteId ?? null),
      col((r) => r.targetSiteId ?? null),
      col((r) => r.targetAssetId ?? null),
      col((r) => JSON.stringify(Array.isArray(r.licenceIds) ? r.licenceIds : [])),
      col((r) => r.targetLicenceId ?? null),
      col((r) => r.seats ?? null),
      col((r) => big(r.oneOffCostPence) ?? "0"),
      col((r) => r.effortDays ?? 0),
      col((r) => big(r.targetCostGrowthPence) ?? "0"),
      col((r) => big(r.savingOverridePence)),
      col((r) => r.savingOverrideReason ?? null),
      col((r) => day(r.earliestDate as Date | string | null | undefined)),
      col((r) => r.pinnedWave ?? null),
      col((r) => r.acceptExitCost ?? false),
      col((r) => r.note ?? null),
      now,
    );
    out.push(...stored);
  }
  return out;
}
