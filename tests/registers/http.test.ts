// The registers over HTTP: templates and exports for anyone with a role, imports as the request body from
// our own pages or with an API token (a cross-origin page cannot send one), progress as server-sent
// events, every problem in the answer, and only EDITORs' organisations written.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { createOrgs, createUser, gql, newApp, ok, resetDatabase, signIn, type App, type Credentials, type Orgs } from "../auth/fixtures.ts";

const OWN = "http://localhost";
const SITES = "Organisation,Name,Kind,Annual cost\nSCC,Doxford,Data centre,\"£1,000.00\"\nSCC,City Hall,Comms room,\n";

describe.each(engines())("register files over HTTP on %s", (engine) => {
  let db: TestDatabase;
  let app: App;
  let orgs: Orgs;
  let editor: Credentials;
  let viewer: Credentials;
  let token: string;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    orgs = await createOrgs(db.prisma);
    await createUser(db.prisma, "editor@scc.test", [[orgs.SCC, "EDITOR"]]);
    await createUser(db.prisma, "viewer@dcc.test", [[orgs.DCC, "VIEWER"]]);
  });
  afterAll(() => db?.close());
  beforeEach(async () => {
    await db.prisma.asset.deleteMany();
    await db.prisma.site.deleteMany();
    app = newApp(db.prisma);
    editor = await signIn(app, "editor@scc.test");
    viewer = await signIn(app, "viewer@dcc.test");
    token = ok(await gql(app, editor, `mutation { createApiToken(name: "import", expiresInDays: 30) { token } }`)).createApiToken.token;
  });

  const upload = (credentials: Credentials, body: string, headers: Record<string, string>, query = "") =>
    app.request(`/registers/import${query ? `${query}&register=sites` : "?register=sites"}`, { method: "POST", body, headers: { ...credentials.headers, ...headers } });

  it("refuses anonymous callers and a cross-origin page, and a form body even from our own pages", async () => {
    expect((await app.request("/registers/template.xlsx")).status).toBe(401);
    const cross = await upload(editor, SITES, { "content-type": "text/csv", "sec-fetch-site": "cross-site", origin: "http://evil.test" });
    expect(cross.status).toBe(403);
    const form = await upload(editor, SITES, { "content-type": "text/plain", "sec-fetch-site": "same-origin", origin: OWN });
    expect(form.status).toBe(403);
    expect(await db.prisma.site.count()).toBe(0);
  });

  it("imports a CSV from our own page, writes only what the user may edit, and a dry run writes nothing", async () => {
    const dry = await upload(editor, SITES, { "content-type": "text/csv", "sec-fetch-site": "same-origin" }, "?dryRun=true");
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ dryRun: true, written: false, registers: [{ register: "sites", created: 2 }] });
    expect(await db.prisma.site.count()).toBe(0);
    const refused = await upload(viewer, SITES, { "content-type": "text/csv", "sec-fetch-site": "same-origin" });
    const report = await refused.json();
    expect(report).toMatchObject({ written: false, problemCount: 1 });
    expect(report.problems[0].reason).toMatch(/you may not change SCC's sites/);
    const done = await upload(editor, SITES, { "content-type": "text/csv", "sec-fetch-site": "same-origin" });
    expect(await done.json()).toMatchObject({ written: true, registers: [{ created: 2 }] });
    const audit = await db.prisma.auditEvent.findMany({ where: { entityType: "Site" } });
    expect(audit.map((a) => a.actor)).toEqual(["editor@scc.test", "editor@scc.test"]);
  });

  it("streams progress and the report as server-sent events to a script with an API token", async () => {
    const rows = ["Organisation,Name,Kind"];
    for (let i = 0; i < 2500; i++) rows.push(`SCC,Room ${i},Comms room`);
    const res = await upload({ headers: { authorization: `Bearer ${token}` } }, rows.join("\n"), { "content-type": "text/csv", accept: "text/event-stream" });
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const text = await res.text();
    const events = [...text.matchAll(/event: (\w+)\ndata: (.*)\n/g)].map((m) => ({ event: m[1], data: JSON.parse(m[2]!) }));
    expect(events.some((e) => e.event === "progress" && e.data.phase === "reading")).toBe(true);
    expect(events.at(-1)).toMatchObject({ event: "report", data: { written: true, registers: [{ created: 2500 }] } });
    expect(await db.prisma.site.count()).toBe(2500);
  });

  it("serves templates and exports that re-import unchanged, filtered by organisation", async () => {
    const template = await app.request("/registers/template.xlsx", { headers: viewer.headers });
    expect(template.headers.get("content-disposition")).toMatch(/attachment; filename="converge-registers-template.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await template.arrayBuffer()) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Sites", "Assets", "Dependencies", "Allowed values"]);
    const csvTemplate = Buffer.from(await (await app.request("/registers/assets/template.csv", { headers: viewer.headers })).arrayBuffer());
    expect([...csvTemplate.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a byte-order mark: Excel reads UTF-8
    expect(csvTemplate.toString("utf8", 3)).toMatch(/^Organisation,Name,Kind/);
    await upload(editor, SITES, { "content-type": "text/csv", "sec-fetch-site": "same-origin" });
    const exported = await (await app.request("/registers/sites/export.csv?organisation=SCC", { headers: viewer.headers })).text();
    expect(exported.trim().split("\r\n")).toHaveLength(3);
    expect(exported).toContain("SCC,Doxford,Data centre");
    expect(await (await app.request("/registers/sites/export.csv?organisation=DCC", { headers: viewer.headers })).text()).not.toContain("Doxford");
    const again = await upload(editor, exported, { "content-type": "text/csv", "sec-fetch-site": "same-origin" });
    expect(await again.json()).toMatchObject({ written: true, registers: [{ created: 0, updated: 0, unchanged: 2 }] });
    const unknown = await app.request("/registers/sites/export.csv?organisation=XYZ", { headers: viewer.headers });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors[0].message).toMatch(/no organisation has the code XYZ/);
    const xlsx = await app.request("/registers/export.xlsx", { headers: viewer.headers });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.arrayBuffer()) as never);
    expect(book.getWorksheet("Sites")!.rowCount).toBe(3);
  });
});
