// API tokens for scripts: the secret is shown once and stored only as its SHA-256; tokens are listed by
// prefix, expire, can be revoked by their owner (or the shared service's admin) and by nobody else.
import { createHash } from "node:crypto";
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import type { User } from "../../generated/prisma/client.ts";
import { MAX_TOKEN_DAYS } from "../../server/auth/tokens.ts";
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
  withToken,
  type App,
  type Credentials,
} from "./fixtures.ts";

const CREATE = `mutation ($name: String!, $days: Int) {
  createApiToken(name: $name, expiresInDays: $days) { token apiToken { id name prefix expiresAt owner { email } } } }`;
const REVOKE = `mutation ($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`;
const LIST = `{ apiTokens { id name prefix expiresAt revokedAt owner { email } } }`;
const ME = `{ me { email } }`;

describe.each(engines())("API tokens on %s", (engine) => {
  let db: TestDatabase;
  let app: App;
  let owner: User;
  let ownerSession: Credentials;
  /** An ADMIN of SCC, the council the token's owner works for. */
  let councilAdmin: Credentials;
  /** An ADMIN of the shared service. */
  let sharedAdmin: Credentials;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    const orgs = await createOrgs(db.prisma);
    owner = await createUser(db.prisma, "script.owner@southshire.gov.uk", [[orgs.SCC, "EDITOR"]]);
    await createUser(db.prisma, "colleague@southshire.gov.uk", [[orgs.SCC, "ADMIN"]]);
    await createUser(db.prisma, "admin@shared-ict.gov.uk", [[orgs.SHS, "ADMIN"]]);
    app = newApp(db.prisma);
    ownerSession = await signIn(app, owner.email);
    councilAdmin = await signIn(app, "colleague@southshire.gov.uk");
    sharedAdmin = await signIn(app, "admin@shared-ict.gov.uk");
  });
  afterAll(() => db?.close());
  beforeEach(async () => {
    await db.prisma.apiToken.deleteMany();
    await db.prisma.user.updateMany({ data: { active: true } });
  });

  const create = async (credentials = ownerSession, name = "nightly export", days: number | null = 30) =>
    ok(await gql(app, credentials, CREATE, { name, days })).createApiToken as {
      token: string;
      apiToken: { id: string; prefix: string; expiresAt: string };
    };

  /** Tables (and rows) whose text contains `needle`. */
  async function tablesContaining(needle: string): Promise<string[]> {
    const tables = await db.prisma.$queryRawUnsafe<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const found: string[] = [];
    for (const { name } of tables) {
      const [row] = await db.prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${name}" t WHERE t::text LIKE '%' || $1 || '%'`,
        needle,
      );
      if (Number(row!.n)) found.push(name);
    }
    return found;
  }

  it("returns the secret once and stores only its SHA-256 hash, in no table anywhere", async () => {
    const { token, apiToken } = await create();
    expect(token).toMatch(/^cvg_[\w-]{40,}$/);
    const row = await db.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id.split(":")[1]! } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(await tablesContaining(token)).toEqual([]);
    expect(await tablesContaining(token.slice(10)), "not even the part after the prefix").toEqual([]);
  });

  it("authenticates its owner with Authorization: Bearer", async () => {
    const { token } = await create();
    expect(ok(await gql(app, withToken(token), ME)).me.email).toBe(owner.email);
    const me = await app.request("/auth/me", { headers: withToken(token).headers });
    expect(((await me.json()) as { user: { via: string } }).user.via).toBe("token");
    const session = await app.request("/auth/session", { headers: withToken(token).headers });
    expect(((await session.json()) as { user: { email: string; via: string } }).user).toMatchObject({
      email: owner.email,
      via: "token",
    });
  });

  it("lists the owner's tokens by name and prefix, never the secret", async () => {
    const { token, apiToken } = await create();
    const res = await gql(app, ownerSession, LIST);
    expect(ok(res).apiTokens).toEqual([
      {
        id: apiToken.id,
        name: "nightly export",
        prefix: token.slice(0, 10),
        expiresAt: apiToken.expiresAt,
        revokedAt: null,
        owner: { email: owner.email },
      },
    ]);
    expect(JSON.stringify(res)).not.toContain(token.slice(10));
  });

  it("refuses an expired token with 401", async () => {
    const { token, apiToken } = await create();
    await db.prisma.apiToken.update({
      where: { id: apiToken.id.split(":")[1]! },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const res = await gql(app, withToken(token), ME);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a revoked token with 401", async () => {
    const { token, apiToken } = await create();
    expect(
      ok(await gql(app, ownerSession, REVOKE, { id: apiToken.id })).revokeApiToken.revokedAt,
    ).not.toBeNull();
    expect((await gql(app, withToken(token), ME)).status).toBe(401);
  });

  it("refuses the token of a deactivated user with 401", async () => {
    const { token } = await create();
    await db.prisma.user.update({ where: { id: owner.id }, data: { active: false } });
    expect((await gql(app, withToken(token), ME)).status).toBe(401);
  });

  it("does not let another user revoke a token (NOT_FOUND), even an ADMIN of the owning council", async () => {
    const { token, apiToken } = await create();
    const colleague = councilAdmin;
    expectCode(await gql(app, colleague, REVOKE, { id: apiToken.id }), "NOT_FOUND", "id");
    expect(ok(await gql(app, colleague, LIST)).apiTokens, "nor see it").toEqual([]);
    ok(await gql(app, withToken(token), ME));
  });

  it("lets the shared service's ADMIN list and revoke anyone's token", async () => {
    const { token, apiToken } = await create();
    const admin = sharedAdmin;
    expect(ok(await gql(app, admin, LIST)).apiTokens.map((t: { id: string }) => t.id)).toEqual([apiToken.id]);
    ok(await gql(app, admin, REVOKE, { id: apiToken.id }));
    expect((await gql(app, withToken(token), ME)).status).toBe(401);
  });

  it.each([[0], [-1], [MAX_TOKEN_DAYS + 1]])(
    "refuses expiresInDays %d with BAD_INPUT and creates nothing",
    async (days) => {
      expectCode(await gql(app, ownerSession, CREATE, { name: "bad", days }), "BAD_INPUT", "expiresInDays");
      expect(await db.prisma.apiToken.count()).toBe(0);
    },
  );

  it.each([[1], [MAX_TOKEN_DAYS]])("accepts expiresInDays %d", async (days) => {
    const before = Date.now();
    const { apiToken } = await create(ownerSession, "edge", days);
    const lifetime = new Date(apiToken.expiresAt).getTime() - before;
    expect(Math.abs(lifetime - days * 86_400_000)).toBeLessThan(60_000);
  });

  it("defaults to 90 days", async () => {
    const { apiToken } = await create(ownerSession, "default", null);
    expect(Math.round((new Date(apiToken.expiresAt).getTime() - Date.now()) / 86_400_000)).toBe(90);
  });

  it("answers NOT_FOUND for a token ID that does not exist", async () => {
    expectCode(
      await gql(app, ownerSession, REVOKE, { id: gid("ApiToken", "00000000-0000-4000-8000-000000000000") }),
      "NOT_FOUND",
      "id",
    );
  });
});
