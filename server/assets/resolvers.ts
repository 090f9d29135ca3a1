// Asset queries, mutations and fields; rules in service.ts, batching in loaders.ts.
import type { Resolvers } from "../../generated/graphql.ts";
import { toGlobalId, parseGlobalId } from "../shared/ids.ts";
import { createAsset, listAssets, retireAsset, updateAsset } from "./service.ts";

/** Resolvers for the assets domain. */
export const assetResolvers: Resolvers = {
  Query: {
    assets: (_p, { filter, orderBy, first, after }, ctx) =>
      listAssets(ctx, filter, orderBy, { first, after }),
    asset: (_p, { id }, ctx) => {
      const parsed = parseGlobalId(id, "id");
      return parsed.type === "Asset" ? ctx.loaders.asset.load(parsed.id) : null;
    },
  },
  Mutation: {
    createAsset: (_p, { input }, ctx) => createAsset(ctx, input),
    updateAsset: (_p, { id, version, patch }, ctx) => updateAsset(ctx, id, version, patch),
    retireAsset: (_p, { id, version }, ctx) => retireAsset(ctx, id, version),
  },
  Asset: {
    id: (a) => toGlobalId("Asset", a.id),
    organisation: async (a, _x, ctx) => (await ctx.loaders.organisation.load(a.organisationId))!,
    site: (a, _x, ctx) => (a.siteId ? ctx.loaders.site.load(a.siteId) : null),
    product: (a, _x, ctx) => (a.productId ? ctx.loaders.product.load(a.productId) : null),
    annualRunCost: (a) => a.annualRunCostPence,
    bookValue: (a) => a.bookValuePence,
    dependsOn: (a, _x, ctx) => ctx.loaders.dependsOn.load(a.id),
    dependencyOf: (a, _x, ctx) => ctx.loaders.dependencyOf.load(a.id),
    licences: (a, _x, ctx) =>
      a.productId ? ctx.loaders.licencesByOrganisationProduct.load(`${a.organisationId}|${a.productId}`) : [],
  },
};
