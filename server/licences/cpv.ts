// CPV (Common Procurement Vocabulary) code → capability, for contracts imported from procurement
// records. The most specific CPV prefix wins; generic codes ("software package", "IT services") give
// way to keywords in the title, then the description. Pure, no database.
import { KEYWORDS } from "./cpv-keywords.ts";
import { TAXONOMY } from "../catalogue/taxonomy.ts";

const ONLY_JOB = new Map<string, string>();
{
  const jobs = new Map<string, string[]>();
  for (const n of TAXONOMY) if (n.level === "JOB") jobs.set(n.parent!, [...(jobs.get(n.parent!) ?? []), n.code]);
  for (const [cap, list] of jobs) if (list.length === 1) ONLY_JOB.set(cap, list[0]!);
}

/** The job a capability code implies: itself when it is already a job, the capability's only job, else the capability. */
export function narrowToJob(code: string): string {
  return ONLY_JOB.get(code) ?? code;
}

/** One row of the CPV table: a code prefix and what it means for Converge. */
export interface CpvRule {
  /** The code with trailing CPV-hierarchy zeros dropped ("48450000" → "4845"). */
  prefix: string;
  /** The capability the code implies, or null when it says nothing about one. */
  capability: string | null;
  /** A specific code beats title keywords; a generic one ("48000000") gives way to them. */
  specific: boolean;
  label: string;
}

const rule = (code: string, capability: string | null, specific: boolean, label: string): CpvRule => ({
  prefix: cpvPrefix(code),
  capability,
  specific,
  label,
});

/** The CPV codes councils use for ICT, with their capability. Codes not listed inherit from a parent. */
export const CPV_RULES: readonly CpvRule[] = [
  rule("30120000", "PRINT_MAIL.PRINT_DEVICES", true, "Photocopying and offset printing equipment (MFDs)"),
  rule("30213000", "HARDWARE.END_USER_DEVICES", true, "Personal computers"),
  rule("30230000", "HARDWARE", true, "Computer-related equipment"),
  rule("30231000", "HARDWARE.END_USER_DEVICES", true, "Computer screens and consoles"),
  // "Internet services" is what many notices give for any hosted service or SaaS subscription: a hint, not the job.
  rule("72400000", "NETWORK_SERVICES.WAN_INTERNET", false, "Internet services"),
  rule("72700000", "NETWORK_SERVICES.WAN_INTERNET", true, "Computer network services"),
  rule("30200000", "HARDWARE", true, "Computer equipment and supplies"),
  rule("32000000", "HARDWARE", false, "Radio, television, communication, telecommunication equipment"),
  rule("32250000", "TELEPHONY", true, "Mobile telephones"),
  rule("32400000", "HARDWARE", false, "Networks (switches, cabling; keywords such as firewall override)"),
  rule("32500000", "TELEPHONY", false, "Telecommunications equipment and supplies"),
  rule("32550000", "TELEPHONY", true, "Telephone equipment"),
  rule("38221000", "GIS", true, "Geographic information systems"),
  rule("48000000", null, false, "Software package and information systems"),
  rule("48100000", null, false, "Industry specific software package"),
  rule("48160000", "LIBRARIES", true, "Library software package"),
  rule("48190000", "EDUCATION", true, "Educational software package"),
  rule("48200000", null, false, "Networking, Internet and intranet software package"),
  rule("48300000", "PRODUCTIVITY", false, "Document creation, drawing, imaging, scheduling and productivity"),
  rule("48311000", "DOCUMENT_MANAGEMENT", true, "Document management software package"),
  rule("48326000", "GIS", true, "Mapping software package"),
  rule("48329000", "DOCUMENT_MANAGEMENT", true, "Imaging and archiving system"),
  rule("48333000", "CRM", true, "Contact management software package"),
  rule("48400000", null, false, "Business transaction and personal business software package"),
  rule("48440000", "FINANCE", true, "Financial analysis and accounting software package"),
  rule("48442000", "FINANCE", true, "Financial systems software package"),
  rule("48445000", "CRM", true, "Customer relationship management software package"),
  rule("48450000", "HR_PAYROLL", true, "Time accounting or human resources software package"),
  rule("48451000", "FINANCE", true, "Enterprise resource planning software package"),
  rule("48460000", "BUSINESS_INTELLIGENCE", false, "Analytical, scientific, mathematical or forecasting"),
  rule("48482000", "BUSINESS_INTELLIGENCE", true, "Business intelligence software package"),
  rule("48490000", "FINANCE", true, "Procurement software package"),
  rule("48500000", null, false, "Communication and multimedia software package"),
  rule("48512000", "TELEPHONY", true, "Interactive voice response software package"),
  rule("48514000", "NETWORK_SECURITY", true, "Remote access software package"),
  rule("48515000", "TELEPHONY", true, "Video conferencing software package"),
  rule("48600000", null, false, "Database and operating software package"),
  rule("48610000", "DATABASE", true, "Database systems"),
  rule("48613000", "DOCUMENT_MANAGEMENT", true, "Electronic data management (EDM)"),
  rule("48700000", null, false, "Software package utilities"),
  rule("48710000", "BACKUP", true, "Backup or recovery software package"),
  rule("48730000", "ENDPOINT_SECURITY", false, "Security software package"),
  rule("48760000", "ENDPOINT_SECURITY", true, "Virus protection software package"),
  rule("48780000", null, false, "System, storage and content management software package"),
  rule("48781000", "ITSM", true, "System management software package"),
  rule("48783000", "WEBSITE", false, "Content management software package"),
  rule("48800000", null, false, "Information systems and servers"),
  rule("48810000", null, false, "Information systems"),
  rule("48811000", "PRODUCTIVITY", true, "E-mail system"),
  rule("48812000", "FINANCE", true, "Financial information systems"),
  rule("48813000", "HIGHWAYS", true, "Passenger information system"),
  rule("48820000", "HARDWARE.SERVERS_STORAGE", true, "Servers"),
  rule("48900000", null, false, "Miscellaneous software package and computer systems"),
  rule("48920000", "PRODUCTIVITY", false, "Office automation software package"),
  rule("50300000", "HARDWARE", false, "Repair and maintenance of computers, office and telecoms equipment"),
  rule("50330000", "TELEPHONY", false, "Maintenance services of telecommunications equipment"),
  rule("51600000", "HARDWARE", false, "Installation of computers and office equipment"),
  rule("64200000", "TELEPHONY", true, "Telecommunications services"),
  rule(
    "72000000",
    "IT_SERVICES",
    false,
    "IT services: consulting, software development, Internet and support",
  ),
  rule("72200000", "IT_SERVICES", false, "Software programming and consultancy services"),
  rule("72413000", "WEBSITE", true, "World wide web (www) site design services"),
  rule("72415000", "WEBSITE", true, "World wide web (www) site operation host services"),
  rule("72500000", "IT_SERVICES", false, "Computer-related services"),
  rule("72910000", "BACKUP", true, "Computer back-up services"),
  rule("80420000", "EDUCATION", false, "E-learning services"),
];

