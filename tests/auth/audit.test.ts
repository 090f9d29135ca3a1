// The audit trail under real identities: it names the signed-in user who made each change, filters by
// actor, organisation, entity type and time, and cannot be changed, through the API or in the database.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { buildSchema } from "../../server/schema.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import {
  createOrgs,
  createUser,
  gid,
  gql,
  newApp,
  ok,
  resetDatabase,
  signIn,
  withToken,
  type App,
  type Credentials,
} from "./fixtures.ts";

const SCC_EDITOR = "sam.scc@southshire.gov.uk";
const DCC_EDITOR = "kim.dcc@downford.gov.uk";
const CREATE_SITE = `mutation ($org: String!, $name: String!) { createSite(input: { organisation: $org, name: $name, kind: OFFICE }) { id } }`;
const CREATE_ASSET = `mutation ($org: String!, $name: String!) { createAsset(input: { organisation: $org, name: $name, kind: SERVER }) { id } }`;
const TRAIL = `query ($id: ID!) { auditTrail(entityId: $id) { actor action entityType } }`;
const EVENTS = `query ($filter: AuditFilter) { auditEvents(filter: $filter, first: 100) { totalCount edges { node { at actor entityType entityId organisation { code } } } } }`;

interface Event {
  at: string;
  actor: string;
  entityType: string;
  entityId: string;
  organisation: { code: string } | null;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(engines())("audit under real identities on %s", (engine) => {
  let db: TestDatabase;
  let app: App;
  let scc: Credentials;
  let dcc: Credentials;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    const orgs = await createOrgs(db.prisma);
    await createUser(db.prisma, SCC_EDITOR, [[orgs.SCC, "EDITOR"]]);
    await createUser(db.prisma, DCC_EDITOR, [[orgs.DCC, "EDITOR"]]);
    app = newApp(db.prisma);
    scc = await signIn(app, SCC_EDITOR);
    dcc = await signIn(app, DCC_EDITOR);
  });
  afterAll(() => db?.close());
  beforeEach(async () => {
    // TRUNCATE is not a row-level DELETE, so the append-only trigger lets tests start afresh.
    await db.prisma.$executeRawUnsafe(
      `TRUNCATE "AuditEvent", "Dependency", "Asset", "Site", "ApiToken" CASCADE`,
    );
  });

  it("records the e-mail address of the signed-in user, by session or by token", async () => {
    const site = ok(await gql(app, scc, CREATE_SITE, { org: "SCC", name: "Civic Centre" })).createSite;
    expect(ok(await gql(app, scc, TRAIL, { id: site.id })).auditTrail).toEqual([
      { actor: SCC_EDITOR, action: "CREATE", entityType: "Site" },
    ]);
    const { token } = ok(
      await gql(app, dcc, `mutation { createApiToken(name: "sync") { token } }`),
    ).createApiToken;
    const asset = ok(
      await gql(app, withToken(token), CREATE_ASSET, { org: "DCC", name: "File server" }),
    ).createAsset;
    expect(ok(await gql(app, scc, TRAIL, { id: asset.id })).auditTrail).toEqual([
      { actor: DCC_EDITOR, action: "CREATE", entityType: "Asset" },
    ]);
  });

