// Product-match review: register titles the matcher is unsure of wait for a person, and the answer is
// remembered. Confirming makes the title a ProductAlias (so it matches by ALIAS from then on);
// rejecting records the proposed product against the title, and it is never proposed for it again.
// The catalogue is shared by every organisation, so deciding needs editProcurement in any organisation.
import { randomUUID } from "node:crypto";
import type { PrismaClient, ProductMatch } from "../../generated/prisma/client.ts";
import type { Context } from "../shared/context.ts";
import type { Actor } from "../shared/actor.ts";
import { canAnywhere } from "../shared/authz.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "../shared/errors.ts";
import { idOf, parseGlobalId, type NodeType } from "../shared/ids.ts";
import { expectVersion, inTransaction, recordAudit, writeVersioned, type Tx } from "../shared/writes.ts";
import { optionalText } from "../shared/validate.ts";
import { aliasKey } from "../licences/normalise.ts";
import { matchProduct, type ProductCatalogue, type ProductMatch as MatchResult } from "../licences/match.ts";

/** A match result with its remembered review, as the API returns it. */
export interface TitleMatch extends MatchResult {
  title: string;
  review: ProductMatch | null;
}

/** The catalogue the matcher works on: every product with its vendor's name, and every alias. */
export async function loadCatalogue(db: PrismaClient | Tx): Promise<ProductCatalogue> {
  const [products, vendors, aliases] = await Promise.all([
    db.product.findMany({ orderBy: { id: "asc" } }),
    db.vendor.findMany(),
    db.productAlias.findMany({ select: { productId: true, normalised: true } }),
  ]);
  const vendorName = new Map(vendors.map((v) => [v.id, v.name]));
  return {
    products: products.map((p) => ({
      id: p.id,
      vendorName: vendorName.get(p.vendorId) ?? "",
      name: p.name,
      edition: p.edition,
    })),
    aliases,
  };
}

function checkTitle(title: string, field: string): string {
  const t = title.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  if (!t) throw new InputError(field, "must not be empty.");
  if (t.length > 300) throw new InputError(field, `must be at most 300 characters (got ${t.length}).`);
  return t;
}

/** Matches one title, leaving out the products a person rejected for it. */
function matchWithReview(
  title: string,
  catalogue: ProductCatalogue,
  review: ProductMatch | null,
): MatchResult {
  const rejected = new Set(review?.rejectedProductIds ?? []);
  if (rejected.size === 0) return matchProduct(title, catalogue);
  return matchProduct(title, {
    products: catalogue.products.filter((p) => !rejected.has(p.id)),
    aliases: catalogue.aliases.filter((a) => !rejected.has(a.productId)),
  });
}

/** Tries a title against the catalogue; records nothing. */
export async function matchProductTitle(ctx: Context, rawTitle: string): Promise<TitleMatch> {
  const title = checkTitle(rawTitle, "title");
  const [catalogue, review] = await Promise.all([
    loadCatalogue(ctx.prisma),
    ctx.prisma.productMatch.findUnique({ where: { normalised: aliasKey(title) } }),
  ]);
  return { title, ...matchWithReview(title, catalogue, review), review };
}

function mayDecide(actor: Actor): void {
  if (!canAnywhere(actor, "editProcurement")) {
    throw new ForbiddenError(
      "reviewing product matches needs the editProcurement permission (PROCUREMENT or ADMIN) in an organisation.",
    );
  }
}

/** The global-ID type of review rows (audit entries, errors). */
const REVIEW_ENTITY: NodeType = "ProductMatch";

/**
 * Matches register titles and queues the uncertain ones (fuzzy needing review, or no match) for a
 * person. A title already decided is not queued again unless the matcher now proposes a product the
 * person has not rejected.
 */
export async function submitProductTitles(
  ctx: Context,
  titles: readonly string[],
  source: string | null | undefined,
): Promise<TitleMatch[]> {
  mayDecide(ctx.actor);
  if (titles.length > 1000)
    throw new InputError("titles", `at most 1000 titles at a time (got ${titles.length}).`);
  const clean = titles.map((t, i) => checkTitle(t, `titles.${i}`));
  return inTransaction(ctx, async (tx) => {
    const catalogue = await loadCatalogue(tx);
    const out: TitleMatch[] = [];
    for (const title of clean) {
      const key = aliasKey(title);
      let review = await tx.productMatch.findUnique({ where: { normalised: key } });
      const match = matchWithReview(title, catalogue, review);
      const uncertain = match.method === "NONE" || match.needsReview;
      if (uncertain && !review) {
        review = await tx.productMatch.create({
          data: {
            id: randomUUID(),
            title,
            normalised: key,
            proposedProductId: match.productId,
            method: match.method,
            score: match.score,
            source: optionalText(source, "source", 200),
          },
        });
        await recordAudit(tx, ctx.actor, {
          action: "CREATE",
          entityType: REVIEW_ENTITY,
          entityId: review.id,
          organisationId: null,
          after: review,
        });
      } else if (
        uncertain &&
        review &&
        review.status === "REJECTED" &&
        match.productId &&
        match.productId !== review.proposedProductId
      ) {
        const before = review;
        review = await tx.productMatch.update({
          where: { id: review.id },
          data: {
            status: "PENDING",
            proposedProductId: match.productId,
            method: match.method,
            score: match.score,
            version: { increment: 1 },
          },
        });
        await recordAudit(tx, ctx.actor, {
          action: "UPDATE",
          entityType: REVIEW_ENTITY,
          entityId: review.id,
          organisationId: null,
          before,
          after: review,
        });
      }
      out.push({ title, ...match, review });
    }
    return out;
  });
}

