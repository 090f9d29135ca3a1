// `npm test`'s test run: vitest on PGlite, and on PostgreSQL too whenever one can be reached. Race tests
// (FOR SHARE locks, conditional versioned writes) only bite on PostgreSQL: PGlite runs one statement at a
// time, so removing a lock still passes there. So:
// - DATABASE_URL set (CI): run as is, every database test file runs on both engines;
// - else, when a PostgreSQL server answers on 127.0.0.1:5432 as user postgres (TEST_POSTGRES_ADMIN_URL
//   to use another), create a throw-away database, run with DATABASE_URL pointing at it, drop it after;
// - else say loudly, before and after the run, that only PGlite ran.
// Arguments are passed to `vitest run`. Exits with vitest's status.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import pg from "pg";

const ADMIN_URL = process.env.TEST_POSTGRES_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const CONNECT_TIMEOUT_MS = 2000;

/** Runs one statement on the admin database; rejects when the server does not answer or refuses. */
async function admin(sql) {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An unreachable or refusing server must not crash the run through an unhandled 'error' event.
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

function banner(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const rule = "*".repeat(width);
  return [rule, ...lines.map((l) => `* ${l.padEnd(width - 4)} *`), rule].join("\n");
}

function runVitest(env) {
  const vitest = join(dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, "run", ...process.argv.slice(2)], {
      stdio: "inherit",
      env,
    });
    const forward = (signal) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

let status;
if (process.env.DATABASE_URL) {
  console.log(`[test] PGlite and PostgreSQL (DATABASE_URL is set).`);
  status = await runVitest(process.env);
} else {
  const name = `converge_npm_test_${Date.now()}_${process.pid}`;
  let reason = null;
  try {
    await admin(`CREATE DATABASE "${name}"`);
  } catch (error) {
    reason = error instanceof Error ? error.message || error.name : String(error);
  }
  if (reason === null) {
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    console.log(
      `[test] PGlite and PostgreSQL: a server answered on ${url.host}; using throw-away database ${name}.`,
    );
    try {
      status = await runVitest({ ...process.env, DATABASE_URL: url.toString() });
    } finally {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((error) =>
        console.error(`[test] could not drop ${name}: ${error.message}`),
      );
    }
  } else {
    const warning = banner([
      `ONLY PGlite RAN: no PostgreSQL could be used at ${new URL(ADMIN_URL).host} (${reason.slice(0, 80)}).`,
      "Race tests (FOR SHARE locks, versioned writes) only bite on PostgreSQL, where",
      "transactions really run concurrently. Set DATABASE_URL, start a local server,",
      "or point TEST_POSTGRES_ADMIN_URL at one, and run again before trusting a change.",
    ]);
    console.error(warning);
    status = await runVitest(process.env);
    console.error(warning);
  }
}
process.exit(status);
