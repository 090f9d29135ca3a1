// The estate every fuzz property starts from: two councils (SCC, the actor's; DCC, another's) and a
// partner (WBC), each with rows in every state a mutation cares about (active, retired, empty, shared),
// cross-organisation links, two users with tokens and an SCC viewer, and a small catalogue. Built
// straight through Prisma.
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { hashSecret } from "../../server/auth/secrets.ts";
import { aliasKey } from "../../server/licences/normalise.ts";

/** The ids the harness needs from the estate. */
export interface Fixture {
  orgs: { SCC: string; DCC: string; WBC: string };
  /** The actor: EDITOR and PROCUREMENT in SCC. */
  sccUser: { id: string; email: string };
  /** An ADMIN of DCC: the actor must not be able to touch this user or their token. */
  dccUser: { id: string; email: string };
  /** A VIEWER of SCC: a user other than the actor that SCC's admins administer. */
  sccViewer: { id: string; email: string };
}

/** Empties every table the app writes (TRUNCATE fires no row triggers, so the audit table empties too). */
export async function truncateAll(prisma: PrismaClient, tables: readonly string[]): Promise<void> {
  await prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t}"`).join(", ")} CASCADE`);
}

/** Builds the estate; `passwordHash` is the actor's (hashed once per file, scrypt is slow). */
export async function buildFixture(prisma: PrismaClient, passwordHash: string): Promise<Fixture> {
  // Fixed ids, so that a seed picks the same rows on every run.
  let n = 0;
  const id = () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, "0")}`;
  const org = async (code: string, name: string, kind: "COUNCIL" | "PARTNER") =>
    (
      await prisma.organisation.create({
        data: {
          id: id(),
          code,
          name,
          kind,
          identifiers: [`GB-LAE-${code}`],
          annualIctBudgetPence: 1_000_000_00n,
          staffFte: "12.5",
        },
      })
    ).id;
  const orgs = {
    SCC: await org("SCC", "Southshire County Council", "COUNCIL"),
    DCC: await org("DCC", "Downford City Council", "COUNCIL"),
    WBC: await org("WBC", "Westbrook Borough Council", "PARTNER"),
  };

  const sccUser = await prisma.user.create({
    data: {
      id: id(),
      email: "editor@scc.example",
      displayName: "SCC Editor",
      organisationId: orgs.SCC,
      passwordHash,
    },
  });
  const dccUser = await prisma.user.create({
    data: {
      id: id(),
      email: "admin@dcc.example",
      displayName: "DCC Admin",
      organisationId: orgs.DCC,
      passwordHash,
    },
  });
  await prisma.roleAssignment.createMany({
    data: [
      { id: id(), userId: sccUser.id, organisationId: orgs.SCC, role: "EDITOR" },
      { id: id(), userId: sccUser.id, organisationId: orgs.SCC, role: "PROCUREMENT" },
      { id: id(), userId: dccUser.id, organisationId: orgs.DCC, role: "ADMIN" },
    ],
  });
  const expiresAt = new Date(Date.now() + 30 * 86_400_000);
  for (const [user, n] of [
    [sccUser, 2],
    [dccUser, 1],
  ] as const) {
    for (let i = 0; i < n; i++) {
      await prisma.apiToken.create({
        data: {
          id: id(),
          userId: user.id,
          name: `${user.email} token ${i}`,
          prefix: `cvg_fixt${i}`,
          tokenHash: hashSecret(`${user.id}-${i}`),
          expiresAt,
        },
      });
    }
  }

  const site = async (organisationId: string, name: string, over: Record<string, unknown> = {}) =>
    (
      await prisma.site.create({
        data: {
          id: id(),
          organisationId,
          name,
          kind: "DATA_CENTRE",
          racks: 40,
          racksUsed: 20,
          powerKw: 200,
          powerUsedKw: 100,
          annualCostPence: 50_000_00n,
          ...over,
        },
      })
    ).id;
  const sccDc = await site(orgs.SCC, "SCC Data Centre", {
    pue: 1.6,
    tier: 3,
    leaseEnd: new Date("2031-03-31"),
  });
  const sccComms = await site(orgs.SCC, "SCC Empty Comms Room", {
    kind: "COMMS_ROOM",
    racks: 2,
    racksUsed: 0,
  });
  await site(orgs.SCC, "SCC Old Office", {
    kind: "OFFICE",
    lifecycle: "RETIRED",
    racks: null,
    racksUsed: null,
    powerKw: null,
    powerUsedKw: null,
  });
  const dccDc = await site(orgs.DCC, "DCC Data Centre");
  const dccDepot = await site(orgs.DCC, "DCC Depot", { kind: "OFFICE" });

  const vendor = await prisma.vendor.create({ data: { id: id(), name: "Northgate" } });
  const capability = await prisma.capability.create({
    data: { id: id(), code: "SOCIAL_CARE", name: "Social care case management", level: "JOB" },
  });
  const mosaic = await prisma.product.create({
    data: {
      id: id(),
      vendorId: vendor.id,
      name: "Mosaic",
      capabilityId: capability.id,
      jobs: { create: [{ capabilityId: capability.id }] },
    },
  });
  const liquid = await prisma.product.create({
    data: {
      id: id(),
      vendorId: vendor.id,
      name: "Liquidlogic",
      edition: "Enterprise",
      capabilityId: capability.id,
      jobs: { create: [{ capabilityId: capability.id }] },
    },
  });
  await prisma.productAlias.create({
    data: { id: id(), productId: mosaic.id, alias: "Mosaic (register)", normalised: "mosaic (register)" },
  });
  const review = (title: string, over: Record<string, unknown> = {}) =>
    prisma.productMatch.create({
      data: {
        id: id(),
        title,
        normalised: aliasKey(title),
        method: "FUZZY",
        score: 0.8,
        proposedProductId: mosaic.id,
        ...over,
      },
    });
  await review("Mosiac Social Care 2016", { source: "SCC licence register" });
  await review("Unheard-of Widget Suite", { method: "NONE", score: 0.2, proposedProductId: null });
  await review("Liquid Logic Childrens", {
    status: "REJECTED",
    rejectedProductIds: [mosaic.id],
    decidedBy: "admin@dcc.example",
    decidedAt: new Date(),
  });
  await review("Mosaic Adults", {
    status: "CONFIRMED",
    confirmedProductId: mosaic.id,
    decidedBy: "admin@dcc.example",
    decidedAt: new Date(),
  });

  const asset = async (
    organisationId: string,
    name: string,
    kind: "COMPUTE_CLUSTER" | "APPLICATION" | "SERVER" | "NETWORK",
    over: Record<string, unknown> = {},
  ) => (await prisma.asset.create({ data: { id: id(), organisationId, name, kind, ...over } })).id;
  const sccCluster = await asset(orgs.SCC, "SCC VMware cluster", "COMPUTE_CLUSTER", {
    siteId: sccDc,
    vcpu: 256,
    vcpuUsed: 200,
    ramGb: 2048,
    ramUsedGb: 1500,
    storageTb: 100,
    storageUsedTb: 60,
    annualRunCostPence: 120_000_00n,
  });
  const sccApp = await asset(orgs.SCC, "Mosaic social care", "APPLICATION", {
    productId: mosaic.id,
    criticality: "CRITICAL",
    supportEnd: new Date("2028-06-30"),
  });
  await asset(orgs.SCC, "SCC old file server", "SERVER", { lifecycle: "RETIRED", siteId: sccDc });
  const sccRack = await asset(orgs.SCC, "SCC rack in Downford", "SERVER", { siteId: dccDc, rackUnits: 2 });
  const dccWan = await asset(orgs.DCC, "DCC WAN link", "NETWORK", {
    siteId: dccDc,
    bandwidthMbps: 1000,
    bandwidthUsedMbps: 300,
  });
  const dccApp = await asset(orgs.DCC, "DCC revenues", "APPLICATION", {
    productId: liquid.id,
    criticality: "HIGH",
  });

  const dep = (sourceId: string, type: "RUNS_ON" | "CONNECTS_TO" | "DEPENDS_ON", targetId: string) =>
    prisma.dependency.create({ data: { id: id(), sourceId, targetId, type, description: `${type} edge` } });
  await dep(sccApp, "RUNS_ON", sccCluster);
  await dep(sccApp, "CONNECTS_TO", dccWan);
  await dep(dccApp, "CONNECTS_TO", dccWan);
  await dep(dccApp, "DEPENDS_ON", sccCluster);

  const contract = async (organisationId: string, reference: string, over: Record<string, unknown> = {}) =>
    (
      await prisma.contract.create({
        data: { id: id(), organisationId, reference, title: `${reference} support`, ...over },
      })
    ).id;
  const scc1 = await contract(orgs.SCC, "SCC-0001", {
    ocid: "ocds-b5fd17-scc-0001",
    startDate: new Date("2022-04-01"),
    endDate: new Date("2027-03-31"),
    noticePeriodDays: 90,
    valuePence: 500_000_00n,
  });
  await contract(orgs.SCC, "SCC-0002", { supplierName: "Acme Ltd" });
  await contract(orgs.SCC, "SCC-OLD", { status: "RETIRED" });
  const dcc1 = await contract(orgs.DCC, "DCC-0001", {
    ocid: "ocds-b5fd17-dcc-0001",
    valuePence: 250_000_00n,
  });

  const licence = (organisationId: string, productId: string, over: Record<string, unknown> = {}) =>
    prisma.licence.create({
      data: {
        id: id(),
        organisationId,
        productId,
        metric: "USER",
        quantityOwned: 10,
        quantityUsed: 8,
        unitCostPence: 1000n,
        annualCostPence: 10000n,
        ...over,
      },
    });
  await licence(orgs.SCC, mosaic.id, { contractId: scc1 });
  await licence(orgs.SCC, liquid.id, { metric: "DEVICE" });
  await licence(orgs.SCC, mosaic.id, { status: "RETIRED", notes: "replaced" });
  await licence(orgs.DCC, liquid.id, { contractId: dcc1 });

  // Created last, so the ids of everything above stay as they were when the regressions were recorded.
  const sccViewer = await prisma.user.create({
    data: {
      id: id(),
      email: "viewer@scc.example",
      displayName: "SCC Viewer",
      organisationId: orgs.SCC,
      passwordHash,
    },
  });
  await prisma.roleAssignment.create({
    data: { id: id(), userId: sccViewer.id, organisationId: orgs.SCC, role: "VIEWER" },
  });

  await buildScenarios(prisma, id, orgs, {
    sccDc,
    sccComms,
    dccDepot,
    sccCluster,
    sccApp,
    sccRack,
    dccWan,
    dccApp,
  });

  return {
    orgs,
    sccUser: { id: sccUser.id, email: sccUser.email },
    dccUser: { id: dccUser.id, email: dccUser.email },
    sccViewer: { id: sccViewer.id, email: sccViewer.email },
  };
}

/**
 * Convergence scenarios (after everything else, so the ids above stay): SCC's in every state (a draft
 * with moves and a what-if copy of it, three proposals for approvals, rejections and withdrawals to act
 * on, an approved plan to revise, a rejected one to edit), one of DCC's alone (SCC's planners may not
 * touch it), and two SCC takes part in with DCC (a draft, and a proposal DCC has approved already, so
 * SCC's approval completes it), and two more drafts of SCC's. The first, created first, is the one the
 * read fuzz pages the moves of.
 */
async function buildScenarios(
  prisma: PrismaClient,
  id: () => string,
  orgs: Fixture["orgs"],
  r: Record<
    "sccDc" | "sccComms" | "dccDepot" | "sccCluster" | "sccApp" | "sccRack" | "dccWan" | "dccApp",
    string
  >,
): Promise<void> {
  const proposedAt = new Date("2026-11-02T10:00:00Z");
  const scenario = async (
    name: string,
    status: "DRAFT" | "PROPOSED" | "APPROVED" | "REJECTED",
    codes: ("SCC" | "DCC")[],
    over: Record<string, unknown> = {},
  ) => {
    const scenarioId = id();
    await prisma.scenario.create({
      data: {
        id: scenarioId,
        name,
        status,
        startDate: new Date("2027-04-01"),
        horizonYears: 10,
        waveLengthMonths: 3,
        maxMovesPerWave: 25,
        lineageId: scenarioId,
        createdBy: "editor@scc.example",
        ...(status === "DRAFT"
          ? {}
          : { version: 3, proposedVersion: 2, proposedAt, proposedBy: "editor@scc.example" }),
        ...over,
      },
    });
    await prisma.scenarioTarget.createMany({
      data: codes.map((c) => ({
        id: id(),
        scenarioId,
        organisationId: orgs[c],
        savingsTargetPence: 100_000_00n,
      })),
    });
    return scenarioId;
  };
  const move = (
    scenarioId: string,
    kind: "MIGRATE" | "RETIRE" | "CLOSE_SITE" | "RETAIN",
    over: Record<string, unknown>,
  ) => prisma.move.create({ data: { id: id(), scenarioId, kind, ...over } });
  const decision = (
    scenarioId: string,
    scenarioVersion: number,
    code: "SCC" | "DCC",
    kind: "APPROVED" | "REJECTED",
    reason: string | null = null,
  ) =>
    prisma.scenarioDecision.create({
      data: {
        id: id(),
        scenarioId,
        scenarioVersion,
        organisationId: orgs[code],
        decision: kind,
        reason,
        decidedBy: code === "SCC" ? "approver@scc.example" : "admin@dcc.example",
        decidedAt: proposedAt,
      },
    });

  const draft = await scenario("SCC hosting consolidation", "DRAFT", ["SCC"]);
  await move(draft, "MIGRATE", {
    assetId: r.sccRack,
    targetSiteId: r.sccDc,
    effortDays: 4,
    note: "bring it home",
  });
  await move(draft, "RETAIN", { assetId: r.sccCluster });
  await move(draft, "CLOSE_SITE", { siteId: r.sccComms, oneOffCostPence: 2_500_00n });
  const copy = await scenario("SCC hosting consolidation (what if)", "DRAFT", ["SCC"], {
    copiedFromId: draft,
  });
  await move(copy, "RETAIN", { assetId: r.sccApp });

  for (const [n, name] of ["SCC proposal A", "SCC proposal B", "SCC proposal C"].entries()) {
    const s = await scenario(name, "PROPOSED", ["SCC"], { version: 2, proposedVersion: 2 });
    await move(
      s,
      n === 1 ? "CLOSE_SITE" : "RETAIN",
      n === 1 ? { siteId: r.sccComms } : { assetId: r.sccApp },
    );
  }
  const approved = await scenario("SCC approved plan", "APPROVED", ["SCC"], {
    version: 2,
    proposedVersion: 2,
  });
  await move(approved, "RETAIN", { assetId: r.sccCluster });
  await decision(approved, 2, "SCC", "APPROVED");
  const rejected = await scenario("SCC rejected plan", "REJECTED", ["SCC"]);
  await move(rejected, "MIGRATE", { assetId: r.sccRack, targetSiteId: r.sccDc, note: "too early" });
  await decision(rejected, 2, "SCC", "REJECTED", "Wait for the lease break.");

  const dcc = await scenario("DCC depot closure", "DRAFT", ["DCC"]);
  await move(dcc, "CLOSE_SITE", { siteId: r.dccDepot });
  await move(dcc, "RETAIN", { assetId: r.dccWan });

  const jointDraft = await scenario("Joint data centre exit", "DRAFT", ["SCC", "DCC"]);
  await move(jointDraft, "MIGRATE", { assetId: r.dccWan, targetSiteId: r.sccDc });
  await move(jointDraft, "RETAIN", { assetId: r.dccApp });
  await move(jointDraft, "RETIRE", { assetId: r.sccRack, acceptExitCost: true });
  const jointProposal = await scenario("Joint convergence", "PROPOSED", ["SCC", "DCC"], {
    version: 2,
    proposedVersion: 2,
  });
  await move(jointProposal, "RETAIN", { assetId: r.dccApp });
  await move(jointProposal, "MIGRATE", { assetId: r.sccRack, targetSiteId: r.sccDc });
  await decision(jointProposal, 2, "DCC", "APPROVED");

  // Two more drafts, so that about half the scenarios a planner names are editable: one with a move of
  // SCC's application onto DCC's data centre (DCC joins it when a move touches DCC's estate), one empty.
  const network = await scenario("SCC application rehosting", "DRAFT", ["SCC"], { maxEffortDaysPerWave: 40 });
  await move(network, "MIGRATE", { assetId: r.sccApp, targetAssetId: r.sccCluster, pinnedWave: 2 });
  await scenario("SCC storage review", "DRAFT", ["SCC"], { description: "nothing planned yet" });
}
