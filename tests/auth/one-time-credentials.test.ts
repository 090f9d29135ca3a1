// One-time credentials: a user an administrator created may only read their own identity (the scalar
// fields of `me`) and choose a password until they do — judged on every field the operation selects,
// through fragments and aliases; a user with no role may do no ordinary work at all.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import {
  createOrgs,
  createUser,
  expectCode,
  gql,
  newApp,
  ok,
  postSignIn,
  resetDatabase,
  signIn,
  type App,
  type Credentials,
  type Orgs,
} from "./fixtures.ts";

const CREATE_USER = `mutation ($email: String!) { createUser(email: $email, displayName: "Sam Patel", organisation: "SCC") { oneTimePassword user { id mustChangePassword } } }`;
const GRANT = `mutation ($user: ID!, $role: Role!) { grantRole(user: $user, organisation: "SCC", role: $role) { roles { role organisation { code } } } }`;
const CHANGE = `mutation ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { email mustChangePassword } }`;
const IDENTITY = `{ me { __typename id email displayName active mustChangePassword lastSignInAt createdAt } }`;
const ME_WITH_ROLES = `{ me { email mustChangePassword roles { role organisation { code } } } }`;
const CREATE_SITE = `mutation ($org: String!) { createSite(input: { organisation: $org, name: "Depot comms room", kind: COMMS_ROOM }) { id } }`;
const NEW_EMAIL = "sam.patel@southshire.gov.uk";
const NEW_PASSWORD = "Tw3lve chars";

