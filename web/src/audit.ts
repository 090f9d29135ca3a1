// Showing audit events: which fields changed between the before and after snapshots, as text only.
import type { NodeOf, AuditEventsQuery } from "./graphql.ts";
import { h, type Child } from "./dom.ts";
import { href } from "./router.ts";
import { hiddenMark } from "./commercial.ts";

/** The kinds of entity changes are recorded for (AuditEvent.entityType). */
export const AUDITED_TYPES = [
  "Asset",
  "Dependency",
  "Site",
  "Licence",
  "Contract",
  "User",
  "ApiToken",
] as const;

/** An entity type for people: "ApiToken" → "API token". */
export function entityTypeLabel(type: string): string {
  return type === "ApiToken" ? "API token" : type;
}

/** An audit event with its snapshots (JSON objects, or null). */
export type AuditEventRow = NodeOf<AuditEventsQuery["auditEvents"]>;

/** One field that differs between the snapshots. */
export interface FieldChange {
  key: string;
  before: unknown;
  after: unknown;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Stable text for comparing and showing a value: JSON, with object keys in a fixed order. */
function canonical(v: unknown): string {
  if (v === undefined) return "undefined";
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (isObject(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

/**
 * The fields whose values differ, in the order they first appear (after's order, then before's).
 * A field missing on one side counts as changed unless it is null/absent on both.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const out: FieldChange[] = [];
  for (const key of keys) {
    const x = b[key] ?? null;
    const y = a[key] ?? null;
    if (canonical(x) !== canonical(y)) out.push({ key, before: b[key], after: a[key] });
  }
  return out;
}

/** A snapshot value as text: strings as they are, everything else as JSON; nothing → "—". */
export function valueText(v: unknown): string {
  if (v === undefined || v === null) return "—";
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

/**
 * A readable label for the entity an event is about: its name, title, reference or e-mail from the
 * snapshots, else from `known` (labels the page looked up, e.g. users' e-mails), else type + short id.
 */
export function entityLabel(e: AuditEventRow, known?: ReadonlyMap<string, string>): string {
  for (const snap of [e.after, e.before]) {
    if (!isObject(snap)) continue;
    for (const key of ["name", "title", "reference", "email", "displayName"]) {
      const v = snap[key];
      if (typeof v === "string" && v.trim()) return v;
    }
  }
  const looked = known?.get(e.entityId);
  if (looked) return looked;
  const id = e.entityId.includes(":") ? e.entityId.slice(e.entityId.indexOf(":") + 1) : e.entityId;
  return `${e.entityType} ${id.slice(0, 8)}`;
}

/** Entity types with a page of their own, and where it is. */
const ENTITY_PAGES: Record<string, string> = {
  Asset: "/assets",
  Site: "/sites",
  Licence: "/licences",
  Contract: "/contracts",
};

/** The entity cell: its type, and its name linking to its page when it has one. */
export function entityCell(e: AuditEventRow, known?: ReadonlyMap<string, string>): Child {
  const label = entityLabel(e, known);
  const page = ENTITY_PAGES[e.entityType];
  return [
    page
      ? h(
          "a",
          {
            href: href(`${page}/${e.entityId}`),
            class: `${e.entityType.toLowerCase()}-link entity-link`,
          },
          label,
        )
      : h("span", { class: "strong entity-label" }, label),
    h("span", { class: "secondary" }, entityTypeLabel(e.entityType)),
  ];
}

/** The note beside an event whose money was blanked: which fields, and what seeing them needs. */
function moneyHidden(e: AuditEventRow): HTMLElement | null {
  if (e.valuesVisible !== false) return null;
  const codes = e.organisation ? [e.organisation.code] : [];
  return h("span", { class: "diff-hidden" }, "Prices and values: ", hiddenMark(codes));
}

/**
 * The changes of one event, collapsed: "<n> fields changed" opening a Field / Before / After table.
 * The money in snapshots of licences and contracts comes back blank to callers who may not see the
 * organisation's commercial figures; that is said beside the changes.
 */
export function diffDetails(e: AuditEventRow): HTMLElement {
  const changes = changedFields(e.before, e.after);
  const note = moneyHidden(e);
  if (!changes.length) {
    return h("span", { class: "muted diff-none" }, note ?? "No field changes recorded");
  }
  const created = e.action === "CREATE";
  const summary = `${changes.length} ${changes.length === 1 ? "field" : "fields"} ${created ? "recorded" : "changed"}`;
  return h(
    "details",
    { class: "diff" },
    h("summary", null, summary, note ? [" · ", note] : null),
    h(
      "table",
      { class: "diff-table" },
      h("caption", { class: "visually-hidden" }, `Changes to ${entityLabel(e)}`),
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          h("th", { scope: "col" }, "Field"),
          created ? null : h("th", { scope: "col" }, "Before"),
          h("th", { scope: "col" }, created ? "Value" : "After"),
        ),
      ),
      h(
        "tbody",
        null,
        changes.map((c) =>
          h(
            "tr",
            { "data-field": c.key },
            h("th", { scope: "row" }, c.key),
            created
              ? null
              : h(
                  "td",
                  { class: c.before == null ? "diff-before diff-empty" : "diff-before" },
                  valueText(c.before),
                ),
            h("td", { class: c.after == null ? "diff-after diff-empty" : "diff-after" }, valueText(c.after)),
          ),
        ),
      ),
    ),
  );
}

/**
 * The changes of one event as one line of text for exports: "field: before → after" (or "field: value"
 * for a creation), separated by "; ", with a note when money was blanked for this caller.
 */
export function changesText(e: AuditEventRow): string {
  const created = e.action === "CREATE";
  const parts = changedFields(e.before, e.after).map((c) =>
    created ? `${c.key}: ${valueText(c.after)}` : `${c.key}: ${valueText(c.before)} → ${valueText(c.after)}`,
  );
  if (e.valuesVisible === false) parts.push("prices and values hidden");
  return parts.join("; ");
}
