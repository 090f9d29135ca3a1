// `npm run seed`: opens the configured database (DATABASE_URL, else the PGlite folder under DATA_DIR),
// seeds it if it has no organisation yet, and prints what it loaded.
import { openDatabase, targetFromEnv } from "../server/db/open.ts";
import { loadSeedsIfEmpty } from "./load.ts";

/** Runs the seed command; returns the process exit code. */
export async function main(): Promise<number> {
  const db = await openDatabase(targetFromEnv());
  try {
    const { seeded, counts } = await loadSeedsIfEmpty(db.prisma);
    if (!seeded) {
      console.log("The database already has organisations; nothing seeded.");
      return 0;
    }
    console.log(`Seeded the ${db.engine} database:`);
    for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(16)} ${n}`);
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
