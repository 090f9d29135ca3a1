// Fuzz of the read side: every query argument through which a client hands the server something it must
// parse rather than merely compare — cursors (`after`), global IDs, Dates and DateTimes, at the top level or
// inside filters — found in the built schema, so a new list, order, ID or date argument is fuzzed without
// anyone remembering to add it. The values are forged cursors (every list field × every order, with
// hostile sort-key values), IDs of no type (prototype names first) or in wrong UUID forms, and extreme or
// impossible instants. The oracle: never a 5xx or INTERNAL_SERVER_ERROR; every BAD_INPUT names a field;
// a cursor this API made for the same list and order is followed; anything else sent as `after` is
// followed or refused as BAD_INPUT on `after`; an ID of no type, and a date outside the scalar's years,
// are refused as BAD_INPUT.
import fc from "fast-check";
import type { GraphQLArgument, GraphQLField, GraphQLInputType } from "graphql";
import { NODE_TYPES } from "../../server/shared/ids.ts";
import {
  hostileDate,
  hostileDateTime,
  hostileGlobalId,
  hostileText,
  malformedId,
  PROTOTYPE_NAMES,
  validDate,
  validDateTime,
  wrongJsonType,
  wrongUuid,
} from "./hostile.ts";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  literal,
  schema,
  selectionFor,
} from "./schema-info.ts";
import type { Harness } from "./harness.ts";
import { ALLOWED_CODES, show } from "./harness.ts";

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });

/** What a slot takes: a cursor, a global ID (or an ID of another form), a Date or a DateTime. */
export type SlotKind = "cursor" | "globalId" | "otherId" | "date" | "dateTime";

/** One place in a query's arguments where a hostile value goes: `path` from the argument down. */
export interface Slot {
  path: string[];
  kind: SlotKind;
  list: boolean;
}

/** A query field to fuzz: reached from Query directly, or (for fields of other types) through node(id:). */
export interface ReadTarget {
  /** "Query.assets", "Site.assets". */
  name: string;
  field: GraphQLField<unknown, unknown>;
  /** For fields of another type: that type, whose row is fetched with node(id:). */
  parentType?: string;
  slots: Slot[];
  /** The values of its `orderBy` enum, or [null] when the list has one order. */
  orders: (string | null)[];
}

/** IDs that are not global IDs (parsed by their own rules). */
const OTHER_IDS = new Set(["Query.licenceOverlap.id", "Query.consolidationSavings.overlapId"]);

function slotsOf(owner: string, type: GraphQLInputType, path: string[], out: Slot[], depth = 0): void {
  const inner = isNonNullType(type) ? type.ofType : type;
  const list = isListType(inner);
  const named = getNamedType(inner);
  if (isInputObjectType(named)) {
    if (depth < 3)
      for (const f of Object.values(named.getFields()))
        slotsOf(owner, f.type, [...path, f.name], out, depth + 1);
    return;
  }
  const kind: SlotKind | null =
    path.at(-1) === "after" && named.name === "String"
      ? "cursor"
      : named.name === "ID"
        ? OTHER_IDS.has(`${owner}.${path.join(".")}`)
          ? "otherId"
          : "globalId"
        : named.name === "Date"
          ? "date"
          : named.name === "DateTime"
            ? "dateTime"
            : null;
  if (kind) out.push({ path, kind, list });
}

function targetOf(owner: string, field: GraphQLField<unknown, unknown>, parentType?: string): ReadTarget {
  const slots: Slot[] = [];
  for (const a of field.args) slotsOf(`${owner}.${field.name}`, a.type, [a.name], slots);
  const orderArg = field.args.find((a) => a.name === "orderBy");
  const orderType = orderArg ? getNamedType(orderArg.type) : null;
  const orders = orderType && isEnumType(orderType) ? orderType.getValues().map((v) => v.name) : [null];
  return { name: `${owner}.${field.name}`, field, ...(parentType ? { parentType } : {}), slots, orders };
}

/**
 * Every field to fuzz: Query fields with a slot, and fields of Node types with a slot (reached through
 * node(id:)). Fields of other types with arguments would need a way to reach them: the coverage test
 * fails if one appears.
 */
