// CPV → capability: most specific prefix wins; title keywords beat generic codes, never specific ones.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CAPABILITIES } from "../../seeds/capabilities.ts";
import { CPV_RULES, cpvPrefix, cpvRuleFor } from "../../server/licences/cpv.ts";
import { classifyContract as cpvToCapability } from "../../server/procurement/capability.ts";
import { KEYWORDS } from "../../server/licences/cpv-keywords.ts";
import { parseOcdsPackage } from "../../server/licences/ocds.ts";

const CODES = new Set(CAPABILITIES.map((c) => c.code));

describe("CPV table", () => {
  it("uses only capability codes from the seeds", () => {
    for (const r of CPV_RULES) if (r.capability) expect(CODES, r.label).toContain(r.capability);
    for (const k of KEYWORDS) expect(CODES, String(k.pattern)).toContain(k.capability);
  });

  it("reduces codes to their hierarchy prefix", () => {
    expect(cpvPrefix("48450000")).toBe("4845");
    expect(cpvPrefix("48450000-7")).toBe("4845");
    expect(cpvPrefix("72000000")).toBe("72");
    expect(cpvPrefix("30000000")).toBe("30");
    expect(cpvPrefix("4845")).toBe("");
  });

  it("picks the most specific rule", () => {
    expect(cpvRuleFor("48445000")?.capability).toBe("CRM"); // not FINANCE from 48440000
    expect(cpvRuleFor("48451000")?.capability).toBe("FINANCE"); // ERP, under 48450000
    expect(cpvRuleFor("48761000")?.capability).toBe("ENDPOINT_SECURITY"); // anti-virus, under 48760000
    expect(cpvRuleFor("30213000")?.capability).toBe("HARDWARE.END_USER_DEVICES");
    expect(cpvRuleFor("72212000")?.prefix).toBe("722");
    expect(cpvRuleFor("15000000")).toBeNull();
  });
});

