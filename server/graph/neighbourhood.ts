// The local picture around some assets, for drawing: nodes within N hops either way, and the edges among them.
import { adjacentSorted, assertAsset, compareIds, depthBound, type DependencyGraph } from "./model.ts";

export interface Neighbourhood {
  /** Seeds first (id order), then assets in breadth-first discovery order. */
  nodeIds: string[];
  /** Every edge whose two ends are both in `nodeIds` (the induced subgraph), in edge-id order. */
  edgeIds: string[];
  /** True when `limit` stopped the walk before every asset within `hops` was included. */
  truncated: boolean;
}

/**
 * The assets within `hops` edges of any seed, walking edges in both directions (needs and dependants
 * alike), plus every edge among them.
 *
 * Rules: a breadth-first search seeded with the distinct seeds in id order; each asset's edges are taken in
 * edge-id order, so the result is deterministic regardless of input order. The walk stops once `limit`
 * assets are included; `truncated` is true only if an asset within reach was left out (more seeds than
 * `limit` also truncates, keeping the first seeds by id). `hops` 0 gives just the seeds and the edges
 * among them. Throws `UnknownAssetError` for an unknown seed, `RangeError` for bad `hops` or `limit`.
 */
export function neighbourhood(
  graph: DependencyGraph,
  seedIds: readonly string[],
  hops: number,
  limit: number,
): Neighbourhood {
  depthBound(hops, "hops");
  depthBound(limit, "limit");
  seedIds.forEach((id) => assertAsset(graph, id));
  const seeds = [...new Set(seedIds)].sort(compareIds);
  const included = new Set<string>(seeds.slice(0, limit));
  let truncated = seeds.length > limit;

  let frontier = [...included];
  for (let depth = 1; depth <= hops && frontier.length > 0 && !truncated; depth++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const { neighbourId } of adjacentSorted(graph, id, "both")) {
        if (included.has(neighbourId)) continue;
        if (included.size >= limit) {
          truncated = true;
          break;
        }
        included.add(neighbourId);
        next.push(neighbourId);
      }
      if (truncated) break;
    }
    frontier = next;
  }

  const edgeIds: string[] = [];
  for (const id of included) {
    graph.forEachOutEdge(id, (edgeId, _attrs, _source, target) => {
      if (included.has(target)) edgeIds.push(edgeId);
    });
  }
  return { nodeIds: [...included], edgeIds: edgeIds.sort(compareIds), truncated };
}
