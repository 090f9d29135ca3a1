// Importing OCDS packages: the real sample (25 records: 12 Durham and 5 Sunderland by buyer, 8 without
// one), partial records, idempotent re-import, newer releases, explicit organisations, dry runs and
// permissions.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { buildOrganisations } from "../../seeds/organisations.ts";
import { ocdsSeedPackage } from "../../seeds/ocds.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import { auditCount, fingerprint, ok, type Gql } from "../api/fixtures.ts";
import { actorWith } from "./fixture.ts";

const IMPORT = /* GraphQL */ `
  mutation ($json: JSON!, $organisation: String, $dryRun: Boolean) {
    importOcds(json: $json, organisation: $organisation, dryRun: $dryRun) {
      dryRun
      created
      updated
      unchanged
      skipped
      byOrganisation {
        organisationCode
        created
        updated
        unchanged
      }
      problems {
        ocid
        field
        message
      }
      records {
        ocid
        outcome
        buyerMatch
        buyer
        missing
        problems
        changedFields
        organisation {
          code
        }
        capability {
          code
          method
          evidence
        }
        contract {
          id
          reference
          title
          description
          supplierName
          startDate
          endDate
          value
          annualValue
          noticePeriodDays
          cpvCode
          ocid
          version
          status
        }
      }
    }
  }
`;

const sample = ocdsSeedPackage() as { records: any[] };
const GRANICUS = "ocds-b5fd17-74ecbeab-1972-4a9b-8445-7c89d617703a"; // DCC by identifier; no value, no supplier
const WEB_FILTER = "ocds-b5fd17-e22a4e5f-3db6-46be-8a9d-e1fd9ffec03c"; // SCC by name
const NO_BUYER = "ocds-h6vhtk-066195"; // no buyer, value, supplier or dates

/** A release package with one newer release of the web-filtering record. */
function newerRelease(
  date: string,
  amount: number,
  title = "Web Filtering Software and Support Package (extended)",
) {
  const compiled = sample.records.find((r) => r.ocid === WEB_FILTER).compiledRelease;
  return {
    uri: "https://example.org/releases.json",
    publishedDate: date,
    releases: [
      {
        ...structuredClone(compiled),
        id: `${WEB_FILTER}-update-${date}`,
        date,
        tag: ["contractAmendment"],
        tender: { ...structuredClone(compiled.tender), title, value: { amount, currency: "GBP" } },
        awards: [],
        contracts: [],
      },
    ],
  };
}

