// Every wrong field of a save at once: a record's checks run one by one, each refusal naming its field is
// kept instead of stopping the save there, and the save is refused with all of them together. Over
// GraphQL they come back as one error each, with their own `field` (see graphql-errors.ts), so a form
// shows each next to its field and a script sees every fix it needs in one answer.
import { DomainError, InputError, NotFoundError } from "./errors.ts";

/** A refusal of one field: what a check may say and the save still go on checking the rest. */
export type FieldError = InputError | NotFoundError;

function isFieldError(e: unknown): e is FieldError {
  return (e instanceof InputError || e instanceof NotFoundError) && Boolean(e.field);
}

/** Several fields refused by one save (BAD_INPUT); `errors` each name their field. */
export class FieldErrors extends DomainError {
  constructor(readonly errors: readonly FieldError[]) {
    super("BAD_INPUT", errors.map((e) => `${e.field}: ${e.message}`).join(" "), errors[0]?.field);
  }

  /** One GraphQL error carrying each field's; the error plugin answers them as separate errors. */
  override toGraphQL() {
    const gql = super.toGraphQL();
    gql.extensions.fieldErrors = this.errors.map((e) => ({
      code: e.code,
      field: e.field,
      message: e.message,
    }));
    return gql;
  }
}

/** A value per check, `undefined` where the check refused (its error kept). */
type Checked<O> = { [K in keyof O]: Exclude<O[K], undefined> };

/**
 * Collects the field refusals of a record's checks. `check` runs one (its value, or undefined when it
 * refused a field); `settle` throws what was found — one refusal as itself, several as FieldErrors —
 * or returns the values, every one now known to be checked. Other errors pass straight through.
 */
export class FieldChecks {
  private readonly found: FieldError[] = [];

  /** `failFast`: throw the first refusal at once (for callers that report one problem per row). */
  constructor(private readonly options: { failFast?: boolean } = {}) {}

  /** The check's value, or undefined when it refused a field (kept for `settle`). */
  check<T>(run: () => T): T | undefined {
    try {
      return run();
    } catch (e) {
      if (!isFieldError(e) || this.options.failFast) throw e;
      this.keep(e);
      return undefined;
    }
  }

  /** Refuses a field (kept for `settle`; thrown at once when failing fast). */
  refuse(error: FieldError): void {
    if (this.options.failFast) throw error;
    this.keep(error);
  }

  /** Keeps a refusal: the first for its field (a cleared name is not also "required"). */
  private keep(e: FieldError): void {
    if (!this.found.some((f) => f.field === e.field)) this.found.push(e);
  }

  /** `check` for a check that reads the database. */
  async checkAsync<T>(run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (e) {
      if (!isFieldError(e) || this.options.failFast) throw e;
      this.keep(e);
      return undefined;
    }
  }

  /** Each of `checks` run (see `check`): their values under the same keys. */
  each<O extends Record<string, () => unknown>>(checks: O): { [K in keyof O]: ReturnType<O[K]> | undefined } {
    const out: Record<string, unknown> = {};
    for (const [key, run] of Object.entries(checks)) out[key] = this.check(run);
    return out as { [K in keyof O]: ReturnType<O[K]> | undefined };
  }

  /** True when none of `values` was refused (to skip a check built on a refused value). */
  passed(...values: unknown[]): boolean {
    return values.every((v) => v !== undefined);
  }

  /** Throws the refusals found; else `values`, each checked. */
  settle<O extends object>(values: O): Checked<O> {
    this.throwIfAny();
    return values as Checked<O>;
  }

  /** Throws the refusals found: one as itself, several as FieldErrors. */
  throwIfAny(): void {
    if (this.found.length === 1) throw this.found[0]!;
    if (this.found.length > 1) throw new FieldErrors([...this.found]);
  }
}
