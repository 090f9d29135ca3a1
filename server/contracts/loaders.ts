// Per-request batch loaders for contracts.
import DataLoader from "dataloader";
import type { PrismaClient, Contract } from "../../generated/prisma/client.ts";
import { byIds } from "../shared/batch.ts";

/** Loaders keyed by contract id. */
export function contractLoaders(prisma: PrismaClient) {
  return {
    contract: new DataLoader<string, Contract | null>((ids) =>
      byIds(ids, prisma.contract.findMany({ where: { id: { in: [...ids] } } })),
    ),
  };
}
