// `npm run organisation:add -- --code SCC --name "Sunderland City Council" --kind COUNCIL [--identifier GB-LAE-SND]…`
// Adds an organisation to the database the server uses (DATABASE_URL, else DATA_DIR/pglite): how a
// deployment without the demo estates is set up. Add the shared service (--kind SHARED_SERVICE) first:
// the next server start then creates the first administrator in it and prints one-time credentials.
import { parseArgs } from "node:util";
import { openDatabase } from "../server/db/open.ts";
import { addOrganisation } from "../server/organisations/service.ts";
import { DomainError } from "../server/shared/errors.ts";
import { describeTarget, resolveTarget } from "./target.ts";

/** Runs the command with `argv`; returns the exit status (2 for bad input). */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      code: { type: "string" },
      name: { type: "string" },
      kind: { type: "string" },
      identifier: { type: "string", multiple: true },
      pglite: { type: "string" },
    },
  });
  if (!values.code || !values.name || !values.kind) {
    console.error(
      'usage: npm run organisation:add -- --code SCC --name "Sunderland City Council" --kind COUNCIL|SHARED_SERVICE|PARTNER|CUSTOMER [--identifier GB-LAE-SND]',
    );
    return 2;
  }
  const target = resolveTarget(values.pglite);
  const db = await openDatabase(target);
  try {
    const org = await addOrganisation(db.prisma, {
      code: values.code,
      name: values.name,
      kind: values.kind,
      identifiers: values.identifier ?? [],
    });
    console.log(`Added ${org.code} (${org.name}, ${org.kind}) to the ${describeTarget(target)}.`);
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
