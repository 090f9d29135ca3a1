// What the fuzz reads from the built schema: the Mutation fields, a selection set for each result type,
// GraphQL documents (variables or inline literals) for a call, and checks that results are well formed.
import { createRequire } from "node:module";
import * as graphqlEsm from "graphql";
import type {
  GraphQLEnumType,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLList,
  GraphQLNamedType,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLScalarType,
  GraphQLType,
} from "graphql";
import { buildSchema } from "../../server/schema.ts";
import { Omitted } from "./values.ts";

/** The executable schema, as the app builds it. */
export const schema = buildSchema();

// graphql is loaded twice (its ESM and CommonJS builds: the server's libraries use one, tests the other),
// so `instanceof`-based predicates of the wrong copy throw. Types are told apart by their toStringTag, and
// validation uses whichever copy built the schema.
const tag = (t: unknown): string | undefined =>
  (t as { [Symbol.toStringTag]?: string } | null)?.[Symbol.toStringTag];
export const isNonNullType = (t: unknown): t is GraphQLNonNull<GraphQLType> => tag(t) === "GraphQLNonNull";
export const isListType = (t: unknown): t is GraphQLList<GraphQLType> => tag(t) === "GraphQLList";
export const isEnumType = (t: unknown): t is GraphQLEnumType => tag(t) === "GraphQLEnumType";
export const isInputObjectType = (t: unknown): t is GraphQLInputObjectType =>
  tag(t) === "GraphQLInputObjectType";
export const isObjectType = (t: unknown): t is GraphQLObjectType => tag(t) === "GraphQLObjectType";
export const isScalarType = (t: unknown): t is GraphQLScalarType => tag(t) === "GraphQLScalarType";
/** `t` without its NonNull and List wrappers. */
export function getNamedType(t: GraphQLType): GraphQLNamedType {
  let inner: GraphQLType = t;
  while (isNonNullType(inner) || isListType(inner)) inner = inner.ofType;
  return inner;
}

/** The copy of graphql-js that built `schema` (for parse/validate against it). */
export const graphql: typeof graphqlEsm = (() => {
  try {
    if (graphqlEsm.isSchema(schema)) return graphqlEsm;
  } catch {
    // graphql-js throws (in development) when the schema comes from its other copy.
  }
  return createRequire(import.meta.url)("graphql") as typeof graphqlEsm;
})();

/** Every field of the Mutation type, by name. */
export function mutationFields(): Map<string, GraphQLField<unknown, unknown>> {
  const type = schema.getMutationType();
  if (!type) throw new Error("the schema has no Mutation type");
  return new Map(Object.entries(type.getFields()));
}

/** The Mutation field called `name`. */
export function mutationField(name: string): GraphQLField<unknown, unknown> {
  const field = mutationFields().get(name);
  if (!field) throw new Error(`the schema has no mutation ${name}`);
  return field;
}

/**
 * A selection for `type`: every argument-free scalar and enum field; nested objects only as `{ id }`,
 * except under a wrapper without an id of its own (CreatedApiToken, OcdsImportReport…), whose nested
 * objects are selected in full, down to a third level.
 */
export function selectionFor(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return "";
  const fields = Object.values(named.getFields());
  const wrapper = !fields.some((f) => f.name === "id") && depth < 2;
  const parts: string[] = [];
  for (const field of fields) {
    if (field.args.length) continue;
    const inner = getNamedType(field.type);
    if (isScalarType(inner) || isEnumType(inner)) parts.push(field.name);
    else if (isObjectType(inner)) {
      if (wrapper) {
        const sub = selectionFor(inner, depth + 1);
        if (sub) parts.push(`${field.name} ${sub}`);
      } else if (inner.getFields().id) parts.push(`${field.name} { id }`);
    }
  }
  return parts.length ? `{ ${parts.join(" ")} }` : "";
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? "1e999" : "-1e999";
  return Object.is(n, -0) ? "-0" : String(n);
}

