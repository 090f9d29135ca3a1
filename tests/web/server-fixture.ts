// Starts the server the browser tests drive. The web app must be built first (`npm run build:web`;
// `npm test` does it).
//
// `startTestServer()` is the one place to change how that server starts:
// - CONVERGE_TEST_URL=http://host:port uses a server that is already running (nothing is started or stopped);
// - otherwise it starts the real server (server/main.ts) on a free port over a fresh embedded
//   database in a temporary folder, which seeds it with the seed estates.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A server the tests can reach, and how to stop it. */
export interface TestServer {
  /** Base URL without a trailing slash, e.g. "http://localhost:43123". */
  url: string;
  close(): Promise<void>;
}

/** Starts (or points at) a Converge server with the seed data, serving the built web app. */
export async function startTestServer(): Promise<TestServer> {
  const external = process.env.CONVERGE_TEST_URL;
  if (external) return { url: external.replace(/\/+$/, ""), close: async () => {} };

  const { startServer } = await import("../../server/main.ts");
  const dir = await mkdtemp(join(tmpdir(), "converge-web-test-"));
  const running = await startServer({ target: { dir }, port: 0, seed: true });
  return {
    url: running.url.replace(/\/+$/, ""),
    close: async () => {
      await running.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a GraphQL operation against the test server; throws on any GraphQL error. */
export async function graphqlRequest<T>(
  server: TestServer,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const res = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data)
    throw new Error(`GraphQL failed: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}
