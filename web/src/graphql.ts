// Typed GraphQL documents generated from the SDL (codegen.ts, client preset): write every operation as
// graphql() on a template literal and `gql` (api.ts) returns its result type, so a schema change that breaks a page fails
// the type-check. Operation and enum types are re-exported from here.
export { graphql } from "../../generated/web/gql.ts";
export type * from "../../generated/web/graphql.ts";
export {
  AssetKind,
  AssetOrder,
  AuditOrder,
  ContractOrder,
  PositionOrder,
  UserOrder,
  ImpactDirection,
  Criticality,
  DependencyType,
  Lifecycle,
  LicenceMetric,
  Imbalance,
  OrganisationKind,
  LicenceOrder,
  SiteOrder,
  OverlapKind,
  RecordStatus,
  Role,
  SiteKind,
  TypedDocumentString,
} from "../../generated/web/graphql.ts";

/** The node type of a Relay connection in a generated result type. */
export type NodeOf<C> = C extends { edges: readonly { node: infer N }[] } ? N : never;

/** The element type of a list in a generated result type. */
export type ItemOf<L> = L extends readonly (infer I)[] ? I : never;