export function readTargets(): ReadTarget[] {
  const out: ReadTarget[] = [];
  for (const f of Object.values(schema.getQueryType()!.getFields())) {
    const t = targetOf("Query", f);
    if (t.slots.length) out.push(t);
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || type.name === "Query" || type.name === "Mutation") continue;
    if (!("getFields" in type) || isInputObjectType(type)) continue;
    for (const f of Object.values(
      (type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields(),
    )) {
      const t = targetOf(type.name, f, type.name);
      if (t.slots.length) out.push(t);
    }
  }
  return out;
}

/** The type of row a global-ID argument names, for its valid value (by field, then by argument name). */
const ID_TYPES: Record<string, string> = {
  "Query.asset.id": "Asset",
  "Query.site.id": "Site",
  "Query.licence.id": "Licence",
  "Query.contract.id": "Contract",
  "Query.node.id": "Asset",
  "Query.auditTrail.entityId": "Asset",
  assetId: "Asset",
  siteId: "Site",
  from: "Asset",
  to: "Asset",
  product: "Product",
  site: "Site",
  around: "Asset",
  "Query.scenario.id": "Scenario",
  scenarioId: "Scenario",
  ids: "Scenario",
};

/** List arguments whose valid value is more than one ID: compareScenarios compares two or three. */
const ID_LISTS: Record<string, (ids: FixtureIds) => string[]> = {
  "Query.compareScenarios.ids": (ids) => [`Scenario:${ids.Scenario}`, `Scenario:${ids.otherScenario}`],
};

/** Valid values for required arguments that are not the slot being fuzzed. */
const REQUIRED: Record<string, (ids: FixtureIds) => unknown> = {
  organisation: () => "SCC",
  code: () => "SCC",
  title: () => "Mosaic social care",
};

/** Optional arguments a target needs one of (consolidationSavings takes an overlap or a capability). */
const OPTIONAL: Record<string, (slot: Slot) => Record<string, unknown>> = {
  "Query.consolidationSavings": (slot) => (slot.path[0] === "overlapId" ? {} : { capability: "SOCIAL_CARE" }),
};

/** One row id of each type in the database, for valid IDs. */
export type FixtureIds = Record<string, string>;

function validIdFor(target: ReadTarget, slot: Slot, ids: FixtureIds): string {
  const type = ID_TYPES[`${target.name}.${slot.path.join(".")}`] ?? ID_TYPES[slot.path.at(-1)!] ?? "Asset";
  return `${type}:${ids[type]}`;
}

/** A valid value of a list of IDs: the list ID_LISTS names, or the one valid ID. */
function validIdsFor(target: ReadTarget, slot: Slot, ids: FixtureIds): string[] {
  return ID_LISTS[`${target.name}.${slot.path.join(".")}`]?.(ids) ?? [validIdFor(target, slot, ids)];
}

/** Arguments with every required argument valid and nothing else. */
function baseArgs(target: ReadTarget, ids: FixtureIds): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const a of target.field.args) {
    if (!isNonNullType(a.type)) continue;
    const slot = target.slots.find((s) => s.path.length === 1 && s.path[0] === a.name);
    if (slot?.kind === "globalId")
      args[a.name] = slot.list ? validIdsFor(target, slot, ids) : validIdFor(target, slot, ids);
    else if (slot?.kind === "otherId") args[a.name] = "Overlap:SAME_JOB:SOCIAL_CARE";
    else if (slot?.kind === "date") args[a.name] = a.name === "to" ? "2030-12-31" : "2026-01-01";
    else if (REQUIRED[a.name]) args[a.name] = REQUIRED[a.name]!(ids);
    else throw new Error(`reads fuzz: no valid value for required argument ${target.name}(${a.name})`);
  }
  return args;
}

// ---- cursors ------------------------------------------------------------------------------------

