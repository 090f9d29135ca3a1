-- Every account gets an owning organisation: only its administrators (or the shared service's) may reset
-- the password, deactivate or reactivate it. Existing accounts belong to the one organisation they hold
-- roles in; accounts with roles in several organisations, or none (including the first administrator,
-- whose roles are in the shared service), belong to the shared service.

-- AlterTable (nullable first, so existing rows can be backfilled)
ALTER TABLE "User" ADD COLUMN     "organisationId" UUID;

-- Backfill: the organisation of their roles when there is exactly one.
UPDATE "User" u
SET "organisationId" = r."organisationId"
FROM (
  SELECT "userId", MIN("organisationId"::text)::uuid AS "organisationId"
  FROM "RoleAssignment"
  GROUP BY "userId"
  HAVING COUNT(DISTINCT "organisationId") = 1
) r
WHERE r."userId" = u.id;

-- Backfill: everyone else belongs to the shared service (the first by code, should there be several).
UPDATE "User"
SET "organisationId" = (
  SELECT id FROM "Organisation" WHERE kind = 'SHARED_SERVICE' ORDER BY code LIMIT 1
)
WHERE "organisationId" IS NULL;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "User" WHERE "organisationId" IS NULL) THEN
    RAISE EXCEPTION 'some users hold roles in several organisations or none, and there is no SHARED_SERVICE organisation to own their accounts: create one (or grant each such user a role in exactly one organisation), then start again';
  END IF;
END $$;

ALTER TABLE "User" ALTER COLUMN "organisationId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
