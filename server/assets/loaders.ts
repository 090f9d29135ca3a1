// Per-request batch loaders for assets and their edges.
import DataLoader from "dataloader";
import type { PrismaClient, Asset, Dependency } from "../../generated/prisma/client.ts";
import { byIds, groupedBy } from "../shared/batch.ts";

/** Loaders keyed by asset id. */
export function assetLoaders(prisma: PrismaClient) {
  return {
    asset: new DataLoader<string, Asset | null>((ids) =>
      byIds(ids, prisma.asset.findMany({ where: { id: { in: [...ids] } } })),
    ),
    /** Edges whose source is the asset (what it needs), in a stable order. */
    dependsOn: new DataLoader<string, Dependency[]>((ids) =>
      groupedBy(
        ids,
        prisma.dependency.findMany({
          where: { sourceId: { in: [...ids] } },
          orderBy: [{ type: "asc" }, { id: "asc" }],
        }),
        (d) => d.sourceId,
      ),
    ),
    /** Edges whose target is the asset (what needs it). */
    dependencyOf: new DataLoader<string, Dependency[]>((ids) =>
      groupedBy(
        ids,
        prisma.dependency.findMany({
          where: { targetId: { in: [...ids] } },
          orderBy: [{ type: "asc" }, { id: "asc" }],
        }),
        (d) => d.targetId,
      ),
    ),
  };
}
