// Per-request batch loaders for sites.
import DataLoader from "dataloader";
import type { PrismaClient, Site, Asset } from "../../generated/prisma/client.ts";
import { byIds, groupedBy } from "../shared/batch.ts";

/** Loaders keyed by site id. */
export function siteLoaders(prisma: PrismaClient) {
  return {
    site: new DataLoader<string, Site | null>((ids) =>
      byIds(ids, prisma.site.findMany({ where: { id: { in: [...ids] } } })),
    ),
    /** Every asset located at the site, by name (case-insensitive) then id (the NAME_ASC order of `assets`). */
    assetsBySite: new DataLoader<string, Asset[]>((ids) =>
      groupedBy(
        ids,
        prisma.asset.findMany({
          where: { siteId: { in: [...ids] } },
          orderBy: [{ nameKey: "asc" }, { id: "asc" }],
        }),
        (a) => a.siteId!,
      ),
    ),
  };
}
