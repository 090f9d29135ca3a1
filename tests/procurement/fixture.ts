// A small hand-built procurement estate whose figures the tests work out by hand, and callers with
// chosen roles. Built straight through Prisma (no audit events).
//
// Capability HELPDESK, three products, two councils:
//   X "Alpha Desk"  SCC  USER  owned 100, used 80  unit £10.00  annual £1,250.00 (£250.00 support)  on SCC-X (ends 2027-03-31, 90 days' notice)
//   Y "Beta Desk"   DCC  USER  owned  60, used 70  unit £12.50  annual   £750.00                   on DCC-Y (ends 2027-06-30, 60 days' notice)
//   Z "Gamma Kiosk" DCC  SITE  owned   1, used  1  unit £400.00 annual   £400.00                   on DCC-Z (ends 2027-06-30, 30 days' notice)
// SCC also has service contracts D, B, G, C and a retired R (renewals), and WBC one contract.
import { randomUUID } from "node:crypto";
import type {
  Contract,
  Licence,
  Organisation,
  Product,
  PrismaClient,
  Role,
} from "../../generated/prisma/client.ts";
import type { Actor } from "../../server/shared/actor.ts";
import { createContract, createLicence, createOrganisations, type OrgCode } from "../api/fixtures.ts";

/** A calendar date. */
export const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** The fixture's rows. */
export interface ProcurementFixture {
  orgs: Record<OrgCode, Organisation>;
  products: { X: Product; Y: Product; Z: Product };
  licences: { X: Licence; Y: Licence; Z: Licence };
  contracts: Record<"X" | "Y" | "Z" | "D" | "B" | "G" | "C" | "R" | "W", Contract>;
}

/** Builds the fixture described at the top of this file. */
export async function buildProcurementFixture(prisma: PrismaClient): Promise<ProcurementFixture> {
  const orgs = await createOrganisations(prisma);
  const capability = await prisma.capability.create({
    data: { id: randomUUID(), code: "HELPDESK", name: "Help desk", level: "JOB" },
  });
  const product = async (vendor: string, name: string) => {
    const v = await prisma.vendor.create({ data: { id: randomUUID(), name: vendor } });
    return prisma.product.create({
      data: {
        id: randomUUID(),
        vendorId: v.id,
        name,
        capabilityId: capability.id,
        jobs: { create: [{ capabilityId: capability.id }] },
      },
    });
  };
  const X = await product("Alpha", "Alpha Desk");
  const Y = await product("Beta", "Beta Desk");
  const Z = await product("Gamma", "Gamma Kiosk");
  const contract = (
    org: Organisation,
    reference: string,
    end: string,
    notice: number | null,
    over: Record<string, unknown> = {},
  ) =>
    createContract(prisma, org, {
      reference,
      title: `${reference} contract`,
      endDate: d(end),
      noticePeriodDays: notice,
      ...over,
    });
  const contracts = {
    X: await contract(orgs.SCC, "SCC-X", "2027-03-31", 90, {
      annualValuePence: 125_000n,
      valuePence: 375_000n,
    }),
    Y: await contract(orgs.DCC, "DCC-Y", "2027-06-30", 60, {
      annualValuePence: 75_000n,
      valuePence: 225_000n,
    }),
    Z: await contract(orgs.DCC, "DCC-Z", "2027-06-30", 30),
    D: await contract(orgs.SCC, "SCC-D", "2026-12-15", null),
    B: await contract(orgs.SCC, "SCC-B", "2027-01-31", 30),
    G: await contract(orgs.SCC, "SCC-G", "2027-09-30", 180),
    C: await contract(orgs.SCC, "SCC-C", "2028-01-31", 90),
    R: await contract(orgs.SCC, "SCC-R", "2027-02-01", 30, { status: "RETIRED" }),
    W: await contract(orgs.WBC, "WBC-1", "2027-02-15", 30),
  };
  const licences = {
    X: await createLicence(prisma, orgs.SCC, X, {
      contractId: contracts.X.id,
      metric: "USER",
      quantityOwned: 100,
      quantityUsed: 80,
      unitCostPence: 1_000n,
      annualCostPence: 125_000n,
    }),
    Y: await createLicence(prisma, orgs.DCC, Y, {
      contractId: contracts.Y.id,
      metric: "USER",
      quantityOwned: 60,
      quantityUsed: 70,
      unitCostPence: 1_250n,
      annualCostPence: 75_000n,
    }),
    Z: await createLicence(prisma, orgs.DCC, Z, {
      contractId: contracts.Z.id,
      metric: "SITE",
      quantityOwned: 1,
      quantityUsed: 1,
      unitCostPence: 40_000n,
      annualCostPence: 40_000n,
    }),
  };
  return { orgs, products: { X, Y, Z }, licences, contracts };
}

/** A signed-in user holding `roles` per organisation id. */
export function actorWith(roles: Record<string, Role[]>, email = "person@example.org"): Actor {
  return {
    id: randomUUID(),
    email,
    displayName: email,
    roles: new Map(Object.entries(roles).map(([orgId, rs]) => [orgId, new Set(rs)])),
    sharedAdmin: false,
    via: "session",
  };
}
