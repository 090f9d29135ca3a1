// Builds a fast-check arbitrary of calls for any mutation from its arguments' GraphQL types and the field
// kinds of cases.ts. Half the calls are "valid-shaped" (typed values in range, ids of the actor's rows, the
// version just read; text hostile but mostly storable), so successes are common enough to check what was
// stored; the other half are "chaos" (any field may be hostile, null, missing, or of the wrong JSON type,
// objects may carry extra fields).
import fc from "fast-check";
import type { GraphQLInputType, GraphQLNamedInputType } from "graphql";
import { callersOf, CASES, FIELD_KINDS, kindOf, type FieldKind } from "./cases.ts";
import {
  EXISTING_NAMES,
  SQL_INJECTION,
  boundaryText,
  fitText,
  hostileDate,
  hostileFloat,
  hostileInt,
  hostileMoney,
  hostileText,
  hugeText,
  malformedId,
  padding,
  plainWords,
  validDate,
  validMoney,
  wrongJsonType,
} from "./hostile.ts";
import { ocdsPackageArb } from "./ocds-arb.ts";
import { moveInputArbs, moveInputsArbs, movePatchArbs } from "./planning-arb.ts";
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  mutationField,
} from "./schema-info.ts";
import {
  isPlainObject,
  OMITTED,
  PasswordRef,
  RowRef,
  SHARED_TABLES,
  TABLES,
  UnknownRef,
  VersionRef,
  type Call,
  type Caller,
  type IdForm,
  type Table,
} from "./values.ts";

type Mode = "valid" | "chaos";
type Arb = fc.Arbitrary<unknown>;

const w = (weight: number, arbitrary: Arb) => ({ weight, arbitrary });
const pick = fc.nat({ max: 64 });

/** Valid references to `table`: mostly the actor's organisation's rows, some of the other council's. */
function validRef(table: Table): Arb {
  if (SHARED_TABLES.includes(table))
    return fc.oneof(
      w(
        9,
        pick.map((p) => new RowRef(table, "ANY", p)),
      ),
      w(
        1,
        pick.map((p) => new RowRef(table, "ANY", p, "upperUuid")),
      ),
    );
  return fc.oneof(
    w(
      8,
      pick.map((p) => new RowRef(table, "SCC", p)),
    ),
    w(
      3,
      pick.map((p) => new RowRef(table, "DCC", p)),
    ),
    w(
      1,
      pick.map((p) => new RowRef(table, "SCC", p, "upperUuid")),
    ),
  );
}

/** Hostile references to `table`: unknown, wrongly typed, malformed, other councils' rows in odd forms. */
function hostileRef(table: Table): Arb {
  const others = TABLES.filter((t) => t !== table);
  const owner = fc.constantFrom("SCC" as const, "DCC" as const, "ANY" as const);
  return fc.oneof(
    w(
      3,
      fc.uuid().map((u) => new UnknownRef(table, u)),
    ),
    w(
      3,
      fc
        .tuple(fc.constantFrom(...others), owner, pick)
        .map(([t, o, p]) => new RowRef(t, o, p, "retyped", table)),
    ),
    w(
      2,
      fc.tuple(fc.constantFrom(...others), owner, pick).map(([t, o, p]) => new RowRef(t, o, p)),
    ),
    w(
      2,
      fc
        .tuple(owner, pick, fc.constantFrom<IdForm>("bare", "upperType", "padded"))
        .map(([o, p, f]) => new RowRef(table, o, p, f)),
    ),
    w(3, malformedId),
  );
}

const strongPassword: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "correct horse battery staple",
    "Tr0ub4dor&3-extended",
    "pässwörd-mit-ümläuten",
    "😀😀😀😀 emoji pass 123",
  ),
  fc.string({ unit: "grapheme", minLength: 12, maxLength: 40 }).filter((s) => new Set(s).size >= 5),
  fc
    .tuple(hostileText(0), fc.string({ unit: "grapheme-ascii", minLength: 12, maxLength: 16 }))
    .map(([a, b]) => `${b}${a}`.slice(0, 256)),
);

