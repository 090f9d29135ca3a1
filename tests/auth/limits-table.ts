// The README's limits table, written from the constants the server enforces, so that the two cannot
// drift apart (tests/auth/limits-table.test.ts compares them).
import { MAX_AUTH_BODY_BYTES, MAX_BODY_BYTES } from "../../server/app.ts";
import { QUERY_LIMITS } from "../../server/graphql-limits.ts";
import { ANALYTIC_FIELDS } from "../../server/graphql-prices.ts";
import { DEFAULT_LIST_SIZE } from "../../server/graphql-cost.ts";
import { MAX_PAGE_SIZE } from "../../server/shared/pagination.ts";
import { LIMITS } from "../../server/shared/rate-limits.ts";

const n = (x: number) => x.toLocaleString("en-GB");
const bytes = (b: number) => (b % (1024 * 1024) === 0 ? `${b / (1024 * 1024)} MiB` : `${b / 1024} KiB`);

/** The work of the analytic fields, heaviest first: "licenceOverlaps 1,500, …". */
function analyticWork(): string {
  return Object.entries(ANALYTIC_FIELDS)
    .sort(([a, x], [b, y]) => y.work - x.work || (a < b ? -1 : 1))
    .map(([key, price]) => `\`${key.replace(/^(Query|Mutation)\./, "")}\` ${n(price.work)}`)
    .join(", ");
}

/** The limits table as it must appear in the README. */
export function renderLimitsTable(): string {
  const rows: [string, string, string][] = [
    [
      "query depth",
      `${QUERY_LIMITS.maxDepth} (introspection exempt)`,
      "400 `QUERY_TOO_COMPLEX`, `limit: maxDepth`",
    ],
    ["aliases per operation", n(QUERY_LIMITS.maxAliases), "400 `QUERY_TOO_COMPLEX`, `limit: maxAliases`"],
    ["tokens per document", n(QUERY_LIMITS.maxTokens), "400 `QUERY_TOO_COMPLEX`, `limit: maxTokens`"],
    [
      "directives per operation",
      n(QUERY_LIMITS.maxDirectives),
      "400 `QUERY_TOO_COMPLEX`, `limit: maxDirectives`",
    ],
    [
      "query cost",
      `${n(QUERY_LIMITS.maxCost)}, priced from the schema before execution (below)`,
      "400 `QUERY_TOO_COMPLEX`, `limit: maxCost`, the cost and its costliest fields",
    ],
    ["page size (`first`)", n(MAX_PAGE_SIZE), "400 `BAD_INPUT` naming `first`"],
    [
      "request body",
      `${bytes(MAX_BODY_BYTES)} on \`/graphql\` (\`MAX_BODY_BYTES\`), ${bytes(MAX_AUTH_BODY_BYTES)} on \`/auth\``,
      "413 `PAYLOAD_TOO_LARGE` naming the limit",
    ],
    [
      "mutations",
      `${n(LIMITS.mutationsPerMinute)} mutation fields per minute per user or token, per instance; every field counts (aliases, fragments), a request's all at once or none (\`RATE_LIMIT_MUTATIONS_PER_MINUTE\`)`,
      "429 `RATE_LIMITED` with Retry-After; nothing runs",
    ],
    [
      "sign-in attempts",
      `${n(LIMITS.signInsPerMinute)} per minute per client address, per instance (\`RATE_LIMIT_SIGN_INS_PER_MINUTE\`)`,
      "429",
    ],
    [
      "expensive operations (cost ≥ " + n(QUERY_LIMITS.expensiveCost) + ")",
      `at most ${LIMITS.expensivePerUser} running per user (\`EXPENSIVE_OPERATIONS_PER_USER\`) and a total cost of ${n(LIMITS.expensiveCostInFlight)} running per instance (\`EXPENSIVE_COST_IN_FLIGHT\`; one costlier operation runs alone); others wait their turn, first come first served, up to ${LIMITS.expensiveWaitSeconds} s (\`EXPENSIVE_OPERATION_WAIT_SECONDS\`), at most ${LIMITS.expensiveWaitingPerUser} per user (\`EXPENSIVE_OPERATIONS_WAITING_PER_USER\`)`,
      "429 `RATE_LIMITED` with Retry-After when a user has too many waiting, or no turn comes in time",
    ],
  ];
  const pricing = [
    `How a query is priced (\`server/graphql-cost.ts\`, prices in \`server/graphql-prices.ts\`): every object`,
    `in the answer costs 1 (scalars and enums nothing); a list multiplies what it holds by its size — its`,
    `\`first\` (or the argument that bounds it, such as \`graph(limit:)\`), else the size the price list assumes`,
    `for it, else ${DEFAULT_LIST_SIZE}; a connection's \`edges\` and \`pageInfo\` are free wrappers; every alias and`,
    `fragment spread counts. Analytic fields add the work they do, once per call: ${analyticWork()}.`,
    `So a page of ${n(MAX_PAGE_SIZE)} assets with their organisation and site costs ${n(1 + MAX_PAGE_SIZE * 3)}, while`,
    `20 aliased \`licenceOverlaps\` cost over ${n(QUERY_LIMITS.maxCost)} and are refused.`,
  ];
  return [
    `| limit | value | when exceeded |`,
    `|---|---|---|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
    ``,
    ...pricing,
  ].join("\n");
}