describe("cpvToCapability", () => {
  const cases: [
    string,
    Parameters<typeof cpvToCapability>[0],
    string | null,
    "PRODUCT" | "PHRASE" | "CPV" | "KEYWORD" | "NONE",
  ][] = [
    ["specific HR code", { cpvCode: "48450000", title: "Time recording system" }, "HR_PAYROLL", "CPV"],
    [
      "specific code beats a title keyword",
      { cpvCode: "48450000", title: "Housing payroll module" },
      "HR_PAYROLL",
      "CPV",
    ],
    ["financial analysis", { cpvCode: "48440000", title: "Accounts" }, "FINANCE", "CPV"],
    ["financial systems", { cpvCode: "48442000" }, "FINANCE", "CPV"],
    [
      "virus protection",
      { cpvCode: "48760000", title: "Sophos renewal" },
      "ENDPOINT_SECURITY.ENDPOINT_PROTECTION",
      "PRODUCT",
    ],
    ["computer equipment", { cpvCode: "30200000", title: "GIS workstations" }, "HARDWARE", "CPV"],
    ["telecoms services", { cpvCode: "64200000", title: "Telecoms services" }, "TELEPHONY", "CPV"],
    ["a telephony job's phrase beats the telecoms code", { cpvCode: "64200000", title: "SIP trunks" }, "TELEPHONY.VOICE", "PHRASE"],
    ["GIS equipment code", { cpvCode: "38221000" }, "GIS", "CPV"],
    [
      "keyword beats generic software",
      { cpvCode: "48000000", title: "Payroll system" },
      "HR_PAYROLL.HR_PAYROLL_SYSTEM",
      "PHRASE",
    ],
    [
      "keyword beats generic IT services",
      { cpvCode: "72000000", title: "CRM implementation" },
      "CRM",
      "KEYWORD",
    ],
    [
      "customer relationship",
      { cpvCode: "48000000", title: "Customer Relationship Management platform" },
      "CRM.CUSTOMER_CASE_MANAGEMENT",
      "PHRASE",
    ],
    [
      "children's social care",
      { cpvCode: "48100000", title: "Children's Social Care case management" },
      "SOCIAL_CARE_CHILDREN.CASE_MANAGEMENT",
      "PHRASE",
    ],
    [
      "adult social care",
      { cpvCode: "48100000", title: "Adult Social Care system" },
      "SOCIAL_CARE_ADULTS.CASE_MANAGEMENT",
      "PHRASE",
    ],
    [
      "plain social care",
      { cpvCode: "48000000", title: "Social care finance" },
      "SOCIAL_CARE_ADULTS",
      "KEYWORD",
    ],
    [
      "housing",
      { cpvCode: "48000000", title: "Housing Management System" },
      "HOUSING.STOCK_MANAGEMENT",
      "PHRASE",
    ],
    [
      "library",
      { cpvCode: "48000000", title: "Library management system" },
      "LIBRARIES.LIBRARY_MANAGEMENT",
      "PHRASE",
    ],
    [
      "web filter",
      { cpvCode: "48000000", title: "Schools web filter" },
      "WEB_FILTERING.WEB_FILTER",
      "PHRASE",
    ],
    ["GIS", { cpvCode: "48000000", title: "Corporate GIS" }, "GIS", "KEYWORD"],
    ["mapping", { cpvCode: "72000000", title: "Mapping services" }, "GIS", "KEYWORD"],
    ["service desk", { cpvCode: "48000000", title: "IT Service Desk tool" }, "ITSM.SERVICE_DESK", "PHRASE"],
    ["ITSM", { cpvCode: "48900000", title: "ITSM platform" }, "ITSM", "KEYWORD"],
    ["council tax", { cpvCode: "48000000", title: "Council Tax recovery module" }, "REVENUES_BENEFITS", "KEYWORD"],
    ["council tax e-billing", { cpvCode: "48000000", title: "Council Tax e-billing" }, "REVENUES_BENEFITS.SELF_SERVICE", "PHRASE"],
    [
      "revenues",
      { cpvCode: "48000000", title: "Revenues and Benefits system" },
      "REVENUES_BENEFITS.ADMINISTRATION",
      "PHRASE",
    ],
    [
      "description fallback",
      { cpvCode: "48000000", title: "Mosaic", description: "Adult social care case management" },
      "SOCIAL_CARE_ADULTS.CASE_MANAGEMENT",
      "PHRASE",
    ],
    [
      "title before description",
      { cpvCode: "48000000", title: "Payroll", description: "for housing staff" },
      "HR_PAYROLL",
      "KEYWORD",
    ],
    [
      "generic default when no keyword",
      { cpvCode: "72500000", title: "Support hours" },
      "IT_SERVICES",
      "CPV",
    ],
    ["networks default", { cpvCode: "32400000", title: "Core switch refresh" }, "HARDWARE", "CPV"],
    [
      "firewall beats networks default",
      { cpvCode: "32420000", title: "Firewall replacement" },
      "NETWORK_SECURITY.FIREWALL",
      "PHRASE",
    ],
    [
      "generic software, no keyword",
      { cpvCode: "48000000", title: "Nutritional analysis software" },
      null,
      "NONE",
    ],
    [
      "no code, keyword",
      { title: "Electoral registration system" },
      "ELECTORAL.ELECTORAL_MANAGEMENT",
      "PHRASE",
    ],
    ["nothing at all", {}, null, "NONE"],
    ["GIS is a word, not a substring", { cpvCode: "48000000", title: "Logistics planner" }, null, "NONE"],
    ["SEND is case-sensitive", { cpvCode: "48000000", title: "System to send reminders" }, null, "NONE"],
    [
      "portal only in titles",
      { cpvCode: "48000000", title: "X", description: "register on the portal" },
      null,
      "NONE",
    ],
    [
      "additional specific code",
      { cpvCode: "48000000", additionalCpvCodes: ["48760000"], title: "Housing" },
      "ENDPOINT_SECURITY",
      "CPV",
    ],
  ];

  it.each(cases)("%s", (_name, input, capability, method) => {
    const m = cpvToCapability(input);
    expect({ capabilityCode: m.capabilityCode, method: m.method }).toEqual({
      capabilityCode: capability,
      method,
    });
  });

  it("classifies the Sunderland/Durham sample sensibly", () => {
    const json = JSON.parse(
      readFileSync(new URL("../../seeds/data/ict-contracts-record-package.json", import.meta.url), "utf8"),
    ) as unknown;
    const got = new Map(
      parseOcdsPackage(json).drafts.map((d) => [d.reference, cpvToCapability(d).capabilityCode]),
    );
    expect(got.get("SUN001-DN553865-90979232")).toBe("WEB_FILTERING.WEB_FILTER");
    expect(got.get("OPEN2026278")).toBe("HOUSING.STOCK_MANAGEMENT");
    expect(got.get("DCC001-DN537096-56004745")).toBe("LIBRARIES.SCHOOL_LIBRARY_SERVICE");
    expect(got.get("DN696144")).toBe("HIGHWAYS.ASSET_MANAGEMENT"); // 72200000 is generic; the title names the job
    expect(got.get("2019842343")).toBe("SOCIAL_CARE_ADULTS.EQUIPMENT_LOANS");
    expect(got.get("001948 / OPEN2025307")).toBe("SOCIAL_CARE_CHILDREN.PROCEDURES_MANUAL");
    expect(got.get("001944 / DN757162")).toBe("IDENTITY.CITIZEN_IDENTITY");
    expect(got.get("SUN001-DN471958-76231479")).toBe("HARDWARE.END_USER_DEVICES");
    expect(got.get("DCC001-DN218681-73623359")).toBe("PRINT_MAIL.PRINT_DEVICES");
    expect(got.get("DN547711")).toBe("IT_SERVICES");
    expect(got.get("SUN001-DN580370-80564160")).toBeNull();
  });
});
