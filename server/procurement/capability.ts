// The job a contract buys, decided from the strongest evidence it carries, and which evidence decided:
//   1. PRODUCT — a product the catalogue knows, named in the title ("GOSS Software annual maintenance");
//   2. PHRASE — a phrase in the title that names a job ("community equipment store", "web filtering");
//   3. CPV — a specific CPV code (48160000 library software), narrowed to a job where it has one;
//   then a product or a phrase in the description;
//   4. KEYWORD — a single word in the title or description, which decides at most a capability
//      ("payroll" → HR_PAYROLL), never a job unless the capability has only one, and nothing when the CPV
//      code is of a non-ICT division (printing, vehicles, building works…);
//   5. CPV — a generic code's default (72000000 → IT_SERVICES), a capability, never a job;
//   otherwise NONE. Evidence naming several jobs ("housing management and CRM", "adults and children's
//   social care") gives NONE with that evidence: unknown is better than wrong. An answer at capability level
//   says "unknown job": it never makes an overlap (overlaps.ts needs a job), which is safer than a
//   wrong job. Pure.
import type { Contract } from "../../generated/prisma/client.ts";
import { cpvRuleFor, keywordCapability, narrowToJob, type CapabilityMatch } from "../licences/cpv.ts";
import { PHRASE_RULES, PRODUCT_RULES, SEVERAL_JOBS, type EvidenceRule } from "./classify-evidence.ts";

/** What classification reads from a contract. */
export interface ClassifyInput {
  cpvCode?: string | null;
  additionalCpvCodes?: readonly string[];
  title?: string | null;
  description?: string | null;
}

/** Every rule that matches `text`, as distinct jobs with the first words that named each. */
function allRules(rules: readonly EvidenceRule[], text: string | null | undefined) {
  const found = new Map<string, string>();
  if (!text) return found;
  for (const r of rules) {
    if (found.has(r.job)) continue;
    const m = r.pattern.exec(text);
    if (m) found.set(r.job, m[0].replace(/^[^\p{L}\p{N}]+/u, ""));
  }
  return found;
}

type Evidence =
  | { job: string; evidence: string; method: "PRODUCT" | "PHRASE" }
  | { several: string; method: "PRODUCT" | "PHRASE" };

/**
 * The one job `text` names by products (or, failing that, phrases); `several` when it names more than
 * one job (a bundle or a suite: unknown, not a guess).
 */
function evidenceIn(text: string | null | undefined, where: "title" | "description"): Evidence | null {
  if (!text) return null;
  const severalPhrase = SEVERAL_JOBS.map((re) => re.exec(text)?.[0]).find((m) => m);
  if (severalPhrase) return { several: severalPhrase, method: "PHRASE" as const };
  const usable = (rules: readonly EvidenceRule[]) => (where === "title" ? rules : rules.filter((r) => !r.titleOnly));
  const products = allRules(usable(PRODUCT_RULES), text);
  const phrases = allRules(usable(PHRASE_RULES), text);
  for (const [method, found] of [["PRODUCT", products], ["PHRASE", phrases]] as const) {
    if (found.size > 1) return { several: [...found.values()].join(", "), method };
    const [hit] = found;
    if (!hit) continue;
    // A product and a phrase naming jobs of different capabilities ("Revenues and Benefits System —
    // Capita One licences"): the words disagree, so no one job is chosen.
    const [phrase] = phrases;
    if (method === "PRODUCT" && phrase && capabilityOf(phrase[0]) !== capabilityOf(hit[0]))
      return { several: `${hit[1]}, ${phrase[1]}`, method };
    return { job: hit[0], evidence: hit[1], method };
  }
  return null;
}

/**
 * CPV divisions of goods, works and services that are not ICT — construction, vehicles, furniture,
 * printing and business services, cleaning, catering, training — where the code has no ICT rule of its
 * own: a single keyword ("Printing of poll cards for the elections") does not make such a purchase an ICT
 * one. A product or a phrase naming a job still does.
 */
const NON_ICT_DIVISIONS = new Set(["03", "09", "15", "18", "22", "33", "34", "37", "39", "42", "43", "44", "45", "55", "60", "71", "77", "79", "80", "85", "90", "92", "98"]);

function notIctByCpv(code: string | undefined): boolean {
  if (!code || cpvRuleFor(code)) return false;
  return NON_ICT_DIVISIONS.has(code.trim().slice(0, 2));
}

/** A job code's capability: its prefix ("FINANCE.ERP" → "FINANCE"). */
const capabilityOf = (job: string) => job.slice(0, job.indexOf("."));

const unknownBecause = (e: { several: string }): CapabilityMatch => ({
  capabilityCode: null,
  method: "NONE",
  evidence: `names several jobs: ${e.several}`,
});

/**
 * The job (or, failing that, the capability) a contract buys, and the evidence that decided. The title
 * is trusted before a specific CPV code, the description after it (descriptions carry boilerplate such
 * as the tender portal's name) unless the code names only a capability and the description's job lies
 * within it. Evidence naming several jobs makes the answer unknown.
 */
export function classifyContract(input: ClassifyInput): CapabilityMatch {
  const title = evidenceIn(input.title, "title");
  if (title && "several" in title) return unknownBecause(title);
  if (title) return { capabilityCode: title.job, method: title.method, evidence: title.evidence };
  const description = evidenceIn(input.description, "description");
  if (description && "several" in description) return unknownBecause(description);
  const codes = [input.cpvCode, ...(input.additionalCpvCodes ?? [])].filter((c): c is string => !!c);
  for (const code of codes) {
    const r = cpvRuleFor(code);
    if (!(r?.specific && r.capability)) continue;
    const fromCpv = narrowToJob(r.capability);
    if (description && "job" in description && description.job.startsWith(`${fromCpv}.`))
      return { capabilityCode: description.job, method: description.method, evidence: description.evidence };
    return { capabilityCode: fromCpv, method: "CPV", evidence: code };
  }
  if (description)
    return { capabilityCode: description.job, method: description.method, evidence: description.evidence };
  const word = keywordCapability(input.title) ?? keywordCapability(input.description, "description");
  if (word && !notIctByCpv(codes[0]))
    return { capabilityCode: narrowToJob(word.capability), method: "KEYWORD", evidence: word.keyword };
  for (const code of codes) {
    const r = cpvRuleFor(code);
    if (r?.capability) return { capabilityCode: r.capability, method: "CPV", evidence: code };
  }
  return { capabilityCode: null, method: "NONE", evidence: null };
}

/** The job a stored contract buys, and how that was decided. */
export function contractCapability(
  contract: Pick<Contract, "cpvCode" | "title" | "description">,
): CapabilityMatch {
  return classifyContract({
    cpvCode: contract.cpvCode,
    title: contract.title,
    description: contract.description,
  });
}
