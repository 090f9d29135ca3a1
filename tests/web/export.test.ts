// The one CSV writer of the web app's exports (web/src/export.ts, papaparse underneath): RFC 4180
// quoting, CRLF line ends, and no spreadsheet formula smuggled in as text.
import { describe, expect, it } from "vitest";
import { csvText, tableCsv } from "../../web/src/export.ts";
import type { ExportColumn } from "../../web/src/ui.ts";

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

describe("table export", () => {
  type Row = { name: string; vendor: string; owned: number };
  const rows: Row[] = [{ name: "Defender", vendor: "Microsoft", owned: 4850 }];

  it("writes each column's declared value, a column's parts as separate columns, and leaves out csv: false", () => {
    const columns: ExportColumn<Row>[] = [
      {
        header: "Product",
        cell: (r) => `${r.name}\n${r.vendor}`,
        csv: [
          { header: "Product", value: (r) => r.name },
          { header: "Vendor", value: (r) => r.vendor },
        ],
      },
      { header: "Owned", cell: (r) => r.owned.toLocaleString("en-GB"), csv: (r) => r.owned },
      { header: "", cell: () => "Edit", csv: false },
    ];
    expect(tableCsv(columns, rows)).toBe("Product,Vendor,Owned\r\nDefender,Microsoft,4850\r\n");
  });

  it("refuses a column that does not say what it exports, rather than writing the cell's text", () => {
    const columns = [{ header: "Product", cell: (r: Row) => r.name }] as unknown as ExportColumn<Row>[];
    expect(() => tableCsv(columns, rows)).toThrow('Column "Product" does not say what it exports (csv).');
  });
});
