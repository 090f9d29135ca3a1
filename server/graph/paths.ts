// Dependency chains between two assets.
import {
  adjacentSorted,
  assertAsset,
  depthBound,
  typeFilter,
  type Adjacent,
  type DependencyGraph,
} from "./model.ts";

export interface PathsOptions {
  /** Longest chain, in edges (default 10). */
  maxDepth?: number;
  /** Most chains returned (default 100). */
  limit?: number;
  /** Follow only edges of these types (undefined = all types). */
  edgeTypes?: readonly string[];
  /** Safety budget on search steps (default 1,000,000); running out sets `truncated`. */
  maxSteps?: number;
}

export interface PathsResult {
  /** Each chain is the ordered list of edge ids from `fromId` to `toId`. */
  paths: string[][];
  /** True when more chains exist than were returned (limit hit), or the step budget ran out. */
  truncated: boolean;
}

/**
 * All simple dependency chains from `fromId` to `toId`, following edges forwards (source NEEDS target), so
 * each chain explains one way in which `fromId` needs `toId`.
 *
 * Rules: a chain never visits an asset twice (simple path), so cycles are walked at most once around and
 * never hang. Parallel edges of different types between the same pair give distinct chains. Chains are
 * ordered shortest first, then lexicographically by their edge ids, and at most `limit` are returned.
 * `fromId === toId` gives no chains.
 *
 * Algorithm: a reverse breadth-first search from `toId` gives every asset's hop distance to the target;
 * then, for each length L from the shortest distance up to `maxDepth`, a depth-first search over edges in
 * id order enumerates the simple chains of exactly L edges, pruning any branch whose remaining budget is
 * below the distance still to go. Enumerating length by length yields the order above directly and stops
 * as soon as `limit + 1` chains are known. Throws `UnknownAssetError` for an unknown endpoint.
 */
export function paths(
  graph: DependencyGraph,
  fromId: string,
  toId: string,
  opts: PathsOptions = {},
): PathsResult {
  assertAsset(graph, fromId);
  assertAsset(graph, toId);
  const maxDepth = depthBound(opts.maxDepth ?? 10);
  const limit = depthBound(opts.limit ?? 100, "limit");
  const maxSteps = opts.maxSteps ?? 1_000_000;
  const types = typeFilter(opts.edgeTypes);
  if (fromId === toId) return { paths: [], truncated: false };

  const distToTarget = reverseDistances(graph, toId, maxDepth, types);
  const shortest = distToTarget.get(fromId);
  if (shortest === undefined) return { paths: [], truncated: false };

  const outCache = new Map<string, Adjacent[]>();
  const out = (id: string): Adjacent[] => {
    let adj = outCache.get(id);
    if (!adj) outCache.set(id, (adj = adjacentSorted(graph, id, "out", types)));
    return adj;
  };

  const found: string[][] = [];
  let steps = 0;
  let budgetExhausted = false;
  const onPath = new Set<string>([fromId]);
  const edges: string[] = [];

  // Depth-first enumeration of simple chains of exactly `remaining` more edges from `node` to the target.
  const walk = (node: string, remaining: number): boolean => {
    if (++steps > maxSteps) {
      budgetExhausted = true;
      return false;
    }
    if (node === toId) {
      if (remaining === 0) found.push([...edges]);
      return found.length <= limit;
    }
    for (const { edgeId, neighbourId } of out(node)) {
      const d = distToTarget.get(neighbourId);
      if (d === undefined || d > remaining - 1 || onPath.has(neighbourId)) continue;
      onPath.add(neighbourId);
      edges.push(edgeId);
      const goOn = walk(neighbourId, remaining - 1);
      edges.pop();
      onPath.delete(neighbourId);
      if (!goOn) return false;
    }
    return true;
  };

  for (let length = shortest; length <= maxDepth; length++) {
    if (!walk(fromId, length)) break;
  }
  const truncated = budgetExhausted || found.length > limit;
  return { paths: found.slice(0, limit), truncated };
}

/** Hop distance from every asset to `toId` along forward edges (a BFS over in-edges), up to `maxDepth`. */
function reverseDistances(
  graph: DependencyGraph,
  toId: string,
  maxDepth: number,
  types: ReadonlySet<string> | undefined,
): Map<string, number> {
  const dist = new Map<string, number>([[toId, 0]]);
  let frontier = [toId];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const { neighbourId } of adjacentSorted(graph, id, "in", types)) {
        if (dist.has(neighbourId)) continue;
        dist.set(neighbourId, depth);
        next.push(neighbourId);
      }
    }
    frontier = next;
  }
  return dist;
}
