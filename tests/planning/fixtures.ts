// A small estate in the database for the planning API tests, and the callers who plan and approve it.
import { randomUUID } from "node:crypto";
import type { Asset, Organisation, PrismaClient, Role, Site } from "../../generated/prisma/client.ts";
import type { Actor } from "../../server/shared/actor.ts";
import { createAsset, createContract, createDependency, createLicence, createOrganisations, createSite, gid, type OrgCode } from "../api/fixtures.ts";

/** The planning fixture: three organisations, two data centres and a handful of assets. */
export interface PlanningEstate {
  orgs: Record<OrgCode, Organisation>;
  sccDc: Site;
  dccDc: Site;
  wbcDc: Site;
  /** DCC's server at its data centre (4U, 2 kW, £10,000 a year). */
  dccServer: Asset;
  /** DCC's database, which the DCC application needs. */
  dccDb: Asset;
  /** DCC's CRM (Dynamics), under a contract ending 2027-06-30. */
  dccCrm: Asset;
  /** SCC's CRM (Salesforce): the same job. */
  sccCrm: Asset;
  /** A finance system (another job). */
  sccFinance: Asset;
  /** WBC's server, for three-organisation scenarios. */
  wbcServer: Asset;
  retired: Asset;
}

/** Builds the planning estate through Prisma. */
export async function buildPlanningEstate(prisma: PrismaClient): Promise<PlanningEstate> {
  const orgs = await createOrganisations(prisma);
  await prisma.organisation.update({ where: { id: orgs.SCC.id }, data: { savingsTargetPence: 50_000_00n } });
  await prisma.organisation.update({ where: { id: orgs.DCC.id }, data: { savingsTargetPence: 20_000_00n } });
  const sccDc = await createSite(prisma, orgs.SCC, { name: "Southshire DC", racks: 10, racksUsed: 5, powerKw: 50, powerUsedKw: 20, pue: 1.5 });
  const dccDc = await createSite(prisma, orgs.DCC, { name: "Downford DC", racks: 4, racksUsed: 2, powerKw: 20, powerUsedKw: 8, pue: 2, annualCostPence: 60_000_00n });
  const wbcDc = await createSite(prisma, orgs.WBC, { name: "Westbrook DC" });
  const vendor = await prisma.vendor.create({ data: { id: randomUUID(), name: "Various" } });
  // Jobs of the taxonomy (the leaves: what "the same job" compares).
  const crm = await prisma.capability.create({ data: { id: randomUUID(), code: "CRM", name: "CRM", level: "JOB" } });
  const fin = await prisma.capability.create({ data: { id: randomUUID(), code: "FINANCE", name: "Finance", level: "JOB" } });
  const product = async (name: string, capabilityId: string) => {
    const p = await prisma.product.create({ data: { id: randomUUID(), vendorId: vendor.id, name, capabilityId } });
    await prisma.productJob.create({ data: { productId: p.id, capabilityId } });
    return p;
  };
  const dynamics = await product("Dynamics", crm.id);
  const salesforce = await product("Salesforce", crm.id);
  const unit4 = await product("Unit4", fin.id);
  const dccServer = await createAsset(prisma, orgs.DCC, { name: "DCC server", siteId: dccDc.id, rackUnits: 4, powerKw: 2, annualRunCostPence: 10_000_00n });
  const dccDb = await createAsset(prisma, orgs.DCC, { name: "DCC database", kind: "DATABASE", siteId: dccDc.id, rackUnits: 2, powerKw: 1 });
  const dccCrm = await createAsset(prisma, orgs.DCC, { name: "DCC CRM", kind: "APPLICATION", productId: dynamics.id, annualRunCostPence: 2_000_00n });
  const sccCrm = await createAsset(prisma, orgs.SCC, { name: "SCC CRM", kind: "APPLICATION", productId: salesforce.id });
  const sccFinance = await createAsset(prisma, orgs.SCC, { name: "SCC finance", kind: "APPLICATION", productId: unit4.id });
  const wbcServer = await createAsset(prisma, orgs.WBC, { name: "WBC server", siteId: wbcDc.id, rackUnits: 1 });
  const retired = await createAsset(prisma, orgs.DCC, { name: "Old kit", siteId: dccDc.id, lifecycle: "RETIRED" });
  await createDependency(prisma, dccCrm, "DEPENDS_ON", dccDb);
  const contract = await createContract(prisma, orgs.DCC, { reference: "DCC-CRM", endDate: new Date("2027-06-30") });
  await createLicence(prisma, orgs.DCC, dynamics, { contractId: contract.id, quantityOwned: 100, quantityUsed: 80, unitCostPence: 73_00n, annualCostPence: 7_300_00n });
  await createLicence(prisma, orgs.SCC, salesforce, { quantityOwned: 500, quantityUsed: 400, unitCostPence: 60_00n, annualCostPence: 30_000_00n });
  return { orgs, sccDc, dccDc, wbcDc, dccServer, dccDb, dccCrm, sccCrm, sccFinance, wbcServer, retired };
}

/** A caller holding `roles` ([organisation, role] pairs). */
export function actor(name: string, roles: [Organisation, Role][], sharedAdmin = false): Actor {
  const map = new Map<string, Set<Role>>();
  for (const [o, r] of roles) map.set(o.id, new Set([...(map.get(o.id) ?? []), r]));
  return { id: randomUUID(), email: `${name}@planning.test`, displayName: name, roles: map, sharedAdmin, via: "session" };
}

/**
 * A caller backed by a real account owned by `owner` (decisions for an organisation count only from an
 * account it owns), holding `roles`.
 */
export async function ownedActor(prisma: PrismaClient, name: string, owner: Organisation, roles: [Organisation, Role][], sharedAdmin = false): Promise<Actor> {
  const a = actor(name, roles, sharedAdmin);
  await prisma.user.create({
    data: { id: a.id, email: a.email, displayName: name, organisationId: owner.id, passwordHash: "not-used-by-these-tests" },
  });
  return a;
}

export { gid };

/** The scenario fields most tests read. */
export const SCENARIO = `id status version revision targets { organisation { code } target }`;
