// One valid call of every mutation in the schema, with the rule that decides who may make it. The role
// table walk (role-table.test.ts) runs each case as every role against an SCC- and a DCC-owned target, and
// the README's role table is rendered from the same rules (role-table.ts). A mutation added to the schema
// without a case here fails the walk.
import { randomUUID } from "node:crypto";
import type { Organisation, PrismaClient, Product } from "../../generated/prisma/client.ts";
import { hashSecret, newSecret } from "../../server/auth/secrets.ts";
import type { EntityType, Permission } from "../../server/shared/authz.ts";
import { gid, passwordHash, PASSWORD, uniqueEmail } from "./accounts.ts";

/** Who may make a mutation. */
export type Rule =
  /** Needs ENTITY_PERMISSION[entity] in the organisation that owns the target. */
  | { scope: "owning-organisation"; entity: EntityType }
  /** Needs `permission` in at least one organisation (the target has no owner). */
  | { scope: "any-organisation"; permission: Permission }
  /** Acts on the caller's own account: everyone with an account may. */
  | { scope: "own-account" }
  /**
   * Needs `permission` through a role held in the target's organisation itself: the shared service's
   * ADMINs do not count (each organisation approves a plan for itself).
   */
  | { scope: "held-in-organisation"; permission: Permission }
  /**
   * Administering an organisation's accounts and roles: ADMIN held in the organisation by an account it
   * owns; the shared service's ADMINs only while the organisation has no administrator of its own.
   */
  | { scope: "accounts-of-organisation" };

/** What a case's variables are built from. */
export interface CaseContext {
  prisma: PrismaClient;
  /** The organisation that owns the target (SCC or DCC). */
  owner: Organisation;
  /** The calling user, for mutations on the caller's own account. */
  callerId: string;
  /** A product licences can be held for. */
  product: Product;
}

/** One valid call of a mutation. */
export interface MutationCase {
  /** Row of the role table the mutation is listed in. */
  group: string;
  rule: Rule;
  /** Where the permission is needed, when the rule's scope alone does not say it well (role table wording). */
  where?: string;
  document: string;
  /** Creates a fresh target owned by `ctx.owner` (so every call has its own) and returns the variables. */
  variables(ctx: CaseContext): Promise<Record<string, unknown>>;
}

const suffix = () => randomUUID().slice(0, 8);

function site(ctx: CaseContext) {
  return ctx.prisma.site.create({
    data: { id: randomUUID(), organisationId: ctx.owner.id, name: `Site ${suffix()}`, kind: "COMMS_ROOM" },
  });
}
function asset(ctx: CaseContext) {
  return ctx.prisma.asset.create({
    data: { id: randomUUID(), organisationId: ctx.owner.id, name: `Asset ${suffix()}`, kind: "SERVER" },
  });
}
async function dependency(ctx: CaseContext) {
  const [source, target] = [await asset(ctx), await asset(ctx)];
  return ctx.prisma.dependency.create({
    data: { id: randomUUID(), sourceId: source.id, targetId: target.id, type: "RUNS_ON" },
  });
}
function contract(ctx: CaseContext) {
  return ctx.prisma.contract.create({
    data: {
      id: randomUUID(),
      organisationId: ctx.owner.id,
      reference: `REF-${suffix()}`,
      title: "Support",
      valuePence: 100_000_00n,
    },
  });
}
function licence(ctx: CaseContext) {
  return ctx.prisma.licence.create({
    data: {
      id: randomUUID(),
      organisationId: ctx.owner.id,
      productId: ctx.product.id,
      metric: "USER",
      quantityOwned: 10,
      quantityUsed: 5,
    },
  });
}
function productMatch(ctx: CaseContext) {
  const title = `Mosaik socal care ${suffix()}`;
  return ctx.prisma.productMatch.create({
    data: {
      id: randomUUID(),
      title,
      normalised: title.toLowerCase(),
      proposedProductId: ctx.product.id,
      method: "FUZZY",
      score: 0.8,
    },
  });
}
/** Another user, belonging to the owning organisation, with no role. */
async function otherUser(ctx: CaseContext) {
  return ctx.prisma.user.create({
    data: {
      id: randomUUID(),
      email: uniqueEmail("target"),
      displayName: "Target",
      organisationId: ctx.owner.id,
      passwordHash: await passwordHash(),
    },
  });
}
/** Another user, belonging to the owning organisation and holding VIEWER there. */
async function roleHolder(ctx: CaseContext) {
  const user = await otherUser(ctx);
  await ctx.prisma.roleAssignment.create({
    data: { id: randomUUID(), userId: user.id, organisationId: ctx.owner.id, role: "VIEWER" },
  });
  return user;
}
const versioned = async (row: Promise<{ id: string; version: number }>, type: string) => {
  const r = await row;
  return { id: gid(type, r.id), version: r.version };
};

