// The capability catalogue: what job a product does, so functional overlap (two CRMs) is found by
// capability, not only by identical product names. Codes are stable API values.

/** One capability in the catalogue. */
export interface CapabilitySeed {
  code: string;
  name: string;
  description: string;
}

/** Every capability Converge knows, in display order. */
export const CAPABILITIES: readonly CapabilitySeed[] = [
  { code: "CRM", name: "Customer relationship management", description: "Customer contact, case and enquiry handling." },
  { code: "FINANCE", name: "Finance and ERP", description: "General ledger, purchasing, accounts payable and receivable." },
  { code: "HR_PAYROLL", name: "HR and payroll", description: "Personnel records, payroll, time and attendance." },
  { code: "SOCIAL_CARE_ADULTS", name: "Adult social care", description: "Case management for adult social care." },
  { code: "SOCIAL_CARE_CHILDREN", name: "Children's social care", description: "Case management for children's services." },
  { code: "HOUSING", name: "Housing management", description: "Tenancies, rents, repairs, homelessness." },
  { code: "REVENUES_BENEFITS", name: "Revenues and benefits", description: "Council tax, business rates, housing benefit." },
  { code: "PLANNING", name: "Planning and building control", description: "Planning applications, building control, land charges." },
  { code: "LIBRARIES", name: "Library management", description: "Library catalogue, loans and membership." },
  { code: "SCHOOLS_MIS", name: "Schools management information", description: "Pupil records, attendance, admissions." },
  { code: "EDUCATION", name: "Education services", description: "SEND, early years, education welfare." },
  { code: "GIS", name: "Geographic information", description: "Mapping, gazetteer, spatial analysis." },
  { code: "ITSM", name: "IT service management", description: "Service desk, incidents, changes, asset register." },
  { code: "WEB_FILTERING", name: "Web filtering", description: "Web and content filtering for staff and schools." },
  { code: "PRODUCTIVITY", name: "Office productivity and email", description: "Email, office suite, collaboration." },
  { code: "VIRTUALISATION", name: "Virtualisation", description: "Hypervisors and virtualisation management." },
  { code: "DATABASE", name: "Database management", description: "Relational database servers." },
  { code: "BACKUP", name: "Backup and recovery", description: "Backup, replication and disaster recovery." },
  { code: "ENDPOINT_SECURITY", name: "Endpoint security", description: "Anti-malware, EDR and device protection." },
  { code: "NETWORK_SECURITY", name: "Network security", description: "Firewalls, VPN and intrusion prevention." },
  { code: "IDENTITY", name: "Identity and access", description: "Directory, single sign-on, MFA." },
  { code: "DOCUMENT_MANAGEMENT", name: "Document and records management", description: "EDRMS, scanning, retention." },
  { code: "WEBSITE", name: "Website and content management", description: "Public website and intranet CMS." },
  { code: "PAYMENTS", name: "Payments", description: "Online and telephone payments, income management." },
  { code: "WASTE_ENVIRONMENT", name: "Waste and environmental services", description: "Waste collection, street scene, environmental health." },
  { code: "HIGHWAYS", name: "Highways and transport", description: "Highways asset management, street works, transport." },
  { code: "PARKING", name: "Parking enforcement", description: "Penalty charge notices and permits." },
  { code: "ELECTORAL", name: "Electoral registration", description: "Electoral register and elections." },
  { code: "REGISTRARS", name: "Registration services", description: "Births, deaths, marriages and ceremonies." },
  { code: "BUSINESS_INTELLIGENCE", name: "Business intelligence", description: "Reporting, dashboards and analytics." },
  { code: "TELEPHONY", name: "Telephony and contact centre", description: "Voice, contact centre and unified communications." },
  { code: "IT_SERVICES", name: "IT services", description: "Managed services, consultancy and support (not a product)." },
  { code: "HARDWARE", name: "Computer equipment", description: "End-user devices, servers and network hardware." },
];
