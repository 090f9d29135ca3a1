// Assembles the executable schema: the SDL files in schema/ plus every domain's resolvers.
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createSchema } from "graphql-yoga";
import type { Resolvers } from "../generated/graphql.ts";
import type { Context } from "./shared/context.ts";
import { DateScalar, DateTimeScalar, JSONScalar, MoneyScalar } from "./shared/scalars.ts";
import { organisationResolvers } from "./organisations/resolvers.ts";
import { siteResolvers } from "./sites/resolvers.ts";
import { assetResolvers } from "./assets/resolvers.ts";
import { dependencyResolvers } from "./dependencies/resolvers.ts";
import { catalogueResolvers } from "./catalogue/resolvers.ts";
import { licenceResolvers } from "./licences/resolvers.ts";
import { contractResolvers } from "./contracts/resolvers.ts";
import { auditResolvers } from "./audit/resolvers.ts";
import { nodeResolvers } from "./nodes/resolvers.ts";
import { graphResolvers } from "./graph/resolvers.ts";
import { authResolvers } from "./auth/resolvers.ts";
import { procurementResolvers } from "./procurement/resolvers.ts";
import { planningResolvers } from "./planning/resolvers.ts";

const SCHEMA_DIR = fileURLToPath(new URL("../schema/", import.meta.url));

/** The SDL of every domain, in file-name order. */
export function loadTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((f) => readFileSync(SCHEMA_DIR + f, "utf8"));
}

const domains: Resolvers[] = [
  organisationResolvers,
  siteResolvers,
  assetResolvers,
  dependencyResolvers,
  catalogueResolvers,
  licenceResolvers,
  contractResolvers,
  auditResolvers,
  nodeResolvers,
  authResolvers,
  graphResolvers,
  procurementResolvers,
  planningResolvers,
];

/** The executable GraphQL schema. */
export function buildSchema() {
  return createSchema<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: [
      { Money: MoneyScalar, Date: DateScalar, DateTime: DateTimeScalar, JSON: JSONScalar },
      ...domains,
    ] as never,
  });
}
