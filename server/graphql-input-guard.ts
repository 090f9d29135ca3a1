// One guard for every value a client sends, checked once before execution over all variables (JSON
// included) and inline string literals:
// - text PostgreSQL cannot store faithfully: NUL (U+0000), and lone UTF-16 surrogates (stored as U+FFFD,
//   so what was accepted would not be what is read back);
// - inline argument literals the schema refuses ("2026-13-45" for a Date, 1e400 for an Int…): BAD_INPUT
//   naming the argument path, as for a bad variable, instead of a bare validation failure;
// - values nested deeper than any input of the API needs, which would otherwise exhaust the stack of
//   whatever walks them next (this guard walks iteratively, so it cannot overflow itself).
import { BREAK, visit, type ASTNode, type DocumentNode, type GraphQLError } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The deepest nesting of objects and arrays accepted in a variable (an OCDS package needs about 10). */
export const MAX_INPUT_DEPTH = 64;

/** What is wrong with a value, and the dot path to it. */
export interface InputProblem {
  path: string;
  problem: "unstorable" | "too deep";
}

/** A value still to look at, with its parent's entry, so paths are built only for a problem found. */
interface Pending {
  value: unknown;
  key: string | number | null;
  parent: Pending | null;
  depth: number;
}

function pathOf(entry: Pending, root: string): string {
  const keys: (string | number)[] = [];
  for (let e: Pending | null = entry; e; e = e.parent) if (e.key !== null) keys.push(e.key);
  return keys
    .reverse()
    .reduce<string>((path, k) => (typeof k === "number" ? `${path}[${k}]` : path ? `${path}.${k}` : k), root);
}

/** The entry's ancestor just below the root: the variable (or field) that holds the deep value. */
function outermost(entry: Pending): Pending {
  let e = entry;
  while (e.parent?.parent) e = e.parent;
  return e;
}

/**
 * The first problem under `value` (named by its path from `root`), or null: a string (or object key)
 * that cannot be stored, or nesting deeper than MAX_INPUT_DEPTH. Walks depth first without recursion.
 */
export function findInputProblem(value: unknown, root: string): InputProblem | null {
  const stack: Pending[] = [{ value, key: null, parent: null, depth: 0 }];
  while (stack.length) {
    const entry = stack.pop()!;
    const v = entry.value;
    if (typeof v === "string") {
      if (UNSTORABLE.test(v)) return { path: pathOf(entry, root), problem: "unstorable" };
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    if (entry.depth > MAX_INPUT_DEPTH) return { path: pathOf(outermost(entry), root), problem: "too deep" };
    const children: Pending[] = [];
    if (Array.isArray(v)) {
      v.forEach((x, i) => children.push({ value: x, key: i, parent: entry, depth: entry.depth + 1 }));
    } else {
      for (const [k, x] of Object.entries(v)) {
        const child: Pending = { value: x, key: k, parent: entry, depth: entry.depth + 1 };
        if (UNSTORABLE.test(k)) return { path: pathOf(child, root), problem: "unstorable" };
        children.push(child);
      }
    }
    // Reversed onto the stack, so the first field is looked at first (the path reported is stable).
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return null;
}

/** The first problem among the document's inline values (named "query"), or null. */
function literalProblem(document: DocumentNode): InputProblem | null {
  let found: InputProblem["problem"] | null = null;
  let depth = 0;
  const nest = {
    enter: () => void (++depth > MAX_INPUT_DEPTH && (found ??= "too deep")),
    leave: () => void depth--,
  };
  visit(document, {
    StringValue(node) {
      if (UNSTORABLE.test(node.value)) found ??= "unstorable";
    },
    ObjectValue: nest,
    ListValue: nest,
  });
  return found ? { path: "query", problem: found } : null;
}

const MESSAGES: Record<InputProblem["problem"], string> = {
  unstorable: "contains a NUL character or an unpaired UTF-16 surrogate, which cannot be stored; remove it.",
  "too deep": `holds objects or lists nested more than ${MAX_INPUT_DEPTH} levels deep; no input of this API needs that many.`,
};

const VALUE_KINDS = new Set([
  "StringValue",
  "IntValue",
  "FloatValue",
  "BooleanValue",
  "EnumValue",
  "NullValue",
  "ListValue",
  "ObjectValue",
  "ObjectField",
]);

/** The argument path ("filter.from") of an inline value node of `document`, or null when it is not in one. */
export function literalArgumentPath(document: DocumentNode, target: ASTNode): string | null {
  if (!VALUE_KINDS.has(target.kind)) return null;
  let found: string | null = null;
  visit(document, {
    enter(node, _key, parent, _path, ancestors) {
      if (node !== target) return undefined;
      // `ancestors` stops before `parent`; arrays (lists of fields, values) carry no names.
      const names = [...ancestors, parent, node].flatMap((a) => {
        if (!a || Array.isArray(a)) return [];
        const n = a as ASTNode;
        return n.kind === "Argument" || n.kind === "ObjectField" ? [n.name.value] : [];
      });
      found = names.length ? names.join(".") : null;
      return BREAK;
    },
  });
  return found;
}

/**
 * Refuses what cannot be stored faithfully or is nested too deep, naming the variable path (BAD_INPUT,
 * HTTP 400); and turns validation errors about inline argument values into BAD_INPUT naming the argument.
 */
export const inputGuardPlugin: Plugin = {
  onValidate({ params }) {
    return ({ valid, result, setResult }) => {
      if (valid) return;
      setResult(
        (result as GraphQLError[]).map((error) => {
          const node = error.nodes?.[0];
          const field = node ? literalArgumentPath(params.documentAST, node) : null;
          if (!field) return error;
          return createGraphQLError(error.message, {
            nodes: error.nodes,
            extensions: { ...error.extensions, code: "BAD_INPUT", field, http: { status: 400 } },
          });
        }),
      );
    };
  },
  onExecute({ args, setResultAndStopExecution }) {
    const found: InputProblem | null =
      findInputProblem(args.variableValues ?? {}, "") ?? literalProblem(args.document);
    if (!found) return;
    setResultAndStopExecution({
      errors: [
        createGraphQLError(MESSAGES[found.problem], {
          extensions: { code: "BAD_INPUT", field: found.path, http: { status: 400 } },
        }),
      ],
    });
  },
};
