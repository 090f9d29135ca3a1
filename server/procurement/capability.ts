// The job a contract buys, decided from the strongest evidence it carries, and which evidence decided:
//   1. PRODUCT — a product the catalogue knows, named in the title ("GOSS Software annual maintenance");
//   2. PHRASE — a phrase in the title that names a job ("community equipment store", "web filtering");
//   3. CPV — a specific CPV code (48160000 library software), narrowed to a job where it has one;
//   then a product or a phrase in the description;
//   4. KEYWORD — a single word in the title or description, which decides at most a capability
//      ("payroll" → HR_PAYROLL), never a job unless the capability has only one;
//   5. CPV — a generic code's default (72000000 → IT_SERVICES), a capability, never a job;
//   otherwise NONE. The title is read before the description at each step. An answer at capability level
//   says "unknown job": it never makes an overlap (overlaps.ts needs a job), which is safer than a
//   wrong job. Pure.
import type { Contract } from "../../generated/prisma/client.ts";
import { cpvRuleFor, keywordCapability, narrowToJob, type CapabilityMatch } from "../licences/cpv.ts";
import { PHRASE_RULES, PRODUCT_RULES, type EvidenceRule } from "./classify-evidence.ts";

/** What classification reads from a contract. */
export interface ClassifyInput {
  cpvCode?: string | null;
  additionalCpvCodes?: readonly string[];
  title?: string | null;
  description?: string | null;
}

function firstRule(rules: readonly EvidenceRule[], text: string | null | undefined) {
  if (!text) return null;
  for (const r of rules) {
    const m = r.pattern.exec(text);
    if (m) return { job: r.job, evidence: m[0].replace(/^[^\p{L}\p{N}]+/u, "") };
  }
  return null;
}

/**
 * The job (or, failing that, the capability) a contract buys, and the evidence that decided. The title
 * is trusted before a specific CPV code, the description after it (descriptions carry boilerplate such
 * as the tender portal's name).
 */
export function classifyContract(input: ClassifyInput): CapabilityMatch {
  const product = (text: string | null | undefined, where: "title" | "description") => {
    const hit = firstRule(
      where === "title" ? PRODUCT_RULES : PRODUCT_RULES.filter((r) => !r.titleOnly),
      text,
    );
    return hit && ({ capabilityCode: hit.job, method: "PRODUCT", evidence: hit.evidence } as const);
  };
  const phrase = (text: string | null | undefined) => {
    const hit = firstRule(PHRASE_RULES, text);
    return hit && ({ capabilityCode: hit.job, method: "PHRASE", evidence: hit.evidence } as const);
  };
  const fromTitle = product(input.title, "title") ?? phrase(input.title);
  if (fromTitle) return fromTitle;
  const codes = [input.cpvCode, ...(input.additionalCpvCodes ?? [])].filter((c): c is string => !!c);
  for (const code of codes) {
    const r = cpvRuleFor(code);
    if (r?.specific && r.capability)
      return { capabilityCode: narrowToJob(r.capability), method: "CPV", evidence: code };
  }
  const fromDescription = product(input.description, "description") ?? phrase(input.description);
  if (fromDescription) return fromDescription;
  const word = keywordCapability(input.title) ?? keywordCapability(input.description, "description");
  if (word)
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
