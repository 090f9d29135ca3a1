// Organisation queries and fields; the rules live in service.ts.
import { likeLiteral } from "../shared/like.ts";
import type { Resolvers } from "../../generated/graphql.ts";
import { toGlobalId } from "../shared/ids.ts";

/** Resolvers for the organisations domain. */
export const organisationResolvers: Resolvers = {
  Query: {
    organisations: (_p, _a, ctx) => ctx.prisma.organisation.findMany({ orderBy: { code: "asc" } }),
    organisation: (_p, { code }, ctx) =>
      ctx.prisma.organisation.findFirst({
        where: { code: { equals: likeLiteral(code.trim()), mode: "insensitive" } },
      }),
  },
  Organisation: {
    id: (o) => toGlobalId("Organisation", o.id),
    annualIctBudget: (o) => o.annualIctBudgetPence,
    staffFte: (o) => Number(o.staffFte),
    summary: async (o, _a, ctx) => {
      const s = await ctx.loaders.organisationSummary.load(o.id);
      return {
        ...s,
        assetsByKind: s.assetsByKind as never,
        annualRunCost: s.annualRunCostPence,
        siteAnnualCost: s.siteAnnualCostPence,
        licenceSpend: s.licenceSpendPence,
      };
    },
  },
};
