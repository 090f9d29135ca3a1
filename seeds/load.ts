// Loads the seed estate into an empty database, in one transaction, in foreign-key order.
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { buildSeedEstate } from "./estate.ts";
import { loadOcdsSeed, ocdsSeedContractCount } from "./ocds.ts";
import type { SeedEstate } from "./types.ts";

/** Rows per table in an estate, keyed by the SeedEstate table name (organisations, assets, …). */
export function seedCounts(estate: SeedEstate): Record<string, number> {
  return {
    organisations: estate.organisations.length,
    capabilities: estate.capabilities.length,
    vendors: estate.vendors.length,
    products: estate.products.length,
    productJobs: estate.productJobs.length,
    productAliases: estate.productAliases.length,
    sites: estate.sites.length,
    assets: estate.assets.length,
    dependencies: estate.dependencies.length,
    contracts: estate.contracts.length + ocdsSeedContractCount(estate.organisations),
    licences: estate.licences.length,
  };
}

/**
 * Loads the product catalogue — the capability taxonomy, vendors, products, the jobs each does and the
 * titles they go by — when the database has none. It is reference data every council needs (linking an
 * asset to its product, classifying procurement records, overlaps), not demo data: it loads on every
 * start, whatever DEMO_DATA says. Idempotent, and safe with several servers starting at once.
 */
export async function loadCatalogueIfEmpty(prisma: PrismaClient): Promise<{ loaded: boolean; products: number }> {
  if ((await prisma.product.count()) > 0) return { loaded: false, products: 0 };
  const estate = buildSeedEstate();
  const loaded = await prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(727073690)`;
      if ((await tx.product.count()) > 0) return false;
      await insertCatalogue(tx, estate);
      return true;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { loaded, products: loaded ? estate.products.length : 0 };
}

/**
 * The catalogue's rows, skipping any already there (the taxonomy and products have stable ids). A
 * capability created through the API with a taxonomy code is kept, and products point at it.
 */
async function insertCatalogue(tx: Prisma.TransactionClient, estate: SeedEstate): Promise<void> {
  await tx.capability.createMany({ data: estate.capabilities, skipDuplicates: true });
  const existing = new Map(
    (await tx.capability.findMany({ select: { id: true, code: true } })).map((c) => [c.code, c.id]),
  );
  const capabilityIds = new Map(estate.capabilities.map((c) => [c.id, existing.get(c.code) ?? c.id]));
  await tx.vendor.createMany({ data: estate.vendors, skipDuplicates: true });
  await tx.product.createMany({
    data: estate.products.map((p) => ({
      ...p,
      capabilityId: p.capabilityId && (capabilityIds.get(p.capabilityId) ?? p.capabilityId),
    })),
    skipDuplicates: true,
  });
  await tx.productJob.createMany({
    data: estate.productJobs.map((j) => ({
      ...j,
      capabilityId: capabilityIds.get(j.capabilityId) ?? j.capabilityId,
    })),
    skipDuplicates: true,
  });
  await tx.productAlias.createMany({ data: estate.productAliases, skipDuplicates: true });
}

/**
 * Seeds the database with the two councils' estates when it has no organisation yet; does nothing
 * (seeded: false, zero counts) when any organisation exists. All rows go in one transaction.
 */
export async function loadSeedsIfEmpty(
  prisma: PrismaClient,
): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  if ((await prisma.organisation.count()) > 0) return { seeded: false, counts: {} };
  const estate = buildSeedEstate();
  const seeded = await prisma.$transaction(
    async (tx) => {
      // Servers starting together on one empty database: one seeds, the others wait here and then
      // find it seeded (the lock is released when this transaction ends).
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(727073690)`;
      if ((await tx.organisation.count()) > 0) return false;
      await tx.organisation.createMany({ data: estate.organisations });
      // The catalogue may be there already (loaded at start; capabilities may come from the API).
      await insertCatalogue(tx, estate);
      await tx.site.createMany({ data: estate.sites });
      await tx.asset.createMany({ data: estate.assets });
      await tx.dependency.createMany({ data: estate.dependencies });
      await tx.contract.createMany({ data: estate.contracts });
      await tx.licence.createMany({ data: estate.licences });
      await loadOcdsSeed(tx); // public procurement records, after the estate (seeds/ocds.ts)
      return true;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return seeded ? { seeded: true, counts: seedCounts(estate) } : { seeded: false, counts: {} };
}
