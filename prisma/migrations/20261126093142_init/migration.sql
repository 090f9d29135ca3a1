-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('COUNCIL', 'SHARED_SERVICE', 'PARTNER', 'CUSTOMER');

-- CreateEnum
CREATE TYPE "Lifecycle" AS ENUM ('PLANNED', 'STAGING', 'ACTIVE', 'DECOMMISSIONING', 'RETIRED');

-- CreateEnum
CREATE TYPE "Criticality" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "SiteKind" AS ENUM ('DATA_CENTRE', 'COMMS_ROOM', 'OFFICE', 'SCHOOL', 'SCHOOLS_NETWORK_HUB', 'COLOCATION');

-- CreateEnum
CREATE TYPE "AssetKind" AS ENUM ('NETWORK', 'STORAGE', 'COMPUTE_CLUSTER', 'CLOUD_PLATFORM', 'SERVER', 'DATABASE', 'APPLICATION', 'END_USER_SERVICE');

-- CreateEnum
CREATE TYPE "DependencyType" AS ENUM ('RUNS_ON', 'HOSTED_IN', 'STORES_DATA_ON', 'CONNECTS_TO', 'DEPENDS_ON', 'REPLICATES_TO', 'BACKS_UP_TO', 'AUTHENTICATES_VIA');

-- CreateEnum
CREATE TYPE "LicenceMetric" AS ENUM ('USER', 'DEVICE', 'CORE', 'SITE', 'ENTERPRISE', 'SUBSCRIPTION');

-- CreateEnum
CREATE TYPE "RecordStatus" AS ENUM ('ACTIVE', 'RETIRED');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "identifiers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "annualIctBudgetPence" BIGINT NOT NULL DEFAULT 0,
    "staffFte" DECIMAL(8,2) NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Site" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "SiteKind" NOT NULL,
    "lifecycle" "Lifecycle" NOT NULL DEFAULT 'ACTIVE',
    "address" TEXT,
    "postcode" TEXT,
    "racks" INTEGER,
    "racksUsed" INTEGER,
    "powerKw" DOUBLE PRECISION,
    "powerUsedKw" DOUBLE PRECISION,
    "floorSpaceM2" DOUBLE PRECISION,
    "pue" DOUBLE PRECISION,
    "tier" INTEGER,
    "leaseEnd" DATE,
    "annualCostPence" BIGINT NOT NULL DEFAULT 0,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Asset" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "siteId" UUID,
    "productId" UUID,
    "name" TEXT NOT NULL,
    "kind" "AssetKind" NOT NULL,
    "subtype" TEXT,
    "lifecycle" "Lifecycle" NOT NULL DEFAULT 'ACTIVE',
    "criticality" "Criticality" NOT NULL DEFAULT 'MEDIUM',
    "annualRunCostPence" BIGINT NOT NULL DEFAULT 0,
    "bookValuePence" BIGINT NOT NULL DEFAULT 0,
    "supportEnd" DATE,
    "description" TEXT,
    "rackUnits" INTEGER,
    "powerKw" DOUBLE PRECISION,
    "storageTb" DOUBLE PRECISION,
    "storageUsedTb" DOUBLE PRECISION,
    "vcpu" INTEGER,
    "vcpuUsed" INTEGER,
    "ramGb" INTEGER,
    "ramUsedGb" INTEGER,
    "bandwidthMbps" INTEGER,
    "bandwidthUsedMbps" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Asset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dependency" (
    "id" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "targetId" UUID NOT NULL,
    "type" "DependencyType" NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Dependency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vendor" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Vendor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Capability" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Capability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "edition" TEXT NOT NULL DEFAULT '',
    "capabilityId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductAlias" (
    "id" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "alias" TEXT NOT NULL,
    "normalised" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ProductAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Licence" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "contractId" UUID,
    "metric" "LicenceMetric" NOT NULL,
    "quantityOwned" INTEGER NOT NULL,
    "quantityUsed" INTEGER NOT NULL,
    "unitCostPence" BIGINT NOT NULL DEFAULT 0,
    "annualCostPence" BIGINT NOT NULL DEFAULT 0,
    "status" "RecordStatus" NOT NULL DEFAULT 'ACTIVE',
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Licence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "supplierName" TEXT,
    "startDate" DATE,
    "endDate" DATE,
    "noticePeriodDays" INTEGER,
    "valuePence" BIGINT,
    "annualValuePence" BIGINT,
    "renewalTerms" TEXT,
    "cpvCode" TEXT,
    "ocid" TEXT,
    "status" "RecordStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "organisationId" UUID,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_code_key" ON "Organisation"("code");

-- CreateIndex
CREATE INDEX "Site_organisationId_idx" ON "Site"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Site_organisationId_name_key" ON "Site"("organisationId", "name");

-- CreateIndex
CREATE INDEX "Asset_organisationId_kind_idx" ON "Asset"("organisationId", "kind");

-- CreateIndex
CREATE INDEX "Asset_siteId_idx" ON "Asset"("siteId");

-- CreateIndex
CREATE INDEX "Asset_productId_idx" ON "Asset"("productId");

-- CreateIndex
CREATE INDEX "Asset_name_idx" ON "Asset"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Asset_organisationId_name_key" ON "Asset"("organisationId", "name");

-- CreateIndex
CREATE INDEX "Dependency_targetId_idx" ON "Dependency"("targetId");

-- CreateIndex
CREATE UNIQUE INDEX "Dependency_sourceId_targetId_type_key" ON "Dependency"("sourceId", "targetId", "type");

-- CreateIndex
CREATE UNIQUE INDEX "Vendor_name_key" ON "Vendor"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Capability_code_key" ON "Capability"("code");

-- CreateIndex
CREATE INDEX "Product_capabilityId_idx" ON "Product"("capabilityId");

-- CreateIndex
CREATE UNIQUE INDEX "Product_vendorId_name_edition_key" ON "Product"("vendorId", "name", "edition");

-- CreateIndex
CREATE UNIQUE INDEX "ProductAlias_normalised_key" ON "ProductAlias"("normalised");

-- CreateIndex
CREATE INDEX "ProductAlias_productId_idx" ON "ProductAlias"("productId");

-- CreateIndex
CREATE INDEX "Licence_organisationId_productId_idx" ON "Licence"("organisationId", "productId");

-- CreateIndex
CREATE INDEX "Licence_contractId_idx" ON "Licence"("contractId");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_ocid_key" ON "Contract"("ocid");

-- CreateIndex
CREATE INDEX "Contract_endDate_idx" ON "Contract"("endDate");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_organisationId_reference_key" ON "Contract"("organisationId", "reference");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");

