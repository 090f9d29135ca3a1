// Limits every GraphQL operation must fit, checked before execution: depth, aliases, tokens and
// directives (graphql-armor) and cost (graphql-cost.ts); then, per caller, mutations per minute and how
// many expensive operations run at once. Every refusal is a GraphQL error naming the limit.
import { EnvelopArmor } from "@escape.tech/graphql-armor";
import type { GraphQLError, ValidationContext } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { Context } from "./shared/context.ts";
import { isRefusal } from "./shared/concurrency.ts";
import { inOwnLane } from "./db/pglite-yielding.ts";
import type { RateLimiters } from "./shared/rate-limits.ts";
import { executedRootFields, operationCost, type OperationCost } from "./graphql-cost.ts";

/** The query limits in force (documented in the README). */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxAliases: 20,
  maxTokens: 4000,
  /** Most an operation may cost (graphql-cost.ts): pages of 500 rows with their relations fit easily. */
  maxCost: 25000,
  maxDirectives: 20,
  /** Operations costing this much or more are expensive: per-user and per-instance concurrency limits. */
  expensiveCost: 1000,
};

const n = (x: number) => Math.round(x).toLocaleString("en-GB");

/** A refusal before execution: HTTP 400, code QUERY_TOO_COMPLEX, the limit named in `limit`. */
function tooComplex(message: string, limit: string, extra: Record<string, unknown> = {}): GraphQLError {
  return createGraphQLError(message, {
    extensions: { code: "QUERY_TOO_COMPLEX", limit, ...extra, http: { status: 400 } },
  });
}

/** graphql-armor's message ("Syntax Error: Query depth limit of 12 exceeded, found 13.") as ours. */
function armorRefusal(limit: string, what: string, advice: string) {
  return (err: GraphQLError) => {
    const m = /of (\d+) exceeded(?:, found (\d+))?/.exec(err.message);
    const [max, found] = [m?.[1], m?.[2]];
    const message = max
      ? `${what} limit of ${max} exceeded${found ? ` (found ${found})` : ""}: ${advice}`
      : `${err.message.replace(/^Syntax Error: /, "")} ${advice}`;
    return tooComplex(message, limit, found ? { found: Number(found), max: Number(max) } : {});
  };
}

/** Reports an armor rejection as a validation error of ours (the validation rules run in a context). */
function report(toError: (err: GraphQLError) => GraphQLError) {
  return [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(toError(err))];
}

/** graphql-armor's plugins with our limits, and the cost limit. Field suggestions stay on: the schema is public. */
export function armorPlugins(): Plugin[] {
  const armor = new EnvelopArmor({
    maxDepth: {
      n: QUERY_LIMITS.maxDepth,
      ignoreIntrospection: true,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: report(armorRefusal("maxDepth", "query depth", "ask for fewer nested fields.")),
    },
    maxAliases: {
      n: QUERY_LIMITS.maxAliases,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: report(armorRefusal("maxAliases", "aliases", "send fewer aliased fields per request.")),
    },
    maxTokens: {
      n: QUERY_LIMITS.maxTokens,
      exposeLimits: true,
      // The token count runs in the parser, outside any validation context: throw our error instead.
      onReject: [
        (_ctx, err) => {
          throw armorRefusal("maxTokens", "token", "send a shorter query.")(err);
        },
      ],
    },
    costLimit: { enabled: false }, // priced from the schema instead: queryCostLimit
    maxDirectives: {
      n: QUERY_LIMITS.maxDirectives,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: report(armorRefusal("maxDirectives", "directives", "use fewer directives.")),
    },
    blockFieldSuggestion: { enabled: false },
  });
  return [...(armor.protect().plugins as Plugin[]), queryCostLimit];
}

/** The cost of each executing operation, for the concurrency limit after it. */
const costs = new WeakMap<object, OperationCost>();

/** The message of a refusal for cost: the limit, the cost, where it comes from and how to reduce it. */
function costMessage(cost: OperationCost): string {
  const top = [...cost.rootFields].sort((a, b) => b.cost - a.cost).slice(0, 3);
  const parts = top.map((f) => `${f.key === f.field ? f.field : `${f.key}: ${f.field}`} ${n(f.cost)}`);
  const more = cost.rootFields.length > top.length ? `, and ${cost.rootFields.length - top.length} more` : "";
  return (
    `query cost limit of ${n(QUERY_LIMITS.maxCost)} exceeded: this operation costs ${n(cost.cost)} ` +
    `(${parts.join(", ")}${more}). Each object in an answer costs 1, lists multiply it (a page by its ` +
    "`first`), and analytic fields add the work they do; ask for smaller pages, fewer nested lists, " +
    "or fewer analytic fields per request."
  );
}

