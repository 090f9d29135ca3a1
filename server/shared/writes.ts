// The transaction, optimistic-concurrency and audit steps every mutation shares.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Context } from "./context.ts";
import type { Actor } from "./actor.ts";
import { ConflictError, NotFoundError } from "./errors.ts";
import { translatePrismaError } from "./prisma-errors.ts";
import { snapshot } from "./json.ts";
import { toGlobalId, type NodeType } from "./ids.ts";
import { bulkInsert, type BulkColumn } from "./bulk-insert.ts";

/** A Prisma client bound to one transaction. */
export type Tx = Prisma.TransactionClient;

/** Runs `fn` in one transaction: all of it is written, or none. Database errors become domain errors. */
export async function inTransaction<T>(ctx: Context, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await ctx.prisma.$transaction(fn, { timeout: 60_000, maxWait: 30_000 });
  } catch (error) {
    throw translatePrismaError(error) ?? error;
  }
}

/** Throws NotFound when the row is missing and CONFLICT when its version is not the one the caller read. */
export function expectVersion<R extends { version: number }>(
  row: R | null,
  version: number,
  type: NodeType,
  id: string,
): asserts row is R {
  if (!row) throw new NotFoundError("id", `no ${type} has ID ${toGlobalId(type, id)}.`);
  if (row.version !== version) {
    throw new ConflictError(
      "version",
      `this ${type} was changed by someone else (you read version ${version}, it is now ${row.version}); reload it and apply your change again.`,
    );
  }
}

/** After `updateMany({ where: { id, version } })`: zero rows means another writer got there first. */
export function expectUpdated(result: { count: number }, type: NodeType): void {
  if (result.count !== 1) {
    throw new ConflictError(
      "version",
      `this ${type} was changed by someone else meanwhile; reload it and apply your change again.`,
    );
  }
}

/** One audit event, written in the caller's transaction. */
export interface AuditInput {
  /**
   * What happened: CREATE, UPDATE, RETIRE or DELETE for changes of data; PROPOSE, WITHDRAW, APPROVE and
   * REJECT for the governance steps of a scenario (a rejection's `after` carries its reason).
   */
  action: "CREATE" | "UPDATE" | "RETIRE" | "DELETE" | "PROPOSE" | "WITHDRAW" | "APPROVE" | "REJECT";
  entityType: NodeType;
  entityId: string;
  organisationId: string | null;
  before?: object | null;
  after?: object | null;
}

/** The AuditEvent row of an event. */
function auditRow(actor: Actor, event: AuditInput) {
  return {
    id: randomUUID(),
    actor: actor.email,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    organisationId: event.organisationId,
    before: event.before ? (snapshot(event.before) as Prisma.InputJsonObject) : undefined,
    after: event.after ? (snapshot(event.after) as Prisma.InputJsonObject) : undefined,
  };
}

/** Records who changed what, before and after, in the same transaction as the change. */
export async function recordAudit(tx: Tx, actor: Actor, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({ data: auditRow(actor, event) });
}

/** The audit event's columns for a bulk insert, in the order of AuditInput's fields. */
function auditColumns(actor: Actor): BulkColumn<AuditInput>[] {
  const json = (row: object | null | undefined) => (row ? JSON.stringify(snapshot(row)) : null);
  return [
    { name: "id", sentAs: "uuid[]", value: () => randomUUID() },
    { name: "actor", sentAs: "text[]", value: () => actor.email },
    { name: "action", sentAs: "text[]", value: (e) => e.action },
    { name: "entityType", sentAs: "text[]", value: (e) => e.entityType },
    { name: "entityId", sentAs: "uuid[]", value: (e) => e.entityId },
    { name: "organisationId", sentAs: "uuid[]", value: (e) => e.organisationId ?? null },
    { name: "before", sentAs: "text[]::jsonb[]", value: (e) => json(e.before) },
    { name: "after", sentAs: "text[]::jsonb[]", value: (e) => json(e.after) },
  ];
}

/**
 * Several audit events in one INSERT … SELECT FROM unnest, in the caller's transaction, numbered in the
 * order given (for bulk writes: Prisma's createMany costs milliseconds per row on embedded PGlite).
 */
export async function recordAudits(tx: Tx, actor: Actor, events: readonly AuditInput[]): Promise<void> {
  await bulkInsert(tx, "AuditEvent", auditColumns(actor), events, { returning: false });
}

/** What a versioned change is, for its audit event. */
export interface VersionedChange<R> {
  type: NodeType;
  id: string;
  action: "UPDATE" | "RETIRE";
  /** The row as read (and version-checked) before the change. */
  before: R;
  /** The owning organisation, when the row has no `organisationId` of its own (dependencies). */
  organisationId?: string;
}

/**
 * The common end of every versioned change: the write conditioned on the version read (CONFLICT if
 * another writer got there first), the re-read, and the audit event with before and after.
 */
export async function writeVersioned<R extends object>(
  tx: Tx,
  actor: Actor,
  change: VersionedChange<R>,
  write: () => Promise<{ count: number }>,
  reload: () => Promise<R | null>,
): Promise<R> {
  expectUpdated(await write(), change.type);
  const after = (await reload())!;
  const organisationId =
    change.organisationId ?? (after as { organisationId?: string }).organisationId ?? null;
  await recordAudit(tx, actor, {
    action: change.action,
    entityType: change.type,
    entityId: change.id,
    organisationId,
    before: change.before,
    after,
  });
  return after;
}
