// A deterministic OCDS record package of any size, shaped like the councils' published ICT records
// (seeds/data/): a compiled release per record with the buyer in `parties`, a tender with its CPV code,
// value and contract period, and usually an award with a supplier and a contract; a few records lack a
// value, a supplier or dates, as public records do. For the import benchmark and throughput tests.
import { createHash } from "node:crypto";

/** A buyer the generated records name (an identifier and name an organisation in the database has). */
export interface GeneratedBuyer {
  id: string;
  name: string;
}

/** Options of `generateOcdsPackage`. */
export interface OcdsGenerateOptions {
  /** Records in the package. */
  records: number;
  /** The buyers, used in turn. */
  buyers: readonly GeneratedBuyer[];
  /** Distinguishes the ocids (and tender ids) of one package from another's. */
  prefix?: string;
  /** Release date of every record (a later date makes a re-import update the contracts). */
  releaseDate?: string;
}

const CPV = ["48000000", "48445000", "48450000", "72000000", "72500000", "48610000", "32400000", "30200000"];
const WHAT = [
  "Customer relationship management platform",
  "HR and payroll system",
  "Library management system",
  "Web filtering service",
  "Database licences and support",
  "Network switches refresh",
  "IT service management tool",
  "Geographic information system",
];
const SUPPLIERS = ["Civica UK Ltd", "Capita plc", "Softcat plc", "Computacenter UK Ltd", "CDW Ltd", "Idox plc"];

/** A hash-derived number in [0, n): deterministic per (key, salt). */
function pick(key: string, salt: string, n: number): number {
  return createHash("sha1").update(`${key}|${salt}`).digest().readUInt32BE(0) % n;
}

/** The record package: `{ uri, publishedDate, version, records: [{ ocid, compiledRelease }] }`. */
export function generateOcdsPackage(options: OcdsGenerateOptions) {
  const prefix = options.prefix ?? "bench";
  const releaseDate = options.releaseDate ?? "2024-06-01T09:00:00Z";
  const records = Array.from({ length: options.records }, (_v, i) => {
    const ocid = `ocds-b5fd17-${prefix}-${String(i).padStart(6, "0")}`;
    const buyer = options.buyers[i % options.buyers.length]!;
    const what = WHAT[pick(ocid, "what", WHAT.length)]!;
    const supplier = SUPPLIERS[pick(ocid, "supplier", SUPPLIERS.length)]!;
    const startYear = 2020 + pick(ocid, "year", 6);
    const years = 1 + pick(ocid, "years", 5);
    const amount = 5_000 + pick(ocid, "amount", 2_000_000) + pick(ocid, "pence", 100) / 100;
    const period = {
      startDate: `${startYear}-04-01T00:00:00Z`,
      endDate: `${startYear + years}-03-31T23:59:59Z`,
    };
    const variant = i % 20; // 1 in 20 without a value, 1 in 20 without an award, 1 in 20 without dates
    const value = variant === 3 ? undefined : { amount, currency: "GBP" };
    const awarded = variant !== 7;
    return {
      ocid,
      compiledRelease: {
        ocid,
        tag: ["compiled"],
        date: releaseDate,
        initiationType: "tender",
        parties: [
          { id: buyer.id, name: buyer.name, roles: ["buyer"] },
          ...(awarded ? [{ id: `GB-COH-${pick(supplier, "id", 9_999_999)}`, name: supplier, roles: ["supplier"] }] : []),
        ],
        buyer: { id: buyer.id, name: buyer.name },
        tender: {
          id: `${prefix.toUpperCase()}-T${i}`,
          title: `${what} (${prefix} ${i})`,
          description: `${what} for ${buyer.name}: supply, implementation and support for ${years} year(s).`,
          status: awarded ? "complete" : "active",
          classification: { scheme: "CPV", id: CPV[pick(ocid, "cpv", CPV.length)]!, description: what },
          ...(value ? { value } : {}),
          ...(variant === 11 ? {} : { contractPeriod: period }),
        },
        ...(awarded
          ? {
              awards: [
                {
                  id: `${prefix}-A${i}`,
                  status: "active",
                  suppliers: [{ name: supplier }],
                  ...(value ? { value } : {}),
                  ...(variant === 11 ? {} : { contractPeriod: period }),
                },
              ],
              contracts: [{ id: `${prefix}-C${i}`, awardID: `${prefix}-A${i}`, status: "active" }],
            }
          : {}),
      },
    };
  });
  return {
    uri: `https://example.invalid/ocds/${prefix}.json`,
    publishedDate: releaseDate,
    version: "1.1",
    records,
  };
}