  describe("auditEvents filters", () => {
    let first: Event, second: Event, third: Event;
    const list = async (filter: Record<string, unknown>) =>
      ok(await gql(app, scc, EVENTS, { filter })).auditEvents.edges.map(
        (e: { node: Event }) => e.node,
      ) as Event[];

    beforeEach(async () => {
      // Three changes, far enough apart to have distinct timestamps, newest listed first.
      ok(await gql(app, scc, CREATE_SITE, { org: "SCC", name: "Civic Centre" }));
      await pause(20);
      ok(await gql(app, dcc, CREATE_ASSET, { org: "DCC", name: "Core switch" }));
      await pause(20);
      ok(await gql(app, scc, CREATE_ASSET, { org: "SCC", name: "Firewall" }));
      [third, second, first] = (await list({})) as [Event, Event, Event];
      expect([first, second, third].map((e) => [e.actor, e.entityType, e.organisation?.code])).toEqual([
        [SCC_EDITOR, "Site", "SCC"],
        [DCC_EDITOR, "Asset", "DCC"],
        [SCC_EDITOR, "Asset", "SCC"],
      ]);
      expect(new Set([first.at, second.at, third.at]).size).toBe(3);
    });

    it("by actor, whatever the case of the address", async () => {
      expect(await list({ actor: SCC_EDITOR })).toEqual([third, first]);
      expect(await list({ actor: DCC_EDITOR.toUpperCase() })).toEqual([second]);
      expect(await list({ actor: "nobody@example.gov.uk" })).toEqual([]);
    });

    it("by organisation", async () => {
      expect(await list({ organisation: ["DCC"] })).toEqual([second]);
      expect(await list({ organisation: ["SCC", "DCC"] })).toEqual([third, second, first]);
    });

    it("by entity type", async () => {
      expect(await list({ entityType: "Asset" })).toEqual([third, second]);
      expect(await list({ entityType: "Site" })).toEqual([first]);
    });

    it("by time: from is inclusive, to is exclusive", async () => {
      expect(await list({ from: second.at })).toEqual([third, second]);
      expect(await list({ to: second.at })).toEqual([first]);
      expect(await list({ from: second.at, to: third.at })).toEqual([second]);
      expect(await list({ from: new Date(Date.parse(third.at) + 1).toISOString() })).toEqual([]);
    });

    it("by several at once", async () => {
      expect(await list({ actor: SCC_EDITOR, entityType: "Asset" })).toEqual([third]);
      expect(await list({ actor: SCC_EDITOR, organisation: ["DCC"] })).toEqual([]);
      expect(await list({ organisation: ["SCC"], from: second.at })).toEqual([third]);
    });
  });

  it("shows events about people's accounts only to administrators and to the person themselves", async () => {
    const orgs = { SCC: await db.prisma.organisation.findFirstOrThrow({ where: { code: "SCC" } }), DCC: await db.prisma.organisation.findFirstOrThrow({ where: { code: "DCC" } }) };
    const admin = await createUser(db.prisma, `admin.${Date.now()}@downford.gov.uk`, [[orgs.DCC, "ADMIN"]]);
    const adminCreds = await signIn(app, admin.email);
    const GRANT = `mutation ($user: ID!) { grantRole(user: $user, organisation: "DCC", role: VIEWER) { id } }`;
    const dccEditor = await db.prisma.user.findUniqueOrThrow({ where: { email: DCC_EDITOR } });
    ok(await gql(app, adminCreds, GRANT, { user: gid("User", dccEditor.id) }));
    ok(await gql(app, dcc, `mutation { createApiToken(name: "script") { token } }`));
    const accountEvents = async (who: Credentials) =>
      (ok(await gql(app, who, EVENTS, { filter: {} })).auditEvents.edges as { node: Event }[])
        .map((e) => e.node)
        .filter((n) => n.entityType === "User" || n.entityType === "ApiToken");
    // SCC's editor learns nothing of DCC's people: not the grant, not DCC's editor's token.
    expect(await accountEvents(scc)).toEqual([]);
    const trail = ok(await gql(app, scc, TRAIL, { id: gid("User", dccEditor.id) })).auditTrail;
    expect(trail).toEqual([]);
    // DCC's editor sees what was done to their own account and what they did themselves.
    expect((await accountEvents(dcc)).map((e) => e.entityType).sort()).toEqual(["ApiToken", "User"]);
    // An administrator sees them all.
    expect((await accountEvents(adminCreds)).length).toBeGreaterThanOrEqual(2);
  });

  it("offers no mutation that could change or remove audit events", () => {
    // The schema is built with graphql-tools' copy of graphql, so types are unwrapped by hand.
    const named = (type: unknown): string => {
      let t = type as { ofType?: unknown; name?: string };
      while (t.ofType) t = t.ofType as typeof t;
      return t.name ?? "";
    };
    const fields = Object.values(buildSchema().getMutationType()!.getFields());
    const touchesAudit = fields.filter(
      (f) =>
        /audit/i.test(f.name) ||
        /audit/i.test(named(f.type)) ||
        f.args.some((a) => /audit/i.test(named(a.type))),
    );
    expect(touchesAudit.map((f) => f.name)).toEqual([]);
  });

  it("refuses UPDATE and DELETE of audit events in the database itself", async () => {
    ok(await gql(app, scc, CREATE_SITE, { org: "SCC", name: "Civic Centre" }));
    const before = await db.prisma.auditEvent.findMany();
    expect(before).toHaveLength(1);
    await expect(
      db.prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "actor" = 'someone-else'`),
    ).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditEvent.updateMany({ data: { actor: "someone-else" } })).rejects.toThrow();
    await expect(db.prisma.auditEvent.deleteMany({})).rejects.toThrow();
    expect(await db.prisma.auditEvent.findMany()).toEqual(before);
  });
});
