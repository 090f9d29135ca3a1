// Finds where two organisations' software estates overlap, the way procurement will look for it:
// the same product held by both, or the same job done by different products (a suite counts for every
// job it does).
import { productLabel } from "./catalogue-spec.ts";
import type { SeedEstate } from "./types.ts";

/** One overlap between two organisations. */
export interface Overlap {
  /** SAME_PRODUCT: both hold the product. SAME_JOB: each does the job with a product the other does not hold. */
  kind: "SAME_PRODUCT" | "SAME_JOB";
  /** Job code (for SAME_PRODUCT, the product's main job; null when it has none). */
  job: string | null;
  /** Product labels (see productLabel), sorted: the shared product, or the products that differ. */
  products: string[];
}

/**
 * The products an organisation holds: those of its active licences and of its assets that are not
 * retired, as product ids.
 */
export function productsHeld(estate: SeedEstate, organisationId: string): Set<string> {
  const held = new Set<string>();
  for (const l of estate.licences)
    if (l.organisationId === organisationId && l.status === "ACTIVE") held.add(l.productId);
  for (const a of estate.assets) {
    if (a.organisationId === organisationId && a.productId !== null && a.lifecycle !== "RETIRED")
      held.add(a.productId);
  }
  return held;
}

/** Every overlap between organisations `codeA` and `codeB`, sorted by kind, job and products. */
export function findOverlaps(estate: SeedEstate, codeA: string, codeB: string): Overlap[] {
  const orgId = (code: string) => {
    const org = estate.organisations.find((o) => o.code === code);
    if (!org) throw new Error(`no organisation ${code}`);
    return org.id;
  };
  const a = productsHeld(estate, orgId(codeA));
  const b = productsHeld(estate, orgId(codeB));
  const product = new Map(estate.products.map((p) => [p.id, p]));
  const vendor = new Map(estate.vendors.map((v) => [v.id, v.name]));
  const capCode = new Map(estate.capabilities.map((c) => [c.id, c.code]));
  const label = (id: string) => {
    const p = product.get(id)!;
    return productLabel({ vendor: vendor.get(p.vendorId) ?? "", name: p.name, edition: p.edition });
  };
  const capOf = (id: string) => {
    const cid = product.get(id)?.capabilityId;
    return cid ? (capCode.get(cid) ?? null) : null;
  };
  const jobsOf = new Map<string, string[]>();
  for (const j of estate.productJobs)
    jobsOf.set(j.productId, [...(jobsOf.get(j.productId) ?? []), capCode.get(j.capabilityId)!]);
  const overlaps: Overlap[] = [];
  for (const id of a)
    if (b.has(id)) overlaps.push({ kind: "SAME_PRODUCT", job: capOf(id), products: [label(id)] });
  const byCap = (held: Set<string>) => {
    const m = new Map<string, Set<string>>();
    for (const id of held) {
      for (const c of jobsOf.get(id) ?? []) m.set(c, (m.get(c) ?? new Set()).add(id));
    }
    return m;
  };
  const capsA = byCap(a);
  const capsB = byCap(b);
  for (const [cap, inA] of capsA) {
    const inB = capsB.get(cap);
    if (!inB) continue;
    const onlyA = [...inA].filter((id) => !inB.has(id));
    const onlyB = [...inB].filter((id) => !inA.has(id));
    if (onlyA.length > 0 && onlyB.length > 0) {
      overlaps.push({
        kind: "SAME_JOB",
        job: cap,
        products: [...onlyA, ...onlyB].map(label).sort(),
      });
    }
  }
  const key = (o: Overlap) => `${o.kind}|${o.job ?? ""}|${o.products.join("|")}`;
  return overlaps.sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
}
