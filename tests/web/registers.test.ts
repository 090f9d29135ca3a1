// The registers page as an editor uses it: download the workbook template, check a file with problems
// (every problem listed by sheet, row and column, nothing written), import the corrected file with a
// progress bar, see the same file change nothing the second time, and export it back. A viewer gets
// the downloads but no import.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphqlRequest } from "./server-fixture.ts";
import { openPage, shot, startHarness, userWithRoles, type Harness } from "./harness.ts";

let h: Harness;
let editor: Awaited<ReturnType<typeof userWithRoles>>;
let viewer: Awaited<ReturnType<typeof userWithRoles>>;
let dir: string;
beforeAll(async () => {
  h = await startHarness();
  editor = await userWithRoles(h, "SCC", ["EDITOR"], "Eddie Editor");
  viewer = await userWithRoles(h, "SCC", ["VIEWER"], "Vic Viewer");
  dir = await mkdtemp(join(tmpdir(), "converge-registers-web-"));
}, 240_000);
afterAll(async () => {
  await h?.close();
  await rm(dir, { recursive: true, force: true });
});

const ROWS = 1500;
function assetsCsv(bad: boolean): string {
  const lines = ["Application Name,Asset type,Annual run cost,Support end date"];
  for (let i = 1; i <= ROWS; i++) lines.push(`Imported app ${i},Application,"£${i}.50",31/03/2028`);
  if (bad) {
    lines[10] = "Imported app 10,Spreadsheet,£12.345,31/02/2028";
    lines[1200] = "Imported app 1200,Application,,someday";
  }
  return lines.join("\r\n") + "\r\n";
}

describe("registers page", { timeout: 240_000 }, () => {
  it("checks a file, lists every problem, imports the corrected file with a progress bar, and the same file again changes nothing", async () => {
    const { page, context, problems } = await openPage(h, editor.state);
    try {
      await page.goto(`${h.server.url}/#/assets`);
      await page.click('a:has-text("Import or export")');
      await page.waitForSelector("#import-file");
      const download = page.waitForEvent("download");
      await page.click("#template-xlsx");
      const template = new ExcelJS.Workbook();
      await template.xlsx.readFile(await (await download).path());
      expect(template.worksheets.map((s) => s.name)).toEqual(["Sites", "Assets", "Dependencies", "Allowed values"]);

      const badFile = join(dir, "assets-bad.csv");
      await writeFile(badFile, assetsCsv(true));
      await page.setInputFiles("#import-file", badFile);
      await page.selectOption("#import-organisation", "SCC");
      await page.selectOption("#import-register", "assets");
      await page.click("#import-check");
      await page.waitForSelector("#import-problems");
      const rows = await page.$$eval("#import-problems tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
      expect(rows.map((r) => r.slice(0, 4))).toEqual([
        ["Assets", "11", "Asset type", "Spreadsheet"],
        ["Assets", "11", "Annual run cost", "£12.345"],
        ["Assets", "11", "Support end date", "31/02/2028"],
        ["Assets", "1201", "Support end date", "someday"],
      ]);
      expect(rows[0]![5]).toMatch(/write one of: Network, Storage/);
      expect(await page.textContent("#import-report [role=status]")).toContain("4 problems: nothing was written");
      expect(await page.isDisabled("#import-run")).toBe(true);
      await shot(page, "web-registers-problems");

      const goodFile = join(dir, "assets.csv");
      await writeFile(goodFile, assetsCsv(false));
      await page.setInputFiles("#import-file", goodFile);
      await page.click("#import-run");
      await page.waitForSelector(".import-progress progress");
      await page.waitForSelector("#import-outcomes");
      expect(await page.textContent("#import-report [role=status]")).toContain("Imported");
      expect(await page.$$eval("#import-outcomes tbody td", (tds) => tds.map((td) => td.textContent))).toEqual(["Assets", String(ROWS), "0", "0", "0"]);
      const { assets } = await graphqlRequest<{ assets: { totalCount: number } }>(h.server, `{ assets(filter: { search: "Imported app" }) { totalCount } }`);
      expect(assets.totalCount).toBe(ROWS);

      await page.click("#import-run");
      await page.waitForSelector("#import-outcomes");
      expect(await page.$$eval("#import-outcomes tbody td", (tds) => tds.map((td) => td.textContent))).toEqual(["Assets", "0", "0", String(ROWS), "0"]);
      await shot(page, "web-registers-imported");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("exports an organisation's assets in the template's columns; a viewer may download but not import", async () => {
    const { page, context, problems } = await openPage(h, viewer.state, { width: 1024, height: 768 });
    try {
      await page.goto(`${h.server.url}/#/registers`);
      await page.waitForSelector("#export-organisation");
      expect(await page.textContent("#registers-import-h + p")).toContain("needs the EDITOR role");
      expect(await page.$("#import-file")).toBeNull();
      await page.selectOption("#export-organisation", "DCC");
      const download = page.waitForEvent("download");
      await page.click('a:has-text("Assets (CSV)")');
      const bytes = await (await import("node:fs/promises")).readFile(await (await download).path());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a byte-order mark: Excel reads UTF-8
      const text = bytes.toString("utf8", 3);
      const lines = text.trim().split("\r\n");
      expect(lines[0]).toMatch(/^Organisation,Name,Kind,/);
      const { assets } = await graphqlRequest<{ assets: { totalCount: number } }>(h.server, `{ assets(filter: { organisation: ["DCC"] }) { totalCount } }`);
      expect(lines).toHaveLength(assets.totalCount + 1);
      expect(lines.slice(1).every((l) => l.startsWith("DCC,"))).toBe(true);
      await shot(page, "web-registers-viewer-1024");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
