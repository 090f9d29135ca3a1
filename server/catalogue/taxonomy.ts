// The application capability taxonomy: domain → capability → job. Pure data, no database.
//
// Domains follow the service groupings of the esd-toolkit / LG Inform Plus Function List (the
// companion of the Local Government Service List, published under the Open Government Licence), with
// the council's own internal ICT as one more domain (LGSL's "internal services" subset). Capabilities
// are the service areas Converge already used as codes (CRM, HR_PAYROLL, …), kept stable for the API.
// Jobs are the specific software jobs below them (telecare monitoring, equipment loans, …): two
// products overlap, and one can replace another, only when they do the same job.
//
// Job codes read "<CAPABILITY>.<JOB>", so a job's capability is its code's prefix.

/** Where a node sits in the taxonomy. */
export type TaxonomyLevel = "DOMAIN" | "CAPABILITY" | "JOB";

/** One node of the taxonomy. */
export interface TaxonomyNode {
  code: string;
  name: string;
  level: TaxonomyLevel;
  /** The parent's code; null for a domain. */
  parent: string | null;
  description: string;
}

type Job = [code: string, name: string, description: string];
type Cap = [code: string, name: string, description: string, jobs: Job[]];
type Dom = [code: string, name: string, basis: string, caps: Cap[]];

