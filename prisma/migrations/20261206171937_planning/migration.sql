-- CreateEnum
CREATE TYPE "ScenarioStatus" AS ENUM ('DRAFT', 'PROPOSED', 'APPROVED', 'REJECTED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "MoveKind" AS ENUM ('MIGRATE', 'CONSOLIDATE', 'RETIRE', 'REPLACE', 'CLOSE_SITE', 'RENEGOTIATE', 'RETAIN');

-- CreateEnum
CREATE TYPE "CostSplitRule" AS ENUM ('OWNER', 'EQUAL', 'PROPORTIONAL_TO_BASELINE');

-- CreateEnum
CREATE TYPE "ScenarioDecisionKind" AS ENUM ('APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "savingsTargetPence" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Scenario" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "status" "ScenarioStatus" NOT NULL DEFAULT 'DRAFT',
    "startDate" DATE NOT NULL,
    "horizonYears" INTEGER NOT NULL,
    "waveLengthMonths" INTEGER NOT NULL,
    "maxMovesPerWave" INTEGER NOT NULL,
    "maxEffortDaysPerWave" INTEGER,
    "discountRateBp" INTEGER NOT NULL DEFAULT 350,
    "costSplit" "CostSplitRule" NOT NULL DEFAULT 'PROPORTIONAL_TO_BASELINE',
    "carbonFactorGPerKwh" DOUBLE PRECISION NOT NULL DEFAULT 207.05,
    "carbonFactorYear" INTEGER NOT NULL DEFAULT 2024,
    "copiedFromId" UUID,
    "lineageId" UUID NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "previousRevisionId" UUID,
    "proposedVersion" INTEGER,
    "proposedAt" TIMESTAMP(3),
    "proposedBy" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Scenario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScenarioTarget" (
    "id" UUID NOT NULL,
    "scenarioId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "savingsTargetPence" BIGINT NOT NULL,

    CONSTRAINT "ScenarioTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Move" (
    "id" UUID NOT NULL,
    "scenarioId" UUID NOT NULL,
    "kind" "MoveKind" NOT NULL,
    "assetId" UUID,
    "siteId" UUID,
    "targetSiteId" UUID,
    "targetAssetId" UUID,
    "licenceIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "targetLicenceId" UUID,
    "seats" INTEGER,
    "oneOffCostPence" BIGINT NOT NULL DEFAULT 0,
    "effortDays" INTEGER NOT NULL DEFAULT 0,
    "targetCostGrowthPence" BIGINT NOT NULL DEFAULT 0,
    "savingOverridePence" BIGINT,
    "savingOverrideReason" TEXT,
    "earliestDate" DATE,
    "pinnedWave" INTEGER,
    "acceptExitCost" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Move_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScenarioDecision" (
    "id" UUID NOT NULL,
    "scenarioId" UUID NOT NULL,
    "scenarioVersion" INTEGER NOT NULL,
    "organisationId" UUID NOT NULL,
    "decision" "ScenarioDecisionKind" NOT NULL,
    "reason" TEXT,
    "decidedBy" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScenarioDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Scenario_lineageId_idx" ON "Scenario"("lineageId");

-- CreateIndex
CREATE INDEX "Scenario_status_idx" ON "Scenario"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ScenarioTarget_scenarioId_organisationId_key" ON "ScenarioTarget"("scenarioId", "organisationId");

-- CreateIndex
CREATE INDEX "Move_scenarioId_idx" ON "Move"("scenarioId");

-- CreateIndex
CREATE UNIQUE INDEX "Move_scenarioId_assetId_key" ON "Move"("scenarioId", "assetId");

-- CreateIndex
CREATE UNIQUE INDEX "Move_scenarioId_siteId_key" ON "Move"("scenarioId", "siteId");

-- CreateIndex
CREATE INDEX "ScenarioDecision_scenarioId_idx" ON "ScenarioDecision"("scenarioId");

-- CreateIndex
CREATE UNIQUE INDEX "ScenarioDecision_scenarioId_scenarioVersion_organisationId_key" ON "ScenarioDecision"("scenarioId", "scenarioVersion", "organisationId");

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_copiedFromId_fkey" FOREIGN KEY ("copiedFromId") REFERENCES "Scenario"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_previousRevisionId_fkey" FOREIGN KEY ("previousRevisionId") REFERENCES "Scenario"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioTarget" ADD CONSTRAINT "ScenarioTarget_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioTarget" ADD CONSTRAINT "ScenarioTarget_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Move" ADD CONSTRAINT "Move_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioDecision" ADD CONSTRAINT "ScenarioDecision_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioDecision" ADD CONSTRAINT "ScenarioDecision_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
