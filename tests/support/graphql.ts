// Calls the GraphQL API in process, through the hono app exactly as HTTP clients do.
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { createApp } from "../../server/app.ts";

/** A GraphQL response. */
export interface GqlResult<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string } }[];
}

/** A client bound to one app. */
export function graphqlClient(prisma: PrismaClient) {
  const { app } = createApp({ prisma, graphiql: false });
  return async function gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
    const res = await app.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult<T>;
  };
}
