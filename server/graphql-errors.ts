// Error policy, applied once: domain errors become GraphQL errors with `extensions.code` and `field`;
// Prisma errors are translated; anything unexpected is masked. Invalid queries and variables get
// BAD_INPUT / GRAPHQL_VALIDATION_FAILED codes so clients can branch on them.
import { GraphQLError } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import { DomainError } from "./shared/errors.ts";
import { translatePrismaError } from "./shared/prisma-errors.ts";

/**
 * True for graphql-js errors from either of graphql's builds (ESM and CommonJS are both loaded by
 * the libraries we use, so `instanceof` is not reliable).
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === "GraphQLError";
}

/** Yoga's `maskedErrors.maskError`: keep what users can act on, hide the rest. */
export function maskError(error: unknown, message: string): Error {
  const original = isGraphQLError(error) ? error.originalError : error;
  const domain = original instanceof DomainError ? original : translatePrismaError(original);
  if (domain) {
    const gql = domain.toGraphQL();
    return isGraphQLError(error)
      ? new GraphQLError(gql.message, { nodes: error.nodes, path: error.path, extensions: gql.extensions })
      : gql;
  }
  // Parse, validation and variable-coercion errors come from graphql-js itself and are safe to show.
  if (isGraphQLError(error) && (!original || isGraphQLError(original))) return error;
  console.error("Unexpected error while executing GraphQL:", original);
  return createGraphQLError(message, { extensions: { code: "INTERNAL_SERVER_ERROR" } });
}

const VARIABLE = /^Variable "\$(\w+)" got invalid value .*? at "([\w.[\]]+)"|^Variable "\$(\w+)"/;

/** Gives every error a code: BAD_INPUT for bad variables or arguments, GRAPHQL_VALIDATION_FAILED otherwise. */
function withCode(error: GraphQLError): GraphQLError {
  if (error.extensions?.code) return error;
  const m = VARIABLE.exec(error.message);
  const badInput =
    m ||
    /Expected (value of )?type|Int cannot represent|Float cannot represent|does not exist in ".*" enum|Value ".*" does not exist/.test(
      error.message,
    );
  const field = m ? (m[2] ?? m[1] ?? m[3]) : undefined;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    path: error.path,
    originalError: error.originalError,
    extensions: {
      ...error.extensions,
      code: badInput ? "BAD_INPUT" : "GRAPHQL_VALIDATION_FAILED",
      ...(field ? { field } : {}),
      // Refused before execution (no path): the request itself was wrong, so HTTP 400.
      ...(error.path ? {} : { http: { status: 400 } }),
    },
  });
}

/**
 * A save refused on several fields (shared/field-errors.ts) as one error per field, each with its code,
 * `field` and message, at the same path.
 */
function perField(error: GraphQLError): GraphQLError[] {
  const { fieldErrors, ...extensions } = error.extensions ?? {};
  if (!Array.isArray(fieldErrors)) return [error];
  return (fieldErrors as { code: string; field: string; message: string }[]).map(
    (e) =>
      new GraphQLError(e.message, {
        nodes: error.nodes,
        path: error.path,
        extensions: { ...extensions, code: e.code, field: e.field },
      }),
  );
}

/** Adds `extensions.code` to errors graphql-js raises before our resolvers run; one error per refused field. */
export const errorCodesPlugin: Plugin = {
  onResultProcess({ result, setResult }) {
    if (
      Array.isArray(result) ||
      !result ||
      typeof result !== "object" ||
      !("errors" in result) ||
      !result.errors
    )
      return;
    setResult({
      ...result,
      errors: result.errors.flatMap((e) => perField(e as GraphQLError)).map(withCode),
    });
  },
};
