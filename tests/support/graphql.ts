// Calls the GraphQL API in process, through the hono app exactly as HTTP clients do.
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { createApp } from "../../server/app.ts";
import { SYSTEM_ACTOR, type Actor } from "../../server/shared/actor.ts";

/** A GraphQL response. */
export interface GqlResult<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string } }[];
}

/**
 * A client bound to one app, calling as `actor` (default: the system, which may do everything).
 * Tests of sign-in, tokens and roles use real credentials instead (tests/auth).
 */
export function graphqlClient(prisma: PrismaClient, actor: Actor = SYSTEM_ACTOR) {
  const { app } = createApp({ prisma, graphiql: false, actorOverride: () => actor });
  return async function gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
    const res = await app.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult<T>;
  };
}
