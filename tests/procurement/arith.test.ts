// The exact arithmetic under every procurement figure, the renewal-terms reading, and the CLI's arguments.
import { describe, it, expect } from "vitest";
import { daysBetween, divCeil, divHalfUp, gbp } from "../../server/procurement/arith.ts";
import { extensionRuledOut } from "../../server/procurement/renewal-terms.ts";
import { parseArgs } from "../../server/procurement/ocds-cli.ts";

describe("procurement arithmetic", () => {
  it("rounds half-up (halves away from zero) once", () => {
    expect(divHalfUp(3n, 2n)).toBe(2n); // 1.5 → 2
    expect(divHalfUp(5n, 4n)).toBe(1n); // 1.25 → 1
    expect(divHalfUp(7n, 4n)).toBe(2n); // 1.75 → 2
    expect(divHalfUp(-3n, 2n)).toBe(-2n); // −1.5 → −2
    expect(divHalfUp(13_575_000n, 365n)).toBe(37_192n); // 37,191.78
    expect(divHalfUp(11_375_000n, 365n)).toBe(31_164n); // 31,164.38
  });

  it("rounds payback up to a whole month", () => {
    expect(divCeil(446_304n, 25_000n)).toBe(18n);
    expect(divCeil(24n, 12n)).toBe(2n);
  });

  it("counts calendar days and writes pounds for people", () => {
    expect(daysBetween(new Date("2027-01-01"), new Date("2027-06-30"))).toBe(180);
    expect(gbp(159_060_200n)).toBe("£1,590,602.00");
    expect(gbp(-69_974n)).toBe("−£699.74");
  });

  it("reads renewal terms that rule out an extension", () => {
    expect(
      extensionRuledOut(
        "Broadcom subscription; renewal quote pending, no option to extend on current pricing.",
      ),
    ).not.toBeNull();
    expect(
      extensionRuledOut("Six years including one exercised extension; no further extension."),
    ).not.toBeNull();
    expect(extensionRuledOut("Initial term plus optional 12-month extensions.")).toBeNull();
    expect(extensionRuledOut(null)).toBeNull();
  });
});

describe("import:ocds arguments", () => {
  it("takes a file, an organisation and --dry-run", () => {
    expect(parseArgs(["f.json", "--organisation", "DCC", "--dry-run"])).toEqual({
      file: "f.json",
      organisation: "DCC",
      dryRun: true,
    });
    expect(parseArgs(["--organisation=SCC", "f.json"])).toEqual({
      file: "f.json",
      organisation: "SCC",
      dryRun: false,
    });
    expect(parseArgs([])).toHaveProperty("error");
    expect(parseArgs(["a.json", "b.json"])).toHaveProperty("error");
    expect(parseArgs(["a.json", "--org"])).toHaveProperty("error");
    expect(parseArgs(["a.json", "--bogus"])).toHaveProperty("error");
  });
});
