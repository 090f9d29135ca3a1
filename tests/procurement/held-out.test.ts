// Classification on the HELD-OUT table (held-out-titles.ts): titles written by an independent review to
// probe the classifier, measured apart from the table it was built on. Prints the accuracy the README
// quotes; right = the job expected, or no job where none is expected ("unknown" is better than wrong).
import { describe, expect, it } from "vitest";
import { isJobCode, isWithin } from "../../server/catalogue/taxonomy.ts";
import { classifyContract } from "../../server/procurement/capability.ts";
import { HELD_OUT_TITLES, type HeldOutTitle } from "./held-out-titles.ts";

type Outcome = "right" | "unknown" | "wrong";

function outcome(t: HeldOutTitle): { outcome: Outcome; got: string | null } {
  const got = classifyContract({ title: t.title, cpvCode: t.cpv, description: t.description }).capabilityCode;
  const job = got !== null && isJobCode(got) ? got : null;
  if (t.expected === "*") return { outcome: job === null ? "right" : "wrong", got: job };
  if (t.expected?.endsWith(".*")) {
    const area = t.expected.slice(0, -2);
    return { outcome: job === null || isWithin(job, area) ? "right" : "wrong", got: job };
  }
  if (job === t.expected) return { outcome: "right", got: job };
  return { outcome: job === null ? "unknown" : "wrong", got: job };
}

describe("classification on the held-out table", () => {
  const results = HELD_OUT_TITLES.map((t) => ({ t, ...outcome(t) }));
  const right = results.filter((r) => r.outcome === "right").length;
  const wrong = results.filter((r) => r.outcome === "wrong");
  const accuracy = (right * 100) / results.length;

  it("has the 85 titles of the review", () => {
    expect(HELD_OUT_TITLES.length).toBe(85);
  });

  it("classifies at least 95% of the held-out titles right, and states the figure", () => {
    console.log(
      `held-out classification: ${right}/${results.length} right (${accuracy.toFixed(1)}%), ${wrong.length} wrong, ${results.length - right - wrong.length} unknown`,
    );
    for (const r of results.filter((r) => r.outcome !== "right"))
      console.log(`  ${r.outcome}: "${r.t.title}" (${r.t.cpv}) → ${r.got}, expected ${r.t.expected}`);
    expect(accuracy).toBeGreaterThanOrEqual(95);
  });
});
