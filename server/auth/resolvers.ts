// Users, roles and tokens through GraphQL; sign-in itself is at POST /auth/sign-in (it sets a cookie).
import type { Resolvers } from "../../generated/graphql.ts";
import { idOf, toGlobalId } from "../shared/ids.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "./tokens.ts";
import { changePassword, resetUserPassword, setUserActive } from "./accounts.ts";
import { createUser, findMe, grantRole, listUsers, revokeRole } from "./users.ts";

/** Resolvers for identity and roles. */
export const authResolvers: Resolvers = {
  Query: {
    me: (_p, _a, ctx) => findMe(ctx.prisma, ctx.actor),
    users: (_p, { orderBy }, ctx) => listUsers(ctx.prisma, ctx.actor, orderBy ?? "EMAIL_ASC"),
    apiTokens: (_p, _a, ctx) => listApiTokens(ctx.prisma, ctx.actor),
  },
  Mutation: {
    changePassword: (_p, { currentPassword, newPassword }, ctx) =>
      changePassword(ctx.prisma, ctx.actor, currentPassword, newPassword),
    createApiToken: async (_p, { name, expiresInDays }, ctx) => {
      const { secret, token } = await createApiToken(ctx.prisma, ctx.actor, name, expiresInDays ?? 90);
      return { token: secret, apiToken: token };
    },
    revokeApiToken: (_p, { id }, ctx) => revokeApiToken(ctx.prisma, ctx.actor, idOf(id, "ApiToken", "id")),
    createUser: async (_p, { email, displayName, organisation }, ctx) => {
      const { user, password } = await createUser(ctx.prisma, ctx.actor, email, displayName, organisation);
      return { user, oneTimePassword: password };
    },
    grantRole: (_p, { user, organisation, role }, ctx) =>
      grantRole(ctx.prisma, ctx.actor, idOf(user, "User", "user"), organisation, role),
    revokeRole: (_p, { user, organisation, role }, ctx) =>
      revokeRole(ctx.prisma, ctx.actor, idOf(user, "User", "user"), organisation, role),
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
  },
  User: {
    id: (u) => toGlobalId("User", u.id),
    organisation: async (u, _a, ctx) => (await ctx.loaders.organisation.load(u.organisationId))!,
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