const TREE: Dom[] = [
  [
    "SOCIAL_CARE_DOMAIN",
    "Social care and health",
    "Function List: adult social care, children's social care and health",
    [
      [
        "SOCIAL_CARE_ADULTS",
        "Adult social care",
        "Software for adult social care services.",
        [
          [
            "CASE_MANAGEMENT",
            "Adult social care case management",
            "Assessments, care plans, reviews and safeguarding records (Liquidlogic LAS, Mosaic Adults).",
          ],
          [
            "FINANCE",
            "Social care finance and payments",
            "Charging, provider payments and financial assessments (ContrOCC).",
          ],
          [
            "PORTAL",
            "Social care citizen and provider portal",
            "Self-assessment and provider portals on the case system.",
          ],
          [
            "TELECARE_MONITORING",
            "Telecare alarm monitoring",
            "Alarm receiving centre platforms for community alarms and telecare (Tunstall PNC, Jontek Answerlink).",
          ],
          [
            "EQUIPMENT_LOANS",
            "Community equipment loans",
            "Community equipment store ordering, stock and logistics (ELMS2, Medequip Connect).",
          ],
          [
            "HOMECARE_SCHEDULING",
            "Home-care rostering and scheduling",
            "Rostering and scheduling of home-care visits (Totalmobile).",
          ],
          [
            "CALL_MONITORING",
            "Electronic call monitoring",
            "Electronic monitoring of home-care visits (CM2000).",
          ],
          [
            "CARE_COST_CALCULATION",
            "Care cost calculation",
            "Fair-cost calculation of care packages (CareCubed).",
          ],
          [
            "PROVIDER_CARE_PLANNING",
            "Care provider care planning",
            "Care planning for in-house care providers (Access Care Planning).",
          ],
        ],
      ],
      [
        "SOCIAL_CARE_CHILDREN",
        "Children's social care",
        "Software for children's social care and youth justice.",
        [
          [
            "CASE_MANAGEMENT",
            "Children's social care case management",
            "Referrals, assessments, child protection and looked-after children (Liquidlogic LCS, Mosaic Children's).",
          ],
          ["EARLY_HELP", "Early help case management", "Early help assessments and family support."],
          [
            "YOUTH_JUSTICE",
            "Youth justice case management",
            "Youth offending team case management (ChildView, Core+).",
          ],
          [
            "PROCEDURES_MANUAL",
            "Safeguarding procedures manual",
            "Online multi-agency procedures manuals (tri.x).",
          ],
        ],
      ],
    ],
  ],
  [
    "EDUCATION_DOMAIN",
    "Education and families",
    "Function List: education and learning; children and families",
    [
      [
        "EDUCATION",
        "Education services",
        "Local-authority education services.",
        [
          [
            "SEND_CASE_MANAGEMENT",
            "SEND and EHCP case management",
            "Special educational needs assessments and education, health and care plans.",
          ],
          ["ADMISSIONS", "School admissions", "School place applications and allocation."],
          [
            "PERSONAL_EDUCATION_PLANS",
            "Personal education plans",
            "Electronic personal education plans for looked-after children (ePEP).",
          ],
          [
            "FAMILY_SERVICES_DIRECTORY",
            "Family services directory",
            "Directories of services and the SEND local offer.",
          ],
          [
            "ADULT_LEARNING_MIS",
            "Adult learning management information",
            "Adult and community learning and apprenticeship records (Maytas, ebs).",
          ],
          ["MUSIC_SERVICE", "Music service management", "Music lesson scheduling and billing (Speedadmin)."],
          [
            "SCHOOL_DATA_EXCHANGE",
            "School data exchange",
            "Secure file and message exchange with schools (Anycomms).",
          ],
          ["VIRTUAL_LEARNING", "Virtual learning environment", "Online courses for learners (a VLE)."],
        ],
      ],
      [
        "SCHOOLS_MIS",
        "Schools management information",
        "Software schools run.",
        [
          [
            "SCHOOL_MIS",
            "School management information system",
            "Pupil records, attendance and assessment in schools (SIMS, Arbor).",
          ],
        ],
      ],
    ],
  ],
  [
    "HOUSING_DOMAIN",
    "Housing",
    "Function List: housing",
    [
      [
        "HOUSING",
        "Housing management",
        "Housing services.",
        [
          [
            "HOMELESSNESS",
            "Homelessness and housing options",
            "Housing options and homelessness case management (Jigsaw, Locata).",
          ],
          [
            "LETTINGS",
            "Choice-based lettings and allocations",
            "Housing register and choice-based lettings (Abritas, Locata).",
          ],
          ["PRIVATE_SECTOR", "Private sector housing licensing", "HMO and selective licensing (Metastreet)."],
          [
            "STOCK_MANAGEMENT",
            "Housing stock management",
            "Tenancies, rents and repairs of council housing.",
          ],
        ],
      ],
    ],
  ],
  [
    "BENEFITS_TAXATION_DOMAIN",
    "Council tax, business rates and benefits",
    "Function List: benefits; council tax; business rates",
    [
      [
        "REVENUES_BENEFITS",
        "Revenues and benefits",
        "Local taxation and benefits.",
        [
          [
            "ADMINISTRATION",
            "Revenues and benefits administration",
            "Council tax, business rates and housing benefit administration (Academy, OpenRevenues).",
          ],
          [
            "SELF_SERVICE",
            "Revenues and benefits self-service",
            "Citizen and business self-service portals on the revenues system.",
          ],
          [
            "BENEFITS_CALCULATOR",
            "Benefits calculator",
            "Public benefits entitlement calculators (entitledto).",
          ],
          ["RISK_BASED_VERIFICATION", "Risk-based verification", "Risk scoring of benefit claims."],
          ["ECLAIM_FORMS", "Benefit e-claim forms", "Online claim forms for benefits (Victoria Forms)."],
          [
            "HOUSEHOLD_ANALYTICS",
            "Low-income household analytics",
            "Analysis of low-income households for targeted support (LIFT).",
          ],
        ],
      ],
    ],
  ],
  [
    "ENVIRONMENT_DOMAIN",
    "Environment and waste",
    "Function List: environmental services; waste management",
    [
      [
        "WASTE_ENVIRONMENT",
        "Waste and environmental services",
        "Waste and environmental services.",
        [
          [
            "WASTE_COLLECTION",
            "Waste collection management",
            "Rounds, crews and in-cab for refuse and recycling (Bartec, Whitespace).",
          ],
          ["TREE_MANAGEMENT", "Tree management", "Tree inventory and inspections (Ezytreev)."],
          [
            "NOISE_EVIDENCE",
            "Noise nuisance evidence",
            "Recording of noise complaints by residents (The Noise App).",
          ],
        ],
      ],
    ],
  ],
  [
    "TRANSPORT_DOMAIN",
    "Transport, highways and parking",
    "Function List: transport and infrastructure; roads and highways; parking",
    [
      [
        "HIGHWAYS",
        "Highways and transport",
        "Highways and transport.",
        [
          [
            "ASSET_MANAGEMENT",
            "Highways asset management",
            "Highway inventory, inspections and works (Confirm, Insight, Horizons).",
          ],
          ["STREET_WORKS", "Street works co-ordination", "Street works permits and noticing."],
          [
            "STREET_LIGHTING",
            "Street lighting management",
            "Street lighting inventory and faults (Mayrise).",
          ],
          [
            "TRAFFIC_CONTROL",
            "Urban traffic management and control",
            "UTMC and traffic signal control (Stratos, Dynniq UTMC).",
          ],
          [
            "FLEET_MANAGEMENT",
            "Fleet management",
            "Council vehicle fleet maintenance and compliance (Tranman, FleetWave).",
          ],
          [
            "ROUTE_OPTIMISATION",
            "Route optimisation",
            "Vehicle route planning and optimisation (QRoutes, RouteSmart).",
          ],
          [
            "PASSENGER_TRANSPORT",
            "Passenger transport scheduling",
            "Home-to-school and social care transport (Trapeze PASS).",
          ],
        ],
      ],
      [
        "PARKING",
        "Parking",
        "Parking enforcement and services.",
        [
          [
            "ENFORCEMENT",
            "Parking enforcement and PCN processing",
            "Penalty charge notice processing (Civica ICPS, Taranto).",
          ],
          [
            "PERMITS_MAPPING",
            "Parking permits and restrictions mapping",
            "Permit administration and traffic-order mapping (ParkMap).",
          ],
          ["CASHLESS", "Cashless parking payments", "Pay-by-phone parking (RingGo)."],
        ],
      ],
    ],
  ],
  [
    "PLANNING_DOMAIN",
    "Planning, building control and regulation",
    "Function List: planning and building control; regulatory services",
    [
      [
        "PLANNING",
        "Planning and building control",
        "Planning, building control and regulatory services.",
        [
          [
            "CASE_MANAGEMENT",
            "Planning and regulatory case management",
            "Planning applications, building control, land charges and regulatory cases (Uniform, Assure).",
          ],
          ["PUBLIC_ACCESS", "Planning public access", "Public search and comment on planning applications."],
          [
            "WORKFLOW",
            "Regulatory workflow and task management",
            "Workflow and document tasks on the regulatory system (Idox Enterprise).",
          ],
        ],
      ],
    ],
  ],
  [
    "CULTURE_DOMAIN",
    "Culture, leisure and libraries",
    "Function List: culture and leisure; libraries; museums and archives",
    [
      [
        "LIBRARIES",
        "Library management",
        "Library services.",
        [
          [
            "LIBRARY_MANAGEMENT",
            "Library management system",
            "Catalogue, loans and membership (Spydus, Symphony).",
          ],
          ["EBOOK_LENDING", "eBook and eAudio lending", "Digital lending platforms (BorrowBox, Libby)."],
          ["PC_BOOKING", "Public PC booking", "Booking and control of public computers (Netloan)."],
          ["PUBLIC_PRINTING", "Public printing and payment", "Print and pay for library users (Princh)."],
          [
            "SCHOOL_LIBRARY_SERVICE",
            "School library service management",
            "Loans and stock of a schools library service.",
          ],
        ],
      ],
      [
        "CULTURE_HERITAGE",
        "Museums and archives",
        "Museum and archive collections.",
        [
          [
            "COLLECTIONS_MANAGEMENT",
            "Museum collections management",
            "Object records and loans (Axiell Collections, MODES).",
          ],
          ["ARCHIVES_CATALOGUE", "Archives cataloguing", "Archive catalogues and searchrooms (CALM)."],
        ],
      ],
      [
        "LEISURE",
        "Leisure and events",
        "Leisure centres and venues.",
        [
          [
            "LEISURE_MANAGEMENT",
            "Leisure centre management",
            "Memberships, bookings and tills for leisure centres (Plus2, Legend).",
          ],
          ["BOX_OFFICE", "Box office ticketing", "Theatre and event ticketing (Ticketsolve)."],
        ],
      ],
      [
        "BEREAVEMENT",
        "Bereavement services",
        "Cemeteries and crematoria.",
        [
          [
            "BURIAL_CREMATION_RECORDS",
            "Burial and cremation records",
            "Burial, cremation and grave records (BACAS, Epitaph).",
          ],
        ],
      ],
    ],
  ],
  [
    "DEMOCRACY_DOMAIN",
    "Democracy, elections and registration",
    "Function List: council and democracy; elections; registration of births, deaths and marriages",
    [
      [
        "ELECTORAL",
        "Electoral registration",
        "Elections.",
        [
          [
            "ELECTORAL_MANAGEMENT",
            "Electoral management system",
            "Electoral register, canvass and elections (Xpress, Democracy Counts).",
          ],
        ],
      ],
      [
        "REGISTRARS",
        "Registration services",
        "Registration of births, deaths and marriages.",
        [
          [
            "BOOKING",
            "Registration and ceremony booking",
            "Appointments and ceremonies (Civica Registrars, Stopford).",
          ],
        ],
      ],
      [
        "DEMOCRATIC_SERVICES",
        "Democratic services",
        "Councillors and committees.",
        [
          [
            "COMMITTEE_MANAGEMENT",
            "Committee management",
            "Agendas, minutes and decisions (ModernGov, CMIS).",
          ],
        ],
      ],
    ],
  ],
  [
    "CUSTOMER_DOMAIN",
    "Customer services and digital",
    "Function List: customer services; communications",
    [
      [
        "CRM",
        "Customer relationship management",
        "Customer contact and case handling.",
        [
          [
            "CUSTOMER_CASE_MANAGEMENT",
            "Customer contact and case management",
            "Corporate CRM: contacts, service requests and cases (Dynamics 365, Salesforce, Lagan).",
          ],
          [
            "COMPLAINTS_FOI",
            "Complaints and information requests",
            "Complaints, FOI and subject access requests (Respond, iCasework).",
          ],
          [
            "ONLINE_FORMS",
            "Online forms and self-service",
            "Citizen online forms and integration (Firmstep).",
          ],
          [
            "DIRECTORY_PLATFORM",
            "Multichannel service directory",
            "Directories of local services across channels.",
          ],
        ],
      ],
      [
        "WEBSITE",
        "Website and content management",
        "Public web presence.",
        [
          ["CMS", "Website content management", "Public website and intranet CMS (Jadu, Umbraco)."],
          ["EMAIL_BULLETINS", "Email bulletins", "Citizen newsletters and alerts (GovDelivery)."],
          ["ONLINE_SURVEYS", "Online surveys and consultation", "Surveys and consultations (SmartSurvey)."],
        ],
      ],
      [
        "PAYMENTS",
        "Payments",
        "Taking payments.",
        [
          [
            "INCOME_MANAGEMENT",
            "Payments and income management",
            "Online, telephone and kiosk payments and income reconciliation (Civica Pay, Pay360).",
          ],
          [
            "SCHOOL_PAYMENTS",
            "School payments",
            "Parents' payments for meals and trips (ParentPay, SCOPay).",
          ],
        ],
      ],
      [
        "TELEPHONY",
        "Telephony and contact centre",
        "Voice and contact centre.",
        [
          ["VOICE", "Telephony", "Telephone system or cloud voice (Mitel MiVoice, Teams Phone)."],
          ["CONTACT_CENTRE", "Contact centre", "Queues, agents and IVR (MiContact Center, Anywhere365)."],
          ["CALL_RECORDING", "Call recording", "Recording of calls (Red Box)."],
          ["MOBILE", "Mobile telephony", "Mobile phones, airtime and SIMs."],
        ],
      ],
    ],
  ],
  [
    "CORPORATE_DOMAIN",
    "Corporate services",
    "Function List: finance; human resources; legal; property; procurement",
    [
      [
        "FINANCE",
        "Finance and ERP",
        "Finance and purchasing.",
        [
          [
            "ERP",
            "Finance and ERP system",
            "General ledger, purchasing, payables and receivables (Oracle E-Business Suite, Unit4 ERP).",
          ],
          ["E_SOURCING", "E-tendering and sourcing", "Tenders and quotations (ProContract, Atamis)."],
          [
            "CONTRACT_MANAGEMENT",
            "Contract management",
            "Contract register and supplier management (Atamis).",
          ],
          ["TREASURY", "Treasury management", "Investments and borrowing (Logotech)."],
          [
            "FIXED_ASSETS",
            "Fixed asset accounting",
            "Asset register and capital accounting (AssetManager.NET).",
          ],
          ["BUDGETING", "Budgeting and forecasting", "Budget setting and financial assessment tools."],
        ],
      ],
      [
        "HR_PAYROLL",
        "HR and payroll",
        "People.",
        [
          [
            "HR_PAYROLL_SYSTEM",
            "HR and payroll system",
            "Personnel records and payroll (iTrent, ResourceLink).",
          ],
          ["RECRUITMENT", "Recruitment", "Applicant tracking (Tribepad, Jobs Go Public)."],
          [
            "LEARNING",
            "Learning management",
            "E-learning and training administration (Kallidus, Learning Pool, accessplanit).",
          ],
          ["TIME_ATTENDANCE", "Time and attendance", "Clocking and rostering of staff (Softworks, UKG)."],
          ["OCCUPATIONAL_HEALTH", "Occupational health", "Occupational health case records (Cority)."],
          ["HEALTH_SAFETY", "Health and safety incidents", "Accident and incident reporting (Evotix)."],
          ["PENSIONS", "Pensions administration", "Local government pension scheme administration (OPAS)."],
        ],
      ],
      [
        "LEGAL",
        "Legal services",
        "Legal.",
        [["CASE_MANAGEMENT", "Legal case management", "Legal matters and time recording (IKEN, Norwel)."]],
      ],
      [
        "AUDIT_RISK",
        "Audit, risk and insurance",
        "Assurance.",
        [
          [
            "AUDIT_MANAGEMENT",
            "Internal audit management",
            "Audit plans and findings (Pentana Audit, Galileo).",
          ],
          [
            "CLAIMS_HANDLING",
            "Insurance claims handling",
            "Liability claims and insurance (JCAD LACHS, Figtree).",
          ],
          [
            "PERFORMANCE_MANAGEMENT",
            "Performance management",
            "Corporate performance indicators and plans (InPhase, Pentana Performance).",
          ],
        ],
      ],
      [
        "PROPERTY",
        "Property and estates",
        "Buildings and land.",
        [
          [
            "ASSET_MANAGEMENT",
            "Property asset management",
            "Property records, condition and maintenance (Concerto, Tf Cloud).",
          ],
          [
            "COMMERCIAL_PROPERTY_DATA",
            "Commercial property data",
            "Databases of commercial property for economic development.",
          ],
        ],
      ],
      [
        "DOCUMENT_MANAGEMENT",
        "Document and records management",
        "Records.",
        [
          [
            "EDRMS",
            "Electronic document and records management",
            "Records, retention and case files (OpenText, W2).",
          ],
          ["CAPTURE", "Scanning and capture", "Document scanning and data capture (ABBYY, Kofax)."],
          ["E_SIGNATURE", "Electronic signature", "Signing documents online (DocuSign)."],
        ],
      ],
      [
        "PRINT_MAIL",
        "Print and mail",
        "Printing and outbound post.",
        [
          [
            "PRINT_MANAGEMENT",
            "Print management",
            "Secure print release and accounting (PaperCut, uniFLOW).",
          ],
          [
            "HYBRID_MAIL",
            "Hybrid mail",
            "Outbound letters printed and posted by a provider (Docmail, Prism).",
          ],
          ["PRINT_DEVICES", "Printers and multi-function devices", "Managed print fleets and MFDs."],
        ],
      ],
      [
        "BUSINESS_INTELLIGENCE",
        "Business intelligence",
        "Reporting and analytics.",
        [
          [
            "ANALYTICS",
            "Reporting and analytics platform",
            "Dashboards and self-service analytics (Power BI, Qlik, OBIEE).",
          ],
        ],
      ],
      [
        "GIS",
        "Geographic information",
        "Maps and addresses.",
        [
          [
            "GIS_PLATFORM",
            "GIS platform",
            "Desktop and server GIS for analysis and map production (ArcGIS Enterprise, MapInfo).",
          ],
          [
            "WEB_MAPPING",
            "Web mapping",
            "Maps published to staff and the public on the web (ArcGIS Online, iShare).",
          ],
          ["ADDRESS_GAZETTEER", "Address gazetteer", "Local land and property gazetteer (Symphony, GGP)."],
          ["SPATIAL_ETL", "Spatial data integration", "Spatial data transformation and loading (FME)."],
        ],
      ],
      [
        "COMMUNITY_SAFETY",
        "Community safety",
        "CCTV and safety.",
        [
          [
            "CCTV_VIDEO_MANAGEMENT",
            "CCTV video management",
            "Public-space CCTV recording and viewing (Genetec, Milestone).",
          ],
        ],
      ],
      [
        "PRODUCTIVITY",
        "Office productivity and email",
        "Office work.",
        [
          ["EMAIL_COLLABORATION", "Email and collaboration", "Email, calendars, chat and file sharing."],
          ["OFFICE_APPS", "Office applications", "Word processing, spreadsheets and presentations."],
          ["PDF_EDITING", "PDF editing", "Creating and editing PDFs (Acrobat, Nitro)."],
        ],
      ],
    ],
  ],
  [
    "ICT_DOMAIN",
    "ICT infrastructure and security",
    "LGSL internal services: information and communications technology",
    [
      [
        "ITSM",
        "IT service management",
        "Running IT.",
        [
          ["SERVICE_DESK", "IT service desk", "Incidents, requests and changes (ServiceNow, TOPdesk)."],
          ["ASSET_DISCOVERY", "IT asset discovery", "Hardware and software inventory (Lansweeper)."],
          [
            "INFRASTRUCTURE_MONITORING",
            "Infrastructure monitoring",
            "Network and server monitoring (PRTG, SolarWinds).",
          ],
        ],
      ],
      [
        "ENDPOINT_SECURITY",
        "Endpoint security and management",
        "Devices.",
        [
          [
            "ENDPOINT_PROTECTION",
            "Endpoint protection",
            "Anti-malware and EDR (Defender for Endpoint, Intercept X).",
          ],
          [
            "DEVICE_MANAGEMENT",
            "Device management",
            "MDM/UEM, software deployment and patching (Intune, Workspace ONE, Ivanti EPM).",
          ],
        ],
      ],
      [
        "NETWORK_SECURITY",
        "Network and information security",
        "Security.",
        [
          ["FIREWALL", "Firewalls", "Perimeter and internal firewalls (FortiGate, Palo Alto)."],
          ["REMOTE_ACCESS", "Remote access VPN", "VPN clients and gateways (Secure Client, GlobalProtect)."],
          ["EMAIL_SECURITY", "Email security gateway", "Inbound email filtering (Mimecast, Proofpoint)."],
          ["EMAIL_ENCRYPTION", "Email encryption", "Encrypted email to partners (Egress)."],
          [
            "SIEM",
            "Security monitoring (SIEM)",
            "Log collection and threat detection (Sentinel, LogRhythm).",
          ],
          [
            "VULNERABILITY_MANAGEMENT",
            "Vulnerability management",
            "Vulnerability scanning (Tenable, InsightVM).",
          ],
        ],
      ],
      [
        "WEB_FILTERING",
        "Web filtering",
        "Web and content filtering.",
        [
          [
            "WEB_FILTER",
            "Web content filtering",
            "Web and content filtering for staff and schools (Smoothwall, Forcepoint, Netsweeper).",
          ],
        ],
      ],
      [
        "IDENTITY",
        "Identity and access",
        "Identity.",
        [
          [
            "PASSWORD_SELF_SERVICE",
            "Self-service password reset",
            "Users reset their own passwords (ADSelfService Plus, Specops uReset, Entra ID).",
          ],
          [
            "CITIZEN_IDENTITY",
            "Citizen identity and sign-in",
            "Sign-in for residents' online accounts (Azure AD B2C).",
          ],
        ],
      ],
      [
        "VIRTUALISATION",
        "Virtualisation and hosting",
        "Hosting workloads.",
        [
          ["HYPERVISOR", "Server virtualisation", "Hypervisors and their management (vSphere, Hyper-V)."],
          ["SERVER_OS", "Server operating system", "Server operating system licences (Windows Server)."],
          ["CLOUD_AUTOMATION", "Private cloud automation", "Self-service provisioning (Aria Automation)."],
          ["PUBLIC_CLOUD", "Public cloud platform", "Public cloud infrastructure (Azure, AWS)."],
        ],
      ],
      [
        "DATABASE",
        "Database management",
        "Data platforms.",
        [
          [
            "RELATIONAL_DATABASE",
            "Relational database server",
            "Relational database servers (SQL Server, Oracle).",
          ],
        ],
      ],
      [
        "BACKUP",
        "Backup and recovery",
        "Protecting data.",
        [
          [
            "DATA_PROTECTION",
            "Backup and recovery",
            "Backup, replication and disaster recovery (Commvault, Veeam).",
          ],
        ],
      ],
      [
        "HARDWARE",
        "Computer equipment",
        "Devices and hardware.",
        [
          ["END_USER_DEVICES", "End-user devices", "Desktops, laptops, tablets and peripherals."],
          ["SERVERS_STORAGE", "Servers and storage hardware", "Servers, SAN/NAS and their support."],
          ["NETWORK_EQUIPMENT", "Network equipment", "Switches, routers and Wi-Fi hardware."],
        ],
      ],
      [
        "NETWORK_SERVICES",
        "Network services",
        "Connectivity.",
        [
          [
            "WAN_INTERNET",
            "WAN and internet connectivity",
            "Wide-area network, broadband, PSN and internet services.",
          ],
        ],
      ],
      [
        "DATA_CENTRE",
        "Data centres",
        "Where the estate runs.",
        [
          [
            "FACILITIES",
            "Data centre facilities maintenance",
            "UPS, generators, cooling and fire suppression.",
          ],
          ["COLOCATION", "Colocation", "Rack space in a third-party data centre."],
        ],
      ],
      [
        "IT_SERVICES",
        "IT services",
        "Managed services, consultancy and support (not a product).",
        [
          ["MANAGED_SERVICE", "IT managed service", "Outsourced operation of IT."],
          ["DEVELOPMENT", "Software development", "Bespoke development and digital delivery."],
        ],
      ],
    ],
  ],
];

