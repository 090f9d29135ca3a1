// The word lists behind product-title normalisation: how registers abbreviate vendors, products and
// editions. Data only; the rules that apply them live in normalise.ts. All entries are lower-case tokens
// as produced after punctuation is stripped ("ent+" is already "ent plus" here).

/**
 * Single tokens rewritten to one or more canonical tokens before anything else, so every spelling of
 * a word becomes the same token sequence. "o365" becomes one token "office365", never "office", so the
 * Office 365 subscription family stays distinct from perpetual Office; "m365" becomes "microsoft 365",
 * a third family. Renamed products map to their current name (XenApp → Citrix Virtual Apps).
 */
export const TOKEN_EXPANSIONS: Readonly<Record<string, readonly string[]>> = {
  ms: ["microsoft"],
  msft: ["microsoft"],
  micosoft: ["microsoft"],
  o365: ["office365"],
  m365: ["microsoft", "365"],
  pro: ["professional"],
  prof: ["professional"],
  proplus: ["professional", "plus"],
  std: ["standard"],
  stnd: ["standard"],
  ent: ["enterprise"],
  ee: ["enterprise", "edition"],
  se: ["standard", "edition"],
  se2: ["standard", "edition", "2"],
  datacentre: ["datacenter"],
  dctr: ["datacenter"],
  svr: ["server"],
  srv: ["server"],
  srvr: ["server"],
  win: ["windows"],
  winsvr: ["windows", "server"],
  sqlserver: ["sql", "server"],
  mssql: ["microsoft", "sql", "server"],
  db: ["database"],
  exch: ["exchange"],
  p1: ["plan", "1"],
  p2: ["plan", "2"],
  xenapp: ["virtual", "apps"],
  xendesktop: ["virtual", "apps", "desktops"],
  microfocus: ["opentext"],
  vmw: ["vmware"],
};

/**
 * Multi-token phrases rewritten to canonical tokens (applied longest first, after TOKEN_EXPANSIONS).
 * Company renames live here: Micro Focus products are now sold by OpenText.
 */
export const PHRASE_EXPANSIONS: readonly (readonly [readonly string[], readonly string[]])[] = [
  [["office", "365"], ["office365"]],
  [["micro", "focus"], ["opentext"]],
  [["open", "text"], ["opentext"]],
  [["v", "sphere"], ["vsphere"]],
  [["arc", "gis"], ["arcgis"]],
  [["smooth", "wall"], ["smoothwall"]],
  [
    ["sql", "svr"],
    ["sql", "server"],
  ],
  [["data", "center"], ["datacenter"]],
];

/**
 * Edition phrases, longest first, each with its canonical edition string. Edition words are taken out
 * of the product name: "SQL Server 2019 Std" has name "sql server" and edition "standard".
 */
export const EDITION_PHRASES: readonly (readonly [readonly string[], string])[] = [
  [["standard", "edition", "2"], "standard 2"],
  [["professional", "plus"], "professional plus"],
  [["enterprise", "plus"], "enterprise plus"],
  [["business", "premium"], "business premium"],
  [["business", "standard"], "business standard"],
  [["business", "basic"], "business basic"],
  [["enterprise", "edition"], "enterprise"],
  [["standard", "edition"], "standard"],
  [["datacenter", "edition"], "datacenter"],
  [["professional", "edition"], "professional"],
  [["plan", "1"], "plan 1"],
  [["plan", "2"], "plan 2"],
  [["plan", "3"], "plan 3"],
  [["professional"], "professional"],
  [["standard"], "standard"],
  [["enterprise"], "enterprise"],
  [["datacenter"], "datacenter"],
  [["express"], "express"],
  [["developer"], "developer"],
  [["essentials"], "essentials"],
  [["foundation"], "foundation"],
  [["advanced"], "advanced"],
  [["premium"], "premium"],
  [["ultimate"], "ultimate"],
  [["basic"], "basic"],
  [["e1"], "e1"],
  [["e3"], "e3"],
  [["e5"], "e5"],
  [["f1"], "f1"],
  [["f3"], "f3"],
  [["a1"], "a1"],
  [["a3"], "a3"],
  [["a5"], "a5"],
  [["g3"], "g3"],
  [["g5"], "g5"],
];

/** Connecting words dropped everywhere ("Backup & Replication" = "Backup Replication"). */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  "and",
  "for",
  "the",
  "of",
  "with",
  "a",
  "an",
  "by",
  "edition",
]);

/**
 * Register noise that says how something was bought, not what it is: licensing programmes, terms,
 * architectures and languages. Dropped from titles.
 */
export const NOISE_WORDS: ReadonlySet<string> = new Set([
  "licence",
  "licences",
  "license",
  "licenses",
  "lic",
  "subscription",
  "subs",
  "renewal",
  "annual",
  "maintenance",
  "support",
  "olp",
  "nl",
  "csp",
  "vip",
  "gov",
  "govt",
  "government",
  "sa",
  "ltsr",
  "x64",
  "x86",
  "64bit",
  "32bit",
  "english",
  "eng",
  "en",
  "uk",
  "gb",
  "perpetual",
  "upgrade",
  "software",
  "media",
  "kit",
  "volume",
  "academic",
  "charity",
  "nfp",
  "ea",
  "pack",
]);

/** Units that follow a quantity ("2 core pack", "50 users"): the number and unit are both dropped. */
export const QUANTITY_UNITS: ReadonlySet<string> = new Set([
  "core",
  "cores",
  "user",
  "users",
  "device",
  "devices",
  "seat",
  "seats",
  "socket",
  "sockets",
  "cpu",
  "cpus",
  "pack",
  "packs",
  "vm",
  "vms",
]);

/** Numbers that are part of a product's name, never a version ("Microsoft 365", "Dynamics 365"). */
export const NAME_NUMBERS: ReadonlySet<string> = new Set(["365", "360"]);

/** Company-form words dropped from vendor names ("Oracle Corporation UK Ltd" → "oracle"). */
export const VENDOR_SUFFIXES: ReadonlySet<string> = new Set([
  "inc",
  "ltd",
  "limited",
  "plc",
  "llc",
  "corp",
  "corporation",
  "gmbh",
  "uk",
  "group",
  "holdings",
  "systems",
  "software",
  "technologies",
  "international",
  "co",
  "company",
]);
