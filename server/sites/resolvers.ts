// Site queries, mutations and fields.
import type { Resolvers } from "../../generated/graphql.ts";
import { toGlobalId, parseGlobalId } from "../shared/ids.ts";
import { connectionFromSorted } from "../shared/pagination.ts";
import { createSite, listSites, retireSite, updateSite } from "./service.ts";

/** Resolvers for the sites domain. */
export const siteResolvers: Resolvers = {
  Query: {
    sites: (_p, { filter, orderBy, first, after }, ctx) => listSites(ctx, filter, { first, after }, orderBy),
    site: (_p, { id }, ctx) => {
      const parsed = parseGlobalId(id, "id");
      return parsed.type === "Site" ? ctx.loaders.site.load(parsed.id) : null;
    },
  },
  Mutation: {
    createSite: (_p, { input }, ctx) => createSite(ctx, input),
    updateSite: (_p, { id, version, patch }, ctx) => updateSite(ctx, id, version, patch),
    retireSite: (_p, { id, version }, ctx) => retireSite(ctx, id, version),
  },
  Site: {
    id: (s) => toGlobalId("Site", s.id),
    organisation: async (s, _x, ctx) => (await ctx.loaders.organisation.load(s.organisationId))!,
    annualCost: (s) => s.annualCostPence,
    assets: async (s, { first, after }, ctx) =>
      connectionFromSorted(
        await ctx.loaders.assetsBySite.load(s.id),
        { first, after },
        { column: "nameKey", direction: "asc" },
      ),
  },
};
