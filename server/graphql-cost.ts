// The cost of a GraphQL operation, computed from the schema before anything executes (README "Limits").
//
//   cost(field) = weight + size × (object + cost(its selection))
//
// - object: 1 for each object the field returns (a row, or a computed value such as an overlap), 0 for
//   a scalar or enum: what a request costs is the objects it makes the server find and build.
// - size: 1, or for a list the number of elements it may have: the value of its `first` argument (or
//   of the argument its `sizedBy` price names; a list argument by its length), else the size of the
//   field just above it when that one has such an argument (a connection's `edges`, a graph view's
//   `nodes`), else its `assumedSize` price, else DEFAULT_LIST_SIZE.
// - weight: the field's `work` in the price list (graphql-prices.ts), the fixed work of resolving it once
//   (an analytic field's comparison or graph walk), counted per call whatever it returns; 0 otherwise.
// Relay connections (`…Connection`) follow their convention: `edges` and `pageInfo` are wrappers and
// cost nothing themselves; each row's `node` is the object counted.
// Every alias and every fragment spread counts; on an interface or union the costliest possible type
// counts; fields skipped by @skip/@include do not.
import { createRequire } from "node:module";
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLObjectType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
} from "graphql";
import { FIELD_PRICES, type FieldPrice } from "./graphql-prices.ts";

// The schema is built by graphql-yoga's dependencies, which load graphql's CommonJS build; a plain
// `import` may get its ESM build instead (vitest does), and graphql's type checks then refuse the
// schema's types as "from another module or realm". So the helpers come from the CommonJS build too.
const {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
} = createRequire(import.meta.url)("graphql") as typeof import("graphql");

/** Elements assumed for a list that no argument or annotation bounds. */
export const DEFAULT_LIST_SIZE = 10;

/** The cost of one root field (its response key, field name and cost). */
export interface RootFieldCost {
  key: string;
  field: string;
  cost: number;
}

/** The cost of an operation, with what each root field contributes. */
export interface OperationCost {
  cost: number;
  rootFields: RootFieldCost[];
}

/** The operation `operationName` selects in `document` (the only one when no name is given). */
export function selectedOperation(
  document: DocumentNode,
  operationName?: string | null,
): OperationDefinitionNode | null {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName) return operations.find((o) => o.name?.value === operationName) ?? null;
  return operations.length === 1 ? operations[0]! : null;
}

/**
 * Walks an operation against the schema with its variables. The cost of each selection set is
 * memoised per (type, size), so a document reusing fragments cannot make the walk itself expensive.
 */
