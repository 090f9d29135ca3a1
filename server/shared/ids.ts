// Global IDs read "<Type>:<uuid>": opaque enough for Relay, readable in logs and URLs, stable forever.
import { createHash } from "node:crypto";
import { InputError } from "./errors.ts";

/** The types that have global IDs: the only names `parseGlobalId` accepts before the colon. */
export const NODE_TYPES = [
  "Organisation",
  "Site",
  "Asset",
  "Dependency",
  "Vendor",
  "Capability",
  "Product",
  "Licence",
  "Contract",
  "AuditEvent",
  "User",
  "ApiToken",
  "ProductMatch",
  "ProductAlias",
  "Scenario",
  "Move",
] as const;

/** A type that has global IDs. */
export type NodeType = (typeof NODE_TYPES)[number];

// A Set, not an object: "__proto__", "constructor" or "toString" must not be found on a prototype.
const KNOWN_TYPES: ReadonlySet<string> = new Set(NODE_TYPES);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True when `s` is a UUID, in either case. */
export function isUuid(s: string): boolean {
  return UUID.test(s.toLowerCase());
}

/** The global ID of a row. */
export function toGlobalId(type: NodeType, id: string): string {
  return `${type}:${id}`;
}

/** What a client sent, shortened and JSON-quoted for an error message. */
const quoted = (text: string) => JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);

/**
 * Splits a global ID into a known type and a UUID (lower-cased); throws InputError naming `field` when
 * it is malformed or its type is not one the API gives IDs to.
 */
export function parseGlobalId(globalId: string, field: string): { type: NodeType; id: string } {
  const at = globalId.indexOf(":");
  const type = globalId.slice(0, at);
  const id = globalId.slice(at + 1).toLowerCase();
  if (at < 1 || !UUID.test(id)) {
    throw new InputError(
      field,
      `${quoted(globalId)} is not an ID; IDs look like "Asset:<uuid>" as returned by the API.`,
    );
  }
  if (!KNOWN_TYPES.has(type)) {
    throw new InputError(
      field,
      `${quoted(globalId)} is not an ID: ${quoted(type)} is not a type with IDs (${NODE_TYPES.join(", ")}).`,
    );
  }
  return { type: type as NodeType, id };
}

/** The row id behind a global ID that must be of `type`. */
export function idOf(globalId: string, type: NodeType, field: string): string {
  const parsed = parseGlobalId(globalId, field);
  if (parsed.type !== type) {
    throw new InputError(field, `expected the ID of a ${type}, got the ID of a ${parsed.type}.`);
  }
  return parsed.id;
}

/** A deterministic UUID (version-5 layout) from a namespace and a name: same input, same id. */
export function stableUuid(namespace: string, name: string): string {
  const h = createHash("sha1").update(`${namespace}\u0000${name}`).digest("hex");
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16).padStart(2, "0");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
