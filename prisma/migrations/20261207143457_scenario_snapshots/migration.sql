-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN     "approvedSnapshot" JSONB,
ADD COLUMN     "proposedSnapshot" JSONB;
