// Every account belongs to one organisation, and only that organisation's ADMINs (or the shared
// service's) control it: reset its password, deactivate or reactivate it, or make it ADMIN elsewhere.
// Reproduces the takeover found by the red team: one council's admin resetting an account the other
// council created (with no role yet, or with its roles revoked) to sign in as it once roles are granted.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { User } from "../../generated/prisma/client.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import {
  createOrgs,
  createUser,
  expectCode,
  gid,
  gql,
  newApp,
  ok,
  postSignIn,
  resetDatabase,
  signIn,
  uniqueEmail,
  type App,
  type Credentials,
  type Orgs,
} from "./fixtures.ts";

const CREATE = `mutation ($email: String!, $org: String!) { createUser(email: $email, displayName: "New Starter", organisation: $org) { oneTimePassword user { id email organisation { code } } } }`;
const RESET = `mutation ($user: ID!) { resetUserPassword(user: $user) { oneTimePassword user { id } } }`;
const SET_ACTIVE = `mutation ($user: ID!, $active: Boolean!) { setUserActive(user: $user, active: $active) { id active } }`;
const GRANT = `mutation ($user: ID!, $org: String!, $role: Role!) { grantRole(user: $user, organisation: $org, role: $role) { roles { role organisation { code } } } }`;
const REVOKE = `mutation ($user: ID!, $org: String!, $role: Role!) { revokeRole(user: $user, organisation: $org, role: $role) { id } }`;

