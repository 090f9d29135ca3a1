// Starts the server the browser tests drive. The web app must be built first (`npm run build:web`;
// `npm test` does it).
//
// `startTestServer()` is the one place to change how that server starts:
// - CONVERGE_TEST_URL=http://host:port uses a server that is already running (nothing is started or
//   stopped); its administrator is CONVERGE_TEST_ADMIN_EMAIL / CONVERGE_TEST_ADMIN_PASSWORD;
// - otherwise it starts the real server (server/main.ts) on a free port over a fresh embedded
//   database in a temporary folder, which seeds it with the seed estates and creates the first
//   administrator with one-time credentials.
//
// The first browser test signs in with those one-time credentials and chooses a new password through
// the UI; it stores the new one in `server.admin.password`, which later requests then use.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The administrator's credentials. `password` changes when a test replaces the one-time password. */
export interface AdminCredentials {
  email: string;
  password: string;
}

/** A server the tests can reach, and how to stop it. */
export interface TestServer {
  /** Base URL without a trailing slash, e.g. "http://localhost:43123". */
  url: string;
  /** The first administrator: one-time credentials until a test changes the password. */
  admin: AdminCredentials;
  close(): Promise<void>;
}

/** Starts (or points at) a Converge server with the seed data, serving the built web app. */
export async function startTestServer(): Promise<TestServer> {
  const external = process.env.CONVERGE_TEST_URL;
  if (external) {
    const email = process.env.CONVERGE_TEST_ADMIN_EMAIL;
    const password = process.env.CONVERGE_TEST_ADMIN_PASSWORD;
    if (!email || !password) {
      throw new Error(
        "CONVERGE_TEST_URL needs CONVERGE_TEST_ADMIN_EMAIL and CONVERGE_TEST_ADMIN_PASSWORD too.",
      );
    }
    return { url: external.replace(/\/+$/, ""), admin: { email, password }, close: async () => {} };
  }

  const { startServer } = await import("../../server/main.ts");
  const dir = await mkdtemp(join(tmpdir(), "converge-web-test-"));
  const running = await startServer({ target: { dir }, port: 0, seed: true });
  const close = async () => {
    await running.close();
    await rm(dir, { recursive: true, force: true });
  };
  if (!running.admin) {
    await close();
    throw new Error(
      "the server created no first administrator (is there a shared-service organisation in the seeds?).",
    );
  }
  return { url: running.url.replace(/\/+$/, ""), admin: { ...running.admin }, close };
}

/** Session cookies of the administrator per server, with the password they were obtained with. */
const sessions = new WeakMap<TestServer, { password: string; cookie: string }>();

/** Signs in as the administrator (once per password) and returns the session cookie header. */
export async function adminCookie(server: TestServer): Promise<string> {
  const cached = sessions.get(server);
  if (cached && cached.password === server.admin.password) return cached.cookie;
  const res = await fetch(`${server.url}/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(server.admin),
  });
  if (!res.ok) throw new Error(`administrator sign-in failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { user: { mustChangePassword: boolean } };
  if (body.user.mustChangePassword) {
    throw new Error(
      "the administrator still has the one-time password; the first browser test replaces it (run the whole file).",
    );
  }
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  sessions.set(server, { password: server.admin.password, cookie });
  return cookie;
}

/**
 * Replaces the administrator's one-time password with `next` when it is still one-time (a test file that
 * signs in without going through the sign-in screen calls this first); returns the session cookie header.
 */
export async function replaceOneTimePassword(server: TestServer, next: string): Promise<string> {
  const res = await fetch(`${server.url}/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(server.admin),
  });
  if (!res.ok) throw new Error(`administrator sign-in failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { user: { mustChangePassword: boolean } };
  if (body.user.mustChangePassword) {
    const cookie = res.headers.getSetCookie()[0]!.split(";")[0]!;
    const changed = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: server.url },
      body: JSON.stringify({
        query:
          "mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { email } }",
        variables: { c: server.admin.password, n: next },
      }),
    });
    const result = (await changed.json()) as { errors?: unknown };
    if (result.errors)
      throw new Error(`changing the one-time password failed: ${JSON.stringify(result.errors)}`);
    server.admin.password = next;
  }
  return adminCookie(server);
}

/** Runs a GraphQL operation as the administrator; throws on any GraphQL error. */
export async function graphqlRequest<T>(
  server: TestServer,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const res = await fetch(`${server.url}/graphql`, {
    method: "POST",
    // A script acting with the session cookie says it comes from the server's own origin, as its pages do.
    headers: { "content-type": "application/json", cookie: await adminCookie(server), origin: server.url },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data)
    throw new Error(`GraphQL failed: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}
