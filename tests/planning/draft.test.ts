// The drafting engine on hand-built estates: prices decide a choice only where the caller may read every
// price compared, and production workloads stay out of recovery platforms.
import { describe, expect, it } from "vitest";
import { draftConvergence, type DraftChoice } from "../../server/planning/draft.ts";
import { EstateBuilder } from "./estate-builder.ts";

/**
 * Two councils each running a CRM and licensing the same database product. Cost per seat used: SCC's CRM
 * 500 seats × `sccUnit` ÷ 400 used = 1.25 × `sccUnit`; DCC's (£2,000 run + 100 × £73) ÷ 80 used = £116.25,
 * so by price SCC's is kept below £93 a seat. DCC's contracts run longer (2027-06-30 against 2026-12-31).
 */
function twoCrms(sccUnit: number, dccUnit = 73) {
  const b = new EstateBuilder();
  b.site("Southshire DC", "SCC");
  b.site("Downford DC", "DCC");
  b.asset("SCC CRM", "SCC", "APPLICATION", { product: "Salesforce" });
  b.asset("DCC CRM", "DCC", "APPLICATION", { product: "Dynamics", runCost: 2_000 });
  b.contract("DCC", "DCC-CRM", "2027-06-30");
  b.contract("SCC", "SCC-CRM", "2026-12-31");
  b.licence("SCC Salesforce", "SCC", "Salesforce", { contract: "SCC-CRM", owned: 500, used: 400, unit: sccUnit });
  b.licence("DCC Dynamics", "DCC", "Dynamics", { contract: "DCC-CRM", owned: 100, used: 80, unit: dccUnit });
  // The same product in both councils: a renegotiation, by price onto the cheaper core.
  const sccOracle = b.licence("SCC Oracle", "SCC", "Oracle", { contract: "SCC-CRM", metric: "CORE", owned: 16, used: 16, unit: sccUnit * 10 });
  const dccOracle = b.licence("DCC Oracle", "DCC", "Oracle", { contract: "DCC-CRM", metric: "CORE", owned: 8, used: 8, unit: dccUnit * 10 });
  const estate = b.estate();
  const product = (asset: string) => b.assets.get(b.assetId(asset))!.productId!;
  const jobs = new Map([
    [product("SCC CRM"), new Set(["CRM"])],
    [product("DCC CRM"), new Set(["CRM"])],
  ]);
  const [scc, dcc] = [b.org("SCC"), b.org("DCC")];
  const choice = (pricesComparable: string[]): DraftChoice => ({
    organisations: new Set([scc, dcc]),
    targetSites: [b.siteId("Southshire DC")],
    targetPlatforms: [],
    closingSites: [b.siteId("Downford DC")],
    replaceDuplicates: true,
    renegotiateOverlaps: true,
    pricesComparable: new Set(pricesComparable),
  });
  return { scc, dcc, sccOracle, dccOracle, draft: (pricesComparable: string[]) => draftConvergence(estate, choice(pricesComparable), jobs) };
}

const replacement = (plan: ReturnType<typeof draftConvergence>) => {
  const d = plan.decisions.find((x) => x.move !== null && plan.moves[x.move]!.kind === "REPLACE")!;
  return { replaced: d.subject, decision: d.decision, reason: d.reason };
};
const renegotiation = (plan: ReturnType<typeof draftConvergence>) => {
  const d = plan.decisions.find((x) => x.move !== null && plan.moves[x.move]!.kind === "RENEGOTIATE")!;
  return { target: plan.moves[d.move!]!.targetLicenceId, decision: d.decision, reason: d.reason };
};

describe("drafting with prices the caller may not read", () => {
  // The attack: an SCC planner who may not read DCC's prices moves SCC's own price from far below to far
  // above DCC's and drafts again each time. Were prices compared, the kept CRM would flip at £93 a seat and
  // the renegotiation target at £73, giving DCC's prices away by bisection.
  const sweep = [0.01, 1, 10, 50, 72.99, 73, 73.01, 80, 92.99, 93, 93.01, 100, 150, 500, 5_000];

  it("keeps the same CRM and renegotiation target whatever SCC's own price, and says prices were not compared", () => {
    const seen = sweep.map((unit) => {
      const { scc, dccOracle, draft } = twoCrms(unit);
      const plan = draft([scc]);
      return { ...replacement(plan), targetIsDcc: renegotiation(plan).target === dccOracle, renegotiationReason: renegotiation(plan).reason };
    });
    // One answer over the whole sweep: the choice tells the caller nothing about DCC's price.
    expect(new Set(seen.map((s) => JSON.stringify(s))).size).toBe(1);
    const { replaced, decision, reason, targetIsDcc, renegotiationReason } = seen[0]!;
    // Criticality ties; DCC's contract runs longer (2027-06-30 against 2026-12-31): DCC's CRM and licence win.
    expect(replaced).toBe("SCC CRM");
    expect(decision).toBe("replace by DCC CRM");
    expect(reason).toContain("its contract runs longer (to 2027-06-30)");
    expect(reason).toContain("Prices were not compared: you may not read DCC's prices");
    expect(reason).toContain("someone who may read the prices of DCC and SCC gets the one costing least per seat used");
    expect(reason).not.toMatch(/costs (less|the same) per seat/);
    expect(targetIsDcc).toBe(true);
    expect(renegotiationReason).toContain("onto the licence whose contract runs latest (to 2027-06-30)");
    expect(renegotiationReason).toContain("Prices were not compared: you may not read DCC's prices");
    expect(renegotiationReason).not.toContain("onto the best unit price");
  });

  it("drafts exactly the same whatever DCC's hidden price", () => {
    const drafts = [1, 73, 116, 10_000].map((dccUnit) => {
      const { scc, draft } = twoCrms(60, dccUnit);
      return draft([scc]);
    });
    for (const d of drafts.slice(1)) expect(d).toEqual(drafts[0]);
  });

  it("still chooses by cost per seat used for someone who may read both councils' prices", () => {
    const cheap = twoCrms(60);
    const plan = cheap.draft([cheap.scc, cheap.dcc]);
    // SCC: £30,000 ÷ 400 = £75 a seat used against DCC's £116.25; SCC's cores £600 against DCC's £730.
    expect(replacement(plan)).toMatchObject({ replaced: "DCC CRM", decision: "replace by SCC CRM" });
    expect(replacement(plan).reason).toContain("costs less per seat used");
    expect(replacement(plan).reason).not.toContain("Prices were not compared");
    expect(renegotiation(plan).target).toBe(cheap.sccOracle);
    expect(renegotiation(plan).reason).toContain("onto the best unit price");

    const dear = twoCrms(117);
    const plan2 = dear.draft([dear.scc, dear.dcc]);
    expect(replacement(plan2)).toMatchObject({ replaced: "SCC CRM", decision: "replace by DCC CRM" });
    expect(replacement(plan2).reason).toContain("costs less per seat used");
    expect(renegotiation(plan2).target).toBe(dear.dccOracle);
  });

  it("compares cost per seat used exactly: a penny a seat decides", () => {
    // SCC at £93.00 a seat costs £116.25 a seat used, as DCC does: a tie, so the contract end decides (DCC).
    const tie = twoCrms(93);
    expect(replacement(tie.draft([tie.scc, tie.dcc]))).toMatchObject({ decision: "replace by DCC CRM" });
    expect(replacement(tie.draft([tie.scc, tie.dcc])).reason).toContain("it costs the same per seat used");
    const penny = twoCrms(92.99);
    expect(replacement(penny.draft([penny.scc, penny.dcc]))).toMatchObject({ decision: "replace by SCC CRM" });
  });
});
