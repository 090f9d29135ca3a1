// Fixtures for the identity and authorization tests: real users with real credentials. Users are created
// straight through Prisma (one scrypt hash per test file, reused), then sign in through POST /auth/sign-in
// or use API tokens, exactly as browsers and scripts do. No actor override anywhere.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Organisation, PrismaClient, Product, Role, User } from "../../generated/prisma/client.ts";
import { createApp } from "../../server/app.ts";
import { SESSION_COOKIE } from "../../server/auth/sessions.ts";
import type { TestDatabase } from "../support/databases.ts";
import { PASSWORD, passwordHash } from "./accounts.ts";

export { gid, PASSWORD, passwordHash, uniqueEmail } from "./accounts.ts";

/** Empties the database, including the identity tables the shared truncate leaves alone. */
export async function resetDatabase(db: TestDatabase): Promise<void> {
  await db.prisma.$executeRawUnsafe(`TRUNCATE "Session", "ApiToken", "RoleAssignment", "User" CASCADE`);
  await db.truncate();
}

/** The organisations of the auth fixtures: two councils and the shared service that runs their ICT. */
export interface Orgs {
  SCC: Organisation;
  DCC: Organisation;
  /** The shared service: its ADMINs administer every organisation. */
  SHS: Organisation;
}

/** Creates SCC, DCC and the shared service SHS. */
export async function createOrgs(prisma: PrismaClient): Promise<Orgs> {
  const make = (code: string, name: string, kind: "COUNCIL" | "SHARED_SERVICE") =>
    prisma.organisation.create({
      data: { id: randomUUID(), code, name, kind, annualIctBudgetPence: 1_000_000_00n, staffFte: "10" },
    });
  return {
    SCC: await make("SCC", "Southshire County Council", "COUNCIL"),
    DCC: await make("DCC", "Downford City Council", "COUNCIL"),
    SHS: await make("SHS", "Shared ICT Service", "SHARED_SERVICE"),
  };
}

/** A catalogue product licences can be held for. */
export async function createProduct(prisma: PrismaClient): Promise<Product> {
  const vendor = await prisma.vendor.create({
    data: { id: randomUUID(), name: `Vendor ${randomUUID().slice(0, 8)}` },
  });
  return prisma.product.create({
    data: { id: randomUUID(), vendorId: vendor.id, name: `Product ${randomUUID().slice(0, 8)}` },
  });
}

/** What a fixture user may differ in: its owning organisation (default: that of its first role) and flags. */
export type UserOptions = Partial<Pick<User, "mustChangePassword" | "active">> & {
  organisation?: Organisation;
};

/**
 * Creates an active user with PASSWORD (not one-time) holding `roles`, each as [organisation, role], and
 * belonging to `over.organisation` or else to the organisation of its first role.
 */
export async function createUser(
  prisma: PrismaClient,
  email: string,
  roles: [Organisation, Role][] = [],
  over: UserOptions = {},
): Promise<User> {
  const { organisation = roles[0]?.[0], ...flags } = over;
  if (!organisation) throw new Error(`fixture user ${email} needs an organisation (or a role)`);
  const user = await prisma.user.create({
    data: {
      id: randomUUID(),
      email,
      displayName: email.split("@")[0]!,
      organisationId: organisation.id,
      passwordHash: await passwordHash(),
      mustChangePassword: false,
      ...flags,
    },
  });
  for (const [org, role] of roles) {
    await prisma.roleAssignment.create({
      data: { id: randomUUID(), userId: user.id, organisationId: org.id, role },
    });
  }
  return user;
}

/** The hono app the tests call in process, as `createApp` builds it for real requests. */
export type App = ReturnType<typeof createApp>["app"];

/** A fresh app (fresh in-memory rate limiters) over `prisma`. */
export function newApp(prisma: PrismaClient): App {
  return createApp({ prisma }).app;
}

/** POST /auth/sign-in with JSON credentials. */
export function postSignIn(
  app: App,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    app.request("/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ email, password }),
    }),
  );
}

/** The session cookie's value from a sign-in response, or undefined. */
export function sessionCookie(res: Response): string | undefined {
  const header = res.headers.get("set-cookie") ?? "";
  return new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(header)?.[1] || undefined;
}

/** How a test caller authenticates: the headers it sends with every request. */
export interface Credentials {
  headers: Record<string, string>;
}

/** Credentials for a session cookie value, sent as a browser on Converge's own pages sends it. */
export function withCookie(value: string): Credentials {
  return { headers: { cookie: `${SESSION_COOKIE}=${value}`, "sec-fetch-site": "same-origin" } };
}

/** Credentials for an API token secret. */
export function withToken(secret: string): Credentials {
  return { headers: { authorization: `Bearer ${secret}` } };
}

/** No credentials at all. */
export const ANONYMOUS: Credentials = { headers: {} };

/** Signs in through the real endpoint and returns the session's credentials; fails the test otherwise. */
export async function signIn(app: App, email: string, password = PASSWORD): Promise<Credentials> {
  const res = await postSignIn(app, email, password);
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = sessionCookie(res);
  expect(cookie, "sign-in set no session cookie").toBeTruthy();
  return withCookie(cookie!);
}

/** A GraphQL error as the API sends it. */
export interface GqlError {
  message: string;
  path?: string[];
  extensions?: { code?: string; field?: string; retryAfterSeconds?: number };
}

/** A GraphQL response with its HTTP status and headers. */
export interface GqlResponse<T = any> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: GqlError[];
}

/** POSTs a GraphQL operation to /graphql with `credentials`. */
export async function gql<T = any>(
  app: App,
  credentials: Credentials,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GqlResponse<T>> {
  const res = await app.request("/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json",
      ...credentials.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: GqlError[] };
  return { status: res.status, headers: res.headers, ...body };
}

/** The data of a successful response; fails the test with the errors otherwise. */
export function ok<T = any>(result: GqlResponse<T>): T {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

/** Asserts the first error's code (and field, when given). */
export function expectCode(result: GqlResponse, code: string, field?: string): GqlError {
  expect(result.errors?.length ?? 0, `expected ${code}, got ${JSON.stringify(result.data)}`).toBeGreaterThan(
    0,
  );
  const error = result.errors![0]!;
  expect(error.extensions?.code, error.message).toBe(code);
  if (field !== undefined) expect(error.extensions?.field).toBe(field);
  return error;
}
