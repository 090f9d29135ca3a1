// Durham County Council's applications: one line each (name, product, criticality, host, £/yr, options).
import { app, type AppSpec } from "./apps.ts";
import { DCC } from "./dcc-names.ts";

const S1 = DCC.sql1;
const S2 = DCC.sql2;
const OR = DCC.ora;

/** Durham's application estate. */
export const DCC_APPS: readonly AppSpec[] = [
  // Adults' and children's social care
  app("Mosaic adults", "mosaic-adults", "C", "core", 83_000, {
    db: OR,
    users: 850,
    desc: "Adults' social care case management and finance.",
  }),
  app("Mosaic children's", "mosaic-children", "C", "core", 76_500, {
    db: OR,
    users: 700,
    desc: "Children's social care and early help.",
  }),
  app("Mosaic citizen portal", "mosaic-adults", "M", "core", 0, { needs: ["Mosaic adults"] }),
  app("CareCubed", "carecubed", "M", "saas", 6500, { users: 25 }),
  app("Answerlink telecare (Durham Careline)", "jontek", "C", "core", 28_000, { db: S2 }),
  app("Core+ youth justice", "careworks", "H", "saas", 11_500, { users: 55 }),
  app("Access Care Planning", "access-care", "M", "saas", 17_000, { users: 400, needs: ["Mosaic adults"] }),
  app("Medequip Connect", "medequip", "M", "saas", 4000),
  app("ePEP Online", "epep", "M", "saas", 5500),
  // Education and schools
  app("Capita One education", "capita-one", "H", "core", 49_500, {
    db: S1,
    users: 350,
    desc: "SEND, admissions, attendance, early years and early help.",
  }),
  app("Capita One provider portal", "capita-one", "M", "core", 0, { needs: ["Capita One education"] }),
  app("Arbor MIS (schools)", "arbor", "C", "saas", 65_000, {
    metric: "SITE",
    desc: "Cloud MIS for maintained schools buying the traded service.",
  }),
  app("ParentPay school payments", "parentpay", "M", "saas", 9000, { sso: false }),
  app("Trapeze PASS home-to-school transport", "trapeze", "M", "core", 11_000, { db: S2 }),
  app("Invision360 EHCP hub", "invision360", "M", "saas", 7500),
  app("Open Place family information directory", "placecube", "L", "saas", 5000, { sso: false }),
  app("Tribal ebs adult learning", "tribal-ebs", "M", "saas", 9500, { users: 50 }),
  // Revenues, benefits and payments
  app("Civica OpenRevenues", "openrevenues", "C", "core", 97_000, {
    db: OR,
    desc: "Council tax, business rates, housing benefit and council tax reduction.",
  }),
  app("Civica OpenPortal", "openportal", "H", "saas", 14_500, { needs: ["Civica OpenRevenues"] }),
  app("Victoria Forms benefits e-forms", "victoria-forms", "M", "saas", 5000, {
    needs: ["Civica OpenRevenues"],
  }),
  app("TransUnion risk based verification", "transunion-rbv", "M", "saas", 4500, {
    needs: ["Civica OpenRevenues"],
  }),
  app("LIFT dashboard", "pip-lift", "L", "saas", 7000),
  app("Pay360 income management", "pay360", "C", "saas", 26_000, { needs: ["Unit4 ERP"] }),
  app("RingGo cashless parking", "ringgo", "L", "saas", 3000, {
    sso: false,
    desc: "Cashless parking; the council pays a service fee, motorists the transaction fee.",
  }),
  // Finance, HR and corporate
  app("Unit4 ERP", "unit4", "C", "core", 103_500, {
    db: S1,
    users: 800,
    desc: "Finance, procurement, payables and receivables.",
  }),
  app("ResourceLink HR and payroll", "resourcelink", "C", "core", 70_000, {
    db: OR,
    users: 7_200,
    desc: "HR, payroll and pensions for council and school staff.",
  }),
  app("ResourceLink self service", "resourcelink", "H", "core", 0, {
    needs: ["ResourceLink HR and payroll"],
  }),
  app("North East Jobs recruitment", "jobsgopublic", "M", "saas", 11_500, {
    needs: ["ResourceLink HR and payroll"],
  }),
  app("Kallidus Learn", "kallidus", "M", "saas", 10_500, { users: 4_500 }),
  app("Softworks time and attendance", "softworks", "M", "saas", 13_000, {
    users: 1_100,
    needs: ["ResourceLink HR and payroll"],
  }),
  app("accessplanit training booking", "accessplanit", "L", "saas", 3000),
  app("Atamis contract management", "atamis", "M", "saas", 11_000, { users: 60 }),
  app("Pentana Performance", "pentana-perf", "M", "saas", 8500),
  app("Galileo audit management", "galileo", "L", "saas", 4000, { users: 16 }),
  app("Concerto property management", "concerto", "M", "saas", 16_000, { users: 95 }),
  app("Figtree health, safety and insurance", "figtree", "M", "saas", 9500),
  app("OPAS-G2 occupational health", "opas", "L", "saas", 5500, { users: 12 }),
  app("Norwel legal case management", "norwel", "M", "saas", 12_000, { users: 65 }),
  app("CMIS committee management", "cmis", "M", "saas", 7000),
  app("Docmail hybrid mail", "docmail", "L", "saas", 6000),
  app("SmartSurvey", "smartsurvey", "L", "saas", 1500, { users: 20 }),
  // Customer contact, web and documents
  app("Salesforce Service Cloud", "salesforce", "C", "saas", 0, {
    desc: "Corporate CRM for customer services and casework.",
  }),
  app("Firmstep forms", "firmstep", "H", "saas", 19_000, { needs: ["Salesforce Service Cloud"] }),
  app("iCasework complaints and FOI", "icasework", "M", "saas", 8500, { users: 90 }),
  app("durham.gov.uk website (Jadu)", "jadu", "H", "aws", 16_000, { sso: false }),
  app("GovDelivery email bulletins", "govdelivery", "L", "saas", 5500),
  app("Civica W2 EDRMS", "civica-w2", "H", "core", 43_000, {
    db: S1,
    users: 1_100,
    needs: ["Civica OpenRevenues"],
  }),
  app("ABBYY FlexiCapture scanning", "abbyy", "M", "core", 8000, { needs: ["Civica W2 EDRMS"] }),
  app("Nitro PDF Pro", "nitro", "L", "saas", 9500, { users: 350 }),
  app("Qlik Sense reporting", "qlik", "M", "core", 0, { db: S1 }),
  app("SharePoint intranet (Durham Intranet)", "ms-m365-e3", "M", "saas", 0),
  app("Sophos Intercept X", "sophos", "H", "saas", 41_500, { users: 4_200, metric: "DEVICE" }),
  app("Workspace ONE mobile device management", "ws1", "M", "saas", 15_500, {
    users: 2_100,
    metric: "DEVICE",
  }),
  app("Proofpoint email protection", "proofpoint", "H", "saas", 22_000, { users: 4_200 }),
  app("InsightVM vulnerability management", "rapid7", "M", "saas", 11_500, {
    users: 2_200,
    metric: "DEVICE",
  }),
  app("LogRhythm SIEM", "logrhythm", "H", "core", 23_500),
  app("Forcepoint web security (corporate)", "forcepoint", "H", "core", 21_500, { users: 4_200 }),
  app("Netsweeper schools web filter", "netsweeper", "H", "schools", 25_000, { metric: "SITE" }),
  app("Specops uReset", "specops", "L", "core", 2000),
  app("TOPdesk service management", "topdesk", "H", "saas", 28_000, {
    users: 90,
    desc: "IT service desk, change and asset register.",
  }),
  app("Ivanti Endpoint Manager", "ivanti-epm", "M", "core", 14_000, {
    db: S2,
    users: 4_200,
    metric: "DEVICE",
  }),
  app("PRTG network monitoring", "prtg", "L", "core", 2500),
  app("Microsoft Teams Phone", "ms-teams-phone", "H", "saas", 0),
  app("Anywhere365 contact centre", "anywhere365", "H", "saas", 20_000, {
    users: 110,
    needs: ["Microsoft Teams Phone"],
  }),
  app("uniFLOW print management", "uniflow", "L", "core", 5500),
  app("Genetec Security Center CCTV", "genetec", "M", "core", 10_500, { db: S2 }),
  // Place: planning, regulation, GIS, housing, environment, highways, parking
  app("NEC Assure", "nec-assure", "H", "core", 58_500, {
    db: S1,
    users: 320,
    desc: "Planning, building control, land charges, environmental health and licensing.",
  }),
  app("NEC Assure public access", "nec-assure", "M", "core", 0, { needs: ["NEC Assure"], sso: false }),
  app("GGP gazetteer (LLPG)", "ggp", "H", "core", 8500, { db: S1 }),
  app("MapInfo Pro", "mapinfo", "M", "core", 12_500, { users: 80 }),
  app("iShare web mapping", "astun-ishare", "M", "aws", 10_000, {
    needs: ["GGP gazetteer (LLPG)"],
    sso: false,
  }),
  app("Abritas choice based lettings (Durham Key Options)", "abritas", "M", "saas", 15_000),
  app("Metastreet private rented sector", "metastreet", "L", "saas", 6500),
  app("Whitespace waste management", "whitespace", "H", "saas", 23_500),
  app("FleetWave fleet management", "fleetwave", "M", "saas", 9500),
  app("Confirm highways asset management", "confirm", "H", "core", 30_500, { db: S1, users: 140 }),
  app("Dynniq UTMC traffic management", "dynniq", "H", "core", 12_000),
  app("ICPS parking enforcement", "icps", "H", "saas", 17_500),
  // Democratic, registration, culture
  app("Democracy Counts electoral management", "dcounts", "H", "saas", 15_500),
  app("Civica Registrars", "civica-reg", "M", "saas", 5000),
  app("BACAS bereavement services", "bacas", "M", "saas", 5500),
  app("Symphony library management", "symphony-lms", "M", "saas", 26_000),
  app("Princh library printing", "princh", "L", "saas", 3000, { sso: false }),
  app("Libby eLibrary", "overdrive", "L", "saas", 19_000, { sso: false }),
  app("Axiell Collections (museums)", "axiell-collections", "L", "saas", 4000),
  app("CALM archives", "calm", "L", "core", 2500),
  app("Legend leisure management", "legend", "M", "saas", 20_000),
  app("Ticketsolve (Gala Theatre)", "ticketsolve", "L", "saas", 3500),
  // Government-provided services (no licence) and in-house systems
  app("DWP Searchlight", null, "H", "saas", 0, { sso: false }),
  app("Tell Us Once", null, "M", "saas", 0, { sso: false }),
  app("GRO Registration Online (RON)", null, "H", "saas", 0, { sso: false }),
  app("Blue Badge Digital Service", null, "M", "saas", 0, { sso: false }),
  app("IER Digital Service", null, "H", "saas", 0, { sso: false }),
  app("National Fraud Initiative", null, "L", "saas", 0, { sso: false }),
  app("GOV.UK Notify", null, "M", "saas", 0, { sso: false }),
  app("DfE COLLECT", null, "L", "saas", 0, { sso: false }),
  app("Street Manager (DfT)", null, "M", "saas", 0, { sso: false }),
  app("Durham fostering portal (in-house)", null, "M", "aws", 0, { needs: ["Mosaic children's"] }),
  app("Area Action Partnership grants (in-house)", null, "L", "core", 0, { db: S2 }),
  app("Durham school admissions online (in-house)", null, "M", "core", 0, {
    db: S2,
    life: "DECOMMISSIONING",
    needs: ["Capita One education"],
    desc: "Legacy admissions front end, replaced by the Capita One portal.",
  }),
  app("Durham highways fault reporting (in-house)", null, "M", "aws", 0, {
    needs: ["Confirm highways asset management"],
  }),
  app("Durham data platform (in-house)", null, "M", "aws", 0, {
    needs: ["Unit4 ERP", "Mosaic adults", "Civica OpenRevenues"],
    desc: "AWS data lake feeding Qlik and statutory returns.",
  }),
  app("Durham integration layer (in-house)", null, "H", "aws", 0, {
    needs: ["Salesforce Service Cloud", "Civica OpenRevenues", "Pay360 income management"],
  }),
  app("Durham Careline legacy alarm platform", null, "L", "core", 0, {
    life: "RETIRED",
    desc: "Replaced by Answerlink.",
  }),
  app("Durham schools capital tracker (in-house)", null, "L", "core", 0, { db: S2 }),
  app("Durham DR test harness", null, "L", "dr", 0, {
    desc: "Automated failover tests in the Doxford DR racks.",
  }),
  app("Mosaic DR replica", "mosaic-adults", "H", "dr", 0, {
    db: "DCC ORACLE01 standby (Doxford)",
    desc: "Warm standby application tier for Mosaic.",
  }),
];
