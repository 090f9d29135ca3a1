// Audit events for moves written in bulk by a change of their scenario (copied into a what-if or a new
// revision, deleted with it): one per move, filed under the organisation that owns its subject, as
// addMoves and removeMove file theirs, so every move's history starts with its CREATE and ends with its
// DELETE whichever mutation wrote it.
import type { Move } from "../../generated/prisma/client.ts";
import type { Actor } from "../shared/actor.ts";
import { CHUNK, inChunks } from "../shared/chunks.ts";
import { slices } from "../shared/yielding.ts";
import { recordAudits, type Tx } from "../shared/writes.ts";

/** The organisation owning each move's subject: its asset, its site, or its first licence. */
async function subjectOwners(tx: Tx, moves: readonly Move[]): Promise<Map<string, string>> {
  const licenceOf = (m: Move) => m.licenceIds[0] ?? m.targetLicenceId;
  const ids = (pick: (m: Move) => string | null | undefined) => [...new Set(moves.map(pick).filter((x): x is string => !!x))];
  const select = { id: true, organisationId: true } as const;
  const [assets, sites, licences] = await Promise.all([
    inChunks(ids((m) => m.assetId), (i) => tx.asset.findMany({ where: { id: { in: i } }, select })),
    inChunks(ids((m) => (m.assetId ? null : m.siteId)), (i) => tx.site.findMany({ where: { id: { in: i } }, select })),
    inChunks(ids((m) => (m.assetId || m.siteId ? null : licenceOf(m))), (i) =>
      tx.licence.findMany({ where: { id: { in: i } }, select }),
    ),
  ]);
  const owner = new Map([...assets, ...sites, ...licences].map((r) => [r.id, r.organisationId]));
  const out = new Map<string, string>();
  for (const m of moves) {
    const o = owner.get(m.assetId ?? m.siteId ?? licenceOf(m) ?? "");
    if (o) out.set(m.id, o);
  }
  return out;
}

/** Records a CREATE (with the move after) or DELETE (with the move before) event for each move. */
export async function auditMoves(tx: Tx, actor: Actor, action: "CREATE" | "DELETE", moves: readonly Move[]): Promise<void> {
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
