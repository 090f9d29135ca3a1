// Contracts and licences: each organisation's licences are grouped into one contract per supplier
// (a reseller for Microsoft and VMware), with terms from the table below or, failing that, drawn from
// the organisation's seeded PRNG. Service contracts without licences are listed explicitly.
import type { LicenceRequest } from "./builder.ts";
import type { SeedCatalogue } from "./catalogue.ts";
import { productLabel } from "./catalogue-spec.ts";
import { day, gbp, seedId } from "./keys.ts";
import { createPrng } from "./prng.ts";
import type { ContractRow, LicenceRow, OrganisationRow } from "./types.ts";

/** Contract terms that matter to the convergence story (co-termination, imminent renewals). */
interface Terms {
  start: string;
  end: string;
  notice: number;
  renewal: string;
}

/** A service contract with no licences (networks, hardware support, co-location). */
export interface ServiceContractSpec extends Terms {
  title: string;
  supplier: string;
  annual: number;
  cpv: string;
  description: string;
}

/** Who each organisation buys a vendor's products through, when it is not the vendor itself. */
const RESELLERS: Record<string, Record<string, string>> = {
  SCC: {
    Microsoft: "Bytes Software Services",
    "VMware by Broadcom": "Computacenter (UK) Ltd",
    Esri: "Esri UK",
  },
  DCC: { Microsoft: "Softcat plc", "VMware by Broadcom": "CDW UK", Precisely: "Softcat plc" },
};

/** Fixed terms by "<ORG>:<supplier>". */
const FIXED_TERMS: Record<string, Terms> = {
  "SCC:Bytes Software Services": {
    start: "2024-04-01",
    end: "2027-03-31",
    notice: 90,
    renewal:
      "Three-year Enterprise Agreement; annual true-up; renewal through the Crown Commercial Service MCCA.",
  },
  "DCC:Softcat plc": {
    start: "2024-07-01",
    end: "2027-06-30",
    notice: 90,
    renewal: "Three-year Enterprise Agreement; annual true-up.",
  },
  "SCC:Computacenter (UK) Ltd": {
    start: "2024-01-01",
    end: "2026-12-31",
    notice: 60,
    renewal: "Broadcom subscription; renewal quote pending, no option to extend on current pricing.",
  },
  "DCC:CDW UK": {
    start: "2024-10-01",
    end: "2027-09-30",
    notice: 60,
    renewal: "Broadcom subscription; three-year term, no extension option.",
  },
  "SCC:Oracle": {
    start: "2023-04-01",
    end: "2028-03-31",
    notice: 90,
    renewal: "Annual technical support, renewed each April; uplift capped at 4%.",
  },
  "DCC:Oracle": {
    start: "2023-04-01",
    end: "2028-03-31",
    notice: 90,
    renewal: "Annual technical support, renewed each April; uplift capped at 4%.",
  },
  "SCC:System C": {
    start: "2022-04-01",
    end: "2027-03-31",
    notice: 180,
    renewal: "Five years plus two optional 12-month extensions.",
  },
  "DCC:Servelec": {
    start: "2021-10-01",
    end: "2027-09-30",
    notice: 180,
    renewal: "Six years including one exercised extension; no further extension.",
  },
};

/** Common Procurement Vocabulary code for a contract by the capability of its main product. */
const CPV_BY_CAPABILITY: Record<string, string> = {
  HR_PAYROLL: "48450000",
  FINANCE: "48440000",
  PAYMENTS: "48440000",
  DATABASE: "48610000",
  CRM: "48445000",
  BACKUP: "48710000",
  NETWORK_SECURITY: "48730000",
  ENDPOINT_SECURITY: "48730000",
  WEB_FILTERING: "48730000",
  TELEPHONY: "48510000",
  DOCUMENT_MANAGEMENT: "48311000",
  BUSINESS_INTELLIGENCE: "48482000",
};
const INDUSTRY_SPECIFIC = new Set([
  "SOCIAL_CARE_ADULTS",
  "SOCIAL_CARE_CHILDREN",
  "HOUSING",
  "REVENUES_BENEFITS",
  "PLANNING",
  "LIBRARIES",
  "SCHOOLS_MIS",
  "EDUCATION",
  "WASTE_ENVIRONMENT",
  "HIGHWAYS",
  "PARKING",
  "ELECTORAL",
  "REGISTRARS",
]);

function cpvFor(capability: string | null): string {
  if (capability === null) return "48000000";
  if (INDUSTRY_SPECIFIC.has(capability)) return "48100000";
  return CPV_BY_CAPABILITY[capability] ?? "48000000";
}

const NOTICE_DAYS = [30, 60, 90, 90, 90, 180] as const;
const END_YEARS = [2026, 2027, 2027, 2028, 2028, 2028, 2029, 2029, 2030] as const;
const QUARTER_ENDS = ["03-31", "06-30", "09-30", "12-31"] as const;

