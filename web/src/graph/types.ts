// The shapes the graph explorer reads from the graph API (schema/graph.graphql), trimmed to the fields
// it asks for. Ids are global IDs ("Asset:…", "Site:…", "Dependency:…").

/** An asset as the explorer draws it (GraphNode without the full `asset` record). */
export interface GNode {
  id: string;
  name: string;
  kind: string;
  subtype: string | null;
  lifecycle: string;
  criticality: string;
  organisationCode: string;
  siteId: string | null;
  siteName: string | null;
}

/** A dependency: "<source> <type> <target>", the source needs the target. */
export interface GEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}

/** A site some drawn asset is located at (drawn as a compound node around its assets). */
export interface GSite {
  id: string;
  name: string;
  kind: string;
  organisation: { code: string };
}

/** One answer of `graph(filter, limit)`. */
export interface GraphViewData {
  nodes: GNode[];
  edges: GEdge[];
  sites: GSite[];
  truncated: boolean;
}

/** GraphFilter as the server takes it. */
export interface GraphFilterInput {
  organisation?: string[];
  site?: string[];
  kind?: string[];
  lifecycle?: string[];
  criticality?: string[];
  around?: string[];
  hops?: number;
}

/** An asset named in an impact answer (it may not be drawn). */
export interface AssetBrief {
  id: string;
  name: string;
  kind: string;
  organisation: { code: string };
}

export type WalkDirection = "DOWNSTREAM" | "UPSTREAM";

/** One asset reached by `impact` (direction BOTH lists an asset once per direction). */
export interface ImpactEntry {
  assetId: string;
  distance: number;
  direction: WalkDirection;
  asset: AssetBrief;
}

export interface ImpactAnswer {
  count: number;
  entries: ImpactEntry[];
}

/** One asset lost with a site (distance 0 = located there). */
export interface SiteImpactEntry {
  assetId: string;
  distance: number;
  asset: AssetBrief;
}

export interface SiteImpactAnswer {
  site: { id: string; name: string; kind: string; organisation: { code: string; name: string } };
  count: number;
  entries: SiteImpactEntry[];
}

/** An asset search suggestion. */
export interface AssetSuggestion {
  id: string;
  name: string;
  kind: string;
  organisation: { code: string };
  site: { name: string } | null;
}

export interface SiteOption {
  id: string;
  name: string;
  organisation: { code: string };
}

export interface SpofAnswer {
  analysedCount: number;
  truncated: boolean;
  entries: { count: number; asset: AssetBrief }[];
}

export interface CrossEstateAnswer {
  dependencies: { id: string; type: string; source: AssetBrief; target: AssetBrief }[];
  hosting: { asset: AssetBrief; site: { id: string; name: string; organisation: { code: string } } }[];
}