/** [valid, hostile] generators for a field of `kind`. */
function kindArbs(kind: FieldKind): [Arb, Arb] {
  switch (kind.kind) {
    case "name": {
      const tag = fc.stringMatching(/^[a-z0-9]{5}$/);
      const core: fc.Arbitrary<string> = fc.oneof(
        { weight: 3, arbitrary: plainWords },
        { weight: 6, arbitrary: hostileText(1, 0) },
      );
      const valid = fc.oneof(
        // Unique enough not to clash: the hostile part first, a random tag last…
        w(
          6,
          fc
            .tuple(padding, core, tag, padding)
            .map(([a, c, t, b]) => a + fitText(`${c.trim()} ${t}`, kind.max) + b),
        ),
        // …or last, so that it ends the name (a trailing backslash, a lone surrogate).
        w(
          2,
          fc.tuple(tag, core).map(([t, c]) => fitText(`${t} ${c.trim()}`, kind.max)),
        ),
        // Names that exist (in another case) and LIKE patterns that match them.
        w(2, fc.constantFrom(...EXISTING_NAMES, ...SQL_INJECTION)),
      );
      const hostile = fc.oneof(
        w(4, hostileText(2, 2)),
        w(1, hugeText),
        w(2, boundaryText(kind.max)),
        w(1, fc.constantFrom("", " ", "\t", "\u3000\u00A0")),
        w(1, wrongJsonType),
      );
      return [valid, hostile];
    }
    case "text": {
      const valid = fc.oneof(
        w(
          8,
          hostileText(1, 1).map((s) => fitText(s, kind.max)),
        ),
        w(1, fc.constantFrom("", "   ")),
      );
      const hostile = fc.oneof(
        w(3, hostileText(2, 2)),
        w(1, hugeText),
        w(2, boundaryText(kind.max)),
        w(1, wrongJsonType),
      );
      return [valid, hostile];
    }
    case "pattern":
      return [
        fc.tuple(padding, kind.valid, padding).map(([a, v, b]) => a + v + b),
        fc.oneof(w(3, hostileText(2, 1)), w(1, hugeText), w(1, wrongJsonType)),
      ];
    case "orgCode":
      return [
        fc.oneof(
          w(8, fc.constant("SCC")),
          w(2, fc.constantFrom("scc", " SCC\t", "Scc")),
          w(3, fc.constantFrom("DCC", "dcc")),
        ),
        fc.oneof(
          w(3, fc.constantFrom("WBC", "XYZ", "", " ", "SCC\u0000", "SC\uD800", "ſcc", "ＳＣＣ")),
          w(3, fc.constantFrom("%", "S%", "_CC", "%CC", "S\\", "s_c", "D%", "\\")),
          w(2, hostileText(2, 1)),
          w(1, hugeText),
          w(1, wrongJsonType),
        ),
      ];
    case "ref":
      return [validRef(kind.table), hostileRef(kind.table)];
    case "version":
      return [
        fc.oneof(
          w(9, fc.constant(new VersionRef("current"))),
          w(1, fc.constantFrom(new VersionRef("stale"), new VersionRef("ahead"))),
        ),
        hostileInt,
      ];
    case "int":
      return [fc.integer({ min: kind.min, max: kind.max }), hostileInt];
    case "float":
      return [
        fc.double({ min: kind.min, max: kind.max, noNaN: true, noDefaultInfinity: true }),
        hostileFloat,
      ];
    case "money":
      return [validMoney, hostileMoney];
    case "date":
      return [validDate, hostileDate];
    case "currentPassword":
      return [
        fc.oneof(w(8, fc.constant(new PasswordRef())), w(1, strongPassword)),
        fc.oneof(w(3, hostileText(2, 2)), w(1, hugeText), w(1, wrongJsonType)),
      ];
    case "newPassword":
      return [
        strongPassword,
        fc.oneof(
          w(
            2,
            fc.constantFrom(
              "short",
              "aaaaaaaaaaaaaaaa",
              "abababababababab",
              "x".repeat(257),
              "           x",
              "",
            ),
          ),
          w(2, fc.constant(new PasswordRef())),
          w(2, hostileText(2, 2)),
          w(1, hugeText),
          w(1, wrongJsonType),
        ),
      ];
    case "ocdsPackage":
      return [ocdsPackageArb(false), ocdsPackageArb(true)];
    case "titles": {
      const title = fc.oneof(
        w(
          3,
          fc.tuple(plainWords, fc.stringMatching(/^[a-z0-9]{4}$/)).map(([a, b]) => `${a} ${b}`),
        ),
        w(
          2,
          fc.constantFrom(
            "Mosiac Social Care 2016",
            "Liquid Logic Childrens",
            "Mosaic (register)",
            "Mosaic Adults",
            "Northgate Mosaic",
            "Unheard-of Widget Suite",
          ),
        ),
        w(
          3,
          hostileText(1, 1).map((t) => fitText(t, 300)),
        ),
      );
      return [
        fc.array(title, { minLength: 1, maxLength: 5 }),
        fc.oneof(
          w(
            4,
            fc.array(
              fc.oneof(
                w(3, hostileText(2, 3)),
                w(1, boundaryText(300)),
                w(1, hugeText),
                w(1, fc.constantFrom("", " ", "\t\n")),
              ),
              { minLength: 1, maxLength: 4 },
            ),
          ),
          w(1, fc.constant([])),
          w(
            1,
            fc
              .integer({ min: 1001, max: 1002 })
              .map((n) => Array.from({ length: n }, (_, i) => `title ${i}`)),
          ),
          w(1, fc.constantFrom<unknown>("one title", [null], ["a", 1], [["a"]])),
        ),
      ];
    }
    case "refs":
      return [
        fc.array(validRef(kind.table), { minLength: 1, maxLength: kind.max }),
        fc.oneof(
          w(
            4,
            fc.array(fc.oneof(w(2, validRef(kind.table)), w(3, hostileRef(kind.table))), {
              minLength: 1,
              maxLength: 3,
            }),
          ),
          // The same row twice.
          w(
            2,
            pick.map((p) => [new RowRef(kind.table, "SCC", p), new RowRef(kind.table, "SCC", p)]),
          ),
          w(1, fc.constant([])),
          w(1, wrongJsonType),
        ),
      ];
    case "orgCodes": {
      const [code, hostileCode] = kindArbs({ kind: "orgCode" });
      return [
        fc.oneof(
          w(6, fc.constant(["SCC"])),
          w(3, fc.constantFrom(["SCC", "DCC"], ["DCC", "scc"], [" SCC "])),
          w(1, fc.constant(["DCC"])),
        ),
        fc.oneof(
          w(3, fc.array(fc.oneof(code, hostileCode), { minLength: 1, maxLength: 3 })),
          w(2, fc.constantFrom(["SCC", "SCC"], ["SCC", "scc"], ["WBC"], ["SCC", "XYZ"])),
          w(1, fc.constant([])),
          w(1, wrongJsonType),
        ),
      ];
    }
    case "hundredths":
      return [
        fc.integer({ min: kind.min * 100, max: kind.max * 100 }).map((n) => n / 100),
        fc.oneof(
          w(3, hostileFloat),
          w(2, fc.constantFrom(kind.min - 0.01, kind.max + 0.01, 3.333, 0.005, 1e-7)),
        ),
      ];
    case "moveInput":
      return moveInputArbs(validOf);
    case "moveInputs":
      return moveInputsArbs(validOf);
    case "movePatch":
      return movePatchArbs(validOf);
    case "email":
      return [
        fc.emailAddress(),
        fc.oneof(
          w(3, hostileText(2, 1)),
          w(1, fc.constantFrom("a@b", "@x.io", "x@y.z\u0000", "ADMIN@DCC.EXAMPLE ")),
          w(1, hugeText),
        ),
      ];
  }
}

