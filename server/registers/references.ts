// How a register row names another row: by name within its own organisation, or another organisation's
// as "Name (CODE)" (Durham's DR SAN sits in Sunderland's "Doxford data centre (SCC)").
import { NotFoundError } from "../shared/errors.ts";
import type { References } from "./register.ts";

/** "Doxford data centre (SCC)" → the name and the organisation code; a plain name has no code. */
export function namedReference(text: string): { name: string; organisation: string | null } {
  const m = /^(.*\S)\s*\(([A-Za-z0-9_-]{2,20})\)$/.exec(text.trim());
  return m ? { name: m[1]!, organisation: m[2]!.toUpperCase() } : { name: text.trim(), organisation: null };
}

/** The organisation and name `text` refers to, from a row of `organisationId` (null: an unknown code). */
export function referredTo(text: string, organisationId: string, organisationIdOf: (code: string) => string | undefined) {
  const ref = namedReference(text);
  return { name: ref.name, code: ref.organisation, organisationId: ref.organisation ? (organisationIdOf(ref.organisation) ?? null) : organisationId };
}

/**
 * The id of the site or asset `text` names from a row of `organisationId`: the whole text as a name of its
 * own organisation first (a name may end in brackets), else "Name (CODE)". NOT_FOUND on `row.<field>`.
 */
export function resolveNamed(refs: References, table: "Site" | "Asset", organisationId: string, text: string, field: string): string {
  const ref = referredTo(text, organisationId, refs.organisationId);
  const id = refs.idOf(table, organisationId, text) ?? (ref.organisationId ? refs.idOf(table, ref.organisationId, ref.name) : undefined);
  if (id) return id;
  const noun = table.toLowerCase();
  throw new NotFoundError(
    `row.${field}`,
    ref.code
      ? `${ref.code} has no ${noun} named "${ref.name}"; correct the name or the organisation code in brackets.`
      : `this organisation has no ${noun} named "${text}"; add it to the ${table}s sheet, correct the name, or name another organisation's ${noun} as "Name (CODE)".`,
  );
}
