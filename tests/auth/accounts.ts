// The fixture password and its hash, and small naming helpers; free of vitest so that role-table.ts (and
// what it imports) can also run outside the test runner, e.g. to print the README's role table.
import { randomUUID } from "node:crypto";
import { hashPassword } from "../../server/auth/secrets.ts";

/** The password every fixture user has. */
export const PASSWORD = "correct horse battery staple";

let hashed: Promise<string> | undefined;

/** The scrypt hash of PASSWORD, computed once per test file (scrypt is deliberately slow). */
export function passwordHash(): Promise<string> {
  hashed ??= hashPassword(PASSWORD);
  return hashed;
}

/** The global ID the API gives a row. */
export function gid(type: string, id: string): string {
  return `${type}:${id}`;
}

/** A unique, valid e-mail address. */
export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.gov.uk`;
}
