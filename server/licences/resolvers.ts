// Licence queries, mutations and fields.
import type { Resolvers } from "../../generated/graphql.ts";
import { commercialVisible } from "../shared/authz.ts";
import { toGlobalId, parseGlobalId } from "../shared/ids.ts";
import { createLicence, listLicences, retireLicence, updateLicence } from "./service.ts";

/** Resolvers for the licences domain. */
export const licenceResolvers: Resolvers = {
  Query: {
    licences: (_p, { filter, orderBy, first, after }, ctx) =>
      listLicences(ctx, filter, { first, after }, orderBy),
    licence: (_p, { id }, ctx) => {
      const parsed = parseGlobalId(id, "id");
      return parsed.type === "Licence" ? ctx.loaders.licence.load(parsed.id) : null;
    },
  },
  Mutation: {
    createLicence: (_p, { input }, ctx) => createLicence(ctx, input),
    updateLicence: (_p, { id, version, patch }, ctx) => updateLicence(ctx, id, version, patch),
    retireLicence: (_p, { id, version }, ctx) => retireLicence(ctx, id, version),
  },
  Licence: {
    id: (l) => toGlobalId("Licence", l.id),
    organisation: async (l, _x, ctx) => (await ctx.loaders.organisation.load(l.organisationId))!,
    product: async (l, _x, ctx) => (await ctx.loaders.product.load(l.productId))!,
    contract: (l, _x, ctx) => (l.contractId ? ctx.loaders.contract.load(l.contractId) : null),
    shelfware: (l) => Math.max(0, l.quantityOwned - l.quantityUsed),
    shortfall: (l) => Math.max(0, l.quantityUsed - l.quantityOwned),
    valuesVisible: (l, _x, ctx) => commercialVisible(ctx.actor, l.organisationId),
    unitCost: (l, _x, ctx) => (commercialVisible(ctx.actor, l.organisationId) ? l.unitCostPence : null),
    annualCost: (l, _x, ctx) => (commercialVisible(ctx.actor, l.organisationId) ? l.annualCostPence : null),
  },
};
