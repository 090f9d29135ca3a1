// Prisma turns `equals`/`contains` with mode "insensitive" into ILIKE without escaping the pattern.

/** `text` with LIKE's wildcards escaped, so an ILIKE built from it matches the characters themselves. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
