// Moves for the planning mutations (addMove, addMoves, updateMove): which fields a move takes depends on
// its kind (server/planning/moves.ts refuses the others), so a move built field by field from the
// GraphQL type would almost never be one the server accepts. Valid moves take exactly the fields of their
// kind, each from its field kind (cases.ts); hostile ones take another kind's fields, miss their own, or
// are not objects at all. One hostile field in an otherwise valid move comes from generators.ts.
import fc from "fast-check";
import { OMITTED } from "./values.ts";
import { wrongJsonType } from "./hostile.ts";

type Arb = fc.Arbitrary<unknown>;
/** The valid values of a field, by its name (from its field kind). */
export type ValidOf = (key: string) => Arb;

const w = (weight: number, arbitrary: Arb) => ({ weight, arbitrary });

export const MOVE_KINDS = [
  "MIGRATE",
  "CONSOLIDATE",
  "RETIRE",
  "REPLACE",
  "CLOSE_SITE",
  "RENEGOTIATE",
  "RETAIN",
] as const;
type MoveKind = (typeof MOVE_KINDS)[number];

/** The subject and target fields each kind takes (one list per valid shape). */
const SHAPES: Record<MoveKind, string[][]> = {
  MIGRATE: [
    ["asset", "targetSite"],
    ["asset", "targetAsset"],
  ],
  CONSOLIDATE: [["asset", "targetAsset"]],
  RETIRE: [["asset"]],
  REPLACE: [["asset", "targetAsset"]],
  CLOSE_SITE: [["site"]],
  RENEGOTIATE: [
    ["licences", "targetLicence"],
    ["licences", "targetLicence", "seats"],
  ],
  RETAIN: [["asset"], ["site"]],
};

/** Kinds that may accept leaving a contract early. */
const EXIT_COST_KINDS: readonly MoveKind[] = ["RETIRE", "REPLACE", "CONSOLIDATE", "RENEGOTIATE"];

/** Fields every kind takes; each is present now and then. */
const COMMON = ["oneOffCost", "effortDays", "targetCostGrowth", "earliestDate", "pinnedWave", "note"];
/** Fields of one kind or another. */
const SPECIFIC = ["asset", "site", "targetSite", "targetAsset", "licences", "targetLicence", "seats"];

/** Optional fields, each left out, set, or (where it may be) null. */
function optionals(valid: ValidOf, keys: string[], nullable: boolean): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, Arb> = {};
  for (const k of keys)
    model[k] = fc.oneof(
      w(5, fc.constant(OMITTED)),
      w(3, valid(k)),
      ...(nullable ? [w(1, fc.constant(null))] : []),
    );
  return fc.record(model);
}

/** A saving override always with its reason (or now and then with neither). */
function override(valid: ValidOf): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof<fc.Arbitrary<Record<string, unknown>>[]>(
    fc.constant({}),
    fc.constant({}),
    fc.tuple(valid("savingOverride"), valid("savingOverrideReason")).map(([savingOverride, reason]) => ({
      savingOverride,
      // An empty or blank reason is no reason: keep one that says something.
      savingOverrideReason: typeof reason === "string" && reason.trim() ? reason : "agreed with finance",
    })),
  );
}

/** A MoveInput the server should accept when its ids name rows that fit (other moves' subjects aside). */
function validMove(valid: ValidOf): Arb {
  return fc
    .constantFrom(...MOVE_KINDS)
    .chain((kind) =>
      fc.record({
        kind: fc.constant(kind),
        shape: fc
          .constantFrom(...SHAPES[kind])
          .chain((fields) => fc.record(Object.fromEntries(fields.map((f) => [f, valid(f)])))),
        common: optionals(valid, COMMON, true),
        override: override(valid),
        exit: EXIT_COST_KINDS.includes(kind)
          ? fc.oneof(w(3, fc.constant(OMITTED)), w(1, fc.boolean()))
          : fc.constant(OMITTED),
      }),
    )
    .map(({ kind, shape, common, override, exit }) => ({
      kind,
      ...shape,
      ...common,
      ...override,
      ...(exit === OMITTED ? {} : { acceptExitCost: exit }),
    }));
}