/** Review rows with one of `statuses` (PENDING by default), oldest first. */
export function productMatchesToReview(
  ctx: Context,
  statuses: readonly ("PENDING" | "CONFIRMED" | "REJECTED")[] | null | undefined,
) {
  const status = statuses?.length ? [...statuses] : ["PENDING" as const];
  return ctx.prisma.productMatch.findMany({
    where: { status: { in: status } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

function reviewId(globalId: string): string {
  const parsed = parseGlobalId(globalId, "id");
  if (parsed.type !== "ProductMatch")
    throw new InputError("id", `expected the ID of a ProductMatch, got the ID of a ${parsed.type}.`);
  return parsed.id;
}

/**
 * Confirms a queued title as `productGlobalId`: the title becomes an alias of that product. Versioned
 * like every change: the review is written first, conditioned on the `version` the caller read, so a
 * concurrent confirm or reject of the same review waits for this one and then finds the version gone
 * (CONFLICT) — a review never ends REJECTED with its alias created, or confirmed twice.
 */
export async function confirmProductMatch(
  ctx: Context,
  globalId: string,
  version: number,
  productGlobalId: string,
) {
  mayDecide(ctx.actor);
  const id = reviewId(globalId);
  const productId = idOf(productGlobalId, "Product", "productId");
  return inTransaction(ctx, async (tx) => {
    const before = await tx.productMatch.findUnique({ where: { id } });
    expectVersion(before, version, REVIEW_ENTITY, id);
    if (before.status === "CONFIRMED")
      throw new ConflictError("id", `"${before.title}" is already confirmed; it is an alias now.`);
    if (!(await tx.product.findUnique({ where: { id: productId }, select: { id: true } })))
      throw new NotFoundError("productId", `no product has ID ${productGlobalId}.`);
    return writeVersioned(
      tx,
      ctx.actor,
      { type: REVIEW_ENTITY, id, action: "UPDATE", before },
      async () => {
        const written = await tx.productMatch.updateMany({
          where: { id, version },
          data: {
            status: "CONFIRMED",
            confirmedProductId: productId,
            rejectedProductIds: before.rejectedProductIds.filter((p) => p !== productId),
            decidedBy: ctx.actor.email,
            decidedAt: new Date(),
            version: { increment: 1 },
          },
        });
        // Only the writer that won the review creates the alias (a failed check rolls the write back).
        if (written.count === 1) await createAlias(tx, ctx.actor, before, productId);
        return written;
      },
      () => tx.productMatch.findUnique({ where: { id } }),
    );
  });
}

/** Makes a reviewed title an alias of `productId` (refused when it is already another product's). */
async function createAlias(tx: Tx, actor: Actor, review: ProductMatch, productId: string): Promise<void> {
  const alias = await tx.productAlias.findUnique({ where: { normalised: review.normalised } });
  if (alias && alias.productId !== productId)
    throw new ConflictError("productId", `"${review.title}" is already an alias of another product.`);
  if (alias) return;
  const created = await tx.productAlias.create({
    data: { id: randomUUID(), productId, alias: review.title, normalised: review.normalised },
  });
  await recordAudit(tx, actor, {
    action: "CREATE",
    entityType: "ProductAlias",
    entityId: created.id,
    organisationId: null,
    after: created,
  });
}

/**
 * Rejects a queued title's proposed product: it is never proposed for this title again. Versioned like
 * confirmProductMatch: CONFLICT when the review changed since the caller read `version`.
 */
export async function rejectProductMatch(ctx: Context, globalId: string, version: number) {
  mayDecide(ctx.actor);
  const id = reviewId(globalId);
  return inTransaction(ctx, async (tx) => {
    const before = await tx.productMatch.findUnique({ where: { id } });
    expectVersion(before, version, REVIEW_ENTITY, id);
    if (before.status === "CONFIRMED")
      throw new ConflictError(
        "id",
        `"${before.title}" is confirmed (it is an alias); it cannot be rejected now.`,
      );
    const rejected = new Set(before.rejectedProductIds);
    if (before.proposedProductId) rejected.add(before.proposedProductId);
    return writeVersioned(
      tx,
      ctx.actor,
      { type: REVIEW_ENTITY, id, action: "UPDATE", before },
      () =>
        tx.productMatch.updateMany({
          where: { id, version },
          data: {
            status: "REJECTED",
            rejectedProductIds: [...rejected],
            decidedBy: ctx.actor.email,
            decidedAt: new Date(),
            version: { increment: 1 },
          },
        }),
      () => tx.productMatch.findUnique({ where: { id } }),
    );
  });
}
