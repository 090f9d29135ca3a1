// Impact analysis: what is affected, transitively, when an asset (or a whole site) fails.
import {
  adjacentSorted,
  assertAsset,
  compareIds,
  depthBound,
  typeFilter,
  type DependencyGraph,
  type Step,
} from "./model.ts";

export type ImpactDirection = "DOWNSTREAM" | "UPSTREAM";

export interface ImpactOptions {
  direction: ImpactDirection | "BOTH";
  /** Largest hop count reported (undefined = unbounded; 0 = nothing). */
  maxDepth?: number;
  /** Follow only edges of these types (undefined = all types). */
  edgeTypes?: readonly string[];
}

export interface ImpactEntry {
  assetId: string;
  /** Shortest hop count from the start. */
  distance: number;
  direction: ImpactDirection;
  /** Edge ids of one shortest chain, in walking order from the start. */
  path: string[];
}

export interface SiteImpactEntry extends ImpactEntry {
  /** The asset located at the site from which `path` starts (the asset itself at distance 0). */
  originId: string;
}

interface Reached {
  assetId: string;
  distance: number;
  path: string[];
  originId: string;
}

/**
 * Multi-source breadth-first search. Sources are visited in the order given, at distance 0, and are not
 * reported. Each node's adjacent edges are taken in edge-id order, so a node's recorded path is the
 * lexicographically smallest (by edge id) among its shortest paths, and output is in discovery order
 * (by distance, then by that path). Each node is reached at most once, so cycles end the walk.
 */
function bfs(
  graph: DependencyGraph,
  sources: readonly string[],
  step: Step,
  maxDepth: number,
  edgeTypes: ReadonlySet<string> | undefined,
): Reached[] {
  const seen = new Set<string>(sources);
  let frontier: Reached[] = sources.map((id) => ({ assetId: id, distance: 0, path: [], originId: id }));
  const result: Reached[] = [];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: Reached[] = [];
    for (const from of frontier) {
      for (const { edgeId, neighbourId } of adjacentSorted(graph, from.assetId, step, edgeTypes)) {
        if (seen.has(neighbourId)) continue;
        seen.add(neighbourId);
        next.push({
          assetId: neighbourId,
          distance: depth,
          path: [...from.path, edgeId],
          originId: from.originId,
        });
      }
    }
    result.push(...next);
    frontier = next;
  }
  return result;
}

const STEP: Record<ImpactDirection, Step> = { DOWNSTREAM: "in", UPSTREAM: "out" };

/**
 * Every asset reached transitively from `startId`, with its shortest hop count and one shortest chain of
 * edge ids.
 *
 * Edges read "source NEEDS target". DOWNSTREAM answers "what breaks if start goes": everything that
 * (transitively) depends on it, found by walking edges backwards (target → source). UPSTREAM answers "what
 * does start need": walking edges forwards (source → target); the path is always in walking order.
 * BOTH runs the two walks independently and returns the union, each entry tagged with its direction, so an
 * asset reached both ways appears twice (once per direction).
 *
 * Rules: breadth-first, so `distance` is the shortest hop count; ties between equally short chains go to
 * the lexicographically smallest sequence of edge ids. The start is never reported and no asset appears
 * twice in one direction, even on cycles. `edgeTypes` restricts which edges may be followed; `maxDepth`
 * caps the distance. Output order: by distance, then DOWNSTREAM before UPSTREAM, then by path.
 * Throws `UnknownAssetError` for an unknown start, `RangeError` for a bad `maxDepth`.
 */
export function impact(graph: DependencyGraph, startId: string, opts: ImpactOptions): ImpactEntry[] {
  assertAsset(graph, startId);
  const maxDepth = depthBound(opts.maxDepth);
  const types = typeFilter(opts.edgeTypes);
  const directions: ImpactDirection[] =
    opts.direction === "BOTH" ? ["DOWNSTREAM", "UPSTREAM"] : [opts.direction];
  const entries: ImpactEntry[] = [];
  for (const direction of directions) {
    for (const r of bfs(graph, [startId], STEP[direction], maxDepth, types)) {
      entries.push({ assetId: r.assetId, distance: r.distance, direction, path: r.path });
    }
  }
  // Stable sort: keeps BFS order within a (distance, direction) group.
  return entries.sort((a, b) => a.distance - b.distance || compareIds(a.direction, b.direction));
}

export interface SiteImpactOptions {
  maxDepth?: number;
  edgeTypes?: readonly string[];
}

/**
 * What is lost if a whole site goes: the assets located at the site (`siteId` attribute), at distance 0
 * with an empty path, followed by everything DOWNSTREAM of any of them (everything that transitively
 * depends on them), each at its shortest distance from the nearest site asset.
 *
 * Rules: a multi-source breadth-first search seeded with the site's assets in id order; `originId` names
 * the site asset a reported path starts from, ties broken as in `impact` (smallest origin id first, then
 * smallest edge ids). Every entry has direction DOWNSTREAM; each asset appears once. A site with no
 * assets (or an unknown site id) gives an empty list. `maxDepth` and `edgeTypes` apply to the walk only.
 */
export function impactOfSite(
  graph: DependencyGraph,
  siteId: string,
  opts: SiteImpactOptions = {},
): SiteImpactEntry[] {
  const maxDepth = depthBound(opts.maxDepth);
  const located = graph.filterNodes((_, attrs) => attrs.siteId === siteId).sort(compareIds);
  const atSite: SiteImpactEntry[] = located.map((id) => ({
    assetId: id,
    distance: 0,
    direction: "DOWNSTREAM",
    path: [],
    originId: id,
  }));
  const beyond = bfs(graph, located, "in", maxDepth, typeFilter(opts.edgeTypes));
  return [...atSite, ...beyond.map((r): SiteImpactEntry => ({ ...r, direction: "DOWNSTREAM" }))];
}
