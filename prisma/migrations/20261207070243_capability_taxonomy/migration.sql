-- CreateEnum
CREATE TYPE "CapabilityLevel" AS ENUM ('DOMAIN', 'CAPABILITY', 'JOB');

-- AlterTable
ALTER TABLE "Capability" ADD COLUMN     "level" "CapabilityLevel" NOT NULL DEFAULT 'CAPABILITY',
ADD COLUMN     "parentId" UUID;

-- CreateTable
CREATE TABLE "ProductJob" (
    "productId" UUID NOT NULL,
    "capabilityId" UUID NOT NULL,

    CONSTRAINT "ProductJob_pkey" PRIMARY KEY ("productId","capabilityId")
);

-- CreateIndex
CREATE INDEX "ProductJob_capabilityId_idx" ON "ProductJob"("capabilityId");

-- CreateIndex
CREATE INDEX "Capability_parentId_idx" ON "Capability"("parentId");

-- AddForeignKey
ALTER TABLE "Capability" ADD CONSTRAINT "Capability_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Capability"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductJob" ADD CONSTRAINT "ProductJob_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductJob" ADD CONSTRAINT "ProductJob_capabilityId_fkey" FOREIGN KEY ("capabilityId") REFERENCES "Capability"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Backfill: every product's existing capability is one of its jobs, so nothing catalogued before the
-- taxonomy loses its classification (such capabilities stay at level CAPABILITY until re-catalogued).
INSERT INTO "ProductJob" ("productId", "capabilityId")
SELECT "id", "capabilityId" FROM "Product" WHERE "capabilityId" IS NOT NULL;