const inventory = (entity: "Site" | "Asset" | "Dependency"): Rule => ({
  scope: "owning-organisation",
  entity,
});
const procurement = (entity: "Licence" | "Contract"): Rule => ({ scope: "owning-organisation", entity });
const OWN: Rule = { scope: "own-account" };
/** The product catalogue is shared by every organisation: editProcurement in any of them suffices. */
const CATALOGUE: Rule = { scope: "any-organisation", permission: "editProcurement" };

/** A scenario that the owning organisation takes part in (and only it), in `status`. */
async function scenario(ctx: CaseContext, status: "DRAFT" | "PROPOSED" | "APPROVED" = "DRAFT") {
  const id = randomUUID();
  const s = await ctx.prisma.scenario.create({
    data: {
      id,
      lineageId: id,
      name: `Plan ${suffix()}`,
      status,
      startDate: new Date("2027-04-01"),
      horizonYears: 5,
      waveLengthMonths: 3,
      maxMovesPerWave: 10,
      createdBy: "test",
      proposedVersion: status === "DRAFT" ? null : 1,
    },
  });
  await ctx.prisma.scenarioTarget.create({
    data: { id: randomUUID(), scenarioId: id, organisationId: ctx.owner.id, savingsTargetPence: 0n },
  });
  return s;
}
/** A move that keeps an asset, in a draft scenario of the owning organisation. */
async function move(ctx: CaseContext) {
  const [s, a] = [await scenario(ctx), await asset(ctx)];
  return ctx.prisma.move.create({ data: { id: randomUUID(), scenarioId: s.id, kind: "RETAIN", assetId: a.id } });
}
/** Planning: the plan permission in an organisation the scenario affects. */
const PLANNING: Rule = { scope: "owning-organisation", entity: "Scenario" };
const MOVES: Rule = { scope: "owning-organisation", entity: "Move" };
const APPROVAL: Rule = { scope: "held-in-organisation", permission: "approve" };
const ACCOUNTS: Rule = { scope: "accounts-of-organisation" };
const PLANNING_WHERE = "an organisation the scenario affects";

