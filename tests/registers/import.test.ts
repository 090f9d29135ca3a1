// Importing site and asset registers: messy real-world files read right, every problem reported before
// anything is written, all or nothing, the same file twice changes nothing, changes are audited, a row
// changed in Converge since its export is a conflict, and only what the importer's roles allow is written.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "../../server/shared/actor.ts";
import { importRegisters, type ImportReport } from "../../server/registers/import.ts";
import { xlsxTemplate } from "../../server/registers/templates.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { createOrganisations, OPERATOR } from "../api/fixtures.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "converge-registers-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let fileNo = 0;
async function csv(text: string): Promise<string> {
  const path = join(dir, `f${++fileNo}.csv`);
  await writeFile(path, text);
  return path;
}

const MESSY_SITES =
  "\uFEFFsite name ,ORGANISATION,Type, Annual Cost ,Lease end,racks,racks used,Power kW\r\n" +
  "\r\n" +
  " Doxford DC , scc ,Data centre,\"£1,250,000.00\",31/03/2031,60,41,400\r\n" +
  "City Hall comms room,SCC,comms-room,\"12,500\",46477,,,\r\n" +
  ",,,,,,,\r\n" +
  "County Hall,DCC,DC,£300000.5,2030-09-30,40,12,250.5\r\n";

const MESSY_ASSETS =
  "Application Name,Asset type,Location,Annual run cost,Support end date,Criticality,Organisation,Storage TB,Storage used TB\n" +
  "Revenues and Benefits ,Application,doxford dc,\"£48,000\",30/09/2028,high,SCC,,\n" +
  "Primary SAN,SAN,Doxford DC,\"£120,000.00\",,Critical,SCC,500,312.5\n" +
  "Mosaic,app,County Hall,£91000,,,DCC,,\n";

async function fingerprint(db: TestDatabase) {
  const [sites, assets, audits] = await Promise.all([db.prisma.site.count(), db.prisma.asset.count(), db.prisma.auditEvent.count()]);
  return { sites, assets, audits };
}

const summary = (r: ImportReport) => r.registers.map((x) => `${x.register}: +${x.created} ~${x.updated} =${x.unchanged} !${x.refused}`);

