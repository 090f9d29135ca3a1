// Product-title normalisation and catalogue matching, on real register spellings. The table says, for
// each raw title, which catalogue product it must match (or null: no match) and how.
import { describe, expect, it } from "vitest";
import { FUZZY_ACCEPT, FUZZY_FLOOR, matchProduct, type MatchMethod } from "../../server/licences/match.ts";
import { aliasKey, normaliseTitle } from "../../server/licences/normalise.ts";
import { TEST_CATALOGUE } from "./catalogue.fixture.ts";

type Row = [raw: string, expected: string | null, method: MatchMethod, needsReview?: boolean];

const TABLE: Row[] = [
  // Office perpetual suite: every spelling of Professional Plus is one product, Standard another.
  ["Microsoft Office Professional Plus 2016", "office-pp", "RULE"],
  ["MS Office Pro Plus 2016", "office-pp", "RULE"],
  ["MS Office ProPlus 2019", "office-pp", "RULE"],
  ["Office Professional Plus 2013 (OLP)", "office-pp", "RULE"],
  ["Microsoft Office Standard 2019", "office-std", "RULE"],
  ["MS Office Std 2016", "office-std", "RULE"],
  ["Microsoft Office 2019", null, "NONE"], // no edition, and Office exists in two
  // Subscriptions: Microsoft 365 and Office 365 are distinct families, and neither is Office.
  ["Microsoft 365 E3", "m365-e3", "RULE"],
  ["M365 E5", "m365-e5", "RULE"],
  ["O365 E3", "o365-e3", "RULE"],
  ["Office 365 E3", "o365-e3", "RULE"],
  ["Microsoft Office 365", "o365-e3", "FUZZY", true], // only edition in the catalogue: review
  ["Microsoft 365 Apps for enterprise", null, "NONE"],
  // Visio is not Project.
  ["Microsoft Visio Professional 2019", "visio-pro", "RULE"],
  ["Visio Pro 2016", "visio-pro", "RULE"],
  ["MS Project Pro 2019", "project-pro", "RULE"],
  ["Microsoft Visio Standard 2019", null, "NONE"],
  ["Microsft Visio Professional 2016", "visio-pro", "FUZZY", true], // misspelt vendor: review
  // SQL Server: Standard never matches Enterprise.
  ["SQL Server 2019 Standard", "sql-std", "RULE"],
  ["MS SQL Svr 2016 Std", "sql-std", "RULE"],
  ["Microsoft SQL Server Standard Edition 2019 - 2 Core Licence Pack", "sql-std", "RULE"],
  ["Microsoft SQL Server Enterprise Edition 2017", "sql-ent", "RULE"],
  ["SQL Server 2019 Ent", "sql-ent", "RULE"],
  ["Microsoft SQL Server 2019", null, "NONE"],
  ["SQL Std 2-Core Pack (EA)", "sql-std", "ALIAS"],
  // Windows Server: Standard never matches Datacenter.
  ["Windows Server 2019 Standard", "ws-std", "RULE"],
  ["Win Svr 2022 Datacenter", "ws-dc", "RULE"],
  ["Windows Server 2016 DC", "ws-dc", "RULE"],
  ["Windows Server 2012 R2 Datacentre", "ws-dc", "RULE"],
  ["Windows Server Essentials 2019", null, "NONE"],
  ["Microsoft Exchange Server 2019 Standard", null, "NONE"],
  ["Exchange Online (Plan 1)", "exo-p1", "RULE"],
  ["Exchange Online P1", "exo-p1", "RULE"],
  ["Exchange Online Plan 2", "exo-p2", "RULE"],
  // VMware
  ["VMware vSphere 7 Ent Plus", "vsphere-ep", "RULE"],
  ["VMware vSphere 8 Enterprise Plus", "vsphere-ep", "RULE"],
  ["vSphere 6.7 Standard", "vsphere-std", "RULE"],
  ["VMware vSphere 7", null, "NONE"], // two editions in the catalogue
  ["VMware vCenter Server Standard", null, "NONE"],
  // Oracle
  ["Oracle DB EE 19c", "oracle-ee", "RULE"],
  ["Oracle Database Enterprise Edition 12c", "oracle-ee", "RULE"],
  ["Oracle Database Standard Edition 2 19c", "oracle-se2", "RULE"],
  ["Oracle DB SE2", "oracle-se2", "RULE"],
  ["Oracle Database", null, "NONE"],
  // Adobe: "DC" is part of the name here, not Datacenter.
  ["Adobe Acrobat Pro DC", "acrobat-pro", "RULE"],
  ["Adobe Acrobat DC Pro (VIP subscription)", "acrobat-pro", "RULE"],
  ["Acrobat Standard DC", "acrobat-std", "RULE"],
  ["Adobe Acrobat Pro 2020", "acrobat-pro", "FUZZY", true],
  // Citrix, including the old XenApp name
  ["Citrix Virtual Apps", "citrix-va", "RULE"],
  ["Citrix XenApp 7.15 LTSR", "citrix-va", "RULE"],
  ["Citrix Virtual Apps and Desktops Premium", "citrix-cvad", "RULE"],
  ["Citrix Virtual Apps & Desktops 7 2203", "citrix-cvad", "FUZZY", true],
  // Security and filtering
  ["Sophos Central Intercept X Advanced", "sophos-ix", "RULE"],
  ["Sophos Intercept X Advanced", "sophos-ix", "FUZZY", true],
  ["Sophos Intercept X", "sophos-ix", "FUZZY", true],
  ["Smoothwall Filter", "smoothwall", "RULE"],
  ["Smoothwall Web Filter", "smoothwall", "FUZZY", true],
  // Esri: ArcGIS Pro is a different product from ArcGIS Desktop.
  ["Esri ArcGIS Desktop 10.8", "arcgis-desktop", "RULE"],
  ["ESRI ArcGIS Desktop v10.6.1", "arcgis-desktop", "RULE"],
  ["Esri ArcMap 10.7", "arcgis-desktop", "ALIAS"],
  ["Esri ArcGIS Pro", null, "NONE"],
  // Micro Focus products are now OpenText's.
  ["Micro Focus Content Manager 10", "content-manager", "RULE"],
  ["OpenText Content Manager 23.4", "content-manager", "RULE"],
  ["HPE Content Manager 9.4", "content-manager", "FUZZY", true],
  // Veeam, with "&", "and", "Ent Plus" and a typo
  ["Veeam Backup & Replication Enterprise Plus v12", "veeam-br", "RULE"],
  ["Veeam Backup and Replication Ent Plus", "veeam-br", "RULE"],
  ["Veeam Backup Replicaton Enterprise Plus", "veeam-br", "FUZZY", false],
  // Line-of-business
  ["Servelec Mosaic Social Care", "mosaic", "ALIAS"],
  ["Mosaic", "mosaic", "RULE"],
  ["Northgate iWorld", null, "NONE"],
];