/** Terms drawn from a PRNG: ends spread from December 2026 to 2030, every contract already started. */
function drawTerms(seed: string): Terms {
  const prng = createPrng(seed);
  const endYear = prng.pick(END_YEARS);
  const endDay = endYear === 2026 ? "12-31" : prng.pick(QUARTER_ENDS);
  const startMonthDay = { "03-31": "04-01", "06-30": "07-01", "09-30": "10-01", "12-31": "01-01" }[endDay];
  const startOffset = endDay === "12-31" ? 1 : 0; // a term ending 31 December started on 1 January
  const years = Math.max(prng.pick([3, 4, 5] as const), endYear + startOffset - 2025);
  return {
    start: `${endYear - years + startOffset}-${startMonthDay}`,
    end: `${endYear}-${endDay}`,
    notice: prng.pick(NOTICE_DAYS),
    renewal: prng.pick([
      "Fixed term; re-procure through a framework before expiry.",
      "Initial term plus optional 12-month extensions.",
      "Rolls annually unless notice is given.",
      "Fixed term with one optional 24-month extension.",
    ]),
  };
}

function termYears(t: Terms): bigint {
  const ms = day(t.end).getTime() - day(t.start).getTime();
  return BigInt(Math.max(1, Math.round(ms / (365.25 * 24 * 3600 * 1000))));
}

/** Builds each organisation's contracts and licences, linking every licence to a contract of its own organisation. */
export function buildContractsAndLicences(
  organisations: readonly OrganisationRow[],
  requests: readonly LicenceRequest[],
  services: Readonly<Record<string, readonly ServiceContractSpec[]>>,
  catalogue: SeedCatalogue,
): { contracts: ContractRow[]; licences: LicenceRow[] } {
  const contracts: ContractRow[] = [];
  const licences: LicenceRow[] = [];
  for (const org of organisations) {
    const mine = requests.filter((r) => r.organisationCode === org.code);
    const bySupplier = new Map<string, LicenceRequest[]>();
    for (const r of mine) {
      const spec = catalogue.specByKey.get(r.productKey);
      if (!spec) throw new Error(`unknown product ${r.productKey}`);
      const supplier = RESELLERS[org.code]?.[spec.vendor] ?? spec.vendor;
      bySupplier.set(supplier, [...(bySupplier.get(supplier) ?? []), r]);
    }
    let n = 0;
    const reference = () => `${org.code}/ICT/${String(++n).padStart(3, "0")}`;
    for (const [supplier, group] of bySupplier) {
      const ref = reference();
      const terms = FIXED_TERMS[`${org.code}:${supplier}`] ?? drawTerms(`${org.code}:${supplier}`);
      const specs = group.map((r) => catalogue.specByKey.get(r.productKey)!);
      const active = group.filter((r) => r.status === "ACTIVE");
      const annual = active.reduce((sum, r) => sum + r.annualCostPence, 0n);
      const contractId = seedId("contract", `${org.code}/${ref}`);
      const names = specs.map(productLabel);
      contracts.push({
        id: contractId,
        organisationId: org.id,
        reference: ref,
        title: `${supplier}: ${names.length === 1 ? names[0] : `${names.length} products`} licences and support`,
        description: `Licences, maintenance and support for ${names.join(", ")}.`,
        supplierName: supplier,
        startDate: day(terms.start),
        endDate: day(terms.end),
        noticePeriodDays: terms.notice,
        valuePence: annual * termYears(terms),
        annualValuePence: annual,
        renewalTerms: terms.renewal,
        cpvCode: cpvFor(specs[0]?.job?.split(".")[0] ?? null),
        ocid: null,
        status: active.length === 0 ? "RETIRED" : "ACTIVE",
      });
      for (const r of group) {
        licences.push({
          id: seedId("licence", `${org.code}/${r.productKey}`),
          organisationId: org.id,
          productId: catalogue.productIdByKey.get(r.productKey)!,
          contractId,
          metric: r.metric,
          quantityOwned: r.quantityOwned,
          quantityUsed: r.quantityUsed,
          unitCostPence: r.unitCostPence,
          annualCostPence: r.annualCostPence,
          status: r.status,
          notes: r.notes,
        });
      }
    }
    for (const s of services[org.code] ?? []) {
      const ref = reference();
      const annual = gbp(s.annual);
      contracts.push({
        id: seedId("contract", `${org.code}/${ref}`),
        organisationId: org.id,
        reference: ref,
        title: s.title,
        description: s.description,
        supplierName: s.supplier,
        startDate: day(s.start),
        endDate: day(s.end),
        noticePeriodDays: s.notice,
        valuePence: annual * termYears(s),
        annualValuePence: annual,
        renewalTerms: s.renewal,
        cpvCode: s.cpv,
        ocid: null,
        status: "ACTIVE",
      });
    }
  }
  return { contracts, licences };
}