/** A move the server must refuse: another kind's fields, none of its own, or an override with no reason. */
function invalidMove(valid: ValidOf): Arb {
  return fc.oneof(
    // A kind with the fields of another.
    fc
      .tuple(validMove(valid), fc.constantFrom(...MOVE_KINDS))
      .map(([m, kind]) => ({ ...(m as Record<string, unknown>), kind })),
    // Every subject and target field at once.
    fc
      .tuple(
        fc.constantFrom(...MOVE_KINDS),
        fc.record(Object.fromEntries(SPECIFIC.map((f) => [f, valid(f)]))),
      )
      .map(([kind, fields]) => ({ kind, ...fields })),
    // Only a kind.
    fc.constantFrom(...MOVE_KINDS).map((kind) => ({ kind })),
    // An override without a reason.
    fc
      .tuple(validMove(valid), valid("savingOverride"))
      .map(([m, savingOverride]) => ({
        ...(m as Record<string, unknown>),
        savingOverride,
        savingOverrideReason: null,
      })),
  );
}

/** [valid, hostile] MoveInputs. */
export function moveInputArbs(valid: ValidOf): [Arb, Arb] {
  return [validMove(valid), fc.oneof(w(6, invalidMove(valid)), w(1, wrongJsonType), w(1, fc.constant({})))];
}

/** [valid, hostile] lists of MoveInputs for addMoves (all or none: one bad move refuses the call). */
export function moveInputsArbs(valid: ValidOf): [Arb, Arb] {
  const [good, bad] = moveInputArbs(valid);
  return [
    fc.array(good, { minLength: 1, maxLength: 4 }),
    fc.oneof(
      w(
        4,
        fc.tuple(fc.array(good, { maxLength: 3 }), bad, fc.nat()).map(([moves, b, at]) => {
          const i = at % (moves.length + 1);
          return [...moves.slice(0, i), b, ...moves.slice(i)];
        }),
      ),
      w(1, fc.constant([])),
      w(1, wrongJsonType),
    ),
  ];
}

/**
 * [valid, hostile] MovePatches. A valid patch changes the fields every kind takes (and now and then one
 * of a kind, which fits some moves and not others); a hostile one clears what cannot be cleared.
 */
export function movePatchArbs(valid: ValidOf): [Arb, Arb] {
  const good = fc
    .tuple(
      optionals(valid, COMMON, true),
      override(valid),
      fc.oneof(
        { weight: 5, arbitrary: fc.constant<Record<string, unknown>>({}) },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom("targetSite", "targetAsset", "seats")
            .chain((k) => valid(k).map((v): Record<string, unknown> => ({ [k]: v }))),
        },
        {
          weight: 1,
          arbitrary: fc.boolean().map((acceptExitCost): Record<string, unknown> => ({ acceptExitCost })),
        },
      ),
    )
    .map(([common, o, specific]) => {
      // Fields every kind takes but none may clear: leave them out rather than null.
      const out: Record<string, unknown> = { ...common, ...o, ...specific };
      for (const k of ["oneOffCost", "effortDays", "targetCostGrowth"]) if (out[k] === null) out[k] = OMITTED;
      return out;
    });
  const bad = fc.oneof(
    fc
      .constantFrom("oneOffCost", "effortDays", "targetCostGrowth", "acceptExitCost")
      .map((k) => ({ [k]: null })),
    fc.tuple(good, valid("savingOverride")).map(([p, savingOverride]) => ({
      ...(p as Record<string, unknown>),
      savingOverride,
      savingOverrideReason: "   ",
    })),
    fc.record(
      Object.fromEntries(SPECIFIC.filter((k) => k !== "asset" && k !== "site").map((f) => [f, valid(f)])),
    ),
    wrongJsonType,
  );
  return [good, bad];
}
