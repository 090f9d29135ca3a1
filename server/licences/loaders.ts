// Per-request batch loaders for licences.
import DataLoader from "dataloader";
import type { PrismaClient, Licence } from "../../generated/prisma/client.ts";
import { byIds, groupedBy } from "../shared/batch.ts";

/** Loaders for licences by id, by organisation+product ("orgId|productId") and by contract. */
export function licenceLoaders(prisma: PrismaClient) {
  return {
    licence: new DataLoader<string, Licence | null>((ids) =>
      byIds(ids, prisma.licence.findMany({ where: { id: { in: [...ids] } } })),
    ),
    licencesByOrganisationProduct: new DataLoader<string, Licence[]>((keys) => {
      const pairs = keys.map((k) => k.split("|") as [string, string]);
      return groupedBy(
        keys,
        prisma.licence.findMany({
          where: { OR: pairs.map(([organisationId, productId]) => ({ organisationId, productId })) },
          orderBy: [{ metric: "asc" }, { id: "asc" }],
        }),
        (l) => `${l.organisationId}|${l.productId}`,
      );
    }),
    licencesByContract: new DataLoader<string, Licence[]>((ids) =>
      groupedBy(
        ids,
        prisma.licence.findMany({ where: { contractId: { in: [...ids] } }, orderBy: { id: "asc" } }),
        (l) => l.contractId!,
      ),
    ),
  };
}
