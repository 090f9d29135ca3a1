// Who is calling: a signed-in user (session cookie), a script (API token), or the system itself.
import type { Role } from "../../generated/prisma/client.ts";

/** The caller of an operation, with the roles it holds per organisation id. */
export interface Actor {
  /** User id, or "system". */
  id: string;
  /** What the audit trail records: the user's e-mail address, or "system". */
  email: string;
  displayName: string;
  /** The organisation that owns the account (fixed when it is created); absent for the system itself. */
  organisationId?: string;
  /** Roles per organisation id. */
  roles: ReadonlyMap<string, ReadonlySet<Role>>;
  /** ADMIN of a shared-service organisation: administers every organisation. */
  sharedAdmin: boolean;
  via: "session" | "token" | "system";
  /** The session or token id the request came with. */
  credentialId?: string;
  /** True for generated one-time credentials until the user sets a password. */
  mustChangePassword?: boolean;
}

/** The system itself: seeds, imports run from the command line, start-up work. */
export const SYSTEM_ACTOR: Actor = {
  id: "system",
  email: "system",
  displayName: "System",
  roles: new Map(),
  sharedAdmin: true,
  via: "system",
};
