// Reading the cells of real registers: money with £ and separators, UK and Excel dates, choices in any
// spelling, and a clear reason and fix for anything that cannot be read.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CellProblem, cellChoice, cellCount, cellDay, cellMoney, cellQuantity, cellText } from "../../server/registers/cells.ts";
import { matchHeaders } from "../../server/registers/headers.ts";
import { assetsRegister } from "../../server/registers/assets.ts";

const day = (d: Date | null) => d?.toISOString().slice(0, 10);
const problem = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (error instanceof CellProblem) return error;
    throw error;
  }
  throw new Error("expected a CellProblem");
};

describe("cells", () => {
  it("trims text, drops a byte-order mark and non-breaking spaces, and reads blank as nothing", () => {
    expect(cellText("\uFEFF  Doxford\u00A0 ")).toBe("Doxford");
    expect(cellText("   ")).toBeNull();
    expect(cellText(undefined)).toBeNull();
  });

  it.each([
    ["£1,234.50", 123450n],
    [" £ 1,234 ", 123400n],
    ["1234.5", 123450n],
    ["0.07", 7n],
    ["1,000,000", 100000000n],
    [1234.56, 123456n],
    [0.1 + 0.2, 30n],
  ])("reads money %j exactly", (raw, pence) => {
    expect(cellMoney(raw)).toBe(pence);
  });

  it("refuses money it would have to guess", () => {
    expect(problem(() => cellMoney("12.345")).fix).toMatch(/two decimals/);
    expect(problem(() => cellMoney("1,23.00")).reason).toMatch(/not an amount/);
    expect(problem(() => cellMoney("ten pounds")).reason).toMatch(/"ten pounds"/);
    expect(problem(() => cellMoney(1.005)).reason).toMatch(/more than two decimal places/);
  });

  it("any amount of pounds and pence written with separators reads back exactly", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (pence) => {
        const pounds = (pence / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
        expect(cellMoney(`£${pounds}.${(pence % 100n).toString().padStart(2, "0")}`)).toBe(pence);
      }),
    );
  });

  it.each([
    ["31/03/2027", "2027-03-31"],
    ["4/5/2027", "2027-05-04"], // UK order: 4 May
    ["31-03-2027", "2027-03-31"],
    ["2027-03-31", "2027-03-31"],
    ["46477", "2027-03-31"], // Excel serial
    [46477, "2027-03-31"],
    [new Date(Date.UTC(2027, 2, 31)), "2027-03-31"],
  ])("reads the date %j", (raw, iso) => {
    expect(day(cellDay(raw))).toBe(iso);
  });

  it("refuses dates that are not in the calendar or not dates", () => {
    expect(problem(() => cellDay("31/02/2027")).reason).toMatch(/not a date in the calendar/);
    expect(problem(() => cellDay("03/31/2027")).fix).toMatch(/dd\/mm\/yyyy/);
    expect(problem(() => cellDay("next April")).reason).toMatch(/not a date/);
  });

  it("reads numbers with thousands separators and refuses out-of-range ones", () => {
    expect(cellCount("1,200", 100_000)).toBe(1200);
    expect(cellQuantity("2.5", 10)).toBe(2.5);
    expect(problem(() => cellCount("2.5", 10)).reason).toMatch(/not a whole number/);
    expect(problem(() => cellCount("12", 4, 1)).fix).toMatch(/from 1 to 4/);
    expect(problem(() => cellQuantity("-1", 10)).reason).toMatch(/out of range/);
  });

  it("reads choices in any case and spacing, and through synonyms", () => {
    const kinds = ["DATA_CENTRE", "COMMS_ROOM"] as const;
    expect(cellChoice("Data centre", kinds)).toBe("DATA_CENTRE");
    expect(cellChoice("comms-room", kinds)).toBe("COMMS_ROOM");
    expect(cellChoice("DC", kinds, { dc: "DATA_CENTRE" })).toBe("DATA_CENTRE");
    expect(problem(() => cellChoice("Bunker", kinds)).fix).toBe("write one of: Data centre, Comms room");
  });
});

describe("headers", () => {
  it("match in any order, case and spacing, through synonyms, and report unknown, repeated and missing key columns", () => {
    const ok = matchHeaders(["  application NAME ", "TYPE", "annual run cost (£)", "Organisation"], assetsRegister.columns);
    expect(ok.problems).toEqual([]);
    expect(ok.byPosition.map((c) => c?.field)).toEqual(["name", "kind", "annualRunCost", "organisation"]);
    const bad = matchHeaders(["System", "Name", "Colour"], assetsRegister.columns);
    expect(bad.problems.map((p) => `${p.column}: ${p.reason}`)).toEqual([
      'Name: fills the same field as "System"',
      "Colour: is not a column of this register",
    ]);
    expect(matchHeaders(["Kind", "Site"], assetsRegister.columns).problems.map((p) => `${p.column}: ${p.reason}`)).toEqual(["Name: is missing"]);
  });
});
