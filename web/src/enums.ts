// Enum values from the SDL (schema/*.graphql, through codegen), in schema order, for filters and tables.
import {
  AssetKind,
  Criticality,
  DependencyType,
  LicenceMetric,
  Lifecycle,
  Role,
  SiteKind,
} from "./graphql.ts";

export const ASSET_KINDS = Object.values(AssetKind);
export const LIFECYCLES = Object.values(Lifecycle);
export const CRITICALITIES = Object.values(Criticality);
export const SITE_KINDS = Object.values(SiteKind);
/** What each role allows in the organisation it is held in (the server's role table). */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  VIEWER: "Read the inventory",
  EDITOR: "Read; edit sites, assets and dependencies",
  PROCUREMENT: "Read; see contract values; edit licences and contracts",
  PLANNER: "Read; see contract values; plan convergence",
  APPROVER: "Read; see contract values; approve plans",
  ADMIN: "Everything, including users and roles",
};

/** The roles in the order the schema lists them. */
export const ROLES = Object.values(Role);

/** `value` when it is one of `allowed` (an enum's values), else undefined: URL and form input narrowed. */
export function enumValue<T extends string>(
  allowed: readonly T[],
  value: string | null | undefined,
): T | undefined {
  return (allowed as readonly string[]).includes(value ?? "") ? (value as T) : undefined;
}

/** The members of `values` that are among `allowed`, in their order. */
export function enumValues<T extends string>(allowed: readonly T[], values: readonly string[]): T[] {
  return values.filter((v): v is T => (allowed as readonly string[]).includes(v));
}
export const DEPENDENCY_TYPES = Object.values(DependencyType);
export const LICENCE_METRICS = Object.values(LicenceMetric);

/** The lifecycle filter value meaning "not retired": what the summary counts. */
export const LIVE = "LIVE";

/** Lifecycle filter options: any, not retired, then each lifecycle. */
export const LIFECYCLE_FILTER_OPTIONS = [
  { value: "", label: "Any lifecycle" },
  { value: LIVE, label: "Not retired" },
  ...LIFECYCLES.map((v) => ({ value: v, label: v[0] + v.slice(1).toLowerCase() })),
];

/** The lifecycles a filter value selects ("LIVE": every one but RETIRED; "A,B": those). */
export function lifecyclesOf(value: string): Lifecycle[] {
  if (value === LIVE) return LIFECYCLES.filter((l) => l !== "RETIRED");
  return enumValues(LIFECYCLES, value.split(",").filter(Boolean));
}
