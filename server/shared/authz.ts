// The one authorization decision point: every mutation asks it before touching an organisation's data.
import type { Actor } from "./actor.ts";

/** What the caller wants to do. */
export type Action = "create" | "update" | "retire";

/** The entity kinds that mutations change. */
export type EntityType = "Site" | "Asset" | "Dependency" | "Licence" | "Contract";

/**
 * Decides whether `actor` may perform `action` on `entityType` owned by `organisationId`; throws
 * ForbiddenError when not. In the foundation the server runs as a single local operator who may do
 * everything; roles per organisation are decided here, and only here, when they arrive.
 */
export function authorize(_actor: Actor, _action: Action, _entityType: EntityType, _organisationId: string): void {
  return;
}
