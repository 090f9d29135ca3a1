// Hostile and valid primitive values: the vocabulary the call generators draw from.
import fc from "fast-check";
import { HugeText } from "./values.ts";

/** SQL injection and LIKE-pattern metacharacters (the API builds ILIKE filters from user text). */
export const SQL_INJECTION = [
  `'; DROP TABLE "Asset"; --`,
  `' OR 1=1 --`,
  `" OR ""="`,
  `Robert'); DROP TABLE "Site";--`,
  `1; SELECT pg_sleep(5); --`,
  `$$; TRUNCATE "AuditEvent"; $$`,
  `') UNION SELECT "passwordHash" FROM "User" --`,
  `%`,
  `_`,
  `%_%`,
  `\\`,
  `a\\`,
  `\\%`,
  `E'\\x00'`,
];

/** HTML and script payloads. */
export const MARKUP = [
  `<script>alert(1)</script>`,
  `<img src=x onerror=alert(1)>`,
  `"><svg/onload=alert(1)>`,
  `javascript:alert(1)`,
  `{{constructor.constructor('alert(1)')()}}`,
  "${7*7}",
  `&lt;b&gt;&amp;&#0;`,
  `<!--`,
];

/** Unicode that databases, trimming and case-folding get wrong; all of it valid UTF-16. */
export const UNICODE_VALID = [
  "😀",
  "👩‍👩‍👧‍👦",
  "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
  "\u202Eevil\u202C",
  "\u200B",
  "\u200C\u200D\u2060",
  "e\u0301\u0301\u0301",
  "Z\u0351\u0352\u0353\u0354\u0355",
  "\u2028\u2029",
  "İstanbul",
  "ß",
  "ﬃ",
  "Ⅻ",
  "ſ",
  "\u{10FFFF}",
  "\uFFFD",
  "\uFFFF",
  "\uFEFFbom",
  "ﷺ",
  "𝕿𝖊𝖘𝖙",
  "Ω",
  "\u0085",
  "\u00AD",
];

/** Strings a UTF-8 text column cannot hold as sent: NUL and lone surrogates. */
export const UNICODE_UNSTORABLE = ["\u0000", "a\u0000b", "\uD800", "\uDFFF", "x\uDBFF", "\uDC00y"];

/** C0/C1 control characters (names refuse them; free text accepts tabs and new lines). */
export const CONTROL = ["\t", "\n", "\r\n", "\u0007", "\u001B[31m", "\u007F", "\u0080", "\u009F"];

/** Whitespace that String.prototype.trim removes. */
export const WHITESPACE = [
  "",
  " ",
  "   ",
  "\t",
  "\n",
  "\r\n",
  "\u00A0",
  "\u2003",
  "\u3000",
  "\uFEFF",
  " \t\n ",
  "\u2028",
];

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });

/** Names of fixture rows in other cases: creating them again must be refused as a duplicate, and only then. */
export const EXISTING_NAMES = [
  "scc vmware cluster",
  "SCC DATA CENTRE",
  "scc-0001",
  "Mosaic Social Care",
  "DCC WAN link",
  "dcc-0001",
];

/** Ordinary words, so valid calls look like real data. */
export const plainWords = fc.constantFrom(
  "Civic Centre",
  "Core switch",
  "VMware cluster",
  "Mosaic",
  "Finance ERP",
  "Schools WAN",
  "Backup appliance",
  "O'Brien House",
  "Café 1",
  "Data Centre 2",
);

/** A piece of hostile-looking but storable text. */
export const storablePiece: fc.Arbitrary<string> = fc.oneof(
  w(4, plainWords),
  w(3, fc.constantFrom(...SQL_INJECTION)),
  w(3, fc.constantFrom(...MARKUP)),
  w(4, fc.constantFrom(...UNICODE_VALID)),
  w(3, fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 })),
  w(2, fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 12 })),
);