class CostWalk {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly memo = new WeakMap<SelectionSetNode, Map<string, number>>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly variables: Record<string, unknown>,
  ) {
    for (const d of document.definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(d.name.value, d);
  }

  /** False when @skip(if: true) or @include(if: false) leaves the selection out. */
  private included(node: SelectionNode): boolean {
    const skip = getDirectiveValues(this.schema.getDirective("skip")!, node, this.variables);
    if (skip?.if === true) return false;
    const include = getDirectiveValues(this.schema.getDirective("include")!, node, this.variables);
    return include?.if !== false;
  }

  /** Whether a fragment with `condition` applies to objects of `type`. */
  private applies(condition: string | undefined, type: GraphQLObjectType): boolean {
    if (!condition || condition === type.name) return true;
    const conditionType = this.schema.getType(condition);
    return !!conditionType && isAbstractType(conditionType) && this.schema.isSubType(conditionType, type);
  }

  /** The selection sets a selection set stands for on objects of `type`: itself and its fragments'. */
  private *parts(
    type: GraphQLObjectType,
    set: SelectionSetNode,
    seen: Set<string>,
  ): Generator<SelectionNode> {
    for (const s of set.selections) {
      if (!this.included(s)) continue;
      if (s.kind === Kind.FIELD) yield s;
      else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (this.applies(s.typeCondition?.name.value, type)) yield* this.parts(type, s.selectionSet, seen);
      } else {
        const fragment = this.fragments.get(s.name.value);
        if (
          fragment &&
          !seen.has(fragment.name.value) &&
          this.applies(fragment.typeCondition.name.value, type)
        )
          yield s;
      }
    }
  }

  /** The field nodes a selection set selects on objects of `type`, fragments expanded, in order. */
  fieldsOf(type: GraphQLObjectType, set: SelectionSetNode, seen = new Set<string>()): FieldNode[] {
    const out: FieldNode[] = [];
    for (const s of this.parts(type, set, seen)) {
      if (s.kind === Kind.FIELD) out.push(s);
      else if (s.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = this.fragments.get(s.name.value)!;
        out.push(...this.fieldsOf(type, fragment.selectionSet, new Set(seen).add(fragment.name.value)));
      }
    }
    return out;
  }

  /** Cost of a selection set on `type`; `size` is the parent's bound for the lists directly inside it. */
  setCost(type: GraphQLCompositeType, set: SelectionSetNode, size: number | null): number {
    if (!isObjectType(type)) {
      // An interface or union: the costliest type the answer could be.
      return Math.max(0, ...this.schema.getPossibleTypes(type).map((t) => this.setCost(t, set, size)));
    }
    const key = `${type.name}|${size}`;
    let known = this.memo.get(set);
    if (!known) this.memo.set(set, (known = new Map()));
    const cached = known.get(key);
    if (cached !== undefined) return cached;
    known.set(key, 0); // a fragment cycle (refused by validation anyway) adds nothing
    let total = 0;
    for (const s of this.parts(type, set, new Set())) {
      if (s.kind === Kind.FIELD) total += this.fieldCost(type, s, size);
      else if (s.kind === Kind.FRAGMENT_SPREAD)
        total += this.setCost(type, this.fragments.get(s.name.value)!.selectionSet, size);
    }
    known.set(key, total);
    return total;
  }

  /** Cost of one selected field on objects of `parent`. */
  fieldCost(parent: GraphQLObjectType, node: FieldNode, parentSize: number | null): number {
    const name = node.name.value;
    if (name.startsWith("__")) return 0; // __typename, and introspection (GraphiQL's schema query)
    const field = parent.getFields()[name];
    if (!field) return 0; // validation has already refused it
    const price: FieldPrice = FIELD_PRICES.get(`${parent.name}.${name}`) ?? {};
    const args = argumentValues(field, node, this.variables);
    const nullable = getNullableType(field.type);
    const named = getNamedType(field.type);
    const connectionWrapper = parent.name.endsWith("Connection") && (name === "edges" || name === "pageInfo");
    const object = isCompositeType(named) && !connectionWrapper ? 1 : 0;
    const bound = sizeArg(args, price.sizedBy ?? "first");
    const isList = isListType(nullable);
    const size = isList ? (bound ?? price.assumedSize ?? parentSize ?? DEFAULT_LIST_SIZE) : 1;
    const childSize = isList ? null : bound;
    const children =
      node.selectionSet && isCompositeType(named) ? this.setCost(named, node.selectionSet, childSize) : 0;
    return (price.work ?? 0) + size * (object + children);
  }
}

function argumentValues(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    return {}; // invalid arguments are refused by execution with a message naming them
  }
}

/** A sizing argument's value: a number as given, a list by its length. */
function sizeArg(args: Record<string, unknown>, name: string): number | null {
  const value = args[name];
  if (Array.isArray(value)) return value.length;
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
}

/** Variables coerced as execution will see them, or null when they are invalid (execution says why). */
function coerceVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  raw: Record<string, unknown> | null | undefined,
): Record<string, unknown> | null {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], raw ?? {});
  return result.coerced ?? null;
}

/**
 * The cost of the operation a request executes, per the model above; null when there is nothing to
 * price (no such operation, or invalid variables, which execution refuses with its own message).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
): OperationCost | null {
  const operation = selectedOperation(document, operationName);
  if (!operation) return null;
  const root = schema.getRootType(operation.operation);
  const variables = coerceVariables(schema, operation, rawVariables);
  if (!root || !variables) return null;
  const walk = new CostWalk(schema, document, variables);
  const rootFields = walk.fieldsOf(root, operation.selectionSet).map((node) => ({
    key: node.alias?.value ?? node.name.value,
    field: node.name.value,
    cost: walk.fieldCost(root, node, null),
  }));
  return { cost: rootFields.reduce((s, f) => s + f.cost, 0), rootFields };
}

/**
 * The root fields the operation will execute — every alias, fragments expanded, @skip/@include
 * applied — or null when there is no such operation or its variables are invalid.
 */
export function executedRootFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
): { operation: OperationDefinitionNode["operation"]; fields: string[] } | null {
  const operation = selectedOperation(document, operationName);
  if (!operation) return null;
  const root = schema.getRootType(operation.operation);
  const variables = coerceVariables(schema, operation, rawVariables);
  if (!root || !variables) return null;
  const fields = new CostWalk(schema, document, variables)
    .fieldsOf(root, operation.selectionSet)
    .map((n) => n.name.value);
  return { operation: operation.operation, fields };
}
