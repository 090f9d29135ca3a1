// Money and enum formatting for display: exact string manipulation, never floats.
import { describe, expect, it } from "vitest";
import { londonDayStart } from "../../web/src/dates.ts";
import { formatDate, formatDateTime, formatEnum, formatMoney, sumMoney, toPence } from "../../web/src/format.ts";

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

describe("times on the councils' clock (Europe/London)", () => {
  it("shows an instant in London time, whatever the machine's zone: BST in summer, GMT in winter", () => {
    expect(formatDateTime("2026-07-01T13:05:00Z")).toBe("1 Jul 2026, 14:05");
    expect(formatDateTime("2026-12-07T13:05:00Z")).toBe("7 Dec 2026, 13:05");
    expect(formatDateTime("2026-10-24T23:30:00Z")).toBe("25 Oct 2026, 00:30");
    expect(formatDateTime(null)).toBe("—");
  });

  it("starts a London day at its London midnight, across both clock changes", () => {
    expect(londonDayStart("2026-07-01")).toBe("2026-06-30T23:00:00.000Z");
    expect(londonDayStart("2026-12-07")).toBe("2026-12-07T00:00:00.000Z");
    expect(londonDayStart("2026-03-29")).toBe("2026-03-29T00:00:00.000Z");
    expect(londonDayStart("2026-03-29", 1)).toBe("2026-03-29T23:00:00.000Z");
    expect(londonDayStart("2026-10-25")).toBe("2026-10-24T23:00:00.000Z");
    expect(londonDayStart("2026-10-25", 1)).toBe("2026-10-26T00:00:00.000Z");
    expect(londonDayStart("31/12/2026")).toBeNull();
  });
});