describe("matchProduct: register spellings against the catalogue", () => {
  it("has a table of at least 40 real-world spellings", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(TABLE)("%s → %s (%s)", (raw, expected, method, needsReview) => {
    const m = matchProduct(raw, TEST_CATALOGUE);
    expect({ productId: m.productId, method: m.method }).toEqual({ productId: expected, method });
    if (needsReview !== undefined) expect(m.needsReview).toBe(needsReview);
    if (method === "ALIAS" || method === "RULE") expect(m).toMatchObject({ score: 1, needsReview: false });
    if (method === "FUZZY") expect(m.score).toBeGreaterThanOrEqual(FUZZY_FLOOR);
    if (method === "FUZZY" && m.score < FUZZY_ACCEPT) expect(m.needsReview).toBe(true);
  });

  it("never crosses editions, Office families, or Visio/Project, whatever the spelling", () => {
    const forbidden: [string, string][] = [
      ["SQL Server 2019 Standard", "sql-ent"],
      ["SQL Server Enterprise", "sql-std"],
      ["Windows Server Standard", "ws-dc"],
      ["Windows Server Datacenter", "ws-std"],
      ["Microsoft Office Professional Plus", "o365-e3"],
      ["Microsoft Office Professional Plus", "m365-e3"],
      ["Office 365 E3", "office-pp"],
      ["Office 365 E3", "m365-e3"],
      ["Microsoft 365 E3", "o365-e3"],
      ["Microsoft Visio Professional", "project-pro"],
      ["Microsoft Project Professional", "visio-pro"],
      ["vSphere Standard", "vsphere-ep"],
    ];
    for (const [raw, product] of forbidden) {
      expect(matchProduct(raw, TEST_CATALOGUE).productId, raw).not.toBe(product);
    }
  });

  it("reports the version the title names, whatever the method", () => {
    expect(matchProduct("VMware vSphere 7 Ent Plus", TEST_CATALOGUE).version).toBe("7");
    expect(matchProduct("Oracle DB EE 19c", TEST_CATALOGUE).version).toBe("19c");
    expect(matchProduct("Esri ArcMap 10.7", TEST_CATALOGUE).version).toBe("10.7");
    expect(matchProduct("Windows Server 2012 R2 Datacentre", TEST_CATALOGUE).version).toBe("2012 r2");
    expect(matchProduct("Northgate iWorld", TEST_CATALOGUE).version).toBeNull();
  });

  it("matches nothing against an empty catalogue", () => {
    const m = matchProduct("Microsoft Office Professional Plus 2016", { products: [], aliases: [] });
    expect(m).toEqual({ productId: null, method: "NONE", score: 0, needsReview: false, version: "2016" });
  });
});

describe("normaliseTitle", () => {
  it("separates name, edition and version", () => {
    expect(normaliseTitle("MS Office Pro Plus 2016")).toEqual({
      nameTokens: ["microsoft", "office"],
      name: "microsoft office",
      edition: "professional plus",
      version: "2016",
    });
    expect(normaliseTitle("Microsoft Office Professional Plus 2016")).toEqual(
      normaliseTitle("MS Office Pro Plus 2016"),
    );
  });

  it("keeps Office 365 and Microsoft 365 apart from Office and from each other", () => {
    expect(normaliseTitle("O365 E3").name).toBe("office365");
    expect(normaliseTitle("Office 365 E3").name).toBe("office365");
    expect(normaliseTitle("M365 E3").name).toBe("microsoft 365");
    expect(normaliseTitle("MS Office 2019").name).toBe("microsoft office");
  });

  it("reads DC as Datacenter only on Windows Server", () => {
    expect(normaliseTitle("Windows Server 2016 DC").edition).toBe("datacenter");
    expect(normaliseTitle("Adobe Acrobat Pro DC")).toMatchObject({
      name: "adobe acrobat dc",
      edition: "professional",
    });
  });

  it("recognises versions in their usual forms and never takes 365 for one", () => {
    expect(normaliseTitle("Esri ArcGIS Desktop 10.8").version).toBe("10.8");
    expect(normaliseTitle("Veeam Backup v12").version).toBe("12");
    expect(normaliseTitle("Java 8.0").version).toBe("8.0");
    expect(normaliseTitle("Dynamics 365 Sales").version).toBeNull();
  });

  it("drops quantities and purchasing noise", () => {
    expect(normaliseTitle("SQL Server Std 2 core licence pack (EA)")).toMatchObject({
      name: "sql server",
      edition: "standard",
      version: null,
    });
  });

  it("aliasKey only lower-cases and collapses whitespace", () => {
    expect(aliasKey("  MS  Office\tPro Plus ")).toBe("ms office pro plus");
  });
});
