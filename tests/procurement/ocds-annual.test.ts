// OCDS values a year: the most specific stage's value spread over its contract period
// (ANNUALISATION_RULE), never invented when the value or a date is missing.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { annualisedValue } from "../../server/procurement/ocds-fields.ts";
import { ocdsSeedPackage } from "../../seeds/ocds.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import { createOrganisations, ok, type Gql } from "../api/fixtures.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("annualisedValue", () => {
  it("spreads a multi-year value over its period, rounding half-up once", () => {
    // 1 Apr 2024 to 31 Mar 2027 is 1,095 days: £300,000.00 × 365 / 1,095 = £100,000.00.
    expect(annualisedValue(30_000_000n, day("2024-04-01"), day("2027-03-31"))).toBe(10_000_000n);
    // 1,096 days (a leap year inside): 30,000,000 × 365 / 1,096 = 9,990,875.91… → 9,990,876p.
    expect(annualisedValue(30_000_000n, day("2024-01-01"), day("2026-12-31"))).toBe(9_990_876n);
  });

  it("keeps a value of a year or less whole, and invents nothing without a value or both dates", () => {
    expect(annualisedValue(5_000_000n, day("2025-01-01"), day("2025-06-30"))).toBe(5_000_000n);
    expect(annualisedValue(5_000_000n, day("2025-01-01"), day("2025-12-31"))).toBe(5_000_000n);
    expect(annualisedValue(undefined, day("2025-01-01"), day("2027-12-31"))).toBeUndefined();
    expect(annualisedValue(5_000_000n, undefined, day("2027-12-31"))).toBeUndefined();
    expect(annualisedValue(5_000_000n, day("2027-12-31"), day("2025-01-01"))).toBeUndefined();
  });
});

const IMPORT = /* GraphQL */ `
  mutation ($json: JSON!) {
    importOcds(json: $json, organisation: "DCC") {
      records {
        ocid
        outcome
        buyerMatch
        missing
        problems
        contract {
          value
          annualValue
          startDate
          endDate
        }
      }
    }
  }
`;

const sample = ocdsSeedPackage() as { records: any[] };
const WEB_FILTER = "ocds-b5fd17-e22a4e5f-3db6-46be-8a9d-e1fd9ffec03c";

describe.each(engines())("OCDS import of values a year on %s", (engine) => {
  let db: TestDatabase;
  let gql: Gql;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await createOrganisations(db.prisma);
    gql = graphqlClient(db.prisma);
  });
  afterAll(() => db?.close());

  it("takes the award's value and period over the tender's, and annualises it", async () => {
    const record = structuredClone(sample.records.find((r) => r.ocid === WEB_FILTER));
    record.ocid = "ocds-zz9999-annual-1";
    record.compiledRelease.ocid = record.ocid;
    record.compiledRelease.buyer = { name: "Durham County Council" };
    // Tender: £219,617.03 over 1 Aug 2021 – 31 Oct 2024. Award: £240,000.00 over 1 Nov 2024 – 31 Oct 2027.
    record.compiledRelease.awards = [
      {
        id: "1",
        value: { amount: 240000, currency: "GBP" },
        contractPeriod: { startDate: "2024-11-01T00:00:00Z", endDate: "2027-10-31T23:59:59Z" },
      },
    ];
    const [r] = ok(await gql(IMPORT, { json: { records: [record] } })).importOcds.records;
    // 1 Nov 2024 – 31 Oct 2027 is 1,095 days: £240,000.00 × 365 / 1,095 = £80,000.00.
    expect(r.problems).toEqual([
      'buyer "Durham County Council" is not recognised; imported under DCC as requested.',
    ]);
    expect(r.contract).toEqual({
      value: "240000.00",
      annualValue: "80000.00",
      startDate: "2024-11-01",
      endDate: "2027-10-31",
    });
  });

  it("imports no annual value when the record gives no period", async () => {
    const record = structuredClone(sample.records.find((r) => r.ocid === WEB_FILTER));
    record.ocid = "ocds-zz9999-annual-2";
    record.compiledRelease.ocid = record.ocid;
    record.compiledRelease.buyer = { name: "Durham County Council" };
    delete record.compiledRelease.tender.contractPeriod;
    const [r] = ok(await gql(IMPORT, { json: { records: [record] } })).importOcds.records;
    expect(r.contract).toMatchObject({
      value: "219617.03",
      annualValue: null,
      startDate: null,
      endDate: null,
    });
  });
});
