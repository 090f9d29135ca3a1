// Each violation kind on a hand-built estate that breaks exactly that rule.
import { describe, expect, it } from "vitest";
import { planWaves } from "../../server/planning/waves.ts";
import { findViolations } from "../../server/planning/violations.ts";
import { EstateBuilder } from "./estate-builder.ts";

function twoSites() {
  const b = new EstateBuilder();
  b.site("Primary DC", "SCC", { racks: 20, racksUsed: 5 });
  b.site("DR DC", "SCC", { racks: 20, racksUsed: 5 });
  b.site("County Hall", "DCC", { racks: 10, racksUsed: 4 });
  return b;
}

const rules = (b: EstateBuilder, params = {}) => findViolations(planWaves(b.input(params)));

describe("validateScenario's rules", () => {
  it("finds nothing wrong with an empty scenario", () => {
    expect(rules(twoSites())).toEqual([]);
  });

  it("refuses retiring something an asset that stays still needs, naming both", () => {
    const b = twoSites();
    b.asset("Directory", "DCC", "SERVER", { site: "County Hall" });
    b.asset("Payroll", "DCC", "APPLICATION", { site: "County Hall" });
    b.dep("Payroll", "AUTHENTICATES_VIA", "Directory");
    b.move("dir", "RETIRE", "Directory");
    const [v, ...rest] = rules(b);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      rule: "NEEDED_BY_REMAINING",
      severity: "ERROR",
      moveIds: [b.moveId("dir")],
      assetIds: [b.assetId("Directory"), b.assetId("Payroll")],
    });
    expect(v!.message).toContain("Payroll still needs (AUTHENTICATES_VIA)");
    // Retiring the dependant too, or consolidating instead, is fine.
    b.move("payroll", "RETIRE", "Payroll");
    expect(rules(b)).toEqual([]);
  });

  it("re-points dependents when an asset is consolidated or replaced instead of retired", () => {
    const b = twoSites();
    b.asset("DCC SAN", "DCC", "STORAGE", { site: "County Hall", storageUsedTb: 10 });
    b.asset("SCC SAN", "SCC", "STORAGE", { site: "Primary DC", storageTb: 100, storageUsedTb: 50 });
    b.asset("DCC DB", "DCC", "DATABASE", { site: "County Hall" });
    b.dep("DCC DB", "STORES_DATA_ON", "DCC SAN");
    b.move("san", "CONSOLIDATE", "DCC SAN", { toAsset: "SCC SAN" });
    expect(rules(b)).toEqual([]);
  });

  it("refuses closing a site while something would still run there", () => {
    const b = twoSites();
    b.asset("Server", "DCC", "SERVER", { site: "County Hall" });
    b.asset("VM", "DCC", "APPLICATION", { site: "County Hall" });
    b.asset("Cluster", "DCC", "COMPUTE_CLUSTER", { site: "County Hall" });
    b.asset("SCC cluster", "SCC", "COMPUTE_CLUSTER", { site: "Primary DC" });
    b.dep("VM", "RUNS_ON", "Cluster");
    b.move("cluster", "CONSOLIDATE", "Cluster", { toAsset: "SCC cluster" });
    b.move("close", "CLOSE_SITE", "County Hall");
    const [v, ...rest] = rules(b);
    expect(rest).toEqual([]);
    // The VM follows its cluster; the server has nowhere to go.
    expect(v).toMatchObject({ rule: "SITE_CLOSED_WITH_TENANTS", assetIds: [b.assetId("Server")], siteIds: [b.siteId("County Hall")] });
  });

  it("refuses a move placed before a move it needs", () => {
    const b = twoSites();
    b.asset("DB", "DCC", "DATABASE", { site: "County Hall" });
    b.asset("App", "DCC", "APPLICATION", { site: "County Hall" });
    b.dep("App", "DEPENDS_ON", "DB");
    b.move("db", "MIGRATE", "DB", { toSite: "Primary DC", pinnedWave: 3 });
    b.move("app", "MIGRATE", "App", { toSite: "Primary DC", pinnedWave: 1 });
    const [v, ...rest] = rules(b);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ rule: "MOVE_BEFORE_NEED", wave: 1, moveIds: [b.moveId("app"), b.moveId("db")], assetIds: [b.assetId("App")] });
    expect(v!.message).toContain("in wave 1, but App needs DB (DEPENDS_ON)");
  });

  it("refuses fewer seats than are used after a renegotiation", () => {
    const b = twoSites();
    b.licence("scc-m365", "SCC", "m365", { owned: 100, used: 90, unit: 200 });
    b.licence("dcc-m365", "DCC", "m365", { owned: 80, used: 70, unit: 250 });
    b.move("reneg", "RENEGOTIATE", null, { licences: ["scc-m365", "dcc-m365"], toLicence: "scc-m365", seats: 150 });
    const [v] = rules(b);
    expect(v).toMatchObject({ rule: "SEATS_BELOW_USE" });
    expect(v!.message).toContain("150 seat(s) (USER) but 160 are in use");
    b.moves[0]!.seats = 160;
    expect(rules(b)).toEqual([]);
  });

  it("refuses putting a critical service's primary and its recovery copy on the same site", () => {
    const b = twoSites();
    b.asset("Primary SAN", "SCC", "STORAGE", { site: "Primary DC", crit: "HIGH", rackUnits: 4 });
    b.asset("DR SAN", "SCC", "STORAGE", { site: "DR DC", rackUnits: 4 });
    b.asset("Social care", "SCC", "APPLICATION", { site: "Primary DC", crit: "CRITICAL" });
    b.dep("Social care", "STORES_DATA_ON", "Primary SAN");
    b.dep("Primary SAN", "REPLICATES_TO", "DR SAN");
    b.move("dr", "MIGRATE", "DR SAN", { toSite: "Primary DC" });
    const [v, ...rest] = rules(b);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      rule: "RECOVERY_COLOCATED",
      severity: "ERROR",
      assetIds: [b.assetId("Primary SAN"), b.assetId("DR SAN")],
      siteIds: [b.siteId("Primary DC")],
      wave: 1,
    });
  });

  it("refuses a plan that leaves a critical primary and its copy on a site they already share", () => {
    const b = twoSites();
    b.asset("Primary SAN", "SCC", "STORAGE", { site: "Primary DC", crit: "CRITICAL" });
    b.asset("Backup", "SCC", "STORAGE", { site: "Primary DC" });
    b.dep("Primary SAN", "BACKS_UP_TO", "Backup");
    expect(rules(b).map((v) => [v.rule, v.severity])).toEqual([["RECOVERY_COLOCATED", "ERROR"]]);
  });

  it("refuses retiring the recovery copy of a critical service", () => {
    const b = twoSites();
    b.asset("Primary SAN", "SCC", "STORAGE", { site: "Primary DC", crit: "CRITICAL" });
    b.asset("Backup library", "SCC", "STORAGE", { site: "DR DC" });
    b.dep("Primary SAN", "BACKS_UP_TO", "Backup library");
    b.move("lib", "RETIRE", "Backup library");
    expect(rules(b).map((v) => [v.rule, v.severity])).toEqual([["RECOVERY_LOST", "ERROR"]]);
  });

  it("refuses a move onto a target that the scenario retires or closes", () => {
    const b = twoSites();
    b.asset("Server", "DCC", "SERVER", { site: "County Hall" });
    b.asset("Old cluster", "SCC", "COMPUTE_CLUSTER", { site: "Primary DC" });
    b.asset("App", "DCC", "APPLICATION", { site: "County Hall" });
    b.move("server", "MIGRATE", "Server", { toSite: "DR DC" });
    b.move("app", "MIGRATE", "App", { toAsset: "Old cluster" });
    b.move("dr", "CLOSE_SITE", "DR DC");
    b.move("cluster", "RETIRE", "Old cluster");
    const found = rules(b).filter((v) => v.rule === "TARGET_RETIRING");
    expect(found.map((v) => v.moveIds[0]).sort()).toEqual([b.moveId("app"), b.moveId("server")].sort());
  });

  it("refuses a plan that runs past its horizon", () => {
    const b = twoSites();
    b.asset("App", "DCC", "APPLICATION", { site: "County Hall" });
    b.move("app", "MIGRATE", "App", { toSite: "Primary DC", earliestDate: "2040-01-01" });
    const [v] = rules(b, { horizonYears: 2 });
    expect(v).toMatchObject({ rule: "BEYOND_HORIZON" });
  });

  it("lists errors before warnings, the same way every time", () => {
    const b = twoSites();
    // Retiring the backup of a service nothing critical needs is a warning (RECOVERY_LOST).
    b.asset("Primary SAN", "SCC", "STORAGE", { site: "Primary DC" });
    b.asset("Backup", "SCC", "STORAGE", { site: "DR DC" });
    b.dep("Primary SAN", "BACKS_UP_TO", "Backup");
    b.move("backup", "RETIRE", "Backup");
    b.asset("Directory", "DCC", "SERVER", { site: "County Hall" });
    b.asset("Payroll", "DCC", "APPLICATION", { site: "County Hall" });
    b.dep("Payroll", "AUTHENTICATES_VIA", "Directory");
    b.move("dir", "RETIRE", "Directory");
    const found = rules(b);
    expect(found.map((v) => v.severity)).toEqual(["ERROR", "WARNING"]);
    expect(rules(b)).toEqual(found);
  });
});

