// Sunderland City Council's applications: one line each (name, product, criticality, host, £/yr, options).
import { app, type AppSpec } from "./apps.ts";
import { SCC } from "./scc-names.ts";

const S1 = SCC.sql1;
const S2 = SCC.sql2;
const OR = SCC.ora;

/** Sunderland's application estate. */
export const SCC_APPS: readonly AppSpec[] = [
  // Adults' and children's social care
  app("Liquidlogic LAS", "lq-las", "C", "core", 94_500, {
    db: S1,
    users: 900,
    desc: "Adults' social care case management.",
  }),
  app("Liquidlogic LCS", "lq-lcs", "C", "core", 85_500, {
    db: S1,
    users: 750,
    desc: "Children's social care case management.",
  }),
  app("Liquidlogic EHM", "lq-ehm", "H", "core", 20_000, {
    db: S1,
    users: 400,
    needs: ["Liquidlogic LCS"],
    desc: "Early help module.",
  }),
  app("ContrOCC", "lq-controcc", "C", "core", 38_000, {
    db: S1,
    users: 60,
    needs: ["Liquidlogic LAS", "Oracle E-Business Suite"],
    desc: "Social care finance: provider payments and client charging.",
  }),
  app("Liquidlogic Portal", "lq-portal", "H", "core", 13_500, {
    needs: ["Liquidlogic LAS"],
    desc: "Citizen and provider portal for social care.",
  }),
  app("CM2000 homecare monitoring", "cm2000", "H", "saas", 27_000, { needs: ["ContrOCC"] }),
  app("ELMS2 community equipment", "elms2", "M", "saas", 8000),
  app("Tunstall PNC telecare", "tunstall-pnc", "C", "core", 34_000, {
    db: S2,
    desc: "Telecare alarm monitoring for Sunderland Care and Support.",
  }),
  app("ChildView youth justice", "childview", "H", "saas", 12_500, { users: 60 }),
  app("Welfare Call ePEP", "welfare-call", "M", "saas", 7000),
  app("Totalmobile care scheduling", "totalmobile", "H", "saas", 20_000, {
    users: 520,
    needs: ["Liquidlogic LAS"],
  }),
  // Education and schools
  app("Synergy education", "synergy", "H", "core", 43_000, {
    db: S1,
    users: 300,
    desc: "SEND, admissions, attendance and early years funding.",
  }),
  app("Synergy early years provider portal", "synergy", "M", "core", 0, { needs: ["Synergy education"] }),
  app("SIMS (maintained schools)", "sims", "C", "schools", 72_000, {
    metric: "SITE",
    desc: "Schools MIS for maintained schools, LA-brokered.",
  }),
  app("SCOPay school payments", "scopay", "M", "saas", 10_000, { sso: false }),
  app("QRoutes home-to-school transport", "qroutes", "M", "saas", 7000),
  app("Open Objects family services directory", "open-objects", "L", "saas", 4500, { sso: false }),
  app("Maytas adult learning", "maytas", "M", "saas", 8500, { users: 45 }),
  app("Speedadmin music service", "speedadmin", "L", "saas", 3500),
  app("Anycomms Plus schools data exchange", "anycomms", "L", "saas", 2500),
  // Revenues, benefits and payments
  app("Academy Revenues and Benefits", "academy", "C", "core", 108_000, {
    db: S1,
    desc: "Council tax, business rates, housing benefit and council tax support.",
  }),
  app("Citizen Access Revenues", "citizen-access", "H", "saas", 17_000, {
    needs: ["Academy Revenues and Benefits"],
  }),
  app("Xantura risk based verification", "xantura", "M", "saas", 5500, {
    needs: ["Academy Revenues and Benefits"],
  }),
  app("entitledto benefits calculator", "entitledto", "L", "saas", 3000, { sso: false }),
  app("Civica Pay income management", "civica-pay", "C", "core", 31_500, {
    db: S1,
    needs: ["Oracle E-Business Suite"],
  }),
  // Finance, HR and corporate
  app("Oracle E-Business Suite", "ora-ebs", "C", "core", 117_000, {
    db: OR,
    users: 900,
    desc: "General ledger, purchasing, payables, receivables and iProcurement.",
  }),
  app("Oracle Business Intelligence", "ora-obiee", "M", "core", 13_500, {
    db: OR,
    users: 120,
    needs: ["Oracle E-Business Suite"],
  }),
  app("iTrent HR and payroll", "itrent", "C", "core", 76_500, {
    db: S1,
    users: 7_800,
    metric: "USER",
    desc: "HR, payroll and pensions for council and maintained-school staff.",
  }),
  app("iTrent self service", "itrent", "H", "core", 0, { needs: ["iTrent HR and payroll"] }),
  app("Tribepad recruitment", "tribepad", "M", "saas", 13_500, { needs: ["iTrent HR and payroll"] }),
  app("Learning Pool LMS", "learningpool", "M", "saas", 11_000, { users: 5_000 }),
  app("UKG Workforce Central time and attendance", "ukg-wfc", "M", "core", 16_000, {
    db: S2,
    users: 1_400,
    needs: ["iTrent HR and payroll"],
  }),
  app("ProContract e-tendering", "procontract", "M", "saas", 5500),
  app("Logotech treasury management", "logotech", "L", "saas", 4000, { users: 4 }),
  app("CIPFA AssetManager", "cipfa-am", "L", "saas", 3500, { users: 6 }),
  app("JCAD LACHS insurance claims", "jcad", "M", "saas", 5000, { users: 12 }),
  app("Pentana audit management", "pentana-audit", "L", "saas", 4500, { users: 18 }),
  app("InPhase performance management", "inphase", "M", "saas", 11_000),
  app("Tf Cloud property management", "techforge", "M", "saas", 14_500, { users: 85 }),
  app("Evotix health and safety", "evotix", "L", "saas", 7000),
  app("Cority occupational health", "cority", "L", "saas", 6500, { users: 14 }),
  app("IKEN legal case management", "iken", "M", "saas", 13_500, { users: 70 }),
  app("ModernGov committee management", "moderngov", "M", "saas", 7000),
  app("Synertec hybrid mail", "synertec", "L", "saas", 7000),
  app("DocuSign eSignature", "docusign", "L", "saas", 4000, { users: 40 }),
  // Customer contact, web and documents
  app("Dynamics 365 Customer Service", "ms-d365-cs", "C", "saas", 0, {
    desc: "Corporate CRM: contact centre, casework and online accounts.",
  }),
  app("Verint Lagan CRM (legacy)", "verint-lagan", "M", "core", 21_500, {
    db: S2,
    life: "DECOMMISSIONING",
    users: 300,
    desc: "Legacy CRM being replaced by Dynamics 365.",
  }),
  app("Aptean Respond complaints", "aptean-respond", "M", "saas", 9000, { users: 80 }),
  app("sunderland.gov.uk website (Umbraco)", "umbraco", "H", "azure", 8000, { sso: false }),
  app("OpenText Content Server EDRMS", "opentext", "H", "core", 54_000, { db: S1, users: 1_200 }),
  app("Kofax Capture scanning", "kofax", "M", "core", 11_000, { needs: ["OpenText Content Server EDRMS"] }),
  app("Adobe Acrobat Pro", "adobe-acrobat", "L", "saas", 36_500, { users: 450 }),
  app("Power BI corporate reporting", "ms-powerbi", "M", "saas", 0),
  app("SharePoint intranet (The Hub)", "ms-m365-e3", "M", "saas", 0, {
    desc: "Staff intranet on SharePoint Online.",
  }),
  app("Microsoft Defender for Endpoint", "ms-defender", "H", "saas", 52_500, {
    users: 4_850,
    metric: "DEVICE",
  }),
  app("Microsoft Sentinel SIEM", "ms-sentinel", "H", "azure", 20_000),
  app("Mimecast email security", "mimecast", "H", "saas", 26_000, { users: 4_850 }),
  app("Egress secure email", "egress", "M", "saas", 8000, { users: 1_500 }),
  app("Tenable vulnerability management", "tenable", "M", "saas", 12_500, { users: 2_500, metric: "DEVICE" }),
  app("Smoothwall corporate web filter", "smoothwall", "H", "core", 29_000, { users: 4_850 }),
  app("Smoothwall schools web filter", "smoothwall", "H", "schools", 0),
  app("ADSelfService Plus password reset", "adssp", "L", "core", 2500),
  app("ServiceNow ITSM", "servicenow", "H", "saas", 47_000, {
    users: 120,
    desc: "IT service desk, change, problem and CMDB.",
  }),
  app("Lansweeper asset discovery", "lansweeper", "L", "core", 3000),
  app("SolarWinds network monitoring", "solarwinds", "M", "core", 7000),
  app("Mitel MiVoice Business telephony", "mitel-mivb", "H", "core", 38_000, {
    users: 4_000,
    metric: "DEVICE",
  }),
  app("Mitel MiContact Center", "mitel-micc", "H", "core", 18_000, {
    users: 120,
    needs: ["Mitel MiVoice Business telephony"],
  }),
  app("Red Box call recording", "redbox", "M", "core", 5500, { needs: ["Mitel MiVoice Business telephony"] }),
  app("PaperCut print management", "papercut", "L", "core", 6500),
  app("Milestone XProtect CCTV", "milestone", "M", "core", 9000, { db: S2 }),
  // Place: planning, regulation, GIS, housing, environment, highways, parking
  app("Idox Uniform", "uniform", "H", "core", 63_000, {
    db: S1,
    users: 350,
    desc: "Planning, building control, land charges, environmental health and licensing.",
  }),
  app("Idox Public Access", "idox-pa", "M", "core", 8000, { needs: ["Idox Uniform"], sso: false }),
  app("Idox Enterprise workflow", "idox-enterprise", "M", "core", 9000, { db: S1, needs: ["Idox Uniform"] }),
  app("Aligned Assets Symphony LLPG", "aa-symphony", "H", "core", 10_000, { db: S1 }),
  app("ArcGIS Enterprise", "esri-enterprise", "H", "core", 43_000, {
    db: S1,
    needs: ["Aligned Assets Symphony LLPG"],
  }),
  app("ArcGIS Online", "esri-online", "M", "saas", 9000, { users: 150 }),
  app("FME Flow data integration", "fme", "M", "core", 5500),
  app("Locata housing register", "locata", "M", "saas", 16_000),
  app("Jigsaw homelessness casework", "jigsaw", "M", "saas", 12_500, { users: 65 }),
  app("Bartec Collective waste", "bartec", "H", "saas", 25_000, {
    desc: "Waste collection rounds, in-cab devices and missed bins.",
  }),
  app("Ezytreev tree management", "ezytreev", "L", "saas", 2500),
  app("The Noise App", "noiseapp", "L", "saas", 2000, { sso: false }),
  app("Tranman fleet management", "tranman", "M", "core", 10_000, { db: S2 }),
  app("Yotta Horizons highways asset management", "yotta-horizons", "H", "saas", 21_500),
  app("Mayrise street lighting", "mayrise", "M", "core", 7000, { db: S2 }),
  app("Symology Insight street works", "symology", "M", "saas", 11_500),
  app("Stratos UTMC traffic management", "stratos", "H", "core", 13_500),
  app("Taranto parking enforcement", "taranto", "H", "saas", 19_000),
  app("ParkMap permits", "chipside", "L", "saas", 4000),
  // Democratic, registration, culture
  app("Xpress electoral management", "xpress", "H", "core", 17_000, { db: S2 }),
  app("Stopford registrars", "stopford", "M", "saas", 5500),
  app("Epitaph bereavement services", "epitaph", "M", "core", 6500, { db: S2 }),
  app("Spydus library management", "spydus", "M", "saas", 29_000),
  app("Netloan public PC booking", "netloan", "L", "core", 4000),
  app("BorrowBox eLibrary", "borrowbox", "L", "saas", 16_000, { sso: false }),
  app("MODES museum collections", "modes", "L", "core", 2000),
  app("Plus2 leisure management", "gladstone", "M", "saas", 18_000),
  // Government-provided services (no licence) and in-house systems
  app("DWP Searchlight", null, "H", "saas", 0, { sso: false }),
  app("Tell Us Once", null, "M", "saas", 0, { sso: false }),
  app("GRO Registration Online (RON)", null, "H", "saas", 0, { sso: false }),
  app("Blue Badge Digital Service", null, "M", "saas", 0, { sso: false }),
  app("IER Digital Service", null, "H", "saas", 0, { sso: false }),
  app("National Fraud Initiative", null, "L", "saas", 0, { sso: false }),
  app("GOV.UK Notify", null, "M", "saas", 0, { sso: false }),
  app("DfE COLLECT", null, "L", "saas", 0, { sso: false }),
  app("Sunderland grants management (in-house)", null, "L", "core", 0, {
    db: S2,
    desc: "Access/SQL Server application for community grants.",
  }),
  app("Sunderland school admissions online (in-house)", null, "M", "azure", 0, {
    needs: ["Synergy education"],
  }),
  app("Sunderland staff directory (in-house)", null, "L", "core", 0, { db: S2 }),
  app("Sunderland integration hub (in-house)", null, "H", "azure", 0, {
    needs: ["Dynamics 365 Customer Service", "Academy Revenues and Benefits", "Civica Pay income management"],
    desc: "Azure Functions and Service Bus integrations between CRM, revenues and payments.",
  }),
  app("Sunderland Care and Support rota (in-house, retired)", null, "L", "core", 0, {
    life: "RETIRED",
    desc: "Replaced by Totalmobile.",
  }),
];
