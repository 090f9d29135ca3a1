// Contract values are procurement-sensitive: only roles with readContractValues in the contract's own
// organisation (or the shared service's ADMIN) see value, annualValue and the audit snapshots of contracts.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { Role } from "../../generated/prisma/client.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import {
  createOrgs,
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

/** Who sees SCC's contract values: the policy the README states. */
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
const TRAIL = `query ($id: ID!) { auditTrail(entityId: $id) { action before after } }`;
const EVENTS = `query ($type: String) { auditEvents(filter: { entityType: $type }, first: 100) { edges { node { entityType organisation { code } before after } } } }`;
const CREATE = `mutation ($input: CreateContractInput!) { createContract(input: $input) { id version } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!) { updateContract(id: $id, version: $version, patch: { annualValue: "130000" }) { id } }`;

describe.each(engines())("contract values on %s", (engine) => {
  let db: TestDatabase;
  let app: App;
  const callers = {} as Record<Subject, Credentials>;
  const ids = {} as Record<"SCC" | "DCC", string>;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    const orgs = await createOrgs(db.prisma);
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

  it("hides DCC's values from SCC's PROCUREMENT user", async () => {
    const one = ok(await gql(app, callers.PROCUREMENT, ONE, { id: ids.DCC }));
    expect(one.contract).toEqual(hidden("DCC-WAN"));
  });

  it.each(SUBJECTS)(
    "shows an SCC %s contract audit snapshots only where it may see the values",
    async (subject) => {
      for (const code of ["SCC", "DCC"] as const) {
        const sees = code === "SCC" ? SEES_SCC_VALUES[subject] : subject === "SHARED_SERVICE_ADMIN";
        const trail = ok(await gql(app, callers[subject], TRAIL, { id: ids[code] })).auditTrail as {
          action: string;
          before: any;
          after: any;
        }[];
        expect(trail.map((e) => e.action)).toEqual(["CREATE", "UPDATE"]);
        if (sees) {
          expect(trail[0]!.after).toMatchObject({ valuePence: "36000000", annualValuePence: "12000000" });
          expect(trail[1]!.before).toMatchObject({ annualValuePence: "12000000" });
          expect(trail[1]!.after).toMatchObject({ annualValuePence: "13000000" });
        } else {
          for (const e of trail)
            expect({ before: e.before, after: e.after }, `${code} contract snapshot`).toEqual({
              before: null,
              after: null,
            });
        }
      }
      const events = ok(await gql(app, callers[subject], EVENTS, { type: "Contract" })).auditEvents.edges.map(
        (e: { node: any }) => e.node,
      );
      expect(events).toHaveLength(4);
      for (const e of events) {
        const sees =
          e.organisation.code === "SCC" ? SEES_SCC_VALUES[subject] : subject === "SHARED_SERVICE_ADMIN";
        expect(e.after === null, `${e.organisation.code} snapshot hidden`).toBe(!sees);
      }
    },
  );

  it("leaves the snapshots of other entities visible to every role", async () => {
    const events = ok(await gql(app, callers.VIEWER, EVENTS, { type: "Site" })).auditEvents.edges;
    expect(events).toHaveLength(1);
    expect(events[0].node.after).toMatchObject({ name: "Depot" });
  });
});