/** The valid values of a field of the planning moves (planning-arb.ts), by name, from its kind in FIELD_KINDS. */
function validOf(key: string): Arb {
  const kind = FIELD_KINDS[key];
  if (!kind) throw new Error(`fuzz: move field ${key} has no kind in FIELD_KINDS`);
  return kindArbs(kind)[0];
}

/** [valid, hostile] generators for a named input type with no kind. */
function typeArbs(type: GraphQLNamedInputType, mutation: string, key: string, mode: Mode): [Arb, Arb] {
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    return [
      fc.constantFrom(...values),
      fc.constantFrom<unknown>("active", "DELETED", "", `${values[0]} `, "__typename", "null", 1, true),
    ];
  }
  if (isInputObjectType(type)) {
    const obj = inputObjectArb(type, mutation, mode);
    return [obj, fc.oneof(w(6, obj), w(1, wrongJsonType), w(1, fc.constant("{}")))];
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case "String":
        return kindArbs({ kind: "text", max: 200 });
      case "Int":
        return kindArbs({ kind: "int", min: 0, max: 100 });
      case "Float":
        return kindArbs({ kind: "float", min: 0, max: 100 });
      case "Boolean":
        return [fc.boolean(), wrongJsonType];
      case "Money":
        return kindArbs({ kind: "money" });
      case "Date":
        return kindArbs({ kind: "date" });
      case "ID":
        return [fc.constantFrom(...TABLES).chain(validRef), fc.constantFrom(...TABLES).chain(hostileRef)];
    }
  }
  return [fc.constant(null), wrongJsonType];
}