/** Every mutation of the schema, by name. */
export const MUTATION_CASES: Record<string, MutationCase> = {
  createSite: {
    group: "Sites",
    rule: inventory("Site"),
    document: `mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
    variables: async (ctx) => ({
      input: { organisation: ctx.owner.code, name: `Site ${suffix()}`, kind: "OFFICE" },
    }),
  },
  updateSite: {
    group: "Sites",
    rule: inventory("Site"),
    document: `mutation ($id: ID!, $version: Int!) { updateSite(id: $id, version: $version, patch: { description: "rewired" }) { id } }`,
    variables: (ctx) => versioned(site(ctx), "Site"),
  },
  retireSite: {
    group: "Sites",
    rule: inventory("Site"),
    document: `mutation ($id: ID!, $version: Int!) { retireSite(id: $id, version: $version) { id } }`,
    variables: (ctx) => versioned(site(ctx), "Site"),
  },
  createAsset: {
    group: "Assets",
    rule: inventory("Asset"),
    document: `mutation ($input: CreateAssetInput!) { createAsset(input: $input) { id } }`,
    variables: async (ctx) => ({
      input: { organisation: ctx.owner.code, name: `Asset ${suffix()}`, kind: "SERVER" },
    }),
  },
  updateAsset: {
    group: "Assets",
    rule: inventory("Asset"),
    document: `mutation ($id: ID!, $version: Int!) { updateAsset(id: $id, version: $version, patch: { description: "patched" }) { id } }`,
    variables: (ctx) => versioned(asset(ctx), "Asset"),
  },
  retireAsset: {
    group: "Assets",
    rule: inventory("Asset"),
    document: `mutation ($id: ID!, $version: Int!) { retireAsset(id: $id, version: $version) { id } }`,
    variables: (ctx) => versioned(asset(ctx), "Asset"),
  },
  createDependency: {
    group: "Dependencies",
    rule: inventory("Dependency"),
    document: `mutation ($input: CreateDependencyInput!) { createDependency(input: $input) { id } }`,
    variables: async (ctx) => {
      const [source, target] = [await asset(ctx), await asset(ctx)];
      return {
        input: { source: gid("Asset", source.id), target: gid("Asset", target.id), type: "DEPENDS_ON" },
      };
    },
  },
  updateDependency: {
    group: "Dependencies",
    rule: inventory("Dependency"),
    document: `mutation ($id: ID!, $version: Int!) { updateDependency(id: $id, version: $version, patch: { description: "via core switch" }) { id } }`,
    variables: (ctx) => versioned(dependency(ctx), "Dependency"),
  },
  removeDependency: {
    group: "Dependencies",
    rule: inventory("Dependency"),
    document: `mutation ($id: ID!, $version: Int!) { removeDependency(id: $id, version: $version) { id } }`,
    variables: (ctx) => versioned(dependency(ctx), "Dependency"),
  },
  createLicence: {
    group: "Licences",
    rule: procurement("Licence"),
    document: `mutation ($input: CreateLicenceInput!) { createLicence(input: $input) { id } }`,
    variables: async (ctx) => ({
      input: {
        organisation: ctx.owner.code,
        product: gid("Product", ctx.product.id),
        metric: "USER",
        quantityOwned: 5,
        quantityUsed: 3,
      },
    }),
  },
  updateLicence: {
    group: "Licences",
    rule: procurement("Licence"),
    document: `mutation ($id: ID!, $version: Int!) { updateLicence(id: $id, version: $version, patch: { quantityUsed: 6 }) { id } }`,
    variables: (ctx) => versioned(licence(ctx), "Licence"),
  },
  retireLicence: {
    group: "Licences",
    rule: procurement("Licence"),
    document: `mutation ($id: ID!, $version: Int!) { retireLicence(id: $id, version: $version) { id } }`,
    variables: (ctx) => versioned(licence(ctx), "Licence"),
  },
  createContract: {
    group: "Contracts",
    rule: procurement("Contract"),
    document: `mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }`,
    variables: async (ctx) => ({
      input: {
        organisation: ctx.owner.code,
        reference: `REF-${suffix()}`,
        title: "Hosting",
        value: "1000.00",
      },
    }),
  },
  updateContract: {
    group: "Contracts",
    rule: procurement("Contract"),
    document: `mutation ($id: ID!, $version: Int!) { updateContract(id: $id, version: $version, patch: { annualValue: "250.00" }) { id } }`,
    variables: (ctx) => versioned(contract(ctx), "Contract"),
  },
  retireContract: {
    group: "Contracts",
    rule: procurement("Contract"),
    document: `mutation ($id: ID!, $version: Int!) { retireContract(id: $id, version: $version) { id } }`,
    variables: (ctx) => versioned(contract(ctx), "Contract"),
  },
  importOcds: {
    group: "Procurement records",
    rule: procurement("Contract"),
    where: "each organisation imported into",
    document: `mutation ($json: JSON!, $org: String) { importOcds(json: $json, organisation: $org) { created } }`,
    variables: async (ctx) => {
      const ocid = `ocds-b5fd17-${randomUUID()}`;
      const release = {
        ocid,
        id: `${ocid}-1`,
        date: "2026-01-15T00:00:00Z",
        tag: ["tender"],
        tender: { id: "T-1", title: "Library management system", value: { amount: 1000, currency: "GBP" } },
      };
      return { json: { releases: [release] }, org: ctx.owner.code };
    },
  },
  submitProductTitles: {
    group: "Product matching",
    rule: CATALOGUE,
    document: `mutation ($titles: [String!]!) { submitProductTitles(titles: $titles, source: "licence register") { title } }`,
    variables: async () => ({ titles: [`Unheard-of widget suite ${suffix()}`] }),
  },
  confirmProductMatch: {
    group: "Product matching",
    rule: CATALOGUE,
    document: `mutation ($id: ID!, $version: Int!, $product: ID!) { confirmProductMatch(id: $id, version: $version, productId: $product) { status } }`,
    variables: async (ctx) => ({
      ...(await versioned(productMatch(ctx), "ProductMatch")),
      product: gid("Product", ctx.product.id),
    }),
  },
  rejectProductMatch: {
    group: "Product matching",
    rule: CATALOGUE,
    document: `mutation ($id: ID!, $version: Int!) { rejectProductMatch(id: $id, version: $version) { status } }`,
    variables: (ctx) => versioned(productMatch(ctx), "ProductMatch"),
  },
  changePassword: {
    group: "Own account",
    rule: OWN,
    document: `mutation ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { id } }`,
    variables: async (ctx) => {
      // Back to the known password, so every call can name the current one.
      await ctx.prisma.user.update({
        where: { id: ctx.callerId },
        data: { passwordHash: await passwordHash() },
      });
      return { current: PASSWORD, next: `a new passphrase ${suffix()}` };
    },
  },
  createApiToken: {
    group: "Own account",
    rule: OWN,
    document: `mutation { createApiToken(name: "nightly export", expiresInDays: 30) { token } }`,
    variables: async () => ({}),
  },
  revokeApiToken: {
    group: "Own account",
    rule: OWN,
    document: `mutation ($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`,
    variables: async (ctx) => {
      const secret = newSecret("cvg_");
      const token = await ctx.prisma.apiToken.create({
        data: {
          id: randomUUID(),
          userId: ctx.callerId,
          name: "old script",
          prefix: secret.slice(0, 10),
          tokenHash: hashSecret(secret),
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      return { id: gid("ApiToken", token.id) };
    },
  },
  createUser: {
    group: "Users",
    rule: ACCOUNTS,
    where: "the organisation the user will belong to",
    document: `mutation ($email: String!, $org: String!) { createUser(email: $email, displayName: "New Starter", organisation: $org) { user { id } } }`,
    variables: async (ctx) => ({ email: uniqueEmail("starter"), org: ctx.owner.code }),
  },
  grantRole: {
    group: "Roles",
    rule: ACCOUNTS,
    where: "the role's organisation",
    document: `mutation ($user: ID!, $org: String!) { grantRole(user: $user, organisation: $org, role: VIEWER) { id } }`,
    variables: async (ctx) => ({ user: gid("User", (await otherUser(ctx)).id), org: ctx.owner.code }),
  },
  revokeRole: {
    group: "Roles",
    rule: ACCOUNTS,
    where: "the role's organisation",
    document: `mutation ($user: ID!, $org: String!) { revokeRole(user: $user, organisation: $org, role: VIEWER) { id } }`,
    variables: async (ctx) => ({ user: gid("User", (await roleHolder(ctx)).id), org: ctx.owner.code }),
  },
  resetUserPassword: {
    group: "Other users' accounts",
    rule: ACCOUNTS,
    where: "the organisation the user belongs to",
    document: `mutation ($user: ID!) { resetUserPassword(user: $user) { user { id } } }`,
    variables: async (ctx) => ({ user: gid("User", (await roleHolder(ctx)).id) }),
  },
  setUserActive: {
    group: "Other users' accounts",
    rule: ACCOUNTS,
    where: "the organisation the user belongs to",
    document: `mutation ($user: ID!) { setUserActive(user: $user, active: false) { id active } }`,
    variables: async (ctx) => ({ user: gid("User", (await roleHolder(ctx)).id) }),
  },

  createScenario: {
    group: "Scenarios",
    rule: PLANNING,
    where: PLANNING_WHERE,
    document: `mutation ($input: CreateScenarioInput!) { createScenario(input: $input) { id } }`,
    variables: async (ctx) => ({ input: { name: `Plan ${suffix()}`, startDate: "2027-04-01", organisations: [ctx.owner.code] } }),
  },
  updateScenario: {
    group: "Scenarios",
    rule: PLANNING,
    where: PLANNING_WHERE,
    document: `mutation ($id: ID!, $version: Int!) { updateScenario(id: $id, version: $version, patch: { horizonYears: 5 }) { id } }`,
    variables: async (ctx) => versioned(scenario(ctx), "Scenario"),
  },
  deleteScenario: {
    group: "Scenarios",
    rule: PLANNING,
    where: PLANNING_WHERE,
    document: `mutation ($id: ID!, $version: Int!) { deleteScenario(id: $id, version: $version) }`,
    variables: async (ctx) => versioned(scenario(ctx), "Scenario"),
  },
  copyScenario: {
    group: "Scenarios",
    rule: PLANNING,
    where: PLANNING_WHERE,
    document: `mutation ($id: ID!) { copyScenario(id: $id, name: "What if") { id } }`,
    variables: async (ctx) => ({ id: gid("Scenario", (await scenario(ctx)).id) }),
  },
  reviseScenario: {
    group: "Scenarios",
    rule: PLANNING,
    where: PLANNING_WHERE,
    document: `mutation ($id: ID!, $version: Int!) { reviseScenario(id: $id, version: $version) { id } }`,
    variables: async (ctx) => versioned(scenario(ctx, "APPROVED"), "Scenario"),
  },
  draftConvergence: {
    group: "Scenarios",
    rule: PLANNING,
    where: PLANNING_WHERE,
    document: `mutation ($input: DraftConvergenceInput!) { draftConvergence(input: $input) { scenario { id } } }`,
    variables: async (ctx) => ({
      input: {
        name: `Draft ${suffix()}`,
        startDate: "2027-04-01",
        organisations: [ctx.owner.code],
        targetSites: [gid("Site", (await site(ctx)).id)],
        closingSites: [gid("Site", (await site(ctx)).id)],
      },
    }),
  },
  addMove: {
    group: "Scenario moves",
    rule: MOVES,
    where: PLANNING_WHERE,
    document: `mutation ($s: ID!, $a: ID!) { addMove(scenarioId: $s, input: { kind: RETIRE, asset: $a }) { id } }`,
    variables: async (ctx) => ({ s: gid("Scenario", (await scenario(ctx)).id), a: gid("Asset", (await asset(ctx)).id) }),
  },
  addMoves: {
    group: "Scenario moves",
    rule: MOVES,
    where: PLANNING_WHERE,
    document: `mutation ($s: ID!, $a: ID!) { addMoves(scenarioId: $s, input: [{ kind: RETAIN, asset: $a }]) { id } }`,
    variables: async (ctx) => ({ s: gid("Scenario", (await scenario(ctx)).id), a: gid("Asset", (await asset(ctx)).id) }),
  },
  updateMove: {
    group: "Scenario moves",
    rule: MOVES,
    where: PLANNING_WHERE,
    document: `mutation ($id: ID!, $version: Int!) { updateMove(id: $id, version: $version, patch: { effortDays: 3 }) { id } }`,
    variables: async (ctx) => versioned(move(ctx), "Move"),
  },
  removeMove: {
    group: "Scenario moves",
    rule: MOVES,
    where: PLANNING_WHERE,
    document: `mutation ($id: ID!, $version: Int!) { removeMove(id: $id, version: $version) }`,
    variables: async (ctx) => versioned(move(ctx), "Move"),
  },
  proposeScenario: {
    group: "Proposals",
    rule: PLANNING,
    where: PLANNING_WHERE,
    document: `mutation ($id: ID!, $version: Int!) { proposeScenario(id: $id, version: $version) { id } }`,
    variables: async (ctx) => {
      const m = await move(ctx);
      const s = await ctx.prisma.scenario.findUniqueOrThrow({ where: { id: m.scenarioId } });
      return { id: gid("Scenario", s.id), version: s.version };
    },
  },
  withdrawScenario: {
    group: "Proposals",
    rule: PLANNING,
    where: PLANNING_WHERE,
    document: `mutation ($id: ID!, $version: Int!) { withdrawScenario(id: $id, version: $version) { id } }`,
    variables: async (ctx) => versioned(scenario(ctx, "PROPOSED"), "Scenario"),
  },
  approveScenario: {
    group: "Approvals",
    rule: APPROVAL,
    where: "the organisation decided for (held there, by an account that organisation owns: the shared service's ADMINs cannot decide for a council)",
    document: `mutation ($id: ID!, $version: Int!, $org: String!) { approveScenario(id: $id, version: $version, organisation: $org) { id } }`,
    variables: async (ctx) => ({ ...(await versioned(scenario(ctx, "PROPOSED"), "Scenario")), org: ctx.owner.code }),
  },
  rejectScenario: {
    group: "Approvals",
    rule: APPROVAL,
    where: "the organisation decided for (held there, by an account that organisation owns: the shared service's ADMINs cannot decide for a council)",
    document: `mutation ($id: ID!, $version: Int!, $org: String!) { rejectScenario(id: $id, version: $version, organisation: $org, reason: "Not yet") { id } }`,
    variables: async (ctx) => ({ ...(await versioned(scenario(ctx, "PROPOSED"), "Scenario")), org: ctx.owner.code }),
  },
  setOrganisationSavingsTarget: {
    group: "Savings targets",
    rule: { scope: "owning-organisation", entity: "Organisation" },
    document: `mutation ($org: String!) { setOrganisationSavingsTarget(organisation: $org, target: "250000") { id } }`,
    variables: async (ctx) => ({ org: ctx.owner.code }),
  },
};
