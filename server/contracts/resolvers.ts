// Contract queries, mutations and fields.
import type { Resolvers } from "../../generated/graphql.ts";
import { toGlobalId, parseGlobalId } from "../shared/ids.ts";
import { commercialVisible } from "../shared/authz.ts";
import { createContract, listContracts, noticeDeadline, retireContract, updateContract } from "./service.ts";

/** Resolvers for the contracts domain. */
export const contractResolvers: Resolvers = {
  Query: {
    contracts: (_p, { filter, orderBy, first, after }, ctx) =>
      listContracts(ctx, filter, { first, after }, orderBy),
    contract: (_p, { id }, ctx) => {
      const parsed = parseGlobalId(id, "id");
      return parsed.type === "Contract" ? ctx.loaders.contract.load(parsed.id) : null;
    },
  },
  Mutation: {
    createContract: (_p, { input }, ctx) => createContract(ctx, input),
    updateContract: (_p, { id, version, patch }, ctx) => updateContract(ctx, id, version, patch),
    retireContract: (_p, { id, version }, ctx) => retireContract(ctx, id, version),
  },
  Contract: {
    id: (c) => toGlobalId("Contract", c.id),
    organisation: async (c, _x, ctx) => (await ctx.loaders.organisation.load(c.organisationId))!,
    noticeDeadline: (c) => noticeDeadline(c.endDate, c.noticePeriodDays),
    valuesVisible: (c, _x, ctx) => commercialVisible(ctx.actor, c.organisationId),
    value: (c, _x, ctx) => (commercialVisible(ctx.actor, c.organisationId) ? c.valuePence : null),
    annualValue: (c, _x, ctx) => (commercialVisible(ctx.actor, c.organisationId) ? c.annualValuePence : null),
    licences: (c, _x, ctx) => ctx.loaders.licencesByContract.load(c.id),
  },
};