describe.each(engines())("who controls an account, on %s", (engine) => {
  let db: TestDatabase;
  let app: App;
  let orgs: Orgs;
  let sccAdmin: Credentials;
  let dccAdmin: Credentials;
  let sharedAdmin: Credentials;
  /** ADMIN in both councils (not the shared service). */
  let bothAdmin: Credentials;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    orgs = await createOrgs(db.prisma);
    app = newApp(db.prisma);
    await createUser(db.prisma, "admin@southshire.gov.uk", [[orgs.SCC, "ADMIN"]]);
    await createUser(db.prisma, "admin@downford.gov.uk", [[orgs.DCC, "ADMIN"]]);
    await createUser(db.prisma, "admin@shared-ict.gov.uk", [[orgs.SHS, "ADMIN"]]);
    await createUser(db.prisma, "both@downford.gov.uk", [
      [orgs.DCC, "ADMIN"],
      [orgs.SCC, "ADMIN"],
    ]);
    sccAdmin = await signIn(app, "admin@southshire.gov.uk");
    dccAdmin = await signIn(app, "admin@downford.gov.uk");
    sharedAdmin = await signIn(app, "admin@shared-ict.gov.uk");
    bothAdmin = await signIn(app, "both@downford.gov.uk");
  });
  afterAll(() => db?.close());

  /** Everything about an account that a takeover would change, and the audit trail's length. */
  const state = async (userId: string) => ({
    user: await db.prisma.user.findUniqueOrThrow({ where: { id: userId } }),
    sessions: await db.prisma.session.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    tokens: await db.prisma.apiToken.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    roles: await db.prisma.roleAssignment.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    auditEvents: await db.prisma.auditEvent.count(),
  });

  /** A user created by DCC's admin through the API, with the one-time password DCC handed out. */
  const createdByDcc = async () => {
    const created = ok(
      await gql(app, dccAdmin, CREATE, { email: uniqueEmail("dcc-starter"), org: "DCC" }),
    ).createUser;
    expect(created.user.organisation).toEqual({ code: "DCC" });
    return {
      id: created.user.id as string,
      email: created.user.email as string,
      password: created.oneTimePassword,
    };
  };

  /** The attack: SCC's admin resets, deactivates and reactivates `userId`; each is FORBIDDEN and changes nothing. */
  const expectSccCannotTakeOver = async (userId: string) => {
    const before = await state(gidToId(userId));
    const reset = expectCode(await gql(app, sccAdmin, RESET, { user: userId }), "FORBIDDEN");
    expect(reset.message).toMatch(/only ADMINs of DCC, the organisation that owns the account/);
    expectCode(await gql(app, sccAdmin, SET_ACTIVE, { user: userId, active: false }), "FORBIDDEN");
    expectCode(await gql(app, sccAdmin, SET_ACTIVE, { user: userId, active: true }), "FORBIDDEN");
    expect(await state(gidToId(userId)), "a refused takeover changes nothing").toEqual(before);
  };

  it("refuses SCC's admin resetting or deactivating a user DCC's admin just created, and nothing changes", async () => {
    const starter = await createdByDcc();
    await expectSccCannotTakeOver(starter.id);
    // DCC then grants the user a role; SCC still cannot take the account over.
    ok(await gql(app, dccAdmin, GRANT, { user: starter.id, org: "DCC", role: "EDITOR" }));
    await expectSccCannotTakeOver(starter.id);
    // The one-time password DCC handed out is still the one that works.
    expect((await postSignIn(app, starter.email, starter.password)).status).toBe(200);
  });

  it("refuses SCC's admin resetting or deactivating a DCC user whose roles were all revoked", async () => {
    const starter = await createdByDcc();
    ok(await gql(app, dccAdmin, GRANT, { user: starter.id, org: "DCC", role: "EDITOR" }));
    ok(await gql(app, dccAdmin, REVOKE, { user: starter.id, org: "DCC", role: "EDITOR" }));
    expect(await db.prisma.roleAssignment.count({ where: { userId: gidToId(starter.id) } })).toBe(0);
    await expectSccCannotTakeOver(starter.id);
  });

  it("refuses SCC's admin even when SCC has granted the DCC user a role of its own", async () => {
    const starter = await createdByDcc();
    ok(await gql(app, sccAdmin, GRANT, { user: starter.id, org: "SCC", role: "VIEWER" }));
    await expectSccCannotTakeOver(starter.id);
  });

  it("lets the owning organisation's admin reset and deactivate its user, even one holding a role elsewhere", async () => {
    const starter = await createdByDcc();
    ok(await gql(app, sccAdmin, GRANT, { user: starter.id, org: "SCC", role: "VIEWER" }));
    const reset = ok(await gql(app, dccAdmin, RESET, { user: starter.id })).resetUserPassword;
    expect((await postSignIn(app, starter.email, starter.password)).status, "the old password").toBe(401);
    expect((await postSignIn(app, starter.email, reset.oneTimePassword)).status).toBe(200);
    expect(
      ok(await gql(app, dccAdmin, SET_ACTIVE, { user: starter.id, active: false })).setUserActive,
    ).toEqual({
      id: starter.id,
      active: false,
    });
    expect(
      ok(await gql(app, dccAdmin, SET_ACTIVE, { user: starter.id, active: true })).setUserActive.active,
    ).toBe(true);
  });

  it("lets the shared service's admin reset and deactivate any organisation's user", async () => {
    const starter = await createdByDcc();
    ok(await gql(app, sharedAdmin, RESET, { user: starter.id }));
    ok(await gql(app, sharedAdmin, SET_ACTIVE, { user: starter.id, active: false }));
    expect((await state(gidToId(starter.id))).user.active).toBe(false);
  });

  it("audits the reset under the organisation that owns the account", async () => {
    const starter = await createdByDcc();
    ok(await gql(app, dccAdmin, RESET, { user: starter.id }));
    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: gidToId(starter.id), action: "UPDATE" },
      orderBy: { seq: "desc" },
    });
    expect(event.organisationId).toBe(orgs.DCC.id);
  });

  describe("createUser", () => {
    it("creates the user in the organisation named, needing ADMIN there", async () => {
      const created = ok(
        await gql(app, sccAdmin, CREATE, { email: uniqueEmail("scc"), org: "SCC" }),
      ).createUser;
      expect(created.user.organisation).toEqual({ code: "SCC" });
      const row = await db.prisma.user.findUniqueOrThrow({ where: { id: gidToId(created.user.id) } });
      expect(row.organisationId).toBe(orgs.SCC.id);
      const event = await db.prisma.auditEvent.findFirstOrThrow({
        where: { entityId: row.id, action: "CREATE" },
      });
      expect(event.organisationId).toBe(orgs.SCC.id);
    });

    it("refuses to create a user in another council, and creates nothing", async () => {
      const email = uniqueEmail("sneaky");
      const error = expectCode(await gql(app, sccAdmin, CREATE, { email, org: "DCC" }), "FORBIDDEN");
      expect(error.message).toMatch(/administer/);
      expect(await db.prisma.user.count({ where: { email } })).toBe(0);
    });

    it("lets the shared service's admin create a user in any organisation", async () => {
      const created = ok(
        await gql(app, sharedAdmin, CREATE, { email: uniqueEmail("dcc"), org: "DCC" }),
      ).createUser;
      expect(created.user.organisation).toEqual({ code: "DCC" });
    });

    it("answers NOT_FOUND naming organisation for an unknown code", async () => {
      expectCode(
        await gql(app, sharedAdmin, CREATE, { email: uniqueEmail("x"), org: "NOPE" }),
        "NOT_FOUND",
        "organisation",
      );
    });
  });

  describe("grantRole", () => {
    let dccUser: User;
    beforeAll(async () => {
      dccUser = await createUser(db.prisma, uniqueEmail("dcc-user"), [[orgs.DCC, "VIEWER"]]);
    });
    const roles = async () =>
      (
        await db.prisma.roleAssignment.findMany({
          where: { userId: dccUser.id },
          include: { organisation: true },
        })
      )
        .map((r) => `${r.organisation.code}:${r.role}`)
        .sort();

    it("lets SCC's admin grant an ordinary SCC role to DCC's user (it opens only SCC's data)", async () => {
      ok(await gql(app, sccAdmin, GRANT, { user: gid("User", dccUser.id), org: "SCC", role: "EDITOR" }));
      expect(await roles()).toContain("SCC:EDITOR");
    });

    it("refuses SCC's admin granting SCC ADMIN to DCC's user: DCC's admins control that account", async () => {
      const before = await roles();
      const error = expectCode(
        await gql(app, sccAdmin, GRANT, { user: gid("User", dccUser.id), org: "SCC", role: "ADMIN" }),
        "FORBIDDEN",
      );
      expect(error.message).toMatch(/also needs ADMIN in DCC/);
      expect(await roles()).toEqual(before);
    });

    it("refuses DCC's admin granting SCC ADMIN to its own user (no ADMIN in SCC)", async () => {
      expectCode(
        await gql(app, dccAdmin, GRANT, { user: gid("User", dccUser.id), org: "SCC", role: "ADMIN" }),
        "FORBIDDEN",
      );
      expect(await roles()).not.toContain("SCC:ADMIN");
    });

    it("lets an admin of both councils, or the shared service's, grant SCC ADMIN to DCC's user", async () => {
      ok(await gql(app, bothAdmin, GRANT, { user: gid("User", dccUser.id), org: "SCC", role: "ADMIN" }));
      expect(await roles()).toContain("SCC:ADMIN");
      ok(await gql(app, sharedAdmin, GRANT, { user: gid("User", dccUser.id), org: "SHS", role: "ADMIN" }));
      expect(await roles()).toContain("SHS:ADMIN");
    });

    it("lets DCC's admin make its own user ADMIN of DCC", async () => {
      ok(await gql(app, dccAdmin, GRANT, { user: gid("User", dccUser.id), org: "DCC", role: "ADMIN" }));
      expect(await roles()).toContain("DCC:ADMIN");
    });
  });

  it("shows each user's organisation in the users list", async () => {
    const { users } = ok(await gql(app, sccAdmin, `{ users { email organisation { code } } }`));
    const byEmail = new Map(
      users.map((u: { email: string; organisation: { code: string } }) => [u.email, u.organisation.code]),
    );
    expect(byEmail.get("admin@southshire.gov.uk")).toBe("SCC");
    expect(byEmail.get("admin@downford.gov.uk")).toBe("DCC");
    expect(byEmail.get("admin@shared-ict.gov.uk")).toBe("SHS");
  });
});

/** The row id behind a User's global ID. */
function gidToId(globalId: string): string {
  return globalId.slice("User:".length);
}
