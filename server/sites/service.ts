// Sites: listing and versioned, audited create/update/retire.
import type { Tx } from "../shared/writes.ts";
import { containsText } from "../shared/like.ts";
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { CreateSiteInput, SiteFilter, SiteOrder, UpdateSitePatch } from "../../generated/graphql.ts";
import type { Context } from "../shared/context.ts";
import { authorize } from "../shared/authz.ts";
import { InputError } from "../shared/errors.ts";
import { idOf } from "../shared/ids.ts";
import { paginate, type KeysetOrder, type PageArgs } from "../shared/pagination.ts";
import { notNull } from "../shared/validate.ts";
import { expectVersion, inTransaction, recordAudit, writeVersioned } from "../shared/writes.ts";
import { organisationByCode, organisationIdsByCodes } from "../organisations/service.ts";
import { checkSiteFields, checkSiteNameFree } from "./validation.ts";

const ORDERS: Record<SiteOrder, KeysetOrder> = {
  NAME_ASC: { column: "name", direction: "asc" },
  NAME_DESC: { column: "name", direction: "desc" },
  ANNUAL_COST_ASC: { column: "annualCostPence", direction: "asc" },
  ANNUAL_COST_DESC: { column: "annualCostPence", direction: "desc" },
};

/** One page of sites in `orderBy`'s order (by name unless asked). */
export async function listSites(
  ctx: Context,
  filter: SiteFilter | null | undefined,
  page: PageArgs,
  orderBy?: SiteOrder | null,
) {
  const where: Prisma.SiteWhereInput = {};
  if (filter?.organisation?.length)
    where.organisationId = {
      in: await organisationIdsByCodes(ctx.prisma, filter.organisation, "filter.organisation"),
    };
  if (filter?.kind?.length) where.kind = { in: filter.kind };
  if (filter?.lifecycle?.length) where.lifecycle = { in: filter.lifecycle };
  if (filter?.search?.trim()) where.name = containsText(filter.search.trim());
  return paginate(
    page,
    ORDERS[orderBy ?? "NAME_ASC"],
    where,
    (q) => ctx.prisma.site.findMany(q as Prisma.SiteFindManyArgs),
    (w) => ctx.prisma.site.count({ where: w as Prisma.SiteWhereInput }),
  );
}

/** Creates a site owned by the organisation named in the input. */
export function createSite(ctx: Context, input: CreateSiteInput) {
  return inTransaction(ctx, async (tx) => {
    const org = await organisationByCode(tx, input.organisation, "input.organisation");
    authorize(ctx.actor, "create", "Site", org.id);
    const fields = checkSiteFields(input as Record<string, unknown>, "input");
    await checkSiteNameFree(tx, org.id, fields.name, "input.name");
    const site = await tx.site.create({
      data: {
        id: randomUUID(),
        organisationId: org.id,
        kind: input.kind,
        lifecycle: input.lifecycle ?? "ACTIVE",
        leaseEnd: input.leaseEnd ?? null,
        ...fields,
      },
    });
    await recordAudit(tx, ctx.actor, {
      action: "CREATE",
      entityType: "Site",
      entityId: site.id,
      organisationId: org.id,
      after: site,
    });
    return site;
  });
}

/** Changes a site if `version` is still current. */
export function updateSite(ctx: Context, globalId: string, version: number, patch: UpdateSitePatch) {
  const id = idOf(globalId, "Site", "id");
  return inTransaction(ctx, async (tx) => {
    const before = await tx.site.findUnique({ where: { id } });
    expectVersion(before, version, "Site", id);
    authorize(ctx.actor, "update", "Site", before.organisationId);
    for (const k of ["name", "kind", "lifecycle", "annualCost"] as const) notNull(patch[k], `patch.${k}`);
    if (patch.lifecycle === "RETIRED")
      throw new InputError(
        "patch.lifecycle",
        "use retireSite to retire a site, so its assets are checked first.",
      );
    const merged: Record<string, unknown> = { ...before, annualCost: before.annualCostPence };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) merged[k] = v;
    const fields = checkSiteFields(merged, "patch");
    if (fields.name !== before.name)
      await checkSiteNameFree(tx, before.organisationId, fields.name, "patch.name", id);
    const data: Prisma.SiteUncheckedUpdateManyInput = {
      ...fields,
      kind: patch.kind ?? before.kind,
      lifecycle: patch.lifecycle ?? before.lifecycle,
      leaseEnd: patch.leaseEnd === undefined ? before.leaseEnd : patch.leaseEnd,
      version: { increment: 1 },
    };
    return writeVersioned(
      tx,
      ctx.actor,
      { type: "Site", id, action: "UPDATE", before },
      () => tx.site.updateMany({ where: { id, version }, data }),
      () => tx.site.findUnique({ where: { id } }),
    );
  });
}

/** Refuses to retire `site` while assets that are not retired are still located there. */
async function refuseWhileAssetsAt(tx: Tx, site: { id: string; name: string }) {
  const where = { siteId: site.id, lifecycle: { not: "RETIRED" as const } };
  const remaining = await tx.asset.findMany({
    where,
    select: { name: true },
    orderBy: { name: "asc" },
    take: 5,
  });
  if (!remaining.length) return;
  const total = await tx.asset.count({ where });
  throw new InputError(
    "id",
    `${total} asset(s) still located at "${site.name}" (e.g. ${remaining.map((a) => a.name).join(", ")}); move or retire them first.`,
  );
}

/** Retires a site; refused while assets that are not retired are still located there. */
export function retireSite(ctx: Context, globalId: string, version: number) {
  const id = idOf(globalId, "Site", "id");
  return inTransaction(ctx, async (tx) => {
    const before = await tx.site.findUnique({ where: { id } });
    expectVersion(before, version, "Site", id);
    authorize(ctx.actor, "retire", "Site", before.organisationId);
    // The row is written (and so locked) before the check, so a concurrent change that would make the
    // check stale waits for this transaction; a failed check rolls the write back.
    return writeVersioned(
      tx,
      ctx.actor,
      { type: "Site", id, action: "RETIRE", before },
      async () => {
        const written = await tx.site.updateMany({
          where: { id, version },
          data: { lifecycle: "RETIRED", version: { increment: 1 } },
        });
        if (written.count === 1) await refuseWhileAssetsAt(tx, before);
        return written;
      },
      () => tx.site.findUnique({ where: { id } }),
    );
  });
}
