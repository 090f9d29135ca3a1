// The README's limits table is the one the code enforces: it is written from the same constants
// (tests/auth/limits-table.ts), so changing a limit without the README fails here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderLimitsTable } from "./limits-table.ts";

const START = "<!-- limits-table:start -->";
const END = "<!-- limits-table:end -->";

describe("the README's limits table", () => {
  it(`is the table the limits in force give, between ${START} and ${END}`, () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start, "README.md lacks the markers").toBeGreaterThan(-1);
    expect(readme.slice(start + START.length, end).trim(), "regenerate with renderLimitsTable()").toBe(
      renderLimitsTable(),
    );
  });
});
