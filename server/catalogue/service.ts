// The software catalogue: vendors, products and capabilities, read with filters.
import { containsText } from "../shared/like.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { ProductFilter } from "../../generated/graphql.ts";
import type { Context } from "../shared/context.ts";

/** Products matching a filter, by vendor then name. */
export function listProducts(ctx: Context, filter: ProductFilter | null | undefined) {
  const where: Prisma.ProductWhereInput = {};
  if (filter?.capability?.length)
    where.capability = { code: { in: filter.capability.map((c) => c.toUpperCase()) } };
  if (filter?.vendor?.trim()) where.vendor = { name: containsText(filter.vendor.trim()) };
  const search = filter?.search?.trim();
  if (search) {
    where.OR = [{ name: containsText(search) }, { aliases: { some: { alias: containsText(search) } } }];
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
