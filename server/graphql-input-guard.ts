// One guard for every piece of text a client sends: PostgreSQL cannot store NUL (U+0000), and a lone
// UTF-16 surrogate would be stored as U+FFFD, so what was accepted would not be what is read back.
// Checked once, before execution, over all variables (JSON included) and inline string literals.
import { visit, type DocumentNode } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string under `value` that cannot be stored, or null. */
export function findUnstorable(value: unknown, path: string): string | null {
  if (typeof value === "string") return UNSTORABLE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorable(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found =
        findUnstorable(v, path ? `${path}.${k}` : k) ?? (UNSTORABLE.test(k) ? `${path}.${k}` : null);
      if (found) return found;
    }
  }
  return null;
}

function literalUnstorable(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (UNSTORABLE.test(node.value)) found = true;
    },
  });
  return found;
}

/** Refuses text that cannot be stored faithfully, naming the variable path: BAD_INPUT, HTTP 400. */
export const inputGuardPlugin: Plugin = {
  onExecute({ args, setResultAndStopExecution }) {
    const field =
      findUnstorable(args.variableValues ?? {}, "") ?? (literalUnstorable(args.document) ? "query" : null);
    if (!field) return;
    setResultAndStopExecution({
      errors: [
        createGraphQLError(
          `contains a NUL character or an unpaired UTF-16 surrogate, which cannot be stored; remove it.`,
          {
            extensions: { code: "BAD_INPUT", field, http: { status: 400 } },
          },
        ),
      ],
    });
  },
};
