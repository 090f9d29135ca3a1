// The role table walk: every role × every mutation in the schema × a target its organisation owns and one
// another organisation owns, each called by a real signed-in user holding only that role in SCC. The
// outcome must be exactly what ROLE_PERMISSIONS/ENTITY_PERMISSION say (role-table.ts), and the README's
// table must be the one rendered from the same data.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { Product } from "../../generated/prisma/client.ts";
import { buildSchema } from "../../server/schema.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import {
  createOrgs,
  createProduct,
  createUser,
  expectCode,
  gql,
  newApp,
  ok,
  resetDatabase,
  signIn,
  type App,
  type Credentials,
  type Orgs,
} from "./fixtures.ts";
import { MUTATION_CASES } from "./mutation-cases.ts";
import {
  expectedAllowed,
  renderRoleTable,
  ROLE_TABLE_MARKERS,
  SUBJECTS,
  tableInReadme,
  type Subject,
  type Target,
} from "./role-table.ts";

const SCHEMA_MUTATIONS = Object.keys(buildSchema().getMutationType()!.getFields()).sort();
const README = fileURLToPath(new URL("../../README.md", import.meta.url));
const readmeTable = existsSync(README) ? tableInReadme(readFileSync(README, "utf8")) : null;

describe("the role table", () => {
  it("has a case and a rule for exactly the mutations the schema has", () => {
    expect(
      Object.keys(MUTATION_CASES).sort(),
      "tests/auth/mutation-cases.ts must list every Mutation field, with its rule",
    ).toEqual(SCHEMA_MUTATIONS);
  });

  it.skipIf(readmeTable === null)(
    `is the README's table between ${ROLE_TABLE_MARKERS.start} and ${ROLE_TABLE_MARKERS.end} (skipped while README.md lacks the markers)`,
    () => {
      expect(readmeTable, "regenerate with renderRoleTable() from tests/auth/role-table.ts").toBe(
        renderRoleTable(),
      );
    },
  );
});

interface Call {
  subject: Subject;
  mutation: string;
  target: Target;
}

/** Targets worth calling: mutations of an organisation's data against SCC's and DCC's; the others (own account, shared catalogue, users) have no owning organisation. */
const targetsOf = (mutation: string): Target[] =>
  ["owning-organisation", "held-in-organisation", "accounts-of-organisation"].includes(MUTATION_CASES[mutation]?.rule.scope ?? "")
    ? ["home", "other"]
    : ["home"];

const CALLS: Call[] = SUBJECTS.flatMap((subject) =>
  SCHEMA_MUTATIONS.flatMap((mutation) =>
    targetsOf(mutation).map((target) => ({ subject, mutation, target })),
  ),
);

function title({ subject, mutation, target }: Call): string {
  const c = MUTATION_CASES[mutation];
  const who = subject === "SHARED_SERVICE_ADMIN" ? "the shared service's ADMIN" : `an SCC ${subject}`;
  if (!c) return `${mutation} has a case in mutation-cases.ts`;
  const whose = !targetsOf(mutation).includes("other") ? "" : target === "home" ? " for SCC" : " for DCC";
  return `${who} ${expectedAllowed(subject, c.rule, target) ? "may" : "may not"} ${mutation}${whose}`;
}

describe.each(engines())("role table walk on %s", (engine) => {
  let db: TestDatabase;
  let app: App;
  let orgs: Orgs;
  let product: Product;
  const callers = {} as Record<Subject, { userId: string; credentials: Credentials }>;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    orgs = await createOrgs(db.prisma);
    product = await createProduct(db.prisma);
    app = newApp(db.prisma);
    for (const subject of SUBJECTS) {
      const email = `${subject.toLowerCase().replace(/_/g, "-")}@example.gov.uk`;
      const user = await createUser(
        db.prisma,
        email,
        subject === "SHARED_SERVICE_ADMIN" ? [[orgs.SHS, "ADMIN"]] : [[orgs.SCC, subject]],
      );
      callers[subject] = { userId: user.id, credentials: await signIn(app, email) };
    }
  });
  afterAll(() => db?.close());

  it.each(CALLS.map((c) => [title(c), c] as const))("%s", async (_title, { subject, mutation, target }) => {
    const c = MUTATION_CASES[mutation];
    expect(
      c,
      `mutation ${mutation} has no case: add one with its rule to tests/auth/mutation-cases.ts`,
    ).toBeDefined();
    const caller = callers[subject];
    const owner = target === "home" ? orgs.SCC : orgs.DCC;
    const variables = await c!.variables({ prisma: db.prisma, owner, callerId: caller.userId, product });
    const eventsBefore = await db.prisma.auditEvent.count();
    const result = await gql(app, caller.credentials, c!.document, variables);
    if (expectedAllowed(subject, c!.rule, target)) {
      expect(ok(result)[mutation]).toBeTruthy();
      expect(await db.prisma.auditEvent.count(), "an allowed change is audited").toBeGreaterThan(
        eventsBefore,
      );
    } else {
      expectCode(result, "FORBIDDEN");
      expect(result.data?.[mutation] ?? null).toBeNull();
      expect(await db.prisma.auditEvent.count(), "a refused change records nothing").toBe(eventsBefore);
    }
  });
});
