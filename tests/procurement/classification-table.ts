// Real public contract titles of UK councils' ICT purchases with the job a procurement officer would
// file each under (null: no single job — a bundle, a service, or a product the taxonomy has no job for).
// Each row names where the title was published. Titles are as published (trimmed of surrounding text).

/** One labelled title. */
export interface LabelledTitle {
  title: string;
  cpv?: string;
  description?: string;
  expected: string | null;
  source: string;
}

const d3 = (ocid: string) => `https://d3tenders.com/contract/?ocid=${ocid}`;

/** Titles found in public notices and council decision records (not the OCDS sample, not the seeds). */
export const PUBLIC_TITLES: readonly LabelledTitle[] = [
  {
    title: "Exacom Software",
    cpv: "48100000",
    expected: null,
    source:
      "https://bidatlas.co.uk/tenders/012311-2026 (Dartford BC; S106 monitoring, no job in the taxonomy)",
  },
  {
    title: "Search & Discovery solution for Public Website and Staff Intranet",
    cpv: "48000000",
    expected: null,
    source: "https://www.find-tender.service.gov.uk/Notice/063249-2025 (Dartford BC)",
  },
  {
    title: "ICT Hardware and Software Support and Maintenance framework",
    expected: null,
    source: d3("ocds-h6vhtk-05523f") + " (Stoke-on-Trent CC)",
  },
  {
    title: "School Appeals Management Software",
    cpv: "48000000",
    expected: null,
    source:
      "https://d3tenders.com/contract/download.php?ocid=ocds-b5fd17-9712bbeb-92fe-4dcc-86f1-ce33dc2b20fb (Nottinghamshire CC)",
  },
  {
    title: "CPU 5342 Financial Management System",
    cpv: "48000000",
    expected: "FINANCE.ERP",
    source:
      "https://d3tenders.com/contract/download.php?ocid=ocds-b5fd17-05e25f38-2a13-4366-85d8-5ea7f78c11ce (Nottingham City Council)",
  },
  {
    title: "Tender for the Provision of Digital Telehealth Care System",
    cpv: "72000000",
    expected: "SOCIAL_CARE_ADULTS.TELECARE_MONITORING",
    source:
      "https://d3tenders.com/contract/download.php?ocid=ocds-h6vhtk-03a138 (Halton BC; replaces Tunstall alarm monitoring)",
  },
  {
    title: "A Framework Agreement for the Supply and Maintenance of Telecare Equipment",
    cpv: "35121700",
    expected: null,
    source: d3("ocds-h6vhtk-056a27") + " (North Hertfordshire DC; devices, not the monitoring platform)",
  },
  {
    title: "Supply and Delivery of Technology Enabled Care Goods",
    expected: null,
    source: d3("ocds-r6ebe6-0000707847") + " (Scotland Excel for 32 councils)",
  },
  {
    title:
      "Provision of a Call Monitoring and Alarm Receiving Centre to Respond to Community Alarm and Telecare Activations",
    expected: "SOCIAL_CARE_ADULTS.TELECARE_MONITORING",
    source: d3("ocds-h6vhtk-0415b6") + " (North Ayrshire Council)",
  },
  {
    title: "002150 - Library Management System (LMS)",
    cpv: "48160000",
    expected: "LIBRARIES.LIBRARY_MANAGEMENT",
    source: "https://www.find-tender.service.gov.uk/Notice/015499-2026 (Durham CC)",
  },
  {
    title: "Library Management System_26",
    cpv: "48000000",
    expected: "LIBRARIES.LIBRARY_MANAGEMENT",
    source: d3("ocds-h6vhtk-067703") + " (Liverpool City Council)",
  },
  {
    title: "Approval to award a contract to supply a Tri-borough Library Management System",
    expected: "LIBRARIES.LIBRARY_MANAGEMENT",
    source:
      "https://democracy.lbhf.gov.uk/mgIssueHistoryHome.aspx?IId=22457&PlanId=232&RPID=0 (LB Hammersmith & Fulham)",
  },
  {
    title: "Approval of contract award for a Revenues and Benefits system",
    expected: "REVENUES_BENEFITS.ADMINISTRATION",
    source:
      "https://mycouncil.oxford.gov.uk/documents/s56078/Cabinet%20Report%20Revs%20and%20Bens%20USE%20THIS%20ONE.html (Oxford City Council)",
  },
  {
    title:
      "Decision to approve the renewal of the contract to provide income management and cash receipting services by Capita Pay 360 (Capita)",
    expected: "PAYMENTS.INCOME_MANAGEMENT",
    source: "https://councillors.herefordshire.gov.uk/ieDecisionDetails.aspx?Id=9279 (Herefordshire Council)",
  },
  {
    title:
      "Purchasing of the Civica Openrevenues 'Banded Scheme' Module by way of a variation to the Civica Openrevenues contract dated 28 September 2017",
    expected: "REVENUES_BENEFITS.ADMINISTRATION",
    source: "https://democracy.northdevon.gov.uk/ieDecisionDetails.aspx?ID=415 (North Devon Council)",
  },
  {
    title: "Revenues and Benefits Contract",
    expected: "REVENUES_BENEFITS.ADMINISTRATION",
    source: "http://democracy.gloucester.gov.uk/mgAi.aspx?ID=37038 (Gloucester City Council)",
  },
  {
    title: "Parking Enforcement Processing System Procurement",
    expected: "PARKING.ENFORCEMENT",
    source: "https://opencouncil.network/decisions/167802",
  },
  {
    title: "NYC Parking Notice Processing and Permit System",
    expected: "PARKING.ENFORCEMENT",
    source: "https://edemocracy.northyorks.gov.uk/ieDecisionDetails.aspx?ID=6029 (North Yorkshire Council)",
  },
  {
    title: "Modification of the Parking Management IT System (PMIS) Contract",
    expected: "PARKING.ENFORCEMENT",
    source: "https://www.minutes.haringey.gov.uk/ieIssueDetails.aspx?IId=87550&PlanId=0&Opt=3 (LB Haringey)",
  },
  {
    title: "Decriminalised Parking Enforcement Back Office Support",
    expected: "PARKING.ENFORCEMENT",
    source: d3("ocds-r6ebe6-0000766216") + " (Inverclyde Council)",
  },
  {
    title: "Multi-Functional Device Contract Procurement - (Ref: NB)",
    expected: "PRINT_MAIL.PRINT_DEVICES",
    source:
      "https://democracy.ne-derbyshire.gov.uk/ieDecisionDetails.aspx?AIId=1550 (North East Derbyshire DC)",
  },
  {
    title: "Multi Functional Device (MFD) Contract",
    expected: "PRINT_MAIL.PRINT_DEVICES",
    source:
      "https://moderngov.newcastle-staffs.gov.uk/mgDecisionDetails.aspx?IId=7275&Opt=1 (Newcastle-under-Lyme BC)",
  },
  {
    title: "Photocopiers and Multi-Functional Devices Contract",
    expected: "PRINT_MAIL.PRINT_DEVICES",
    source: "https://democracy.wirral.gov.uk/ieDecisionDetails.aspx?ID=2039 (Wirral Council)",
  },
  {
    title: "Re-Procurement of Corporate Print & Copy Devices",
    expected: "PRINT_MAIL.PRINT_DEVICES",
    source:
      "https://democracy.brighton-hove.gov.uk/mgDecisionDetails.aspx?IId=35254&Opt=1 (Brighton & Hove CC)",
  },
  {
    title: "Multi Functional Devices and Digital Solutions",
    expected: "PRINT_MAIL.PRINT_DEVICES",
    source: d3("ocds-h6vhtk-066388") + " (Kent CC)",
  },
  {
    title: "Corporate Printer Contract (2021/07/15)",
    expected: "PRINT_MAIL.PRINT_DEVICES",
    source: "https://democracy.manchester.gov.uk/ieDecisionDetails.aspx?Id=663 (Manchester City Council)",
  },
  {
    title: "Multi-Functional Device (MFD) Tender Process",
    expected: "PRINT_MAIL.PRINT_DEVICES",
    source: "https://democracy.crawley.gov.uk/ieDecisionDetails.aspx?AIId=831 (Crawley BC)",
  },
  {
    title:
      "Contract for Multi Functional Devices - seeking delegated authority to enter into a new contract (printer/scanner/copiers) jointly with Crawley and Mid Sussex to reduce costs through increased volumes",
    expected: "PRINT_MAIL.PRINT_DEVICES",
    source: "https://horsham.moderngov.co.uk/ieIssueDetails.aspx?IId=4917&PlanId=0&Opt=3 (Horsham DC)",
  },
  {
    title:
      "Request for Approval - Contract Award - Integrated Children & Adults Social Care Case Management and Integrated Finance System",
    expected: null,
    source:
      "https://sccdemocracy.salford.gov.uk/mgAi.aspx?ID=15381 (Salford City Council; adults and children: several jobs)",
  },
  {
    title: "For the supply, installation and maintenance of a social care case management system",
    expected: null,
    source:
      "https://docsbay.net/for-the-supply-installation-and-maintenance-of-a-social-care-case-management-system (for adults' and children's teams)",
  },
  {
    title: "Final Contract extension for the provision of CareDirector Software and Services.",
    expected: null,
    source:
      "https://moderngov.staffordshire.gov.uk/ieDecisionDetails.aspx?ID=3714 (Staffordshire CC; adults and children)",
  },
  {
    title: "Contract extension for the provision of CareDirector Software and Services",
    expected: null,
    source: "https://moderngov.staffordshire.gov.uk/ieDecisionDetails.aspx?ID=2189 (Staffordshire CC)",
  },
  {
    title: "Integrated Social Care & Finance Case Management System",
    cpv: "72000000",
    expected: null,
    source:
      "https://d3tenders.com/contract/download.php?ocid=ocds-h6vhtk-03b7fd (adults, children's, early help and finance)",
  },
  {
    title: "Contract for SEND Case Management IT system",
    cpv: "48000000",
    expected: "EDUCATION.SEND_CASE_MANAGEMENT",
    source: "https://d3tenders.com/contract/download.php?ocid=ocds-h6vhtk-035963 (NEPO)",
  },
  {
    title: "In-cab technology",
    expected: "WASTE_ENVIRONMENT.WASTE_COLLECTION",
    source: "https://horsham.moderngov.co.uk/ieDecisionDetails.aspx?AIId=1032 (Horsham DC)",
  },
  {
    title: "Award of contract for a new Telephony solution.",
    expected: "TELEPHONY.VOICE",
    source: "https://mycouncil.oxford.gov.uk/ieDecisionDetails.aspx?Id=863 (Oxford City Council)",
  },
  {
    title: "Procurement Update on Telephony Project",
    expected: "TELEPHONY.VOICE",
    source:
      "https://minutes-1.nwleics.gov.uk/ieIssueDetails.aspx?IId=14706&Opt=3 (North West Leicestershire DC)",
  },
  {
    title:
      "Decision to approve award of contract to a telephony unified communication platform provider for a period of up to 7 years",
    expected: "TELEPHONY.VOICE",
    source: "https://democracy.merton.gov.uk/mgIssueHistoryHome.aspx?IId=28925&Opt=0 (LB Merton)",
  },
  {
    title: "Replacement Telephone System",
    expected: "TELEPHONY.VOICE",
    source: "https://chichester.moderngov.co.uk/mgAi.aspx?ID=2873 (Chichester DC)",
  },
  {
    title: "Payroll System",
    cpv: "48000000",
    expected: "HR_PAYROLL.HR_PAYROLL_SYSTEM",
    source: d3("ocds-h6vhtk-04acb3"),
  },
  {
    title: "Procurement of a new HR and Payroll System",
    expected: "HR_PAYROLL.HR_PAYROLL_SYSTEM",
    source: "https://mycouncil.oxford.gov.uk/ieDecisionDetails.aspx?Id=2819 (Oxford City Council)",
  },
  {
    title: "HR&Payroll System",
    expected: "HR_PAYROLL.HR_PAYROLL_SYSTEM",
    source: d3("ocds-h6vhtk-06554b") + " (Oxford City Council)",
  },
  {
    title: "Payroll Service and HR/Payroll System",
    expected: "HR_PAYROLL.HR_PAYROLL_SYSTEM",
    source: d3("ocds-h6vhtk-0567b9") + " (LB Hounslow)",
  },
  {
    title: "Authority to Delegate Award of Contract for provision of a single wide area network service",
    expected: "NETWORK_SERVICES.WAN_INTERNET",
    source: "https://www.minutes.haringey.gov.uk/mgAi.aspx?ID=58290 (LB Haringey)",
  },
  {
    title: "SD-WAN Contract Variation",
    expected: "NETWORK_SERVICES.WAN_INTERNET",
    source: "https://www.minutes.haringey.gov.uk/mgAi.aspx?ID=77983 (LB Haringey)",
  },
  {
    title: "Community Network Procurement",
    expected: "NETWORK_SERVICES.WAN_INTERNET",
    source:
      "https://councillors.herefordshire.gov.uk/ieDecisionDetails.aspx?Id=1959 (Herefordshire Council; telecoms infrastructure and connectivity)",
  },
  {
    title: "Contract for Replacement of Laptops, Desktops and Tablets",
    expected: "HARDWARE.END_USER_DEVICES",
    source: "https://democracy.southend.gov.uk/mgDecisionDetails.aspx?IId=21176&Opt=1 (Southend-on-Sea CC)",
  },
  {
    title: "Procurement strategy for laptop refresh",
    expected: "HARDWARE.END_USER_DEVICES",
    source: "https://democracy.islington.gov.uk/ieIssueDetails.aspx?IId=25901&PlanId=0&Opt=3 (LB Islington)",
  },
  {
    title: "Provision of ICT Hardware, Software and Peripherals",
    expected: null,
    source: "https://edemocracy.coventry.gov.uk/mgAi.aspx?ID=31411 (Coventry City Council)",
  },
  {
    title: "003315 - Electoral Management System",
    cpv: "48100000",
    expected: "ELECTORAL.ELECTORAL_MANAGEMENT",
    source: "https://bidatlas.co.uk/tenders/020012-2026 (Durham CC)",
  },
  {
    title: "Electoral Management System (EMS)",
    expected: "ELECTORAL.ELECTORAL_MANAGEMENT",
    source: d3("ocds-h6vhtk-0583dd") + " (Durham CC)",
  },
  {
    title: "Electoral Registration and Elections Software Management System",
    expected: "ELECTORAL.ELECTORAL_MANAGEMENT",
    source: "https://barnet.moderngov.co.uk/mgIssueHistoryHome.aspx?IId=33439&Opt=0 (LB Barnet)",
  },
  {
    title:
      "Procurement of a new system to enable the management of elections and electoral registration for the new unitary council",
    expected: "ELECTORAL.ELECTORAL_MANAGEMENT",
    source: "https://democracy.southlakeland.gov.uk/ieDecisionDetails.aspx?AIId=23894 (South Lakeland DC)",
  },
  {
    title: "Interim Electronic Records and Document Management System (EDRMS) Support Solution",
    expected: "DOCUMENT_MANAGEMENT.EDRMS",
    source: "https://barnet.moderngov.co.uk/ieDecisionDetails.aspx?ID=4905 (LB Barnet)",
  },
  {
    title: "Contract for Cloud Based Electronic Document Records Management Solution",
    expected: "DOCUMENT_MANAGEMENT.EDRMS",
    source: d3("ocds-h6vhtk-04ed83") + " (Gateshead Council)",
  },
  {
    title: "Highways Asset Management Software",
    expected: "HIGHWAYS.ASSET_MANAGEMENT",
    source: "https://moderngov.rotherham.gov.uk/ieDecisionDetails.aspx?ID=1437 (Rotherham MBC; Symology)",
  },
  {
    title: "Authority to Procure a Renewal of the Council's Microsoft Licences",
    expected: null,
    source:
      "https://moderngov.harrow.gov.uk/ieDecisionDetails.aspx?AIId=117077 (LB Harrow; an Enterprise Agreement covers many jobs)",
  },
  {
    title: "Approval to enter into Enterprise Agreement for Microsoft Licences",
    expected: null,
    source: "https://mycouncil.surreycc.gov.uk/mgDecisionDetails.aspx?IId=18197&Opt=1 (Surrey CC)",
  },
  {
    title: "Procurement of Microsoft Licencing and Support",
    expected: null,
    source: "https://cms.wiltshire.gov.uk/mgAi.aspx?ID=100637 (Wiltshire Council)",
  },
  {
    title: "Microsoft Office 365 & Azure Renewal",
    expected: null,
    source: "https://modgov.sefton.gov.uk/ieIssueDetails.aspx?IId=62369&Opt=3 (Sefton Council; two jobs)",
  },
  {
    title: "RENEWAL OF CONTRACT: MICROSOFT ENTERPRISE AGREEMENT",
    expected: null,
    source: "http://councillors.herefordshire.gov.uk/iedecisiondetails.aspx?id=1609 (Herefordshire Council)",
  },
  {
    title: "Approval to Begin Re-Procurement for our Microsoft Enterprise Agreement (MEA)",
    expected: null,
    source:
      "https://mycouncil.oxfordshire.gov.uk/ieListDocuments.aspx?CId=1211&MeetingId=7494 (Oxfordshire CC)",
  },
  {
    title: "ICT - Provision of Microsoft Enterprise Licencing and subscription (SaaS)",
    expected: null,
    source: "http://opencouncil.network/meetings/26472 (LB Waltham Forest)",
  },
  {
    title:
      "Procurement of Housing Management System and implementation of a Customer Relationship Management System",
    expected: null,
    source: "https://councilmeetings.lewisham.gov.uk/ieDecisionDetails.aspx?Id=5865 (LB Lewisham; two jobs)",
  },
];

