// Type-level test, checked by `npm run typecheck` (tsc over tests/): the generated `Resolvers` type has no
// index signature (codegen.ts), so a resolver map naming a type or field the schema lacks does not compile.
// Each `@ts-expect-error` fails the type-check if the line below it ever compiles again.
import type { AssetResolvers, QueryResolvers, Resolvers } from "../../generated/graphql.ts";

/** A misspelt type name. */
export const misspeltType: Resolvers = {
  // @ts-expect-error "Asets" is not a type of the schema.
  Asets: {},
};

/** A misspelt field of an object type. */
export const misspeltField: Resolvers = {
  Asset: {
    // @ts-expect-error Asset has `annualRunCost`, not `anualRunCost`.
    anualRunCost: () => 0n,
  },
};

/** A misspelt root field, in a map typed by its type's resolvers. */
export const misspeltQuery: QueryResolvers = {
  // @ts-expect-error Query has `assets`, not `asset_list`.
  asset_list: () => [],
};

/** The correct names compile: the test above is not failing for some other reason. */
export const correct: Resolvers = {
  Asset: { annualRunCost: (a) => a.annualRunCostPence } satisfies AssetResolvers,
  Query: { node: () => null },
};
