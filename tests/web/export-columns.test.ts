// Exported lists give one clean value per CSV cell: no cell runs a table cell's lines together
// ("SCC/ICT/001 31 Mar 2027notice by …", "Plan 2Microsoft", "NetworkWAN link"), counts are plain
// numbers, money is decimal pounds under a "(£)" header, dates are yyyy-mm-dd and times ISO 8601.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportedCsv, openPage, startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

const COUNT = /^\d+$/;
const MONEY = /^-?\d+\.\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Rows = Record<string, string>[];

/** Every value of `column` is empty, "hidden" (commercial figures), or matches `shape`. */
function expectColumn(rows: Rows, column: string, shape: RegExp, opts: { optional?: boolean } = {}): void {
  const bad = rows
    .map((r) => r[column])
    .filter((v) => v === undefined || !(shape.test(v) || (opts.optional && (v === "" || v === "hidden"))));
  expect(bad, `${column}: values not shaped ${shape}`).toEqual([]);
  expect(rows.some((r) => shape.test(r[column] ?? "")), `${column}: no value at all`).toBe(true);
}

/**
 * Money columns say so in their header and hold decimal pounds; no other cell carries a formatted amount
 * or count ("£8,029.89", "4,850") except the sentence columns named in `prose`.
 */
function expectMoney(header: string[], rows: Rows, prose: string[] = []): void {
  const money = header.filter((x) => x.endsWith("(£)"));
  expect(money.length).toBeGreaterThan(0);
  for (const column of money) expectColumn(rows, column, MONEY, { optional: true });
  for (const r of rows)
    for (const c of header) if (!prose.includes(c)) expect(r[c], c).not.toMatch(/£|\d,\d{3}/);
}

/** A product's name is not run into its vendor's ("…Plan 2Microsoft"). */
const runTogether = (r: Record<string, string>) => r.Product !== r.Vendor && r.Product!.endsWith(r.Vendor!);

describe("CSV exports", { timeout: 180_000 }, () => {
  it("licences: product, vendor, contract, its end and notice date each in their own column", async () => {
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      await page.goto(`${h.server.url}/#/licences`);
      await page.waitForSelector('#licence-results[aria-busy="false"] #licence-rows tr');
      const { header, rows } = await exportedCsv(page, "#licence-export");
      expect(header).toEqual([
        "Product",
        "Vendor",
        "Org",
        "Capability",
        "Metric",
        "Owned",
        "Used",
        "Shelfware",
        "Shortfall",
        "Annual cost (£)",
        "Contract",
        "Contract ends",
        "Notice by",
        "Contract value (£)",
        "Contract value a year (£)",
        "Status",
      ]);
      expect(rows.length).toBeGreaterThan(50);
      for (const c of ["Owned", "Used", "Shelfware", "Shortfall"]) expectColumn(rows, c, COUNT);
      expectColumn(rows, "Contract ends", DATE, { optional: true });
      expectColumn(rows, "Notice by", DATE, { optional: true });
      expectMoney(header, rows);
      for (const r of rows) {
        expect(runTogether(r), r.Product).toBe(false);
        expect(r.Contract).not.toMatch(/\s|notice/);
      }
      expect(rows.some((r) => r.Contract && r["Contract ends"])).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("assets: kind and subtype apart, run cost in pounds, updated as an ISO time", async () => {
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      await page.goto(`${h.server.url}/#/assets?org=SCC`);
      await page.waitForSelector('#asset-results[aria-busy="false"] #asset-rows tr');
      const { header, rows } = await exportedCsv(page, "#asset-export");
      expect(header).toEqual([
        "Name",
        "Org",
        "Kind",
        "Subtype",
        "Site",
        "Lifecycle",
        "Criticality",
        "Annual run cost (£)",
        "Updated",
      ]);
      expectMoney(header, rows);
      expectColumn(rows, "Updated", DATE_TIME);
      expect(rows.some((r) => r.Subtype)).toBe(true);
      for (const r of rows) if (r.Subtype) expect(r.Kind!.endsWith(r.Subtype), r.Kind).toBe(false);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("audit events: the user alone, the entity apart from its type, the changes as one line", async () => {
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      await page.goto(`${h.server.url}/#/audit`);
      await page.waitForSelector('#audit-results[aria-busy="false"] #audit-rows tr');
      const { header, rows } = await exportedCsv(page, "#audit-export");
      expect(header).toEqual(["When", "User", "Action", "Entity", "Entity type", "Entity ID", "Org", "Changes"]);
      expectColumn(rows, "When", DATE_TIME);
      expectColumn(rows, "User", /^\S+$/);
      for (const r of rows) {
        expect(r.Changes).not.toMatch(/fields? (changed|recorded)|FieldBefore|Changes to/);
        expect(r.Entity!.endsWith(r["Entity type"]!) && r.Entity !== r["Entity type"]).toBe(false);
      }
      expect(rows.some((r) => / → /.test(r.Changes!) || /^[^:;]+: /.test(r.Changes!))).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shelfware: one row per licence metric, seats as numbers, costs in pounds that add up", async () => {
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      await page.goto(`${h.server.url}/#/procurement`);
      await page.waitForSelector("#shelfware-table tbody tr");
      const { header, rows } = await exportedCsv(page, "#shelfware-export");
      expect(header).toEqual([
        "Product",
        "Vendor",
        "Org",
        "Metric",
        "Used",
        "Owned",
        "Counted by",
        "Spare",
        "Unit cost (£)",
        "Cost a year (£)",
      ]);
      for (const c of ["Used", "Owned", "Spare"]) expectColumn(rows, c, COUNT);
      expectMoney(header, rows, ["Counted by"]);
      for (const r of rows) {
        expect(runTogether(r), r.Product).toBe(false);
        // seats × unit cost, exactly, in pence
        const unit = Math.round(Number(r["Unit cost (£)"]) * 100);
        expect(Math.round(Number(r["Cost a year (£)"]) * 100)).toBe(unit * Number(r.Spare));
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
