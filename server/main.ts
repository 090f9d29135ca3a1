// `npm start`: opens (and migrates) the database, seeds an empty one, serves on PORT (default 4000).
import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { openDatabase, targetFromEnv, type DatabaseTarget } from "./db/open.ts";
import { createApp } from "./app.ts";
import { loadSeedsIfEmpty } from "../seeds/load.ts";
import { bootstrapAdmin } from "./auth/users.ts";

/** A running server and how to stop it. */
export interface RunningServer {
  url: string;
  seeded: boolean;
  /** One-time credentials of the first administrator, when this start created them. */
  admin: { email: string; password: string } | null;
  close(): Promise<void>;
}

/** Starts Converge on `port` (0 = any free port) over `target`, seeding an empty database. */
export async function startServer(options: {
  target: DatabaseTarget;
  port: number;
  seed?: boolean;
  log?: (line: string) => void;
}): Promise<RunningServer> {
  const log = options.log ?? (() => {});
  const db = await openDatabase(options.target);
  if (db.applied.length) log(`Applied migrations: ${db.applied.join(", ")}`);
  let seeded = false;
  if (options.seed !== false) {
    const result = await loadSeedsIfEmpty(db.prisma);
    seeded = result.seeded;
    if (seeded)
      log(
        `Loaded seed estates: ${Object.entries(result.counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(", ")}`,
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
  const server = serve({ fetch: app.fetch, port: options.port, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    seeded,
    admin,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = targetFromEnv();
  const port = Number(process.env.PORT ?? 4000);
  const running = await startServer({ target, port, log: (l) => console.log(l) });
  const where = "url" in target ? "PostgreSQL (DATABASE_URL)" : `embedded PostgreSQL in ${target.dir}`;
  console.log(`Converge is running on ${where}`);
  console.log(`  Web app:  ${running.url}/`);
  console.log(`  GraphQL:  ${running.url}/graphql  (GraphiQL in the browser)`);
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
