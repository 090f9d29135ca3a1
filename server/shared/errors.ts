// The domain errors every service throws, mapped once (see graphql-errors.ts) to GraphQL errors with
// `extensions.code` and the offending field.
import { GraphQLError } from "graphql";

/** Base for errors a user can act on; `field` names the input at fault (dot path, e.g. "input.name"). */
export class DomainError extends Error {
  constructor(
    readonly code: "BAD_INPUT" | "NOT_FOUND" | "CONFLICT" | "FORBIDDEN" | "UNAUTHENTICATED",
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** The GraphQL error clients see. */
  toGraphQL(): GraphQLError {
    return new GraphQLError(this.message, {
      extensions: { code: this.code, ...(this.field ? { field: this.field } : {}) },
    });
  }
}

/** Input that breaks a rule: wrong shape, out of range, inconsistent with other data. */
export class InputError extends DomainError {
  constructor(field: string, message: string) {
    super("BAD_INPUT", message, field);
  }
}

/** A referenced row does not exist. */
export class NotFoundError extends DomainError {
  constructor(field: string, message: string) {
    super("NOT_FOUND", message, field);
  }
}

/** The row changed since the caller read it, or a uniqueness rule is broken. */
export class ConflictError extends DomainError {
  constructor(field: string, message: string) {
    super("CONFLICT", message, field);
  }
}

/** The caller may not do this to this organisation's data. */
export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super("FORBIDDEN", message);
  }
}
