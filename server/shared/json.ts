// Rows as plain JSON for audit snapshots: bigints as strings of pence, dates as ISO strings.

/** Sort keys the database generates from a row's own text (see prisma/schema.prisma): not part of a record. */
const SORT_KEYS: ReadonlySet<string> = new Set(["nameKey", "titleKey", "supplierKey", "displayNameKey"]);

/** A JSON-safe copy of a database row, without the database's generated sort keys. */
export function snapshot(row: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (SORT_KEYS.has(k)) continue;
    if (typeof v === "bigint") out[k] = v.toString();
    else if (v instanceof Date) out[k] = v.toISOString();
    else if (v !== null && typeof v === "object" && "toFixed" in v)
      out[k] = String(v); // Prisma Decimal
    else out[k] = v;
  }
  return out;
}
