// Catalogue queries and fields.
import type { Resolvers } from "../../generated/graphql.ts";
import { toGlobalId } from "../shared/ids.ts";
import { listCapabilities, listProducts, listVendors } from "./service.ts";

/** Resolvers for vendors, products and capabilities. */
export const catalogueResolvers: Resolvers = {
  Query: {
    products: (_p, { filter }, ctx) => listProducts(ctx, filter),
    vendors: (_p, { search }, ctx) => listVendors(ctx, search),
    capabilities: (_p, _a, ctx) => listCapabilities(ctx),
  },
  Vendor: {
    id: (v) => toGlobalId("Vendor", v.id),
    products: (v, _a, ctx) => ctx.loaders.productsByVendor.load(v.id),
  },
  Capability: {
    id: (c) => toGlobalId("Capability", c.id),
    products: (c, _a, ctx) => ctx.loaders.productsByCapability.load(c.id),
    parent: (c, _a, ctx) => (c.parentId ? ctx.loaders.capability.load(c.parentId) : null),
    children: (c, _a, ctx) => ctx.loaders.childCapabilities.load(c.id),
  },
  Product: {
    id: (p) => toGlobalId("Product", p.id),
    vendor: async (p, _a, ctx) => (await ctx.loaders.vendor.load(p.vendorId))!,
    capability: (p, _a, ctx) => (p.capabilityId ? ctx.loaders.capability.load(p.capabilityId) : null),
    jobs: (p, _a, ctx) => ctx.loaders.jobsByProduct.load(p.id),
    aliases: (p, _a, ctx) => ctx.loaders.aliasesByProduct.load(p.id),
  },
};
