// Commercial figures are procurement-sensitive: only roles with readCommercialValues in the row's own
// organisation (or the shared service's ADMIN) see contract values, licence prices and costs, an
// organisation's licence spend, and the money in the audit snapshots of contracts and licences.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { Role } from "../../generated/prisma/client.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import {
  createOrgs,
  createProduct,
  createUser,
  gql,
  newApp,
  ok,
  resetDatabase,
  signIn,
  type App,
  type Credentials,
} from "./fixtures.ts";
import { SUBJECTS, type Subject } from "./role-table.ts";

/** Who sees SCC's commercial figures: the policy the README states. */
const SEES_SCC_VALUES: Record<Subject, boolean> = {
  VIEWER: false,
  EDITOR: false,
  PROCUREMENT: true,
  PLANNER: true,
  APPROVER: true,
  ADMIN: true,
  SHARED_SERVICE_ADMIN: true,
};

const CONTRACT_FIELDS = `reference valuesVisible value annualValue`;
const CONTRACTS = `{ contracts { edges { node { ${CONTRACT_FIELDS} } } } }`;
const ONE = `query ($id: ID!) { contract(id: $id) { ${CONTRACT_FIELDS} } node(id: $id) { ... on Contract { ${CONTRACT_FIELDS} } } }`;
const TRAIL = `query ($id: ID!) { auditTrail(entityId: $id) { action before after valuesVisible } }`;
const EVENTS = `query ($type: String) { auditEvents(filter: { entityType: $type }, first: 100) { edges { node { entityType organisation { code } before after } } } }`;
const CREATE = `mutation ($input: CreateContractInput!) { createContract(input: $input) { id version } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!) { updateContract(id: $id, version: $version, patch: { annualValue: "130000" }) { id } }`;
const CREATE_LICENCE = `mutation ($input: CreateLicenceInput!) { createLicence(input: $input) { id version } }`;
const UPDATE_LICENCE = `mutation ($id: ID!, $version: Int!) { updateLicence(id: $id, version: $version, patch: { quantityOwned: 12, annualCost: "1300" }) { id } }`;
const LICENCES = `query ($org: [String!]) { licences(filter: { organisation: $org }) { edges { node { organisation { code } valuesVisible unitCost annualCost quantityOwned } } } }`;
const SUMMARY = `{ organisations { code summary { licenceSpend valuesVisible licenceCount annualRunCost } } }`;

