// The drafting engine on hand-built estates: prices decide a choice only where the caller may read every
// price compared, and production workloads stay out of recovery platforms.
import { describe, expect, it } from "vitest";
import { draftConvergence, type DraftChoice } from "../../server/planning/draft.ts";
import { Outcome } from "../../server/planning/outcome.ts";
import { RecoveryRoles } from "../../server/planning/recovery-roles.ts";
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

/**
 * Sunderland's main data centre (a production cluster, and a private cloud replicating to a DR cluster at
 * the DR site, which has the most room) and Durham's data centre closing: its production Oracle cluster,
 * a web application without kit of its own, and a standby cluster holding a recovery copy.
 */
function drEstate() {
  const b = new EstateBuilder();
  b.site("Main DC", "SCC");
  b.site("DR DC", "SCC");
  b.site("Old DC", "DCC");
  b.asset("SCC Cloud", "SCC", "CLOUD_PLATFORM", { site: "Main DC", vcpu: 1_000, vcpuUsed: 900, ramGb: 8_000, ramUsedGb: 7_000 });
  b.asset("SCC PROD", "SCC", "COMPUTE_CLUSTER", { site: "Main DC", vcpu: 1_000, vcpuUsed: 500, ramGb: 8_000, ramUsedGb: 4_000 });
  b.asset("SCC DR cluster", "SCC", "COMPUTE_CLUSTER", { site: "DR DC", vcpu: 1_000, vcpuUsed: 100, ramGb: 8_000, ramUsedGb: 800 });
  b.dep("SCC Cloud", "REPLICATES_TO", "SCC DR cluster");
  b.asset("DCC Oracle cluster", "DCC", "COMPUTE_CLUSTER", { site: "Old DC", crit: "CRITICAL", vcpu: 400, vcpuUsed: 300, ramGb: 4_000, ramUsedGb: 2_400 });
  b.asset("DCC ORA", "DCC", "DATABASE", { site: "Old DC", crit: "CRITICAL" });
  b.dep("DCC ORA", "RUNS_ON", "DCC Oracle cluster");
  b.asset("DCC web", "DCC", "APPLICATION", { site: "Old DC", vcpu: 8, ramGb: 32 });
  // A standby cluster: it runs the recovery copy of a database that stays at the main data centre.
  b.asset("DCC Standby cluster", "DCC", "COMPUTE_CLUSTER", { site: "Old DC", vcpu: 100, vcpuUsed: 50, ramGb: 800, ramUsedGb: 400 });
  b.asset("DCC SQL", "DCC", "DATABASE", { site: "Main DC", crit: "HIGH" });
  b.asset("DCC SQL replica", "DCC", "DATABASE", { site: "Old DC" });
  b.dep("DCC SQL replica", "RUNS_ON", "DCC Standby cluster");
  b.dep("DCC SQL", "REPLICATES_TO", "DCC SQL replica");
  const [scc, dcc] = [b.org("SCC"), b.org("DCC")];
  const plan = draftConvergence(
    b.estate(),
    {
      organisations: new Set([scc, dcc]),
      targetSites: [b.siteId("Main DC"), b.siteId("DR DC")],
      targetPlatforms: [],
      closingSites: [b.siteId("Old DC")],
      replaceDuplicates: false,
      renegotiateOverlaps: false,
      pricesComparable: new Set([scc, dcc]),
    },
    new Map(),
  );
  const of = (subject: string) => {
    const d = plan.decisions.find((x) => x.subject === subject)!;
    return { decision: d.decision, reason: d.reason };
  };
  return { b, plan, of };
}

