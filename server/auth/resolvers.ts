// Users, roles and tokens through GraphQL; sign-in itself is at POST /auth/sign-in (it sets a cookie).
import type { Resolvers } from "../../generated/graphql.ts";
import { canAnywhere } from "../shared/authz.ts";
import { ForbiddenError } from "../shared/errors.ts";
import { idOf, toGlobalId } from "../shared/ids.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "./tokens.ts";
import {
  changePassword,
  createUser,
  grantRole,
  resetUserPassword,
  revokeRole,
  setUserActive,
} from "./users.ts";

/** Resolvers for identity and roles. */
export const authResolvers: Resolvers = {
  Query: {
    me: (_p, _a, ctx) =>
      ctx.actor.via === "system" ? null : ctx.prisma.user.findUnique({ where: { id: ctx.actor.id } }),
    users: (_p, _a, ctx) => {
      if (!canAnywhere(ctx.actor, "administer"))
        throw new ForbiddenError("listing users needs the ADMIN role in an organisation.");
      return ctx.prisma.user.findMany({ orderBy: { email: "asc" } });
    },
    apiTokens: (_p, _a, ctx) => listApiTokens(ctx.prisma, ctx.actor),
  },
  Mutation: {
    changePassword: async (_p, { currentPassword, newPassword }, ctx) => {
      await changePassword(ctx.prisma, ctx.actor, currentPassword, newPassword);
      return ctx.prisma.user.findUniqueOrThrow({ where: { id: ctx.actor.id } });
    },
    createApiToken: async (_p, { name, expiresInDays }, ctx) => {
      const { secret, token } = await createApiToken(ctx.prisma, ctx.actor, name, expiresInDays ?? 90);
      return { token: secret, apiToken: token };
    },
    revokeApiToken: (_p, { id }, ctx) => revokeApiToken(ctx.prisma, ctx.actor, idOf(id, "ApiToken", "id")),
    createUser: async (_p, { email, displayName }, ctx) => {
      const { user, password } = await createUser(ctx.prisma, ctx.actor, email, displayName);
      return { user, oneTimePassword: password };
    },
    grantRole: async (_p, { user, organisation, role }, ctx) => {
      const userId = idOf(user, "User", "user");
      await grantRole(ctx.prisma, ctx.actor, userId, organisation, role);
      return ctx.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    },
    resetUserPassword: async (_p, { user }, ctx) => {
      const { user: row, password } = await resetUserPassword(
        ctx.prisma,
        ctx.actor,
        idOf(user, "User", "user"),
      );
      return { user: row, oneTimePassword: password };
    },
    setUserActive: (_p, { user, active }, ctx) =>
      setUserActive(ctx.prisma, ctx.actor, idOf(user, "User", "user"), active),
    revokeRole: async (_p, { user, organisation, role }, ctx) => {
      const userId = idOf(user, "User", "user");
      await revokeRole(ctx.prisma, ctx.actor, userId, organisation, role);
      return ctx.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    },
  },
  User: {
    id: (u) => toGlobalId("User", u.id),
    roles: async (u, _a, ctx) => {
      const grants = await ctx.loaders.rolesByUser.load(u.id);
      return Promise.all(
        grants.map(async (g) => ({
          role: g.role,
          organisation: (await ctx.loaders.organisation.load(g.organisationId))!,
        })),
      );
    },
  },
  ApiToken: {
    id: (t) => toGlobalId("ApiToken", t.id),
    owner: async (t, _a, ctx) => (await ctx.loaders.user.load(t.userId))!,
  },
};
