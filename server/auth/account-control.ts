// Who controls an account. Every user belongs to one organisation, set when the account is created. Its
// password can be reset — i.e. someone can become that user — only by that organisation's ADMINs (or the
// shared service's), so those are the people who control the account and everything it is granted:
//   - createUser needs ADMIN in the organisation the account will belong to;
//   - resetUserPassword and setUserActive (deactivate and reactivate) need ADMIN in the owning
//     organisation, whatever roles the user holds elsewhere;
//   - grantRole and revokeRole need ADMIN in the role's organisation; a role in your own organisation may
//     go to another organisation's user (it only opens your own data to them, and their organisation's
//     ADMINs vouch for who uses the account), but ADMIN in an organisation other than the account's own
//     needs ADMIN in the owning organisation too, because whoever controls the account would then
//     administer that organisation and the accounts it owns.
import type { Organisation, Role } from "../../generated/prisma/client.ts";
import type { Actor } from "../shared/actor.ts";
import { authorize, can, canAnywhere } from "../shared/authz.ts";
import { ForbiddenError } from "../shared/errors.ts";

/** The account a decision is about, with the organisation that owns it. */
export interface OwnedAccount {
  email: string;
  organisationId: string;
  organisation: Pick<Organisation, "code">;
}

/** True when `actor` controls accounts owned by `organisationId` (its ADMINs, and the shared service's). */
export function controlsAccountsOf(actor: Actor, organisationId: string): boolean {
  return !actor.mustChangePassword && can(actor, "administer", organisationId);
}

/** Creating an account in `organisation` needs ADMIN there. */
export function authorizeCreateAccount(actor: Actor, organisation: Pick<Organisation, "id">): void {
  authorize(actor, "create", "User", organisation.id);
}

/** Before looking the account up: only administrators manage accounts (so others learn nothing of them). */
export function authorizeManagingAccounts(actor: Actor): void {
  if (actor.mustChangePassword || !canAnywhere(actor, "administer"))
    throw new ForbiddenError("managing users needs the ADMIN role in an organisation.");
}

/** Resetting, deactivating or reactivating `account` needs ADMIN in the organisation that owns it. */
export function authorizeAccountControl(actor: Actor, account: OwnedAccount, doing: string): void {
  if (!controlsAccountsOf(actor, account.organisationId))
    throw new ForbiddenError(
      `you may not ${doing} ${account.email}: only ADMINs of ${account.organisation.code}, the organisation that owns the account, or of the shared service may.`,
    );
}

/** Granting or revoking a role in `organisation` needs ADMIN there. */
export function authorizeRoleChange(actor: Actor, organisation: Pick<Organisation, "id">): void {
  authorize(actor, "update", "User", organisation.id);
}

/**
 * Besides authorizeRoleChange: granting ADMIN in an organisation other than the account's own also needs
 * ADMIN in the account's own organisation (see the rules at the top of this file).
 */
export function authorizeAdminGrant(
  actor: Actor,
  account: OwnedAccount,
  organisation: Pick<Organisation, "id" | "code">,
  role: Role,
): void {
  if (role !== "ADMIN" || account.organisationId === organisation.id) return;
  if (!controlsAccountsOf(actor, account.organisationId))
    throw new ForbiddenError(
      `granting ADMIN in ${organisation.code} to ${account.email}, an account of ${account.organisation.code}, also needs ADMIN in ${account.organisation.code} (or in the shared service): whoever controls that account would administer ${organisation.code}.`,
    );
}
