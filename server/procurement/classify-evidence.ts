// What a contract title can say about the job bought: products it names (the catalogue's knowledge of
// what a product does) and phrases that name a job. Phrases are several words on purpose: single words
// mislead ("Virtual Learning Environment" is not virtualisation, "Community Equipment Store" is not
// hardware), so a single word decides only a capability, in cpv-keywords.ts, never a job.
import { KNOWN_PRODUCTS } from "./known-products.ts";

/** One rule: a case-insensitive pattern on word boundaries and the job it names. */
export interface EvidenceRule {
  job: string;
  pattern: RegExp;
  /** Trusted in titles only: tender portals' names fill the descriptions of unrelated notices, and some words mislead there. */
  titleOnly?: boolean;
}

const rule =
  (job: string) =>
  (...phrases: string[]): EvidenceRule => ({
    job,
    pattern: new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${phrases.join("|")})(?=$|[^\\p{L}\\p{N}])`, "iu"),
  });

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");

/**
 * Products (and product-only vendors) named in titles, with the job they do: "GOSS Software annual
 * maintenance" and "Routesmart" say nothing else. Vendors that sell many kinds of product (Civica,
 * Capita, Idox, Microsoft) are not listed alone: their name does not say which job. The catalogue's
 * products (known-products.ts) follow the hand-written rules.
 */
/** Catalogue names that are ordinary words in a title ("Whitespace design for the town hall"). */
const ORDINARY_WORDS = new Set(["whitespace", "legend", "confirm", "assure"]);

export const PRODUCT_RULES: readonly EvidenceRule[] = [
  rule("SOCIAL_CARE_ADULTS.CASE_MANAGEMENT")("Liquid ?logic (?:LAS|adults)", "Mosaic (?:adults?'?|ASC)"),
  rule("SOCIAL_CARE_CHILDREN.CASE_MANAGEMENT")("Liquid ?logic (?:LCS|children)", "Mosaic (?:children'?s?|CSC)"),
  rule("SOCIAL_CARE_CHILDREN.PROCEDURES_MANUAL")("tri\\.?x"),
  rule("SOCIAL_CARE_ADULTS.FINANCE")("ContrOCC"),
  rule("SOCIAL_CARE_ADULTS.TELECARE_MONITORING")("Tunstall PNC", "PNC ?7", "Jontek", "Answerlink"),
  rule("SOCIAL_CARE_ADULTS.EQUIPMENT_LOANS")("ELMS ?2", "Medequip"),
  rule("SOCIAL_CARE_ADULTS.CALL_MONITORING")("CM ?2000"),
  rule("SOCIAL_CARE_ADULTS.CARE_COST_CALCULATION")("Care ?Cubed"),
  rule("SOCIAL_CARE_CHILDREN.YOUTH_JUSTICE")("ChildView", "Careworks"),
  rule("EDUCATION.PERSONAL_EDUCATION_PLANS")("ePEP", "Welfare Call"),
  rule("EDUCATION.SEND_CASE_MANAGEMENT")("EHCP Hub", "Invision ?360"),
  rule("SCHOOLS_MIS.SCHOOL_MIS")("SIMS", "Arbor MIS", "Bromcom", "ScholarPack"),
  rule("REVENUES_BENEFITS.ADMINISTRATION")("OpenRevenues", "Academy Revenues", "Northgate Revenues"),
  rule("REVENUES_BENEFITS.BENEFITS_CALCULATOR")("entitledto"),
  rule("HOUSING.HOMELESSNESS")("Jigsaw homelessness", "Locata"),
  rule("HOUSING.LETTINGS")("Abritas"),
  rule("PLANNING.CASE_MANAGEMENT")("Idox Uniform", "Uniform (?:planning|regulatory)", "NEC Assure"),
  rule("LIBRARIES.LIBRARY_MANAGEMENT")("Spydus", "SirsiDynix", "Koha"),
  rule("LIBRARIES.EBOOK_LENDING")("BorrowBox", "OverDrive", "Libby"),
  rule("LIBRARIES.PC_BOOKING")("Netloan"),
  rule("HIGHWAYS.ASSET_MANAGEMENT")(
    "Brightly Confirm",
    "Confirm (?:asset|highways)",
    "Symology",
    "Yotta Horizons",
  ),
  rule("HIGHWAYS.STREET_LIGHTING")("Mayrise"),
  rule("HIGHWAYS.ROUTE_OPTIMISATION")("Route ?smart", "QRoutes"),
  rule("HIGHWAYS.FLEET_MANAGEMENT")("Tranman", "FleetWave"),
  rule("HIGHWAYS.PASSENGER_TRANSPORT")("Trapeze PASS"),
  // "Whitespace" alone is an ordinary word ("whitespace design"): only the product's full names count.
  rule("WASTE_ENVIRONMENT.WASTE_COLLECTION")("Bartec", "Whitespace (?:Waste|Work Software|collections?)"),
  rule("PARKING.ENFORCEMENT")("ICPS", "Taranto"),
  rule("PARKING.CASHLESS")("RingGo", "PayByPhone"),
  rule("ELECTORAL.ELECTORAL_MANAGEMENT")("Xpress electoral", "Democracy Counts"),
  rule("DEMOCRATIC_SERVICES.COMMITTEE_MANAGEMENT")("ModernGov", "Modern\\.gov", "CMIS"),
  rule("CRM.CUSTOMER_CASE_MANAGEMENT")("Dynamics 365 Customer Service", "Salesforce", "Lagan"),
  rule("CRM.COMPLAINTS_FOI")("iCasework", "Aptean Respond"),
  rule("CRM.ONLINE_FORMS")("Firmstep", "Achieve Forms"),
  rule("WEBSITE.CMS")("GOSS", "Jadu", "Umbraco"),
  rule("WEBSITE.EMAIL_BULLETINS")("GovDelivery"),
  rule("PAYMENTS.INCOME_MANAGEMENT")("Pay ?360", "Civica Pay"),
  rule("PAYMENTS.SCHOOL_PAYMENTS")("ParentPay", "SCOPay"),
  rule("FINANCE.ERP")("Unit ?4", "Oracle E-Business Suite", "Oracle Fusion", "Agresso"),
  { ...rule("FINANCE.E_SOURCING")("ProContract", "Atamis", "In-Tend"), titleOnly: true },
  rule("FINANCE.TREASURY")("Logotech"),
  rule("HR_PAYROLL.HR_PAYROLL_SYSTEM")("iTrent", "ResourceLink"),
  rule("HR_PAYROLL.PENSIONS")("Altair pensions", "UPM pensions", "OPAS"),
  rule("AUDIT_RISK.AUDIT_MANAGEMENT")("Pentana(?! Performance)", "TeamMate\\+?", "MK ?Insight"),
  rule("BEREAVEMENT.BURIAL_CREMATION_RECORDS")("BACAS", "Epitaph", "Gower Cemetery"),
  rule("GIS.ADDRESS_GAZETTEER")("Idox GMS", "Aligned Assets", "Symphony gazetteer"),
  rule("EDUCATION.ADULT_LEARNING_MIS")("Maytas", "Tribal ebs"),
  rule("REVENUES_BENEFITS.HOUSEHOLD_ANALYTICS")("Policy in Practice", "Low Income Family Tracker"),
  rule("DOCUMENT_MANAGEMENT.CAPTURE")("Kofax", "ABBYY"),
  rule("VIRTUALISATION.SERVER_OS")("Windows Server(?! Update)"),
  rule("PRODUCTIVITY.OFFICE_APPS")("(?:Microsoft )?Office (?:LTSC|Standard|Professional(?: Plus)?|20[12]\\d)"),
  rule("LEGAL.CASE_MANAGEMENT")("IKEN", "Norwel"),
  rule("DOCUMENT_MANAGEMENT.EDRMS")("OpenText", "Content Server", "SharePoint records"),
  rule("DOCUMENT_MANAGEMENT.E_SIGNATURE")("DocuSign", "Adobe Sign"),
  rule("PRINT_MAIL.PRINT_MANAGEMENT")("PaperCut", "uniFLOW"),
  rule("PRINT_MAIL.HYBRID_MAIL")("Docmail", "hybrid mail"),
  rule("BUSINESS_INTELLIGENCE.ANALYTICS")("Power BI", "Qlik", "Tableau"),
  rule("ITSM.SERVICE_DESK")("ServiceNow", "TOPdesk", "Hornbill", "Ivanti Service Manager"),
  rule("ITSM.INFRASTRUCTURE_MONITORING")("PRTG", "SolarWinds"),
  rule("ENDPOINT_SECURITY.ENDPOINT_PROTECTION")("Sophos", "Defender for Endpoint", "CrowdStrike"),
  rule("ENDPOINT_SECURITY.DEVICE_MANAGEMENT")("Intune", "Workspace ONE", "Jamf"),
  rule("NETWORK_SECURITY.FIREWALL")("FortiGate", "Palo Alto (?:Networks )?(?:Next-Generation )?Firewall"),
  rule("NETWORK_SECURITY.EMAIL_SECURITY")("Mimecast", "Proofpoint"),
  rule("NETWORK_SECURITY.EMAIL_ENCRYPTION")("Egress"),
  rule("NETWORK_SECURITY.SIEM")("Sentinel SIEM", "LogRhythm", "Splunk"),
  rule("WEB_FILTERING.WEB_FILTER")("Smoothwall", "Netsweeper", "Forcepoint", "Zscaler"),
  rule("IDENTITY.CITIZEN_IDENTITY")("Azure (?:AD )?B2C"),
  rule("VIRTUALISATION.HYPERVISOR")("VMware vSphere", "vSphere", "Nutanix(?: AHV)?", "Hyper-V"),
  rule("BACKUP.DATA_PROTECTION")("Veeam", "Commvault", "Rubrik", "Cohesity"),
  rule("PRODUCTIVITY.EMAIL_COLLABORATION")("Microsoft 365", "Office 365", "M365", "Google Workspace"),
  rule("TELEPHONY.VOICE")("Teams Phone", "Mitel MiVoice", "Gamma Horizon"),
  rule("TELEPHONY.CONTACT_CENTRE")("Anywhere365", "MiContact Center"),
  rule("GIS.GIS_PLATFORM")("ArcGIS Enterprise", "ArcGIS Pro", "MapInfo"),
  rule("GIS.WEB_MAPPING")("iShare"),
  rule("COMMUNITY_SAFETY.CCTV_VIDEO_MANAGEMENT")("Genetec", "Milestone XProtect"),
  rule("VIRTUALISATION.PUBLIC_CLOUD")(
    "(?:Microsoft )?Azure(?!\\s+(?:AD\\s+)?B2C)",
    "AWS",
    "Amazon Web Services",
  ),
  rule("SOCIAL_CARE_ADULTS.CASE_MANAGEMENT")("CareFirst"),
  ...KNOWN_PRODUCTS.filter(([name]) => !ORDINARY_WORDS.has(name.toLowerCase())).map(([name, job]) =>
    rule(job)(escape(name)),
  ),
];

/**
 * Phrases that name several jobs at once ("adults and children's social care"): the title is a suite or
 * a bundle, and no one job can be chosen, so classification says "unknown" rather than pick one.
 */
export const SEVERAL_JOBS: readonly RegExp[] = [
  // A Microsoft Enterprise Agreement licenses the whole estate (Microsoft 365, Windows Server, SQL…).
  /\bMicrosoft (?:Enterprise Agreement|EA)\b|\bEA renewal\b/i,
  // A multi-lot framework buys many things.
  /\bmulti-?lot\b|\blots? \d+ ?(?:-|–|to) ?\d+\b/i,
  /\bLAS\s*(?:&|and|\+|\/)\s*LCS\b|\bLCS\s*(?:&|and|\+|\/)\s*LAS\b/i,
  // Microsoft 365 E3/E5/F3/A3 is a suite (email, Office apps, device management, identity): no one job.
  /\b(?:Microsoft|MS|Office|M) ?365 (?:Enterprise )?[AEF][1-5]\b/i,
  /\b(?:children'?s?|childrens)\s*(?:&|and)\s*adults?'?|\badults?'?\s*(?:&|and)\s*children'?s?/i,
  /\bintegrated social care\b/i,
];

/** Multi-word phrases that name a job, most specific first. */
export const PHRASE_RULES: readonly EvidenceRule[] = [
  rule("EDUCATION.VIRTUAL_LEARNING")("virtual learning environments?", "VLE"),
  rule("SOCIAL_CARE_ADULTS.EQUIPMENT_LOANS")(
    "community equipment(?: store| service| loans?)?",
    "equipment loans?(?: management)?",
    "integrated community equipment",
  ),
  rule("SOCIAL_CARE_ADULTS.TELECARE_MONITORING")(
    "tele(?:health ?)?care (?:monitoring|platform|alarm|call handling|system)",
    "(?:community |telecare )?alarm monitoring",
    "alarm receiving cent(?:re|er)",
    "lifeline monitoring",
    "community alarms?",
  ),
  rule("SOCIAL_CARE_ADULTS.CALL_MONITORING")("electronic call monitoring", "ECM system"),
  rule("TELEPHONY.CALL_RECORDING")("call recording"),
  rule("SOCIAL_CARE_ADULTS.HOMECARE_SCHEDULING")(
    "(?:home ?care|domiciliary care) (?:scheduling|rostering)",
    "care scheduling",
  ),
  rule("SOCIAL_CARE_CHILDREN.CASE_MANAGEMENT")(
    "children'?s social care (?:case management |management |information )?system",
    "children'?s (?:social care )?case management",
  ),
  rule("SOCIAL_CARE_ADULTS.CASE_MANAGEMENT")(
    "adults?'? social care (?:case management |management |information )?system",
    "adults?'? social care case management",
  ),
  rule("SOCIAL_CARE_CHILDREN.PROCEDURES_MANUAL")(
    "procedures manual",
    "safeguarding (?:children )?partnership procedures",
  ),
  rule("SOCIAL_CARE_CHILDREN.YOUTH_JUSTICE")(
    "youth (?:justice|offending)(?: service)? (?:system|case management)",
  ),
  rule("SOCIAL_CARE_CHILDREN.EARLY_HELP")("early help (?:module|system|case management)"),
  rule("EDUCATION.SEND_CASE_MANAGEMENT")(
    "EHCP",
    "education,? health and care plans?",
    "SEND case management",
  ),
  rule("EDUCATION.PERSONAL_EDUCATION_PLANS")("personal education plans?"),
  rule("EDUCATION.ADMISSIONS")("school admissions(?: system)?"),
  rule("EDUCATION.FAMILY_SERVICES_DIRECTORY")("family (?:services|information) directory", "local offer"),
  rule("CRM.DIRECTORY_PLATFORM")("multi-?channel (?:service )?directory", "directory platform"),
  rule("SCHOOLS_MIS.SCHOOL_MIS")("schools? management information systems?", "school MIS"),
  rule("LIBRARIES.SCHOOL_LIBRARY_SERVICE")("schools? library service"),
  rule("LIBRARIES.LIBRARY_MANAGEMENT")("library management systems?", "LMS for (?:the )?librar(?:y|ies)"),
  rule("LIBRARIES.PC_BOOKING")("public (?:pc|computer) booking"),
  rule("HOUSING.STOCK_MANAGEMENT")(
    "housing management(?: system| finance module)?",
    "housing (?:rents|repairs) system",
  ),
  rule("HOUSING.HOMELESSNESS")("homelessness case management", "housing options system"),
  rule("HOUSING.LETTINGS")("choice based lettings", "housing register system"),
  rule("HOUSING.PRIVATE_SECTOR")(
    "HMO (?:and selective )?licen[cs]ing",
    "selective licen[cs]ing",
    "(?:additional|mandatory) HMO",
    "private sector housing (?:system|software|licensing)",
  ),
  rule("REVENUES_BENEFITS.SELF_SERVICE")(
    "(?:council tax|CTax|NNDR|business rates|revenues|benefits)[\\w ,&/-]{0,40}(?:self[- ]service|e-?billing|citizen portal|online accounts?)",
    "e-?billing",
  ),
  rule("REVENUES_BENEFITS.ADMINISTRATION")(
    "revenues (?:&|and) benefits(?: system| software)?",
    "R ?& ?B (?:system|software)",
    "(?:council tax|CTax)(?: and (?:business rates|NNDR))? (?:system|software)",
    "(?:NNDR|business rates) (?:system|software|billing)",
  ),
  rule("REVENUES_BENEFITS.HOUSEHOLD_ANALYTICS")("low[- ]income (?:family|household) (?:tracker|analytics)"),
  rule("REVENUES_BENEFITS.RISK_BASED_VERIFICATION")("risk based verification"),
  rule("PLANNING.CASE_MANAGEMENT")(
    "planning (?:and|&) building control system",
    "(?<!care )planning system",
    "land charges system",
    "regulatory services system",
  ),
  rule("HIGHWAYS.ASSET_MANAGEMENT")("highways? (?:asset|infrastructure) management(?: system)?"),
  rule("HIGHWAYS.STREET_LIGHTING")("street lighting (?:management|system|central management)"),
  rule("HIGHWAYS.TRAFFIC_CONTROL")("urban traffic (?:management|control)", "UTMC", "traffic signal control"),
  rule("HIGHWAYS.FLEET_MANAGEMENT")("fleet management (?:system|software)"),
  rule("HIGHWAYS.ROUTE_OPTIMISATION")("route (?:optimisation|planning) (?:software|system)"),
  rule("HIGHWAYS.PASSENGER_TRANSPORT")(
    "passenger transport (?:scheduling|system)",
    "home to school transport system",
  ),
  rule("PARKING.ENFORCEMENT")(
    "penalty charge notices?",
    "parking enforcement (?:processing |back office )?(?:system|software|support)",
    "parking (?:notice processing|management IT system)",
    "PCN processing",
  ),
  rule("WASTE_ENVIRONMENT.WASTE_COLLECTION")("waste (?:collection|management) (?:system|software)", "in-cab"),
  rule("ELECTORAL.ELECTORAL_MANAGEMENT")(
    "electoral (?:management|registration) (?:system|software)",
    "electoral registration and elections?",
    "elections? (?:management )?and electoral registration",
  ),
  rule("DEMOCRATIC_SERVICES.COMMITTEE_MANAGEMENT")("committee management"),
  rule("BEREAVEMENT.BURIAL_CREMATION_RECORDS")(
    "(?:burial|cremation|bereavement) (?:and cremation )?(?:records|management|system)",
    "(?:cemetery|cemeteries|crematorium|bereavement services?)(?: and crematorium)? (?:management )?(?:software|system|records)",
  ),
  rule("REGISTRARS.BOOKING")(
    "(?:registration|registrars?|register office|ceremony|ceremonies)(?: service)? (?:appointments? )?(?:and ceremony )?booking",
    "ceremony booking",
  ),
  rule("LEISURE.LEISURE_MANAGEMENT")("leisure management system"),
  rule("CULTURE_HERITAGE.COLLECTIONS_MANAGEMENT")("collections management"),
  rule("PROPERTY.COMMERCIAL_PROPERTY_DATA")("commercial property database"),
  rule("PROPERTY.ASSET_MANAGEMENT")("property asset management", "estates management system"),
  rule("CRM.CUSTOMER_CASE_MANAGEMENT")(
    "customer relationship management",
    "client management system",
    "CRM (?:system|platform|solution)",
  ),
  rule("CRM.COMPLAINTS_FOI")(
    "complaints (?:management|handling)(?: system)?",
    "complaints,? (?:FOI|freedom of information|comments)",
    "FOI (?:management|system|case management)",
    "FOI ?(?:/|,|&|and) ?(?:EIR|SAR)",
    "subject access requests? (?:management|system|software)",
  ),
  rule("PAYMENTS.INCOME_MANAGEMENT")(
    "income management(?: system)?",
    "payment (?:card )?(?:gateway|platform)",
  ),
  rule("FINANCE.ERP")(
    "enterprise resource planning",
    "financial management system",
    "ERP (?:system|solution)",
  ),
  rule("FINANCE.E_SOURCING")("e-?tendering", "e-?sourcing"),
  rule("FINANCE.CONTRACT_MANAGEMENT")("contracts? (?:management|register) (?:system|software|solution|module)"),
  rule("AUDIT_RISK.AUDIT_MANAGEMENT")("(?:internal )?audit management (?:software|system|solution)"),
  rule("HR_PAYROLL.HR_PAYROLL_SYSTEM")(
    "(?:HR|human resources) ?(?:and|&|/) ?payroll",
    "payroll (?:system|software|services)",
  ),
  rule("HR_PAYROLL.RECRUITMENT")("applicant tracking", "e-?recruitment"),
  rule("HR_PAYROLL.LEARNING")("learning management system"),
  rule("HR_PAYROLL.TIME_ATTENDANCE")("time (?:and|&) attendance", "flexi[- ]?time (?:system|recording|software)", "electronic clocking"),
  rule("HR_PAYROLL.PENSIONS")("pensions? administration (?:system|software|platform)", "LGPS (?:administration|pensions?) (?:system|software)"),
  rule("HR_PAYROLL.HEALTH_SAFETY")(
    "(?:health (?:and|&) safety|accident|incident)(?: and near[- ]miss)?(?: incident)? (?:reporting|management) (?:system|software)",
    "incident reporting system",
  ),
  rule("DOCUMENT_MANAGEMENT.EDRMS")(
    "electronic (?:document|records) (?:and )?(?:records |document )?management",
    "EDRMS",
    "records management system",
  ),
  rule("DOCUMENT_MANAGEMENT.CAPTURE")(
    "scanning (?:and|&) (?:indexing|(?:data )?capture)",
    "digital mailroom",
    "(?:intelligent|data|document) capture (?:software|solution|system)",
  ),
  rule("PRINT_MAIL.PRINT_DEVICES")(
    "multi[- ]?function(?:al)? devices?",
    "MFDs?",
    "managed print(?: service)?",
    "photocopiers?",
    "print (?:&|and) copy devices",
    "corporate printers?(?: contract)?",
  ),
  rule("PRINT_MAIL.HYBRID_MAIL")("hybrid mail"),
  rule("BUSINESS_INTELLIGENCE.ANALYTICS")(
    "business intelligence",
    "commissioning dashboard",
    "data warehouse",
  ),
  rule("ITSM.SERVICE_DESK")("(?:IT )?service desk (?:tool|software|system)", "IT service management"),
  rule("ENDPOINT_SECURITY.ENDPOINT_PROTECTION")("anti-?virus", "endpoint (?:protection|security|detection)"),
  rule("ENDPOINT_SECURITY.DEVICE_MANAGEMENT")("mobile device management", "unified endpoint management"),
  // "Firewall" alone is trusted in a title only: descriptions of fire-safety works say "(firewall)".
  // …and not where the title is about fire safety ("Firewall and fire door inspections").
  {
    ...rule("NETWORK_SECURITY.FIREWALL")(
      "firewalls?(?!\\s+(?:doors?|walls?|compartment|remediation|stopping))(?![^.]{0,60}\\bfire[- ](?:doors?|stopping|safety|risk|alarms?))",
    ),
    titleOnly: true,
  },
  rule("NETWORK_SECURITY.FIREWALL")(
    "next[- ]generation firewalls?",
    "firewall (?:appliances?|licen[cs]es?|subscriptions?|replacement|refresh|support|cluster)",
  ),
  rule("NETWORK_SECURITY.SIEM")(
    "SIEM",
    "security information and event management",
    "security operations cent(?:re|er)",
    "(?:managed )?SOC (?:service|monitoring)",
  ),
  rule("NETWORK_SECURITY.EMAIL_SECURITY")("email (?:security|filtering)"),
  rule("NETWORK_SECURITY.VULNERABILITY_MANAGEMENT")(
    "vulnerability (?:scanning|management)",
    "penetration testing",
  ),
  rule("WEB_FILTERING.WEB_FILTER")(
    "web ?filter(?:ing)?",
    "content filter(?:ing)?",
    "internet filter(?:ing)?",
    "url filter(?:ing)?",
  ),
  rule("IDENTITY.PASSWORD_SELF_SERVICE")("self-?service password reset"),
  rule("VIRTUALISATION.HYPERVISOR")(
    "hyper-?converged(?: infrastructure)?",
    "server virtuali[sz]ation",
    "virtuali[sz]ation (?:platform|software|licen[cs]es?)",
    "hypervisors?",
  ),
  rule("VIRTUALISATION.PUBLIC_CLOUD")(
    "public cloud (?:hosting|platform|services)",
    "(?<!private )cloud hosting",
    "infrastructure as a service",
    "IaaS",
  ),
  rule("DATABASE.RELATIONAL_DATABASE")("SQL Server licen[cs]es?", "Oracle database"),
  rule("BACKUP.DATA_PROTECTION")(
    "back-?up (?:and|&) (?:disaster )?recovery",
    "backup (?:software|solution|service)",
    "data protection software",
  ),
  rule("DATA_CENTRE.COLOCATION")("co-?location", "colocation", "rack space"),
  rule("DATA_CENTRE.FACILITIES")(
    "data cent(?:re|er) (?:facilities|maintenance|cooling|UPS|air conditioning|fire suppression|generators?)",
    "(?:server|computer|comms) room (?:air conditioning|cooling|UPS|fire suppression|environmental)",
    "CRAC units?",
    "close control air conditioning",
    "UPS maintenance",
  ),
  rule("NETWORK_SERVICES.WAN_INTERNET")(
    "wide area networks?",
    "(?:SD-)?WAN",
    // Broadband as a service bought, not a rollout programme or vouchers for residents.
    "(?:business |fibre |superfast |FTTP |FTTC )?broadband (?:services?|connectivity|circuits?|lines?|connections?|links?|for (?:council|corporate|schools?|libraries|sites|offices))",
    "internet (?:managed )?services?",
    "network services",
    "PSN (?:connection|connectivity|access)",
    "Public Services Network",
    "DR link",
    "dark fibre",
    "leased lines?",
  ),
  rule("TELEPHONY.MOBILE")("mobile (?:phones?|telephones?|telephony|voice and data|handsets?)", "airtime"),
  rule("TELEPHONY.CONTACT_CENTRE")(
    "contact cent(?:re|er)(?: solution| system| software)?",
    "call cent(?:re|er) (?:solution|system|software)",
  ),
  rule("TELEPHONY.VOICE")(
    "telephony",
    "telephone (?:system|lines?)",
    "SIP trunks?",
    "unified communications?",
    "VoIP",
  ),
  // Jobs named by their usual phrases (the taxonomy's names and the words councils' notices use for them).
  rule("SOCIAL_CARE_ADULTS.FINANCE")(
    "(?:social care|care) (?:finance|payments?) (?:system|software|module)",
    "(?:provider|care) payments? system",
    "financial assessments? (?:system|software|module)",
    "(?:adult )?social care charging (?:system|software)",
  ),
  rule("SOCIAL_CARE_ADULTS.PORTAL")(
    "(?:adult )?social care (?:self[- ]assessment|citizen|provider|online) portal",
    "(?:care )?provider portal",
    "social care (?:self[- ]assessment|online assessment)",
  ),
  rule("SOCIAL_CARE_ADULTS.CARE_COST_CALCULATION")("care cost(?:ing)? (?:calculat(?:or|ion)|tool|model)", "care funding calculator"),
  rule("SOCIAL_CARE_ADULTS.PROVIDER_CARE_PLANNING")(
    "(?:digital|electronic) care (?:planning|records?) (?:system|software)",
    "care home (?:management|care planning|records) (?:system|software)",
    "eMAR",
    "electronic medication administration",
  ),
  rule("EDUCATION.ADULT_LEARNING_MIS")(
    "adult (?:and community )?(?:learning|education|skills) (?:MIS|management information|system|software)",
    "ILR returns?",
  ),
  rule("EDUCATION.MUSIC_SERVICE")("music (?:service|hub|school) (?:management )?(?:system|software)", "music (?:service|hub) management"),
  rule("EDUCATION.SCHOOL_DATA_EXCHANGE")("school data (?:exchange|collection|transfer)", "data (?:exchange|collection) (?:with|from) schools"),
  rule("REVENUES_BENEFITS.BENEFITS_CALCULATOR")("benefits? (?:entitlement )?calculator", "entitlement calculator"),
  rule("REVENUES_BENEFITS.ECLAIM_FORMS")("(?:benefits? )?e-?claims?(?: forms?)?", "online benefits? (?:claims?|applications?) forms?"),
  rule("WASTE_ENVIRONMENT.TREE_MANAGEMENT")("tree (?:management|inspection|inventory|survey(?:ing)?) (?:system|software)", "arboricultur(?:al|e) (?:management )?(?:system|software)"),
  rule("WASTE_ENVIRONMENT.NOISE_EVIDENCE")("noise (?:nuisance )?(?:app|recording|evidence|monitoring app)", "Noise App"),
  rule("HIGHWAYS.STREET_WORKS")("street ?works (?:permit|noticing|co-?ordination|register|system|software)", "permit scheme (?:system|software)", "NRSWA (?:noticing|system)"),
  rule("PARKING.PERMITS_MAPPING")(
    "parking permits? (?:system|software|administration|management)",
    "(?:traffic regulation orders?|TROs?) (?:mapping|management)",
    "resident(?:s'?)? parking permits?",
  ),
  rule("PARKING.CASHLESS")("cashless parking", "pay ?by ?phone", "parking (?:payment )?app", "(?:cashless|mobile) parking payments?"),
  rule("PLANNING.PUBLIC_ACCESS")("planning public access", "public access (?:module|portal) for planning", "planning (?:applications? )?(?:search|portal) for the public"),
  rule("PLANNING.WORKFLOW")("regulatory (?:services )?workflow", "(?:case|task) workflow (?:system|software) for regulatory"),
  rule("LIBRARIES.EBOOK_LENDING")("e-?books?(?: and e-?audio(?:books?)?)?(?: lending| platform| service| loans?)", "e-?audio(?:books?)? (?:lending|platform|service)", "digital library (?:lending|platform)"),
  rule("LIBRARIES.PUBLIC_PRINTING")("public (?:printing|print) (?:and payment|management|solution|system)", "library (?:public )?print(?:ing)? (?:and payment|management|solution)"),
  rule("CULTURE_HERITAGE.ARCHIVES_CATALOGUE")("archives? (?:catalogu(?:e|ing)|management) (?:system|software)?", "record office (?:catalogue|system)", "CALM archives?"),
  rule("LEISURE.BOX_OFFICE")("box office", "(?:theatre|venue|event) ticketing(?: system| software)?", "ticketing system for (?:the )?(?:theatre|venue)"),
  rule("CRM.ONLINE_FORMS")("online forms? (?:platform|builder|software|system)", "e-?forms? (?:platform|builder|software|system)", "digital forms platform"),
  rule("WEBSITE.CMS")("(?:website |web |intranet )?content management system", "web ?CMS", "CMS for", "website (?:platform|hosting and support)"),
  rule("WEBSITE.EMAIL_BULLETINS")("e-?mail (?:bulletins?|newsletters?|alerts service|marketing)", "bulletin service"),
  rule("WEBSITE.ONLINE_SURVEYS")("online (?:surveys?|consultations?)(?: tool| platform| software| system)?", "(?:survey|consultation) (?:platform|software|tool)", "citizen engagement platform"),
  rule("PAYMENTS.SCHOOL_PAYMENTS")("school (?:meals? )?(?:online )?payments?(?: system| service)?", "cashless catering(?: system)?", "parent payments?"),
  rule("FINANCE.TREASURY")("treasury management (?:system|software)", "cash ?flow forecasting (?:system|software)"),
  rule("FINANCE.FIXED_ASSETS")("fixed asset (?:register|accounting)(?: software| system)?", "capital (?:asset )?accounting (?:software|system)", "asset register software"),
  rule("FINANCE.BUDGETING")("budget(?:ing)? (?:setting|planning|management|and forecasting|monitoring) (?:tool|software|system|solution)", "budgeting and forecasting", "budget (?:setting|planning)(?: and forecasting)? (?:tool|software|system|solution)", "financial planning (?:tool|software)"),
  rule("HR_PAYROLL.OCCUPATIONAL_HEALTH")("occupational health (?:management |case management )?(?:system|software)", "occupational health (?:case )?management"),
  rule("LEGAL.CASE_MANAGEMENT")("legal (?:case|practice|matter) management", "legal services (?:case management )?(?:system|software)"),
  rule("AUDIT_RISK.CLAIMS_HANDLING")("(?:insurance )?claims? (?:handling|management) (?:system|software)", "insurance claims system"),
  rule("AUDIT_RISK.PERFORMANCE_MANAGEMENT")("(?:corporate )?perf?or?mance management (?:system|software|framework software)", "(?:corporate )?perf?or?mance management and business planning", "InPhase"),
  rule("DOCUMENT_MANAGEMENT.E_SIGNATURE")("e-?signatures?(?: solution| software| platform)?", "electronic signatures?(?: solution| software| platform)?", "digital signing"),
  rule("PRINT_MAIL.PRINT_MANAGEMENT")("print management (?:software|solution|system)", "follow[- ]me print(?:ing)?", "secure print release"),
  rule("GIS.GIS_PLATFORM")("(?:corporate |desktop )?GIS (?:platform|software|licen[cs]es?|system)", "geographic(?:al)? information systems?", "ArcGIS"),
  rule("GIS.WEB_MAPPING")("web mapping", "online mapping (?:platform|service|software)", "public mapping portal"),
  rule("GIS.ADDRESS_GAZETTEER")("LLPG", "NLPG", "(?:local land and property|address|street) gazetteer", "corporate address (?:register|gazetteer|hub)"),
  rule("GIS.SPATIAL_ETL")("spatial (?:data )?(?:integration|ETL)", "FME", "Safe Software"),
  rule("COMMUNITY_SAFETY.CCTV_VIDEO_MANAGEMENT")("CCTV (?:video management|VMS|control room (?:software|system)|management software)", "video management (?:software|system)"),
  rule("PRODUCTIVITY.EMAIL_COLLABORATION")("e-?mail (?:and calendar|migration|and collaboration)", "collaboration (?:platform|suite)", "Exchange Online"),
  rule("PRODUCTIVITY.PDF_EDITING")("PDF (?:editing|editor|software|licen[cs]es?)", "Adobe Acrobat", "Nitro PDF", "Foxit"),
  rule("ITSM.ASSET_DISCOVERY")("(?:IT )?asset discovery", "software asset management (?:tool|software)", "(?:IT|hardware and software) inventory (?:tool|software)", "Lansweeper", "Snow License Manager", "Flexera"),
  rule("ITSM.INFRASTRUCTURE_MONITORING")("(?:infrastructure|network|server)(?: and server| and network)? monitoring(?: and alerting)? (?:software|tool|system|solution)", "infrastructure monitoring"),
  rule("NETWORK_SECURITY.REMOTE_ACCESS")("remote access(?: VPN)? (?:solution|software|licen[cs]es?|gateway)", "remote access VPN", "SSL VPN", "VPN (?:solution|licen[cs]es?|client|gateway|replacement)", "zero trust network access", "ZTNA"),
  rule("NETWORK_SECURITY.EMAIL_ENCRYPTION")("e-?mail encryption", "secure e-?mail(?: service| solution| gateway)?"),
  rule("IDENTITY.CITIZEN_IDENTITY")("citizen (?:identity|sign[- ]in|accounts? (?:platform|sign[- ]in))", "resident (?:digital )?identity", "customer identity (?:and access )?management", "single sign[- ]on for (?:residents|citizens|MyAccount)"),
  rule("VIRTUALISATION.SERVER_OS")("server operating systems?", "Red Hat Enterprise Linux", "RHEL", "Windows Server (?:Datacenter|Standard|licen[cs]es?|CALs?)"),
  rule("VIRTUALISATION.CLOUD_AUTOMATION")("private cloud (?:automation|management|platform)", "cloud automation", "infrastructure automation (?:software|platform)", "vRealize", "VMware Aria"),
  rule("IT_SERVICES.MANAGED_SERVICE")("(?:IT|ICT) managed services?", "managed (?:IT|ICT) services?", "outsourced (?:IT|ICT)(?: service)?", "(?:IT|ICT) outsourcing"),
  rule("IT_SERVICES.DEVELOPMENT")(
    "(?:software|digital|agile|application|app) development (?:partner|services?)",
    "bespoke (?:software |application )?development",
  ),
  rule("HARDWARE.SERVERS_STORAGE")(
    "(?:storage and )?server hardware",
    "servers? and storage",
    "storage (?:area network|arrays?|hardware)",
    "SAN (?:storage|replacement|hardware)",
  ),
  rule("HARDWARE.NETWORK_EQUIPMENT")(
    "network (?:switches|equipment|hardware)",
    "wi-?fi (?:access points|equipment)",
    "LAN (?:refresh|equipment)",
  ),
  rule("HARDWARE.END_USER_DEVICES")(
    "desktop hardware",
    "end[- ]user (?:devices|computing(?: devices| hardware)?)",
    "laptops?",
    "desktops? and laptops?",
    "laptops?,? desktops?(?: and tablets)?",
    "(?:PCs?|desktops?) refresh",
    "Chromebooks?",
    "tablets? and (?:laptops?|PCs?)",
  ),
];