/** Refuses an operation costing more than QUERY_LIMITS.maxCost before it executes (HTTP 400). */
export const queryCostLimit: Plugin = {
  onExecute({ args, setResultAndStopExecution }) {
    const cost = operationCost(args.schema, args.document, args.operationName, args.variableValues);
    if (!cost) return;
    costs.set(args.contextValue as object, cost);
    if (cost.cost <= QUERY_LIMITS.maxCost) return;
    setResultAndStopExecution({
      errors: [
        tooComplex(costMessage(cost), "maxCost", {
          cost: Math.round(cost.cost),
          maxCost: QUERY_LIMITS.maxCost,
        }),
      ],
    });
  },
};

/** A 429 RATE_LIMITED answer with Retry-After. */
function rateLimited(message: string, wait: number) {
  return {
    errors: [
      createGraphQLError(message, {
        extensions: {
          code: "RATE_LIMITED",
          retryAfterSeconds: wait,
          http: { status: 429, headers: { "retry-after": String(wait) } },
        },
      }),
    ],
  };
}

/**
 * Lets an expensive operation (cost ≥ QUERY_LIMITS.expensiveCost) run only with a turn from the
 * instance's gate (server/shared/concurrency.ts): at most LIMITS.expensivePerUser running per user, and
 * running operations costing LIMITS.expensiveCostInFlight in all; others wait their turn up to
 * LIMITS.expensiveWaitSeconds, and a user with LIMITS.expensiveWaitingPerUser already waiting is
 * refused at once (429, Retry-After).
 */
export function expensiveOperationLimit(limiters: RateLimiters): Plugin<Context> {
  return {
    async onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const cost = costs.get(args.contextValue);
      if (!cost || cost.cost < QUERY_LIMITS.expensiveCost) return;
      const actor = args.contextValue.actor;
      const entry = await limiters.expensive.enter(actor.via === "system" ? null : actor.id, cost.cost);
      if (isRefusal(entry)) {
        const { perUser, waitingPerUser } = limiters.expensive.limits;
        const what = `expensive operations (costing ${n(QUERY_LIMITS.expensiveCost)} or more)`;
        const message =
          entry.reason === "USER_BUSY"
            ? `you already have ${perUser} ${what} running and ${waitingPerUser} waiting; wait for them to finish and try again in ${entry.retryAfterSeconds} s.`
            : `the server is busy with ${what}; try again in ${entry.retryAfterSeconds} s.`;
        setResultAndStopExecution(rateLimited(message, entry.retryAfterSeconds));
        return;
      }
      // Released when execution ends, or when a later plugin stops it (then onExecuteDone still runs).
      // Its statements to embedded PGlite take turns with everyone else's (server/db/pglite-yielding.ts).
      setExecuteFn(async (executionArgs) => {
        try {
          return await inOwnLane(() => executeFn(executionArgs));
        } finally {
          entry();
        }
      });
      return { onExecuteDone: () => entry() };
    },
  };
}

/**
 * Refuses mutations beyond the caller's per-minute allowance with RATE_LIMITED (HTTP 429). Every
 * mutation field counts — each alias, each field a fragment brings — and a request's fields are
 * taken all at once or not at all: a refused request runs none of them.
 */
export function mutationRateLimit(limiters: RateLimiters): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const executed = executedRootFields(
        args.schema,
        args.document,
        args.operationName,
        args.variableValues,
      );
      if (executed?.operation !== "mutation") return;
      const count = executed.fields.length;
      const wait = limiters.mutations.take(args.contextValue.actor.id, count);
      if (wait === null) return;
      const allowance = limiters.mutations.points;
      const message =
        count > allowance
          ? `this request makes ${count} changes, more than the ${allowance} allowed per minute; send them in smaller requests.`
          : `too many changes in a short time (${allowance} per minute; this request makes ${count}); try again in ${wait} s.`;
      setResultAndStopExecution(rateLimited(message, wait));
    },
  };
}
