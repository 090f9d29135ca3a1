// The seeds' inventory figures (asset run costs and book values, site costs) are every reader's, and
// licence prices and contract values are commercial: no inventory figure may be computed from one, or
// a reader without readCommercialValues could work the price out.
import { describe, it, expect } from "vitest";
import { addApps, app, type AppSpec } from "../../seeds/apps.ts";
import { OrgEstateBuilder } from "../../seeds/builder.ts";
import { buildCatalogue } from "../../seeds/catalogue.ts";
import { buildSeedEstate } from "../../seeds/estate.ts";
import { buildOrganisations } from "../../seeds/organisations.ts";

const catalogue = buildCatalogue();
const scc = buildOrganisations().find((o) => o.code === "SCC")!;

/** The application asset and licence the seeds make of `spec`, hosted on premises and in SaaS. */
function seeded(spec: AppSpec) {
  const b = new OrgEstateBuilder(scc, catalogue);
  b.site({ name: "DC", kind: "DATA_CENTRE", annualCost: 1 });
  b.asset({ name: "Cluster", kind: "COMPUTE_CLUSTER", site: "DC" });
  b.asset({ name: "Directory", kind: "SERVER", site: "DC" });
  addApps(
    b,
    { hosts: { core: "Cluster", saas: "Cluster" }, directory: "Directory", cloudIdentity: "Directory" },
    [spec],
  );
  const asset = b.assetNamed(spec.name);
  return { runCost: asset.annualRunCostPence, bookValue: asset.bookValuePence, licence: b.licences[0]! };
}

describe("seed inventory figures", () => {
  it.each(["core", "saas"] as const)(
    "gives a %s application the same run cost and book value whatever its licence costs",
    (host) => {
      const cheap = seeded(app("Case system", "lq-las", "C", host, 12_000, { users: 300 }));
      const dear = seeded(app("Case system", "lq-las", "C", host, 940_500, { users: 300 }));
      expect(dear.licence.annualCostPence).not.toBe(cheap.licence.annualCostPence);
      expect([dear.runCost, dear.bookValue]).toEqual([cheap.runCost, cheap.bookValue]);
      expect(cheap.runCost).toBeGreaterThan(0n);
    },
  );

  it("prices no managed link, nor two or three of them together, at a service contract's annual value", () => {
    // A managed link's run cost includes the council's own cost of running it; a copy of the supplier's
    // charge would reveal the contract's value (as the WAN, internet, PSN and DR-link assets once did).
    const estate = buildSeedEstate();
    const licensed = new Set(estate.licences.map((l) => l.contractId));
    const bought = new Set(["WAN link", "Internet breakout", "PSN connection"]);
    for (const c of estate.contracts.filter((x) => !licensed.has(x.id))) {
      const links = estate.assets.filter(
        (a) => a.organisationId === c.organisationId && a.kind === "NETWORK" && bought.has(a.subtype ?? ""),
      );
      const combos = (from: number, size: number): (typeof links)[] =>
        size === 0
          ? [[]]
          : links.slice(from).flatMap((a, i) => combos(from + i + 1, size - 1).map((rest) => [a, ...rest]));
      const matching = [1, 2, 3]
        .flatMap((size) => combos(0, size))
        .filter((parts) => parts.reduce((n, a) => n + a.annualRunCostPence, 0n) === c.annualValuePence)
        .map((parts) => parts.map((a) => a.name).join(" + "));
      expect(matching, c.title).toEqual([]);
    }
  });
});
