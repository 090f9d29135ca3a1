// Matches a licence register's product title to the catalogue: exact alias first, then a rule
// (vendor + product name + edition equal, version ignored), then fuzzy token similarity. Editions are
// never ignored: a title naming a different edition never matches. Pure, no database.
import { aliasKey, normaliseTitle, normaliseVendor } from "./normalise.ts";
import { TOKEN_MATCH, tokenSetScore, tokenSimilarity, unmatchedTokens } from "./similarity.ts";

/** A catalogue product as the matcher needs it (Product + Vendor.name). */
export interface CatalogueProduct {
  id: string;
  vendorName: string;
  name: string;
  /** "" when the product has no editions. */
  edition: string;
}

/** A confirmed raw spelling of a product (ProductAlias). */
export interface CatalogueAlias {
  productId: string;
  /** ProductAlias.normalised: lower-cased, whitespace-collapsed raw title (see aliasKey). */
  normalised: string;
}

/** What a title is matched against. */
export interface ProductCatalogue {
  products: readonly CatalogueProduct[];
  aliases: readonly CatalogueAlias[];
}

/** How a match was made; NONE when there is no product. */
export type MatchMethod = "ALIAS" | "RULE" | "FUZZY" | "NONE";

/** The outcome of matching one raw title. */
export interface ProductMatch {
  productId: string | null;
  method: MatchMethod;
  /** Confidence in 0–1: 1 for ALIAS and RULE, the similarity for FUZZY, the best rejected score for NONE. */
  score: number;
  /** True when a person should confirm the match before it is relied on. */
  needsReview: boolean;
  /** The version the raw title names ("2016", "19c"), whatever the method; null when none. */
  version: string | null;
}

/** A fuzzy match at or above this score is accepted without review (unless otherwise doubtful). */
export const FUZZY_ACCEPT = 0.9;
/** Below this fuzzy score there is no match at all. */
export const FUZZY_FLOOR = 0.6;
/** When the runner-up is this close to the best fuzzy candidate, the match needs review. */
export const FUZZY_MARGIN = 0.05;
/** Score multiplier when the title names no edition and the catalogue product has exactly one. */
export const MISSING_EDITION_FACTOR = 0.9;
/** Score multiplier when the vendor is recognised only as a misspelling ("Microsft"). */
export const MISSPELT_VENDOR_FACTOR = 0.95;

interface PreparedProduct {
  id: string;
  vendor: string[];
  /** Name tokens without the vendor. */
  core: string[];
  edition: string;
  family: string;
}

/** A catalogue normalised once for repeated matching (see prepareCatalogue). */
export interface PreparedCatalogue {
  products: PreparedProduct[];
  byId: Map<string, PreparedProduct>;
  aliasByKey: Map<string, string>;
  aliases: { productId: string; core: string[]; edition: string }[];
  /** family (vendor + core) → editions the catalogue has for it. */
  editions: Map<string, Set<string>>;
  /** Every vendor and product-name token in the catalogue: words that tell products apart. */
  vocabulary: Set<string>;
}

const prepared = new WeakMap<ProductCatalogue, PreparedCatalogue>();

/**
 * Removes the vendor's tokens from a title's name tokens wherever they occur as a run, so "Visio" and
 * "Microsoft Visio" compare equal. With `tolerant`, misspellings count ("Microsft" = "microsoft");
 * only the fuzzy step is tolerant, so a misspelt title is never a RULE match.
 */
function stripVendor(tokens: readonly string[], vendor: readonly string[], tolerant = false): string[] {
  if (vendor.length === 0) return [...tokens];
  const same = (a: string, b: string): boolean => (tolerant ? tokenSimilarity(a, b) >= TOKEN_MATCH : a === b);
  for (let i = 0; i + vendor.length <= tokens.length; i++) {
    const hit = vendor.every((v, k) => same(tokens[i + k]!, v));
    if (hit) return [...tokens.slice(0, i), ...tokens.slice(i + vendor.length)];
  }
  return [...tokens];
}

function prepareProduct(p: CatalogueProduct): PreparedProduct {
  const vendor = normaliseVendor(p.vendorName);
  const title = normaliseTitle(`${p.name} ${p.edition}`);
  const core = stripVendor(title.nameTokens, vendor);
  return { id: p.id, vendor, core, edition: title.edition, family: [...vendor, "|", ...core].join(" ") };
}

/**
 * Normalises every product and alias once; matchProduct calls it itself and caches the result per
 * catalogue object, so callers matching many titles should pass the same catalogue object each time.
 */
