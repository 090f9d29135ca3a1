// The audit trail, read-only through the API.
import type { Resolvers } from "../../generated/graphql.ts";
import { parseGlobalId, toGlobalId, type NodeType } from "../shared/ids.ts";
import { listAuditEvents, readableEvents, snapshotValuesVisible, visibleSnapshot } from "./service.ts";

/** Resolvers for audit events. */
export const auditResolvers: Resolvers = {
  Query: {
    auditTrail: (_p, { entityId }, ctx) => {
      const { id } = parseGlobalId(entityId, "entityId");
      return ctx.prisma.auditEvent.findMany({ where: { entityId: id, AND: [readableEvents(ctx)] }, orderBy: { seq: "asc" } });
    },
    auditEvents: (_p, { filter, orderBy, first, after }, ctx) =>
      listAuditEvents(ctx, filter, { first, after }, orderBy),
  },
  AuditEvent: {
    id: (e) => toGlobalId("AuditEvent", e.id),
    entityId: (e) => toGlobalId(e.entityType as NodeType, e.entityId),
    organisation: (e, _a, ctx) => (e.organisationId ? ctx.loaders.organisation.load(e.organisationId) : null),
    before: (e, _a, ctx) => visibleSnapshot(ctx, e, e.before),
    after: (e, _a, ctx) => visibleSnapshot(ctx, e, e.after),
    valuesVisible: (e, _a, ctx) => snapshotValuesVisible(ctx, e),
  },
};
