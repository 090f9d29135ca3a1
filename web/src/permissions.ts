// What the signed-in user may change, from their roles (the server's role table: README "Roles per
// organisation"). It only decides what to offer — forms and buttons a role does not allow are not
// shown — and the server decides again on every request.
import type { OrgRef } from "./organisations.ts";
import { currentMe } from "./session.ts";

/** The permissions that change data, and the roles that carry them in their organisation. */
const ROLES_FOR = {
  editInventory: ["EDITOR", "ADMIN"],
  editProcurement: ["PROCUREMENT", "ADMIN"],
} as const;

export type EditPermission = keyof typeof ROLES_FOR;

/** True when the user may `permission` in the organisation `code` (ADMIN of a shared service: everywhere). */
export function may(permission: EditPermission, code: string, orgs: readonly OrgRef[]): boolean {
  const me = currentMe();
  if (!me) return false;
  const shared = new Set(orgs.filter((o) => o.kind === "SHARED_SERVICE").map((o) => o.code));
  return me.roles.some(
    (r) =>
      (r.role === "ADMIN" && shared.has(r.organisation.code)) ||
      (r.organisation.code === code && (ROLES_FOR[permission] as readonly string[]).includes(r.role)),
  );
}

/** The organisations (of `orgs`) where the user may `permission`. */
export function mayIn(permission: EditPermission, orgs: readonly OrgRef[]): OrgRef[] {
  return orgs.filter((o) => may(permission, o.code, orgs));
}