const uuidJson = fc.oneof(
  w(
    6,
    fc.uuid().map((u) => JSON.stringify(u)),
  ),
  w(
    1,
    fc.uuid().map((u) => JSON.stringify(u.toUpperCase())),
  ),
  w(
    2,
    fc.constantFrom(
      '"not-a-uuid"',
      "1",
      "null",
      "{}",
      '{"id":"00000000-0000-0000-0000-000000000000"}',
      '["00000000-0000-0000-0000-000000000000"]',
      '"00000000-0000-0000-0000-000000000000\\u0000"',
    ),
  ),
);

const digits = (min: number, max: number) =>
  fc.integer({ min, max }).chain((n) => fc.stringMatching(new RegExp(`^[1-9][0-9]{${n - 1}}$`)));

/** The sort-key half of a cursor as raw JSON text (so 1e400 and __proto__ keys survive). */
const cursorKeyJson: fc.Arbitrary<string> = fc.oneof(
  // Strings: what name/reference orders hold, hostile.
  w(
    3,
    fc
      .oneof(hostileText(2, 1), fc.string(), fc.constantFrom("", "x".repeat(1001), "é".repeat(1000)))
      .map((s) => JSON.stringify(s)),
  ),
  // Numbers, including ones JSON.parse turns into Infinity or 0.
  w(
    2,
    fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.integer().map(String),
      fc.constantFrom("1e400", "-1e400", "1e-400", "9007199254740993", "-0", "0.1"),
    ),
  ),
  // {bigint}: digits of every length up to 400, signs, exponents, other JSON types.
  w(
    3,
    fc
      .oneof(
        digits(1, 25).map((d) => JSON.stringify(d)),
        digits(300, 400).map((d) => JSON.stringify(d)),
        fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }).map((n) => JSON.stringify(n.toString())),
        fc.constantFrom(
          '"9223372036854775807"',
          '"9223372036854775808"',
          '"-9223372036854775808"',
          '"-9223372036854775809"',
          '"1e3"',
          '"0x10"',
          '" 1"',
          '"-0"',
          '"01"',
          "1",
          "1e400",
          "null",
          "{}",
          "[]",
          "true",
        ),
      )
      .map((v) => `{"bigint":${v}}`),
  ),
  // {date}: anywhere JavaScript can hold, extreme and impossible instants, other JSON types.
  w(
    3,
    fc
      .oneof(
        fc.date({ noInvalidDate: true }).map((d) => JSON.stringify(d.toISOString())),
        hostileDateTime.map((v) => JSON.stringify(v) ?? "null"),
        fc.constantFrom("0", "8640000000000001", "null", "{}", '"2026-01-01"'),
      )
      .map((v) => `{"date":${v}}`),
  ),
  // Wrappers with prototype keys, extra keys, or the wrong shape.
  w(
    2,
    fc.constantFrom(
      '{"__proto__":{"bigint":"1"}}',
      '{"bigint":"1","__proto__":null}',
      '{"constructor":{"bigint":"1"}}',
      '{"bigint":"1","date":"2026-01-01T00:00:00.000Z"}',
      '{"toString":"x"}',
      "null",
      "true",
      "[]",
      '["x"]',
      "{}",
    ),
  ),
);

/** A cursor no page of this API returned: forged JSON of hostile key values, or not a cursor at all. */
export const forgedCursor: fc.Arbitrary<string> = fc.oneof(
  w(
    8,
    fc.tuple(cursorKeyJson, uuidJson).map(([k, id]) => Buffer.from(`[${k},${id}]`).toString("base64url")),
  ),
  w(
    2,
    fc
      .oneof(
        cursorKeyJson.map((k) => `[${k}]`),
        fc.tuple(cursorKeyJson, uuidJson).map(([k, id]) => `[${k},${id},1]`),
        fc.tuple(cursorKeyJson, uuidJson).map(([k, id]) => `{"0":${k},"1":${id},"length":2}`),
        fc.constantFrom("[]", "{}", "null", "[", "not json", '"x"'),
      )
      .map((j) => Buffer.from(j).toString("base64url")),
  ),
  // Not base64url: standard base64, garbage, huge.
  w(
    1,
    fc.oneof(
      fc.tuple(cursorKeyJson, uuidJson).map(([k, id]) => Buffer.from(`[${k},${id}]`).toString("base64")),
      hostileText(2, 1),
      fc.constantFrom("", "=", "!!!!", "a".repeat(100_000)),
    ),
  ),
);