/** A value for field `key` of GraphQL type `type`. */
function fieldArb(type: GraphQLInputType, mutation: string, key: string, mode: Mode): Arb {
  const required = isNonNullType(type);
  const inner = required ? type.ofType : type;
  if (isListType(inner) && !kindOf(mutation, key)) {
    const item = fieldArb(inner.ofType, mutation, key, mode);
    return fc.array(item, { maxLength: 3 });
  }
  const kind = kindOf(mutation, key);
  const [valid, hostile] = kind
    ? kindArbs(kind)
    : typeArbs(inner as GraphQLNamedInputType, mutation, key, mode);
  if (mode === "valid") {
    if (required) return valid;
    if (CASES[mutation]?.notClearable?.includes(key))
      return fc.oneof(w(4, fc.constant(OMITTED)), w(2, valid));
    return fc.oneof(w(4, fc.constant(OMITTED)), w(2, valid), w(1, fc.constant(null)));
  }
  return fc.oneof(w(3, valid), w(3, hostile), w(1, fc.constant(null)), w(1, fc.constant(OMITTED)));
}

const extraField = fc.tuple(
  fc.constantFrom("extra", "organisationId", "id", "version", "__proto__", "evil"),
  fc.oneof(hostileText(1), fc.integer(), fc.constant(null)),
);

/** Usage fields and the capacity they must not exceed (where the API refuses more). */
const USAGE_OF: Record<string, string> = {
  racksUsed: "racks",
  powerUsedKw: "powerKw",
  storageUsedTb: "storageTb",
  ramUsedGb: "ramGb",
  bandwidthUsedMbps: "bandwidthMbps",
};

/** A valid-shaped object keeps usage within capacity (usage without capacity is refused). */
function coherent(r: Record<string, unknown>): Record<string, unknown> {
  const out = { ...r };
  for (const [used, capacity] of Object.entries(USAGE_OF)) {
    const u = out[used];
    if (typeof u !== "number") continue;
    const c = out[capacity];
    if (typeof c !== "number" || c < u) out[capacity] = u;
  }
  return out;
}

/** An input object: every field generated (possibly Omitted), plus now and then a field the type lacks. */
function inputObjectArb(type: GraphQLNamedInputType, mutation: string, mode: Mode): Arb {
  if (!isInputObjectType(type)) throw new Error(`${type.name} is not an input object`);
  const model: Record<string, Arb> = {};
  for (const f of Object.values(type.getFields())) model[f.name] = fieldArb(f.type, mutation, f.name, mode);
  const record = fc.record(model);
  if (mode === "valid") return record.map(coherent);
  return fc
    .tuple(record, fc.option(extraField, { freq: 8 }))
    .map(([r, extra]) => (extra ? { ...r, [extra[0]]: extra[1] } : r));
}

