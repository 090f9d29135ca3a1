// The per-request GraphQL context: database, caller and fresh DataLoaders (no cross-request caching).
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Actor } from "./actor.ts";
import { createLoaders, type Loaders } from "../loaders.ts";

/** What every resolver receives. */
export interface Context {
  prisma: PrismaClient;
  actor: Actor;
  loaders: Loaders;
}

/** A new context for one request. */
export function createContext(prisma: PrismaClient, actor: Actor): Context {
  return { prisma, actor, loaders: createLoaders(prisma) };
}
