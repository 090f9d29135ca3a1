// Builds the catalogue tables (capabilities, vendors, products, aliases) from the seed product lists.
import { CAPABILITIES } from "./capabilities.ts";
import { CORE_PRODUCTS } from "./catalogue-core.ts";
import { SERVICE_PRODUCTS } from "./catalogue-services.ts";
import type { ProductSpec } from "./catalogue-spec.ts";
import { normaliseAlias, seedId } from "./keys.ts";
import type { CapabilityRow, ProductAliasRow, ProductRow, VendorRow } from "./types.ts";

/** Every product in the seed catalogue, platform products first. */
export const SEED_PRODUCTS: readonly ProductSpec[] = [...CORE_PRODUCTS, ...SERVICE_PRODUCTS];

/** The catalogue tables plus lookups by product key. */
export interface SeedCatalogue {
  capabilities: CapabilityRow[];
  vendors: VendorRow[];
  products: ProductRow[];
  productAliases: ProductAliasRow[];
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

/** Builds the catalogue; throws when a key, capability or alias is duplicated or unknown. */
export function buildCatalogue(): SeedCatalogue {
  const capabilities: CapabilityRow[] = CAPABILITIES.map((c) => ({
    id: capabilityId(c.code),
    code: c.code,
    name: c.name,
    description: c.description,
  }));
  const capabilityCodes = new Set(CAPABILITIES.map((c) => c.code));
  const vendors: VendorRow[] = [];
  const vendorIds = new Map<string, string>();
  const products: ProductRow[] = [];
  const productAliases: ProductAliasRow[] = [];
  const specByKey = new Map<string, ProductSpec>();
  const productIdByKey = new Map<string, string>();
  const aliasSeen = new Set<string>();

  for (const spec of SEED_PRODUCTS) {
    if (specByKey.has(spec.key)) throw new Error(`duplicate product key ${spec.key}`);
    if (spec.capability !== null && !capabilityCodes.has(spec.capability)) {
      throw new Error(`product ${spec.key}: unknown capability ${spec.capability}`);
    }
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
      capabilityId: spec.capability === null ? null : capabilityId(spec.capability),
    });
    specByKey.set(spec.key, spec);
    productIdByKey.set(spec.key, id);
    for (const alias of spec.aliases) {
      const normalised = normaliseAlias(alias);
      if (aliasSeen.has(normalised)) throw new Error(`duplicate alias "${alias}"`);
      aliasSeen.add(normalised);
      productAliases.push({ id: seedId("product-alias", normalised), productId: id, alias, normalised });
    }
  }
  return { capabilities, vendors, products, productAliases, specByKey, productIdByKey };
}
