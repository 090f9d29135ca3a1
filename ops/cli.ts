// What the operators' commands share: open the database they name, turn a DomainError into exit status 2
// with the field and the fix, and set the process's exit status from the command's answer.
import { openDatabase, type DatabaseTarget } from "../server/db/open.ts";
import { DomainError } from "../server/shared/errors.ts";

/** Runs `work` on the database at `target`, closing it after; a DomainError is printed and gives 2. */
export async function withDatabase(target: DatabaseTarget, work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<number>): Promise<number> {
  const db = await openDatabase(target);
  try {
    return await work(db);
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

/** Runs a command's `main` with the process's arguments and sets the exit status from it (1 on a crash). */
export function runCommand(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}
