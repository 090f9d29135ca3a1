// Procurement queries, mutations and fields; the rules live in the service modules.
import type { ProductMatch } from "../../generated/prisma/client.ts";
import type { Resolvers } from "../../generated/graphql.ts";
import type { Context } from "../shared/context.ts";
import { toGlobalId } from "../shared/ids.ts";
import { contractCapability } from "./capability.ts";
import { procurementLoaders } from "./loaders.ts";
import { runOcdsImport } from "./ocds-import.ts";
import { licencePosition, licencePositions } from "./position-service.ts";
import {
  confirmProductMatch,
  matchProductTitle,
  productMatchesToReview,
  rejectProductMatch,
  submitProductTitles,
  type TitleMatch,
} from "./product-matches.ts";
import { renewals } from "./renewals.ts";
import { consolidationSavings } from "./savings-service.ts";
import { getOverlap, listOverlapTotals, listOverlaps } from "./service.ts";

const product = (ctx: Context, id: string | null) => (id ? ctx.loaders.product.load(id) : null);

/** A review row as the API shows it, its products loaded through the request's loaders. */
async function reviewView(ctx: Context, row: ProductMatch) {
  const [proposedProduct, confirmedProduct, rejected] = await Promise.all([
    product(ctx, row.proposedProductId),
    product(ctx, row.confirmedProductId),
    Promise.all(row.rejectedProductIds.map((id) => ctx.loaders.product.load(id))),
  ]);
  return {
    id: toGlobalId("ProductMatch" as never, row.id),
    title: row.title,
    method: row.method as "FUZZY" | "NONE",
    score: row.score,
    status: row.status,
    source: row.source,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    version: row.version,
    createdAt: row.createdAt,
    proposedProduct,
    confirmedProduct,
    rejectedProducts: rejected.filter((p) => p !== null),
  };
}

async function titleView(ctx: Context, m: TitleMatch) {
  return {
    title: m.title,
    product: await product(ctx, m.productId),
    method: m.method,
    score: m.score,
    needsReview: m.needsReview,
    version: m.version,
    review: m.review ? await reviewView(ctx, m.review) : null,
  };
}

/** Resolvers for the procurement domain. */
export const procurementResolvers: Resolvers = {
  Query: {
    licenceOverlaps: (_p, args, ctx) => listOverlaps(ctx, args),
    licenceOverlapTotals: (_p, args, ctx) => listOverlapTotals(ctx, args),
    licenceOverlap: (_p, { id, organisations, asOf }, ctx) => getOverlap(ctx, id, organisations, asOf),
    licencePosition: (_p, { organisation, product: p }, ctx) => licencePosition(ctx, organisation, p),
    licencePositions: (_p, { organisations, capability, imbalance, orderBy }, ctx) =>
      licencePositions(ctx, organisations, capability, imbalance ?? "ANY", orderBy ?? "COST_DESC"),
    renewals: (_p, { from, to, organisation }, ctx) => renewals(ctx, from, to, organisation),
    consolidationSavings: (_p, args, ctx) => consolidationSavings(ctx, args),
    matchProductTitle: async (_p, { title }, ctx) => titleView(ctx, await matchProductTitle(ctx, title)),
    productMatchesToReview: async (_p, { status }, ctx) =>
      Promise.all((await productMatchesToReview(ctx, status)).map((r) => reviewView(ctx, r))),
  },
  Mutation: {
    importOcds: (_p, { json, organisation, dryRun }, ctx) =>
      runOcdsImport(ctx.prisma, ctx.actor, json, { organisation, dryRun }),
    submitProductTitles: async (_p, { titles, source }, ctx) =>
      Promise.all((await submitProductTitles(ctx, titles, source)).map((m) => titleView(ctx, m))),
    confirmProductMatch: async (_p, { id, version, productId }, ctx) =>
      reviewView(ctx, await confirmProductMatch(ctx, id, version, productId)),
    rejectProductMatch: async (_p, { id, version }, ctx) =>
      reviewView(ctx, await rejectProductMatch(ctx, id, version)),
  },
  Contract: {
    capability: (c) => {
      const m = contractCapability(c);
      return { code: m.capabilityCode, method: m.method, evidence: m.evidence };
    },
  },
  ContractCapability: {
    capability: (c, _a, ctx) => (c.code ? procurementLoaders(ctx).capabilityByCode.load(c.code) : null),
  },
};
