// The shape of a catalogue entry as the seed files write it, and the helper that makes one.

/** A product as written in the seed catalogue: a stable key, vendor, name, edition, main job, aliases. */
export interface ProductSpec {
  /** Short stable key the estate files use to refer to the product. */
  key: string;
  vendor: string;
  name: string;
  /** Empty string when the product has no edition. */
  edition: string;
  /** Its main job: a JOB code of the taxonomy (server/catalogue/taxonomy.ts), or null when none fits. */
  job: string | null;
  /** Raw spellings the councils' registers use for this product. */
  aliases: string[];
}

/** Shorthand for one catalogue entry. */
export function p(
  key: string,
  vendor: string,
  name: string,
  edition: string,
  job: string | null,
  ...aliases: string[]
): ProductSpec {
  return { key, vendor, name, edition, job, aliases };
}

/**
 * The display label of a product: vendor (unless the name already starts with it), name, then edition,
 * e.g. "Idox Uniform", "Microsoft SQL Server Standard", "VMware vSphere Foundation".
 */
export function productLabel(spec: Pick<ProductSpec, "vendor" | "name" | "edition">): string {
  const firstWord = spec.vendor.split(" ")[0] ?? spec.vendor;
  const named =
    spec.name.startsWith(spec.vendor) || spec.name.startsWith(firstWord)
      ? spec.name
      : `${spec.vendor} ${spec.name}`;
  return spec.edition ? `${named} ${spec.edition}` : named;
}
