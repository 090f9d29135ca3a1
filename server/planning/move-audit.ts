// Audit events for moves written in bulk by a change of their scenario (copied into a what-if or a new
// revision, deleted with it): one per move, filed under the organisation that owns its subject, as
// addMoves and removeMove file theirs, so every move's history starts with its CREATE and ends with its
// DELETE whichever mutation wrote it.
import type { Move } from "../../generated/prisma/client.ts";
import type { Actor } from "../shared/actor.ts";
import { CHUNK, inChunks } from "../shared/chunks.ts";
import { slices } from "../shared/yielding.ts";
import { recordAudits, type Tx } from "../shared/writes.ts";

/** What a move acts on, whose owner its audit events are filed under: its asset, else its site, else its first licence. */
export function moveSubject(
  m: Pick<Move, "assetId" | "siteId" | "licenceIds" | "targetLicenceId">,
): { table: "asset" | "site" | "licence"; id: string } | null {
  if (m.assetId) return { table: "asset", id: m.assetId };
  if (m.siteId) return { table: "site", id: m.siteId };
  const licence = m.licenceIds[0] ?? m.targetLicenceId;
  return licence ? { table: "licence", id: licence } : null;
}

/** The organisation owning each move's subject (moveSubject). */
async function subjectOwners(tx: Tx, moves: readonly Move[]): Promise<Map<string, string>> {
  const subjects = moves.map(moveSubject);
  const ids = (table: string) => [...new Set(subjects.filter((s) => s?.table === table).map((s) => s!.id))];
  const select = { id: true, organisationId: true } as const;
  const [assets, sites, licences] = await Promise.all([
    inChunks(ids("asset"), (i) => tx.asset.findMany({ where: { id: { in: i } }, select })),
    inChunks(ids("site"), (i) => tx.site.findMany({ where: { id: { in: i } }, select })),
    inChunks(ids("licence"), (i) => tx.licence.findMany({ where: { id: { in: i } }, select })),
  ]);
  const owner = new Map([...assets, ...sites, ...licences].map((r) => [r.id, r.organisationId]));
  const out = new Map<string, string>();
  moves.forEach((m, n) => {
    const o = subjects[n] && owner.get(subjects[n]!.id);
    if (o) out.set(m.id, o);
  });
  return out;
}

/** Records a CREATE (with the move after) or DELETE (with the move before) event for each move. */
export async function auditMoves(
  tx: Tx,
  actor: Actor,
  action: "CREATE" | "DELETE",
  moves: readonly Move[],
): Promise<void> {
  if (!moves.length) return;
  const owners = await subjectOwners(tx, moves);
  for (const slice of slices(moves, CHUNK))
    await recordAudits(
      tx,
      actor,
      slice.map((m) => ({
        action,
        entityType: "Move" as const,
        entityId: m.id,
        organisationId: owners.get(m.id) ?? null,
        [action === "CREATE" ? "after" : "before"]: m,
      })),
    );
}