/** A piece that cannot be stored as sent. */
export const unstorablePiece: fc.Arbitrary<string> = fc.oneof(
  w(3, fc.constantFrom(...UNICODE_UNSTORABLE)),
  w(1, fc.string({ unit: "binary", minLength: 1, maxLength: 8 })),
);

/** Whitespace padding, trimmed away by the API. */
export const padding: fc.Arbitrary<string> = fc.oneof(
  w(5, fc.constant("")),
  w(2, fc.constantFrom(...WHITESPACE)),
);

/** Text made of 1–4 pieces, padded; `unstorableWeight` of 0 keeps it storable. */
export function hostileText(unstorableWeight = 1, controlWeight = 0): fc.Arbitrary<string> {
  const piece = fc.oneof(
    w(12, storablePiece),
    ...(unstorableWeight ? [w(unstorableWeight, unstorablePiece)] : []),
    ...(controlWeight ? [w(controlWeight, fc.constantFrom(...CONTROL))] : []),
  );
  return fc
    .tuple(padding, fc.array(piece, { minLength: 1, maxLength: 4 }), padding)
    .map(([a, parts, b]) => a + parts.join(" ") + b);
}

/** 10k–1M characters of one repeated unit (possibly splitting a surrogate pair at the end), expanded when sent. */
export const hugeText: fc.Arbitrary<HugeText> = fc
  .tuple(
    fc.constantFrom("A", "é", "😀", "<script>", "'", " ", "\u0000", "%"),
    fc.integer({ min: 10_000, max: 1_000_000 }),
  )
  .map(([unit, n]) => new HugeText(unit, n));

/** Text of exactly `max` or `max + 1` characters once trimmed, with padding that trimming removes. */
export function boundaryText(max: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(max, max + 1), padding, fc.constantFrom("x", "é", "%"))
    .map(([n, pad, unit]) => pad + unit.repeat(n) + pad);
}

/** Cuts `s` to at most `max` UTF-16 units without splitting a surrogate pair, after trimming. */
export function fitText(s: string, max: number): string {
  const trimmed = s.trim();
  if (trimmed.length <= max) return s;
  let out = "";
  for (const ch of trimmed) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** Values of the wrong JSON type for any field. */
export const wrongJsonType: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  true,
  false,
  0,
  -1,
  1.5,
  "1",
  [],
  ["x"],
  {},
  { a: 1 },
  [null],
);

/** Int hostility: outside 32 bits, beyond 2^53, fractional, negative, numeric strings. */
export const hostileInt: fc.Arbitrary<unknown> = fc.oneof(
  w(
    4,
    fc.constantFrom<unknown>(
      -1,
      0,
      1,
      -(2 ** 31),
      2 ** 31 - 1,
      2 ** 31,
      -(2 ** 31) - 1,
      2 ** 53,
      2 ** 53 + 2,
      1e308,
      -1e308,
      1.5,
      -0.5,
      1e-7,
    ),
  ),
  w(2, fc.integer()),
  w(1, fc.double({ noNaN: true, noDefaultInfinity: true })),
  w(1, fc.constantFrom<unknown>("12", "NaN", "Infinity", "1e999", "", "0x10")),
);

/** Float hostility (finite only: JSON has no NaN or Infinity; inline literals add 1e999). */
export const hostileFloat: fc.Arbitrary<unknown> = fc.oneof(
  w(4, fc.constantFrom<unknown>(-1, -0, 0, 5e-324, 1e-310, 1e308, -1e308, 2 ** 53, 1e9, 1e9 + 1, 0.1 + 0.2)),
  w(3, fc.double({ noNaN: true, noDefaultInfinity: true })),
  w(1, fc.constantFrom<unknown>("NaN", "Infinity", "1.5", "")),
);

