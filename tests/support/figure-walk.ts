// Reads every money figure the API can show, driven by the schema rather than a hand-written list, so a
// Money field added later is collected without anyone remembering to. `queryFor` builds, for one root
// Query field, a selection that reaches every field of every type below it (each entity type expanded
// once per query, later occurrences as `{ __typename id }`); `figuresIn` walks the answer with the same
// schema and returns each amount: Money fields, `…Pence` keys of JSON (audit snapshots) and "£1,234.56"
// in texts, each tagged with the organisation, product and contract it belongs to.
import {
  buildSchema,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { loadTypeDefs } from "../../server/schema.ts";

/** The API's schema, built from the SDL files (types only, no resolvers). */
export const apiSchema: GraphQLSchema = buildSchema(loadTypeDefs().join("\n"));

/** Deepest field nesting a generated query uses (the API refuses more than 12). */
const MAX_DEPTH = 11;

/** The entity types a figure is tagged with, and the fields that point at them. */
const TAG_TYPES = ["Organisation", "Product", "Contract"] as const;
/** Which of the tag types a figure belongs to. */
export type TagKind = (typeof TAG_TYPES)[number];

/** One amount the API showed. */
export interface Figure {
  pence: bigint;
  /** Where: "Type.field", "AuditEvent.after.annualCostPence" or "Type.field(text)". */
  field: string;
  /** The response path, for messages. */
  path: string;
  /** Ids of the organisation, product and contract the nearest enclosing objects belong to. */
  tags: Partial<Record<TagKind, string>>;
}

/** A generated query for one root field. */
export interface RootQuery {
  document: string;
  /** "Type.field" of every Money field the selection reaches. */
  moneyFields: Set<string>;
}

type Composite = GraphQLObjectType | GraphQLInterfaceType;

const isEntity = (t: Composite) => "id" in t.getFields();

function argsRequired(f: GraphQLField<unknown, unknown>): boolean {
  return f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);
}

function selection(type: GraphQLNamedType, depth: number, expanded: Set<string>, money: Set<string>): string {
  if (isLeafType(type)) return "";
  const t = type as Composite;
  if (isEntity(t) && (expanded.has(t.name) || depth >= MAX_DEPTH)) return "{ __typename id }";
  if (isInterfaceType(t)) {
    const fragments = apiSchema
      .getPossibleTypes(t)
      .map((impl) => `... on ${impl.name} ${selection(impl, depth, expanded, money)}`);
    return `{ __typename id ${fragments.join(" ")} }`;
  }
  if (isEntity(t)) expanded.add(t.name);
  const parts = ["__typename"];
  for (const f of Object.values(t.getFields())) {
    if (argsRequired(f)) continue;
    const inner = getNamedType(f.type);
    if (isLeafType(inner)) {
      if (inner.name === "Money") money.add(`${t.name}.${f.name}`);
      parts.push(f.name);
    } else if (depth + 1 < MAX_DEPTH || isEntity(inner as Composite)) {
      parts.push(`${f.name} ${selection(inner, depth + 1, expanded, money)}`);
    }
  }
  return `{ ${parts.join(" ")} }`;
}

/** The root Query fields, by name. */
export function rootFields(): Map<string, GraphQLField<unknown, unknown>> {
  return new Map(Object.entries(apiSchema.getQueryType()!.getFields()));
}

/** True when a root field needs arguments the caller must supply. */
export function needsArguments(name: string): boolean {
  return argsRequired(rootFields().get(name)!);
}

/** True when a Money or JSON field can be reached from the root field `name`. */
export function reachesFigures(name: string): boolean {
  const seen = new Set<string>();
  const walk = (type: GraphQLNamedType): boolean => {
    if (isLeafType(type)) return type.name === "Money" || type.name === "JSON";
    if (seen.has(type.name)) return false;
    seen.add(type.name);
    const t = type as Composite;
    const impls = isInterfaceType(t) ? apiSchema.getPossibleTypes(t) : [];
    return Object.values(t.getFields()).some((f) => walk(getNamedType(f.type))) || impls.some((i) => walk(i));
  };
  return walk(getNamedType(rootFields().get(name)!.type));
}

/** The query for root field `name` with `args` (passed as variables of the field's own argument types). */
export function queryFor(name: string, args: Record<string, unknown>): RootQuery {
  const field = rootFields().get(name)!;
  const used = field.args.filter((a) => a.name in args);
  const defs = used.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
  const call = used.map((a) => `${a.name}: $${a.name}`).join(", ");
  const money = new Set<string>();
  const sub = selection(getNamedType(field.type), 1, new Set(), money);
  return {
    document: `query${defs ? ` (${defs})` : ""} { ${name}${call ? `(${call})` : ""} ${sub} }`,
    moneyFields: money,
  };
}

