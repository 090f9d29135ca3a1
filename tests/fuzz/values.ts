// Symbolic values the generators put into a call where the concrete value depends on the database at the
// time of the call: ids of live rows (which change as the fuzz creates and retires them), the version a
// caller would have read, the actor's current password. The harness resolves them just before sending.
import fc from "fast-check";

/** The tables whose rows mutations name by global ID. */
export type Table =
  | "Site"
  | "Asset"
  | "Dependency"
  | "Product"
  | "ProductMatch"
  | "Licence"
  | "Contract"
  | "User"
  | "ApiToken"
  | "Scenario"
  | "Move";
export const TABLES: readonly Table[] = [
  "Site",
  "Asset",
  "Dependency",
  "Product",
  "ProductMatch",
  "Licence",
  "Contract",
  "User",
  "ApiToken",
  "Scenario",
  "Move",
];
/** Tables shared by every organisation (the catalogue): their rows are picked with owner "ANY". */
export const SHARED_TABLES: readonly Table[] = ["Product", "ProductMatch"];

/** Whose row: the actor's organisation, the other council, or anyone's (shared catalogue). */
export type Owner = "SCC" | "DCC" | "ANY";

/**
 * How an id is written: the API's form, upper-case uuid (accepted), the bare uuid, the type upper-cased,
 * padded with spaces, or the uuid of this row under another type's prefix ("Site:<asset uuid>").
 */
export type IdForm = "global" | "upperUuid" | "bare" | "upperType" | "padded" | "retyped";

/** A field left out of the request altogether (not even null). */
export class Omitted {
  [fc.toStringMethod]() {
    return "OMITTED";
  }
}
export const OMITTED = new Omitted();

/** The `pick`-th row (modulo the number of rows) of `table` owned by `owner`, written in `form`. */
export class RowRef {
  constructor(
    readonly table: Table,
    readonly owner: Owner,
    readonly pick: number,
    readonly form: IdForm = "global",
    /** For form "retyped": the type prefix to write instead of `table`. */
    readonly asType?: string,
  ) {}
  [fc.toStringMethod]() {
    return `row(${JSON.stringify(this.table)}, ${JSON.stringify(this.owner)}, ${this.pick}, ${JSON.stringify(this.form)}${this.asType ? `, ${JSON.stringify(this.asType)}` : ""})`;
  }
}

/** A well-formed global ID of `type` that names no row. */
export class UnknownRef {
  constructor(
    readonly type: string,
    readonly uuid: string,
  ) {}
  [fc.toStringMethod]() {
    return `unknown(${JSON.stringify(this.type)}, ${JSON.stringify(this.uuid)})`;
  }
}

/** The `version` argument: the row's current version (what a caller just read), one behind, or one ahead. */
export class VersionRef {
  constructor(readonly mode: "current" | "stale" | "ahead") {}
  [fc.toStringMethod]() {
    return `version(${JSON.stringify(this.mode)})`;
  }
}

/** The actor's current password (changePassword's `currentPassword`). */
export class PasswordRef {
  [fc.toStringMethod]() {
    return "currentPassword()";
  }
}

/** `length` characters of `unit` repeated (the last copy possibly cut, even inside a surrogate pair); printed short. */
export class HugeText {
  constructor(
    readonly unit: string,
    readonly length: number,
  ) {}
  toString(): string {
    return this.unit.repeat(Math.ceil(this.length / this.unit.length)).slice(0, this.length);
  }
  [fc.toStringMethod]() {
    return `huge(${JSON.stringify(this.unit)}, ${this.length})`;
  }
}

export const huge = (unit: string, length: number) => new HugeText(unit, length);
export const row = (table: Table, owner: Owner, pick = 0, form: IdForm = "global", asType?: string) =>
  new RowRef(table, owner, pick, form, asType);
export const unknown = (type: string, uuid: string) => new UnknownRef(type, uuid);
export const version = (mode: "current" | "stale" | "ahead" = "current") => new VersionRef(mode);
export const currentPassword = () => new PasswordRef();

/** Who makes a call: a caller whose roles permit the mutation, or one whose roles do not (cases.ts, CALLERS). */
export type Caller = "permitted" | "forbidden";

/** One generated mutation call: the arguments (possibly holding the symbolic values above) and how to send them. */
export interface Call {
  mutation: string;
  args: Record<string, unknown>;
  /** Send the arguments as inline GraphQL literals instead of variables. */
  inline: boolean;
  /** Who calls (default "permitted"). */
  caller?: Caller;
}

/** A plain object (fast-check's records may have a null prototype), as opposed to the classes above. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
