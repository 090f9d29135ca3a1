// Limits every GraphQL operation must fit, checked before execution: depth, aliases, tokens, cost and
// directives (graphql-armor), plus mutations per caller per minute.
import { EnvelopArmor } from "@escape.tech/graphql-armor";
import type { DefinitionNode } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { Context } from "./shared/context.ts";
import { consume, type RateLimiters } from "./shared/rate-limits.ts";

/** The query limits in force (documented in the README). */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxAliases: 20,
  maxTokens: 4000,
  maxCost: 20000,
  maxDirectives: 20,
};

/** graphql-armor's plugins with our limits. Field suggestions stay on: the schema is public documentation. */
export function armorPlugins(): Plugin[] {
  const armor = new EnvelopArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, exposeLimits: true },
    maxAliases: { n: QUERY_LIMITS.maxAliases, exposeLimits: true },
    maxTokens: { n: QUERY_LIMITS.maxTokens, exposeLimits: true },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, exposeLimits: true, ignoreIntrospection: true },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, exposeLimits: true },
    blockFieldSuggestion: { enabled: false },
  });
  return armor.protect().plugins as Plugin[];
}

/** Refuses mutations beyond the caller's per-minute allowance with RATE_LIMITED (HTTP 429). */
export function mutationRateLimit(limiters: RateLimiters): Plugin<Context> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const isMutation = args.document.definitions.some(
        (d: DefinitionNode) => d.kind === "OperationDefinition" && d.operation === "mutation",
      );
      if (!isMutation) return;
      const wait = await consume(limiters.mutations, args.contextValue.actor.id);
      if (wait) {
        setResultAndStopExecution({
          errors: [
            createGraphQLError(`too many changes in a short time; try again in ${wait} s.`, {
              extensions: {
                code: "RATE_LIMITED",
                retryAfterSeconds: wait,
                http: { status: 429, headers: { "retry-after": String(wait) } },
              },
            }),
          ],
        });
      }
    },
  };
}
