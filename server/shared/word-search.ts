// Search that matches what people read, word by word: every word typed must begin a word of the label
// (vendor, product name or edition, …), in any order and any case. "365 E3" finds Microsoft 365 E3;
// "E3" does not find Anywhere365 (it does not begin a word there). Pure: builds Prisma filters.
import { likeLiteral } from "./like.ts";

/** Characters that start a new word inside a label. */
const WORD_STARTS = [" ", "-", "/", "(", "."];

/** The words of a search, as typed (empty when there is none). */
export function searchWords(search: string | null | undefined): string[] {
  return (search ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 8);
}

/** A Prisma string filter matching `field` values where `word` begins a word. */
function wordStartFilters<W>(word: string, field: (filter: object) => W): W[] {
  const w = likeLiteral(word);
  return [
    field({ startsWith: w, mode: "insensitive" }),
    ...WORD_STARTS.map((sep) => field({ contains: `${sep}${w}`, mode: "insensitive" })),
  ];
}

/**
 * A Prisma `AND` of one `OR` per word: each word must begin a word of at least one of `fields`
 * (each a function from a string filter to a where clause, e.g. `(f) => ({ vendor: { name: f } })`).
 */
export function wordSearch<W>(
  words: readonly string[],
  fields: readonly ((filter: object) => W)[],
): { OR: W[] }[] {
  return words.map((word) => ({ OR: fields.flatMap((field) => wordStartFilters(word, field)) }));
}

/** Whether every word begins a word of `label` (the same rule, for labels already in memory). */
export function matchesWords(label: string, words: readonly string[]): boolean {
  const lower = label.toLowerCase();
  return words.every((word) => {
    const w = word.toLowerCase();
    return lower.startsWith(w) || WORD_STARTS.some((sep) => lower.includes(`${sep}${w}`));
  });
}