/** A real cursor with a character changed, cut short, or padded. */
const tamperedCursor = (real: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc
      .tuple(fc.nat({ max: Math.max(0, real.length - 1) }), fc.constantFrom("A", "_", "-", "z", "0"))
      .map(([i, c]) => real.slice(0, i) + c + real.slice(i + 1)),
    fc.nat({ max: real.length }).map((n) => real.slice(0, n)),
    fc.constantFrom(`${real}=`, `${real}A`, ` ${real}`),
  );

// ---- requests -----------------------------------------------------------------------------------

/** One read call: the target, the order, where the hostile value goes and what it is. */
export interface ReadCall {
  target: ReadTarget;
  order: string | null;
  slot: Slot;
  value: unknown;
  inline: boolean;
}

function setAt(args: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path as [string, ...string[]];
  if (!rest.length) return { ...args, [head]: value };
  const inner = args[head];
  return {
    ...args,
    [head]: setAt(inner && typeof inner === "object" ? (inner as Record<string, unknown>) : {}, rest, value),
  };
}

/** The query of a call: variables named as the arguments, or inline literals. */
export function readRequest(
  call: ReadCall,
  ids: FixtureIds,
): { query: string; variables: Record<string, unknown> } {
  const { target } = call;
  let args = { ...baseArgs(target, ids), ...(OPTIONAL[target.name]?.(call.slot) ?? {}) };
  if (call.order) args.orderBy = call.order;
  // Ordering licences by annual cost needs every cost in scope visible: the caller sees SCC's only.
  if (target.name === "Query.licences" && call.order?.startsWith("ANNUAL_COST"))
    args.filter = { ...((args.filter as object | undefined) ?? {}), organisation: ["SCC"] };
  if (target.slots.some((s) => s.kind === "cursor")) args.first = 3;
  args = setAt(args, call.slot.path, call.value);
  const field = target.field;
  const argType = (name: string) => field.args.find((a: GraphQLArgument) => a.name === name)!.type;
  // Interfaces (node) have no selection of their own: ask for the one field every Node has.
  const selection = selectionFor(field.type) || "{ id }";
  let inner: string;
  let variables: Record<string, unknown> = {};
  const decls: string[] = [];
  if (call.inline) {
    const list = Object.entries(args).map(([k, v]) => `${k}: ${literal(v, argType(k))}`);
    inner = `${field.name}(${list.join(", ")}) ${selection}`;
  } else {
    for (const k of Object.keys(args)) decls.push(`$${k}: ${argType(k).toString()}`);
    inner = `${field.name}(${Object.keys(args)
      .map((k) => `${k}: $${k}`)
      .join(", ")}) ${selection}`;
    variables = args;
  }
  if (target.parentType) {
    decls.push("$parentId: ID!");
    variables = { ...variables, parentId: `${target.parentType}:${ids[target.parentType]}` };
    inner = `node(id: $parentId) { ... on ${target.parentType} { ${inner} } }`;
  }
  return { query: `query Fuzz${decls.length ? `(${decls.join(", ")})` : ""} { ${inner} }`, variables };
}

/** The connection under a response's data for a call (through node(id:) for nested fields). */
function connectionOf(call: ReadCall, data: any): any {
  const holder = call.target.parentType ? data?.node : data;
  return holder?.[call.target.field.name];
}

/** Cursors this API returned for a target and order: the first page's, from the fixture estate. */
export async function realCursors(
  h: Harness,
  target: ReadTarget,
  order: string | null,
  ids: FixtureIds,
): Promise<string[]> {
  const slot = target.slots.find((s) => s.kind === "cursor")!;
  const call: ReadCall = { target, order, slot, value: null, inline: false };
  const { query, variables } = readRequest(call, ids);
  const res = await h.send(JSON.stringify({ query, variables }));
  const conn = connectionOf(call, res.json?.data);
  if (!conn) throw new Error(`reads fuzz: ${target.name} ${order ?? ""} gave no page: ${show(res.json)}`);
  return conn.edges.map((e: { cursor: string }) => e.cursor);
}

