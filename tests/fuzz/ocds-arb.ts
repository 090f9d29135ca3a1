// OCDS record and release packages for importOcds: well-formed packages whose values range from ordinary
// to hostile (buyers of either council, the ocids of existing SCC and DCC contracts, out-of-range
// amounts and dates, hostile text), next to JSON that is no package at all.
import fc from "fast-check";
import { hostileDate, hostileText, hugeText, plainWords, validDate } from "./hostile.ts";

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });

/** The ocids the fixture's SCC and DCC contracts were imported from. */
export const FIXTURE_OCIDS = ["ocds-b5fd17-scc-0001", "ocds-b5fd17-dcc-0001"];

const freshOcid = fc.stringMatching(/^[a-z0-9]{6}$/).map((t) => `ocds-b5fd17-fuzz-${t}`);

const BUYERS = [
  { id: "GB-LAE-SCC" },
  { name: "Southshire County Council" },
  { id: "GB-LAE-SCC", name: "Southshire County Council" },
  { id: "GB-LAE-DCC" },
  { name: "Downford City Council" },
  { id: "GB-LAE-WBC" },
  { id: "GB-UNKNOWN-1", name: "Nowhere Parish Council" },
];

function releaseArb(hostile: boolean) {
  const text = hostile
    ? fc.oneof(w(6, hostileText(2, 2)), w(2, plainWords), w(1, hugeText))
    : fc.oneof(w(3, plainWords), w(3, hostileText(1, 1)));
  const ocid = hostile
    ? fc.oneof(
        w(3, freshOcid),
        w(3, fc.constantFrom(...FIXTURE_OCIDS)),
        w(
          2,
          fc.constantFrom(
            "ocds-b5fd17-\u0000",
            "ocds-b5fd17-a\\",
            "ocds-%",
            "ocds-b5fd17-_",
            `ocds-b5fd17-${"x".repeat(300)}`,
            "ocds-B5FD17-SCC-0001",
            "not-an-ocid",
            " ",
          ),
        ),
        w(2, hostileText(2, 1)),
      )
    : fc.oneof(w(4, freshOcid), w(1, fc.constantFrom(...FIXTURE_OCIDS)));
  const instant = hostile
    ? fc.oneof(
        w(
          3,
          fc
            .date({
              min: new Date("2000-01-01T00:00:00Z"),
              max: new Date("2035-01-01T00:00:00Z"),
              noInvalidDate: true,
            })
            .map((d) => d.toISOString()),
        ),
        w(
          2,
          fc.constantFrom(
            "0000-01-01T00:00:00Z",
            "-000001-06-01T00:00:00Z",
            "-271821-04-20T00:00:00Z",
            "+275760-09-13T00:00:00Z",
            "2024-02-30T00:00:00Z",
            "not a date",
            "",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999Z",
          ),
        ),
      )
    : fc
        .date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2035-01-01T00:00:00Z"),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString());
  const day = hostile
    ? fc.oneof(
        w(2, validDate),
        w(2, hostileDate),
        w(1, fc.constantFrom("2025-04-10T00:00:00+01:00", "0000-03-01T00:00:00Z", "0099-12-31")),
      )
    : validDate;
  const amount = hostile
    ? fc.oneof(
        w(3, fc.integer({ min: 0, max: 10_000_000 })),
        w(
          2,
          fc.constantFrom<unknown>(
            "99999999999999999999",
            "92233720368547758.08",
            1e20,
            1e308,
            "1e400",
            "-5",
            "12.345",
            "NaN",
            "0.005",
            -0,
            "",
            null,
            true,
          ),
        ),
        w(1, fc.bigInt({ min: 0n, max: 10n ** 22n }).map(String)),
      )
    : fc.integer({ min: 0, max: 10_000_000 });
  const cpv = hostile
    ? fc.oneof(
        w(2, fc.stringMatching(/^\d{8}-\d$/)),
        w(1, fc.constantFrom("48000000", "4800000", "48000000-8-1", "")),
        w(1, hostileText(1)),
      )
    : fc.stringMatching(/^\d{8}(-\d)?$/);
  const status = fc.constantFrom("active", "complete", "cancelled", "terminated", "unsuccessful", "pending");
  const tender = fc.record(
    {
      id: hostile
        ? fc.oneof(text, fc.integer())
        : fc.tuple(plainWords, fc.stringMatching(/^[A-Z0-9]{5}$/)).map(([a, b]) => `${a}-${b}`),
      title: text,
      description: text,
      status,
      value: fc.record(
        { amount, currency: hostile ? fc.constantFrom("GBP", "gbp", "EUR", undefined) : fc.constant("GBP") },
        { requiredKeys: [] },
      ),
      contractPeriod: fc.record({ startDate: day, endDate: day }, { requiredKeys: [] }),
      classification: fc.record({
        scheme: hostile ? fc.constantFrom("CPV", "cpv", "UNSPSC") : fc.constant("CPV"),
        id: cpv,
      }),
    },
    { requiredKeys: [] },
  );
  const award = fc.record(
    {
      suppliers: fc.array(fc.record({ name: text }), { maxLength: 2 }),
      status,
      value: fc.record({ amount, currency: fc.constant("GBP") }),
    },
    { requiredKeys: [] },
  );
  return fc.record(
    {
      ocid,
      date: instant,
      buyer: fc.oneof(
        w(6, fc.constantFrom(...BUYERS)),
        w(
          hostile ? 2 : 0,
          text.map((name) => ({ name })),
        ),
      ),
      tender,
      awards: fc.array(award, { maxLength: 2 }),
    },
    { requiredKeys: ["ocid", "tender"] },
  );
}

/** An OCDS package: release packages and record packages of 1–3 releases. */
export function ocdsPackageArb(hostile: boolean): fc.Arbitrary<unknown> {
  const releases = fc.array(releaseArb(hostile), { minLength: 1, maxLength: 3 });
  const packages = fc.oneof(
    releases.map((rs) => ({ uri: "https://example.org/fuzz", releases: rs })),
    releases.map((rs) => ({ records: rs.map((r) => ({ ocid: r.ocid, compiledRelease: r })) })),
  );
  if (!hostile) return packages;
  return fc.oneof(
    w(8, packages),
    w(1, fc.jsonValue({ maxDepth: 3 })),
    w(
      1,
      fc.constantFrom<unknown>(
        {},
        { records: "x" },
        { releases: {} },
        [],
        "package",
        0,
        { records: [null, 1, {}] },
        { releases: [{ ocid: "" }] },
      ),
    ),
  );
}
