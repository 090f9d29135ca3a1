// Classification on notices written blind (fresh-titles-*.ts): a procurement-officer helper who saw only
// the job taxonomy wrote them, never the classifier. How each was used, so the figures mean what they say:
//   A — measured first (71/100), then the lexicon was extended from its misses (99/100 after);
//   B — measured blind after tuning on A (73/100: A's fixes barely carried over, because the halves cover
//       different jobs), then the lexicon was extended for every job still without a phrase of its own,
//       from the taxonomy, and from B's misses (99/100 after);
//   C — written after that by another helper, measured once, blind: 142/150 (94.7%), 4 wrong, 4 unknown
//       (the classifier before all this got 107/150 of them). Not tuned on: the test guards that figure.
// Right = the job expected, or no job where none is expected ("unknown" is better than wrong).
import { describe, expect, it } from "vitest";
import { isJobCode } from "../../server/catalogue/taxonomy.ts";
import { classifyContract } from "../../server/procurement/capability.ts";
import { FRESH_TITLES_A } from "./fresh-titles-a.ts";
import { FRESH_TITLES_B } from "./fresh-titles-b.ts";
import { FRESH_TITLES_C } from "./fresh-titles-c.ts";

interface Notice {
  title: string;
  cpv: string;
  description: string | null;
  expected: string | null;
}

function measure(name: string, notices: readonly Notice[]) {
  let right = 0;
  const misses: string[] = [];
  for (const t of notices) {
    const got = classifyContract({ title: t.title, cpvCode: t.cpv, description: t.description }).capabilityCode;
    const job = got !== null && isJobCode(got) ? got : null;
    if (job === t.expected) right++;
    else misses.push(`  ${job === null ? "unknown" : "wrong"}: "${t.title}" (${t.cpv}) → ${job}, expected ${t.expected}`);
  }
  console.log(`${name}: ${right}/${notices.length} right (${((right * 100) / notices.length).toFixed(1)}%)\n${misses.join("\n")}`);
  return { right, wrong: misses.filter((m) => m.startsWith("  wrong")).length };
}

describe("classification on notices written blind", () => {
  it.each([
    ["A", FRESH_TITLES_A],
    ["B", FRESH_TITLES_B],
  ] as const)("gets at least 95 of the 100 notices of set %s right, and at most 2 wrong", (name, notices) => {
    expect(notices.length).toBe(100);
    const { right, wrong } = measure(`fresh set ${name}`, notices);
    expect(right).toBeGreaterThanOrEqual(95);
    expect(wrong).toBeLessThanOrEqual(2);
  });

  it("gets at least 142 of the 150 notices of the blind set C right, and at most 4 wrong", () => {
    expect(FRESH_TITLES_C.length).toBe(150);
    const { right, wrong } = measure("fresh set C (blind)", FRESH_TITLES_C);
    expect(right).toBeGreaterThanOrEqual(142);
    expect(wrong).toBeLessThanOrEqual(4);
  });
});

describe("titles the procurement review found given a job they do not buy (imported OCDS records)", () => {
  it.each([
    ["Backup generator servicing", "50532000"],
    ["Backup generator servicing and fuel", "50532000"],
    ["Superfast broadband rollout gap funding programme", "45314000"],
    ["Digital inclusion: broadband vouchers for residents", "79000000"],
    ["Firewall and fire door inspections at council buildings", "71317000"],
  ])("%s (CPV %s) gets no job", (title, cpvCode) => {
    expect(classifyContract({ title, cpvCode }).capabilityCode).toBeNull();
  });

  it("still knows broadband bought as a service, and a firewall bought as one", () => {
    expect(classifyContract({ title: "Broadband services for libraries", cpvCode: "72400000" }).capabilityCode).toBe("NETWORK_SERVICES.WAN_INTERNET");
    expect(classifyContract({ title: "Firewall replacement", cpvCode: "32420000" }).capabilityCode).toBe("NETWORK_SECURITY.FIREWALL");
  });
});
