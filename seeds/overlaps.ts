// The overlaps planted in the seed estate for procurement and architects to find.
//
// SAME_PRODUCT entries are exhaustive: these are the ONLY products both councils hold.
// SAME_CAPABILITY entries are the headline duplications (the main system each council uses for the
// same job); two whole councils naturally duplicate almost every capability through smaller tools too,
// and `findOverlaps` in overlap-analysis.ts lists all of them.

/** One planted overlap between Sunderland (SCC) and Durham (DCC). */
export interface PlantedOverlap {
  kind: "SAME_PRODUCT" | "SAME_CAPABILITY";
  /** Capability code from CAPABILITIES. */
  capability: string;
  /** Product labels as productLabel() writes them: the shared product, or one product per council (or more). */
  products: string[];
  note: string;
}

/** The overlaps planted in the seed estate: every shared product, and the headline duplicated capabilities. */
export const PLANTED_OVERLAPS: readonly PlantedOverlap[] = [
  {
    kind: "SAME_PRODUCT",
    capability: "VIRTUALISATION",
    products: ["VMware vSphere Foundation"],
    note: "Both run VMware; renewals with different resellers, SCC's due December 2026.",
  },
  {
    kind: "SAME_PRODUCT",
    capability: "VIRTUALISATION",
    products: ["Microsoft Windows Server Datacenter"],
    note: "Both license Windows Server per core for their hosts.",
  },
  {
    kind: "SAME_PRODUCT",
    capability: "PRODUCTIVITY",
    products: ["Microsoft 365 E3"],
    note: "Two Microsoft Enterprise Agreements three months apart; DCC short of seats.",
  },
  {
    kind: "SAME_PRODUCT",
    capability: "DATABASE",
    products: ["Microsoft SQL Server Standard"],
    note: "Both on SQL Server Standard per core; SCC over-deployed.",
  },
  {
    kind: "SAME_PRODUCT",
    capability: "DATABASE",
    products: ["Oracle Database Enterprise Edition"],
    note: "Both pay Oracle processor support; co-terminous in March 2028.",
  },
  {
    kind: "SAME_CAPABILITY",
    capability: "CRM",
    products: ["Microsoft Dynamics 365 Customer Service Enterprise", "Salesforce Service Cloud Enterprise"],
    note: "Two corporate CRMs.",
  },
  {
    kind: "SAME_CAPABILITY",
    capability: "WEB_FILTERING",
    products: ["Forcepoint Web Security", "Netsweeper", "Qoria Smoothwall Filter"],
    note: "Smoothwall at SCC; Forcepoint (corporate) and Netsweeper (schools) at DCC.",
  },
  {
    kind: "SAME_CAPABILITY",
    capability: "HR_PAYROLL",
    products: ["MHR iTrent", "Zellis ResourceLink"],
    note: "Two HR and payroll systems.",
  },
  {
    kind: "SAME_CAPABILITY",
    capability: "ITSM",
    products: ["ServiceNow IT Service Management Professional", "TOPdesk Enterprise"],
    note: "Two IT service desks.",
  },
  {
    kind: "SAME_CAPABILITY",
    capability: "LIBRARIES",
    products: ["Civica Spydus", "SirsiDynix Symphony"],
    note: "Two library management systems.",
  },
  {
    kind: "SAME_CAPABILITY",
    capability: "SOCIAL_CARE_ADULTS",
    products: ["Servelec Mosaic Adults", "System C Liquidlogic Adults' Social Care System"],
    note: "Liquidlogic at SCC, Mosaic at DCC.",
  },
  {
    kind: "SAME_CAPABILITY",
    capability: "SOCIAL_CARE_CHILDREN",
    products: ["Servelec Mosaic Children's", "System C Liquidlogic Children's Social Care System"],
    note: "Liquidlogic at SCC, Mosaic at DCC.",
  },
  {
    kind: "SAME_CAPABILITY",
    capability: "REVENUES_BENEFITS",
    products: ["Capita Academy Revenues and Benefits", "Civica OpenRevenues"],
    note: "Two revenues and benefits systems.",
  },
  {
    kind: "SAME_CAPABILITY",
    capability: "FINANCE",
    products: ["Oracle E-Business Suite", "Unit4 ERP"],
    note: "Two ERPs.",
  },
  {
    kind: "SAME_CAPABILITY",
    capability: "PLANNING",
    products: ["Idox Uniform", "NEC Software Solutions Assure"],
    note: "Two planning and regulatory systems.",
  },
  {
    kind: "SAME_CAPABILITY",
    capability: "SCHOOLS_MIS",
    products: ["Arbor MIS", "Education Software Solutions SIMS"],
    note: "SIMS at SCC, Arbor at DCC.",
  },
  {
    kind: "SAME_CAPABILITY",
    capability: "BACKUP",
    products: ["Commvault Complete Data Protection", "Veeam Data Platform Foundation"],
    note: "Two backup platforms.",
  },
  {
    kind: "SAME_CAPABILITY",
    capability: "TELEPHONY",
    products: ["Microsoft Teams Phone Standard", "Mitel MiVoice Business"],
    note: "On-premises Mitel at SCC, Teams Phone at DCC.",
  },
  {
    kind: "SAME_CAPABILITY",
    capability: "NETWORK_SECURITY",
    products: ["Fortinet FortiGate Unified Threat Protection", "Palo Alto Networks Next-Generation Firewall"],
    note: "Two firewall estates.",
  },
  {
    kind: "SAME_CAPABILITY",
    capability: "ENDPOINT_SECURITY",
    products: ["Microsoft Defender for Endpoint Plan 2", "Sophos Intercept X Advanced"],
    note: "Two endpoint protection products.",
  },
  {
    kind: "SAME_CAPABILITY",
    capability: "BUSINESS_INTELLIGENCE",
    products: ["Microsoft Power BI Pro", "Qlik Sense Enterprise"],
    note: "Two BI platforms; DCC's Qlik half used.",
  },
  {
    kind: "SAME_CAPABILITY",
    capability: "GIS",
    products: ["Esri ArcGIS Enterprise Standard", "Precisely MapInfo Pro"],
    note: "Two desktop/server GIS products.",
  },
];
