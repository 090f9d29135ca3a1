// `node(id:)`: any object by its global ID, through the same loaders the fields use.
import type { Resolvers } from "../../generated/graphql.ts";
import type { Context } from "../shared/context.ts";
import { parseGlobalId, type NodeType } from "../shared/ids.ts";
import { authorizeUserRead } from "../auth/users.ts";

const LOADERS: Partial<Record<NodeType, (ctx: Context, id: string) => Promise<object | null>>> = {
  Organisation: (ctx, id) => ctx.loaders.organisation.load(id),
  Site: (ctx, id) => ctx.loaders.site.load(id),
  Asset: (ctx, id) => ctx.loaders.asset.load(id),
  Dependency: (ctx, id) => ctx.prisma.dependency.findUnique({ where: { id } }),
  Vendor: (ctx, id) => ctx.loaders.vendor.load(id),
  Capability: (ctx, id) => ctx.loaders.capability.load(id),
  Product: (ctx, id) => ctx.loaders.product.load(id),
  Licence: (ctx, id) => ctx.loaders.licence.load(id),
  Contract: (ctx, id) => ctx.loaders.contract.load(id),
  // Scenarios and their moves are Nodes too (read as Query.scenario reads them).
  Scenario: (ctx, id) => ctx.loaders.scenario.load(id),
  Move: (ctx, id) => ctx.loaders.move.load(id),
  // Your own account, or anyone's for administrators (FORBIDDEN otherwise, whether or not it exists).
  User: (ctx, id) => {
    authorizeUserRead(ctx.actor, id);
    return ctx.loaders.user.load(id);
  },
};

/** Resolvers for the Node interface. */
export const nodeResolvers: Resolvers = {
  Query: {
    node: async (_p, { id }, ctx) => {
      const parsed = parseGlobalId(id, "id");
      const load = LOADERS[parsed.type];
      const row = load ? await load(ctx, parsed.id) : null;
      return row ? ({ ...row, __typename: parsed.type } as never) : null;
    },
  },
  Node: {
    __resolveType: (obj) => (obj as unknown as { __typename: "Asset" }).__typename,
  },
};