/** Every output field of type Money in the schema, as "Type.field", sorted. */
export function moneyFieldsOfSchema(): string[] {
  const out: string[] = [];
  for (const t of Object.values(apiSchema.getTypeMap())) {
    if (t.name.startsWith("__") || !(isObjectType(t) || isInterfaceType(t))) continue;
    for (const f of Object.values(t.getFields()))
      if (getNamedType(f.type).name === "Money") out.push(`${t.name}.${f.name}`);
  }
  return out.sort();
}

/** "1234.50" / "-12.00" → pence. */
export function pence(money: string): bigint {
  const m = /^(-)?(\d+)\.(\d\d)$/.exec(money);
  if (!m) throw new Error(`not a Money value: ${money}`);
  const p = BigInt(m[2]!) * 100n + BigInt(m[3]!);
  return m[1] ? -p : p;
}

const GBP = /(−|-)?£([\d,]+)\.(\d\d)/g;

/** Every "£1,234.56" in a text, as pence. */
export function amountsIn(text: string): bigint[] {
  return [...text.matchAll(GBP)].map((m) => {
    const p = BigInt(m[2]!.replace(/,/g, "")) * 100n + BigInt(m[3]!);
    return m[1] ? -p : p;
  });
}

/** The figures in `data`, the answer to a query for root field `name`. */
export function figuresIn(name: string, data: unknown): Figure[] {
  const out: Figure[] = [];
  const field = rootFields().get(name)!;
  visit(data, getNamedType(field.type), name, {}, out);
  return out;
}

function visit(
  value: unknown,
  type: GraphQLNamedType,
  path: string,
  tags: Partial<Record<TagKind, string>>,
  out: Figure[],
): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => visit(v, type, `${path}[${i}]`, tags, out));
    return;
  }
  if (isLeafType(type)) return;
  const obj = value as Record<string, unknown>;
  const concrete = (apiSchema.getType(String(obj.__typename)) ?? type) as Composite;
  const own = { ...tags };
  if ((TAG_TYPES as readonly string[]).includes(concrete.name) && typeof obj.id === "string")
    own[concrete.name as TagKind] = obj.id;
  const fields = concrete.getFields();
  for (const [key, f] of Object.entries(fields)) {
    const child = obj[key];
    const inner = getNamedType(f.type);
    if (
      (TAG_TYPES as readonly string[]).includes(inner.name) &&
      !isListType(isNonNullType(f.type) ? f.type.ofType : f.type) &&
      child &&
      typeof (child as { id?: unknown }).id === "string"
    )
      own[inner.name as TagKind] = (child as { id: string }).id;
  }
  for (const [key, f] of Object.entries(fields)) {
    const child = obj[key];
    if (child === undefined || child === null) continue;
    const inner = getNamedType(f.type);
    const where = `${concrete.name}.${key}`;
    if (inner.name === "Money") {
      const values = Array.isArray(child) ? child : [child];
      for (const v of values)
        out.push({ pence: pence(String(v)), field: where, path: `${path}.${key}`, tags: own });
    } else if (inner.name === "JSON") {
      jsonFigures(child, where, `${path}.${key}`, own, out);
    } else if (inner.name === "String") {
      const texts = Array.isArray(child) ? child : [child];
      for (const text of texts)
        for (const p of amountsIn(String(text)))
          out.push({ pence: p, field: `${where}(text)`, path: `${path}.${key}`, tags: own });
    } else if (!isLeafType(inner)) {
      visit(child, inner, `${path}.${key}`, own, out);
    }
  }
}

function jsonFigures(
  value: unknown,
  field: string,
  path: string,
  tags: Partial<Record<TagKind, string>>,
  out: Figure[],
): void {
  if (value === null || typeof value !== "object") return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k.endsWith("Pence") && (typeof v === "string" || typeof v === "number") && /^-?\d+$/.test(String(v)))
      out.push({ pence: BigInt(v), field: `${field}.${k}`, path: `${path}.${k}`, tags });
    else if (v !== null && typeof v === "object") jsonFigures(v, `${field}.${k}`, `${path}.${k}`, tags, out);
  }
}

/** Every object in `data` (depth first), with its GraphQL type name, for checks on visibility flags. */
export function objectsIn(data: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      out.push(v as Record<string, unknown>);
      Object.values(v).forEach(walk);
    }
  };
  walk(data);
  return out;
}
