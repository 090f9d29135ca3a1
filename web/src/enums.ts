// Enum values from the SDL (schema/*.graphql), in schema order, for filters and tables.

export const ASSET_KINDS = [
  "NETWORK",
  "STORAGE",
  "COMPUTE_CLUSTER",
  "CLOUD_PLATFORM",
  "SERVER",
  "DATABASE",
  "APPLICATION",
  "END_USER_SERVICE",
] as const;
export const LIFECYCLES = ["PLANNED", "STAGING", "ACTIVE", "DECOMMISSIONING", "RETIRED"] as const;
export const CRITICALITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export const SITE_KINDS = [
  "DATA_CENTRE",
  "COMMS_ROOM",
  "OFFICE",
  "SCHOOL",
  "SCHOOLS_NETWORK_HUB",
  "COLOCATION",
] as const;
export const ASSET_ORDERS = [
  { value: "NAME_ASC", label: "Name A–Z" },
  { value: "NAME_DESC", label: "Name Z–A" },
  { value: "ANNUAL_RUN_COST_DESC", label: "Run cost, highest first" },
  { value: "UPDATED_AT_DESC", label: "Recently updated" },
] as const;

/** What each role allows in the organisation it is held in (the server's role table). */
export const ROLE_DESCRIPTIONS: Record<string, string> = {
  VIEWER: "Read the inventory",
  EDITOR: "Read; edit sites, assets and dependencies",
  PROCUREMENT: "Read; see contract values; edit licences and contracts",
  PLANNER: "Read; see contract values; plan convergence",
  APPROVER: "Read; see contract values; approve plans",
  ADMIN: "Everything, including users and roles",
};

/** The roles in the order the schema lists them. */
export const ROLES = ["VIEWER", "EDITOR", "PROCUREMENT", "PLANNER", "APPROVER", "ADMIN"] as const;