/** Money hostility: exponent forms, NaN-like strings, overlong digits, negative, sub-penny, huge numbers. */
export const hostileMoney: fc.Arbitrary<unknown> = fc.oneof(
  w(
    4,
    fc.constantFrom<unknown>(
      "NaN",
      "Infinity",
      "-Infinity",
      "1e999",
      "1e3",
      "0x10",
      "1,000.00",
      "£100",
      "  12.5  ",
      "-0.01",
      "-0",
      "0.001",
      "12.",
      ".5",
      "999999999999999.99",
      "9999999999999999",
      "١٢٣",
      "1_000",
      "",
      " ",
    ),
  ),
  w(2, fc.constantFrom<unknown>(-1, 1.5, 2 ** 53, 2 ** 53 - 1, 1e308, 0, -0)),
  w(
    1,
    fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map((n) => n.toString()),
  ),
  w(
    2,
    fc.bigInt({ min: 10n ** 12n, max: 10n ** 15n - 1n }).map((n) => `${n}.99`),
  ),
  w(
    1,
    fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 17n }), fc.integer({ min: 0, max: 999 }))
      .map(([a, b]) => `${a}.${b}`),
  ),
);

/** Dates at and beyond the ends of what JavaScript, PostgreSQL and four-digit years hold. */
export const EXTREME_DATES = [
  "-271821-04-20",
  "-271821-04-19",
  "+275760-09-13",
  "275760-09-13",
  "+010000-01-01",
  "10000-01-01",
  "-004713-11-24",
  "-000001-12-31",
  "0999-12-31",
  "1e400",
];

/** Date hostility: year 0, impossible days, other formats, extreme years. */
export const hostileDate: fc.Arbitrary<unknown> = fc.oneof(
  w(
    4,
    fc.constantFrom<unknown>(
      "0000-01-01",
      "0000-02-29",
      "0000-12-31",
      "0001-01-01",
      "0005-06-30",
      "0099-12-31",
      "9999-12-31",
      "1000-01-01",
    ),
  ),
  w(
    3,
    fc.constantFrom<unknown>(
      "2024-02-30",
      "2023-02-29",
      "2024-13-01",
      "2024-00-10",
      "24-01-01",
      "2024-1-1",
      "2024-01-01T00:00:00Z",
      "+002024-01-01",
      "-0001-01-01",
      "",
      "NaN",
      "２０２４-01-01",
    ),
  ),
  w(2, fc.constantFrom<unknown>(...EXTREME_DATES)),
  w(1, fc.constantFrom<unknown>(20240101, 0, -1)),
  w(
    2,
    fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
      ),
  ),
);

/** Names every object answers to through its prototype: looked up in a plain object, they find something. */
export const PROTOTYPE_NAMES = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "__defineGetter__",
  "__lookupGetter__",
  "then",
];

/** Type names that are no Node type: prototype names, other GraphQL types, near-misses of real ones. */
export const NOT_NODE_TYPES = [
  ...PROTOTYPE_NAMES,
  "Spaceship",
  "Node",
  "Query",
  "Mutation",
  "AssetConnection",
  "Overlap",
  "asset",
  "ASSET",
  " Asset",
  "Asset ",
  "Αsset",
  "",
];

/** UUIDs in forms the API does not write: no dashes, braces, URN, too short or long, non-hex, padded. */
export const wrongUuid: fc.Arbitrary<string> = fc.oneof(
  fc.uuid().map((u) => u.replace(/-/g, "")),
  fc.uuid().map((u) => `{${u}}`),
  fc.uuid().map((u) => `urn:uuid:${u}`),
  fc.uuid().map((u) => u.slice(0, -1)),
  fc.uuid().map((u) => `${u}0`),
  fc.uuid().map((u) => `${u.slice(0, -1)}g`),
  fc.uuid().map((u) => ` ${u}`),
  fc.uuid().map((u) => `${u}\n`),
  fc.uuid().map((u) => `${u}\u0000`),
  fc.uuid().map((u) => u.replace(/-/g, "_")),
  fc.constantFrom("00000000-0000-0000-0000-00000000000", "0", "-1", "NaN", "null"),
);

/**
 * Global IDs that must be refused as BAD_INPUT: a type that has no IDs (prototype names first), or a
 * UUID in a wrong form after a real type.
 */
