// Every domain's DataLoaders, created fresh for each request (no data cached across requests).
import type { PrismaClient } from "../generated/prisma/client.ts";
import { organisationLoaders } from "./organisations/loaders.ts";
import { siteLoaders } from "./sites/loaders.ts";
import { assetLoaders } from "./assets/loaders.ts";
import { catalogueLoaders } from "./catalogue/loaders.ts";
import { licenceLoaders } from "./licences/loaders.ts";
import { contractLoaders } from "./contracts/loaders.ts";
import { authLoaders } from "./auth/loaders.ts";
import { planningLoaders } from "./planning/loaders.ts";

/** All loaders of one request. */
export function createLoaders(prisma: PrismaClient) {
  return {
    ...organisationLoaders(prisma),
    ...siteLoaders(prisma),
    ...assetLoaders(prisma),
    ...catalogueLoaders(prisma),
    ...licenceLoaders(prisma),
    ...contractLoaders(prisma),
    ...authLoaders(prisma),
    ...planningLoaders(prisma),
  };
}

/** The loaders a request's context holds. */
export type Loaders = ReturnType<typeof createLoaders>;
