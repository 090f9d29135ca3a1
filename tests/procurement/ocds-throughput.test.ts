// Large OCDS imports (server/procurement/ocds-plan.ts, ocds-import.ts): a fixed number of reads whatever
// the package's size, writes in multi-row statements (never one round trip per record), a dry run that
// reads, plans and writes nothing yet reports exactly what the import then does, and other requests
// answered while an import runs. Throughput itself is measured by `npm run bench` (bench/ocds.ts).
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { buildOrganisations } from "../../seeds/organisations.ts";
import { SYSTEM_ACTOR } from "../../server/shared/actor.ts";
import { runOcdsImport, type OcdsImportReport } from "../../server/procurement/ocds-import.ts";
import { generateOcdsPackage } from "../../bench/ocds-generate.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";

describe.each(engines())("large OCDS imports on %s", (engine) => {
  let db: TestDatabase;
  let buyers: { id: string; name: string }[];

  beforeAll(async () => {
    db = await openTestDatabase(engine);
  });
  afterAll(() => db?.close());
  beforeEach(async () => {
    await db.truncate();
    await db.prisma.organisation.createMany({ data: buildOrganisations() });
    const councils = await db.prisma.organisation.findMany({ where: { kind: "COUNCIL" }, orderBy: { code: "asc" } });
    buyers = [...councils.map((o) => ({ id: o.identifiers[0]!, name: o.name })), { id: "GB-NOBODY", name: "Nobody" }];
  });

  const pkg = (records: number, prefix = "t", releaseDate?: string) =>
    generateOcdsPackage({ records, buyers, prefix, ...(releaseDate ? { releaseDate } : {}) });

  /** The SQL statements an import sends. */
  async function statementsOf(json: unknown, dryRun: boolean): Promise<string[]> {
    db.resetQueryCount();
    await runOcdsImport(db.prisma, SYSTEM_ACTOR, json, { dryRun });
    return [...db.queries];
  }

  const writes = (sql: string[]) => sql.filter((q) => /^\s*(INSERT|UPDATE|DELETE)/i.test(q));

  it("plans a dry run in the same few reads for 20 records as for 600, and writes nothing", async () => {
    const small = await statementsOf(pkg(20, "s"), true);
    const large = await statementsOf(pkg(600, "l"), true);
    expect(large.length).toBe(small.length);
    expect(writes(large)).toEqual([]);
    expect(large.some((q) => /^\s*BEGIN/i.test(q)), "no transaction is held").toBe(false);
    expect(await db.prisma.contract.count()).toBe(0);
  });

  it("writes 600 new contracts and their audit events in multi-row statements, 200 rows each", async () => {
    const small = await statementsOf(pkg(20, "s"), false);
    const large = await statementsOf(pkg(600, "l"), false);
    const created = await db.prisma.contract.count({ where: { ocid: { startsWith: "ocds-b5fd17-l-" } } });
    expect(created).toBe(400); // a third of the records name a buyer that is no organisation
    // 400 contracts = 2 INSERTs of contracts and 2 of audit events, against 1 and 1 for the 20.
    expect(writes(large).length).toBe(4);
    expect(writes(small).length).toBe(2);
    expect(large.length - small.length).toBe(2);
  });

  it("reports in a dry run exactly what the import then does, updates and clashing references included", async () => {
    const first = pkg(300, "r");
    // Two records of one council reuse a tender id (in another case): the second takes its ocid instead.
    const [a, b] = first.records.filter((_r, i) => i % 3 === 0);
    (b!.compiledRelease.tender as { id: string }).id = (a!.compiledRelease.tender as { id: string }).id.toLowerCase();
    await runOcdsImport(db.prisma, SYSTEM_ACTOR, first, {});
    const newer = pkg(300, "r", "2025-06-01T00:00:00Z");
    for (const r of newer.records.slice(0, 90)) (r.compiledRelease.tender as { title: string }).title += " (amended)";
    const outcome = (r: OcdsImportReport) =>
      r.records.map((x) => ({ ocid: x.ocid, outcome: x.outcome, problems: x.problems, changed: x.changedFields }));
    const dry = await runOcdsImport(db.prisma, SYSTEM_ACTOR, newer, { dryRun: true });
    const real = await runOcdsImport(db.prisma, SYSTEM_ACTOR, newer, {});
    expect(dry.updated).toBe(60);
    expect(outcome(dry)).toEqual(outcome(real));
    expect(first.records.length).toBe(300);
    const clash = await db.prisma.contract.findUnique({ where: { ocid: b!.ocid } });
    expect(clash?.reference).toBe(b!.ocid);
  });

  it("answers another request while a 2,000-record dry run is under way", async () => {
    const gql = graphqlClient(db.prisma);
    const finished: string[] = [];
    const importing = gql(`mutation ($json: JSON!) { importOcds(json: $json, dryRun: true) { created } }`, {
      json: pkg(2_000, "big"),
    }).then((r) => {
      expect(r.errors).toBeUndefined();
      finished.push("import");
    });
    await new Promise((r) => setImmediate(r));
    await gql(`{ organisations { code } }`).then((r) => {
      expect(r.data?.organisations.length).toBeGreaterThan(0);
      finished.push("query");
    });
    await importing;
    expect(finished).toEqual(["query", "import"]);
  });
});