export const hostileGlobalId = (nodeTypes: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    w(
      4,
      fc
        .tuple(fc.constantFrom(...NOT_NODE_TYPES), fc.constantFrom(":", "::", ": "), fc.uuid())
        .map(([t, sep, u]) => `${t}${sep}${u}`),
    ),
    w(
      3,
      fc.tuple(fc.constantFrom(...nodeTypes), wrongUuid).map(([t, u]) => `${t}:${u}`),
    ),
    w(1, fc.uuid()),
  );

/** Malformed ID strings. */
export const malformedId: fc.Arbitrary<unknown> = fc.oneof(
  w(
    3,
    fc.constantFrom(
      "",
      ":",
      "Site:",
      ":00000000-0000-4000-8000-000000000000",
      "Asset:not-a-uuid",
      "Asset:00000000-0000-4000-8000-00000000000g",
      "Asset::00000000-0000-4000-8000-000000000000",
      `Asset:'; DROP TABLE "Asset"; --`,
      "<script>alert(1)</script>",
      "Asset:\u0000",
      "Asset:00000000-0000-4000-8000-000000000000\u0000",
      "Asset:\uD800",
      "null",
      "undefined",
      "__proto__:00000000-0000-0000-0000-000000000000",
      "constructor:00000000-0000-4000-8000-000000000001",
      "toString:00000000-0000-4000-8000-000000000001",
    ),
  ),
  w(1, hugeText),
  w(2, hostileText()),
);

/** A valid date string between 1900 and 2100. */
export const validDate: fc.Arbitrary<string> = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** A valid amount of money: whole pounds as a number, or a string with up to two decimals. */
export const validMoney: fc.Arbitrary<unknown> = fc.oneof(
  w(2, fc.integer({ min: 0, max: 1_000_000 })),
  w(
    2,
    fc
      .tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99 }))
      .map(([p, c]) => `${p}.${String(c).padStart(2, "0")}`),
  ),
  w(1, fc.constantFrom<unknown>("0", "0.5", "12.50", " 7.25 ", 0)),
);

/** A valid instant (RFC 3339, as the API writes them) between 1900 and 2100. */
export const validDateTime: fc.Arbitrary<string> = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString());

/** Instants at and beyond the ends of what JavaScript, PostgreSQL and four-digit years hold. */
export const EXTREME_DATE_TIMES = [
  "-271821-04-20T00:00:00Z",
  "-271821-04-20T00:00:00.000Z",
  "+275760-09-13T00:00:00.000Z",
  "275760-09-13T00:00:00Z",
  "+010000-01-01T00:00:00Z",
  "-004713-11-24T00:00:00Z",
  "0000-12-31T23:59:59.999Z",
  "0001-01-01T00:00:00+01:00",
  "9999-12-31T23:59:59.999-01:00",
  "9999-12-31T23:59:59.9999999Z",
];

/** DateTime hostility: extreme instants, impossible days and times, other formats, numbers. */
export const hostileDateTime: fc.Arbitrary<unknown> = fc.oneof(
  w(4, fc.constantFrom<unknown>(...EXTREME_DATE_TIMES)),
  w(
    3,
    fc.constantFrom<unknown>(
      "2026-02-30T00:00:00Z",
      "2026-01-01T24:00:00Z",
      "2026-01-01T25:61:61Z",
      "2026-01-01T00:00:60Z",
      "2026-01-01T00:00:00",
      "2026-01-01 00:00:00Z",
      "2026-01-01T00:00:00+24:00",
      "2026-01-01T00:00:00+2:00",
      "2026-1-1T00:00:00Z",
      "Thu, 01 Jan 2026 00:00:00 GMT",
      "1e400",
      "NaN",
      "",
      "now",
    ),
  ),
  w(2, fc.constantFrom<unknown>(0, -1, 8.64e15, 8.64e15 + 1, -8.64e15, 1.5, 1e308, true, {}, [])),
  // Anywhere JavaScript can hold, written as JavaScript writes it (six-digit years outside 0000–9999).
  w(
    2,
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  ),
  w(2, hostileDate),
);
