// Title/description keywords → capability, for procurement records whose CPV code is too generic to
// say what the system does. Order matters: the first matching rule wins, so what a system DOES
// (web filtering, payroll, identity) comes before the service area it serves (housing, social care),
// and broad words (finance, portal, hardware) come last.

/** One keyword rule: a case-insensitive pattern and the capability it implies. */
export interface KeywordRule {
  capability: string;
  pattern: RegExp;
  /** Counts in a title only: too common in notice boilerplate ("via the portal") to trust in a description. */
  titleOnly?: boolean;
}

const k = (capability: string, ...words: string[]): KeywordRule => ({
  capability,
  pattern: new RegExp(`\\b(?:${words.join("|")})\\b`, "i"),
});

/** Like k, but trusted only in titles (see KeywordRule.titleOnly). */
const titleOnly = (capability: string, ...words: string[]): KeywordRule => ({
  ...k(capability, ...words),
  titleOnly: true,
});

/** Like k, but case-sensitive: for acronyms that are also ordinary words ("SEND", "HR"). */
const acronym = (capability: string, ...words: string[]): KeywordRule => ({
  capability,
  pattern: new RegExp(`\\b(?:${words.join("|")})\\b`),
});

/**
 * The keyword rules in priority order. Words are regular-expression fragments matched on word
 * boundaries ("GIS" does not match "logistics"); plain English, British and American spellings.
 */
export const KEYWORDS: readonly KeywordRule[] = [
  k(
    "WEB_FILTERING",
    "web[- ]?filter(?:ing)?",
    "content filter(?:ing)?",
    "internet filter(?:ing)?",
    "url filter(?:ing)?",
  ),
  k("ITSM", "service ?desk", "help ?desk", "ITSM", "IT service management", "IT asset register"),
  // A "backup generator" (or boiler, pump, power) is plant, not data protection.
  k("BACKUP", "back-?ups?(?!\\s+(?:generators?|power|boilers?|pumps?|lighting))", "disaster recovery", "data replication"),
  k("ENDPOINT_SECURITY", "anti-?virus", "anti-?malware", "endpoint (?:security|protection|detection)", "EDR"),
  // "Firewall doors" and fire-stopping works are building fabric.
  k("NETWORK_SECURITY", "firewalls?(?!\\s+(?:doors?|walls?|compartment|remediation|stopping))", "VPN", "intrusion (?:prevention|detection)", "network security"),
  k(
    "IDENTITY",
    "single sign-?on",
    "SSO",
    "identity (?:and access|management|provider)",
    "active directory",
    "multi-?factor",
    "MFA",
    "authenticat(?:e|ion)",
    "Azure (?:AD|B2C)",
  ),
  k("VIRTUALISATION", "virtuali[sz]ation", "hypervisors?", "VMware", "Hyper-V"),
  k(
    "DATABASE",
    "database (?:server|licen[cs]es?|management system)",
    "DBMS",
    "SQL Server",
    "Oracle database",
  ),
  k(
    "TELEPHONY",
    "telephony",
    "telephone system",
    "contact cent(?:re|er)",
    "call cent(?:re|er)",
    "VoIP",
    "unified communications",
    "mobile (?:phones?|telephones?|handsets?)",
  ),
  k("BUSINESS_INTELLIGENCE", "business intelligence", "dashboards?", "analytics", "data warehouse"),
  k(
    "DOCUMENT_MANAGEMENT",
    "document management",
    "EDRMS",
    "records management",
    "scanning",
    "digital mailroom",
  ),
  k("GIS", "GIS", "mapping", "gazetteer", "geographic(?:al)? information", "spatial", "ArcGIS", "Esri"),
  k(
    "CRM",
    "CRM",
    "customer relationship",
    "client management system",
    "customer contact",
    "customer service platform",
  ),
  k("PAYMENTS", "income management", "e-?payments?", "payment (?:card|system|platform|gateway|services?)"),
  titleOnly("PAYMENTS", "payments?"),
  k(
    "HR_PAYROLL",
    "payroll",
    "human resources",
    "time and attendance",
    "e-?recruitment",
    "recruitment system",
  ),
  acronym("HR_PAYROLL", "HR"),
  k(
    "REVENUES_BENEFITS",
    "council tax",
    "business rates",
    "non-domestic rates",
    "revenues",
    "housing benefits?",
    "benefits system",
  ),
  k(
    "SOCIAL_CARE_CHILDREN",
    "children'?s (?:social care|services|social work)",
    "safeguarding children",
    "child protection",
    "looked after children",
    "fostering",
    "adoption (?:and fostering|services|support|agency)",
    "early help",
  ),
  k(
    "SOCIAL_CARE_ADULTS",
    "adults?'? social care",
    "adult care",
    "ADASS",
    "community equipment",
    "domiciliary care",
    "social care",
    "care homes?",
  ),
  k("HOUSING", "housing", "tenancy", "tenants?", "homelessness", "choice based lettings", "lettings"),
  k("LIBRARIES", "library", "libraries"),
  k(
    "SCHOOLS_MIS",
    "schools? (?:management information|MIS)",
    "pupil (?:records|database)",
    "school admissions",
  ),
  k(
    "EDUCATION",
    "education(?:al)?",
    "early years",
    "examination results",
    "virtual learning environment",
    "e-?learning",
  ),
  acronym("EDUCATION", "SEND"),
  k(
    "PLANNING",
    "planning applications?",
    "building control",
    "land charges",
    "development management",
    "planning portal",
  ),
  k(
    "WASTE_ENVIRONMENT",
    "waste",
    "refuse collection",
    "recycling",
    "environmental health",
    "street scene",
    "grounds maintenance",
  ),
  k("HIGHWAYS", "highways?", "street ?works", "traffic", "transport", "fleet management"),
  k("PARKING", "parking", "penalty charge"),
  k("ELECTORAL", "electoral", "elections?"),
  k("REGISTRARS", "registrars?", "births,? deaths", "register office"),
  k(
    "FINANCE",
    "finance",
    "financial",
    "accounts payable",
    "general ledger",
    "ERP",
    "budget(?:ing)?",
    "purchase to pay",
  ),
  k(
    "PRODUCTIVITY",
    "Office 365",
    "Microsoft 365",
    "office suite",
    "email (?:service|system|platform)",
    "Exchange Online",
  ),
  k("WEBSITE", "websites?", "web ?site", "intranet", "content management system"),
  titleOnly("WEBSITE", "portal"),
  k("HARDWARE", "hardware", "laptops?", "multi-?functional devices"),
  titleOnly("HARDWARE", "desktops?", "PCs?", "tablets", "printers?", "servers"),
];
