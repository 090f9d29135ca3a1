// Product-title normalisation: turns a licence register's spelling of a product ("MS Office Pro Plus
// 2016 OLP") into canonical tokens, with the VERSION and EDITION separated from the product name, so
// that the matcher (match.ts) can compare like with like. Pure functions, no database.
import {
  EDITION_PHRASES,
  NAME_NUMBERS,
  NOISE_WORDS,
  PHRASE_EXPANSIONS,
  QUANTITY_UNITS,
  STOP_WORDS,
  TOKEN_EXPANSIONS,
  VENDOR_SUFFIXES,
} from "./lexicon.ts";

/** A title split into what the product is (name + edition) and which release of it (version). */
export interface NormalisedTitle {
  /** Product-name tokens in title order, vendor included when the title names one. */
  nameTokens: string[];
  /** nameTokens joined by single spaces. */
  name: string;
  /** Canonical edition ("standard", "professional plus", "e3"), or "" when the title names none. */
  edition: string;
  /** Version as written without a leading "v" ("2016", "7", "19c", "2012 r2"), or null. */
  version: string | null;
}

/**
 * The key a ProductAlias is stored under: lower-cased, trimmed, runs of whitespace collapsed to one
 * space. This is the schema's definition of `ProductAlias.normalised`; nothing else is changed.
 */
export function aliasKey(raw: string): string {
  return raw.toLowerCase().trim().replace(/\s+/g, " ");
}

/**
 * Lower-cases, strips accents and punctuation and splits into tokens. "&" reads as "and" and "+" as
 * "plus" ("Ent+" → "ent plus"); a dot survives only between digits so versions like "10.8" stay whole;
 * apostrophes vanish ("Children's" → "childrens").
 */
export function tokenise(raw: string): string[] {
  const text = raw
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/\+/g, " plus ")
    .replace(/['’]/g, "")
    .replace(/(?<=\d)\.(?=\d)/g, "\u0000")
    .replace(/[^a-z0-9\u0000]+/g, " ")
    .replace(/\u0000/g, ".");
  return text.split(" ").filter((t) => t.length > 0);
}

/** Applies TOKEN_EXPANSIONS then PHRASE_EXPANSIONS (longest phrase first at each position). */
function expand(tokens: readonly string[]): string[] {
  const single = tokens.flatMap((t) => TOKEN_EXPANSIONS[t] ?? [t]);
  return replacePhrases(single, PHRASE_EXPANSIONS);
}

function replacePhrases(
  tokens: readonly string[],
  phrases: readonly (readonly [readonly string[], readonly string[]])[],
): string[] {
  const sorted = [...phrases].sort((a, b) => b[0].length - a[0].length);
  const out: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const hit = sorted.find(([from]) => startsAt(tokens, i, from));
    if (hit) {
      out.push(...hit[1]);
      i += hit[0].length;
    } else {
      out.push(tokens[i]!);
      i += 1;
    }
  }
  return out;
}

function startsAt(tokens: readonly string[], i: number, phrase: readonly string[]): boolean {
  return phrase.every((p, k) => tokens[i + k] === p);
}

/**
 * "DC" means Datacenter only on Windows Server ("Windows Server 2019 DC"); elsewhere it is part of
 * the name ("Acrobat Pro DC" = Document Cloud), so it is rewritten only in that context.
 */
function contextual(tokens: string[]): string[] {
  const windowsServer = tokens.includes("windows") && tokens.includes("server");
  return windowsServer ? tokens.map((t) => (t === "dc" ? "datacenter" : t)) : tokens;
}

/** Drops "2 core", "50 users", "2core" style quantities: they describe the purchase, not the product. */
function dropQuantities(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (/^\d+$/.test(t) && next !== undefined && QUANTITY_UNITS.has(next)) {
      i += 1;
      continue;
    }
    if (/^\d+(core|cores|user|users|pack)$/.test(t)) continue;
    out.push(t);
  }
  return out;
}

/** Takes edition phrases out of the tokens; several editions are joined in title order. */
function takeEditions(tokens: readonly string[]): { rest: string[]; edition: string } {
  const rest: string[] = [];
  const editions: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const hit = EDITION_PHRASES.find(([phrase]) => startsAt(tokens, i, phrase));
    if (hit) {
      if (!editions.includes(hit[1])) editions.push(hit[1]);
      i += hit[0].length;
    } else {
      rest.push(tokens[i]!);
      i += 1;
    }
  }
  return { rest, edition: editions.join(" ") };
}

const VERSION = /^(?:v?\d+(?:\.\d+)*[a-z]?|\d+(?:c|g|i|ai))$/;
const VERSION_QUALIFIER = /^(?:r\d|sp\d+|cu\d+|u\d+)$/;

/** True when a token is a version: a year, "v7", "8.0", "10.6.1", Oracle's "19c"; never "365". */
export function isVersionToken(token: string): boolean {
  return VERSION.test(token) && /\d/.test(token) && !NAME_NUMBERS.has(token);
}

/** Takes version tokens (and qualifiers such as "R2" or "SP1" that follow them) out of the tokens. */
function takeVersion(tokens: readonly string[]): { rest: string[]; version: string | null } {
  const rest: string[] = [];
  const parts: string[] = [];
  let previousWasVersion = false;
  for (const t of tokens) {
    if (isVersionToken(t)) {
      parts.push(t.startsWith("v") ? t.slice(1) : t);
      previousWasVersion = true;
    } else if (previousWasVersion && VERSION_QUALIFIER.test(t)) {
      parts.push(t);
    } else {
      rest.push(t);
      previousWasVersion = false;
    }
  }
  return { rest, version: parts.length > 0 ? parts.join(" ") : null };
}

/** Removes a token equal to the one before it ("microsoft microsoft 365" → "microsoft 365"). */
function collapseRepeats(tokens: readonly string[]): string[] {
  return tokens.filter((t, i) => i === 0 || tokens[i - 1] !== t);
}

/**
 * Canonical form of a product title. Rules, in order: tokenise (lower-case, no punctuation); expand
 * abbreviations (MS → microsoft, Pro → professional, Std → standard, Ent → enterprise, EE →
 * enterprise edition, SQL Svr → sql server, O365/Office 365 → office365, M365 → microsoft 365);
 * "DC" → datacenter on Windows Server only; drop quantities ("2 core"); take out the EDITION; drop
 * connecting words and purchasing noise (licence, subscription, OLP…); take out the VERSION; what is
 * left is the product name. Editions are never dropped: they are returned separately.
 */
export function normaliseTitle(raw: string): NormalisedTitle {
  const expanded = dropQuantities(contextual(expand(tokenise(raw))));
  const { rest: withoutEdition, edition } = takeEditions(expanded);
  const meaningful = withoutEdition.filter((t) => !STOP_WORDS.has(t) && !NOISE_WORDS.has(t));
  const { rest, version } = takeVersion(meaningful);
  const nameTokens = collapseRepeats(rest);
  return { nameTokens, name: nameTokens.join(" "), edition, version };
}

/**
 * Canonical tokens of a vendor name: same expansions as titles, minus company-form words
 * ("Micro Focus International plc" → ["opentext"], "Oracle Corporation UK Ltd" → ["oracle"]).
 */
export function normaliseVendor(vendorName: string): string[] {
  return expand(tokenise(vendorName)).filter(
    (t) => !VENDOR_SUFFIXES.has(t) && !STOP_WORDS.has(t) && !NOISE_WORDS.has(t),
  );
}
