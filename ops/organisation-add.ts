// `npm run organisation:add -- --code SCC --name "Sunderland City Council" --kind COUNCIL [--identifier GB-LAE-SND]…`
// Adds an organisation to the database the server uses (DATABASE_URL, else DATA_DIR/pglite): how a
// deployment without the demo estates is set up. Add the shared service (--kind SHARED_SERVICE) first:
// the next server start then creates the first administrator in it and prints one-time credentials.
import { parseArgs } from "node:util";
import { addOrganisation } from "../server/organisations/service.ts";
import { runCommand, withDatabase } from "./cli.ts";
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
  const { code, name, kind } = values;
  const target = resolveTarget(values.pglite);
  return withDatabase(target, async (db) => {
    const org = await addOrganisation(db.prisma, {
      code,
      name,
      kind,
      identifiers: values.identifier ?? [],
    });
    console.log(`Added ${org.code} (${org.name}, ${org.kind}) to the ${describeTarget(target)}.`);
    return 0;
  });
}

runCommand(main);
