// The business case against hand calculations: savings by month in force, one-off costs and their split,
// exit costs, NPV at the Green Book rate, payback, targets, energy and carbon.
import { describe, expect, it } from "vitest";
import { planWaves } from "../../server/planning/waves.ts";
import { npv, scenarioFinancials } from "../../server/planning/financials.ts";
import { splitCost } from "../../server/planning/savings.ts";
import { scenarioEnergy } from "../../server/planning/energy.ts";
import { EstateBuilder } from "./estate-builder.ts";

const gbp = (pounds: number) => BigInt(Math.round(pounds * 100));

function retireOneServer() {
  const b = new EstateBuilder();
  b.site("DC", "DCC", { annualCostPence: gbp(50_000) });
  b.asset("Server", "DCC", "SERVER", { site: "DC", runCost: 12_000 });
  b.asset("Keeper", "DCC", "SERVER", { site: "DC", runCost: 1_000 });
  b.move("retire", "RETIRE", "Server", { oneOff: 6_000 });
  return b;
}

describe("scenarioFinancials", () => {
  it("accrues a saving from the end of the move's wave and discounts each year's net at its end", () => {
    const b = retireOneServer();
    const dcc = b.org("DCC");
    const input = b.input({ horizonYears: 2, targets: new Map([[dcc, gbp(10_000)]]) });
    const f = scenarioFinancials(input, planWaves(input));
    const [org] = f.organisations;
    // Wave 1 is Jan–Mar 2027; the server stops costing from April: 9 months of £1,000 in year 1.
    expect(org!.years.map((y) => [y.baseline, y.saving, y.oneOff, y.net, y.cumulative, y.runRate])).toEqual([
      [gbp(63_000), gbp(9_000), gbp(6_000), gbp(3_000), gbp(3_000), gbp(12_000)],
      [gbp(63_000), gbp(12_000), 0n, gbp(12_000), gbp(15_000), gbp(12_000)],
    ]);
    expect(org!.years[0]!.plan).toBe(gbp(54_000));
    // 3,000 / 1.035 + 12,000 / 1.035² = 2,898.5507… + 11,202.1280… = 14,100.68
    expect(org!.npv).toBe(gbp(14_100.68));
    // −6,000 at month 0, +1,000 a month from month 3: back to 0 at the end of month 8 (the 9th month).
    expect(org!.paybackMonths).toBe(9);
    expect(org!.paybackDate).toBe("2027-10-01");
    expect(org!.years[1]!.againstTarget).toBe(gbp(2_000));
    expect(org!.meetsTarget).toBe(true);
  });

  it("states a shortfall against the target when the run rate falls short", () => {
    const b = retireOneServer();
    const input = b.input({ horizonYears: 1, targets: new Map([[b.org("DCC"), gbp(20_000)]]) });
    const org = scenarioFinancials(input, planWaves(input)).organisations[0]!;
    expect(org.years[0]!.againstTarget).toBe(-gbp(8_000));
    expect(org.meetsTarget).toBe(false);
  });

  it("stops a closed site's cost only once its lease has run out", () => {
    const b = new EstateBuilder();
    b.site("Old", "DCC", { annualCostPence: gbp(120_000), leaseEnd: "2027-09-30" });
    b.move("close", "CLOSE_SITE", "Old");
    const input = b.input({ horizonYears: 2 });
    const f = scenarioFinancials(input, planWaves(input));
    // Closed at the end of wave 1 (April) but paid until the lease ends: saving from October, 3 months.
    expect(f.changes).toMatchObject([{ source: "SITE_COST", fromMonth: 9, annualPence: gbp(120_000) }]);
    expect(f.organisations[0]!.years.map((y) => y.saving)).toEqual([gbp(30_000), gbp(120_000)]);
  });

  it("charges the exit cost of leaving a contract early, day by day, when the planner accepts it", () => {
    const b = new EstateBuilder();
    b.asset("CRM", "DCC", "APPLICATION", { product: "crm", runCost: 2_000 });
    b.contract("DCC", "DCC-CRM", "2027-12-31");
    b.licence("crm-lic", "DCC", "crm", { contract: "DCC-CRM", owned: 100, used: 80, unit: 73 }); // £7,300 a year
    b.move("retire", "RETIRE", "CRM", { acceptExitCost: true });
    const input = b.input({ horizonYears: 1 });
    const f = scenarioFinancials(input, planWaves(input));
    // Effect 2027-04-01; the contract is paid to 2027-12-31: 275 days × £7,300 ÷ 365 = £5,500.
    expect(f.oneOffs).toMatchObject([{ source: "EXIT", pence: gbp(5_500), month: 3 }]);
    // Saving: run cost £2,000 + licence £7,300 a year, 9 months = £6,975.
    expect(f.organisations[0]!.years[0]!.saving).toBe(gbp(6_975));
  });

  it("credits a renegotiation's saving to each organisation by the seats it uses at the best unit price", () => {
    const b = new EstateBuilder();
    b.licence("scc", "SCC", "m365", { owned: 100, used: 90, unit: 200 }); // £20,000
    b.licence("dcc", "DCC", "m365", { owned: 80, used: 70, unit: 250 }); // £20,000
    b.move("reneg", "RENEGOTIATE", null, { licences: ["scc", "dcc"], toLicence: "scc" });
    const input = b.input({ horizonYears: 1 });
    const f = scenarioFinancials(input, planWaves(input));
    // Both pay £200 a seat used: SCC 90 × 200 = 18,000 (saves 2,000), DCC 70 × 200 = 14,000 (saves 6,000).
    expect(f.changes.map((c) => [input.estate.organisationCodes.get(c.organisationId), c.annualPence])).toEqual([
      ["DCC", gbp(6_000)],
      ["SCC", gbp(2_000)],
    ]);
  });

  it("lists a renegotiation's change for every organisation merged even when it comes to nothing (its presence would tell whose price is best)", () => {
    const b = new EstateBuilder();
    b.licence("scc", "SCC", "m365", { owned: 90, used: 90, unit: 200 }); // already pays the best price for what it uses
    b.licence("dcc", "DCC", "m365", { owned: 80, used: 70, unit: 250 });
    b.move("reneg", "RENEGOTIATE", null, { licences: ["scc", "dcc"], toLicence: "scc" });
    const input = b.input({ horizonYears: 1 });
    const f = scenarioFinancials(input, planWaves(input));
    expect(f.changes.map((c) => [c.source, input.estate.organisationCodes.get(c.organisationId), c.annualPence])).toEqual([
      ["RENEGOTIATION", "DCC", gbp(6_000)],
      ["RENEGOTIATION", "SCC", 0n],
    ]);
  });

  it("charges the organisation whose users move for their new seats, and credits it what it stops paying", () => {
    const b = new EstateBuilder();
    b.asset("DCC CRM", "DCC", "APPLICATION", { product: "dynamics", runCost: 1_000 });
    b.asset("SCC CRM", "SCC", "APPLICATION", { product: "salesforce" });
    b.licence("dcc-crm", "DCC", "dynamics", { owned: 50, used: 40, unit: 100 }); // £5,000
    b.licence("scc-crm", "SCC", "salesforce", { owned: 200, used: 180, unit: 60 });
    b.move("replace", "REPLACE", "DCC CRM", { toAsset: "SCC CRM" });
    const input = b.input({ horizonYears: 1 });
    const f = scenarioFinancials(input, planWaves(input));
    expect(f.changes.map((c) => [c.source, input.estate.organisationCodes.get(c.organisationId), c.annualPence])).toEqual([
      ["ASSET_RUN_COST", "DCC", gbp(1_000)],
      ["LICENCES", "DCC", gbp(5_000)],
      ["REPLACEMENT_SEATS", "DCC", -gbp(2_400)], // DCC's 40 users × SCC's £60 a seat, paid by DCC
    ]);
    const scc = [...input.estate.organisationCodes].find(([, c]) => c === "SCC")![0];
    expect(f.changes[2]!.pricedBy).toEqual([scc]);
  });

  it("prices no seats of a flat (SITE or ENTERPRISE) licence: a replacement licensed flat covers the users", () => {
    // Before: ENTERPRISE onto ENTERPRISE charged 40 × £30,000 (the whole licence taken as a seat's price).
    for (const [theirs, ours] of [["ENTERPRISE", "ENTERPRISE"], ["SITE", "SITE"], ["ENTERPRISE", "USER"]] as const) {
      const b = new EstateBuilder();
      b.asset("DCC CRM", "DCC", "APPLICATION", { product: "dynamics", runCost: 1_000 });
      b.asset("SCC CRM", "SCC", "APPLICATION", { product: "salesforce" });
      b.licence("dcc-crm", "DCC", "dynamics", { owned: 50, used: 40, unit: 100, metric: ours });
      b.licence("scc-crm", "SCC", "salesforce", { owned: 1, used: 1, unit: 30_000, metric: theirs });
      b.move("replace", "REPLACE", "DCC CRM", { toAsset: "SCC CRM" });
      const input = b.input({ horizonYears: 1 });
      const f = scenarioFinancials(input, planWaves(input));
      expect(f.changes.map((c) => c.source), `${ours} onto ${theirs}`).toEqual(["ASSET_RUN_COST", "LICENCES"]);
    }
  });

  it("uses the planner's saving instead of the derived one, and keeps the reason", () => {
    const b = retireOneServer();
    b.moves[0]!.savingOverridePence = gbp(500);
    b.moves[0]!.savingOverrideReason = "hardware is leased until 2028";
    const input = b.input({ horizonYears: 1 });
    const f = scenarioFinancials(input, planWaves(input));
    expect(f.changes).toMatchObject([{ source: "OVERRIDE", annualPence: gbp(500), note: "set by the planner: hardware is leased until 2028" }]);
  });

  it("splits a one-off cost serving several organisations by the scenario's rule, exactly to the penny", () => {
    const b = new EstateBuilder();
    const [scc, dcc, gat] = [b.org("SCC"), b.org("DCC"), b.org("GAT")];
    const baselines = new Map([
      [scc, { assetRunCostPence: gbp(100), siteCostPence: 0n, licenceCostPence: 0n }],
      [dcc, { assetRunCostPence: gbp(200), siteCostPence: 0n, licenceCostPence: 0n }],
      [gat, { assetRunCostPence: 0n, siteCostPence: 0n, licenceCostPence: 0n }],
    ]);
    const split = (pence: bigint, orgs: string[], rule: "EQUAL" | "PROPORTIONAL_TO_BASELINE" | "OWNER") =>
      [...splitCost(pence, orgs, rule, baselines, b.codes)].map(([o, p]) => [b.codes.get(o), p]);
    expect(split(10_001n, [dcc, scc], "EQUAL")).toEqual([["DCC", 5_001n], ["SCC", 5_000n]]);
    expect(split(10_000n, [scc, dcc], "PROPORTIONAL_TO_BASELINE")).toEqual([["SCC", 3_333n], ["DCC", 6_667n]]);
    expect(split(100n, [dcc, gat, scc], "EQUAL")).toEqual([["DCC", 34n], ["GAT", 33n], ["SCC", 33n]]);
    expect(split(100n, [gat], "PROPORTIONAL_TO_BASELINE")).toEqual([["GAT", 100n]]);
    expect(split(999n, [dcc, scc], "OWNER")).toEqual([["DCC", 999n]]);
  });

  it("leaves licence costs out of a proportional split, so its parts reveal no council's licence spend", () => {
    const b = new EstateBuilder();
    const [scc, dcc] = [b.org("SCC"), b.org("DCC")];
    const split = (sccLicences: bigint) =>
      [
        ...splitCost(
          10_000n,
          [scc, dcc],
          "PROPORTIONAL_TO_BASELINE",
          new Map([
            [scc, { assetRunCostPence: gbp(100), siteCostPence: gbp(100), licenceCostPence: sccLicences }],
            [dcc, { assetRunCostPence: gbp(300), siteCostPence: gbp(300), licenceCostPence: gbp(50) }],
          ]),
          b.codes,
        ),
      ].map(([o, p]) => [b.codes.get(o), p]);
    expect(split(0n)).toEqual([["SCC", 2_500n], ["DCC", 7_500n]]);
    expect(split(gbp(1_000_000))).toEqual(split(0n));
  });

  it("splits a cross-organisation migration's one-off cost between its owner and the target's owner", () => {
    const b = new EstateBuilder();
    b.site("County Hall", "DCC");
    b.site("Doxford", "SCC");
    b.asset("DCC app", "DCC", "SERVER", { site: "County Hall", runCost: 100 });
    b.asset("SCC app", "SCC", "SERVER", { site: "Doxford", runCost: 300 });
    b.move("m", "MIGRATE", "DCC app", { toSite: "Doxford", oneOff: 1_000 });
    const input = b.input({ horizonYears: 1, costSplit: "PROPORTIONAL_TO_BASELINE" });
    const f = scenarioFinancials(input, planWaves(input));
    expect(f.oneOffs.map((c) => [b.codes.get(c.organisationId), c.pence])).toEqual([
      ["DCC", gbp(250)],
      ["SCC", gbp(750)],
    ]);
    expect(f.totals.totalOneOff).toBe(gbp(1_000));
  });

  it("discounts at the Green Book rate exactly: NPV of £1,000 a year for 3 years at 3.5% is £2,801.64", () => {
    expect(npv([gbp(1_000), gbp(1_000), gbp(1_000)], 350)).toBe(gbp(2_801.64));
    expect(npv([gbp(-500)], 0)).toBe(gbp(-500));
  });

  it("reports energy and carbon per organisation before the plan and after each wave", () => {
    const b = new EstateBuilder();
    b.site("Old", "DCC", { pue: 2, powerUsedKw: 10 });
    b.site("New", "SCC", { pue: 1.25, powerUsedKw: 20 });
    b.asset("Server", "DCC", "SERVER", { site: "Old", powerKw: 4 });
    b.move("m", "MIGRATE", "Server", { toSite: "New" });
    b.move("close", "CLOSE_SITE", "Old");
    const input = b.input({ horizonYears: 1, carbonFactorGPerKwh: 200 });
    const e = scenarioEnergy(input, planWaves(input));
    const dcc = e.organisations.find((o) => b.codes.get(o.organisationId) === "DCC")!;
    // Energy counts to whoever owns the kit. Before: 10 kW × 2 × 8760 = 175,200 kWh → 35.04 t. After wave 1
    // the server's 4 kW run at SCC's site but are still DCC's: 6 kW × 2 × 8760 + 4 kW × 1.25 × 8760 =
    // 105,120 + 43,800 = 148,920 kWh → 29.78 t. After wave 2 (Old closed): the server alone, 43,800 kWh → 8.76 t.
    expect(dcc.points.map((p) => [p.wave, p.kw, p.kwhPerYear, p.tco2ePerYear])).toEqual([
      [0, 10, 175_200, 35.04],
      [1, 10, 148_920, 29.78],
      [2, 4, 43_800, 8.76],
    ]);
    const scc = e.organisations.find((o) => b.codes.get(o.organisationId) === "SCC")!;
    expect(scc.points.map((p) => p.kwhPerYear)).toEqual([219_000, 219_000, 219_000]);
    // Total: 20 kW × 1.25 × 8760 = 219,000 kWh at SCC before; +4 kW after wave 1.
    expect(e.totals.map((p) => p.kwhPerYear)).toEqual([175_200 + 219_000, 105_120 + 262_800, 262_800]);
  });

  it("counts a shared site's energy to the owners of the assets there, pro rata when the recorded use is less", () => {
    const b = new EstateBuilder();
    // An SCC data centre hosting DCC kit: recorded use 9 kW for 6 kW of SCC assets and 6 kW of DCC assets.
    b.site("Shared", "SCC", { pue: 1.5, powerUsedKw: 9 });
    b.asset("SCC box", "SCC", "SERVER", { site: "Shared", powerKw: 6 });
    b.asset("DCC box", "DCC", "SERVER", { site: "Shared", powerKw: 6 });
    b.move("retire", "RETIRE", "SCC box");
    const input = b.input({ horizonYears: 1, carbonFactorGPerKwh: 200 });
    const e = scenarioEnergy(input, planWaves(input));
    const of = (code: string) => e.organisations.find((o) => b.codes.get(o.organisationId) === code)!.points.map((p) => [p.wave, p.kw, p.kwhPerYear]);
    // Before: 9 kW split 6:6 → 4.5 kW each, × 1.5 × 8760 = 59,130 kWh. After SCC's box retires the site uses
    // 3 kW (9 − 6), all DCC's kit: 3 × 1.5 × 8760 = 39,420 kWh; SCC's falls to nothing though it owns the site.
    expect(of("SCC")).toEqual([[0, 4.5, 59_130], [1, 0, 0]]);
    expect(of("DCC")).toEqual([[0, 4.5, 59_130], [1, 3, 39_420]]);
  });
});
