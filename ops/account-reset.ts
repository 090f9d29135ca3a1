// `npm run account:reset -- --email someone@council.gov.uk [--reactivate] [--pglite DIR]`
// Break-glass for an organisation whose every administrator is locked out: issues the account new one-time
// credentials (printed once), ends its sessions and revokes its API tokens, and with --reactivate makes a
// deactivated account active again. Only operators with the database's credentials can run it; the audit
// trail records it as the system.
import { parseArgs } from "node:util";
import { resetAccountAsOperator } from "../server/auth/accounts.ts";
import { runCommand, withDatabase } from "./cli.ts";
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
  const { email: address, reactivate = false } = values;
  const target = resolveTarget(values.pglite);
  return withDatabase(target, async (db) => {
    const { email, password, reactivated } = await resetAccountAsOperator(db.prisma, address, reactivate);
    console.log(`New one-time credentials for ${email} in the ${describeTarget(target)}${reactivated ? " (reactivated)" : ""}; shown only now, to be changed at first sign-in:`);
    console.log(`  password: ${password}`);
    return 0;
  });
}

runCommand(main);
