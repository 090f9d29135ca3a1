// The asset dependency graph as a graphology MultiDirectedGraph, plus the small helpers every algorithm
// in this folder shares (deterministic edge order, unknown-asset errors). Pure: no database access.
import { MultiDirectedGraph } from "graphology";

export type AssetKind =
  | "NETWORK"
  | "STORAGE"
  | "COMPUTE_CLUSTER"
  | "CLOUD_PLATFORM"
  | "SERVER"
  | "DATABASE"
  | "APPLICATION"
  | "END_USER_SERVICE";

export type Criticality = "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";

export type DependencyType =
  | "RUNS_ON"
  | "HOSTED_IN"
  | "STORES_DATA_ON"
  | "CONNECTS_TO"
  | "DEPENDS_ON"
  | "REPLICATES_TO"
  | "BACKS_UP_TO"
  | "AUTHENTICATES_VIA";

/** An asset: a node of the graph. Field names match the Prisma `Asset` row, so rows can be passed as they are. */
export interface GraphNode {
  id: string;
  organisationId: string;
  siteId: string | null;
  kind: AssetKind;
  criticality: Criticality;
  lifecycle: string;
}

/** A dependency "source TYPE target": the source NEEDS the target. Field names match the Prisma `Dependency` row. */
export interface GraphEdge {
  id: string;
  sourceId: string;
  targetId: string;
  type: DependencyType;
}

export type AssetAttributes = Omit<GraphNode, "id">;
export interface DependencyAttributes {
  type: DependencyType;
}
export type DependencyGraph = MultiDirectedGraph<AssetAttributes, DependencyAttributes>;

/** Thrown when an algorithm is asked about an asset id that is not a node of the graph. */
export class UnknownAssetError extends Error {
  constructor(readonly assetId: string) {
    super(`Unknown asset: ${assetId}`);
    this.name = "UnknownAssetError";
  }
}

/**
 * Builds the dependency graph: one node per asset (keyed by asset id, attributes = the other fields) and one
 * directed edge per dependency (keyed by dependency id, from source to target, attribute `type`).
 *
 * Rules: a MultiDirectedGraph, so parallel edges between the same pair (of different types) are kept; cycles
 * and self-loops are legal. Nodes and edges are inserted in id order so the graph's own iteration order does
 * not depend on the order of the input. Throws on a duplicate node id, a duplicate edge id, or an edge whose
 * source or target is not among the nodes (`UnknownAssetError`).
 */
export function buildDependencyGraph(
  nodes: Iterable<GraphNode>,
  edges: Iterable<GraphEdge>,
): DependencyGraph {
  const graph: DependencyGraph = new MultiDirectedGraph<AssetAttributes, DependencyAttributes>({
    allowSelfLoops: true,
  });
  for (const n of [...nodes].sort((a, b) => compareIds(a.id, b.id))) {
    if (graph.hasNode(n.id)) throw new Error(`Duplicate asset id: ${n.id}`);
    graph.addNode(n.id, {
      organisationId: n.organisationId,
      siteId: n.siteId,
      kind: n.kind,
      criticality: n.criticality,
      lifecycle: n.lifecycle,
    });
  }
  for (const e of [...edges].sort((a, b) => compareIds(a.id, b.id))) {
    if (graph.hasEdge(e.id)) throw new Error(`Duplicate dependency id: ${e.id}`);
    if (!graph.hasNode(e.sourceId)) throw new UnknownAssetError(e.sourceId);
    if (!graph.hasNode(e.targetId)) throw new UnknownAssetError(e.targetId);
    graph.addDirectedEdgeWithKey(e.id, e.sourceId, e.targetId, { type: e.type });
  }
  return graph;
}

/** Total order on ids used for every tie-break: plain UTF-16 code-unit order (locale-independent). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Which way to step along an edge: "out" = from source to target (towards what a node needs), "in" = backwards. */
export type Step = "out" | "in" | "both";

export interface Adjacent {
  edgeId: string;
  neighbourId: string;
  type: DependencyType;
}

/**
 * The edges at `nodeId` in the given step direction, optionally only those whose type is in `edgeTypes`,
 * sorted by edge id; `neighbourId` is the node at the other end (for a self-loop, the node itself).
 */
export function adjacentSorted(
  graph: DependencyGraph,
  nodeId: string,
  step: Step,
  edgeTypes?: ReadonlySet<string>,
): Adjacent[] {
  const out: Adjacent[] = [];
  const visit = (edgeId: string, attrs: DependencyAttributes, source: string, target: string) => {
    if (edgeTypes && !edgeTypes.has(attrs.type)) return;
    out.push({ edgeId, neighbourId: source === nodeId ? target : source, type: attrs.type });
  };
  if (step === "out") graph.forEachOutEdge(nodeId, visit);
  else if (step === "in") graph.forEachInEdge(nodeId, visit);
  else {
    const seen = new Set<string>(); // a self-loop is both an in- and an out-edge: list it once
    graph.forEachEdge(nodeId, (e, a, s, t) => {
      if (seen.has(e)) return;
      seen.add(e);
      visit(e, a, s, t);
    });
  }
  return out.sort((a, b) => compareIds(a.edgeId, b.edgeId));
}

/** Throws `UnknownAssetError` unless `id` is a node of the graph. */
export function assertAsset(graph: DependencyGraph, id: string): void {
  if (!graph.hasNode(id)) throw new UnknownAssetError(id);
}

/** Checks an optional depth bound: undefined means unbounded; otherwise a non-negative integer. */
export function depthBound(maxDepth: number | undefined, name = "maxDepth"): number {
  if (maxDepth === undefined) return Infinity;
  if (!Number.isInteger(maxDepth) || maxDepth < 0)
    throw new RangeError(`${name} must be a non-negative integer`);
  return maxDepth;
}

/** Turns an optional list of edge types into a set for filtering (undefined = every type). */
export function typeFilter(edgeTypes: readonly string[] | undefined): ReadonlySet<string> | undefined {
  return edgeTypes ? new Set(edgeTypes) : undefined;
}
