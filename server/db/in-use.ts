// Guards an embedded database folder against a second process: PGlite does not lock its folder itself.
import { existsSync, readdirSync, readlinkSync, realpathSync } from "node:fs";

/**
 * Processes (this one included) holding files of the PGlite folder `dir` open. PGlite does not lock its
 * folder: a second instance opens it happily and the two corrupt each other, so the tools look for one
 * first. Linux only (reads /proc); elsewhere, and for other users' processes, it finds nothing.
 */
export function processesUsing(dir: string): number[] {
  if (!existsSync(dir) || !existsSync("/proc/self/fd")) return [];
  const root = `${realpathSync(dir)}/`;
  const found: number[] = [];
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith(root)) {
          found.push(Number(pid));
          break;
        }
      } catch {
        // the descriptor closed meanwhile
      }
    }
  }
  return found;
}

/** Throws when the PGlite folder `dir` is open anywhere (a running server, another tool). */
export function ensureNotInUse(dir: string): void {
  const pids = processesUsing(dir);
  if (pids.length) {
    const who = pids.map((p) => (p === process.pid ? `${p} (this process)` : String(p))).join(", ");
    throw new Error(
      `the embedded database in ${dir} is open in process ${who} — a running Converge server? PGlite allows one process per data folder: stop it first.`,
    );
  }
}
