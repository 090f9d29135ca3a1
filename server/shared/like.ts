// Prisma turns `equals`/`contains` with mode "insensitive" into ILIKE without escaping the pattern.

/** `text` with LIKE's wildcards escaped, so an ILIKE built from it matches the characters themselves. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/** A Prisma filter: case-insensitive substring match of `text` taken literally. */
export function containsText(text: string) {
  return { contains: likeLiteral(text), mode: "insensitive" as const };
}

/** A Prisma filter: case-insensitive equality with `text` taken literally. */
export function equalsText(text: string) {
  return { equals: likeLiteral(text), mode: "insensitive" as const };
}