export function prepareCatalogue(catalogue: ProductCatalogue): PreparedCatalogue {
  const cached = prepared.get(catalogue);
  if (cached) return cached;
  const products = catalogue.products.map(prepareProduct);
  const byId = new Map(products.map((p) => [p.id, p]));
  const editions = new Map<string, Set<string>>();
  const vocabulary = new Set<string>();
  for (const p of products) {
    editions.set(p.family, (editions.get(p.family) ?? new Set()).add(p.edition));
    for (const t of [...p.vendor, ...p.core]) vocabulary.add(t);
  }
  const aliasByKey = new Map<string, string>();
  const aliases: PreparedCatalogue["aliases"] = [];
  for (const a of catalogue.aliases) {
    const product = byId.get(a.productId);
    if (!product) continue;
    aliasByKey.set(aliasKey(a.normalised), a.productId);
    const title = normaliseTitle(a.normalised);
    aliases.push({
      productId: a.productId,
      core: stripVendor(title.nameTokens, product.vendor),
      edition: title.edition,
    });
  }
  const result = { products, byId, aliasByKey, aliases, editions, vocabulary };
  prepared.set(catalogue, result);
  return result;
}

const sameTokens = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((t, i) => t === b[i]);

/** The single product id in `ids`, or null when there are none or several. */
function single(ids: Iterable<string>): string | null {
  const set = new Set(ids);
  return set.size === 1 ? [...set][0]! : null;
}

/**
 * Matches a raw register title to a catalogue product. Order: (1) ALIAS — the raw title's alias key
 * equals a stored alias, or its canonical name + edition equals an alias's (so a confirmed alias
 * covers other versions and punctuation); (2) RULE — vendor (optional in the title) + product name
 * tokens + edition equal, version ignored; (3) FUZZY — token similarity (Levenshtein per token) over
 * products of the SAME edition; a title naming no edition may match only a product whose name exists
 * in a single edition, and then always needs review, as does a title whose vendor is misspelt. A fuzzy candidate is rejected outright when the
 * title contains a catalogue word the candidate lacks (so Visio never matches Project, Office never
 * Office 365). Scores below FUZZY_FLOOR give NONE; below FUZZY_ACCEPT, or within FUZZY_MARGIN of the
 * runner-up, the match needs review. Ambiguous aliases or rules fall through to the next step.
 */
export function matchProduct(raw: string, catalogue: ProductCatalogue): ProductMatch {
  const cat = prepareCatalogue(catalogue);
  const title = normaliseTitle(raw);
  const version = title.version;

  const exact = cat.aliasByKey.get(aliasKey(raw));
  if (exact) return { productId: exact, method: "ALIAS", score: 1, needsReview: false, version };

  const aliasHit = single(
    cat.aliases
      .filter((a) => {
        const product = cat.byId.get(a.productId)!;
        return (
          a.edition === title.edition && sameTokens(stripVendor(title.nameTokens, product.vendor), a.core)
        );
      })
      .map((a) => a.productId),
  );
  if (aliasHit) return { productId: aliasHit, method: "ALIAS", score: 1, needsReview: false, version };

  const ruleHits = cat.products.filter(
    (p) => p.edition === title.edition && sameTokens(stripVendor(title.nameTokens, p.vendor), p.core),
  );
  const ruleHit = single(ruleHits.map((p) => p.id));
  if (ruleHit) return { productId: ruleHit, method: "RULE", score: 1, needsReview: false, version };

  return fuzzy(title.nameTokens, title.edition, cat, version);
}

function fuzzy(
  tokens: string[],
  edition: string,
  cat: PreparedCatalogue,
  version: string | null,
): ProductMatch {
  const scored: { id: string; score: number; doubtful: boolean }[] = [];
  for (const p of cat.products) {
    const missingEdition = edition === "" && p.edition !== "";
    if (edition !== p.edition && !(missingEdition && cat.editions.get(p.family)?.size === 1)) continue;
    const core = stripVendor(tokens, p.vendor, true);
    if (core.length === 0) continue;
    if (unmatchedTokens(core, p.core).some((t) => cat.vocabulary.has(t))) continue;
    const misspeltVendor = core.length < stripVendor(tokens, p.vendor).length;
    const factor =
      (missingEdition ? MISSING_EDITION_FACTOR : 1) * (misspeltVendor ? MISSPELT_VENDOR_FACTOR : 1);
    scored.push({
      id: p.id,
      score: tokenSetScore(core, p.core) * factor,
      doubtful: missingEdition || misspeltVendor,
    });
  }
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score < FUZZY_FLOOR) {
    return { productId: null, method: "NONE", score: round(best?.score ?? 0), needsReview: false, version };
  }
  const close = second !== undefined && best.score - second.score < FUZZY_MARGIN;
  const needsReview = best.score < FUZZY_ACCEPT || best.doubtful || close;
  return { productId: best.id, method: "FUZZY", score: round(best.score), needsReview, version };
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
