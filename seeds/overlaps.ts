// The overlaps planted in the seed estate for procurement and architects to find.
//
// SAME_PRODUCT entries are exhaustive: these are the ONLY products both councils hold.
// SAME_JOB entries are the headline duplications (the main system each council uses for the
// same job); two whole councils naturally duplicate almost every job through smaller tools too,
// and `findOverlaps` in overlap-analysis.ts lists all of them.

/** One planted overlap between Sunderland (SCC) and Durham (DCC). */
export interface PlantedOverlap {
  kind: "SAME_PRODUCT" | "SAME_JOB";
  /** The job compared (SAME_JOB) or the shared product's main job: a JOB code of the taxonomy. */
  job: string;
  /** Product labels as productLabel() writes them: the shared product, or one product per council (or more). */
  products: string[];
  note: string;
}

/** The overlaps planted in the seed estate: every shared product, and the headline duplicated capabilities. */
export const PLANTED_OVERLAPS: readonly PlantedOverlap[] = [
  {
    kind: "SAME_PRODUCT",
    job: "VIRTUALISATION.HYPERVISOR",
    products: ["VMware vSphere Foundation"],
    note: "Both run VMware; renewals with different resellers, SCC's due December 2026.",
  },
  {
    kind: "SAME_PRODUCT",
    job: "VIRTUALISATION.SERVER_OS",
    products: ["Microsoft Windows Server Datacenter"],
    note: "Both license Windows Server per core for their hosts.",
  },
  {
    kind: "SAME_PRODUCT",
    job: "PRODUCTIVITY.EMAIL_COLLABORATION",
    products: ["Microsoft 365 E3"],
    note: "Two Microsoft Enterprise Agreements three months apart; DCC short of seats.",
  },
  {
    kind: "SAME_PRODUCT",
    job: "DATABASE.RELATIONAL_DATABASE",
    products: ["Microsoft SQL Server Standard"],
    note: "Both on SQL Server Standard per core; SCC over-deployed.",
  },
  {
    kind: "SAME_PRODUCT",
    job: "DATABASE.RELATIONAL_DATABASE",
    products: ["Oracle Database Enterprise Edition"],
    note: "Both pay Oracle processor support; co-terminous in March 2028.",
  },
  {
    kind: "SAME_JOB",
    job: "CRM.CUSTOMER_CASE_MANAGEMENT",
    products: ["Microsoft Dynamics 365 Customer Service Enterprise", "Salesforce Service Cloud Enterprise"],
    note: "Two corporate CRMs.",
  },
  {
    kind: "SAME_JOB",
    job: "WEB_FILTERING.WEB_FILTER",
    products: ["Forcepoint Web Security", "Netsweeper", "Qoria Smoothwall Filter"],
    note: "Smoothwall at SCC; Forcepoint (corporate) and Netsweeper (schools) at DCC.",
  },
  {
    kind: "SAME_JOB",
    job: "HR_PAYROLL.HR_PAYROLL_SYSTEM",
    products: ["MHR iTrent", "Zellis ResourceLink"],
    note: "Two HR and payroll systems.",
  },
  {
    kind: "SAME_JOB",
    job: "ITSM.SERVICE_DESK",
    products: ["ServiceNow IT Service Management Professional", "TOPdesk Enterprise"],
    note: "Two IT service desks.",
  },
  {
    kind: "SAME_JOB",
    job: "LIBRARIES.LIBRARY_MANAGEMENT",
    products: ["Civica Spydus", "SirsiDynix Symphony"],
    note: "Two library management systems.",
  },
  {
    kind: "SAME_JOB",
    job: "SOCIAL_CARE_ADULTS.CASE_MANAGEMENT",
    products: ["Servelec Mosaic Adults", "System C Liquidlogic Adults' Social Care System"],
    note: "Liquidlogic at SCC, Mosaic at DCC.",
  },
  {
    kind: "SAME_JOB",
    job: "SOCIAL_CARE_CHILDREN.CASE_MANAGEMENT",
    products: ["Servelec Mosaic Children's", "System C Liquidlogic Children's Social Care System"],
    note: "Liquidlogic at SCC, Mosaic at DCC.",
  },
  {
    kind: "SAME_JOB",
    job: "REVENUES_BENEFITS.ADMINISTRATION",
    products: ["Capita Academy Revenues and Benefits", "Civica OpenRevenues"],
    note: "Two revenues and benefits systems.",
  },
  {
    kind: "SAME_JOB",
    job: "FINANCE.ERP",
    products: ["Oracle E-Business Suite", "Unit4 ERP"],
    note: "Two ERPs.",
  },
  {
    kind: "SAME_JOB",
    job: "PLANNING.CASE_MANAGEMENT",
    products: ["Idox Uniform", "NEC Software Solutions Assure"],
    note: "Two planning and regulatory systems.",
  },
  {
    kind: "SAME_JOB",
    job: "SCHOOLS_MIS.SCHOOL_MIS",
    products: ["Arbor MIS", "Education Software Solutions SIMS"],
    note: "SIMS at SCC, Arbor at DCC.",
  },
  {
    kind: "SAME_JOB",
    job: "BACKUP.DATA_PROTECTION",
    products: ["Commvault Complete Data Protection", "Veeam Data Platform Foundation"],
    note: "Two backup platforms.",
  },
  {
    kind: "SAME_JOB",
    job: "TELEPHONY.VOICE",
    products: ["Microsoft Teams Phone Standard", "Mitel MiVoice Business"],
    note: "On-premises Mitel at SCC, Teams Phone at DCC.",
  },
  {
    kind: "SAME_JOB",
    job: "NETWORK_SECURITY.FIREWALL",
    products: ["Fortinet FortiGate Unified Threat Protection", "Palo Alto Networks Next-Generation Firewall"],
    note: "Two firewall estates.",
  },
  {
    kind: "SAME_JOB",
    job: "ENDPOINT_SECURITY.ENDPOINT_PROTECTION",
    products: ["Microsoft Defender for Endpoint Plan 2", "Sophos Intercept X Advanced"],
    note: "Two endpoint protection products.",
  },
  {
    kind: "SAME_JOB",
    job: "BUSINESS_INTELLIGENCE.ANALYTICS",
    products: ["Microsoft Power BI Pro", "Qlik Sense Enterprise"],
    note: "Two BI platforms; DCC's Qlik half used.",
  },
  {
    kind: "SAME_JOB",
    job: "GIS.GIS_PLATFORM",
    products: ["Esri ArcGIS Enterprise Standard", "Precisely MapInfo Pro"],
    note: "Two desktop/server GIS products.",
  },
];
