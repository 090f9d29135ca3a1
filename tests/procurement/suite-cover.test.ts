// Point products made redundant by a suite the organisation already owns, on hand-built licences: the
// metric difference (per device vs per user) does not block it, a suite is never retired for a point
// product, another organisation's suite does not count, and too few suite seats keep the point product.
import { describe, expect, it } from "vitest";
import type { Contract, Licence } from "../../generated/prisma/client.ts";
import { suiteCoveredLicences } from "../../server/procurement/suite-cover.ts";
import { overlapTotals } from "../../server/procurement/totals.ts";
import type { SavingItem } from "../../server/procurement/service.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const licence = (id: string, org: string, product: string, metric: string, owned: number, used: number, annual: bigint) =>
  ({
    id,
    organisationId: org,
    productId: product,
    contractId: `K-${id}`,
    metric,
    quantityOwned: owned,
    quantityUsed: used,
    unitCostPence: 100n,
    annualCostPence: annual,
    status: "ACTIVE",
  }) as unknown as Licence;
const JOBS: Record<string, string[]> = {
  E3: ["EMAIL", "MDM", "SSPR"],
  F3: ["EMAIL", "MDM"],
  IVANTI: ["MDM"],
};
const ctx = (licences: Licence[]) => ({
  contractById: new Map(
    licences.map((l) => [
      `K-${l.id}`,
      { id: `K-${l.id}`, organisationId: l.organisationId, reference: `K-${l.id}`, endDate: day("2027-03-31"), noticePeriodDays: 90 } as unknown as Contract,
    ]),
  ),
  asOf: day("2026-12-07"),
  visible: () => true,
  code: (o: string) => o,
  hiddenFor: () => [],
  label: (p: string) => p,
  jobsOf: (p: string) => JOBS[p] ?? [],
  timing: "BEST" as const,
  horizonYears: 5,
  leadTimeMonths: 6,
});

describe("suite cover", () => {
  it("retires a per-device point product where the same council's per-user suite does its job", () => {
    const held = [
      licence("e3", "A", "E3", "USER", 3000, 2900, 9_000_000n),
      licence("iv", "A", "IVANTI", "DEVICE", 2000, 1800, 1_000_000n),
      licence("f3", "A", "F3", "USER", 500, 400, 500_000n),
      licence("iv-b", "B", "IVANTI", "DEVICE", 100, 100, 50_000n),
    ];
    const lines = suiteCoveredLicences(held, held, ctx(held));
    // Ivanti in A is retired (E3 first by label; F3 also covers it); F3 is a suite, never retired;
    // B holds no suite, so its Ivanti stays.
    expect(lines.map((l) => [l.licence.id, l.suiteProductId])).toEqual([["iv", "E3"]]);
    expect(lines[0]!.annualSaving).toBe(1_000_000n);
    expect(lines[0]!.method).toContain("licensed per user");
    expect(lines[0]!.method).toContain("no new seats");
    // The contract ends before the earliest date (2027-06-07): no exit cost.
    expect(lines[0]!.exitCost).toBe(0n);
    expect(lines[0]!.date).toEqual(day("2027-06-07"));
  });

  it("keeps a point product in the suite's metric when the suite has fewer seats than it uses", () => {
    const held = [licence("e3", "A", "E3", "DEVICE", 100, 100, 9_000n), licence("iv", "A", "IVANTI", "DEVICE", 500, 400, 1_000n)];
    expect(suiteCoveredLicences(held, held, ctx(held))).toEqual([]);
  });
});

describe("totals", () => {
  const item = (
    overlapId: string,
    licenceIds: string[],
    saving: bigint,
    needsQuote = false,
    flags: Partial<Pick<SavingItem, "needsExtension" | "noticePassed" | "targetRenewal" | "bridges">> = {},
  ): SavingItem => ({
    overlapId,
    kind: "CONSOLIDATION",
    needsQuote,
    needsExtension: false,
    noticePassed: false,
    targetRenewal: false,
    bridges: [],
    ...flags,
    licenceIds,
    saving,
    exit: 10n,
    npv: saving * 4n,
    shares: new Map([["A", saving]]),
  });
  const coterm = { coterminable: false, alreadyCoterminous: false, commonEndDate: null, lines: [] } as never;
  const input = (id: string, items: SavingItem[], noSaving = false) => ({
    id,
    valuesVisible: true,
    organisationIds: ["A"],
    items,
    noSaving,
    coterm,
    contractsWithoutValue: 0,
  });

  it("saves each licence once (the larger saving), totals quotes apart and counts no negative saving", () => {
    const t = overlapTotals(
      [
        input("O1", [item("O1", ["mosaic", "ll-children"], 7_000n)]),
        input("O2", [item("O2", ["mosaic", "ll-early-help"], 900n)]),
        input("O3", [item("O3", ["lagan", "dyn"], 50_000n, true)]),
        input("O4", [item("O4", ["x", "y"], -300n)], true),
      ],
      new Map(),
    );
    expect(t.annualSaving).toBe(7_000n);
    expect(t.exitCost).toBe(10n);
    expect(t.npv).toBe(28_000n);
    expect(t.leftOutAsCounted).toEqual([{ overlapId: "O2", countedIn: "O1" }]);
    expect([t.needsQuoteSaving, t.needsQuoteCount, t.noSavingCount]).toEqual([50_000n, 1, 1]);
    expect(t.byOrganisation).toEqual([{ organisationId: "A", annualSaving: 7_000n }]);
  });

  it("totals apart an item needing a contract extension, and discloses counted items on passed notice or target renewal", () => {
    const t = overlapTotals(
      [
        input("O1", [item("O1", ["a"], 7_000n, false, { noticePassed: true, bridges: [{ contractId: "k", days: 73, annualBasis: 36_500n }] })]),
        input("O2", [item("O2", ["b"], 900n, false, { targetRenewal: true, noticePassed: true })]),
        input("O3", [item("O3", ["c"], 4_000n, false, { needsExtension: true })]),
      ],
      new Map(),
    );
    expect([t.annualSaving, t.counted]).toEqual([7_900n, 2]);
    expect([t.needsExtensionSaving, t.needsExtensionCount]).toEqual([4_000n, 1]);
    expect([t.noticePassedCount, t.noticePassedSaving]).toEqual([2, 7_900n]);
    expect([t.targetRenewalCount, t.targetRenewalSaving]).toEqual([1, 900n]);
    // 36,500p a year × 73 days / 365 = 7,300p spent while waiting for the move.
    expect(t.bridgeSpend).toBe(7_300n);
  });
});
