// The one CSV writer of the web app's exports (web/src/export.ts, papaparse underneath): RFC 4180
// quoting, CRLF line ends, and no spreadsheet formula smuggled in as text.
import { describe, expect, it } from "vitest";
import { csvText } from "../../web/src/export.ts";

describe("CSV export", () => {
  it("quotes fields with commas, quotes, line breaks or edge spaces, doubling inner quotes", () => {
    expect(
      csvText(["a"], [["plain"], ["a, b"], ['the "best" price'], ["two\nlines"], [" padded"], [null]]),
    ).toBe('a\r\nplain\r\n"a, b"\r\n"the ""best"" price"\r\n"two\nlines"\r\n" padded"\r\n\r\n');
  });

  it("defuses text a spreadsheet would run as a formula, but not plain numbers", () => {
    expect(csvText(["a"], [['=HYPERLINK("x")'], ["@SUM(A1)"], ["+cmd"], ["-20.00"], ["+3"], [-5]])).toBe(
      `a\r\n"'=HYPERLINK(""x"")"\r\n"'@SUM(A1)"\r\n"'+cmd"\r\n-20.00\r\n+3\r\n-5\r\n`,
    );
  });

  it("writes a header and rows with CRLF line ends", () => {
    expect(
      csvText(
        ["Name", "Cost"],
        [
          ["Alpha, Ltd", "12.50"],
          ["Beta", "-1.00"],
        ],
      ),
    ).toBe('Name,Cost\r\n"Alpha, Ltd",12.50\r\nBeta,-1.00\r\n');
  });
});