describe("drafting around recovery platforms", () => {
  it("consolidates a production cluster into a production platform, not into the DR cluster with more room", () => {
    const { of, plan } = drEstate();
    // Before: first fit took the DR cluster (900 vCPU free) ahead of SCC PROD (500).
    expect(of("DCC Oracle cluster")).toEqual({
      decision: "consolidate into SCC PROD",
      reason:
        "its 300 vCPU and 2400 GB RAM in use fit SCC PROD; what runs on it moves with it; not into SCC DR cluster " +
        "(a recovery platform: it receives SCC Cloud's recovery copy): a production workload goes into no recovery platform",
    });
    expect(plan.unplaced).toEqual([]);
  });

  it("migrates a production workload without kit of its own onto a production platform only", () => {
    const { of } = drEstate();
    expect(of("DCC web").decision).toBe("migrate onto SCC PROD");
    expect(of("DCC web").reason).toContain("not into SCC DR cluster (a recovery platform");
  });

  it("lets a platform running a recovery copy go into the DR cluster", () => {
    const { of } = drEstate();
    // The standby cluster runs DCC SQL's replica: it is a recovery platform itself, and its copy stays apart
    // from DCC SQL at the main data centre.
    expect(of("DCC Standby cluster").decision).toBe("consolidate into SCC DR cluster");
    expect(of("DCC Standby cluster").reason).not.toContain("recovery platform");
  });

  it("says why when only recovery platforms had room, and moves the kit to a site instead", () => {
    const { b } = drEstate();
    // SCC PROD full: the Oracle cluster fits only the DR cluster, which it may not use.
    const prod = b.assets.get(b.assetId("SCC PROD"))!;
    const estate = b.estate();
    const full = new Map(estate.assets);
    full.set(prod.id, { ...prod, vcpuUsed: 1_000 });
    const [scc, dcc] = [b.org("SCC"), b.org("DCC")];
    const again = draftConvergence(
      { ...estate, assets: full },
      {
        organisations: new Set([scc, dcc]),
        targetSites: [b.siteId("Main DC"), b.siteId("DR DC")],
        targetPlatforms: [],
        closingSites: [b.siteId("Old DC")],
        replaceDuplicates: false,
        renegotiateOverlaps: false,
        pricesComparable: new Set([scc, dcc]),
      },
      new Map(),
    );
    const d = again.decisions.find((x) => x.subject === "DCC Oracle cluster")!;
    expect(d.decision).toBe("migrate to Main DC");
    expect(d.reason).toMatch(/^its 300 vCPU \/ 2400 GB RAM fit no surviving platform kept apart from its recovery partners \(free: .*\); not into SCC DR cluster \(a recovery platform: it receives SCC Cloud's recovery copy\): a production workload goes into no recovery platform; the equipment itself moves/);
  });
});

describe("RecoveryRoles", () => {
  it("counts a one-way copy and what runs one as recovery, and neither side of a pair replicating both ways", () => {
    const b = new EstateBuilder();
    for (const n of ["Primary SAN", "DR SAN", "File NAS", "Active A", "Active B", "Host", "VM copy", "VM"]) b.asset(n, "SCC", "STORAGE");
    b.dep("Primary SAN", "REPLICATES_TO", "DR SAN");
    b.dep("DR SAN", "REPLICATES_TO", "Primary SAN"); // reverse replication: the pair is active/active
    b.dep("Active A", "REPLICATES_TO", "Active B");
    b.dep("Active B", "REPLICATES_TO", "Active A");
    b.dep("File NAS", "BACKS_UP_TO", "DR SAN"); // one-way: DR SAN is File NAS's copy
    b.dep("VM copy", "RUNS_ON", "Host");
    b.dep("VM", "REPLICATES_TO", "VM copy");
    const roles = new RecoveryRoles(new Outcome(b.estate(), []));
    const name = (id: string) => b.assets.get(id)!.name;
    const role = (n: string) => roles.describe(b.assetId(n), name);
    expect(role("DR SAN")).toBe("it receives File NAS's recovery copy");
    expect(role("Host")).toBe("it runs VM copy, VM's recovery copy");
    for (const n of ["Primary SAN", "Active A", "Active B", "File NAS", "VM"]) expect(role(n)).toBeNull();
  });
});
