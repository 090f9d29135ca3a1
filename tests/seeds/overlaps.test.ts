// The planted overlaps are really there, and no product is shared by the councils unless it is planted.
import { describe, it, expect } from "vitest";
import { buildSeedEstate } from "../../seeds/estate.ts";
import { findOverlaps, productsHeld } from "../../seeds/overlap-analysis.ts";
import { PLANTED_OVERLAPS } from "../../seeds/overlaps.ts";
import { productLabel } from "../../seeds/catalogue-spec.ts";

const estate = buildSeedEstate();
const orgId = (code: string) => estate.organisations.find((o) => o.code === code)!.id;
const vendorName = new Map(estate.vendors.map((v) => [v.id, v.name]));
const capCode = new Map(estate.capabilities.map((c) => [c.id, c.code]));
const productByLabel = new Map(
  estate.products.map((p) => [
    productLabel({ vendor: vendorName.get(p.vendorId)!, name: p.name, edition: p.edition }),
    p,
  ]),
);
const jobsOf = (productId: string) =>
  estate.productJobs.filter((j) => j.productId === productId).map((j) => capCode.get(j.capabilityId));
const scc = productsHeld(estate, orgId("SCC"));
const dcc = productsHeld(estate, orgId("DCC"));

describe("planted overlaps", () => {
  it("labels every catalogue product uniquely", () => {
    expect(productByLabel.size).toBe(estate.products.length);
  });

  it.each(PLANTED_OVERLAPS.map((o) => [`${o.kind} ${o.job} ${o.products.join(" / ")}`, o] as const))(
    "%s is present",
    (_, o) => {
      const products = o.products.map((label) => {
        const p = productByLabel.get(label);
        expect(p, label).toBeDefined();
        expect(jobsOf(p!.id)).toContain(o.job);
        return p!;
      });
      if (o.kind === "SAME_PRODUCT") {
        expect(products).toHaveLength(1);
        expect(scc.has(products[0]!.id) && dcc.has(products[0]!.id)).toBe(true);
      } else {
        // each product is held by exactly one council, and each council holds at least one of them
        for (const p of products) expect(Number(scc.has(p.id)) + Number(dcc.has(p.id))).toBe(1);
        expect(products.some((p) => scc.has(p.id))).toBe(true);
        expect(products.some((p) => dcc.has(p.id))).toBe(true);
        const found = findOverlaps(estate, "SCC", "DCC").find(
          (f) => f.kind === "SAME_JOB" && f.job === o.job,
        );
        expect(found?.products).toEqual(expect.arrayContaining(o.products));
      }
    },
  );

  it("has no same-product overlap between SCC and DCC other than the planted ones", () => {
    const shared = findOverlaps(estate, "SCC", "DCC")
      .filter((o) => o.kind === "SAME_PRODUCT")
      .map((o) => o.products[0])
      .sort();
    const planted = PLANTED_OVERLAPS.filter((o) => o.kind === "SAME_PRODUCT")
      .map((o) => o.products[0])
      .sort();
    expect(shared).toEqual(planted);
  });

  it("covers the brief's headline duplications", () => {
    const caps = PLANTED_OVERLAPS.filter((o) => o.kind === "SAME_JOB").map((o) => o.job.split(".")[0]);
    expect(caps).toEqual(expect.arrayContaining(["CRM", "WEB_FILTERING", "HR_PAYROLL", "ITSM", "LIBRARIES"]));
  });
});
