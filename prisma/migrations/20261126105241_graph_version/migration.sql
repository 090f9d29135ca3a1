-- CreateTable
CREATE TABLE "GraphVersion" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "GraphVersion_pkey" PRIMARY KEY ("id")
);

-- The single row, and the triggers that bump it. Statement-level, so a bulk change bumps once; a row
-- rather than a sequence, so the new number becomes visible together with the data it describes.
ALTER TABLE "GraphVersion" ADD CONSTRAINT "GraphVersion_single_row" CHECK ("id");
INSERT INTO "GraphVersion" ("id", "version") VALUES (TRUE, 0);
CREATE FUNCTION "GraphVersion_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "GraphVersion" SET "version" = "version" + 1;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Asset_graph_version" AFTER INSERT OR DELETE OR TRUNCATE
  OR UPDATE OF "organisationId", "siteId", "kind", "criticality", "lifecycle" ON "Asset"
  FOR EACH STATEMENT EXECUTE FUNCTION "GraphVersion_bump"();
CREATE TRIGGER "Dependency_graph_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Dependency"
  FOR EACH STATEMENT EXECUTE FUNCTION "GraphVersion_bump"();