function build(): TaxonomyNode[] {
  const nodes: TaxonomyNode[] = [];
  for (const [dCode, dName, basis, caps] of TREE) {
    nodes.push({
      code: dCode,
      name: dName,
      level: "DOMAIN",
      parent: null,
      description: `${dName} (${basis}).`,
    });
    for (const [cCode, cName, cDesc, jobs] of caps) {
      nodes.push({ code: cCode, name: cName, level: "CAPABILITY", parent: dCode, description: cDesc });
      for (const [jCode, jName, jDesc] of jobs) {
        nodes.push({
          code: `${cCode}.${jCode}`,
          name: jName,
          level: "JOB",
          parent: cCode,
          description: jDesc,
        });
      }
    }
  }
  return nodes;
}

/** Every node of the taxonomy: each domain, then its capabilities, each followed by its jobs. */
export const TAXONOMY: readonly TaxonomyNode[] = build();

/** Taxonomy nodes by code. */
export const TAXONOMY_BY_CODE: ReadonlyMap<string, TaxonomyNode> = new Map(TAXONOMY.map((n) => [n.code, n]));

/** Whether `code` names a job (the taxonomy's leaf level). */
export function isJobCode(code: string): boolean {
  return TAXONOMY_BY_CODE.get(code)?.level === "JOB";
}

/**
 * Whether node `code` is `ancestor` or lies below it ("SOCIAL_CARE_ADULTS.TELECARE_MONITORING" is
 * within SOCIAL_CARE_ADULTS and within SOCIAL_CARE_DOMAIN). Unknown codes are within nothing but
 * themselves.
 */
export function isWithin(code: string, ancestor: string): boolean {
  let at: string | null = code;
  while (at !== null) {
    if (at === ancestor) return true;
    at = TAXONOMY_BY_CODE.get(at)?.parent ?? null;
  }
  return false;
}
