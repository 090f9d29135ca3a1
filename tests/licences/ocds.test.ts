// OCDS parsing on the real Sunderland/Durham sample (a record package of 25 compiled releases), plus
// small hand-made packages for the cases the sample lacks. Expected numbers were counted with jq.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  comparableName,
  matchBuyer,
  parseOcdsPackage,
  type BuyerOrganisation,
} from "../../server/licences/ocds.ts";
import { amountToPence, calendarDate } from "../../server/licences/ocds-values.ts";

const SAMPLE = JSON.parse(
  readFileSync(new URL("../../seeds/data/ict-contracts-record-package.json", import.meta.url), "utf8"),
) as unknown;

/** The two councils as the seeds define them. */
const ORGANISATIONS: BuyerOrganisation[] = [
  { id: "org-scc", code: "SCC", name: "Sunderland City Council", identifiers: ["GB-LAE-SND"] },
  { id: "org-dcc", code: "DCC", name: "Durham County Council", identifiers: ["GB-LAE-DUR", "GB-CFS-49652"] },
];

const release = (
  ocid: string,
  date: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> => ({
  ocid,
  id: `${ocid}-${date}`,
  date,
  tag: ["tender"],
  parties: [{ id: "GB-LAE-DUR", name: "Durham County Council", roles: ["buyer"] }],
  tender: { id: "T-1", title: "Library management system", value: { amount: 1000, currency: "GBP" } },
  ...extra,
});

describe("parseOcdsPackage on the Sunderland/Durham sample", () => {
  const { drafts, problems } = parseOcdsPackage(SAMPLE);
  const byOcid = new Map(drafts.map((d) => [d.ocid, d]));

  it("gives one draft per record and no problems", () => {
    expect(drafts).toHaveLength(25);
    expect(new Set(drafts.map((d) => d.ocid)).size).toBe(25);
    expect(problems).toEqual([]);
  });

  it("attributes 12 contracts to Durham, 5 to Sunderland and leaves 8 without a buyer", () => {
    const counts: Record<string, number> = {};
    for (const d of drafts) {
      const org = matchBuyer(d.buyer, ORGANISATIONS) ?? "unmatched";
      counts[org] = (counts[org] ?? 0) + 1;
    }
    expect(counts).toEqual({ "org-dcc": 12, "org-scc": 5, unmatched: 8 });
    // 8 of Durham's by identifier (7 × GB-LAE-DUR, 1 × GB-CFS-49652); every Sunderland one by name.
    const byIdentifier = drafts.filter((d) => matchBuyer({ id: d.buyer.id }, ORGANISATIONS) !== null);
    expect(byIdentifier).toHaveLength(8);
    expect(drafts.filter((d) => d.missing.includes("buyer"))).toHaveLength(8);
  });

  it("reads a complete record fully, with value in pence and dates as published", () => {
    expect(byOcid.get("ocds-b5fd17-e22a4e5f-3db6-46be-8a9d-e1fd9ffec03c")).toEqual({
      ocid: "ocds-b5fd17-e22a4e5f-3db6-46be-8a9d-e1fd9ffec03c",
      releaseDate: "2021-07-27T11:10:04+01:00",
      buyer: { id: "GB-CFS-176615", name: "Sunderland City Council" },
      title: "Web Filtering Software and Support Package",
      description: expect.stringContaining("Web Filtering Software") as unknown,
      cpvCode: "48000000",
      additionalCpvCodes: [],
      valuePence: 21961703n,
      startDate: "2021-08-01",
      endDate: "2024-10-31",
      supplierName: null,
      reference: "SUN001-DN553865-90979232",
      status: "complete",
      missing: ["supplier"],
    });
    // A BST midnight start stays on its own day.
    expect(byOcid.get("ocds-b5fd17-0f5bd7ec-f128-40fd-a32e-35e3ebaa7ce7")?.startDate).toBe("2025-04-10");
    expect(byOcid.get("ocds-b5fd17-6e1c0788-398c-4a78-9521-ef17466c42ba")?.valuePence).toBe(2795430n);
  });

  it("lists what partial records lack and invents nothing", () => {
    const noValue = byOcid.get("ocds-b5fd17-f226a674-5bd0-4e38-8cc3-dd1dadd1dfdf")!;
    expect(noValue).toMatchObject({ valuePence: null, supplierName: null, startDate: "2024-05-18" });
    expect(noValue.missing).toEqual(["value", "supplier"]);

    const bare = byOcid.get("ocds-h6vhtk-066195")!;
    expect(bare).toMatchObject({
      buyer: {},
      valuePence: null,
      startDate: null,
      endDate: null,
      reference: "ocds-h6vhtk-066195",
    });
    expect(bare.missing).toEqual(["buyer", "value", "supplier", "startDate", "endDate"]);

    // The sample has no awards, so no record names a supplier; minValue is never taken as the value.
    expect(drafts.every((d) => d.supplierName === null && d.missing.includes("supplier"))).toBe(true);
    expect(drafts.filter((d) => d.valuePence === null)).toHaveLength(6);
    expect(drafts.filter((d) => d.startDate === null)).toHaveLength(4);
    expect(byOcid.get("ocds-b5fd17-00ceef6e-b2ba-4be6-81f7-eb9e49e9d870")?.valuePence).toBe(4440000n);
  });

  it("keeps additional CPV classifications and a release-level description", () => {
    expect(byOcid.get("ocds-b5fd17-d2f52b22-5dd2-4536-b001-29c88fae83b2")).toMatchObject({
      cpvCode: "30213000",
      additionalCpvCodes: ["30214000", "48821000"],
    });
    expect(byOcid.get("ocds-h6vhtk-02b7bd")?.description).toContain("ProContract");
  });
});

describe("parseOcdsPackage on release packages", () => {
  it("keeps the newest release of an ocid, whatever the order", () => {
    const older = release("ocds-x-1", "2024-01-10T09:00:00Z");
    const newer = release("ocds-x-1", "2024-06-01T09:00:00Z", {
      tender: {
        id: "T-1",
        title: "Library management system (amended)",
        value: { amount: 2500.5, currency: "GBP" },
      },
    });
    const { drafts, problems } = parseOcdsPackage({ uri: "", version: "1.1", releases: [newer, older] });
    expect(problems).toEqual([]);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ title: "Library management system (amended)", valuePence: 250050n });
  });

  it("prefers contract over award over tender, and takes suppliers from awards", () => {
    const r = release("ocds-x-2", "2024-01-10T09:00:00Z", {
      awards: [
        {
          id: "A1",
          value: { amount: 900, currency: "GBP" },
          suppliers: [{ id: "GB-COH-1", name: "Civica UK Ltd" }],
          contractPeriod: { startDate: "2024-02-01", endDate: "2027-01-31" },
        },
      ],
      contracts: [{ id: "C1", awardID: "A1", value: { amount: 950, currency: "GBP" }, status: "active" }],
    });
    const [draft] = parseOcdsPackage({ releases: [r] }).drafts;
    expect(draft).toMatchObject({
      valuePence: 95000n,
      supplierName: "Civica UK Ltd",
      startDate: "2024-02-01",
      endDate: "2027-01-31",
      status: "active",
      missing: ["description", "cpv"], // the test tender gives neither
    });
  });

  it("reports a non-GBP value instead of converting it", () => {
    const r = release("ocds-x-3", "2024-01-10T09:00:00Z", {
      tender: { id: "T-3", title: "Firewall", value: { amount: 5000, currency: "EUR" } },
    });
    const { drafts, problems } = parseOcdsPackage({ releases: [r] });
    expect(drafts[0]).toMatchObject({ valuePence: null });
    expect(drafts[0]!.missing).toContain("value");
    expect(problems).toEqual([
      {
        ocid: "ocds-x-3",
        field: "releases[0].tender.value.currency",
        message: expect.stringContaining("EUR") as unknown,
      },
    ]);
  });

  it("leaves an unknown buyer unmatched", () => {
    const r = release("ocds-x-4", "2024-01-10T09:00:00Z", {
      parties: [{ id: "GB-LAE-GAT", name: "Gateshead Council", roles: ["buyer"] }],
    });
    const [draft] = parseOcdsPackage({ releases: [r] }).drafts;
    expect(draft!.buyer).toEqual({ id: "GB-LAE-GAT", name: "Gateshead Council" });
    expect(matchBuyer(draft!.buyer, ORGANISATIONS)).toBeNull();
  });

  it("takes the buyer field first and completes its name from parties", () => {
    const r = release("ocds-x-5", "2024-01-10T09:00:00Z", {
      buyer: { id: "GB-LAE-SND" },
      parties: [
        { id: "GB-LAE-SND", name: "Sunderland City Council", roles: ["buyer"] },
        { id: "GB-COH-2", name: "Supplier Ltd", roles: ["supplier"] },
      ],
    });
    const [draft] = parseOcdsPackage({ releases: [r] }).drafts;
    expect(draft).toMatchObject({
      buyer: { id: "GB-LAE-SND", name: "Sunderland City Council" },
      supplierName: "Supplier Ltd",
    });
    expect(matchBuyer(draft!.buyer, ORGANISATIONS)).toBe("org-scc");
  });
});

