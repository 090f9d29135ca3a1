// Dependencies: typed, directed edges "<source> <type> <target>", stored once, versioned and audited.
// The source's organisation owns the edge: it is that organisation deciding what its asset needs.
import { randomUUID } from "node:crypto";
import type { CreateDependencyInput, UpdateDependencyPatch } from "../../generated/graphql.ts";
import type { Context } from "../shared/context.ts";
import type { Tx } from "../shared/writes.ts";
import { authorize } from "../shared/authz.ts";
import { ConflictError, InputError, NotFoundError } from "../shared/errors.ts";
import { idOf } from "../shared/ids.ts";
import { notNull, optionalText } from "../shared/validate.ts";
import {
  expectUpdated,
  expectVersion,
  inTransaction,
  recordAudit,
  writeVersioned,
} from "../shared/writes.ts";

async function liveAsset(tx: Tx, globalId: string, field: string) {
  const id = idOf(globalId, "Asset", field);
  const asset = await tx.asset.findUnique({
    where: { id },
    select: { id: true, name: true, organisationId: true, lifecycle: true },
  });
  if (!asset) throw new NotFoundError(field, `no asset has ID ${globalId}.`);
  if (asset.lifecycle === "RETIRED")
    throw new InputError(
      field,
      `asset "${asset.name}" is retired; a dependency needs two assets that are not retired.`,
    );
  return asset;
}

/** Creates an edge; refuses self-loops, missing or retired assets, and duplicates of the same type. */
export function createDependency(ctx: Context, input: CreateDependencyInput) {
  return inTransaction(ctx, async (tx) => {
    if (input.source === input.target)
      throw new InputError("input.target", "an asset cannot depend on itself; choose a different target.");
    const source = await liveAsset(tx, input.source, "input.source");
    const target = await liveAsset(tx, input.target, "input.target");
    if (source.id === target.id)
      throw new InputError("input.target", "an asset cannot depend on itself; choose a different target.");
    authorize(ctx.actor, "create", "Dependency", source.organisationId);
    const duplicate = await tx.dependency.findUnique({
      where: { sourceId_targetId_type: { sourceId: source.id, targetId: target.id, type: input.type } },
    });
    if (duplicate)
      throw new ConflictError(
        "input.type",
        `"${source.name}" already has a ${input.type} dependency on "${target.name}".`,
      );
    const edge = await tx.dependency.create({
      data: {
        id: randomUUID(),
        sourceId: source.id,
        targetId: target.id,
        type: input.type,
        description: optionalText(input.description, "input.description"),
      },
    });
    await recordAudit(tx, ctx.actor, {
      action: "CREATE",
      entityType: "Dependency",
      entityId: edge.id,
      organisationId: source.organisationId,
      after: edge,
    });
    return edge;
  });
}

async function ownerOf(tx: Tx, sourceId: string) {
  return (await tx.asset.findUniqueOrThrow({ where: { id: sourceId }, select: { organisationId: true } }))
    .organisationId;
}

/** Changes an edge's type or description if `version` is still current. */
export function updateDependency(
  ctx: Context,
  globalId: string,
  version: number,
  patch: UpdateDependencyPatch,
) {
  const id = idOf(globalId, "Dependency", "id");
  return inTransaction(ctx, async (tx) => {
    const before = await tx.dependency.findUnique({ where: { id } });
    expectVersion(before, version, "Dependency", id);
    const organisationId = await ownerOf(tx, before.sourceId);
    authorize(ctx.actor, "update", "Dependency", organisationId);
    const type = notNull(patch.type, "patch.type") ?? before.type;
    if (type !== before.type) {
      const clash = await tx.dependency.findUnique({
        where: { sourceId_targetId_type: { sourceId: before.sourceId, targetId: before.targetId, type } },
      });
      if (clash) throw new ConflictError("patch.type", `these two assets already have a ${type} dependency.`);
    }
    const description =
      patch.description === undefined
        ? before.description
        : optionalText(patch.description, "patch.description");
    return writeVersioned(
      tx,
      ctx.actor,
      { type: "Dependency", id, action: "UPDATE", before, organisationId },
      () =>
        tx.dependency.updateMany({
          where: { id, version },
          data: { type, description, version: { increment: 1 } },
        }),
      () => tx.dependency.findUnique({ where: { id } }),
    );
  });
}

/** Deletes an edge if `version` is still current; the audit event keeps what it was. */
export function removeDependency(ctx: Context, globalId: string, version: number) {
  const id = idOf(globalId, "Dependency", "id");
  return inTransaction(ctx, async (tx) => {
    const before = await tx.dependency.findUnique({ where: { id } });
    expectVersion(before, version, "Dependency", id);
    const organisationId = await ownerOf(tx, before.sourceId);
    authorize(ctx.actor, "retire", "Dependency", organisationId);
    expectUpdated(await tx.dependency.deleteMany({ where: { id, version } }), "Dependency");
    await recordAudit(tx, ctx.actor, {
      action: "DELETE",
      entityType: "Dependency",
      entityId: id,
      organisationId,
      before,
    });
    return before;
  });
}