for (const engine of engines()) {
  describe(`register import (${engine})`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openTestDatabase(engine);
    });
    afterAll(async () => {
      await db?.close();
    });
    beforeEach(async () => {
      await db.truncate();
      await createOrganisations(db.prisma);
    });

    it("reads messy registers (any column order, header case, synonyms, blank rows, £, separators, UK and Excel dates, a BOM) and writes them with audit events", async () => {
      const sites = await importRegisters(db.prisma, OPERATOR, await csv(MESSY_SITES));
      expect(sites.problems).toEqual([]);
      expect(summary(sites)).toEqual(["sites: +3 ~0 =0 !0"]);
      const assets = await importRegisters(db.prisma, OPERATOR, await csv(MESSY_ASSETS));
      expect(assets.problems).toEqual([]);
      expect(summary(assets)).toEqual(["assets: +3 ~0 =0 !0"]);
      const doxford = await db.prisma.site.findFirstOrThrow({ where: { name: "Doxford DC" }, include: { organisation: true } });
      expect(doxford).toMatchObject({ kind: "DATA_CENTRE", annualCostPence: 125_000_000n, racks: 60, racksUsed: 41, powerKw: 400 });
      expect(doxford.organisation.code).toBe("SCC");
      expect(doxford.leaseEnd?.toISOString().slice(0, 10)).toBe("2031-03-31");
      const cityHall = await db.prisma.site.findFirstOrThrow({ where: { name: "City Hall comms room" } });
      expect(cityHall.leaseEnd?.toISOString().slice(0, 10)).toBe("2027-03-31");
      expect(cityHall.annualCostPence).toBe(1_250_000n);
      expect((await db.prisma.site.findFirstOrThrow({ where: { name: "County Hall" } })).annualCostPence).toBe(30_000_050n);
      const san = await db.prisma.asset.findFirstOrThrow({ where: { name: "Primary SAN" } });
      expect(san).toMatchObject({ kind: "STORAGE", criticality: "CRITICAL", siteId: doxford.id, storageTb: 500, storageUsedTb: 312.5, annualRunCostPence: 12_000_000n });
      const rb = await db.prisma.asset.findFirstOrThrow({ where: { name: "Revenues and Benefits" } });
      expect(rb).toMatchObject({ kind: "APPLICATION", criticality: "HIGH", siteId: doxford.id, version: 1 });
      expect(rb.supportEnd?.toISOString().slice(0, 10)).toBe("2028-09-30");
      const audits = await db.prisma.auditEvent.findMany({ where: { entityType: { in: ["Site", "Asset"] } } });
      expect(audits.map((a) => a.action)).toEqual(Array(6).fill("CREATE"));
      expect(audits.every((a) => a.actor === OPERATOR.email)).toBe(true);
    });

    it("importing the same file again changes nothing", async () => {
      const sitesFile = await csv(MESSY_SITES);
      const assetsFile = await csv(MESSY_ASSETS);
      await importRegisters(db.prisma, OPERATOR, sitesFile);
      await importRegisters(db.prisma, OPERATOR, assetsFile);
      const before = await fingerprint(db);
      expect(summary(await importRegisters(db.prisma, OPERATOR, sitesFile))).toEqual(["sites: +0 ~0 =3 !0"]);
      expect(summary(await importRegisters(db.prisma, OPERATOR, assetsFile))).toEqual(["assets: +0 ~0 =3 !0"]);
      expect(await fingerprint(db)).toEqual(before);
      expect((await db.prisma.site.findFirstOrThrow({ where: { name: "Doxford DC" } })).version).toBe(1);
    });

    it("reports every problem with sheet, row, column, value, reason and fix, and writes nothing", async () => {
      await importRegisters(db.prisma, OPERATOR, await csv(MESSY_SITES));
      const before = await fingerprint(db);
      const file = await csv(
        "Name,Kind,Organisation,Site,Annual run cost,Support end,Storage (TB),Storage used (TB),Colour\n" +
          "Good app,Application,SCC,Doxford DC,100,,,,blue\n" +
          "Bad money,Application,SCC,,12.345,,,,\n" +
          "Bad date,Application,SCC,,,31/02/2027,,,\n" +
          "Bad kind,Spreadsheet,SCC,,,,,,\n" +
          "No such site,Application,SCC,Bunker,,,,,\n" +
          "Over full,Storage,SCC,,,,10,12,\n" +
          "Good app,Application,SCC,,,,,,\n" +
          ",Application,SCC,,,,,,\n" +
          "Stranger,Application,XYZ,,,,,,\n",
      );
      const report = await importRegisters(db.prisma, OPERATOR, file);
      expect(report.written).toBe(false);
      expect(report.problems.map((p) => [p.row, p.column, p.value, p.reason])).toEqual([
        [1, "Colour", null, "is not a column of this register"],
        [3, "Annual run cost", "12.345", '"12.345" is not an amount of money'],
        [4, "Support end", "31/02/2027", '"31/02/2027" is not a date in the calendar'],
        [5, "Kind", "Spreadsheet", '"Spreadsheet" is not one of the allowed values'],
        [6, "Site", "Bunker", 'this organisation has no site named "Bunker"'],
        [7, "Storage used (TB)", "12", "storageUsedTb (12) cannot exceed storageTb (10)"],
        [8, "Name", "Good app", "repeats row 2 (the same asset of SCC)"],
        [9, "Name", null, "is required"],
        [10, "Organisation", "XYZ", '"XYZ" is not an organisation\'s code'],
      ]);
      expect(report.problems.every((p) => p.sheet === "Assets" && p.fix.length > 5)).toBe(true);
      expect(report.problems[6]!.fix).toBe("keep one row per Name");
      expect(report.problems[2]!.fix).toMatch(/dd\/mm\/yyyy/);
      expect(await fingerprint(db)).toEqual(before);
    });

    it("knows a workbook sheet with another name by its headers, and leaves out a sheet that fits no register", async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet("Notes").addRows([["Read me"], ["Filled by the estates team"]]);
      workbook.addWorksheet("Sheet2").addRows([
        ["Organisation", "Site name", "Type", "Racks"],
        ["SCC", "Hylton hub", "Schools network hub", 4],
      ]);
      const path = join(dir, "renamed.xlsx");
      await workbook.xlsx.writeFile(path);
      const report = await importRegisters(db.prisma, OPERATOR, path);
      expect(report.problems).toEqual([]);
      expect(summary(report)).toEqual(["sites: +1 ~0 =0 !0"]);
      expect((await db.prisma.site.findFirstOrThrow({ where: { name: "Hylton hub" } })).kind).toBe("SCHOOLS_NETWORK_HUB");
    });

    it("does not guess between registers whose columns a file's headers fit alike", async () => {
      const report = await importRegisters(db.prisma, OPERATOR, await csv("Organisation,Name,Kind\nSCC,Thing,Storage\n"));
      expect(report.problems).toEqual([
        { sheet: "CSV", row: 1, column: null, value: null, reason: "its headers fit the sites and the assets registers alike", fix: "choose the register (sites or assets), or add a column only one of them has" },
      ]);
      expect(summary(await importRegisters(db.prisma, OPERATOR, await csv("Organisation,Name,Kind\nSCC,Thing,Storage\n"), { register: "assets" }))).toEqual(["assets: +1 ~0 =0 !0"]);
    });

    it("a dry run says what would happen and writes nothing", async () => {
      const report = await importRegisters(db.prisma, OPERATOR, await csv(MESSY_SITES), { dryRun: true });
      expect(report).toMatchObject({ dryRun: true, written: false, problemCount: 0 });
      expect(summary(report)).toEqual(["sites: +3 ~0 =0 !0"]);
      expect(await db.prisma.site.count()).toBe(0);
    });

    it("nothing is written when one row late in a large file is bad", async () => {
      const lines = ["Organisation,Name,Kind,Annual run cost"];
      for (let i = 1; i <= 3000; i++) lines.push(`DCC,App ${i},Application,"£${i}000.00"`);
      lines[2990] = "DCC,App 2990,Application,£lots";
      const report = await importRegisters(db.prisma, OPERATOR, await csv(lines.join("\n")));
      expect(report.problemCount).toBe(1);
      expect(report.problems[0]).toMatchObject({ row: 2991, column: "Annual run cost", value: "£lots" });
      expect(await db.prisma.asset.count()).toBe(0);
      lines[2990] = "DCC,App 2990,Application,£2990";
      const fixed = await importRegisters(db.prisma, OPERATOR, await csv(lines.join("\n")), { organisation: "DCC" });
      expect(summary(fixed)).toEqual(["assets: +3000 ~0 =0 !0"]);
      expect((await db.prisma.asset.findFirstOrThrow({ where: { name: "App 3000" } })).annualRunCostPence).toBe(300_000_000n);
    });

    it("updates changed rows with an audit event, and refuses a row changed in Converge since its export", async () => {
      await importRegisters(db.prisma, OPERATOR, await csv(MESSY_SITES));
      const site = await db.prisma.site.findFirstOrThrow({ where: { name: "County Hall" } });
      const changed = await importRegisters(db.prisma, OPERATOR, await csv("Organisation,Name,Kind,Racks,Version\nDCC,County Hall,Data centre,44,1\n"));
      expect(summary(changed)).toEqual(["sites: +0 ~1 =0 !0"]);
      const after = await db.prisma.site.findUniqueOrThrow({ where: { id: site.id } });
      // Columns the file does not carry are cleared only when the file has the column: here only racks changed…
      expect(after).toMatchObject({ racks: 44, version: 2 });
      const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: site.id, action: "UPDATE" } });
      expect((audit.before as { racks: number }).racks).toBe(40);
      expect((audit.after as { racks: number }).racks).toBe(44);
      // …and a file exported at version 1 conflicts with version 2.
      const stale = await importRegisters(db.prisma, OPERATOR, await csv("Organisation,Name,Kind,Racks,Version\nDCC,County Hall,Data centre,50,1\n"));
      expect(stale.written).toBe(false);
      expect(stale.problems[0]).toMatchObject({ row: 2, column: "Version", value: "1" });
      expect(stale.problems[0]!.reason).toMatch(/changed in Converge since this file was exported .*version 1.* 2/);
      expect((await db.prisma.site.findUniqueOrThrow({ where: { id: site.id } })).racks).toBe(44);
    });

    it("a file that leaves columns out keeps what is stored in them; another organisation's site is named with its code", async () => {
      await importRegisters(db.prisma, OPERATOR, await csv(MESSY_SITES));
      await importRegisters(db.prisma, OPERATOR, await csv(MESSY_ASSETS));
      // Only name and criticality: the run cost, site, dates and capacities stay.
      const report = await importRegisters(db.prisma, OPERATOR, await csv("Name,Criticality\nPrimary SAN,High\n"), { organisation: "SCC" });
      expect(report.problems).toEqual([]);
      expect(summary(report)).toEqual(["assets: +0 ~1 =0 !0"]);
      const san = await db.prisma.asset.findFirstOrThrow({ where: { name: "Primary SAN" }, include: { site: true } });
      expect(san).toMatchObject({ criticality: "HIGH", kind: "STORAGE", annualRunCostPence: 12_000_000n, storageTb: 500, storageUsedTb: 312.5, version: 2 });
      expect(san.site?.name).toBe("Doxford DC");
      // DCC's DR SAN sits in SCC's Doxford data centre.
      const dr = await importRegisters(db.prisma, OPERATOR, await csv("Organisation,Name,Kind,Site\nDCC,DCC DR SAN,Storage,Doxford DC (SCC)\nDCC,Lost kit,Storage,Doxford DC (WBC)\n"));
      expect(dr.problems.map((p) => [p.row, p.column, p.reason])).toEqual([[3, "Site", 'WBC has no site named "Doxford DC"']]);
      const fixed = await importRegisters(db.prisma, OPERATOR, await csv("Organisation,Name,Kind,Site\nDCC,DCC DR SAN,Storage,Doxford DC (SCC)\n"));
      expect(summary(fixed)).toEqual(["assets: +1 ~0 =0 !0"]);
      const drSan = await db.prisma.asset.findFirstOrThrow({ where: { name: "DCC DR SAN" }, include: { site: { include: { organisation: true } } } });
      expect(drSan.site?.organisation.code).toBe("SCC");
      // Re-importing with the site column left out, or named the same way, changes nothing.
      expect(summary(await importRegisters(db.prisma, OPERATOR, await csv("Organisation,Name,Kind,Site\nDCC,DCC DR SAN,Storage,Doxford DC (SCC)\n")))).toEqual(["assets: +0 ~0 =1 !0"]);
    });

    it("imports dependencies between named assets, another organisation's target named with its code, and refuses impossible ones", async () => {
      await importRegisters(db.prisma, OPERATOR, await csv(MESSY_SITES));
      await importRegisters(db.prisma, OPERATOR, await csv(MESSY_ASSETS));
      await importRegisters(db.prisma, OPERATOR, await csv("Organisation,Name,Kind,Lifecycle\nSCC,Old SAN,Storage,Retired\n"), { register: "assets" });
      const file = await csv(
        "Source,Relationship,Target,Organisation\n" +
          "Revenues and Benefits,stores data on,Primary SAN,SCC\n" +
          "Mosaic,Backs up to,Primary SAN (SCC),DCC\n" +
          "Mosaic,Depends on,Mosaic,DCC\n" +
          "Revenues and Benefits,Replicates to,Old SAN,SCC\n" +
          "Revenues and Benefits,Depends on,Ghost,SCC\n" +
          "revenues and benefits,STORES_DATA_ON,primary san,SCC\n",
      );
      const refused = await importRegisters(db.prisma, OPERATOR, file);
      expect(refused.problems.map((p) => [p.row, p.column, p.reason])).toEqual([
        [4, "Target", "an asset cannot depend on itself"],
        [5, "Target", 'asset "Old SAN" is retired'],
        [6, "Target", 'this organisation has no asset named "Ghost"'],
        [7, "Source", "repeats row 2 (the same dependency of SCC)"],
      ]);
      expect(refused.problems[3]!.fix).toBe("keep one row per Source, Target, Relationship");
      expect(await db.prisma.dependency.count()).toBe(0);
      const good = await csv("Source,Relationship,Target,Organisation\nRevenues and Benefits,stores data on,Primary SAN,SCC\nMosaic,Backs up to,Primary SAN (SCC),DCC\n");
      expect(summary(await importRegisters(db.prisma, OPERATOR, good))).toEqual(["dependencies: +2 ~0 =0 !0"]);
      const edges = await db.prisma.dependency.findMany({ include: { source: true, target: true }, orderBy: { type: "asc" } });
      expect(edges.map((e) => `${e.source.name} ${e.type} ${e.target.name}`)).toEqual(["Revenues and Benefits STORES_DATA_ON Primary SAN", "Mosaic BACKS_UP_TO Primary SAN"]);
      const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "Dependency", entityId: edges[1]!.id } });
      expect(audit.organisationId).toBe(edges[1]!.source.organisationId);
      expect(summary(await importRegisters(db.prisma, OPERATOR, good))).toEqual(["dependencies: +0 ~0 =2 !0"]);
    });

    it("writes only the organisations the importer may edit, and says so once", async () => {
      const orgs = await db.prisma.organisation.findMany();
      const scc = orgs.find((o) => o.code === "SCC")!;
      const sccEditor: Actor = { id: "u1", email: "editor@scc.test", displayName: "SCC editor", roles: new Map([[scc.id, new Set(["EDITOR"] as const)]]), sharedAdmin: false, via: "session" };
      const report = await importRegisters(db.prisma, sccEditor, await csv(MESSY_SITES));
      expect(report.written).toBe(false);
      expect(report.problems).toHaveLength(1);
      expect(report.problems[0]!.reason).toMatch(/you may not change DCC's sites/);
      expect(await db.prisma.site.count()).toBe(0);
      const own = await importRegisters(db.prisma, sccEditor, await csv(MESSY_SITES.split("\r\n").filter((l) => !l.includes("DCC")).join("\r\n")));
      expect(summary(own)).toEqual(["sites: +2 ~0 =0 !0"]);
    });

    it("imports the XLSX template filled in: sites and the assets on them, in one workbook", async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await xlsxTemplate()) as never);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(["Sites", "Assets", "Dependencies", "Allowed values"]);
      workbook.getWorksheet("Assets")!.addRow(["DCC", "Payroll", "Application", "", "", "", "Active", "High", 25000.5, "", new Date(Date.UTC(2029, 0, 31))]);
      const path = join(dir, "filled.xlsx");
      await workbook.xlsx.writeFile(path);
      const report = await importRegisters(db.prisma, OPERATOR, path);
      expect(report.problems).toEqual([]);
      expect(summary(report)).toEqual(["sites: +1 ~0 =0 !0", "assets: +3 ~0 =0 !0", "dependencies: +1 ~0 =0 !0"]);
      const example = await db.prisma.asset.findFirstOrThrow({ where: { name: "Revenues and Benefits" }, include: { site: true } });
      expect(example.site?.name).toBe("Doxford data centre");
      const payroll = await db.prisma.asset.findFirstOrThrow({ where: { name: "Payroll" } });
      expect(payroll.annualRunCostPence).toBe(2_500_050n);
      expect(payroll.supportEnd?.toISOString().slice(0, 10)).toBe("2029-01-31");
    });

    it("reads a workbook whose workbook part comes after its sheets (writers append zip entries as they finish)", async () => {
      // The failure CI met once: exceljs's streaming reader threw "reading 'sheets'" on such a file.
      const template = await JSZip.loadAsync((await xlsxTemplate()) as Buffer);
      const names = Object.keys(template.files).filter((n) => !template.files[n]!.dir);
      const reordered = new JSZip();
      // Shared strings and styles first (the reader needs them before the cells), then the sheets, then the
      // workbook part: only the workbook part is out of place, whatever order the template was written in.
      const sheets = names.filter((n) => n.startsWith("xl/worksheets/"));
      const rest = names.filter((n) => n !== "xl/workbook.xml" && !sheets.includes(n));
      for (const n of [...rest, ...sheets, "xl/workbook.xml"])
        reordered.file(n, await template.file(n)!.async("uint8array"));
      const path = join(dir, "workbook-last.xlsx");
      await writeFile(path, await reordered.generateAsync({ type: "nodebuffer" }));
      expect(Object.keys((await JSZip.loadAsync(await readFile(path))).files).at(-1)).toBe("xl/workbook.xml");
      const report = await importRegisters(db.prisma, OPERATOR, path);
      expect(report.problems).toEqual([]);
      expect(summary(report)).toEqual(["sites: +1 ~0 =0 !0", "assets: +2 ~0 =0 !0", "dependencies: +1 ~0 =0 !0"]);
    });
  });
}
