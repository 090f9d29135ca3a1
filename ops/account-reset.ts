// `npm run account:reset -- --email someone@council.gov.uk [--reactivate] [--pglite DIR]`
// Break-glass for an organisation whose every administrator is locked out: issues the account new one-time
// credentials (printed once), ends its sessions and revokes its API tokens, and with --reactivate makes a
// deactivated account active again. Only operators with the database's credentials can run it; the audit
// trail records it as the system.
import { parseArgs } from "node:util";
import { openDatabase } from "../server/db/open.ts";
import { resetAccountAsOperator } from "../server/auth/accounts.ts";
import { DomainError } from "../server/shared/errors.ts";
import { describeTarget, resolveTarget } from "./target.ts";

/** Runs the command with `argv`; returns the exit status (2 for bad input). */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: "string" }, reactivate: { type: "boolean" }, pglite: { type: "string" } },
  });
  if (!values.email) {
    console.error("usage: npm run account:reset -- --email someone@council.gov.uk [--reactivate] [--pglite DIR]");
    return 2;
  }
  const target = resolveTarget(values.pglite);
  const db = await openDatabase(target);
  try {
    const { email, password, reactivated } = await resetAccountAsOperator(db.prisma, values.email, values.reactivate ?? false);
    console.log(`New one-time credentials for ${email} in the ${describeTarget(target)}${reactivated ? " (reactivated)" : ""}; shown only now, to be changed at first sign-in:`);
    console.log(`  password: ${password}`);
    return 0;
  } catch (e) {
    if (e instanceof DomainError) {
      console.error(`${e.field}: ${e.message}`);
      return 2;
    }
    throw e;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