describe.each(engines())("OCDS import on %s", (engine) => {
  let db: TestDatabase;
  let gql: Gql;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    gql = graphqlClient(db.prisma);
  });
  afterAll(() => db?.close());
  beforeEach(async () => {
    await db.truncate();
    await db.prisma.organisation.createMany({ data: buildOrganisations() });
  });

  const importSample = async (variables: Record<string, unknown> = {}) =>
    ok(await gql(IMPORT, { json: sample, ...variables })).importOcds;

  it("imports the sample: 12 Durham and 5 Sunderland contracts, the 8 unknown buyers reported", async () => {
    const r = await importSample();
    expect(r).toMatchObject({ dryRun: false, created: 17, updated: 0, unchanged: 0, skipped: 8 });
    expect(r.byOrganisation).toEqual([
      { organisationCode: "DCC", created: 12, updated: 0, unchanged: 0 },
      { organisationCode: "SCC", created: 5, updated: 0, unchanged: 0 },
    ]);
    expect(r.records).toHaveLength(25);
    const skipped = r.records.filter((x: any) => x.outcome === "SKIPPED");
    expect(skipped).toHaveLength(8);
    for (const x of skipped) {
      expect(x).toMatchObject({ buyerMatch: "NONE", organisation: null, contract: null });
      expect(x.missing).toContain("buyer");
      expect(x.problems.join(" ")).toContain("explicit organisation");
    }
    expect(await db.prisma.contract.count()).toBe(17);
    expect(await auditCount(db.prisma)).toBe(17);
    const web = r.records.find((x: any) => x.ocid === WEB_FILTER);
    expect(web).toMatchObject({
      outcome: "CREATED",
      buyerMatch: "NAME",
      organisation: { code: "SCC" },
      capability: { code: "WEB_FILTERING.WEB_FILTER", method: "PHRASE" },
    });
    expect(web.contract).toMatchObject({
      reference: "SUN001-DN553865-90979232",
      value: "219617.03",
      startDate: "2021-08-01",
      endDate: "2024-10-31",
      cpvCode: "48000000",
      ocid: WEB_FILTER,
    });
    expect(r.records.find((x: any) => x.ocid === GRANICUS)).toMatchObject({
      buyerMatch: "IDENTIFIER",
      organisation: { code: "DCC" },
    });
  });

  it("imports what a partial record gives, reports what is missing and invents nothing", async () => {
    const r = await importSample();
    const granicus = r.records.find((x: any) => x.ocid === GRANICUS);
    expect(granicus.missing).toEqual(["value", "supplier"]);
    expect(granicus.contract).toMatchObject({
      title: "Granicus Azure B2C Configuration",
      value: null,
      annualValue: null,
      supplierName: null,
      noticePeriodDays: null,
      startDate: "2025-01-01",
      endDate: "2028-12-31",
      reference: "001944 / DN757162",
    });
    expect(granicus.capability).toEqual({
      code: "IDENTITY.CITIZEN_IDENTITY",
      method: "PRODUCT",
      evidence: "Azure B2C",
    });
  });

  it("changes nothing and writes no audit event when the same file is imported again", async () => {
    await importSample();
    const before = await fingerprint(db.prisma);
    const audits = await auditCount(db.prisma);
    const again = await importSample();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 17, skipped: 8 });
    expect(await fingerprint(db.prisma)).toEqual(before);
    expect(await auditCount(db.prisma)).toBe(audits);
  });

  it("updates a contract from a newer release, with an audit event, and ignores an older one", async () => {
    await importSample();
    const contract = await db.prisma.contract.findUniqueOrThrow({ where: { ocid: WEB_FILTER } });
    const newer = ok(await gql(IMPORT, { json: newerRelease("2025-03-01T10:00:00Z", 250000.5) })).importOcds;
    expect(newer).toMatchObject({ created: 0, updated: 1, unchanged: 0, skipped: 0 });
    expect(newer.records[0]).toMatchObject({
      outcome: "UPDATED",
      changedFields: ["title", "value", "annualValue"],
    });
    expect(newer.records[0].contract).toMatchObject({
      title: "Web Filtering Software and Support Package (extended)",
      value: "250000.50",
      // Over 1 Aug 2021 – 31 Oct 2024 (1,188 days): 25,000,050p × 365 / 1,188 = 7,680,991.79…p → 7,680,992p.
      annualValue: "76809.92",
      version: 2,
      endDate: "2024-10-31",
    });
    const events = await db.prisma.auditEvent.findMany({
      where: { entityId: contract.id },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["CREATE", "UPDATE"]);
    expect(events[1]!.before).toMatchObject({ valuePence: "21961703" });
    expect(events[1]!.after).toMatchObject({ valuePence: "25000050" });

    const before = await fingerprint(db.prisma);
    const older = ok(
      await gql(IMPORT, { json: newerRelease("2024-01-01T00:00:00Z", 1, "Old title") }),
    ).importOcds;
    expect(older.records[0]).toMatchObject({ outcome: "UNCHANGED", changedFields: [] });
    expect(older.records[0].problems.join(" ")).toContain("not newer");
    expect(await fingerprint(db.prisma)).toEqual(before);
  });

  it("imports unknown buyers under an explicit organisation and skips other organisations' records", async () => {
    await importSample();
    const r = await importSample({ organisation: "DCC" });
    expect(r).toMatchObject({ created: 8, updated: 0, unchanged: 12, skipped: 5 });
    const explicit = r.records.filter((x: any) => x.buyerMatch === "EXPLICIT");
    expect(explicit).toHaveLength(8);
    expect(explicit.every((x: any) => x.outcome === "CREATED" && x.organisation.code === "DCC")).toBe(true);
    const bare = r.records.find((x: any) => x.ocid === NO_BUYER);
    // No tender id: the ocid is the reference. No dates, value or supplier: none invented.
    expect(bare.contract).toMatchObject({
      reference: NO_BUYER,
      title: "Provision of a Multichannel Directory Platform",
      value: null,
      startDate: null,
      endDate: null,
      supplierName: null,
    });
    expect(bare.missing).toEqual(["buyer", "value", "supplier", "startDate", "endDate"]);
    const scc = r.records.filter((x: any) => x.outcome === "SKIPPED");
    expect(scc.every((x: any) => x.problems.join(" ").includes("is SCC, not DCC"))).toBe(true);
    expect(await db.prisma.contract.count({ where: { organisation: { code: "DCC" } } })).toBe(20);
  });

  it("reports a dry run without writing anything", async () => {
    const before = await fingerprint(db.prisma);
    const r = await importSample({ dryRun: true });
    expect(r).toMatchObject({ dryRun: true, created: 17, skipped: 8 });
    expect(r.records.every((x: any) => x.contract === null)).toBe(true);
    expect(await fingerprint(db.prisma)).toEqual(before);
  });

  it("refuses a VIEWER, and anyone lacking editProcurement in one target organisation, writing nothing", async () => {
    const orgs = await db.prisma.organisation.findMany();
    const id = (code: string) => orgs.find((o) => o.code === code)!.id;
    const before = await fingerprint(db.prisma);
    const viewer = graphqlClient(db.prisma, actorWith({ [id("DCC")]: ["VIEWER"], [id("SCC")]: ["VIEWER"] }));
    const refused = await viewer(IMPORT, { json: sample });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // PROCUREMENT in DCC only: the SCC records make the whole import fail, DCC's included.
    const dccOnly = graphqlClient(db.prisma, actorWith({ [id("DCC")]: ["PROCUREMENT"] }));
    expect((await dccOnly(IMPORT, { json: sample })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await fingerprint(db.prisma)).toEqual(before);
    // ... and may import into DCC alone.
    const r = ok(await dccOnly(IMPORT, { json: sample, organisation: "DCC" })).importOcds;
    expect(r).toMatchObject({ created: 20, skipped: 5 });
  });

  it("reports an impossible contract date in the record's problems, naming the field and value, not as missing", async () => {
    const record = structuredClone(sample.records.find((r) => r.ocid === GRANICUS));
    record.compiledRelease.tender.contractPeriod = { startDate: "0000-00-00", endDate: "2025-13-45" };
    const r = ok(await gql(IMPORT, { json: { records: [record] }, dryRun: true })).importOcds;
    const [x] = r.records;
    expect(x.missing).not.toContain("startDate");
    expect(x.missing).not.toContain("endDate");
    expect(x.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^records\[0\]\.compiledRelease\.tender\.contractPeriod\.startDate: "0000-00-00" is not a valid date/,
        ),
        expect.stringMatching(
          /^records\[0\]\.compiledRelease\.tender\.contractPeriod\.endDate: "2025-13-45" is not a valid date/,
        ),
      ]),
    );
  });

  it("refuses JSON that is not an OCDS package", async () => {
    const r = await gql(IMPORT, { json: { hello: "world" } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: "BAD_INPUT", field: "json" });
  });
});
