// Impact and site impact through the API on a hand-built estate with every dependency type: what STOPS
// (through needs) and, apart, what only LOSES_RECOVERY (a REPLICATES_TO or BACKS_UP_TO on the way) when a
// DR SAN, a primary SAN, a database or a whole DR site goes. Every expected line is worked out by hand
// from the edges below.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient, type GqlResult } from "../support/graphql.ts";

const assetId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const edgeId = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, "0")}`;

/** name, kind, site — numbered from 1 in this order (ids sort the same way). */
const ASSETS = [
  ["san", "STORAGE", "primary"], // 1
  ["drSan", "STORAGE", "dr"], // 2
  ["vault", "STORAGE", "dr"], // 3: the backup library
  ["lan", "NETWORK", "primary"], // 4
  ["drLan", "NETWORK", "dr"], // 5
  ["cluster", "COMPUTE_CLUSTER", "primary"], // 6
  ["vm", "SERVER", null], // 7
  ["db", "DATABASE", null], // 8
  ["dbStandby", "DATABASE", "dr"], // 9
  ["idp", "APPLICATION", null], // 10
  ["app", "APPLICATION", null], // 11
  ["portal", "END_USER_SERVICE", null], // 12
] as const;
/** "source TYPE target", e1 … e13: every dependency type at least once. */
const EDGES = [
  "cluster STORES_DATA_ON san", // e1
  "cluster CONNECTS_TO lan", // e2
  "vm RUNS_ON cluster", // e3
  "db RUNS_ON vm", // e4
  "app DEPENDS_ON db", // e5
  "portal AUTHENTICATES_VIA idp", // e6
  "idp HOSTED_IN cluster", // e7
  "san REPLICATES_TO drSan", // e8
  "san BACKS_UP_TO vault", // e9
  "drSan CONNECTS_TO drLan", // e10
  "db REPLICATES_TO dbStandby", // e11
  "dbStandby STORES_DATA_ON drSan", // e12
  "portal DEPENDS_ON app", // e13
];

const NAMES: string[] = ASSETS.map(([name]) => name);
const gidOf = (name: string) => `Asset:${assetId(NAMES.indexOf(name) + 1)}`;
const nameOf = (gid: string) => NAMES[Number(gid.slice(-12)) - 1];
const edgeName = (gid: string) => `e${Number(gid.slice(-12))}`;

async function buildEstate(prisma: PrismaClient): Promise<{ primary: string; dr: string }> {
  const org = randomUUID();
  await prisma.organisation.create({ data: { id: org, code: "SCC", name: "SCC council", kind: "COUNCIL" } });
  const sites = { primary: randomUUID(), dr: randomUUID() };
  for (const [key, name] of [
    ["primary", "Primary DC"],
    ["dr", "DR DC"],
  ] as const) {
    await prisma.site.create({ data: { id: sites[key], organisationId: org, name, kind: "DATA_CENTRE" } });
  }
  await prisma.asset.createMany({
    data: ASSETS.map(([name, kind, site], i) => ({
      id: assetId(i + 1),
      organisationId: org,
      siteId: site ? sites[site] : null,
      name,
      kind,
      criticality: "HIGH",
    })),
  });
  await prisma.dependency.createMany({
    data: EDGES.map((spec, i) => {
      const [source, type, target] = spec.split(" ");
      return {
        id: edgeId(i + 1),
        sourceId: assetId(NAMES.indexOf(source!) + 1),
        targetId: assetId(NAMES.indexOf(target!) + 1),
        type: type as never,
      };
    }),
  });
  return sites;
}

function ok<T = any>(result: GqlResult<T>): T {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

type Entry = { assetId: string; distance: number; effect: string; path: { id: string }[] };
/** Entries as "name distance EFFECT e1,e2" lines. */
const lines = (entries: Entry[]) =>
  entries.map((e) =>
    `${nameOf(e.assetId)} ${e.distance} ${e.effect} ${e.path.map((p) => edgeName(p.id)).join(",")}`.trim(),
  );

const IMPACT = `query ($id: ID!, $direction: ImpactDirection, $edgeTypes: [DependencyType!], $effects: [ImpactEffect!]) {
  impact(assetId: $id, direction: $direction, edgeTypes: $edgeTypes, effects: $effects) {
    count entries { assetId distance effect path { id } } } }`;
const SITE_IMPACT = `query ($id: ID!, $edgeTypes: [DependencyType!], $effects: [ImpactEffect!]) {
  siteImpact(siteId: $id, edgeTypes: $edgeTypes, effects: $effects) {
  count entries { assetId distance effect origin { name } path { id } } } }`;
const BOTH = ["STOPS", "LOSES_RECOVERY"];

describe.each(engines())("impact effects through the API on %s", (engine) => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let sites: { primary: string; dr: string };
  const impact = async (name: string, variables: Record<string, unknown> = {}) =>
    ok(await gql(IMPACT, { id: gidOf(name), ...variables })).impact;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    gql = graphqlClient(db.prisma);
    sites = await buildEstate(db.prisma);
  });
  afterAll(() => db?.close());

  it("says only the standby stored on it stops if the DR SAN goes (the default answer)", async () => {
    const r = await impact("drSan");
    expect(r.count).toBe(1);
    expect(lines(r.entries)).toEqual(["dbStandby 1 STOPS e12"]);
  });

  it("lists apart everything whose recovery copy the DR SAN held, with the recovery edge in its chain", async () => {
    const r = await impact("drSan", { effects: BOTH });
    expect(lines(r.entries)).toEqual([
      "san 1 LOSES_RECOVERY e8",
      "dbStandby 1 STOPS e12",
      "cluster 2 LOSES_RECOVERY e8,e1",
      "db 2 LOSES_RECOVERY e12,e11", // its standby stops, so its replica is gone
      "vm 3 LOSES_RECOVERY e8,e1,e3",
      "idp 3 LOSES_RECOVERY e8,e1,e7",
      "app 3 LOSES_RECOVERY e12,e11,e5",
      "portal 4 LOSES_RECOVERY e8,e1,e7,e6",
    ]);
    const lost = await impact("drSan", { effects: ["LOSES_RECOVERY"] });
    expect(lines(lost.entries)).toEqual(lines(r.entries).filter((l) => l.includes("LOSES_RECOVERY")));
  });

  it("says the primary SAN stops everything above it, through every kind of need, and nothing only loses a copy", async () => {
    const stops = await impact("san");
    expect(lines(stops.entries)).toEqual([
      "cluster 1 STOPS e1",
      "vm 2 STOPS e1,e3",
      "idp 2 STOPS e1,e7", // HOSTED_IN
      "db 3 STOPS e1,e3,e4",
      "portal 3 STOPS e1,e7,e6", // AUTHENTICATES_VIA
      "app 4 STOPS e1,e3,e4,e5", // DEPENDS_ON
    ]);
    expect((await impact("san", { effects: BOTH })).entries).toEqual(stops.entries);
    expect(lines((await impact("lan")).entries)[0]).toBe("cluster 1 STOPS e2"); // CONNECTS_TO
  });

  it("lists upstream what a database needs and, apart, where its recovery copies are and what they need", async () => {
    const r = await impact("db", { direction: "UPSTREAM", effects: BOTH });
    expect(lines(r.entries)).toEqual([
      "vm 1 STOPS e4",
      "dbStandby 1 LOSES_RECOVERY e11",
      "cluster 2 STOPS e4,e3",
      "drSan 2 LOSES_RECOVERY e11,e12",
      "san 3 STOPS e4,e3,e1",
      "lan 3 STOPS e4,e3,e2",
      "drLan 3 LOSES_RECOVERY e11,e12,e10",
      "vault 4 LOSES_RECOVERY e4,e3,e1,e9",
    ]);
    expect(lines((await impact("db", { direction: "UPSTREAM" })).entries)).toEqual(
      lines(r.entries).filter((l) => l.includes("STOPS")),
    );
  });

  it("follows only the recovery types asked for", async () => {
    const r = await impact("drSan", { effects: ["LOSES_RECOVERY"], edgeTypes: ["REPLICATES_TO"] });
    expect(lines(r.entries)).toEqual(["san 1 LOSES_RECOVERY e8"]);
    const backups = await impact("vault", { effects: BOTH, edgeTypes: ["BACKS_UP_TO", "STORES_DATA_ON"] });
    expect(lines(backups.entries)).toEqual(["san 1 LOSES_RECOVERY e9", "cluster 2 LOSES_RECOVERY e9,e1"]);
  });

  it("says what stops and what loses its copy if the DR site closes", async () => {
    const stops = ok(await gql(SITE_IMPACT, { id: `Site:${sites.dr}` })).siteImpact;
    expect(lines(stops.entries)).toEqual([
      "drSan 0 STOPS",
      "vault 0 STOPS",
      "drLan 0 STOPS",
      "dbStandby 0 STOPS",
    ]);
    const both = ok(await gql(SITE_IMPACT, { id: `Site:${sites.dr}`, effects: BOTH })).siteImpact;
    expect(both.count).toBe(11);
    expect(
      both.entries
        .slice(4)
        .map((e: Entry & { origin: { name: string } }) => `${lines([e])[0]} from ${e.origin.name}`),
    ).toEqual([
      "san 1 LOSES_RECOVERY e8 from drSan",
      "db 1 LOSES_RECOVERY e11 from dbStandby",
      "cluster 2 LOSES_RECOVERY e8,e1 from drSan",
      "app 2 LOSES_RECOVERY e11,e5 from dbStandby",
      "vm 3 LOSES_RECOVERY e8,e1,e3 from drSan",
      "idp 3 LOSES_RECOVERY e8,e1,e7 from drSan",
      "portal 3 LOSES_RECOVERY e11,e5,e13 from dbStandby",
    ]);
  });

  it("finds nothing that only loses a copy when the primary site closes: its copies live elsewhere", async () => {
    const both = ok(await gql(SITE_IMPACT, { id: `Site:${sites.primary}`, effects: BOTH })).siteImpact;
    expect(both.entries.map((e: Entry) => e.effect)).not.toContain("LOSES_RECOVERY");
    expect(lines(both.entries)).toEqual(
      lines(ok(await gql(SITE_IMPACT, { id: `Site:${sites.primary}` })).siteImpact.entries),
    );
    expect(both.count).toBe(8); // san, lan, cluster; vm, idp; db, portal; app
  });

  it.each([
    ["an empty effects list", { effects: [] }, "effects"],
    ["STOPS along recovery types only", { edgeTypes: ["REPLICATES_TO", "BACKS_UP_TO"] }, "edgeTypes"],
  ])("refuses %s, naming the argument", async (_what, variables, field) => {
    const r = await gql(IMPACT, { id: gidOf("san"), ...variables });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: "BAD_INPUT", field });
    const site = await gql(SITE_IMPACT, { id: `Site:${sites.dr}`, ...variables });
    expect(site.errors?.[0]?.extensions).toMatchObject({ code: "BAD_INPUT", field });
  });
});