/** Values for a slot: hostile mostly, valid sometimes (so the refusals are of the hostile ones). */
export function slotValueArb(
  target: ReadTarget,
  slot: Slot,
  ids: FixtureIds,
  cursors: { own: string[]; others: string[] },
): fc.Arbitrary<unknown> {
  const one = ((): fc.Arbitrary<unknown> => {
    switch (slot.kind) {
      case "cursor":
        return fc.oneof(
          w(6, forgedCursor),
          ...(cursors.own.length
            ? [
                w(2, fc.constantFrom(...cursors.own)),
                w(2, fc.constantFrom(...cursors.own).chain(tamperedCursor)),
              ]
            : []),
          ...(cursors.others.length ? [w(1, fc.constantFrom(...cursors.others))] : []),
        );
      case "globalId":
        return fc.oneof(
          w(6, hostileGlobalId(NODE_TYPES)),
          w(2, malformedId),
          w(1, fc.constant(validIdFor(target, slot, ids))),
          w(
            1,
            fc.constantFrom(...NODE_TYPES).chain((t) => fc.uuid().map((u) => `${t}:${u}`)),
          ),
        );
      case "otherId":
        // Overlap IDs: "Overlap:SAME_PRODUCT:<product uuid>" or "Overlap:SAME_JOB:<code>".
        return fc.oneof(
          w(3, hostileGlobalId(NODE_TYPES)),
          w(1, malformedId),
          w(1, fc.constant("Overlap:SAME_JOB:SOCIAL_CARE")),
          w(
            2,
            fc
              .tuple(
                fc.constantFrom("SAME_PRODUCT", "SAME_JOB", "__proto__", "constructor", ""),
                fc.oneof(fc.uuid(), wrongUuid, hostileText(2, 1), fc.constantFrom(...PROTOTYPE_NAMES)),
              )
              .map(([kind, key]) => `Overlap:${kind}:${key}`),
          ),
        );
      case "date":
        // 2026-06-30 lies inside every required date range the base arguments set (renewals' from–to).
        return fc.oneof(
          w(4, hostileDate),
          w(1, validDate),
          w(1, fc.constant("2026-06-30")),
          w(1, wrongJsonType),
        );
      case "dateTime":
        return fc.oneof(w(4, hostileDateTime), w(1, validDateTime), w(1, wrongJsonType));
    }
  })();
  if (!slot.list) return one;
  // A list is refused when any element is: some lists hold only the valid value, so calls succeed too.
  const valid = slot.kind === "globalId" ? [w(2, fc.constant(validIdsFor(target, slot, ids)))] : [];
  return fc.oneof(w(4, fc.array(one, { minLength: 1, maxLength: 3 })), w(1, one), ...valid);
}

/** A property's calls to one target: one order, any slot, variables or inline. */
export function readCallArb(
  target: ReadTarget,
  order: string | null,
  slots: Slot[],
  ids: FixtureIds,
  cursors: { own: string[]; others: string[] },
): fc.Arbitrary<ReadCall> {
  return fc
    .tuple(
      fc
        .constantFrom(...slots)
        .chain((slot) => slotValueArb(target, slot, ids, cursors).map((value) => ({ slot, value }))),
      fc.integer({ min: 0, max: 99 }).map((n) => n >= 80),
    )
    .map(([{ slot, value }, inline]) => ({ target, order, slot, value, inline }));
}

// ---- the oracle ---------------------------------------------------------------------------------

const YEAR = /^(\d{4})-/;
const KNOWN_TYPES = new Set<string>(NODE_TYPES);

/** Whether a single slot value must be refused (for the kinds where that is decidable from the value). */
function mustRefuse(slot: Slot, v: unknown): boolean {
  if (slot.kind === "globalId") {
    if (typeof v !== "string") return false; // the ID scalar's own coercion decides
    const at = v.indexOf(":");
    return at < 1 || !KNOWN_TYPES.has(v.slice(0, at));
  }
  if (slot.kind === "date" || slot.kind === "dateTime") {
    if (typeof v !== "string") return true;
    const year = YEAR.exec(v);
    return !year || Number(year[1]) < (slot.kind === "date" ? 1000 : 1);
  }
  return false;
}

