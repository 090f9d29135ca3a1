// The batch lookups an import makes before it checks a single row: organisations by code, stored rows by
// natural key (organisation + name, compared without regard to case), catalogue products by name or alias.
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { inChunks } from "../shared/chunks.ts";
import type { Tx } from "../shared/writes.ts";

type Db = PrismaClient | Tx;

/** A natural key: organisation id and the lower-cased, space-collapsed name. */
export function naturalKey(organisationId: string, name: string): string {
  return `${organisationId}|${name.trim().replace(/\s+/g, " ").toLowerCase()}`;
}

/** Every organisation by upper-cased code (rows name their own, and sites of others: there are few). */
export async function organisationsByCode(db: Db): Promise<Map<string, { id: string; code: string }>> {
  const rows = await db.organisation.findMany({ select: { id: true, code: true }, orderBy: { code: "asc" } });
  return new Map(rows.map((r) => [r.code.toUpperCase(), r]));
}

/** The stored rows of `table` with any of `keys` (natural keys), by natural key; an asset's with its site's and product's names. */
export async function storedByKey(
  db: Db,
  table: "Site" | "Asset",
  keys: readonly { organisationId: string; name: string }[],
): Promise<Map<string, Record<string, unknown> & { id: string; version: number; organisationId: string; name: string }>> {
  type Row = Record<string, unknown> & { id: string; version: number; organisationId: string; name: string };
  // An asset's site and product by name too, for a row whose file leaves those columns out.
  const names =
    table === "Asset"
      ? `, s.name AS "siteName", so.code AS "siteOrganisation", p.name AS "productName" FROM "Asset" t
         LEFT JOIN "Site" s ON s.id = t."siteId" LEFT JOIN "Organisation" so ON so.id = s."organisationId"
         LEFT JOIN "Product" p ON p.id = t."productId"`
      : ` FROM "${table}" t`;
  const rows = await inChunks(keys, (slice) =>
    db.$queryRawUnsafe<Row[]>(
      `SELECT t.*${names}
       JOIN unnest($1::uuid[], $2::text[]) AS k(org, name)
         ON t."organisationId" = k.org AND lower(regexp_replace(btrim(t."name"), '\\s+', ' ', 'g')) = k.name`,
      slice.map((k) => k.organisationId),
      slice.map((k) => naturalKey(k.organisationId, k.name).split("|")[1]!),
    ),
  );
  return new Map(rows.map((r) => [naturalKey(r.organisationId, r.name), r]));
}

/** Catalogue products by folded name, "name edition", "vendor name" or alias. */
export async function productsByName(db: Db, names: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (names.length === 0) return out;
  const wanted = [...new Set(names.map((n) => n.trim().replace(/\s+/g, " ").toLowerCase()))];
  const rows = await db.$queryRawUnsafe<{ id: string; label: string }[]>(
    `SELECT p.id, l.label FROM "Product" p JOIN "Vendor" v ON v.id = p."vendorId",
       LATERAL (VALUES (lower(p.name)), (lower(btrim(p.name || ' ' || p.edition))),
                       (lower(btrim(v.name || ' ' || p.name))), (lower(btrim(v.name || ' ' || p.name || ' ' || p.edition)))) AS l(label)
     WHERE l.label = ANY($1::text[])
     UNION ALL
     SELECT a."productId", a.normalised FROM "ProductAlias" a WHERE a.normalised = ANY($1::text[])
     ORDER BY 2, 1`,
    wanted,
  );
  for (const r of rows) if (!out.has(r.label)) out.set(r.label, r.id);
  return out;
}
