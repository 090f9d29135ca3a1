// Who controls an account. Every user belongs to one organisation, set when the account is created. Its
// password can be reset — i.e. someone can become that user — only by the people who administer that
// organisation's accounts, so those are the people who control the account and everything it is granted.
//
// Who administers an organisation's accounts: its own administrators — accounts it owns holding ADMIN in
// it. The shared service's ADMINs too, but only while the organisation is being set up, until it has an
// administrator of its own (an active account it owns holding ADMIN in it). From then on each organisation
// manages its own people: otherwise a shared-service ADMIN could create an account in a council, make it
// the council's APPROVER, sign in as it and approve a plan for the council (or reset a real approver's
// password and do the same). ADMIN granted in an organisation to another organisation's account (a
// shared-service engineer running a council's estate, say) administers its estate, not its accounts: the
// same rule as approvals, where only an account the organisation owns decides for it. The shared service
// appoints each organisation's first administrator; that appointment, like every account change, is
// audited, and the organisation's own administrators see and can deactivate every account it owns.
//   - createUser needs account administration in the organisation the account will belong to;
//   - resetUserPassword and setUserActive (deactivate and reactivate) need it in the owning organisation,
//     whatever roles the user holds elsewhere;
//   - grantRole and revokeRole need it in the role's organisation. A role, ADMIN included, may go to
//     another organisation's user: it opens your own estate to a person whose organisation answers for
//     the account; it never hands over your accounts or your approvals, which stay with accounts you own.
// An organisation whose every administrator is locked out is recovered by its operators with database
// access (`npm run account:reset`), not by the shared service.
import type { Organisation } from "../../generated/prisma/client.ts";
import type { Actor } from "../shared/actor.ts";
import { canAnywhere, holdsInOrganisation } from "../shared/authz.ts";
import { ForbiddenError } from "../shared/errors.ts";
import type { Tx } from "../shared/writes.ts";

type Db = Pick<Tx, "roleAssignment">;

/** The account a decision is about, with the organisation that owns it. */
export interface OwnedAccount {
  email: string;
  organisationId: string;
  organisation: Pick<Organisation, "code">;
}

/** An organisation whose accounts are decided on. */
type Org = Pick<Organisation, "id" | "code">;

/**
 * True when `organisationId` has an administrator of its own: an active account it owns, holding ADMIN in
 * it. From then on only its own ADMINs administer its accounts and roles.
 */
export async function governsItself(db: Db, organisationId: string): Promise<boolean> {
  return (await selfGoverned(db, [organisationId])).has(organisationId);
}

/** Which of `organisationIds` have an administrator of their own (one query for them all). */
export async function selfGoverned(db: Db, organisationIds: readonly string[]): Promise<Set<string>> {
  const admins = await db.roleAssignment.findMany({
    where: { organisationId: { in: [...organisationIds] }, role: "ADMIN", user: { active: true } },
    select: { organisationId: true, user: { select: { organisationId: true } } },
  });
  return new Set(admins.filter((r) => r.user.organisationId === r.organisationId).map((r) => r.organisationId));
}

/**
 * True when `actor` administers the accounts and roles of `org`: holds ADMIN there from an account `org`
 * owns, or is a shared-service ADMIN and `org` has no administrator of its own yet (`selfGoverned` says
 * whether it has; asked only when it matters).
 */
export async function administers(actor: Actor, orgId: string, selfGoverned: () => Promise<boolean>): Promise<boolean> {
  if (actor.mustChangePassword) return false;
  // The system itself: an operator at the command line, with the database's credentials (account:reset).
  if (actor.via === "system") return true;
  if (actor.organisationId === orgId && holdsInOrganisation(actor, "administer", orgId)) return true;
  return actor.sharedAdmin && !(await selfGoverned());
}

/** administers(), asking the database whether `org` governs itself. */
export function administersAccountsOf(db: Db, actor: Actor, org: Pick<Organisation, "id">): Promise<boolean> {
  return administers(actor, org.id, () => governsItself(db, org.id));
}

/** Why `actor` may not administer `org`'s accounts, for the error message. */
function refusal(actor: Actor, org: Org, doing: string): ForbiddenError {
  if (actor.mustChangePassword)
    return new ForbiddenError("choose a new password first (changePassword); one-time credentials allow nothing else.");
  if (actor.sharedAdmin)
    return new ForbiddenError(
      `you may not ${doing}: ${org.code} has administrators of its own, and only they manage ${org.code}'s accounts and roles (the shared service appoints an organisation's first administrator only). Ask an ADMIN of ${org.code}.`,
    );
  return new ForbiddenError(
    `you may not ${doing}: it needs ADMIN in ${org.code}, held by an account ${org.code} owns (ADMIN granted to another organisation's account administers ${org.code}'s estate, not its accounts).`,
  );
}

/** Creating an account in `org` needs account administration there. */
export async function authorizeCreateAccount(db: Db, actor: Actor, org: Org): Promise<void> {
  if (!(await administersAccountsOf(db, actor, org))) throw refusal(actor, org, `create an account in ${org.code}`);
}

/** Before looking the account up: only administrators manage accounts (so others learn nothing of them). */
export function authorizeManagingAccounts(actor: Actor): void {
  if (actor.mustChangePassword || !canAnywhere(actor, "administer"))
    throw new ForbiddenError("managing users needs the ADMIN role in an organisation.");
}

/** Resetting, deactivating or reactivating `account` needs account administration in the organisation that owns it. */
export async function authorizeAccountControl(db: Db, actor: Actor, account: OwnedAccount, doing: string): Promise<void> {
  const owner = { id: account.organisationId, code: account.organisation.code };
  if (!(await administersAccountsOf(db, actor, owner)))
    throw refusal(actor, owner, `${doing} ${account.email}, an account ${owner.code} owns`);
}

/** Granting or revoking a role in `org` needs account administration there. */
export async function authorizeRoleChange(db: Db, actor: Actor, org: Org): Promise<void> {
  if (!(await administersAccountsOf(db, actor, org))) throw refusal(actor, org, `change roles in ${org.code}`);
}
