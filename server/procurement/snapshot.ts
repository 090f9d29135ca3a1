// The procurement view of the estate, read in a fixed number of queries whatever its size: the
// organisations compared, their active licences, the products, vendors and capabilities behind them, and
// their contracts. Every procurement calculation works on one snapshot, so one answer is consistent.
import type {
  Capability,
  Contract,
  Licence,
  Organisation,
  PrismaClient,
  Product,
} from "../../generated/prisma/client.ts";
import type { Tx } from "../shared/writes.ts";
import { organisationIdsByCodes } from "../organisations/service.ts";
import { productJobs } from "../catalogue/jobs.ts";

/** Everything procurement reads, keyed for lookups. */
export interface ProcurementSnapshot {
  /** The organisations compared, by code. */
  organisations: Organisation[];
  organisationById: Map<string, Organisation>;
  /** Active licences of those organisations, ordered by id. */
  licences: Licence[];
  productById: Map<string, Product>;
  vendorNameById: Map<string, string>;
  capabilityById: Map<string, Capability>;
  capabilityByCode: Map<string, Capability>;
  /** The job codes of every licensed product (server/catalogue/jobs.ts), sorted; empty when unknown. */
  jobsByProduct: Map<string, string[]>;
  /** Active contracts of those organisations, and any contract a licence points at. */
  contractById: Map<string, Contract>;
}

/**
 * Reads the snapshot for the organisations with `codes` (all organisations when none are given).
 * Unknown codes are refused with NOT_FOUND naming `field`.
 */
export async function loadSnapshot(
  db: PrismaClient | Tx,
  codes: readonly string[] | null | undefined,
  field = "organisations",
): Promise<ProcurementSnapshot> {
  const ids = codes?.length ? await organisationIdsByCodes(db, codes, field) : null;
  const orgWhere = ids ? { id: { in: ids } } : {};
  const [organisations, licences, capabilities] = await Promise.all([
    db.organisation.findMany({ where: orgWhere, orderBy: { code: "asc" } }),
    db.licence.findMany({
      where: { status: "ACTIVE", ...(ids ? { organisationId: { in: ids } } : {}) },
      orderBy: { id: "asc" },
    }),
    db.capability.findMany({ orderBy: { code: "asc" } }),
  ]);
  const productIds = [...new Set(licences.map((l) => l.productId))];
  const linkedContractIds = [
    ...new Set(licences.map((l) => l.contractId).filter((c): c is string => c !== null)),
  ];
  const [products, contracts, jobsByProduct] = await Promise.all([
    db.product.findMany({ where: { id: { in: productIds } } }),
    db.contract.findMany({
      where: {
        OR: [
          { status: "ACTIVE", ...(ids ? { organisationId: { in: ids } } : {}) },
          { id: { in: linkedContractIds } },
        ],
      },
      orderBy: { id: "asc" },
    }),
    productJobs(db, productIds),
  ]);
  const vendors = await db.vendor.findMany({
    where: { id: { in: [...new Set(products.map((p) => p.vendorId))] } },
  });
  return {
    organisations,
    organisationById: new Map(organisations.map((o) => [o.id, o])),
    licences,
    productById: new Map(products.map((p) => [p.id, p])),
    vendorNameById: new Map(vendors.map((v) => [v.id, v.name])),
    capabilityById: new Map(capabilities.map((c) => [c.id, c])),
    capabilityByCode: new Map(capabilities.map((c) => [c.code, c])),
    jobsByProduct,
    contractById: new Map(contracts.map((c) => [c.id, c])),
  };
}

/** The jobs of a product (sorted), empty when none is known. */
export function productJobCodes(snapshot: ProcurementSnapshot, productId: string): readonly string[] {
  return snapshot.jobsByProduct.get(productId) ?? [];
}

/** The capability code of a product (its main job), or null. */
export function productCapabilityCode(snapshot: ProcurementSnapshot, productId: string): string | null {
  const capabilityId = snapshot.productById.get(productId)?.capabilityId;
  return capabilityId ? (snapshot.capabilityById.get(capabilityId)?.code ?? null) : null;
}

/**
 * A product as people name it: vendor (unless the name already starts with it or its first word),
 * name, then edition — "Microsoft 365 E3", "VMware vSphere Foundation", "Idox Uniform".
 */
export function productLabel(snapshot: ProcurementSnapshot, productId: string): string {
  const p = snapshot.productById.get(productId);
  if (!p) return productId;
  const vendor = snapshot.vendorNameById.get(p.vendorId) ?? "";
  const firstWord = vendor.split(" ")[0] ?? vendor;
  const named =
    !vendor || p.name.startsWith(vendor) || p.name.startsWith(firstWord) ? p.name : `${vendor} ${p.name}`;
  return p.edition ? `${named} ${p.edition}` : named;
}
