// `npm run import`: writes templates, prints every problem before writing anything (exit 1), and imports a
// clean file (exit 0) into the embedded database named by DATA_DIR.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/open.ts";
import { createOrganisations } from "../api/fixtures.ts";

const run = promisify(execFile);
const TSX = join(process.cwd(), "node_modules/.bin/tsx");

async function importCli(args: string[], dataDir: string) {
  try {
    const { stdout } = await run(TSX, ["server/registers/cli.ts", ...args], { env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir } });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout + e.stderr };
  }
}

describe("npm run import", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "converge-import-cli-"));
    const db = await openDatabase({ dir: join(dir, "data/pglite") });
    await createOrganisations(db.prisma);
    await db.close();
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes the XLSX template with a sheet per register and the allowed values", async () => {
    const path = join(dir, "template.xlsx");
    const result = await importCli(["--template", path], join(dir, "data"));
    expect(result).toMatchObject({ code: 0 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Sites", "Assets", "Dependencies", "Allowed values"]);
    expect(workbook.getWorksheet("Assets")!.rowCount).toBe(3); // headers and two example rows
    expect(workbook.getWorksheet("Sites")!.getRow(1).getCell(3).value).toBe("Kind");
  }, 60_000);

  it("lists every problem and writes nothing, then imports the corrected file", async () => {
    const bad = join(dir, "bad.csv");
    await writeFile(bad, "Name,Kind,Annual cost\nDoxford,Data centre,£lots\nCity Hall,Bunker,\n");
    const refused = await importCli([bad, "--organisation", "SCC", "--register", "sites"], join(dir, "data"));
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("2 problems; nothing was written:");
    expect(refused.stdout).toContain('Sites row 2, Annual cost "£lots": "£lots" is not an amount of money; write pounds');
    expect(refused.stdout).toContain('Sites row 3, Kind "Bunker": "Bunker" is not one of the allowed values; write one of: Data centre');
    const good = join(dir, "good.csv");
    await writeFile(good, "Name,Kind,Annual cost\nDoxford,Data centre,\"£1,000\"\nCity Hall,Comms room,\n");
    const dry = await importCli([good, "--organisation", "SCC", "--register", "sites", "--dry-run"], join(dir, "data"));
    expect(dry.stdout).toContain("Sites: 2 to create, 0 to update, 0 unchanged, 0 refused");
    const done = await importCli([good, "--organisation", "SCC", "--register", "sites"], join(dir, "data"));
    expect(done).toMatchObject({ code: 0 });
    expect(done.stdout).toContain("Sites: 2 created, 0 updated, 0 unchanged, 0 refused");
    const again = await importCli([good, "--organisation", "SCC", "--register", "sites"], join(dir, "data"));
    expect(again.stdout).toContain("Sites: 0 created, 0 updated, 2 unchanged, 0 refused");
  }, 180_000);
});