/** `value` as a GraphQL literal of `type` (null type: unknown field, rendered by its JS type). */
export function literal(value: unknown, type: GraphQLInputType | null): string {
  if (value === null || value === undefined) return "null";
  if (type && isNonNullType(type)) return literal(value, type.ofType);
  if (type && isListType(type)) {
    const item = type.ofType as GraphQLInputType;
    return Array.isArray(value) ? `[${value.map((v) => literal(v, item)).join(", ")}]` : literal(value, item);
  }
  if (
    type &&
    isEnumType(type) &&
    typeof value === "string" &&
    NAME.test(value) &&
    !["true", "false", "null"].includes(value)
  )
    return value;
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return numberLiteral(value);
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, null)).join(", ")}]`;
  if (typeof value === "object") {
    const fields = type && isInputObjectType(type) ? type.getFields() : {};
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([k, v]) => !(v instanceof Omitted) && NAME.test(k),
    );
    return `{${entries.map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? null)}`).join(", ")}}`;
  }
  return JSON.stringify(String(value));
}

/** Drops Omitted fields (recursively): what a client that leaves a field out sends. */
export function withoutOmitted(value: unknown): unknown {
  if (value instanceof Omitted) return undefined;
  if (Array.isArray(value)) return value.map(withoutOmitted);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!(v instanceof Omitted)) out[k] = withoutOmitted(v);
    return out;
  }
  return value;
}

/** The GraphQL request for a call of `field` with resolved `args`. */
export function buildRequest(
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  inline: boolean,
): { query: string; variables: Record<string, unknown> } {
  const selection = selectionFor(field.type);
  if (inline) {
    const argTypes = new Map(field.args.map((a) => [a.name, a.type]));
    const list = Object.entries(args)
      .filter(([k, v]) => !(v instanceof Omitted) && NAME.test(k))
      .map(([k, v]) => `${k}: ${literal(v, argTypes.get(k) ?? null)}`);
    return {
      query: `mutation Fuzz { ${field.name}${list.length ? `(${list.join(", ")})` : ""} ${selection} }`,
      variables: {},
    };
  }
  const decls = field.args.map((a) => `$${a.name}: ${a.type.toString()}`);
  const uses = field.args.map((a) => `${a.name}: $${a.name}`);
  return {
    query: `mutation Fuzz${decls.length ? `(${decls.join(", ")})` : ""} { ${field.name}${uses.length ? `(${uses.join(", ")})` : ""} ${selection} }`,
    variables: withoutOmitted(args) as Record<string, unknown>,
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Problems with a result of `type`: Date, DateTime and Money values that are not in their documented form. */
export function outputProblems(
  value: unknown,
  type: GraphQLOutputType,
  path: string,
  problems: string[] = [],
): string[] {
  if (value === null || value === undefined) return problems;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (Array.isArray(value))
      value.forEach((v, i) => outputProblems(v, inner.ofType, `${path}[${i}]`, problems));
    return problems;
  }
  if (isScalarType(inner)) {
    const s = String(value);
    if (inner.name === "Date") {
      const m = DATE.exec(s);
      const d = new Date(`${s}T00:00:00Z`);
      if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s)
        problems.push(`${path}: Date ${JSON.stringify(s)} is not YYYY-MM-DD`);
    } else if (inner.name === "DateTime") {
      if (!/^\d{4}-\d{2}-\d{2}T/.test(s) || Number.isNaN(Date.parse(s)))
        problems.push(`${path}: DateTime ${JSON.stringify(s)} is not ISO 8601`);
    } else if (inner.name === "Money") {
      if (!/^-?\d+\.\d{2}$/.test(s))
        problems.push(`${path}: Money ${JSON.stringify(s)} is not a decimal with two places`);
    }
    return problems;
  }
  if (isObjectType(inner) && typeof value === "object") {
    const fields = (inner as GraphQLObjectType).getFields();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const f = fields[k];
      if (f) outputProblems(v, f.type, `${path}.${k}`, problems);
    }
  }
  return problems;
}

const MONEY = /^(-)?(\d{1,15})(?:\.(\d{1,2}))?$/;

/** The Money a value sent should read back as, or undefined when the server should refuse it. */
export function moneyOut(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? `${BigInt(value)}.00` : undefined;
  if (typeof value !== "string") return undefined;
  const m = MONEY.exec(value.trim());
  if (!m) return undefined;
  const pence = BigInt(m[2]!) * 100n + BigInt((m[3] ?? "0").padEnd(2, "0"));
  return `${m[1] && pence ? "-" : ""}${pence / 100n}.${String(pence % 100n).padStart(2, "0")}`;
}
