// Every account belongs to one organisation, and only that organisation's own administrators control it:
// create it, reset its password, deactivate or reactivate it, change its organisation's roles. The shared
// service's ADMINs do so only while an organisation has no administrator of its own (they appoint the first).
// Reproduces the takeovers found by the red team: one council's admin resetting an account the other
// council created (with no role yet, or with its roles revoked) to sign in as it once roles are granted;
// and the shared service's admin creating (or resetting) a council account, making it the council's
// APPROVER and signing in as it to approve a plan for the council.
import { randomUUID } from "node:crypto";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { User } from "../../generated/prisma/client.ts";
import { resetAccountAsOperator } from "../../server/auth/accounts.ts";
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
  let sharedAdminId: string;
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
    sharedAdminId = (await db.prisma.user.findUniqueOrThrow({ where: { email: "admin@shared-ict.gov.uk" } })).id;
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
    expect(reset.message).toMatch(/an account DCC owns: it needs ADMIN in DCC, held by an account DCC owns/);
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

  describe("the shared service's admin, once a council has administrators of its own", () => {
    it("cannot reset, deactivate or reactivate the council's accounts (no puppet approver), and nothing changes", async () => {
      const approver = await createUser(db.prisma, uniqueEmail("dcc-approver"), [[orgs.DCC, "APPROVER"]]);
      const before = await state(approver.id);
      const reset = expectCode(await gql(app, sharedAdmin, RESET, { user: gid("User", approver.id) }), "FORBIDDEN");
      expect(reset.message).toMatch(/DCC has administrators of its own, and only they manage DCC's accounts and roles/);
      expectCode(await gql(app, sharedAdmin, SET_ACTIVE, { user: gid("User", approver.id), active: false }), "FORBIDDEN");
      expect(await state(approver.id), "a refused reset changes nothing").toEqual(before);
    });

    it("cannot create an account in the council, nor grant or revoke the council's roles", async () => {
      const email = uniqueEmail("puppet");
      const before = await db.prisma.auditEvent.count();
      expectCode(await gql(app, sharedAdmin, CREATE, { email, org: "DCC" }), "FORBIDDEN");
      expect(await db.prisma.user.count({ where: { email } })).toBe(0);
      const dccUser = await createUser(db.prisma, uniqueEmail("dcc-viewer"), [[orgs.DCC, "VIEWER"]]);
      for (const role of ["APPROVER", "ADMIN"])
        expectCode(await gql(app, sharedAdmin, GRANT, { user: gid("User", dccUser.id), org: "DCC", role }), "FORBIDDEN");
      expectCode(await gql(app, sharedAdmin, REVOKE, { user: gid("User", dccUser.id), org: "DCC", role: "VIEWER" }), "FORBIDDEN");
      // Nor can it grant itself APPROVER in DCC (it would not count for approval anyway, being SHS's account).
      expectCode(await gql(app, sharedAdmin, GRANT, { user: gid("User", sharedAdminId), org: "DCC", role: "APPROVER" }), "FORBIDDEN");
      expect(await db.prisma.roleAssignment.count({ where: { userId: { in: [dccUser.id, sharedAdminId] }, organisationId: orgs.DCC.id } })).toBe(1);
      expect(await db.prisma.auditEvent.count(), "refusals record nothing").toBe(before);
    });
  });

  describe("an organisation being set up (no administrator of its own yet)", () => {
    it("is set up by the shared service's admin, who appoints its first administrator and then steps back", async () => {
      const code = `N${randomUUID().slice(0, 6).toUpperCase()}`;
      await db.prisma.organisation.create({ data: { id: randomUUID(), code, name: `New Council ${code}`, kind: "COUNCIL" } });
      const staff = ok(await gql(app, sharedAdmin, CREATE, { email: uniqueEmail("new-staff"), org: code })).createUser;
      ok(await gql(app, sharedAdmin, GRANT, { user: staff.user.id, org: code, role: "EDITOR" }));
      ok(await gql(app, sharedAdmin, RESET, { user: staff.user.id }));
      const first = ok(await gql(app, sharedAdmin, CREATE, { email: uniqueEmail("new-admin"), org: code })).createUser;
      ok(await gql(app, sharedAdmin, GRANT, { user: first.user.id, org: code, role: "ADMIN" }));
      // From now on the organisation manages its own people.
      expectCode(await gql(app, sharedAdmin, CREATE, { email: uniqueEmail("late"), org: code }), "FORBIDDEN");
      expectCode(await gql(app, sharedAdmin, RESET, { user: staff.user.id }), "FORBIDDEN");
      expectCode(await gql(app, sharedAdmin, GRANT, { user: staff.user.id, org: code, role: "APPROVER" }), "FORBIDDEN");
      expectCode(await gql(app, sharedAdmin, RESET, { user: first.user.id }), "FORBIDDEN");
    });

    it("is set up again by the shared service when its only administrator is deactivated by the database operator", async () => {
      const code = `N${randomUUID().slice(0, 6).toUpperCase()}`;
      const org = await db.prisma.organisation.create({ data: { id: randomUUID(), code, name: `New Council ${code}`, kind: "COUNCIL" } });
      const own = await createUser(db.prisma, uniqueEmail("own-admin"), [[org, "ADMIN"]]);
      expectCode(await gql(app, sharedAdmin, CREATE, { email: uniqueEmail("x"), org: code }), "FORBIDDEN");
      await db.prisma.user.update({ where: { id: own.id }, data: { active: false } });
      ok(await gql(app, sharedAdmin, CREATE, { email: uniqueEmail("x"), org: code }));
    });
  });

  it("lets an operator with the database's credentials reset a locked-out administrator (account:reset), audited as the system", async () => {
    const locked = await createUser(db.prisma, uniqueEmail("locked-admin"), [[orgs.DCC, "ADMIN"]], { active: false });
    await expect(resetAccountAsOperator(db.prisma, locked.email, false)).rejects.toThrow(/deactivated; add --reactivate/);
    await expect(resetAccountAsOperator(db.prisma, "nobody@nowhere.gov.uk", false)).rejects.toThrow(/no account has the e-mail address/);
    const { password, reactivated } = await resetAccountAsOperator(db.prisma, locked.email.toUpperCase(), true);
    expect(reactivated).toBe(true);
    expect((await postSignIn(app, locked.email, password)).status).toBe(200);
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: locked.id } });
    expect(row).toMatchObject({ active: true, mustChangePassword: true });
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: locked.id }, orderBy: { seq: "desc" } });
    expect(event.actor).toBe("system");
  });

  it("does not let ADMIN held in a council by another organisation's account administer the council's accounts", async () => {
    const starter = await createdByDcc();
    const before = await state(gidToId(starter.id));
    // bothAdmin belongs to DCC and holds ADMIN in SCC too: it runs SCC's estate, not SCC's accounts.
    const sccUser = await createUser(db.prisma, uniqueEmail("scc-user"), [[orgs.SCC, "VIEWER"]]);
    const error = expectCode(await gql(app, bothAdmin, RESET, { user: gid("User", sccUser.id) }), "FORBIDDEN");
    expect(error.message).toMatch(/held by an account SCC owns/);
    expectCode(await gql(app, bothAdmin, CREATE, { email: uniqueEmail("x"), org: "SCC" }), "FORBIDDEN");
    expectCode(await gql(app, bothAdmin, GRANT, { user: starter.id, org: "SCC", role: "APPROVER" }), "FORBIDDEN");
    // Its own organisation's accounts it does administer.
    ok(await gql(app, bothAdmin, RESET, { user: starter.id }));
    expect((await state(gidToId(starter.id))).user.passwordHash).not.toBe(before.user.passwordHash);
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

    it("lets SCC's admin grant SCC ADMIN to DCC's user: it runs SCC's estate but not SCC's accounts", async () => {
      ok(await gql(app, sccAdmin, GRANT, { user: gid("User", dccUser.id), org: "SCC", role: "ADMIN" }));
      expect(await roles()).toContain("SCC:ADMIN");
      const viewer = await createUser(db.prisma, uniqueEmail("scc-viewer"), [[orgs.SCC, "VIEWER"]]);
      const dcc = await signIn(app, dccUser.email);
      expectCode(await gql(app, dcc, RESET, { user: gid("User", viewer.id) }), "FORBIDDEN");
      ok(await gql(app, sccAdmin, REVOKE, { user: gid("User", dccUser.id), org: "SCC", role: "ADMIN" }));
    });

    it("refuses DCC's admin granting SCC ADMIN to its own user (no ADMIN in SCC)", async () => {
      expectCode(
        await gql(app, dccAdmin, GRANT, { user: gid("User", dccUser.id), org: "SCC", role: "ADMIN" }),
        "FORBIDDEN",
      );
      expect(await roles()).not.toContain("SCC:ADMIN");
    });

    it("lets the shared service's admin make DCC's user an ADMIN of the shared service", async () => {
      ok(await gql(app, sharedAdmin, GRANT, { user: gid("User", dccUser.id), org: "SHS", role: "ADMIN" }));
      expect(await roles()).toContain("SHS:ADMIN");
      ok(await gql(app, sharedAdmin, REVOKE, { user: gid("User", dccUser.id), org: "SHS", role: "ADMIN" }));
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
