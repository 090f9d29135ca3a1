// Dependency mutations and fields.
import type { Resolvers } from "../../generated/graphql.ts";
import { toGlobalId } from "../shared/ids.ts";
import { createDependency, removeDependency, updateDependency } from "./service.ts";

/** Resolvers for the dependencies domain. */
export const dependencyResolvers: Resolvers = {
  Mutation: {
    createDependency: (_p, { input }, ctx) => createDependency(ctx, input),
    updateDependency: (_p, { id, version, patch }, ctx) => updateDependency(ctx, id, version, patch),
    removeDependency: (_p, { id, version }, ctx) => removeDependency(ctx, id, version),
  },
  Dependency: {
    id: (d) => toGlobalId("Dependency", d.id),
    source: async (d, _x, ctx) => (await ctx.loaders.asset.load(d.sourceId))!,
    target: async (d, _x, ctx) => (await ctx.loaders.asset.load(d.targetId))!,
  },
};