describe.each(engines())("commercial figures of contracts and licences on %s", (engine) => {
  let db: TestDatabase;
  let app: App;
  const callers = {} as Record<Subject, Credentials>;
  const ids = {} as Record<"SCC" | "DCC", string>;
  const licenceIds = {} as Record<"SCC" | "DCC", string>;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    const orgs = await createOrgs(db.prisma);
    const product = await createProduct(db.prisma);
    app = newApp(db.prisma);
    for (const subject of SUBJECTS) {
      const email = `${subject.toLowerCase().replace(/_/g, "-")}@example.gov.uk`;
      await createUser(
        db.prisma,
        email,
        subject === "SHARED_SERVICE_ADMIN" ? [[orgs.SHS, "ADMIN"]] : [[orgs.SCC, subject as Role]],
      );
      callers[subject] = await signIn(app, email);
    }
    // Created through the API (by the shared service's ADMIN) so that the audit trail has snapshots.
    for (const code of ["SCC", "DCC"] as const) {
      const input = {
        organisation: code,
        reference: `${code}-WAN`,
        title: "Wide area network",
        value: "360000",
        annualValue: "120000",
      };
      const created = ok(await gql(app, callers.SHARED_SERVICE_ADMIN, CREATE, { input })).createContract;
      ok(await gql(app, callers.SHARED_SERVICE_ADMIN, UPDATE, { id: created.id, version: created.version }));
      ids[code] = created.id;
      const licence = ok(
        await gql(app, callers.SHARED_SERVICE_ADMIN, CREATE_LICENCE, {
          input: {
            organisation: code,
            product: `Product:${product.id}`,
            contract: created.id,
            metric: "USER",
            quantityOwned: 10,
            quantityUsed: 9,
            unitCost: "100",
            annualCost: "1200",
          },
        }),
      ).createLicence;
      ok(await gql(app, callers.SHARED_SERVICE_ADMIN, UPDATE_LICENCE, licence));
      licenceIds[code] = licence.id;
    }
    ok(
      await gql(
        app,
        callers.SHARED_SERVICE_ADMIN,
        `mutation { createSite(input: { organisation: "SCC", name: "Depot", kind: OFFICE }) { id } }`,
      ),
    );
  });
  afterAll(() => db?.close());

  const visible = (reference: string) => ({
    reference,
    valuesVisible: true,
    value: "360000.00",
    annualValue: "130000.00",
  });
  const hidden = (reference: string) => ({ reference, valuesVisible: false, value: null, annualValue: null });

  it.each(SUBJECTS)("shows an SCC %s exactly the values the role table allows", async (subject) => {
    const sccSees = SEES_SCC_VALUES[subject];
    const dccSees = subject === "SHARED_SERVICE_ADMIN";
    const list = ok(await gql(app, callers[subject], CONTRACTS)).contracts.edges.map(
      (e: { node: unknown }) => e.node,
    );
    expect(list).toEqual([
      dccSees ? visible("DCC-WAN") : hidden("DCC-WAN"),
      sccSees ? visible("SCC-WAN") : hidden("SCC-WAN"),
    ]);
    const one = ok(await gql(app, callers[subject], ONE, { id: ids.SCC }));
    expect(one.contract).toEqual(sccSees ? visible("SCC-WAN") : hidden("SCC-WAN"));
    expect(one.node).toEqual(one.contract);
  });

  it("hides DCC's contract values from SCC's PROCUREMENT user", async () => {
    const one = ok(await gql(app, callers.PROCUREMENT, ONE, { id: ids.DCC }));
    expect(one.contract).toEqual(hidden("DCC-WAN"));
  });

  it.each(SUBJECTS)(
    "shows an SCC %s licence prices and costs only where the role table allows",
    async (subject) => {
      const dccSees = subject === "SHARED_SERVICE_ADMIN";
      const list = ok(await gql(app, callers[subject], LICENCES)).licences.edges.map(
        (e: { node: any }) => e.node,
      );
      const row = (code: "SCC" | "DCC", sees: boolean) => ({
        organisation: { code },
        quantityOwned: 12,
        ...(sees
          ? { valuesVisible: true, unitCost: "100.00", annualCost: "1300.00" }
          : { valuesVisible: false, unitCost: null, annualCost: null }),
      });
      expect(list).toEqual(
        expect.arrayContaining([row("SCC", SEES_SCC_VALUES[subject]), row("DCC", dccSees)]),
      );
      const summary = ok(await gql(app, callers[subject], SUMMARY)).organisations;
      const spend = (code: string) => summary.find((o: any) => o.code === code).summary;
      expect(spend("SCC")).toMatchObject(
        SEES_SCC_VALUES[subject]
          ? { licenceSpend: "1300.00", valuesVisible: true }
          : { licenceSpend: null, valuesVisible: false },
      );
      expect(spend("DCC")).toMatchObject(
        dccSees
          ? { licenceSpend: "1300.00", valuesVisible: true }
          : { licenceSpend: null, valuesVisible: false },
      );
      // Counts and inventory figures stay visible to every reader.
      expect(spend("DCC")).toMatchObject({ licenceCount: 1, annualRunCost: "0.00" });
    },
  );

  it("orders a list of licences by cost only for a caller who may see every cost in it", async () => {
    // Both licences have 12 seats; cost order is by cost, seat order by id: compare the cursors' sort key.
    const key = (cursor: string) => JSON.parse(Buffer.from(cursor, "base64url").toString())[0];
    const QUERY = `query ($org: [String!]) { licences(filter: { organisation: $org }) { edges { cursor } } }`;
    const mixed = ok(await gql(app, callers.PROCUREMENT, QUERY)).licences.edges;
    expect(mixed.map((e: { cursor: string }) => key(e.cursor))).toEqual([12, 12]);
    const own = ok(await gql(app, callers.PROCUREMENT, QUERY, { org: ["SCC"] })).licences.edges;
    expect(own.map((e: { cursor: string }) => key(e.cursor))).toEqual([{ bigint: "130000" }]);
    const viewer = ok(await gql(app, callers.VIEWER, QUERY, { org: ["SCC"] })).licences.edges;
    expect(viewer.map((e: { cursor: string }) => key(e.cursor))).toEqual([12]);
  });

  it.each(SUBJECTS)(
    "shows an SCC %s the money in contract and licence audit snapshots only where it may see it",
    async (subject) => {
      for (const code of ["SCC", "DCC"] as const) {
        const sees = code === "SCC" ? SEES_SCC_VALUES[subject] : subject === "SHARED_SERVICE_ADMIN";
        const trail = ok(await gql(app, callers[subject], TRAIL, { id: ids[code] })).auditTrail as {
          action: string;
          before: any;
          after: any;
          valuesVisible: boolean;
        }[];
        expect(trail.map((e) => [e.action, e.valuesVisible])).toEqual([
          ["CREATE", sees],
          ["UPDATE", sees],
        ]);
        expect(trail[1]!.after).toMatchObject({ reference: `${code}-WAN`, title: "Wide area network" });
        if (sees) {
          expect(trail[0]!.after).toMatchObject({ valuePence: "36000000", annualValuePence: "12000000" });
          expect(trail[1]!.before).toMatchObject({ annualValuePence: "12000000" });
          expect(trail[1]!.after).toMatchObject({ annualValuePence: "13000000" });
        } else {
          expect(trail[0]!.before).toBeNull();
          for (const snapshot of [trail[0]!.after, trail[1]!.before, trail[1]!.after])
            expect(snapshot, `${code} contract snapshot`).toMatchObject({
              valuePence: null,
              annualValuePence: null,
            });
        }
        const licence = ok(await gql(app, callers[subject], TRAIL, { id: licenceIds[code] })).auditTrail;
        expect(licence[1].before.quantityOwned).toBe(10);
        expect(licence[1].after.quantityOwned).toBe(12);
        expect([licence[1].before.annualCostPence, licence[1].after.annualCostPence]).toEqual(
          sees ? ["120000", "130000"] : [null, null],
        );
        expect(licence[1].after.unitCostPence).toBe(sees ? "10000" : null);
      }
      const events = ok(await gql(app, callers[subject], EVENTS, { type: "Contract" })).auditEvents.edges.map(
        (e: { node: any }) => e.node,
      );
      expect(events).toHaveLength(4);
      for (const e of events) {
        const sees =
          e.organisation.code === "SCC" ? SEES_SCC_VALUES[subject] : subject === "SHARED_SERVICE_ADMIN";
        expect(e.after.annualValuePence === null, `${e.organisation.code} snapshot hidden`).toBe(!sees);
      }
    },
  );

  it("leaves the snapshots of other entities visible to every role", async () => {
    const events = ok(await gql(app, callers.VIEWER, EVENTS, { type: "Site" })).auditEvents.edges;
    expect(events).toHaveLength(1);
    expect(events[0].node.after).toMatchObject({ name: "Depot" });
  });
});
