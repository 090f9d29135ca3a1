// The fuzz harness: a database with the fixture estate, the in-process app acting as the fixture's SCC user
// with the roles in SCC of the call's caller (cases.ts, callersOf: one who may run the mutation, or one
// who may not), and `check(call)`, which sends one call and asserts every property:
//   0. a caller who may not run the mutation never succeeds;
//   1. never HTTP 5xx, and every error has a known code (never INTERNAL_SERVER_ERROR);
//   2. a refused call changes nothing: every row of every table hashes the same before and after;
//   3. no row of DCC (the other council) changes, whatever the call;
//   4. an accepted call stores the text sent (trimmed) and the values sent, in the response and in the
//      database, in the organisation named; and adds exactly one audit event per row it changed;
//   5. a refusal as a duplicate names a row that really exists (case-insensitively);
//   6. every Date, DateTime and Money in a response is in its documented form.
import "./env.ts";
import type { GraphQLInputType, GraphQLOutputType } from "graphql";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Actor } from "../../server/shared/actor.ts";
import { hashPassword, hashSecret, verifyPassword } from "../../server/auth/secrets.ts";
import { openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { buildFixture, truncateAll, type Fixture } from "./fixture.ts";
import { MASK_KNOWN } from "./env.ts";
import { maskKnownBugs } from "./known-bugs.ts";
import { CASES, rolesOf } from "./cases.ts";
import type { Role } from "../../generated/prisma/client.ts";
import {
  buildRequest,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  moneyOut,
  mutationField,
  outputProblems,
} from "./schema-info.ts";
import {
  HugeText,
  isPlainObject,
  Omitted,
  PasswordRef,
  RowRef,
  SHARED_TABLES,
  UnknownRef,
  VersionRef,
  type Call,
  type Table,
} from "./values.ts";

/** The error codes the API may answer with. */
export const ALLOWED_CODES = new Set([
  "BAD_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "FORBIDDEN",
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "PAYLOAD_TOO_LARGE",
  "RATE_LIMITED",
]);

/** The actor's password at the start of every property. */
export const INITIAL_PASSWORD = "fuzz-initial-password-42";

/** A property violation, with everything needed to understand it. */
export class FuzzViolation extends Error {
  override name = "FuzzViolation";
}

/** What one call did, for the statistics printed after each property. */
export interface Outcome {
  caller: "permitted" | "forbidden";
  succeeded: boolean;
  codes: string[];
  changedRows: number;
}

interface RowHash {
  table: string;
  id: string;
  hash: string;
  dcc: boolean;
  /** The row belongs to a scenario SCC takes part in (JOINT_SCOPE). */
  joint: boolean;
  /** The entity whose audit event records a change of this row ("<table>:<id>", see AUDITED_AS). */
  audited: string;
}

interface RowChange {
  table: string;
  id: string;
  kind: "added" | "removed" | "changed";
  dcc: boolean;
  /** Added: the row is in a scenario SCC takes part in; changed or removed: it was, before the call. */
  joint: boolean;
  audited: string;
}

/**
 * Rows whose changes are audited as a change of another entity: a user's roles and sessions are part of
 * the user (grantRole, revokeRole and resetUserPassword write one User event). Others are their own.
 */
const AUDITED_AS: Record<string, string> = {
  RoleAssignment: `'User:' || x."userId"::text`,
  Session: `'User:' || x."userId"::text`,
  // A scenario's savings targets and approvers' decisions are part of the scenario (its events record them).
  ScenarioTarget: `'Scenario:' || x."scenarioId"::text`,
  ScenarioDecision: `'Scenario:' || x."scenarioId"::text`,
};

/** The organisations a scenario affects are its targets: ($org) is one of them. */
const scenarioAffects = (scenario: string, org: string) =>
  `EXISTS (SELECT 1 FROM "ScenarioTarget" st WHERE st."scenarioId" = ${scenario} AND st."organisationId" = ${org}::uuid)`;
/** The scenario each planning row belongs to. */
const SCENARIO_OF: Record<string, string> = {
  Scenario: `x.id`,
  ScenarioTarget: `x."scenarioId"`,
  ScenarioDecision: `x."scenarioId"`,
  Move: `x."scenarioId"`,
};

const DCC_USERS = `(SELECT "userId" FROM "RoleAssignment" WHERE "organisationId" = $1::uuid)`;
/** Which rows of each table belong to DCC ($1); a dependency belongs to its source's organisation. */
const DCC_SCOPE: Record<string, string> = {
  Organisation: `x.id = $1::uuid`,
  Site: `x."organisationId" = $1::uuid`,
  Asset: `x."organisationId" = $1::uuid`,
  Licence: `x."organisationId" = $1::uuid`,
  Contract: `x."organisationId" = $1::uuid`,
  RoleAssignment: `x."organisationId" = $1::uuid`,
  AuditEvent: `x."organisationId" = $1::uuid`,
  Dependency: `x."sourceId" IN (SELECT id FROM "Asset" WHERE "organisationId" = $1::uuid)`,
  User: `x.id IN ${DCC_USERS}`,
  ApiToken: `x."userId" IN ${DCC_USERS}`,
  Session: `x."userId" IN ${DCC_USERS}`,
  // Every row of a scenario DCC takes part in is DCC's (also when SCC takes part too: see JOINT_SCOPE).
  ...Object.fromEntries(Object.entries(SCENARIO_OF).map(([t, s]) => [t, scenarioAffects(s, "$1")])),
};

/**
 * Rows of a scenario SCC ($2) takes part in: DCC's rows that a case declaring `joint` may change (the
 * plan permission in one organisation a scenario affects is enough to change all of it).
 */
const JOINT_SCOPE: Record<string, string> = Object.fromEntries(
  Object.entries(SCENARIO_OF).map(([t, s]) => [t, scenarioAffects(s, "$2")]),
);

/** Which rows of each table an owner's are, for picking ids ($1 = organisation id). */
const OWNED_BY: Record<Table, string> = {
  Site: `"organisationId" = $1::uuid`,
  Asset: `"organisationId" = $1::uuid`,
  Licence: `"organisationId" = $1::uuid`,
  Contract: `"organisationId" = $1::uuid`,
  Dependency: `"sourceId" IN (SELECT id FROM "Asset" WHERE "organisationId" = $1::uuid)`,
  User: `id IN (SELECT "userId" FROM "RoleAssignment" WHERE "organisationId" = $1::uuid)`,
  ApiToken: `"userId" IN (SELECT "userId" FROM "RoleAssignment" WHERE "organisationId" = $1::uuid)`,
  Product: `TRUE`,
  ProductMatch: `TRUE`,
  // SCC's scenarios are those it takes part in (with DCC or not); DCC's, those of DCC's alone.
  Scenario: scenarioOwnedBy(`"Scenario".id`),
  Move: scenarioOwnedBy(`"Move"."scenarioId"`),
};

/** Scenarios $1 takes part in, and when $1 is DCC, only those SCC does not. */
function scenarioOwnedBy(scenario: string): string {
  const takesPart = (org: string) =>
    `EXISTS (SELECT 1 FROM "ScenarioTarget" st JOIN "Organisation" o ON o.id = st."organisationId" WHERE st."scenarioId" = ${scenario} AND ${org})`;
  return `${takesPart(`o.id = $1::uuid`)} AND (NOT ${takesPart(`o.code = 'SCC'`)} OR (SELECT code FROM "Organisation" WHERE id = $1::uuid) = 'SCC')`;
}

const DUPLICATE_REFUSALS: { pattern: RegExp; table: "Site" | "Asset" | "Contract"; column: string }[] = [
  { pattern: /already has a site named "([\s\S]*)"; choose another name\.$/, table: "Site", column: "name" },
  {
    pattern: /already has an asset named "([\s\S]*)"; choose another name\.$/,
    table: "Asset",
    column: "name",
  },
  { pattern: /already has a contract with reference "([\s\S]*)"\.$/, table: "Contract", column: "reference" },
];

/** Fields whose value is not stored as sent (or not in a field of the same name). */
const NOT_ROUND_TRIPPED = new Set([
  "organisation",
  "version",
  "email",
  "currentPassword",
  "newPassword",
  "expiresInDays",
]);

/** A short, printable rendering of a value (huge strings abbreviated). */
export function show(value: unknown, max = 600): string {
  const s = JSON.stringify(value, (_k, v) =>
    typeof v === "string" && v.length > 120
      ? `${v.slice(0, 60)}…(${v.length} chars)…${v.slice(-20)}`
      : typeof v === "bigint"
        ? `${v}n`
        : v instanceof Omitted
          ? "OMITTED"
          : v,
  );
  return s === undefined ? String(value) : s.length > max ? `${s.slice(0, max)}…` : s;
}

/** One database with the fixture estate and an app acting as SCC's editor. */
export class Harness {
  fixture!: Fixture;
  /** The actor's password now (changePassword changes it). */
  password = INITIAL_PASSWORD;
  /** The actor's roles in SCC for the call being made (set by `check` from the call's caller). */
  private roles: Role[] = ["EDITOR", "PROCUREMENT"];
  private tables: string[] = [];
  private snapshotSql = "";
  private app!: { request(path: string, init: RequestInit): Response | Promise<Response> };
  private passwordHash = "";
  /** The snapshot after the last call: nothing writes between calls, so it is the next call's "before". */
  private last: Map<string, RowHash> | null = null;

  private constructor(
    readonly db: TestDatabase,
    readonly engine: "pglite" | "postgres",
  ) {}

  get prisma(): PrismaClient {
    return this.db.prisma;
  }

  /** Opens a fresh database on `engine` with the fixture estate. */
  static async open(engine: "pglite" | "postgres"): Promise<Harness> {
    const h = new Harness(await openTestDatabase(engine), engine);
    // Every table with an id, but GraphVersion: a counter the database's own triggers keep, which no
    // mutation writes and which the graph queries need to find.
    const tables = await h.prisma.$queryRawUnsafe<{ t: string }[]>(
      `SELECT c.table_name AS t FROM information_schema.columns c JOIN information_schema.tables tb USING (table_schema, table_name)
       WHERE c.table_schema = current_schema() AND c.column_name = 'id' AND tb.table_type = 'BASE TABLE' AND c.table_name NOT LIKE '\\_%'
         AND c.table_name <> 'GraphVersion' ORDER BY 1`,
    );
    h.tables = tables.map((r) => r.t);
    h.snapshotSql = h.tables
      .map(
        (t) =>
          `SELECT '${t}' AS "table", x.id::text AS id, md5(x::text) AS hash, (${DCC_SCOPE[t] ?? "FALSE"}) AS dcc,
             (${JOINT_SCOPE[t] ?? "FALSE"}) AS joint, ${AUDITED_AS[t] ?? `'${t}:' || x.id::text`} AS audited FROM "${t}" x`,
      )
      .join("\nUNION ALL ");
    h.passwordHash = await hashPassword(INITIAL_PASSWORD);
    // The rate limit is read when the app's modules load: import them only now, after env.ts.
    const { createApp } = await import("../../server/app.ts");
    const { LIMITS } = await import("../../server/shared/rate-limits.ts");
    if (LIMITS.mutationsPerMinute < 1_000_000)
      throw new Error(
        `the mutation rate limit (${LIMITS.mutationsPerMinute}/min) would throttle the fuzz; import ./env.ts first`,
      );
    const actor = (): Actor => ({
      id: h.fixture.sccUser.id,
      email: h.fixture.sccUser.email,
      displayName: "SCC Editor",
      organisationId: h.fixture.orgs.SCC,
      roles: new Map(h.roles.length ? [[h.fixture.orgs.SCC, new Set(h.roles)]] : []),
      sharedAdmin: false,
      via: "token",
    });
    h.app = createApp({ prisma: h.prisma, graphiql: false, actorOverride: actor }).app;
    await h.reset();
    return h;
  }

  /** Tables in an order that inserts parents before children (set once the fixture is saved). */
  private insertOrder: string[] | null = null;
  /** Each table's stored columns, quoted: generated ones (the name sort keys) are the database's to write. */
  private storedColumns = new Map<string, string>();

  /**
   * Back to the fixture estate (every property starts from it, so a seed replays the same way). The
   * estate is built through Prisma once, copied to schema fuzz_fixture, and later restored from there:
   * building it costs seconds, restoring it a few statements.
   */
  async reset(): Promise<void> {
    await truncateAll(this.prisma, this.tables);
    if (!this.insertOrder) {
      this.fixture = await buildFixture(this.prisma, this.passwordHash);
      await this.prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS fuzz_fixture CASCADE`);
      await this.prisma.$executeRawUnsafe(`CREATE SCHEMA fuzz_fixture`);
      for (const t of this.tables) {
        const columns = await this.prisma.$queryRawUnsafe<{ name: string }[]>(
          `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
          `"${t}"`,
        );
        this.storedColumns.set(t, columns.map((c) => `"${c.name}"`).join(", "));
        await this.prisma.$executeRawUnsafe(
          `CREATE TABLE fuzz_fixture."${t}" AS SELECT ${this.storedColumns.get(t)} FROM "${t}"`,
        );
      }
      this.insertOrder = await this.parentsFirst();
    } else {
      for (const t of this.insertOrder) {
        const columns = this.storedColumns.get(t)!;
        await this.prisma.$executeRawUnsafe(
          `INSERT INTO "${t}" (${columns}) SELECT ${columns} FROM fuzz_fixture."${t}"`,
        );
      }
    }
    this.password = INITIAL_PASSWORD;
    this.last = null;
  }

  /** The tables, each after every table its foreign keys point to. */
  private async parentsFirst(): Promise<string[]> {
    const edges = await this.prisma.$queryRawUnsafe<{ child: string; parent: string }[]>(
      `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE k.contype = 'f' AND n.nspname = current_schema()`,
    );
    const order: string[] = [];
    const visit = (t: string, path: Set<string>) => {
      if (order.includes(t) || path.has(t)) return;
      path.add(t);
      for (const e of edges) if (e.child === t && e.parent !== t) visit(e.parent, path);
      order.push(t);
    };
    for (const t of this.tables) visit(t, new Set());
    return order.filter((t) => this.tables.includes(t));
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /** Every row of every table, hashed, with whether it is DCC's. */
  async snapshot(): Promise<Map<string, RowHash>> {
    const rows = await this.prisma.$queryRawUnsafe<RowHash[]>(
      this.snapshotSql,
      this.fixture.orgs.DCC,
      this.fixture.orgs.SCC,
    );
    return new Map(rows.map((r) => [`${r.table}:${r.id}`, r]));
  }

  private async ids(table: Table, requested: "SCC" | "DCC" | "ANY"): Promise<string[]> {
    const owner = SHARED_TABLES.includes(table) ? "ANY" : requested;
    // In creation order (fixture ids are fixed; rows the fuzz creates come one call after another).
    const sql = `SELECT id::text AS id FROM "${table}" WHERE ${owner === "ANY" ? "TRUE" : OWNED_BY[table]} ORDER BY "createdAt", id`;
    const rows =
      owner === "ANY"
        ? await this.prisma.$queryRawUnsafe<{ id: string }[]>(sql)
        : await this.prisma.$queryRawUnsafe<{ id: string }[]>(sql, this.fixture.orgs[owner]);
    return rows.map((r) => r.id);
  }

  /** Replaces the symbolic values of a call by concrete ones, reading the database as it is now. */
  async resolve(
    call: Call,
    mask = MASK_KNOWN,
  ): Promise<{ args: Record<string, unknown>; target?: { table: Table; id: string } }> {
    let target: { table: Table; id: string } | undefined;
    const rows = async (v: unknown, top: string | null): Promise<unknown> => {
      if (v instanceof RowRef) {
        const ids = await this.ids(v.table, v.owner);
        const id = ids.length
          ? ids[v.pick % ids.length]!
          : `00000000-0000-4000-8000-${v.pick.toString(16).padStart(12, "0")}`;
        if (top === "id" && ids.length) target = { table: v.table, id };
        switch (v.form) {
          case "global":
            return `${v.table}:${id}`;
          case "upperUuid":
            return `${v.table}:${id.toUpperCase()}`;
          case "bare":
            return id;
          case "upperType":
            return `${v.table.toUpperCase()}:${id}`;
          case "padded":
            return ` ${v.table}:${id} `;
          case "retyped":
            return `${v.asType}:${id}`;
        }
      }
      if (v instanceof UnknownRef) return `${v.type}:${v.uuid}`;
      if (v instanceof HugeText) return v.toString();
      if (Array.isArray(v)) return Promise.all(v.map((x) => rows(x, null)));
      if (isPlainObject(v)) {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) out[k] = await rows(x, null);
        return out;
      }
      return v;
    };
    const args: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(call.args)) args[k] = await rows(v, k);
    let current: number | null = null;
    if (
      target &&
      ["Site", "Asset", "Dependency", "Licence", "Contract", "ProductMatch", "Scenario", "Move"].includes(
        target.table,
      )
    ) {
      const r = await this.prisma.$queryRawUnsafe<{ version: number }[]>(
        `SELECT version FROM "${target.table}" WHERE id = $1::uuid`,
        target.id,
      );
      current = r[0]?.version ?? null;
    }
    const late = (v: unknown): unknown => {
      if (v instanceof VersionRef) {
        const base = current ?? 1;
        return v.mode === "current" ? base : v.mode === "stale" ? base - 1 : base + 1;
      }
      if (v instanceof PasswordRef) return this.password;
      if (Array.isArray(v)) return v.map(late);
      if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, late(x)]));
      return v;
    };
    const resolved = late(args) as Record<string, unknown>;
    return { args: mask ? maskKnownBugs(call.mutation, resolved, call.inline) : resolved, target };
  }

  /** POSTs a GraphQL request through the app, as an HTTP client would. */
  async send(body: string): Promise<{ status: number; json: any; text: string }> {
    const res = await this.app.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body,
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* reported below */
    }
    return { status: res.status, json, text };
  }

  /** Milliseconds spent per phase (FUZZ_PROFILE=1 prints them). */
  readonly profile: Record<string, number> = {};
  private lap(phase: string, since: number): number {
    const now = performance.now();
    this.profile[phase] = (this.profile[phase] ?? 0) + now - since;
    return now;
  }

  /** Sends `call` and checks every property; throws FuzzViolation listing what broke. `mask` applies FUZZ_MASK_KNOWN (never to regressions). */
  async check(call: Call, { mask = MASK_KNOWN }: { mask?: boolean } = {}): Promise<Outcome> {
    let t = performance.now();
    const field = mutationField(call.mutation);
    const { args, target } = await this.resolve(call, mask);
    const { query, variables } = buildRequest(field, args, call.inline);
    const caller = call.caller ?? "permitted";
    this.roles = rolesOf(call.mutation, caller);
    t = this.lap("resolve", t);
    const before = this.last ?? (await this.snapshot());
    this.last = null;
    t = this.lap("snapshot", t);
    // The server logs unexpected errors; keep them for the report instead of flooding the output.
    const logged: string[] = [];
    const consoleError = console.error;
    console.error = (...parts: unknown[]) =>
      void logged.push(
        parts.map((p) => (p instanceof Error ? `${p.name}: ${p.message}` : String(p))).join(" "),
      );
    let res: Awaited<ReturnType<Harness["send"]>>;
    try {
      res = await this.send(JSON.stringify({ query, variables }));
    } finally {
      console.error = consoleError;
    }
    if (process.env.FUZZ_PROFILE && performance.now() - t > 100)
      console.log(
        `[fuzz] slow request ${Math.round(performance.now() - t)} ms: ${show(call.inline ? query : variables, 300)}`,
      );
    t = this.lap("request", t);
    const after = await this.snapshot();
    this.last = after;
    t = this.lap("snapshot", t);
    const changes = diff(before, after);

    const problems: string[] = [];
    const errors: { message?: string; extensions?: { code?: string; field?: string } }[] = Array.isArray(
      res.json?.errors,
    )
      ? res.json.errors
      : [];
    const codes = errors.map((e) => e.extensions?.code ?? "(no code)");
    const data = res.json?.data?.[call.mutation] ?? null;
    // FUZZ_DEBUG_ERRORS=1: every error's code, field and message, to see why a property's calls are refused.
    if (process.env.FUZZ_DEBUG_ERRORS)
      for (const e of errors)
        console.log(
          `[fuzz] ${caller} ${e.extensions?.code} ${e.extensions?.field ?? ""}: ${String(e.message).slice(0, 160)}`,
        );
    const succeeded = res.json !== null && errors.length === 0 && data !== null;

    // 0. A caller who may not run the mutation never gets it done.
    if (caller === "forbidden" && succeeded)
      problems.push(`a caller with only ${this.roles.join(", ") || "no roles"} in SCC was allowed to run it`);

    // 1. No server error.
    if (res.status >= 500) problems.push(`HTTP ${res.status}`);
    if (res.json === null) problems.push(`the response is not JSON: ${show(res.text, 300)}`);
    for (const e of errors)
      if (!ALLOWED_CODES.has(e.extensions?.code ?? ""))
        problems.push(`error with code ${e.extensions?.code ?? "(none)"}: ${show(e.message, 300)}`);
    if (res.json && !errors.length && data === null) problems.push("no errors but no data");

    // 3. DCC's rows never change, but (for a case declaring `joint`, when the call succeeded) the rows of a
    // scenario SCC takes part in with DCC, and the audit events of those changes filed under DCC.
    const joint = succeeded && CASES[call.mutation]?.joint ? changes.filter((c) => c.dcc && c.joint) : [];
    const jointEntities = new Set(joint.map((c) => c.audited));
    const dccEvents = changes.filter((c) => c.dcc && c.table === "AuditEvent" && c.kind === "added");
    const jointEvents = new Set(
      joint.length && dccEvents.length
        ? (
            await this.prisma.auditEvent.findMany({
              where: { id: { in: dccEvents.map((c) => c.id) } },
              select: { id: true, entityType: true, entityId: true },
            })
          )
            .filter((e) => jointEntities.has(`${e.entityType}:${e.entityId}`))
            .map((e) => e.id)
        : [],
    );
    const dcc = changes.filter(
      (c) => c.dcc && !joint.includes(c) && !(c.table === "AuditEvent" && jointEvents.has(c.id)),
    );
    if (dcc.length) problems.push(`DCC rows ${describe(dcc)}`);

    // 2. A refusal writes nothing.
    if (!succeeded && changes.length)
      problems.push(`refused (${codes.join(", ")}) but the database changed: ${describe(changes)}`);

    // 4. A success stores what was sent, in the organisation named, with one audit event per changed row.
    if (succeeded) problems.push(...(await this.successProblems(call, field.type, args, data, changes)));

    // 5. Duplicate refusals are justified.
    for (const e of errors) problems.push(...(await this.duplicateProblems(args, target, e.message ?? "")));

    // 6. Results are well formed.
    if (data !== null) problems.push(...outputProblems(data, field.type, call.mutation));
    this.lap("checks", t);

    if (problems.length) {
      throw new FuzzViolation(
        [
          `${call.mutation} on ${this.engine} (${call.inline ? "inline literals" : "variables"}), as a caller with ${this.roles.join(", ") || "no roles"} in SCC:`,
          ...problems.map((p) => `  - ${p}`),
          `  sent: ${show(call.inline ? query : variables, 1500)}`,
          `  HTTP ${res.status}: ${show(res.json ?? res.text, 1500)}`,
          ...(logged.length
            ? [`  server logged: ${logged.join(" | ").replace(/\s+/g, " ").slice(0, 1200)}`]
            : []),
        ].join("\n"),
      );
    }
    return { caller, succeeded, codes, changedRows: changes.length };
  }

  private async rowJson(table: string, id: string): Promise<Record<string, unknown> | null> {
    const r = await this.prisma.$queryRawUnsafe<{ j: Record<string, unknown> }[]>(
      `SELECT to_jsonb(x) AS j FROM "${table}" x WHERE id = $1::uuid`,
      id,
    );
    return r[0]?.j ?? null;
  }

  private async successProblems(
    call: Call,
    type: GraphQLOutputType,
    args: Record<string, unknown>,
    data: any,
    changes: RowChange[],
  ): Promise<string[]> {
    const problems: string[] = [];

    // One audit event per changed entity (a row, or the user a role or session row belongs to), for that
    // entity, by this actor; audit events are never changed.
    const rowChanges = changes.filter((c) => c.table !== "AuditEvent");
    const entities = [...new Set(rowChanges.map((c) => c.audited))];
    const audit = changes.filter((c) => c.table === "AuditEvent");
    if (audit.some((c) => c.kind !== "added"))
      problems.push(`audit events changed or removed: ${describe(audit.filter((c) => c.kind !== "added"))}`);
    const added = audit.filter((c) => c.kind === "added").map((c) => c.id);
    const events = added.length
      ? await this.prisma.auditEvent.findMany({
          where: { id: { in: added } },
          select: { id: true, entityType: true, entityId: true, actor: true, action: true },
        })
      : [];
    // Changes a case declares `unaudited` (a side effect of the audited change, of these tables and
    // kinds only) need no event of their own; onSuccess checks what they became.
    const unaudited = CASES[call.mutation]?.unaudited ?? [];
    const sideEffect = (c: RowChange) => unaudited.some((u) => u.table === c.table && u.kind === c.kind);
    for (const entity of entities) {
      const matching = events.filter((e) => `${e.entityType}:${e.entityId}` === entity);
      if (!matching.length && rowChanges.filter((c) => c.audited === entity).every(sideEffect)) continue;
      if (matching.length !== 1)
        problems.push(
          `${describe(rowChanges.filter((c) => c.audited === entity))} with ${matching.length} audit events for ${entity} (expected 1)`,
        );
    }
    for (const e of events) {
      if (!entities.includes(`${e.entityType}:${e.entityId}`))
        problems.push(`audit event ${e.action} ${e.entityType} ${e.entityId} names no changed row`);
      if (e.actor !== this.fixture.sccUser.email)
        problems.push(`audit event ${e.id} records actor ${e.actor}`);
    }

    // The entity the mutation answers with, and its row.
    const primary = primaryObject(type, data);
    const gid = typeof primary?.id === "string" ? primary.id : null;
    const [table, uuid] = gid
      ? [gid.slice(0, gid.indexOf(":")), gid.slice(gid.indexOf(":") + 1)]
      : [null, null];
    const stored = table && uuid ? await this.rowJson(table, uuid) : null;
    if (gid && !stored && call.mutation !== "removeDependency")
      problems.push(`the answer names ${gid}, which is not in the database`);

    // What was sent is what is read back, in the answer and in the row.
    const field = mutationField(call.mutation);
    const leaves: { key: string; value: unknown; type: GraphQLInputType }[] = [];
    // A null sent to a field with a default in the schema asks for the default (as createAsset's lifecycle).
    const collect = (value: unknown, t: GraphQLInputType, key: string, fallback: unknown) => {
      const inner = isNonNullType(t) ? t.ofType : t;
      if (isInputObjectType(inner) && value && typeof value === "object" && !Array.isArray(value)) {
        const fields = inner.getFields();
        for (const [k, v] of Object.entries(value))
          if (fields[k]) collect(v, fields[k].type, k, fields[k].defaultValue);
      } else if (!isListType(inner))
        leaves.push({ key, value: value === null && fallback !== undefined ? fallback : value, type: inner });
    };
    for (const a of field.args) if (a.name in args) collect(args[a.name], a.type, a.name, a.defaultValue);
    for (const { key, value, type: t } of leaves) {
      if (NOT_ROUND_TRIPPED.has(key) || value instanceof Omitted) continue;
      const named = getNamedType(t);
      let expected: unknown;
      if (isEnumType(named)) expected = typeof value === "string" ? value : undefined;
      else if (isScalarType(named)) {
        if (named.name === "String")
          expected = value === null ? null : typeof value === "string" ? value.trim() || null : undefined;
        else if (named.name === "Int" || named.name === "Float")
          expected = value === null || typeof value === "number" ? value : undefined;
        else if (named.name === "Date")
          expected = value === null || typeof value === "string" ? value : undefined;
        else if (named.name === "Money") expected = value === null ? undefined : moneyOut(value);
      }
      if (expected === undefined) continue;
      // A commercial field the caller may not read answers null beside valuesVisible: false (a move's
      // savingOverride and its reason, when the caller may not read the prices of the organisation the
      // saving accrues to); the row still holds what was sent.
      const hidden = primary?.valuesVisible === false && primary[key] === null;
      if (primary && key in primary && primary[key] !== expected && !hidden) {
        problems.push(
          `${key}: sent ${show(value)}, the answer has ${show(primary[key])} (expected ${show(expected)})`,
        );
      }
      if (stored && key in stored && named.name !== "Money" && stored[key] !== expected) {
        problems.push(
          `${key}: sent ${show(value)}, the database holds ${show(stored[key])} (expected ${show(expected)})`,
        );
      }
    }

    // Created in the organisation whose code was sent.
    const input = args.input as Record<string, unknown> | undefined;
    if (stored && input && typeof input.organisation === "string" && "organisationId" in stored) {
      const code = input.organisation.trim().toLowerCase();
      const org = (Object.entries(this.fixture.orgs) as [string, string][]).find(
        ([c]) => c.toLowerCase() === code,
      );
      if (!org || org[1] !== stored.organisationId) {
        const actual = (Object.entries(this.fixture.orgs) as [string, string][]).find(
          ([, id]) => id === stored.organisationId,
        )?.[0];
        problems.push(
          `organisation ${show(input.organisation)} was sent, the row was created in ${actual ?? String(stored.organisationId)}`,
        );
      }
    }

    // Secrets: the new password verifies; the token shown is the one stored.
    if (call.mutation === "changePassword" && typeof args.newPassword === "string") {
      const user = await this.prisma.user.findUniqueOrThrow({ where: { id: this.fixture.sccUser.id } });
      if (!(await verifyPassword(args.newPassword, user.passwordHash)))
        problems.push("the new password does not verify against the stored hash");
      this.password = args.newPassword;
    }
    if (
      call.mutation === "createApiToken" &&
      stored &&
      typeof data?.token === "string" &&
      stored.tokenHash !== hashSecret(data.token)
    ) {
      problems.push("the token shown is not the one stored");
    }
    const hook = CASES[call.mutation]?.onSuccess;
    if (hook)
      problems.push(
        ...(await hook({
          args,
          data,
          changes,
          row: (t, id) => this.rowJson(t, id),
          count: async (t, column, value) =>
            (
              await this.prisma.$queryRawUnsafe<{ n: number }[]>(
                `SELECT count(*)::int AS n FROM "${t}" WHERE "${column}"::text = $1`,
                value,
              )
            )[0]!.n,
        })),
      );
    return problems;
  }

  private async duplicateProblems(
    args: Record<string, unknown>,
    target: { table: Table; id: string } | undefined,
    message: string,
  ): Promise<string[]> {
    for (const { pattern, table, column } of DUPLICATE_REFUSALS) {
      const m = pattern.exec(message);
      if (!m) continue;
      let organisationId: string | undefined;
      const input = args.input as Record<string, unknown> | undefined;
      if (typeof input?.organisation === "string") {
        const code = input.organisation.trim().toLowerCase();
        organisationId = (Object.entries(this.fixture.orgs) as [string, string][]).find(
          ([c]) => c.toLowerCase() === code,
        )?.[1];
        if (!organisationId)
          return [
            `refused as a duplicate ${table} ${column} in organisation ${show(input.organisation)}, which no organisation has as its code: ${show(message)}`,
          ];
      } else if (target) {
        const r = await this.prisma.$queryRawUnsafe<{ o: string }[]>(
          `SELECT "organisationId"::text AS o FROM "${target.table}" WHERE id = $1::uuid`,
          target.id,
        );
        organisationId = r[0]?.o;
      }
      if (!organisationId) return [];
      const clash = await this.prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE "organisationId" = $1::uuid AND lower("${column}") = lower($2) AND id <> $3::uuid`,
        organisationId,
        m[1]!,
        target?.id ?? "00000000-0000-0000-0000-000000000000",
      );
      if (!clash[0]?.n)
        return [
          `refused as a duplicate, but no other ${table} of that organisation has ${column} ${show(m[1])} (case-insensitively): ${show(message)}`,
        ];
    }
    return [];
  }
}

/** Rows added, removed or changed between two snapshots. */
function diff(before: Map<string, RowHash>, after: Map<string, RowHash>): RowChange[] {
  const out: RowChange[] = [];
  for (const [k, a] of after) {
    const b = before.get(k);
    if (!b)
      out.push({ table: a.table, id: a.id, kind: "added", dcc: a.dcc, joint: a.joint, audited: a.audited });
    else if (b.hash !== a.hash)
      out.push({
        table: a.table,
        id: a.id,
        kind: "changed",
        dcc: a.dcc || b.dcc,
        joint: b.joint,
        audited: a.audited,
      });
  }
  for (const [k, b] of before)
    if (!after.has(k))
      out.push({ table: b.table, id: b.id, kind: "removed", dcc: b.dcc, joint: b.joint, audited: b.audited });
  return out;
}

function describe(changes: RowChange[]): string {
  return changes.map((c) => `${c.table} ${c.id} ${c.kind}`).join("; ");
}

/** The object with a global `id` in a mutation's answer: the answer itself, or its first such field. */
function primaryObject(type: GraphQLOutputType, data: any): Record<string, unknown> | null {
  if (!data || typeof data !== "object") return null;
  if (typeof data.id === "string") return data;
  const named = getNamedType(type);
  if (!isObjectType(named)) return null;
  for (const f of Object.values(named.getFields())) {
    const v = data[f.name];
    if (v && typeof v === "object" && typeof v.id === "string" && v.id.includes(":")) return v;
  }
  return null;
}
