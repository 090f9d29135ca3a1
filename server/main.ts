// `npm start`: opens (and migrates) the database, loads the demo estates into an empty embedded one
// (seeds/demo-policy.ts), serves on HOST:PORT (default 127.0.0.1:4000).
import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { openDatabase, targetFromEnv, type DatabaseTarget } from "./db/open.ts";
import { createApp } from "./app.ts";
import { loadCatalogueIfEmpty, loadSeedsIfEmpty } from "../seeds/load.ts";
import { parseDemoData, wantsDemoData } from "../seeds/demo-policy.ts";
import { bootstrapAdmin } from "./auth/users.ts";

/** A running server and how to stop it. */
export interface RunningServer {
  url: string;
  seeded: boolean;
  /** One-time credentials of the first administrator, when this start created them. */
  admin: { email: string; password: string } | null;
  close(): Promise<void>;
}

/**
 * Starts Converge on `host`:`port` (0 = any free port) over `target`. `seed` true loads the demo
 * estates into an empty database, false never; unset follows DEMO_DATA (default: embedded only).
 */
export async function startServer(options: {
  target: DatabaseTarget;
  port: number;
  /** Interface to listen on (default 127.0.0.1; 0.0.0.0 or :: for every interface). */
  host?: string;
  seed?: boolean;
  log?: (line: string) => void;
}): Promise<RunningServer> {
  const log = options.log ?? (() => {});
  const policy = parseDemoData(process.env.DEMO_DATA); // a bad value stops the start before any work
  const db = await openDatabase(options.target);
  if (db.applied.length) log(`Applied migrations: ${db.applied.join(", ")}`);
  // The product catalogue is reference data, not demo data: every database gets it.
  const catalogue = await loadCatalogueIfEmpty(db.prisma);
  if (catalogue.loaded) log(`Loaded the product catalogue: ${catalogue.products} products and the capability taxonomy.`);
  let seeded = false;
  if (options.seed ?? wantsDemoData(policy, db.engine)) {
    const result = await loadSeedsIfEmpty(db.prisma);
    seeded = result.seeded;
    if (seeded)
      log(
        `Loaded seed estates: ${Object.entries(result.counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(", ")}`,
      );
  }
  if (db.engine === "postgres" && (await db.prisma.organisation.count()) === 0) {
    log(
      "The database has no organisations yet. Add them with `npm run organisation:add` (see the README's production set-up); the first administrator is created at the next start once a shared-service organisation exists. For the demo estates instead: `npm run seed`.",
    );
  }
  const admin = await bootstrapAdmin(db.prisma);
  if (admin) {
    log(
      "First administrator created. These one-time credentials are shown only now; change the password at first sign-in:",
    );
    log(`  e-mail:   ${admin.email}`);
    log(`  password: ${admin.password}`);
  }
  const { app } = createApp({ prisma: db.prisma, graphiql: process.env.NODE_ENV !== "production" });
  const host = options.host ?? "127.0.0.1";
  const server = serve({ fetch: app.fetch, port: options.port, hostname: host });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${isLoopback(host) ? "localhost" : host.includes(":") ? `[${host}]` : host}:${port}`,
    seeded,
    admin,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

/** True when "localhost" reaches a server listening on `host` (loopback, or every interface). */
function isLoopback(host: string): boolean {
  return ["localhost", "::1", "0.0.0.0", "::"].includes(host) || host.startsWith("127.");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = targetFromEnv();
  const port = Number(process.env.PORT ?? 4000);
  const host = process.env.HOST?.trim() || "127.0.0.1";
  const running = await startServer({ target, port, host, log: (l) => console.log(l) });
  const where = "url" in target ? "PostgreSQL (DATABASE_URL)" : `embedded PostgreSQL in ${target.dir}`;
  console.log(`Converge is running on ${where}, listening on ${host} port ${new URL(running.url).port}`);
  console.log(`  Web app:  ${running.url}/`);
  console.log(`  GraphQL:  ${running.url}/graphql  (GraphiQL in the browser)`);
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
