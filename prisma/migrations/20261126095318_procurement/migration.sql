-- CreateEnum
CREATE TYPE "ProductMatchStatus" AS ENUM ('PENDING', 'CONFIRMED', 'REJECTED');

-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "ocdsReleaseDate" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ProductMatch" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "normalised" TEXT NOT NULL,
    "proposedProductId" UUID,
    "method" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "status" "ProductMatchStatus" NOT NULL DEFAULT 'PENDING',
    "confirmedProductId" UUID,
    "rejectedProductIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "source" TEXT,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ProductMatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProductMatch_normalised_key" ON "ProductMatch"("normalised");

-- CreateIndex
CREATE INDEX "ProductMatch_status_idx" ON "ProductMatch"("status");

-- AddForeignKey
ALTER TABLE "ProductMatch" ADD CONSTRAINT "ProductMatch_proposedProductId_fkey" FOREIGN KEY ("proposedProductId") REFERENCES "Product"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductMatch" ADD CONSTRAINT "ProductMatch_confirmedProductId_fkey" FOREIGN KEY ("confirmedProductId") REFERENCES "Product"("id") ON DELETE SET NULL ON UPDATE CASCADE;
