// The one authorization decision point. Every mutation and every read of procurement-sensitive values
// asks it; no resolver checks roles on its own. The role table below is the README's table.
import type { Role } from "../../generated/prisma/client.ts";
import type { Actor } from "./actor.ts";
import { ForbiddenError } from "./errors.ts";

/** What a role allows within its organisation. */
export type Permission =
  "read" | "readCommercialValues" | "editInventory" | "editProcurement" | "plan" | "approve" | "administer";

/** Each role's permissions within the organisation it is held in. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  VIEWER: ["read"],
  EDITOR: ["read", "editInventory"],
  PROCUREMENT: ["read", "readCommercialValues", "editProcurement"],
  PLANNER: ["read", "readCommercialValues", "plan"],
  APPROVER: ["read", "readCommercialValues", "approve"],
  ADMIN: [
    "read",
    "readCommercialValues",
    "editInventory",
    "editProcurement",
    "plan",
    "approve",
    "administer",
  ],
};

/** What changing each kind of entity needs. */
export const ENTITY_PERMISSION = {
  Site: "editInventory",
  Asset: "editInventory",
  Dependency: "editInventory",
  Licence: "editProcurement",
  Contract: "editProcurement",
  User: "administer",
  Scenario: "plan",
  Move: "plan",
  Organisation: "administer",
} as const satisfies Record<string, Permission>;

/** The entity kinds that mutations change. */
export type EntityType = keyof typeof ENTITY_PERMISSION;

/** What the caller wants to do. */
export type Action = "create" | "update" | "retire";

/** True when `actor` holds `permission` in `organisationId` (the shared service's admins hold all). */
export function can(actor: Actor, permission: Permission, organisationId: string): boolean {
  if (actor.sharedAdmin) return true;
  const roles = actor.roles.get(organisationId);
  if (!roles) return false;
  for (const role of roles) if (ROLE_PERMISSIONS[role].includes(permission)) return true;
  return false;
}

/**
 * True when `actor` holds `permission` through a role held in `organisationId` itself. Approving a plan
 * for a council is that council's own decision: the shared service's admins do not count here.
 */
export function holdsInOrganisation(actor: Actor, permission: Permission, organisationId: string): boolean {
  const roles = actor.roles.get(organisationId);
  if (!roles) return false;
  for (const role of roles) if (ROLE_PERMISSIONS[role].includes(permission)) return true;
  return false;
}

/**
 * True when `actor` may see the commercial figures of rows owned by `organisationId`: contract values,
 * licence prices and costs, and every figure computed from them. The one place that decides it; a figure
 * that mixes organisations is shown only when this holds for each of them.
 */
export function commercialVisible(actor: Actor, organisationId: string): boolean {
  if (actor.mustChangePassword) return false;
  return can(actor, "readCommercialValues", organisationId);
}

/** True when `actor` holds `permission` in at least one organisation. */
export function canAnywhere(actor: Actor, permission: Permission): boolean {
  if (actor.sharedAdmin) return true;
  for (const orgId of actor.roles.keys()) if (can(actor, permission, orgId)) return true;
  return false;
}

/**
 * Decides whether `actor` may `action` an `entityType` owned by `organisationId`; throws ForbiddenError
 * naming the permission needed when not. A user whose one-time password is not yet changed may do nothing.
 */
export function authorize(
  actor: Actor,
  action: Action,
  entityType: EntityType,
  organisationId: string,
): void {
  if (actor.mustChangePassword)
    throw new ForbiddenError(
      "choose a new password first (changePassword); one-time credentials allow nothing else.",
    );
  const permission = ENTITY_PERMISSION[entityType];
  if (!can(actor, permission, organisationId)) {
    throw new ForbiddenError(
      `you may not ${action} this ${entityType}: it needs the ${permission} permission (${rolesWith(permission).join(" or ")}) in the organisation that owns it.`,
    );
  }
}

/** The roles that grant `permission`. */
export function rolesWith(permission: Permission): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((r) => ROLE_PERMISSIONS[r].includes(permission));
}
