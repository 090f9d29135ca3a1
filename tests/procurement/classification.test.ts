// Classification of contracts to jobs, measured on a labelled table of real titles: every record of the
// public OCDS sample, every seed contract, and real council ICT contract titles from public notices and
// decision records (classification-table.ts). Correct: the job expected, or — when no one job is
// expected — no job ("unknown" is better than wrong). The README quotes the figure this test prints.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildSeedEstate } from "../../seeds/estate.ts";
import { knownProductsSource } from "../../seeds/known-products.ts";
import { parseOcdsPackage } from "../../server/licences/ocds.ts";
import { isJobCode } from "../../server/catalogue/taxonomy.ts";
import { classifyContract, type ClassifyInput } from "../../server/procurement/capability.ts";
import { OCDS_LABELS, PUBLIC_TITLES, SEED_SERVICE_LABELS } from "./classification-table.ts";

interface Row {
  set: "OCDS sample" | "seed contracts" | "public titles";
  input: ClassifyInput;
  expected: string | null;
}

const ocds = parseOcdsPackage(
  JSON.parse(
    readFileSync(new URL("../../seeds/data/ict-contracts-record-package.json", import.meta.url), "utf8"),
  ),
).drafts;

function seedRows(): Row[] {
  const estate = buildSeedEstate();
  const mainJob = new Map(
    estate.products.map((p) => [
      p.id,
      estate.capabilities.find((c) => c.id === p.capabilityId)?.code ?? null,
    ]),
  );
  return estate.contracts.map((c) => {
    const jobs = new Set(
      estate.licences.filter((l) => l.contractId === c.id).map((l) => mainJob.get(l.productId)),
    );
    const expected =
      jobs.size === 0 ? (SEED_SERVICE_LABELS[c.title] ?? null) : jobs.size === 1 ? [...jobs][0]! : null;
    return { set: "seed contracts" as const, input: c, expected };
  });
}

const rows: Row[] = [
  ...ocds.map((d) => ({ set: "OCDS sample" as const, input: d, expected: OCDS_LABELS[d.reference] ?? null })),
  ...seedRows(),
  ...PUBLIC_TITLES.map((t) => ({
    set: "public titles" as const,
    input: { title: t.title, cpvCode: t.cpv ?? null, description: t.description ?? null },
    expected: t.expected,
  })),
];

type Outcome = "right" | "unknown" | "wrong";
const outcome = (r: Row): Outcome => {
  const got = classifyContract(r.input).capabilityCode;
  const gotJob = got !== null && isJobCode(got) ? got : null;
  if (gotJob === r.expected) return "right";
  return gotJob === null ? "unknown" : "wrong";
};

describe("classification of contracts to jobs, measured", () => {
  it("labels every OCDS record, and has at least 60 public titles, each with its source", () => {
    expect(ocds.length).toBe(25);
    for (const d of ocds) expect(Object.keys(OCDS_LABELS), d.reference).toContain(d.reference);
    expect(PUBLIC_TITLES.length).toBeGreaterThanOrEqual(60);
    for (const t of PUBLIC_TITLES) {
      expect(t.source.length, t.title).toBeGreaterThan(10);
      if (t.expected !== null) expect(isJobCode(t.expected), t.expected).toBe(true);
    }
  });

  it("is at least 95% right on the table, and wrong on at most 2%", () => {
    const tally = new Map<string, Record<Outcome, number>>();
    const wrong: string[] = [];
    for (const r of rows) {
      const o = outcome(r);
      for (const set of [r.set, "all"]) {
        const t = tally.get(set) ?? { right: 0, unknown: 0, wrong: 0 };
        t[o]++;
        tally.set(set, t);
      }
      if (o !== "right") {
        const m = classifyContract(r.input);
        wrong.push(
          `${o}: "${r.input.title}" → ${m.capabilityCode} (${m.method} ${m.evidence}), expected ${r.expected}`,
        );
      }
    }
    const lines = [...tally].map(([set, t]) => {
      const n = t.right + t.unknown + t.wrong;
      return `${set}: ${t.right}/${n} right (${((100 * t.right) / n).toFixed(1)}%), ${t.unknown} unknown, ${t.wrong} wrong`;
    });
    console.log(["classification accuracy", ...lines, ...wrong].join("\n  "));
    const all = tally.get("all")!;
    const n = all.right + all.unknown + all.wrong;
    expect(all.right / n).toBeGreaterThanOrEqual(0.95);
    expect(all.wrong / n).toBeLessThanOrEqual(0.02);
  });

  it("says which evidence decided: a product in the title, a phrase, a CPV code, a word", () => {
    const m = (input: ClassifyInput) => {
      const r = classifyContract(input);
      return [r.capabilityCode, r.method, r.evidence];
    };
    expect(m({ title: "GOSS Software annual maintenance", cpvCode: "48000000" })).toEqual([
      "WEBSITE.CMS",
      "PRODUCT",
      "GOSS",
    ]);
    expect(m({ title: "ALSS Virtual Learning Environment", cpvCode: "48000000" })).toEqual([
      "EDUCATION.VIRTUAL_LEARNING",
      "PHRASE",
      "Virtual Learning Environment",
    ]);
    expect(m({ title: "Community Equipment Store Solution", cpvCode: "48100000" })[0]).toBe(
      "SOCIAL_CARE_ADULTS.EQUIPMENT_LOANS",
    );
    // A product named in the title beats the CPV code.
    expect(m({ title: "Routesmart renewal", cpvCode: "48442000" })).toEqual([
      "HIGHWAYS.ROUTE_OPTIMISATION",
      "PRODUCT",
      "Routesmart",
    ]);
    // A single word decides a capability, never a job; naming two jobs is unknown.
    expect(m({ title: "Payroll", cpvCode: "48000000" })).toEqual(["HR_PAYROLL", "KEYWORD", "Payroll"]);
    expect(m({ title: "Microsoft Office 365 & Azure Renewal" })[0]).toBeNull();
    expect(m({ title: "Microsoft Office 365 & Azure Renewal" })[2]).toMatch(/^names several jobs: /);
  });

  it("knows the catalogue's products (server/procurement/known-products.ts is up to date)", () => {
    const file = readFileSync(new URL("../../server/procurement/known-products.ts", import.meta.url), "utf8");
    expect(file).toBe(knownProductsSource());
  });
});
