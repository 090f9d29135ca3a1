// The seed estate as plain rows: deterministic, well-formed, and shaped as the brief for each council.
import { describe, it, expect } from "vitest";
import { buildSeedEstate } from "../../seeds/estate.ts";
import { normaliseAlias } from "../../seeds/keys.ts";
import type { SeedEstate } from "../../seeds/types.ts";

const estate = buildSeedEstate();
const orgId = (code: string) => estate.organisations.find((o) => o.code === code)!.id;
const SCC = orgId("SCC");
const DCC = orgId("DCC");
const SHARED = orgId("SHARED");

describe("buildSeedEstate", () => {
  it("is deterministic: two calls give deep-equal rows", () => {
    expect(buildSeedEstate()).toEqual(buildSeedEstate());
  });

  it("has the two councils and an empty shared service", () => {
    expect(estate.organisations.map((o) => [o.code, o.kind])).toEqual([
      ["SCC", "COUNCIL"],
      ["DCC", "COUNCIL"],
      ["SHARED", "SHARED_SERVICE"],
    ]);
    expect(estate.organisations.find((o) => o.code === "DCC")!.identifiers).toEqual([
      "GB-LAE-DUR",
      "GB-CFS-49652",
    ]);
    const total = estate.organisations.reduce((n, o) => n + o.annualIctBudgetPence, 0n);
    expect(total).toBeGreaterThan(17_000_000_00n);
    expect(total).toBeLessThan(19_000_000_00n);
    for (const rows of [estate.sites, estate.assets, estate.licences, estate.contracts]) {
      expect(rows.filter((r) => r.organisationId === SHARED)).toEqual([]);
    }
  });

  it("gives each council 2–4 sites and at least 100 applications", () => {
    for (const id of [SCC, DCC]) {
      const sites = estate.sites.filter((s) => s.organisationId === id).length;
      expect(sites).toBeGreaterThanOrEqual(2);
      expect(sites).toBeLessThanOrEqual(4);
      expect(
        estate.assets.filter((a) => a.organisationId === id && a.kind === "APPLICATION").length,
      ).toBeGreaterThanOrEqual(100);
    }
  });

  it("places Durham's DR kit in Sunderland's data centre", () => {
    const doxford = estate.sites.find((s) => s.organisationId === SCC && s.name.includes("Doxford"))!;
    const durhamThere = estate.assets.filter((a) => a.organisationId === DCC && a.siteId === doxford.id);
    expect(durhamThere.map((a) => a.kind)).toEqual(expect.arrayContaining(["STORAGE", "COMPUTE_CLUSTER"]));
  });

  it("keeps names unique per organisation and every id unique and well-formed", () => {
    for (const rows of [estate.sites, estate.assets]) {
      const keys = rows.map((r) => `${r.organisationId}/${r.name}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
    const refs = estate.contracts.map((c) => `${c.organisationId}/${c.reference}`);
    expect(new Set(refs).size).toBe(refs.length);
    const { productJobs, ...withIds } = estate;
    const ids = Object.values(withIds).flatMap((rows: { id: string }[]) => rows.map((r) => r.id));
    const jobKeys = productJobs.map((j) => `${j.productId}|${j.capabilityId}`);
    expect(new Set(jobKeys).size).toBe(jobKeys.length);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("has no self-loop or duplicate dependency, and every endpoint exists", () => {
    const assetIds = new Set(estate.assets.map((a) => a.id));
    const keys = new Set<string>();
    for (const d of estate.dependencies) {
      expect(d.sourceId).not.toBe(d.targetId);
      expect(assetIds.has(d.sourceId)).toBe(true);
      expect(assetIds.has(d.targetId)).toBe(true);
      keys.add(`${d.sourceId}|${d.targetId}|${d.type}`);
    }
    expect(keys.size).toBe(estate.dependencies.length);
  });

  it("has a few cross-organisation dependencies", () => {
    const owner = new Map(estate.assets.map((a) => [a.id, a.organisationId]));
    const cross = estate.dependencies.filter((d) => owner.get(d.sourceId) !== owner.get(d.targetId));
    expect(cross.length).toBeGreaterThanOrEqual(3);
  });

  it("points every foreign key at a row that exists", () => {
    const has = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
    const orgs = has(estate.organisations);
    const sites = has(estate.sites);
    const products = has(estate.products);
    const vendors = has(estate.vendors);
    const caps = has(estate.capabilities);
    const contracts = has(estate.contracts);
    for (const s of estate.sites) expect(orgs.has(s.organisationId)).toBe(true);
    for (const a of estate.assets) {
      expect(orgs.has(a.organisationId)).toBe(true);
      if (a.siteId) expect(sites.has(a.siteId)).toBe(true);
      if (a.productId) expect(products.has(a.productId)).toBe(true);
    }
    for (const p of estate.products) {
      expect(vendors.has(p.vendorId)).toBe(true);
      if (p.capabilityId) expect(caps.has(p.capabilityId)).toBe(true);
    }
    for (const al of estate.productAliases) expect(products.has(al.productId)).toBe(true);
    for (const l of estate.licences) {
      expect(products.has(l.productId)).toBe(true);
      expect(l.contractId && contracts.has(l.contractId)).toBe(true);
    }
  });

  it("links every licence to a contract of the same organisation", () => {
    const contractOrg = new Map(estate.contracts.map((c) => [c.id, c.organisationId]));
    for (const l of estate.licences) expect(contractOrg.get(l.contractId!)).toBe(l.organisationId);
  });

  it("licenses every product an organisation runs", () => {
    const licensed = new Set(estate.licences.map((l) => `${l.organisationId}/${l.productId}`));
    for (const a of estate.assets.filter((x) => x.productId))
      expect(licensed.has(`${a.organisationId}/${a.productId}`)).toBe(true);
  });

  it("keeps money in non-negative bigint pence, and annual = unit × owned for counted metrics", () => {
    const money = (rows: object[], fields: string[]) => {
      for (const r of rows as Record<string, unknown>[]) {
        for (const f of fields) {
          expect(typeof r[f]).toBe("bigint");
          expect(r[f] as bigint).toBeGreaterThanOrEqual(0n);
        }
      }
    };
    money(estate.organisations, ["annualIctBudgetPence"]);
    money(estate.sites, ["annualCostPence"]);
    money(estate.assets, ["annualRunCostPence", "bookValuePence"]);
    money(estate.contracts, ["valuePence", "annualValuePence"]);
    money(estate.licences, ["unitCostPence", "annualCostPence"]);
    for (const l of estate.licences.filter((x) => x.metric !== "ENTERPRISE")) {
      expect(l.annualCostPence).toBe(l.unitCostPence * BigInt(l.quantityOwned));
    }
  });

  it("has shelfware and shortfalls", () => {
    expect(estate.licences.some((l) => l.quantityOwned > l.quantityUsed)).toBe(true);
    expect(estate.licences.some((l) => l.quantityUsed > l.quantityOwned)).toBe(true);
  });

  it("spreads contract ends over 2026–2030 with notice periods of 30–180 days", () => {
    const years = new Set(estate.contracts.map((c) => c.endDate!.getUTCFullYear()));
    for (const y of [2027, 2028, 2029]) expect(years.has(y)).toBe(true);
    for (const c of estate.contracts) {
      expect(c.endDate!.getUTCFullYear()).toBeGreaterThanOrEqual(2026);
      expect(c.endDate!.getUTCFullYear()).toBeLessThanOrEqual(2030);
      expect(c.startDate!.getTime()).toBeLessThan(c.endDate!.getTime());
      expect(c.noticePeriodDays).toBeGreaterThanOrEqual(30);
      expect(c.noticePeriodDays).toBeLessThanOrEqual(180);
      expect(c.ocid).toBeNull();
    }
  });

  it("normalises aliases uniquely", () => {
    const seen = new Set<string>();
    for (const a of estate.productAliases) {
      expect(a.normalised).toBe(normaliseAlias(a.alias));
      expect(seen.has(a.normalised)).toBe(false);
      seen.add(a.normalised);
    }
  });

  it("gives the same ids on every build", () => {
    const again: SeedEstate = buildSeedEstate();
    expect(again.assets.map((a) => a.id)).toEqual(estate.assets.map((a) => a.id));
    expect(again.dependencies.map((d) => d.id)).toEqual(estate.dependencies.map((d) => d.id));
  });
});
