// Organisation queries and fields; the rules live in service.ts.
import type { Resolvers } from "../../generated/graphql.ts";
import { administers } from "../auth/account-control.ts";
import { commercialVisible } from "../shared/authz.ts";
import { toGlobalId } from "../shared/ids.ts";
import { findOrganisationByCode } from "./service.ts";

/** Resolvers for the organisations domain. */
export const organisationResolvers: Resolvers = {
  Query: {
    organisations: (_p, _a, ctx) => ctx.prisma.organisation.findMany({ orderBy: { code: "asc" } }),
    organisation: (_p, { code }, ctx) => findOrganisationByCode(ctx.prisma, code),
  },
  Organisation: {
    id: (o) => toGlobalId("Organisation", o.id),
    annualIctBudget: (o) => o.annualIctBudgetPence,
    staffFte: (o) => Number(o.staffFte),
    youAdministerItsAccounts: (o, _a, ctx) => administers(ctx.actor, o.id, () => ctx.loaders.governsItself.load(o.id)),
    summary: async (o, _a, ctx) => {
      const s = await ctx.loaders.organisationSummary.load(o.id);
      const valuesVisible = commercialVisible(ctx.actor, o.id);
      return {
        ...s,
        assetsByKind: s.assetsByKind as never,
        annualRunCost: s.annualRunCostPence,
        siteAnnualCost: s.siteAnnualCostPence,
        licenceSpend: valuesVisible ? s.licenceSpendPence : null,
        valuesVisible,
      };
    },
  },
};
