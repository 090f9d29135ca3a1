// Builds the catalogue tables (the capability taxonomy, vendors, products, their jobs, aliases) from the
// seed product lists.
import { CAPABILITIES, SUITE_JOBS } from "./capabilities.ts";
import { CORE_PRODUCTS } from "./catalogue-core.ts";
import { SERVICE_PRODUCTS } from "./catalogue-services.ts";
import type { ProductSpec } from "./catalogue-spec.ts";
import { normaliseAlias, seedId } from "./keys.ts";
import type { CapabilityRow, ProductAliasRow, ProductJobRow, ProductRow, VendorRow } from "./types.ts";

/** Every product in the seed catalogue, platform products first. */
export const SEED_PRODUCTS: readonly ProductSpec[] = [...CORE_PRODUCTS, ...SERVICE_PRODUCTS];

/** The catalogue tables plus lookups by product key. */
export interface SeedCatalogue {
  capabilities: CapabilityRow[];
  vendors: VendorRow[];
  products: ProductRow[];
  productJobs: ProductJobRow[];
  productAliases: ProductAliasRow[];
  /** Every job of a product (main job first), by key. */
  jobsByKey: ReadonlyMap<string, readonly string[]>;
  /** Product spec by key. */
  specByKey: ReadonlyMap<string, ProductSpec>;
  /** Product row id by key. */
  productIdByKey: ReadonlyMap<string, string>;
}

/** The stable id of a capability row by its code. */
export function capabilityId(code: string): string {
  return seedId("capability", code);
}

/** The stable id of a product row by its catalogue identity. */
export function productId(spec: ProductSpec): string {
  return seedId("product", `${spec.vendor}/${spec.name}/${spec.edition}`);
}

/** Builds the catalogue; throws when a key or alias is duplicated, or a job is unknown or not a job. */
export function buildCatalogue(): SeedCatalogue {
  const capabilities: CapabilityRow[] = CAPABILITIES.map((c) => ({
    id: capabilityId(c.code),
    code: c.code,
    name: c.name,
    description: c.description,
    level: c.level,
    parentId: c.parent === null ? null : capabilityId(c.parent),
  }));
  const jobCodes = new Set(CAPABILITIES.filter((c) => c.level === "JOB").map((c) => c.code));
  const productJobs: ProductJobRow[] = [];
  const jobsByKey = new Map<string, readonly string[]>();
  const vendors: VendorRow[] = [];
  const vendorIds = new Map<string, string>();
  const products: ProductRow[] = [];
  const productAliases: ProductAliasRow[] = [];
  const specByKey = new Map<string, ProductSpec>();
  const productIdByKey = new Map<string, string>();
  const aliasSeen = new Set<string>();

  for (const spec of SEED_PRODUCTS) {
    if (specByKey.has(spec.key)) throw new Error(`duplicate product key ${spec.key}`);
    const jobs = [...(spec.job === null ? [] : [spec.job]), ...(SUITE_JOBS[spec.key] ?? [])];
    if (spec.job === null && jobs.length)
      throw new Error(`product ${spec.key}: suite jobs without a main job`);
    for (const job of jobs) {
      if (!jobCodes.has(job)) throw new Error(`product ${spec.key}: ${job} is not a job of the taxonomy`);
    }
    if (new Set(jobs).size !== jobs.length) throw new Error(`product ${spec.key}: a job is listed twice`);
    let vendorId = vendorIds.get(spec.vendor);
    if (vendorId === undefined) {
      vendorId = seedId("vendor", spec.vendor);
      vendorIds.set(spec.vendor, vendorId);
      vendors.push({ id: vendorId, name: spec.vendor });
    }
    const id = productId(spec);
    products.push({
      id,
      vendorId,
      name: spec.name,
      edition: spec.edition,
      capabilityId: spec.job === null ? null : capabilityId(spec.job),
    });
    for (const job of jobs) productJobs.push({ productId: id, capabilityId: capabilityId(job) });
    jobsByKey.set(spec.key, jobs);
    specByKey.set(spec.key, spec);
    productIdByKey.set(spec.key, id);
    for (const alias of spec.aliases) {
      const normalised = normaliseAlias(alias);
      if (aliasSeen.has(normalised)) throw new Error(`duplicate alias "${alias}"`);
      aliasSeen.add(normalised);
      productAliases.push({ id: seedId("product-alias", normalised), productId: id, alias, normalised });
    }
  }
  for (const key of Object.keys(SUITE_JOBS)) {
    if (!specByKey.has(key)) throw new Error(`SUITE_JOBS names unknown product ${key}`);
  }
  return {
    capabilities,
    vendors,
    products,
    productJobs,
    productAliases,
    jobsByKey,
    specByKey,
    productIdByKey,
  };
}