describe("parseOcdsPackage rejects what is not OCDS", () => {
  it.each([
    [null, "(root)"],
    [[1, 2], "(root)"],
    ["records", "(root)"],
    [{ data: [] }, "records"],
    [{ records: {} }, "records"],
    [{ releases: "x" }, "releases"],
  ])("%j → problem on %s", (input, field) => {
    const { drafts, problems } = parseOcdsPackage(input);
    expect(drafts).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe(field);
  });

  it("names the record or release at fault and keeps the good ones", () => {
    const { drafts, problems } = parseOcdsPackage({
      records: [
        { compiledRelease: { tender: {} } },
        { ocid: "ocds-y-1", releases: [{ url: "https://x/1.json" }] },
        7,
      ],
    });
    expect(drafts).toEqual([]);
    expect(problems.map((p) => p.field)).toEqual(["records[0].ocid", "records[1].releases", "records[2]"]);
    const rel = parseOcdsPackage({ releases: [{ date: "2024-01-01" }, release("ocds-y-2", "2024-01-01")] });
    expect(rel.drafts.map((d) => d.ocid)).toEqual(["ocds-y-2"]);
    expect(rel.problems.map((p) => p.field)).toEqual(["releases[0].ocid"]);
  });
});

describe("matchBuyer and value helpers", () => {
  it("matches by exact identifier, then by name ignoring case, 'the' and punctuation", () => {
    expect(matchBuyer({ id: "GB-CFS-49652" }, ORGANISATIONS)).toBe("org-dcc");
    expect(matchBuyer({ id: "gb-lae-dur" }, ORGANISATIONS)).toBeNull();
    expect(matchBuyer({ name: "THE Sunderland City Council." }, ORGANISATIONS)).toBe("org-scc");
    expect(matchBuyer({ id: "GB-CFS-1", name: "Durham County Council" }, ORGANISATIONS)).toBe("org-dcc");
    expect(matchBuyer({}, ORGANISATIONS)).toBeNull();
    expect(comparableName("Durham  County-Council")).toBe("durham county council");
  });

  it.each(["0000-00-00", "2025-13-45", "2025-02-29", "31/03/2025", "0999-12-31", "2025-04-10T25:00:00Z"])(
    "reports a contract date of %s as invalid, naming the field and the value, not as missing",
    (bad) => {
      const r = release("ocds-x-6", "2024-01-10T09:00:00Z", {
        contracts: [{ id: "C1", period: { startDate: bad, endDate: "2027-03-31" } }],
      });
      const { drafts, problems } = parseOcdsPackage({ releases: [r] });
      expect(drafts[0]).toMatchObject({ startDate: null, endDate: "2027-03-31" });
      expect(drafts[0]!.missing).not.toContain("startDate");
      expect(problems).toEqual([
        {
          ocid: "ocds-x-6",
          field: "releases[0].contracts[0].period.startDate",
          message: `${JSON.stringify(bad)} is not a valid date (YYYY-MM-DD or an ISO 8601 date-time, a real calendar day, year 1000 or later); ignored.`,
        },
      ]);
    },
  );

  it("takes a valid date from a less binding stage when the contract's is invalid, and reports the invalid one", () => {
    const r = release("ocds-x-7", "2024-01-10T09:00:00Z", {
      tender: {
        id: "T-7",
        title: "Telephony",
        contractPeriod: { startDate: "2025-05-01", endDate: "2028-04-30" },
      },
      awards: [{ id: "A1", contractPeriod: { endDate: 20280430 } }],
    });
    const { drafts, problems } = parseOcdsPackage({ releases: [r] });
    expect(drafts[0]).toMatchObject({ startDate: "2025-05-01", endDate: "2028-04-30" });
    expect(problems.map((p) => [p.field, p.message.split(" is ")[0]])).toEqual([
      ["releases[0].awards[0].contractPeriod.endDate", "number 20280430"],
    ]);
  });

  it("still reports an absent, null or blank date as missing, with no problem", () => {
    const r = release("ocds-x-8", "2024-01-10T09:00:00Z", {
      contracts: [{ id: "C1", period: { startDate: null, endDate: "  " } }],
    });
    const { drafts, problems } = parseOcdsPackage({ releases: [r] });
    expect(drafts[0]!.missing).toEqual(expect.arrayContaining(["startDate", "endDate"]));
    expect(problems).toEqual([]);
  });

  it("converts amounts to pence without float error and reads dates as published", () => {
    expect(amountToPence(1370332.33)).toEqual({ pence: 137033233n, rounded: false });
    expect(amountToPence("0.125")).toEqual({ pence: 13n, rounded: true });
    expect(amountToPence(-5)).toHaveProperty("error");
    expect(calendarDate("2021-03-31T23:59:59+01:00")).toBe("2021-03-31");
    expect(calendarDate("2021-02-30")).toBeUndefined();
    expect(calendarDate("31/03/2021")).toBeUndefined();
  });
});
