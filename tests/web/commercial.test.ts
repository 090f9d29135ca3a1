// The web app's handling of commercial figures the caller may not see (web/src/commercial.ts, pure parts).
import { describe, it, expect } from "vitest";
import { commercialText, hiddenReason, sumShown } from "../../web/src/commercial.ts";

describe("commercial figures in the web app", () => {
  it("adds shown amounts exactly", () => {
    expect(sumShown(["0.10", "0.20", "1234567.70"])).toBe("1234568.00");
    expect(sumShown([])).toBe("0.00");
  });

  it("gives no total when any amount is hidden, rather than counting it as £0.00", () => {
    expect(sumShown(["759800.00", null])).toBeNull();
  });

  it('exports a hidden amount as "hidden" and an unknown one as empty', () => {
    expect(commercialText(null, false)).toBe("hidden");
    expect(commercialText(null, true)).toBe("");
    expect(commercialText("12.50", true)).toBe("12.50");
  });

  it("says which permission, roles and organisations a hidden figure needs", () => {
    expect(hiddenReason(["DCC", "SCC"])).toBe(
      "Commercial figure: it needs the readCommercialValues permission (PROCUREMENT, PLANNER, APPROVER or ADMIN) in DCC and SCC.",
    );
  });
});