/** The arguments of a call to `mutation` in `mode`. */
function argsArb(mutation: string, mode: Mode): fc.Arbitrary<Record<string, unknown>> {
  const field = mutationField(mutation);
  const model: Record<string, Arb> = {};
  for (const a of field.args) model[a.name] = fieldArb(a.type, mutation, a.name, mode);
  const record = fc.record(model);
  if (mode === "valid") return record;
  return fc
    .tuple(record, fc.option(extraField, { freq: 10 }))
    .map(([r, extra]) => (extra ? { ...r, [extra[0]]: extra[1] } : r));
}

/** The hostile values of one field: its kind's or type's hostile generator, null, or left out. */
function hostileFieldArb(type: GraphQLInputType, mutation: string, key: string): Arb {
  const inner = isNonNullType(type) ? type.ofType : type;
  const kind = kindOf(mutation, key);
  if (isListType(inner) && !kind)
    return fc.oneof(
      w(3, fc.array(hostileFieldArb(inner.ofType, mutation, key), { maxLength: 3 })),
      w(1, wrongJsonType),
    );
  const [, hostile] = kind
    ? kindArbs(kind)
    : typeArbs(inner as GraphQLNamedInputType, mutation, key, "chaos");
  return fc.oneof(w(8, hostile), w(1, fc.constant(null)), w(1, fc.constant(OMITTED)));
}

/** Where one hostile value can go: each argument, or each field of an input-object argument. */
function targets(mutation: string): { path: string[]; type: GraphQLInputType }[] {
  const out: { path: string[]; type: GraphQLInputType }[] = [];
  for (const a of mutationField(mutation).args) {
    const inner = isNonNullType(a.type) ? a.type.ofType : a.type;
    if (isInputObjectType(inner))
      for (const f of Object.values(inner.getFields())) out.push({ path: [a.name, f.name], type: f.type });
    else out.push({ path: [a.name], type: a.type });
  }
  return out;
}

/** A valid-shaped call with exactly one field hostile: reaches the code behind validation with one bad value. */
function oneHostileArb(mutation: string): fc.Arbitrary<Record<string, unknown>> {
  const hostile = fc.oneof(
    ...targets(mutation).map((t) =>
      hostileFieldArb(t.type, mutation, t.path.at(-1)!).map((v) => ({ path: t.path, v })),
    ),
  );
  return fc.tuple(argsArb(mutation, "valid"), hostile).map(([args, { path, v }]) => {
    const out: Record<string, unknown> = { ...args };
    const [arg, field] = path as [string, string | undefined];
    if (field === undefined) out[arg] = v;
    else if (isPlainObject(out[arg])) out[arg] = { ...(out[arg] as Record<string, unknown>), [field]: v };
    return out;
  });
}

/** Most shrink steps per counterexample (each step is a request between two snapshots). */
export const MAX_SHRINKS = 150;

/**
 * Calls of `mutation`: 40% valid-shaped, 40% valid but for one hostile field, 20% chaos; 15% sent as
 * inline literals; 75% by a caller permitted to run it, 25% by one who is not (when there is one).
 */
export function callArb(mutation: string): fc.Arbitrary<Call> {
  const mayBeForbidden = callersOf(mutation).forbidden !== null;
  const args = fc.oneof(
    { weight: 2, arbitrary: argsArb(mutation, "valid") },
    { weight: 2, arbitrary: oneHostileArb(mutation) },
    { weight: 1, arbitrary: argsArb(mutation, "chaos") },
  );
  const inline = fc.integer({ min: 0, max: 99 }).map((n) => n >= 85); // shrinks towards variables
  // Shrinks towards the permitted caller.
  const caller = fc
    .integer({ min: 0, max: 99 })
    .map((n): Caller => (mayBeForbidden && n >= 75 ? "forbidden" : "permitted"));
  return fc.limitShrink(
    fc
      .record({ args, inline, caller })
      .map(({ args, inline, caller }) => ({ mutation, args, inline, caller })),
    MAX_SHRINKS,
  );
}