/** What one read call did. */
export interface ReadOutcome {
  succeeded: boolean;
  codes: string[];
  /** The call sent a cursor this API made for the same list and order. */
  real: boolean;
}

/** Sends a read call and checks the oracle; throws with everything needed to replay it. */
export async function checkRead(
  h: Harness,
  call: ReadCall,
  ids: FixtureIds,
  ownCursors: readonly string[],
): Promise<ReadOutcome> {
  const { query, variables } = readRequest(call, ids);
  const logged: string[] = [];
  const consoleError = console.error;
  console.error = (...parts: unknown[]) => void logged.push(parts.map(String).join(" "));
  let res: Awaited<ReturnType<Harness["send"]>>;
  try {
    res = await h.send(JSON.stringify({ query, variables }));
  } finally {
    console.error = consoleError;
  }
  const errors: { message?: string; extensions?: { code?: string; field?: string } }[] = Array.isArray(
    res.json?.errors,
  )
    ? res.json.errors
    : [];
  const codes = errors.map((e) => e.extensions?.code ?? "(no code)");
  const succeeded = res.json !== null && errors.length === 0;
  // An inline string holding an escaped lone surrogate does not parse: refused before anything else.
  const unparsable = call.inline && codes.length === 1 && codes[0] === "GRAPHQL_PARSE_FAILED";
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`HTTP ${res.status}`);
  if (res.json === null) problems.push(`the response is not JSON: ${show(res.text, 300)}`);
  for (const e of errors) {
    if (!ALLOWED_CODES.has(e.extensions?.code ?? ""))
      problems.push(`error with code ${e.extensions?.code ?? "(none)"}: ${show(e.message, 300)}`);
    if (e.extensions?.code === "BAD_INPUT" && !e.extensions.field)
      problems.push(`BAD_INPUT names no field: ${show(e.message, 300)}`);
  }
  const values = call.slot.list && Array.isArray(call.value) ? call.value : [call.value];
  const real = call.slot.kind === "cursor" && ownCursors.includes(call.value as string);
  const path = call.slot.path.join(".");
  if (real && !succeeded) problems.push(`a cursor this API returned for this list and order was refused`);
  if (call.slot.kind === "cursor" && !succeeded && !unparsable)
    for (const e of errors)
      if (e.extensions?.code !== "BAD_INPUT" || e.extensions.field !== "after")
        problems.push(
          `a bad cursor must be BAD_INPUT on "after"; got ${e.extensions?.code} on ${e.extensions?.field}`,
        );
  if (values.some((v) => mustRefuse(call.slot, v))) {
    if (succeeded) problems.push(`${path}: ${show(call.value, 200)} must be refused, and was accepted`);
    else if (!codes.includes("BAD_INPUT") && !unparsable)
      problems.push(`${path}: refused with ${codes.join(", ")}, not BAD_INPUT`);
    else if (
      !unparsable &&
      (call.slot.kind === "date" || call.slot.kind === "dateTime") &&
      !errors.some((e) => e.extensions?.field?.startsWith(path))
    )
      problems.push(
        `${path}: the refusal names ${errors.map((e) => e.extensions?.field).join(", ")}, not ${path}`,
      );
  }
  if (problems.length)
    throw new Error(
      [
        `${call.target.name}${call.order ? ` orderBy ${call.order}` : ""} on ${h.engine} (${call.inline ? "inline literals" : "variables"}), ${path}:`,
        ...problems.map((p) => `  - ${p}`),
        `  sent: ${show(call.inline ? query : variables, 1500)}`,
        `  HTTP ${res.status}: ${show(res.json ?? res.text, 1500)}`,
        ...(logged.length
          ? [`  server logged: ${logged.join(" | ").replace(/\s+/g, " ").slice(0, 1200)}`]
          : []),
      ].join("\n"),
    );
  return { succeeded, codes, real };
}
