// Money and enum formatting for display: exact string manipulation, never floats.
import { describe, expect, it } from "vitest";
import { formatDate, formatEnum, formatMoney, sumMoney, toPence } from "../../web/src/format.ts";

describe("formatMoney", () => {
  it("adds £ and thousands separators and keeps the exact pence", () => {
    expect(formatMoney("1234567.50")).toBe("£1,234,567.50");
    expect(formatMoney("0.00")).toBe("£0.00");
    expect(formatMoney("999.9")).toBe("£999.90");
    expect(formatMoney("12")).toBe("£12.00");
  });

  it("formats amounts beyond float precision exactly", () => {
    expect(formatMoney("123456789012345.67")).toBe("£123,456,789,012,345.67");
  });

  it("shows negatives with a minus sign and drops zero pence only when asked", () => {
    expect(formatMoney("-20.05")).toBe("−£20.05");
    expect(formatMoney("1200.00", { pence: false })).toBe("£1,200");
    expect(formatMoney("1200.50", { pence: false })).toBe("£1,200.50");
  });

  it("shows a dash for missing amounts", () => {
    expect(formatMoney(null)).toBe("—");
  });
});

describe("sumMoney", () => {
  it("adds decimal strings without float drift", () => {
    expect(sumMoney(["0.10", "0.20"])).toBe("0.30");
    expect(toPence("1234.5")).toBe(123450n);
  });
});

describe("formatEnum and formatDate", () => {
  it("reads enum values as words", () => {
    expect(formatEnum("END_USER_SERVICE")).toBe("End user service");
    expect(formatDate("2027-03-31")).toBe("31 Mar 2027");
  });
});