/**
 * A CPV code's hierarchy prefix: the 8 digits (a "-N" check digit and spaces are ignored) with the
 * trailing zeros that CPV uses for "this level and below" removed, but never shorter than the two-digit
 * division: "48450000-7" → "4845", "72000000" → "72". Returns "" when the input has no 8-digit code.
 */
export function cpvPrefix(code: string): string {
  const digits = /^\s*(\d{8})(?:-\d)?\s*$/.exec(code)?.[1];
  if (!digits) return "";
  const trimmed = digits.replace(/0+$/, "");
  return trimmed.length >= 2 ? trimmed : digits.slice(0, 2);
}

/** The most specific CPV_RULES entry covering a code (longest prefix), or null when none does. */
export function cpvRuleFor(code: string): CpvRule | null {
  const prefix = cpvPrefix(code);
  if (!prefix) return null;
  let best: CpvRule | null = null;
  for (const r of CPV_RULES) {
    if (prefix.startsWith(r.prefix) && (!best || r.prefix.length > best.prefix.length)) best = r;
  }
  return best;
}

/** What cpvToCapability needs from a contract. */
export interface CapabilityInput {
  cpvCode?: string | null;
  /** Additional CPV classifications; consulted only when the main code is not specific. */
  additionalCpvCodes?: readonly string[];
  title?: string | null;
  description?: string | null;
}

/** The capability a contract is for, and how that was decided. */
export interface CapabilityMatch {
  capabilityCode: string | null;
  method: "PRODUCT" | "PHRASE" | "CPV" | "KEYWORD" | "NONE";
  /** The CPV code or the keyword that decided, for the reviewer. */
  evidence: string | null;
}

/**
 * The first keyword rule (in KEYWORDS priority order) whose pattern occurs in the text, with the words
 * that matched. `where` is "description" to skip the title-only rules.
 */
export function keywordCapability(
  text: string | null | undefined,
  where: "title" | "description" = "title",
): { capability: string; keyword: string } | null {
  if (!text) return null;
  for (const k of KEYWORDS) {
    if (where === "description" && k.titleOnly) continue;
    const m = k.pattern.exec(text);
    if (m) return { capability: k.capability, keyword: m[0] };
  }
  return null;
}
