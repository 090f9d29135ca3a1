// The shapes the graph explorer reads from the graph API (schema/graph.graphql), as codegen derives them
// from the queries in data.ts. Ids are global IDs ("Asset:…", "Site:…", "Dependency:…").
import type {
  GraphAssetBriefFragment,
  GraphCrossEstateQuery,
  GraphFilter,
  GraphImpactQuery,
  GraphSearchQuery,
  GraphSiteImpactQuery,
  GraphSitesQuery,
  GraphSpofQuery,
  GraphViewQuery,
  ImpactDirection,
  ItemOf,
  NodeOf,
} from "../graphql.ts";

/** One answer of `graph(filter, limit)`. */
export type GraphViewData = GraphViewQuery["graph"];

/** An asset as the explorer draws it (GraphNode without the full `asset` record). */
export type GNode = ItemOf<GraphViewData["nodes"]>;

/** A dependency: "<source> <type> <target>", the source needs the target. */
export type GEdge = ItemOf<GraphViewData["edges"]>;

/** A site some drawn asset is located at (drawn as a compound node around its assets). */
export type GSite = ItemOf<GraphViewData["sites"]>;

/** GraphFilter as the server takes it. */
export type GraphFilterInput = GraphFilter;

/** An asset named in an impact answer (it may not be drawn). */
export type AssetBrief = GraphAssetBriefFragment;

/** The direction of one impact entry (an answer for BOTH lists each asset once per direction). */
export type WalkDirection = Exclude<ImpactDirection, "BOTH">;

export type ImpactAnswer = GraphImpactQuery["impact"];

/** One asset reached by `impact`. */
export type ImpactEntry = ItemOf<ImpactAnswer["entries"]>;

export type SiteImpactAnswer = GraphSiteImpactQuery["siteImpact"];

/** One asset lost with a site (distance 0 = located there). */
export type SiteImpactEntry = ItemOf<SiteImpactAnswer["entries"]>;

/** An asset search suggestion. */
export type AssetSuggestion = NodeOf<GraphSearchQuery["assets"]>;

export type SiteOption = NodeOf<GraphSitesQuery["sites"]>;

export type SpofAnswer = GraphSpofQuery["singlePointsOfFailure"];

export type CrossEstateAnswer = GraphCrossEstateQuery["crossEstateLinks"];
