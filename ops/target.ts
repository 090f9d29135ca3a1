// Which database the command-line tools work on: the same one the server would open
// (DATABASE_URL, else DATA_DIR/pglite), or an embedded folder named with --pglite DIR.
import { targetFromEnv, type DatabaseTarget } from "../server/db/open.ts";

/** The target for `--pglite DIR` when given, else the server's choice from the environment. */
export function resolveTarget(
  pgliteDir: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): DatabaseTarget {
  if (pgliteDir) return { dir: pgliteDir };
  return targetFromEnv(env);
}

/** How to name the target in messages, without a password. */
export function describeTarget(target: DatabaseTarget): string {
  if ("url" in target) {
    const u = new URL(target.url);
    u.password = u.password ? "***" : "";
    return `PostgreSQL ${u.toString()}`;
  }
  return `embedded database in ${target.dir}`;
}

/** A UTC timestamp for file names: 20261126T095056Z. */
export function fileStamp(d = new Date()): string {
  return d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
}
