// Reading the audit trail. Events are append-only: the API has no way to change them and a database
// trigger refuses UPDATE and DELETE. The money in snapshots of licences and contracts, a move's override of
// its saving (with its reason) and the figures in a scenario's stored snapshots are commercial: they are
// blanked (set to null) for callers who may not see the organisation's commercial figures. Events about
// people's accounts (users, roles, API tokens) are read as the users list is: by administrators, and by
// the person themselves for their own account and what they did.
import { equalsText } from "../shared/like.ts";
import type { AuditEvent, Prisma } from "../../generated/prisma/client.ts";
import type { AuditFilter, AuditOrder } from "../../generated/graphql.ts";
import type { Context } from "../shared/context.ts";
import { canAnywhere, commercialVisible } from "../shared/authz.ts";
import { parseGlobalId } from "../shared/ids.ts";
import { paginate, type KeysetOrder, type PageArgs } from "../shared/pagination.ts";
import { organisationIdsByCodes } from "../organisations/service.ts";
import { blankedSnapshotOrganisation } from "../planning/snapshot.ts";

/** The allowed audit orders: "when" is the recording order (seq, unique); the others break ties by id. */
const ORDERS: Record<AuditOrder, KeysetOrder> = {
  AT_DESC: { column: "seq", direction: "desc" },
  AT_ASC: { column: "seq", direction: "asc" },
  ACTOR_ASC: { column: "actor", direction: "asc" },
  ACTOR_DESC: { column: "actor", direction: "desc" },
  ACTION_ASC: { column: "action", direction: "asc" },
  ACTION_DESC: { column: "action", direction: "desc" },
  ENTITY_TYPE_ASC: { column: "entityType", direction: "asc" },
  ENTITY_TYPE_DESC: { column: "entityType", direction: "desc" },
};

/** Entity types whose events are about people's accounts. */
const ACCOUNT_ENTITIES = ["User", "ApiToken"];

/**
 * The events `ctx`'s caller may read: everything for administrators (of any organisation, as `users`);
 * for others, no account events but those of their own account or done by themselves.
 */
export function readableEvents(ctx: Context): Prisma.AuditEventWhereInput {
  if (!ctx.actor.mustChangePassword && canAnywhere(ctx.actor, "administer")) return {};
  return { OR: [{ entityType: { notIn: ACCOUNT_ENTITIES } }, { entityId: ctx.actor.id }, { actor: ctx.actor.email }] };
}

/** Audit events under a filter, in `orderBy`'s order (newest first unless asked). */
export async function listAuditEvents(
  ctx: Context,
  filter: AuditFilter | null | undefined,
  page: PageArgs,
  orderBy?: AuditOrder | null,
) {
  const where: Prisma.AuditEventWhereInput = { AND: [readableEvents(ctx)] };
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
    ORDERS[orderBy ?? "AT_DESC"],
    where,
    (q) => ctx.prisma.auditEvent.findMany(q as Prisma.AuditEventFindManyArgs),
    (w) => ctx.prisma.auditEvent.count({ where: w as Prisma.AuditEventWhereInput }),
  );
}

/** Entity types whose snapshots hold commercial figures: every `…Pence` column of their rows. */
const COMMERCIAL_ENTITIES: ReadonlySet<string> = new Set(["Licence", "Contract"]);

/**
 * Move snapshots hold one commercial figure: the planner's override of the recurring saving, with its
 * reason (server/planning/move-visibility.ts). The event is filed under the organisation the saving accrues
 * to (the owner of the move's subject), and they are blanked unless the caller may read its commercial values.
 */
const MOVE_COMMERCIAL_FIELDS: ReadonlySet<string> = new Set(["savingOverridePence", "savingOverrideReason"]);

/** True when the caller may see every figure in `event`'s snapshots. */
export function snapshotValuesVisible(ctx: Context, event: AuditEvent): boolean {
  if (event.entityType === "Scenario")
    return [event.before, event.after].every((row) => {
      const blanked = visibleScenario(ctx, (row ?? {}) as Record<string, unknown>);
      return JSON.stringify(blanked) === JSON.stringify(row ?? {});
    });
  if (!COMMERCIAL_ENTITIES.has(event.entityType) && event.entityType !== "Move") return true;
  return event.organisationId !== null && commercialVisible(ctx.actor, event.organisationId);
}

/** A scenario's stored snapshots of its figures (what was proposed, what was approved). */
const SCENARIO_SNAPSHOTS = ["proposedSnapshot", "approvedSnapshot"] as const;

/**
 * A scenario row with the figures of its snapshots blanked where they use commercial values the caller
 * may not read (blankedSnapshotOrganisation: the rule the API's snapshot fields follow).
 */
function visibleScenario(ctx: Context, row: Record<string, unknown>): Record<string, unknown> {
  const out = { ...row };
  const readable = (org: string) => commercialVisible(ctx.actor, org);
  for (const key of SCENARIO_SNAPSHOTS) {
    const snap = row[key] as { organisations?: Record<string, unknown>[] } | null | undefined;
    if (!snap || typeof snap !== "object" || !Array.isArray(snap.organisations)) continue;
    out[key] = { ...snap, organisations: snap.organisations.map((o) => blankedSnapshotOrganisation(o, readable)) };
  }
  return out;
}

/** The snapshot the caller may see: in licences and contracts, money is null unless the caller may see it. */
export function visibleSnapshot(ctx: Context, event: AuditEvent, snapshot: unknown): unknown {
  if (snapshot === null || typeof snapshot !== "object") return snapshot;
  if (event.entityType === "Scenario") return visibleScenario(ctx, snapshot as Record<string, unknown>);
  if (snapshotValuesVisible(ctx, event)) return snapshot;
  const hidden = event.entityType === "Move" ? (k: string) => MOVE_COMMERCIAL_FIELDS.has(k) : (k: string) => k.endsWith("Pence");
  return Object.fromEntries(Object.entries(snapshot as Record<string, unknown>).map(([k, v]) => [k, hidden(k) ? null : v]));
}
