// The software catalogue: vendors, products and capabilities, read with filters.
import { containsText } from "../shared/like.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { ProductFilter } from "../../generated/graphql.ts";
import type { Context } from "../shared/context.ts";
import { searchWords, wordSearch } from "../shared/word-search.ts";

/**
 * A product filter: the product does a job that is one of `codes` or lies below one of them (a job, a
 * capability or a domain of the taxonomy).
 */
export function doesJobWithin(codes: readonly string[]): Prisma.ProductJobListRelationFilter {
  const upper = codes.map((c) => c.trim().toUpperCase());
  return {
    some: {
      capability: {
        OR: [
          { code: { in: upper } },
          { parent: { code: { in: upper } } },
          { parent: { parent: { code: { in: upper } } } },
        ],
      },
    },
  };
}

/**
 * Products matching a filter, by vendor then name. `search` matches word by word what people read — the
 * vendor, name and edition — or a raw alias (see server/shared/word-search.ts).
 */
export function listProducts(ctx: Context, filter: ProductFilter | null | undefined) {
  const where: Prisma.ProductWhereInput = {};
  if (filter?.capability?.length) where.jobs = doesJobWithin(filter.capability);
  if (filter?.vendor?.trim()) where.vendor = { name: containsText(filter.vendor.trim()) };
  const words = searchWords(filter?.search);
  if (words.length) {
    where.OR = [
      {
        AND: wordSearch<Prisma.ProductWhereInput>(words, [
          (f) => ({ vendor: { name: f } }),
          (f) => ({ name: f }),
          (f) => ({ edition: f }),
        ]),
      },
      { AND: wordSearch<Prisma.ProductWhereInput>(words, [(f) => ({ aliases: { some: { alias: f } } })]) },
    ];
  }
  return ctx.prisma.product.findMany({
    where,
    orderBy: [{ vendor: { name: "asc" } }, { name: "asc" }, { edition: "asc" }],
  });
}

/** Vendors, optionally by name substring. */
export function listVendors(ctx: Context, search: string | null | undefined) {
  const q = search?.trim();
  return ctx.prisma.vendor.findMany({
    where: q ? { name: containsText(q) } : {},
    orderBy: { name: "asc" },
  });
}

/** Every capability, by code. */
export function listCapabilities(ctx: Context) {
  return ctx.prisma.capability.findMany({ orderBy: { code: "asc" } });
}
