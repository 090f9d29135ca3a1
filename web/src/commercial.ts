// Commercial figures — contract values, licence prices and costs, and everything computed from them —
// come back null from the API when the caller lacks the readCommercialValues permission in the
// organisation that owns them (with `valuesVisible: false`, and `hiddenFor` naming the organisations
// where a figure spans several). These helpers show such a figure as "hidden", saying what it needs,
// instead of "—" or £0.00, and never add hidden figures into a total.
import { h } from "./dom.ts";
import { formatMoney, fromPence, toPence } from "./format.ts";
import type { OrgRef } from "./organisations.ts";
import { currentMe } from "./session.ts";

/** The roles that may see commercial figures (the server's readCommercialValues permission). */
export const COMMERCIAL_ROLES = "PROCUREMENT, PLANNER, APPROVER or ADMIN";

/** Why a commercial figure is hidden, for a tooltip: the permission and, when known, the organisations. */
export function hiddenReason(hiddenFor: readonly string[] = []): string {
  const where = hiddenFor.length ? `in ${hiddenFor.join(" and ")}` : "in the organisation that owns it";
  return `Commercial figure: it needs the readCommercialValues permission (${COMMERCIAL_ROLES}) ${where}.`;
}

/** "hidden" (or `text`, set as a wrapping block when long), with the reason as its title. */
export function hiddenMark(hiddenFor: readonly string[] = [], text = "hidden"): HTMLElement {
  const cls = text.length > 24 ? "hidden-value hidden-value-wide" : "hidden-value";
  return h("span", { class: cls, title: hiddenReason(hiddenFor) }, text);
}

/**
 * A commercial amount: formatted when shown; "hidden" (title: what it needs) when the caller may not see
 * it; "—" when it is simply unknown.
 */
export function commercialMoney(
  value: string | null | undefined,
  visible: boolean,
  opts: { pence?: boolean; hiddenFor?: readonly string[] } = {},
): HTMLElement | string {
  if (value != null) return formatMoney(value, opts);
  return visible ? "—" : hiddenMark(opts.hiddenFor);
}

/** The exact sum of the amounts, or null when any is hidden (null): a partial total would mislead. */
export function sumShown(values: readonly (string | null | undefined)[]): string | null {
  let total = 0n;
  for (const v of values) {
    const p = toPence(v);
    if (p === null) return null;
    total += p;
  }
  return fromPence(total);
}

/** Text for exports: the amount, "" when unknown, "hidden" when the caller may not see it. */
export function commercialText(value: string | null | undefined, visible: boolean): string {
  return value ?? (visible ? "" : "hidden");
}

/** Roles that carry readCommercialValues in their organisation. */
const COMMERCIAL_ROLE_SET: ReadonlySet<string> = new Set(["PROCUREMENT", "PLANNER", "APPROVER", "ADMIN"]);

/**
 * True when the signed-in user may see commercial figures of every organisation in `codes` (all of
 * `orgs` when empty): a commercial role in each, or ADMIN in a shared-service organisation. The server
 * decides again; this only chooses what to offer (e.g. sorting by a cost).
 */
export function seesCommercialIn(orgs: readonly OrgRef[], codes: readonly string[]): boolean {
  const roles = currentMe()?.roles ?? [];
  const sharedAdmin = roles.some(
    (r) =>
      r.role === "ADMIN" && orgs.some((o) => o.code === r.organisation.code && o.kind === "SHARED_SERVICE"),
  );
  if (sharedAdmin) return true;
  const scope = codes.length ? codes : orgs.map((o) => o.code);
  if (!scope.length) return false; // organisations not known yet: nothing to say every cost is visible
  return scope.every((code) =>
    roles.some((r) => r.organisation.code === code && COMMERCIAL_ROLE_SET.has(r.role)),
  );
}
