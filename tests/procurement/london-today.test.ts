// "Today" is the councils' date, Europe/London: in British Summer Time the hour after midnight is still
// yesterday in UTC, and the savings' asOf and the web app's renewals window must not be a day behind.
import { describe, expect, it } from "vitest";
import { today } from "../../server/procurement/arith.ts";
import { londonDateIso } from "../../server/shared/london-date.ts";
import { todayIso } from "../../web/src/dates.ts";

describe("today in Europe/London", () => {
  it("is the next day at 00:30 BST, when UTC still says 23:30 the day before", () => {
    const now = new Date("2026-06-30T23:30:00Z");
    expect(londonDateIso(now)).toBe("2026-07-01");
    expect(todayIso(now)).toBe("2026-07-01");
    expect(today(now).toISOString()).toBe("2026-07-01T00:00:00.000Z");
  });

  it("is the UTC date in winter (GMT) and on the clock-change nights", () => {
    expect(londonDateIso(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
    expect(todayIso(new Date("2026-03-29T00:30:00Z"))).toBe("2026-03-29"); // 00:30 GMT, clocks go forward at 01:00
    expect(todayIso(new Date("2026-03-28T23:59:59Z"))).toBe("2026-03-28");
    expect(todayIso(new Date("2026-10-24T23:00:00Z"))).toBe("2026-10-25"); // 00:00 BST on the night clocks go back
  });
});