-- CreateIndex
CREATE INDEX "AuditEvent_entityId_at_idx" ON "AuditEvent"("entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_organisationId_at_idx" ON "AuditEvent"("organisationId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actor_at_idx" ON "AuditEvent"("actor", "at");

-- AddForeignKey
ALTER TABLE "Site" ADD CONSTRAINT "Site_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dependency" ADD CONSTRAINT "Dependency_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Asset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dependency" ADD CONSTRAINT "Dependency_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Asset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_capabilityId_fkey" FOREIGN KEY ("capabilityId") REFERENCES "Capability"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductAlias" ADD CONSTRAINT "ProductAlias_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Licence" ADD CONSTRAINT "Licence_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Licence" ADD CONSTRAINT "Licence_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Licence" ADD CONSTRAINT "Licence_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Constraints Prisma's schema language cannot express (kept in sync by hand; `npm run db:check` ignores them).
ALTER TABLE "Dependency" ADD CONSTRAINT "Dependency_no_self_loop" CHECK ("sourceId" <> "targetId");
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_money_non_negative" CHECK ("annualRunCostPence" >= 0 AND "bookValuePence" >= 0);
ALTER TABLE "Site" ADD CONSTRAINT "Site_money_non_negative" CHECK ("annualCostPence" >= 0);
ALTER TABLE "Licence" ADD CONSTRAINT "Licence_quantities_non_negative" CHECK ("quantityOwned" >= 0 AND "quantityUsed" >= 0 AND "unitCostPence" >= 0 AND "annualCostPence" >= 0);
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_money_non_negative" CHECK (("valuePence" IS NULL OR "valuePence" >= 0) AND ("annualValuePence" IS NULL OR "annualValuePence" >= 0));
