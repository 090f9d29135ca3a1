// What a record form edits: its fields, their on-screen strings, and how those strings become the
// GraphQL input (blank clears an optional field; numbers and money are checked before sending).

/** How a field is entered. */
export type FieldType = "text" | "textarea" | "int" | "float" | "money" | "date" | "select" | "lookup";

/** One choice of a select or lookup. */
export interface Choice {
  value: string;
  label: string;
}

/** One field of a record form; `name` is the GraphQL input field it fills. */
export interface FieldSpec {
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  /** Choices of a select; a lookup searches them (or `search`) as you type. */
  choices?: Choice[];
  /**
   * A lookup's search on the server (e.g. assets by name); `values` are the form's current values, so
   * it offers only choices the server would accept (e.g. contracts of the record's organisation).
   */
  search?: (text: string, signal: AbortSignal, values: Values) => Promise<Choice[]>;
  hint?: string;
  /** Shown only when creating (e.g. the owning organisation, which never changes). */
  createOnly?: boolean;
}

/** The form's values: every field as the string its input holds ("" = blank). */
export type Values = Record<string, string>;

/** A value the API gave, as the string a form input holds. */
export function toFormString(v: unknown): string {
  if (v == null) return "";
  return String(v);
}

/** The value of `name` in `values`, converted for GraphQL; throws a message for the field when invalid. */
export function toInputValue(spec: FieldSpec, raw: string): unknown {
  const v = raw.trim();
  if (!v) {
    if (spec.required) throw new Error(`Enter ${spec.label.toLowerCase()}.`);
    return null;
  }
  switch (spec.type) {
    case "int":
      if (!/^-?\d+$/.test(v)) throw new Error(`${spec.label} must be a whole number.`);
      return Number(v);
    case "float":
      if (!Number.isFinite(Number(v))) throw new Error(`${spec.label} must be a number, such as 12.5.`);
      return Number(v);
    case "money": {
      const m = v.replace(/^£/, "").replace(/,/g, "");
      if (!/^-?\d+(\.\d{1,2})?$/.test(m))
        throw new Error(`${spec.label} must be an amount in pounds, such as 1234.50.`);
      return m;
    }
    case "date":
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new Error(`${spec.label} must be a date (YYYY-MM-DD).`);
      return v;
    default:
      return v;
  }
}

/** Money as the form shows it: "1234.50" stays; compared by value so "1234.5" equals "1234.50". */
function same(spec: FieldSpec, a: string, b: string): boolean {
  if (spec.type === "money" || spec.type === "float" || spec.type === "int") {
    const x = a.trim().replace(/,/g, "");
    const y = b.trim().replace(/,/g, "");
    return x === y || (x !== "" && y !== "" && Number(x) === Number(y));
  }
  return a.trim() === b.trim();
}

/** The names of the fields whose value differs between `a` and `b`. */
export function changedFields(fields: FieldSpec[], a: Values, b: Values): string[] {
  return fields.filter((f) => !same(f, a[f.name] ?? "", b[f.name] ?? "")).map((f) => f.name);
}

/**
 * The GraphQL input of `names` (all fields when creating, the changed ones when editing), or the
 * per-field messages of values that cannot be sent.
 */
export function buildInput(
  fields: FieldSpec[],
  values: Values,
  names: readonly string[],
): { input: Record<string, unknown>; errors: Record<string, string> } {
  const input: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const f of fields) {
    if (!names.includes(f.name)) continue;
    try {
      input[f.name] = toInputValue(f, values[f.name] ?? "");
    } catch (e) {
      errors[f.name] = (e as Error).message;
    }
  }
  return { input, errors };
}

/** The field an API error names ("input.racksUsed", "patch.name", "name") among `fields`, if any. */
export function fieldOfError(fields: FieldSpec[], errorField: string | undefined): string | undefined {
  if (!errorField) return undefined;
  const last = errorField.split(".").pop()!;
  return fields.find((f) => f.name === last)?.name;
}
