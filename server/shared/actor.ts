// Who is calling. The foundation runs as one local operator; the roles issue adds users and tokens.

/** The caller of an operation, as recorded in audit events. */
export interface Actor {
  /** Stable identifier written to the audit trail. */
  id: string;
  displayName: string;
}

/** The single local operator the server runs as until sign-in exists. */
export const LOCAL_OPERATOR: Actor = { id: "local-operator", displayName: "Local operator" };
