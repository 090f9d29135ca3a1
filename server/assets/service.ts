// Assets: listing with filters and keyset pages, and versioned, audited create/update/retire.
import { containsText } from "../shared/like.ts";
import { toGlobalId } from "../shared/ids.ts";
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { AssetFilter, AssetOrder, CreateAssetInput, UpdateAssetPatch } from "../../generated/graphql.ts";
import type { Context } from "../shared/context.ts";
import { authorize } from "../shared/authz.ts";
import { idOf } from "../shared/ids.ts";
import { paginate, type KeysetOrder, type PageArgs } from "../shared/pagination.ts";
import { notNull } from "../shared/validate.ts";
import { expectVersion, inTransaction, recordAudit, writeVersioned } from "../shared/writes.ts";
import { organisationByCode, organisationIdsByCodes } from "../organisations/service.ts";
import { checkNameFree, checkProduct, checkScalars, checkSite } from "./validation.ts";

const ORDERS: Record<AssetOrder, KeysetOrder> = {
  NAME_ASC: { column: "name", direction: "asc" },
  NAME_DESC: { column: "name", direction: "desc" },
  ANNUAL_RUN_COST_ASC: { column: "annualRunCostPence", direction: "asc" },
  ANNUAL_RUN_COST_DESC: { column: "annualRunCostPence", direction: "desc" },
  UPDATED_AT_ASC: { column: "updatedAt", direction: "asc" },
  UPDATED_AT_DESC: { column: "updatedAt", direction: "desc" },
};

/** The Prisma filter for an AssetFilter. */
export async function assetWhere(
  ctx: Context,
  filter: AssetFilter | null | undefined,
): Promise<Prisma.AssetWhereInput> {
  if (!filter) return {};
  const where: Prisma.AssetWhereInput = {};
  if (filter.organisation?.length)
    where.organisationId = {
      in: await organisationIdsByCodes(ctx.prisma, filter.organisation, "filter.organisation"),
    };
  if (filter.kind?.length) where.kind = { in: filter.kind };
  if (filter.lifecycle?.length) where.lifecycle = { in: filter.lifecycle };
  if (filter.criticality?.length) where.criticality = { in: filter.criticality };
  if (filter.site?.length) where.siteId = { in: filter.site.map((s) => idOf(s, "Site", "filter.site")) };
  if (filter.product?.length)
    where.productId = { in: filter.product.map((p) => idOf(p, "Product", "filter.product")) };
  const search = filter.search?.trim();
  if (search) {
    where.OR = ["name", "subtype", "description"].map((column) => ({
      [column]: containsText(search),
    }));
  }
  return where;
}

/** One page of assets under a filter and order. */
export async function listAssets(
  ctx: Context,
  filter: AssetFilter | null | undefined,
  orderBy: AssetOrder | null | undefined,
  page: PageArgs,
) {
  const where = await assetWhere(ctx, filter);
  return paginate(
    page,
    ORDERS[orderBy ?? "NAME_ASC"],
    where,
    (q) => ctx.prisma.asset.findMany(q as Prisma.AssetFindManyArgs),
    (w) => ctx.prisma.asset.count({ where: w as Prisma.AssetWhereInput }),
  );
}

/** Creates an asset owned by the organisation named in the input. */
export function createAsset(ctx: Context, input: CreateAssetInput) {
  return inTransaction(ctx, async (tx) => {
    const org = await organisationByCode(tx, input.organisation, "input.organisation");
    authorize(ctx.actor, "create", "Asset", org.id);
    const fields = checkScalars(input, "input");
    await checkNameFree(tx, org.id, fields.name, "input.name");
    const asset = await tx.asset.create({
      data: {
        id: randomUUID(),
        organisationId: org.id,
        siteId: await checkSite(tx, input.site, "input.site"),
        productId: await checkProduct(tx, input.product, "input.product"),
        kind: input.kind,
        lifecycle: input.lifecycle ?? "ACTIVE",
        criticality: input.criticality ?? "MEDIUM",
        supportEnd: input.supportEnd ?? null,
        ...fields,
      },
    });
    await recordAudit(tx, ctx.actor, {
      action: "CREATE",
      entityType: "Asset",
      entityId: asset.id,
      organisationId: org.id,
      after: asset,
    });
    return asset;
  });
}

/** Changes an asset if `version` is still current; omitted patch fields keep their values. */
export function updateAsset(ctx: Context, globalId: string, version: number, patch: UpdateAssetPatch) {
  const id = idOf(globalId, "Asset", "id");
  return inTransaction(ctx, async (tx) => {
    const before = await tx.asset.findUnique({ where: { id } });
    expectVersion(before, version, "Asset", id);
    authorize(ctx.actor, "update", "Asset", before.organisationId);
    const has = (k: keyof UpdateAssetPatch) => k in patch && patch[k] !== undefined;
    const merged = { ...before, annualRunCost: before.annualRunCostPence, bookValue: before.bookValuePence };
    for (const [k, v] of Object.entries(patch))
      if (v !== undefined && k !== "site" && k !== "product") (merged as Record<string, unknown>)[k] = v;
    for (const k of ["name", "kind", "lifecycle", "criticality", "annualRunCost", "bookValue"] as const)
      notNull(patch[k], `patch.${k}`);
    const fields = checkScalars(merged, "patch");
    if (fields.name !== before.name)
      await checkNameFree(tx, before.organisationId, fields.name, "patch.name", id);
    const data: Prisma.AssetUncheckedUpdateManyInput = {
      ...fields,
      kind: patch.kind ?? before.kind,
      lifecycle: patch.lifecycle ?? before.lifecycle,
      criticality: patch.criticality ?? before.criticality,
      supportEnd: has("supportEnd") ? patch.supportEnd : before.supportEnd,
      version: { increment: 1 },
    };
    if (has("site")) data.siteId = await checkSite(tx, patch.site, "patch.site");
    else if (before.siteId && data.lifecycle !== "RETIRED" && before.lifecycle === "RETIRED")
      await checkSite(tx, toGlobalId("Site", before.siteId), "patch.lifecycle");
    if (has("product")) data.productId = await checkProduct(tx, patch.product, "patch.product");
    return writeVersioned(
      tx,
      ctx.actor,
      { type: "Asset", id, action: "UPDATE", before },
      () => tx.asset.updateMany({ where: { id, version }, data }),
      () => tx.asset.findUnique({ where: { id } }),
    );
  });
}

/** Marks an asset RETIRED; its edges stay as the record of what it served. */
export function retireAsset(ctx: Context, globalId: string, version: number) {
  const id = idOf(globalId, "Asset", "id");
  return inTransaction(ctx, async (tx) => {
    const before = await tx.asset.findUnique({ where: { id } });
    expectVersion(before, version, "Asset", id);
    authorize(ctx.actor, "retire", "Asset", before.organisationId);
    return writeVersioned(
      tx,
      ctx.actor,
      { type: "Asset", id, action: "RETIRE", before },
      () =>
        tx.asset.updateMany({
          where: { id, version },
          data: { lifecycle: "RETIRED", version: { increment: 1 } },
        }),
      () => tx.asset.findUnique({ where: { id } }),
    );
  });
}
