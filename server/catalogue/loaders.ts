// Per-request batch loaders for the software catalogue.
import DataLoader from "dataloader";
import type { PrismaClient, Vendor, Product, Capability } from "../../generated/prisma/client.ts";
import { byIds, groupedBy } from "../shared/batch.ts";

/** Loaders for vendors, products, capabilities and aliases. */
export function catalogueLoaders(prisma: PrismaClient) {
  return {
    vendor: new DataLoader<string, Vendor | null>((ids) =>
      byIds(ids, prisma.vendor.findMany({ where: { id: { in: [...ids] } } })),
    ),
    product: new DataLoader<string, Product | null>((ids) =>
      byIds(ids, prisma.product.findMany({ where: { id: { in: [...ids] } } })),
    ),
    capability: new DataLoader<string, Capability | null>((ids) =>
      byIds(ids, prisma.capability.findMany({ where: { id: { in: [...ids] } } })),
    ),
    productsByVendor: new DataLoader<string, Product[]>((ids) =>
      groupedBy(
        ids,
        prisma.product.findMany({
          where: { vendorId: { in: [...ids] } },
          orderBy: [{ name: "asc" }, { edition: "asc" }],
        }),
        (p) => p.vendorId,
      ),
    ),
    productsByCapability: new DataLoader<string, Product[]>((ids) =>
      groupedBy(
        ids,
        prisma.product.findMany({
          where: { capabilityId: { in: [...ids] } },
          orderBy: [{ name: "asc" }, { edition: "asc" }],
        }),
        (p) => p.capabilityId!,
      ),
    ),
    childCapabilities: new DataLoader<string, Capability[]>((ids) =>
      groupedBy(
        ids,
        prisma.capability.findMany({ where: { parentId: { in: [...ids] } }, orderBy: { code: "asc" } }),
        (c) => c.parentId!,
      ),
    ),
    jobsByProduct: new DataLoader<string, Capability[]>(async (ids) => {
      const rows = await prisma.productJob.findMany({
        where: { productId: { in: [...ids] } },
        include: { capability: true },
      });
      return ids.map((id) =>
        rows
          .filter((r) => r.productId === id)
          .map((r) => r.capability)
          .sort((a, b) => (a.code < b.code ? -1 : 1)),
      );
    }),
    aliasesByProduct: new DataLoader<string, string[]>(async (ids) =>
      (
        await groupedBy(
          ids,
          prisma.productAlias.findMany({ where: { productId: { in: [...ids] } }, orderBy: { alias: "asc" } }),
          (a) => a.productId,
        )
      ).map((list) => list.map((a) => a.alias)),
    ),
  };
}