describe.each(engines())("one-time credentials on %s", (engine) => {
  let db: TestDatabase;
  let app: App;
  let oneTimePassword: string;
  let oneTimeHash: string;
  let newcomer: Credentials;
  let orgs: Orgs;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    orgs = await createOrgs(db.prisma);
    await createUser(db.prisma, "admin@southshire.gov.uk", [[orgs.SCC, "ADMIN"]]);
    app = newApp(db.prisma);
    const admin = await signIn(app, "admin@southshire.gov.uk");
    const created = ok(await gql(app, admin, CREATE_USER, { email: NEW_EMAIL })).createUser;
    expect(created.user.mustChangePassword).toBe(true);
    oneTimePassword = created.oneTimePassword;
    oneTimeHash = (await db.prisma.user.findUniqueOrThrow({ where: { email: NEW_EMAIL } })).passwordHash;
    ok(await gql(app, admin, GRANT, { user: created.user.id, role: "EDITOR" }));
    newcomer = await signIn(app, NEW_EMAIL, oneTimePassword);
  });
  afterAll(() => db?.close());
  beforeEach(async () => {
    // Back to the one-time credentials the administrator handed out (hashing again would be slow).
    await db.prisma.user.update({
      where: { email: NEW_EMAIL },
      data: { passwordHash: oneTimeHash, mustChangePassword: true },
    });
    app = newApp(db.prisma);
  });

  it("lets the newcomer read who they are: the scalar fields of me", async () => {
    const me = ok(await gql(app, newcomer, IDENTITY)).me;
    expect(me).toMatchObject({
      __typename: "User",
      email: NEW_EMAIL,
      displayName: "Sam Patel",
      active: true,
      mustChangePassword: true,
    });
    expect(me.id).toMatch(/^User:/);
  });

  it.each([
    [
      "their roles' organisations' figures",
      `{ me { roles { organisation { annualIctBudget summary { assetCount } } } } }`,
    ],
    ["their roles alone", `{ me { email roles { role } } }`],
    ["their own organisation", `{ me { organisation { code annualIctBudget } } }`],
    [
      "a relation behind an alias",
      `{ whoami: me { email grants: roles { org: organisation { budget: annualIctBudget } } } }`,
    ],
    [
      "a relation in a fragment on User",
      `{ me { ...Mine } } fragment Mine on User { email roles { organisation { summary { assetCount } } } }`,
    ],
    ["a relation in an inline fragment", `{ me { email ... on User { roles { organisation { code } } } } }`],
    [
      "a relation in nested fragments",
      `{ ...Root } fragment Root on Query { me { ...Id } } fragment Id on User { email ...Deep } fragment Deep on User { roles { role } }`,
    ],
    [
      "a relation skipped by a directive (refused all the same)",
      `{ me { email roles @include(if: false) { role } } }`,
    ],
    [
      "a relation through changePassword's answer",
      `mutation { changePassword(currentPassword: "x", newPassword: "y") { roles { organisation { annualIctBudget } } } }`,
    ],
    ["another user through node", `{ node(id: "User:00000000-0000-4000-8000-000000000001") { id } }`],
  ])("refuses %s with FORBIDDEN before running anything", async (_what, query) => {
    const res = await gql(app, newcomer, query);
    expectCode(res, "FORBIDDEN");
    expect(res.errors![0]!.message).toMatch(/changePassword/);
    expect(res.data ?? null).toBeNull();
    expect((await db.prisma.user.findUniqueOrThrow({ where: { email: NEW_EMAIL } })).passwordHash).toBe(
      oneTimeHash,
    );
  });

  it("names the first field that is not allowed", async () => {
    const res = await gql(app, newcomer, `{ me { email roles { role } } }`);
    expect(res.errors![0]!.message).toMatch(/not me\.roles\.?$/);
  });

  it.each([
    ["a query", `{ organisations { code } }`],
    ["a query beside me", `{ me { email } organisations { code } }`],
    [
      "a query hidden in a fragment",
      `{ ...Everything } fragment Everything on Query { organisations { code } }`,
    ],
    ["their API tokens", `{ apiTokens { id } }`],
    ["a token for themselves", `mutation { createApiToken(name: "escape hatch") { token } }`],
    [
      "a change their role allows",
      `mutation { createSite(input: { organisation: "SCC", name: "Depot", kind: OFFICE }) { id } }`,
    ],
  ])("refuses %s with FORBIDDEN until the password is changed", async (_what, query) => {
    const res = await gql(app, newcomer, query);
    expectCode(res, "FORBIDDEN");
    expect(res.errors![0]!.message).toMatch(/changePassword/);
    expect(res.data ?? null).toBeNull();
  });

  it("refuses a wrong current password", async () => {
    expectCode(
      await gql(app, newcomer, CHANGE, { current: "not-the-one-time-password", next: NEW_PASSWORD }),
      "BAD_INPUT",
      "currentPassword",
    );
  });

  it("refuses a new password shorter than 12 characters", async () => {
    expectCode(
      await gql(app, newcomer, CHANGE, { current: oneTimePassword, next: NEW_PASSWORD.slice(0, 11) }),
      "BAD_INPUT",
      "newPassword",
    );
    expect((await db.prisma.user.findUniqueOrThrow({ where: { email: NEW_EMAIL } })).mustChangePassword).toBe(
      true,
    );
  });

  it("after a password of 12 characters, allows everything the roles allow and nothing more", async () => {
    expect(
      ok(await gql(app, newcomer, CHANGE, { current: oneTimePassword, next: NEW_PASSWORD })).changePassword,
    ).toEqual({ email: NEW_EMAIL, mustChangePassword: false });
    expect(
      ok(await gql(app, newcomer, `{ organisations { code } }`)).organisations.map(
        (o: { code: string }) => o.code,
      ),
    ).toEqual(["DCC", "SCC", "SHS"]);
    ok(await gql(app, newcomer, CREATE_SITE, { org: "SCC" }));
    expectCode(await gql(app, newcomer, CREATE_SITE, { org: "DCC" }), "FORBIDDEN");
    ok(await gql(app, newcomer, `mutation { createApiToken(name: "now allowed") { token } }`));
  });

  it("replaces the one-time password: it no longer signs in, the new one does", async () => {
    ok(await gql(app, newcomer, CHANGE, { current: oneTimePassword, next: NEW_PASSWORD }));
    expect((await postSignIn(app, NEW_EMAIL, oneTimePassword)).status).toBe(401);
    const res = await postSignIn(app, NEW_EMAIL, NEW_PASSWORD);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ user: { mustChangePassword: false } });
  });

  describe("a user with no role", () => {
    let roleless: Credentials;
    beforeAll(async () => {
      await createUser(db.prisma, "no.role@southshire.gov.uk", [], { organisation: orgs.SCC });
      roleless = await signIn(newApp(db.prisma), "no.role@southshire.gov.uk");
    });

    it.each([
      ["organisations", `{ organisations { code } }`],
      ["assets", `{ assets { totalCount } }`],
      ["auditEvents", `{ auditEvents { totalCount } }`],
      ["createApiToken", `mutation { createApiToken(name: "x") { token } }`],
    ])("gets FORBIDDEN for %s", async (_field, query) => {
      const res = await gql(app, roleless, query);
      expectCode(res, "FORBIDDEN");
      expect(res.errors![0]!.message).toMatch(/no role/);
    });

    it("may still see who they are, and that they have no role", async () => {
      expect(ok(await gql(app, roleless, ME_WITH_ROLES)).me).toEqual({
        email: "no.role@southshire.gov.uk",
        mustChangePassword: false,
        roles: [],
      });
    });

    it.each([
      ["their organisation's figures", `{ me { organisation { annualIctBudget } } }`],
      ["their organisation behind an alias", `{ me { home: organisation { code } } }`],
      [
        "their organisation in a fragment",
        `{ me { ...Mine } } fragment Mine on User { organisation { summary { assetCount } } }`,
      ],
    ])("gets FORBIDDEN for %s", async (_what, query) => {
      const res = await gql(app, roleless, query);
      expectCode(res, "FORBIDDEN");
      expect(res.errors![0]!.message).toMatch(/no role/);
      expect(res.data ?? null).toBeNull();
    });
  });
});