describe("a move that changes an organisation's estate which is not a party to the scenario", () => {
  const withParties = (b: EstateBuilder, codes: string[]) => {
    const input = b.input({});
    const parties = new Set([...input.estate.organisationCodes].filter(([, code]) => codes.includes(code)).map(([id]) => id));
    return findViolations(planWaves(input), parties);
  };

  it("is an error naming that organisation and its assets (the review's case: DCC's cluster needs SCC's consolidated breakout)", () => {
    const b = twoSites();
    b.asset("SCC breakout Doxford", "SCC", "NETWORK", { site: "Primary DC" });
    b.asset("SCC breakout Washington", "SCC", "NETWORK", { site: "DR DC" });
    b.asset("DCC DR cluster", "DCC", "COMPUTE_CLUSTER", { site: "County Hall" });
    b.dep("DCC DR cluster", "CONNECTS_TO", "SCC breakout Doxford");
    b.move("breakout", "CONSOLIDATE", "SCC breakout Doxford", { toAsset: "SCC breakout Washington" });
    const only = withParties(b, ["SCC"]).filter((v) => v.rule === "ORGANISATION_NOT_PARTY");
    expect(only).toHaveLength(1);
    expect(only[0]).toMatchObject({ severity: "ERROR", moveIds: [b.moveId("breakout")], assetIds: [b.assetId("DCC DR cluster")] });
    expect(only[0]!.message).toContain("changes DCC's estate (DCC DR cluster), but DCC is not one of the scenario's organisations");
    // With DCC taking part, DCC plans and approves it: no such violation.
    expect(withParties(b, ["SCC", "DCC"]).filter((v) => v.rule === "ORGANISATION_NOT_PARTY")).toEqual([]);
  });

  it("counts what runs on the subject, and what is at a closing site", () => {
    const b = twoSites();
    b.asset("SCC cloud", "SCC", "COMPUTE_CLUSTER", { site: "Primary DC" });
    b.asset("SCC cloud 2", "SCC", "COMPUTE_CLUSTER", { site: "DR DC" });
    b.asset("DCC test tenancy", "DCC", "APPLICATION", { site: "Primary DC" });
    b.dep("DCC test tenancy", "RUNS_ON", "SCC cloud");
    b.move("cloud", "CONSOLIDATE", "SCC cloud", { toAsset: "SCC cloud 2" });
    expect(withParties(b, ["SCC"]).filter((v) => v.rule === "ORGANISATION_NOT_PARTY").map((v) => v.assetIds)).toEqual([[b.assetId("DCC test tenancy")]]);
  });
});
