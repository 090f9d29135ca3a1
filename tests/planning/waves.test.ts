// The wave planner on hand-built estates with known answers: one rule per test.
import { describe, expect, it } from "vitest";
import { planWaves } from "../../server/planning/waves.ts";
import { findViolations } from "../../server/planning/violations.ts";
import { EstateBuilder } from "./estate-builder.ts";

function appOnDatabase() {
  const b = new EstateBuilder();
  b.site("Old DC", "DCC");
  b.site("New DC", "SCC", { racks: 10, racksUsed: 2, powerKw: 100, powerUsedKw: 10 });
  b.asset("Database", "DCC", "DATABASE", { site: "Old DC", rackUnits: 2, powerKw: 1 });
  b.asset("App", "DCC", "APPLICATION", { site: "Old DC", rackUnits: 1, powerKw: 0.5 });
  b.dep("App", "DEPENDS_ON", "Database");
  b.move("db", "MIGRATE", "Database", { toSite: "New DC" });
  b.move("app", "MIGRATE", "App", { toSite: "New DC" });
  return b;
}

const waveOf = (plan: ReturnType<typeof planWaves>, moveId: string) => plan.placed.get(moveId)!.wave;

describe("planWaves", () => {
  it("moves an application no earlier than the database it needs, in the same wave when the team has room", () => {
    const b = appOnDatabase();
    const plan = planWaves(b.input());
    expect(waveOf(plan, b.moveId("db"))).toBe(1);
    expect(waveOf(plan, b.moveId("app"))).toBe(1);
    expect(plan.placed.get(b.moveId("app"))!.why[0]).toMatchObject({ code: "AFTER_MOVE", moveIds: [b.moveId("db")] });
  });

  it("puts the application in a later wave than its database when the team carries one move a wave", () => {
    const b = appOnDatabase();
    const plan = planWaves(b.input({ maxMovesPerWave: 1 }));
    expect(waveOf(plan, b.moveId("db"))).toBe(1);
    expect(waveOf(plan, b.moveId("app"))).toBe(2);
    expect(plan.placed.get(b.moveId("app"))!.why.map((w) => w.code)).toContain("TEAM_CAPACITY");
    expect(plan.bound).toMatchObject({ team: 2, chain: 1, waves: 2 });
  });

  it("moves assets that depend on each other in a cycle together, in one wave", () => {
    const b = new EstateBuilder();
    b.site("Old", "DCC");
    b.site("New", "SCC");
    b.asset("A", "DCC", "APPLICATION", { site: "Old" });
    b.asset("B", "DCC", "APPLICATION", { site: "Old" });
    b.asset("C", "DCC", "APPLICATION", { site: "Old" });
    b.dep("A", "DEPENDS_ON", "B");
    b.dep("B", "DEPENDS_ON", "A");
    b.move("a", "MIGRATE", "A", { toSite: "New" });
    b.move("b", "MIGRATE", "B", { toSite: "New" });
    b.move("c", "MIGRATE", "C", { toSite: "New", pinnedWave: 1 });
    const plan = planWaves(b.input({ maxMovesPerWave: 2 }));
    expect(waveOf(plan, b.moveId("a"))).toBe(waveOf(plan, b.moveId("b")));
    expect(waveOf(plan, b.moveId("a"))).toBe(2); // wave 1 has room for one more move only
    expect(plan.placed.get(b.moveId("a"))!.why.map((w) => w.code)).toContain("SAME_CYCLE");
    expect(findViolations(plan)).toEqual([]);
  });

  it("reports a cycle that is larger than the team can move in one wave", () => {
    const b = new EstateBuilder();
    b.site("Old", "DCC");
    b.site("New", "SCC");
    b.asset("A", "DCC", "APPLICATION", { site: "Old" });
    b.asset("B", "DCC", "APPLICATION", { site: "Old" });
    b.dep("A", "DEPENDS_ON", "B");
    b.dep("B", "DEPENDS_ON", "A");
    b.move("a", "MIGRATE", "A", { toSite: "New" });
    b.move("b", "MIGRATE", "B", { toSite: "New" });
    const plan = planWaves(b.input({ maxMovesPerWave: 1 }));
    expect(waveOf(plan, b.moveId("a"))).toBe(waveOf(plan, b.moveId("b")));
    expect(findViolations(plan).map((v) => v.rule)).toEqual(["TEAM_CAPACITY_EXCEEDED"]);
  });

  it("switches a host off a wave after its last tenant has moved off it", () => {
    const b = new EstateBuilder();
    b.site("Old", "DCC");
    b.site("New", "SCC");
    b.asset("Old cluster", "DCC", "COMPUTE_CLUSTER", { site: "Old", vcpu: 100, vcpuUsed: 40 });
    b.asset("New platform", "SCC", "CLOUD_PLATFORM", { site: "New", vcpu: 1000, vcpuUsed: 100 });
    b.asset("VM", "DCC", "SERVER", { site: "Old", vcpu: 8 });
    b.dep("VM", "RUNS_ON", "Old cluster");
    b.move("vm", "MIGRATE", "VM", { toAsset: "New platform" });
    b.move("cluster", "RETIRE", "Old cluster");
    const plan = planWaves(b.input());
    expect(waveOf(plan, b.moveId("vm"))).toBe(1);
    expect(waveOf(plan, b.moveId("cluster"))).toBe(2);
    expect(plan.placed.get(b.moveId("cluster"))!.why[0]!.code).toBe("AFTER_MOVE");
    expect(plan.bound.chain).toBe(2);
    expect(findViolations(plan)).toEqual([]);
  });

  it("closes a site a wave after everything on it has moved out, and with the last retirement", () => {
    const b = new EstateBuilder();
    b.site("Old", "DCC");
    b.site("New", "SCC");
    b.asset("Server", "DCC", "SERVER", { site: "Old" });
    b.asset("Switch", "DCC", "NETWORK", { site: "Old" });
    b.move("server", "MIGRATE", "Server", { toSite: "New", pinnedWave: 2 });
    b.move("switch", "RETIRE", "Switch", { pinnedWave: 3 });
    b.move("close", "CLOSE_SITE", "Old");
    const plan = planWaves(b.input());
    expect(waveOf(plan, b.moveId("close"))).toBe(3);
    expect(findViolations(plan)).toEqual([]);
  });

  it("keeps a target's capacity in every wave, counting what has left it", () => {
    const b = new EstateBuilder();
    b.site("Old", "DCC");
    b.site("Target", "SCC", { racks: 1 }); // 42 rack units; in use: the old server's 20
    b.asset("Old server", "SCC", "SERVER", { site: "Target", rackUnits: 20 });
    b.asset("X1", "DCC", "SERVER", { site: "Old", rackUnits: 20 });
    b.asset("X2", "DCC", "SERVER", { site: "Old", rackUnits: 20 });
    b.move("old", "RETIRE", "Old server");
    b.move("x1", "MIGRATE", "X1", { toSite: "Target" });
    b.move("x2", "MIGRATE", "X2", { toSite: "Target" });
    const plan = planWaves(b.input());
    const waves = [waveOf(plan, b.moveId("x1")), waveOf(plan, b.moveId("x2"))].sort();
    expect(waves).toEqual([1, 2]);
    expect(waveOf(plan, b.moveId("old"))).toBe(1);
    const late = waveOf(plan, b.moveId("x1")) === 2 ? "x1" : "x2";
    expect(plan.placed.get(b.moveId(late))!.why[0]!.code).toBe("TARGET_CAPACITY");
    const key = `RACK_UNITS:${b.siteId("Target")}`;
    expect([1, 2, 3].map((w) => plan.ledger.load(key, w))).toEqual([40, 40, 40]);
    expect(findViolations(plan)).toEqual([]);
  });

  it("reports an arrival that never fits its target, naming resource, amount and capacity", () => {
    const b = new EstateBuilder();
    b.site("Old", "DCC");
    b.site("Target", "SCC", { racks: 10, racksUsed: 9, powerKw: 10, powerUsedKw: 9 });
    b.asset("Big SAN", "DCC", "STORAGE", { site: "Old", rackUnits: 60, powerKw: 2 });
    b.move("san", "MIGRATE", "Big SAN", { toSite: "Target" });
    const plan = planWaves(b.input());
    const v = findViolations(plan);
    expect(v.map((x) => [x.rule, x.resource?.kind, x.resource?.excess])).toEqual([
      ["CAPACITY_EXCEEDED", "POWER_KW", 1],
      ["CAPACITY_EXCEEDED", "RACK_UNITS", 18],
    ]);
    expect(v[1]!.message).toContain("Target: rack units over capacity by 18 (438 of 420) in wave 1;");
  });

  it("spreads moves over waves by the team's capacity and meets the lower bound", () => {
    const b = new EstateBuilder();
    b.site("Old", "DCC");
    b.site("New", "SCC");
    for (let i = 1; i <= 5; i++) {
      b.asset(`S${i}`, "DCC", "SERVER", { site: "Old" });
      b.move(`s${i}`, "MIGRATE", `S${i}`, { toSite: "New", effortDays: 10 });
    }
    const plan = planWaves(b.input({ maxMovesPerWave: 2 }));
    expect([1, 2, 3, 4, 5].map((i) => waveOf(plan, b.moveId(`s${i}`))).sort()).toEqual([1, 1, 2, 2, 3]);
    expect(plan.bound).toEqual({ waves: 3, chain: 1, team: 3, effort: 0 });
    const byEffort = planWaves(b.input({ maxMovesPerWave: 10, maxEffortDaysPerWave: 25 }));
    // Two moves (20 days) fit a wave of 25 days: 2 + 2 + 1, one wave above the bound ⌈50 ÷ 25⌉ = 2.
    expect(byEffort.waveCount).toBe(3);
    expect(byEffort.bound).toEqual({ waves: 2, chain: 1, team: 1, effort: 2 });
  });

  it("waits for a licence's contract to end before retiring licensed software, unless the exit cost is accepted", () => {
    const b = new EstateBuilder();
    b.asset("CRM", "DCC", "APPLICATION", { product: "crm" });
    b.contract("DCC", "DCC-CRM-1", "2027-06-30", 90);
    b.licence("crm-lic", "DCC", "crm", { contract: "DCC-CRM-1", owned: 100, used: 80, unit: 120 });
    b.move("retire", "RETIRE", "CRM");
    const plan = planWaves(b.input());
    // Waves end 2027-04-01, 2027-07-01: the contract is free from 2027-07-01.
    expect(waveOf(plan, b.moveId("retire"))).toBe(2);
    expect(plan.placed.get(b.moveId("retire"))!.why[0]).toMatchObject({ code: "CONTRACT_END", date: "2027-06-30" });
    b.moves[0]!.acceptExitCost = true;
    expect(waveOf(planWaves(b.input()), b.moveId("retire"))).toBe(1);
  });

  it("honours an earliest date, and keeps a pin even before what the move needs, naming the broken order", () => {
    const b = appOnDatabase();
    b.moves[0]!.earliestDate = "2027-05-15"; // the database: wave 2 ends 2027-07-01
    b.moves[1]!.pinnedWave = 1; // the app wants wave 1, before its database
    const plan = planWaves(b.input());
    expect(waveOf(plan, b.moveId("db"))).toBe(2);
    expect(plan.placed.get(b.moveId("db"))!.why[0]).toMatchObject({ code: "EARLIEST_DATE" });
    expect(waveOf(plan, b.moveId("app"))).toBe(1);
    expect(findViolations(plan).map((v) => [v.rule, v.moveIds])).toEqual([
      ["MOVE_BEFORE_NEED", [b.moveId("app"), b.moveId("db")]],
    ]);
    b.moves[1]!.pinnedWave = 4;
    const later = planWaves(b.input());
    expect(waveOf(later, b.moveId("app"))).toBe(4);
    expect(later.placed.get(b.moveId("app"))!.why[0]!.code).toBe("PINNED");
    expect(findViolations(later)).toEqual([]);
  });

  it("moves a pin that falls before the move's earliest date to the first wave the date allows, and reports it", () => {
    const b = appOnDatabase();
    b.moves[0]!.earliestDate = "2027-08-01"; // wave 3 ends 2027-10-01
    b.moves[0]!.pinnedWave = 1;
    const plan = planWaves(b.input());
    expect(waveOf(plan, b.moveId("db"))).toBe(3);
    expect(findViolations(plan).map((v) => [v.rule, v.wave])).toEqual([["PIN_NOT_HONOURED", 1]]);
  });

  it("gives the same plan whatever order the moves and rows come in", () => {
    const b = new EstateBuilder();
    b.site("Old", "DCC");
    b.site("New", "SCC", { racks: 2 });
    for (let i = 1; i <= 12; i++) {
      b.asset(`S${i}`, "DCC", "SERVER", { site: "Old", rackUnits: 10 + i, crit: i % 3 ? "LOW" : "HIGH" });
      if (i > 1) b.dep(`S${i}`, "DEPENDS_ON", `S${i - 1}`);
      b.move(`s${i}`, "MIGRATE", `S${i}`, { toSite: "New" });
    }
    const one = planWaves(b.input({ maxMovesPerWave: 3 }));
    b.moves.reverse();
    b.dependencies.reverse();
    const two = planWaves(b.input({ maxMovesPerWave: 3 }));
    const shape = (p: typeof one) => p.order.map((x) => [x.move.id, x.wave, x.why.map((w) => w.code)]);
    expect(shape(two)).toEqual(shape(one));
  });
});
