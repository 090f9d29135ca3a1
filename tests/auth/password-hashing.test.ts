// Password hashes: production's scrypt cost is OWASP's (N=2^17, r=8, p=1, 128 MiB), every hash stores its
// cost, and a password stored at a lower cost is hashed again at the next successful sign-in. This file
// runs at production's cost (the suite's setup lowers it for speed elsewhere).
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { User } from "../../generated/prisma/client.ts";
import {
  currentScryptParams,
  hashPassword,
  needsRehash,
  PRODUCTION_SCRYPT,
  setScryptParamsForTests,
  verifyPassword,
} from "../../server/auth/secrets.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { TEST_SCRYPT } from "../support/fast-hashing.ts";
import {
  createOrgs,
  createUser,
  newApp,
  postSignIn,
  resetDatabase,
  type App,
  type Orgs,
} from "./fixtures.ts";

const PASSWORD = "a long enough passphrase";
const LEGACY = { N: 2 ** 15, r: 8, p: 1 };

/** A hash of `password` made at `params` (as an older release would have stored it). */
async function hashAt(params: typeof LEGACY, password = PASSWORD): Promise<string> {
  setScryptParamsForTests(params);
  try {
    return await hashPassword(password);
  } finally {
    setScryptParamsForTests(PRODUCTION_SCRYPT);
  }
}

beforeAll(() => setScryptParamsForTests(PRODUCTION_SCRYPT));
afterAll(() => setScryptParamsForTests(TEST_SCRYPT));

describe("scrypt's cost", () => {
  it("is N=2^17, r=8, p=1 in production", () => {
    expect(PRODUCTION_SCRYPT).toEqual({ N: 131072, r: 8, p: 1 });
    expect(currentScryptParams()).toEqual(PRODUCTION_SCRYPT);
  });

  it("is stored in every hash, and a production hash verifies (it needs more than Node's default 32 MiB)", async () => {
    const stored = await hashPassword(PASSWORD);
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}!`, stored)).toBe(false);
  });

  it("says which stored hashes are weaker than the current cost", () => {
    const salt = "A".repeat(22);
    const key = "A".repeat(43);
    expect(needsRehash(`scrypt$32768$8$1$${salt}$${key}`), "lower N").toBe(true);
    expect(needsRehash(`scrypt$131072$4$1$${salt}$${key}`), "lower r").toBe(true);
    expect(needsRehash(`scrypt$131072$8$1$${salt}$${key}`), "the current cost").toBe(false);
    expect(needsRehash(`scrypt$262144$8$1$${salt}$${key}`), "a higher cost").toBe(false);
    expect(needsRehash("md5$whatever"), "unreadable").toBe(true);
  });

  it("refuses, without throwing, a hash it cannot read", async () => {
    expect(await verifyPassword(PASSWORD, "scrypt$99$8$1$AAAA$AAAA")).toBe(false);
    expect(await verifyPassword(PASSWORD, "")).toBe(false);
  });
});

describe.each(engines())("rehashing at sign-in on %s", (engine) => {
  let db: TestDatabase;
  let app: App;
  let orgs: Orgs;
  let legacyHash: string;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    orgs = await createOrgs(db.prisma);
    app = newApp(db.prisma);
    legacyHash = await hashAt(LEGACY);
  });
  afterAll(() => db?.close());

  const userWithHash = async (email: string, passwordHash: string): Promise<User> => {
    const user = await createUser(db.prisma, email, [[orgs.SCC, "VIEWER"]]);
    return db.prisma.user.update({ where: { id: user.id }, data: { passwordHash } });
  };
  const storedHash = async (user: User) =>
    (await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;

  it("replaces a hash stored at N=2^15 with one at N=2^17 when the user signs in", async () => {
    const user = await userWithHash("legacy@southshire.gov.uk", legacyHash);
    expect((await postSignIn(app, user.email, PASSWORD)).status).toBe(200);
    const rehashed = await storedHash(user);
    expect(rehashed).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(rehashed).not.toBe(legacyHash);
    expect(await verifyPassword(PASSWORD, rehashed)).toBe(true);
    expect((await postSignIn(app, user.email, PASSWORD)).status, "the new hash signs in").toBe(200);
    expect(await storedHash(user), "a current hash is kept").toBe(rehashed);
  });

  it("keeps the old hash when the password is wrong", async () => {
    const user = await userWithHash("legacy.wrong@southshire.gov.uk", legacyHash);
    expect((await postSignIn(app, user.email, "not the passphrase")).status).toBe(401);
    expect(await storedHash(user)).toBe(legacyHash);
  });
});
