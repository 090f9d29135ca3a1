// `node(id: "User:…")`: User implements Node, so node fetches it — your own account, or anyone's for
// administrators (as `users` lists them); others get FORBIDDEN whether or not the user exists.
import { randomUUID } from "node:crypto";
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
  resetDatabase,
  signIn,
  type App,
  type Credentials,
} from "./fixtures.ts";

const NODE = `query ($id: ID!) { node(id: $id) { __typename id ... on User { email organisation { code } } } }`;

describe.each(engines())("node(id:) for users on %s", (engine) => {
  let db: TestDatabase;
  let app: App;
  let viewer: User;
  let colleague: User;
  let asViewer: Credentials;
  let asAdmin: Credentials;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    const orgs = await createOrgs(db.prisma);
    app = newApp(db.prisma);
    viewer = await createUser(db.prisma, "viewer@southshire.gov.uk", [[orgs.SCC, "VIEWER"]]);
    colleague = await createUser(db.prisma, "colleague@downford.gov.uk", [[orgs.DCC, "EDITOR"]]);
    await createUser(db.prisma, "admin@southshire.gov.uk", [[orgs.SCC, "ADMIN"]]);
    asViewer = await signIn(app, viewer.email);
    asAdmin = await signIn(app, "admin@southshire.gov.uk");
  });
  afterAll(() => db?.close());

  it("fetches your own user by its global ID", async () => {
    const { me } = ok(await gql(app, asViewer, `{ me { id } }`));
    expect(ok(await gql(app, asViewer, NODE, { id: me.id })).node).toEqual({
      __typename: "User",
      id: gid("User", viewer.id),
      email: viewer.email,
      organisation: { code: "SCC" },
    });
  });

  it("lets an administrator fetch any user, and answers null for a user that does not exist", async () => {
    expect(ok(await gql(app, asAdmin, NODE, { id: gid("User", colleague.id) })).node).toMatchObject({
      __typename: "User",
      email: colleague.email,
      organisation: { code: "DCC" },
    });
    expect(ok(await gql(app, asAdmin, NODE, { id: gid("User", randomUUID()) })).node).toBeNull();
  });

  it("refuses another user to someone who is not an administrator, existing or not", async () => {
    for (const id of [gid("User", colleague.id), gid("User", randomUUID())]) {
      const res = await gql(app, asViewer, NODE, { id });
      expectCode(res, "FORBIDDEN");
      expect(res.data?.node ?? null).toBeNull();
    }
  });
});
