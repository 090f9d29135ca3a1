// Reading the audit trail. Events are append-only: the API has no way to change them and a database
// trigger refuses UPDATE and DELETE. The money in snapshots of licences and contracts is commercial: it is
// blanked (set to null) for callers who may not see the organisation's commercial figures.
import { equalsText } from "../shared/like.ts";
import type { AuditEvent, Prisma } from "../../generated/prisma/client.ts";
import type { AuditFilter } from "../../generated/graphql.ts";
import type { Context } from "../shared/context.ts";
import { commercialVisible } from "../shared/authz.ts";
import { parseGlobalId } from "../shared/ids.ts";
import { paginate, type PageArgs } from "../shared/pagination.ts";
import { organisationIdsByCodes } from "../organisations/service.ts";

/** Audit events under a filter, newest first. */
export async function listAuditEvents(ctx: Context, filter: AuditFilter | null | undefined, page: PageArgs) {
  const where: Prisma.AuditEventWhereInput = {};
  if (filter?.entityId) where.entityId = parseGlobalId(filter.entityId, "filter.entityId").id;
  if (filter?.actor?.trim()) where.actor = equalsText(filter.actor.trim());
  if (filter?.organisation?.length)
    where.organisationId = {
      in: await organisationIdsByCodes(ctx.prisma, filter.organisation, "filter.organisation"),
    };
  if (filter?.entityType?.trim()) where.entityType = filter.entityType.trim();
  if (filter?.from || filter?.to)
    where.at = { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) };
  return paginate(
    page,
    { column: "seq", direction: "desc" },
    where,
    (q) => ctx.prisma.auditEvent.findMany(q as Prisma.AuditEventFindManyArgs),
    (w) => ctx.prisma.auditEvent.count({ where: w as Prisma.AuditEventWhereInput }),
  );
}

/** Entity types whose snapshots hold commercial figures: every `…Pence` column of their rows. */
const COMMERCIAL_ENTITIES: ReadonlySet<string> = new Set(["Licence", "Contract"]);

/** True when the caller may see every figure in `event`'s snapshots. */
export function snapshotValuesVisible(ctx: Context, event: AuditEvent): boolean {
  if (!COMMERCIAL_ENTITIES.has(event.entityType)) return true;
  return event.organisationId !== null && commercialVisible(ctx.actor, event.organisationId);
}

/** The snapshot the caller may see: in licences and contracts, money is null unless the caller may see it. */
export function visibleSnapshot(ctx: Context, event: AuditEvent, snapshot: unknown): unknown {
  if (snapshot === null || typeof snapshot !== "object" || snapshotValuesVisible(ctx, event)) return snapshot;
  return Object.fromEntries(
    Object.entries(snapshot as Record<string, unknown>).map(([k, v]) => [k, k.endsWith("Pence") ? null : v]),
  );
}