/** The job of each record of the public OCDS sample (shared/data/ocds, = seeds/data), by tender reference. */
export const OCDS_LABELS: Readonly<Record<string, string | null>> = {
  "DCC001-DN528075-22414406": "BUSINESS_INTELLIGENCE.ANALYTICS", // Regional commissioning dashboard tool for NE ADASS
  OPEN2026278: "HOUSING.STOCK_MANAGEMENT", // Housing Management Finance Module
  "DCC001-DN757023-95755253": null, // NCER CIC Membership (examination results consortium)
  "18-V4208": "WEBSITE.CMS", // GOSS Software annual maintenance
  "DCC001-DN362021-09316669": "HIGHWAYS.ROUTE_OPTIMISATION", // Routesmart
  "003536": null, // Budgeting and Financial Assessment Tool (housing applicants' affordability)
  "DCC001-DN218681-73623359": "PRINT_MAIL.PRINT_DEVICES", // MFDs for schools and academies
  "001944 / DN757162": "IDENTITY.CITIZEN_IDENTITY", // Granicus Azure B2C Configuration
  "DCC001-DN305524-19916055": "PROPERTY.COMMERCIAL_PROPERTY_DATA", // Commercial Property Database
  "SUN001-DN580370-80564160": null, // Nutritional Analysis Software (school catering)
  "SUN001-DN471958-76231479": "HARDWARE.END_USER_DEVICES", // Desktop Hardware Refresh (2nd Phase)
  "SUN001-DN518262-64597755": "HARDWARE.END_USER_DEVICES", // Further Competition for the Desktop Hardware Refresh
  "DCC001-DN537096-56004745": "LIBRARIES.SCHOOL_LIBRARY_SERVICE", // School Library Service Management System
  "DCC001-DN615543-59117469": null, // Brain in Hand (a support app)
  "18-V4225": null, // Additional Civica monthly returns modules
  "2019842343": "SOCIAL_CARE_ADULTS.EQUIPMENT_LOANS", // Community Equipment Store Solution
  DN740508: null, // Durham Start-Ups Portal
  "DCC001-DN351016-46462604": "EDUCATION.VIRTUAL_LEARNING", // ALSS Virtual Learning Environment
  "202211291059": null, // One-Off Purchase of Hardware Requirements (laptops, switches, handsets…)
  "SUN001-DN553865-90979232": "WEB_FILTERING.WEB_FILTER", // Web Filtering Software and Support Package
  DN696144: "HIGHWAYS.ASSET_MANAGEMENT", // Integrated Highways Asset Management System
  "001948 / OPEN2025307": "SOCIAL_CARE_CHILDREN.PROCEDURES_MANUAL", // Tri.x procedures manual
  "DN245654/2": "CRM.CUSTOMER_CASE_MANAGEMENT", // Business Durham Client Management System
  DN547711: null, // Digital careers and start-up programmes (not an ICT product)
  "ocds-h6vhtk-066195": "CRM.DIRECTORY_PLATFORM", // Multichannel Directory Platform
};

/** The job of each seed service contract (contracts without licences), by title. */
export const SEED_SERVICE_LABELS: Readonly<Record<string, string>> = {
  "Corporate WAN and internet managed service": "NETWORK_SERVICES.WAN_INTERNET",
  "Schools broadband and WAN": "NETWORK_SERVICES.WAN_INTERNET",
  "Storage and server hardware support": "HARDWARE.SERVERS_STORAGE",
  "Data centre facilities maintenance (Doxford and Washington)": "DATA_CENTRE.FACILITIES",
  "Multi-function device managed print": "PRINT_MAIL.PRINT_DEVICES",
  "Disaster recovery co-location at Sunderland Data Centre": "DATA_CENTRE.COLOCATION",
  "DR link County Hall to Doxford": "NETWORK_SERVICES.WAN_INTERNET",
};
