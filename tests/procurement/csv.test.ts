// The procurement page's CSV export: RFC 4180 quoting, and no spreadsheet formulas smuggled in text.
import { describe, it, expect } from "vitest";
import { csvField, toCsv } from "../../web/src/procurement/csv.ts";

describe("CSV export", () => {
  it("quotes fields with commas, quotes, line breaks or edge spaces, doubling inner quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a, b")).toBe('"a, b"');
    expect(csvField('the "best" price')).toBe('"the ""best"" price"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(" padded")).toBe('" padded"');
    expect(csvField(null)).toBe("");
  });

  it("defuses text a spreadsheet would run as a formula, but not numbers", () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-20.00", true)).toBe("-20.00");
  });

  it("writes a header and rows with CRLF line ends", () => {
    expect(
      toCsv(
        ["Name", "Cost"],
        [
          ["Alpha, Ltd", "12.50"],
          ["Beta", "-1.00"],
        ],
        new Set([1]),
      ),
    ).toBe('Name,Cost\r\n"Alpha, Ltd",12.50\r\nBeta,-1.00\r\n');
  });
});
