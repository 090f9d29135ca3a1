// Reading the audit trail. Events are append-only: the API has no way to change them and a database
// trigger refuses UPDATE and DELETE. Snapshots of contracts are hidden from callers who may not see
// contract values.
import { equalsText } from "../shared/like.ts";
import type { AuditEvent, Prisma } from "../../generated/prisma/client.ts";
import type { AuditFilter } from "../../generated/graphql.ts";
import type { Context } from "../shared/context.ts";
import { can } from "../shared/authz.ts";
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

/** The snapshot the caller may see: contract snapshots need permission to read contract values. */
export function visibleSnapshot(ctx: Context, event: AuditEvent, snapshot: unknown): unknown {
  if (event.entityType !== "Contract" || !event.organisationId) return snapshot;
  return can(ctx.actor, "readContractValues", event.organisationId) ? snapshot : null;
}
