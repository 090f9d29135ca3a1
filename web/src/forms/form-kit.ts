// What every record editor (site, asset, licence, contract) shares besides the form (record-form.tsx)
// and its create/edit pages (editor-page.tsx): the owning-organisation field, enum choices, the create
// defaults, and turning a record as read into the form's values and its last change (for conflicts).
// With these, an editor is its field list, its documents and what is special about its record.
import { formatEnum } from "../format.ts";
import type { OrgRef } from "../organisations.ts";
import type { Loaded } from "./editor-page.tsx";
import { toFormString, type Choice, type FieldSpec, type Values } from "./fields.ts";

/** Select choices for an enum's values, labelled for people ("COMMS_ROOM" → "Comms room"). */
export const enumChoices = (values: readonly string[]): Choice[] =>
  values.map((v) => ({ value: v, label: formatEnum(v) }));

/**
 * The owning organisation: chosen when creating (among those the user may create in), fixed after.
 */
export const organisationField = (creatableIn: readonly OrgRef[]): FieldSpec => ({
  name: "organisation",
  label: "Organisation",
  type: "select",
  required: true,
  choices: creatableIn.map((o) => ({ value: o.code, label: `${o.code} — ${o.name}` })),
  createOnly: true,
});

/** A new record's values: the organisation when there is only one to choose, and `more`. */
export const createDefaults = (creatableIn: readonly OrgRef[], more: Values = {}): Values => ({
  organisation: creatableIn.length === 1 ? creatableIn[0]!.code : "",
  ...more,
});

/** What an editor's "for edit" query gives: the record, and its audit trail (oldest first). */
export interface ReadRecord {
  row: object;
  version: number;
  organisation: { code: string };
  trail: readonly { actor: string; at: string }[];
}

/**
 * A record as its edit page needs it: each field's value from the row (lookups and other fields the
 * row names differently come in `values`), its version, and who changed it last and when.
 */
export function loadedRecord(
  fields: readonly FieldSpec[],
  read: ReadRecord,
  rest: { name: string; active: boolean; values?: Values; labels?: Record<string, string> },
): Loaded {
  const values: Values = {};
  for (const f of fields) values[f.name] = toFormString((read.row as Record<string, unknown>)[f.name]);
  const last = read.trail.at(-1);
  return {
    values: { ...values, ...rest.values },
    labels: rest.labels,
    version: read.version,
    organisation: read.organisation.code,
    name: rest.name,
    active: rest.active,
    changedBy: last?.actor ?? null,
    changedAt: last?.at ?? null,
  };
}
