// What a contract's renewal terms say about extending it, read from their words ("optional 12-month
// extensions", "rolls annually", "no further extension"). Used alike when a contract is bridged to a move
// (bridge.ts) and when contracts are co-terminated (coterm.ts), so both say the same of one contract. Pure.

const NO_EXTENSION =
  /\b(?:no (?:option to extend|extension option|further extensions?|extensions?)|cannot be extended|not extendable)\b/i;

/** The words of `renewalTerms` that rule out an extension, or null. */
export function extensionRuledOut(renewalTerms: string | null): string | null {
  return renewalTerms && NO_EXTENSION.test(renewalTerms) ? renewalTerms : null;
}

const COUNTS: Record<string, number> = { one: 1, a: 1, an: 1, two: 2, three: 3, four: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

/** How many extension terms renewal terms allow ("one optional 24-month extension": 1); null when not limited. */
export function extensionTermsAllowed(renewalTerms: string | null): number | null {
  const m = renewalTerms && /\b(one|a|an|two|three|four|[1-4]) (?:optional |further )?\d+[- ]month extensions?\b/i.exec(renewalTerms);
  return m ? (COUNTS[m[1]!.toLowerCase()] ?? null) : null;
}

/** The extension term stated in renewal terms, in months: "12-month extensions", "rolls annually". */
export function extensionTermMonths(renewalTerms: string | null): number | null {
  if (!renewalTerms) return null;
  const m = /(\d+)[- ]month (?:extension|renewal|term)/i.exec(renewalTerms);
  if (m) return Number(m[1]);
  if (/\brolls? (?:over )?annually\b|\brenewed (?:each|every) (?:year|april|march|january)\b/i.test(renewalTerms)) return 12;
  return null;
}

