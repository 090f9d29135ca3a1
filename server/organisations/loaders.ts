// Per-request batch loaders for organisations.
import DataLoader from "dataloader";
import type { PrismaClient, Organisation } from "../../generated/prisma/client.ts";
import { summariesFor, type OrganisationSummary } from "./service.ts";
import { byIds } from "../shared/batch.ts";

/** Loaders keyed by organisation id. */
export function organisationLoaders(prisma: PrismaClient) {
  return {
    organisation: new DataLoader<string, Organisation | null>((ids) =>
      byIds(ids, prisma.organisation.findMany({ where: { id: { in: [...ids] } } })),
    ),
    organisationSummary: new DataLoader<string, OrganisationSummary>(async (ids) => {
      const map = await summariesFor(prisma, ids);
      return ids.map((id) => map.get(id)!);
    }),
  };
}
