// Single points of failure: assets whose loss alone cuts an important application off from its foundations.
import { immediateDominators, stronglyConnected } from "./dominators.ts";
import { assertAsset, compareIds, type Criticality, type DependencyGraph } from "./model.ts";

const CRITICALITY_RANK: Record<Criticality, number> = { LOW: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 3 };
const SERVICE_KINDS = new Set<string>(["APPLICATION", "END_USER_SERVICE"]);

/** Edge types that are recovery copies rather than needs, ignored by default. */
export const DEFAULT_SPOF_IGNORED_EDGE_TYPES: readonly string[] = ["REPLICATES_TO", "BACKS_UP_TO"];

/**
 * ALL_FOUNDATIONS (default): X must lie on every chain from A to every one of A's foundations.
 * EACH_FOUNDATION: X must lie on every chain from A to at least one foundation (see below).
 */
export type SpofMode = "ALL_FOUNDATIONS" | "EACH_FOUNDATION";

export interface SpofOptions {
  /** Analyse exactly these assets (any kind). When absent, every APPLICATION / END_USER_SERVICE is analysed. */
  criticalIds?: readonly string[];
  /** Without `criticalIds`, analyse only services at least this critical (default LOW: all of them). */
  minCriticality?: Criticality;
  /** Edge types not followed (default REPLICATES_TO and BACKS_UP_TO: recovery copies, not needs). */
  ignoredEdgeTypes?: readonly string[];
  mode?: SpofMode;
}

export interface SpofEntry {
  assetId: string;
  /** The analysed applications this asset alone takes down, in id order. */
  takesDown: string[];
}

/**
 * Single points of failure for the important applications, found with dominators.
 *
 * Definition. For an analysed application A, let U(A) be the assets reachable from A by following edges
 * forwards (source NEEDS target), skipping `ignoredEdgeTypes`. A *foundation* of A is an asset of U(A) that
 * needs nothing further: it has no followed out-edge, or it lies in a dependency cycle with no way out
 * (a bottom strongly connected component). Add a virtual exit T with an edge from every foundation to T.
 * Then asset X ≠ A is a single point of failure for A when X dominates T in U(A) + T rooted at A: every
 * chain of needs from A down to any foundation passes through X, so with X gone A cannot reach the bottom
 * of its stack at all. Multiple out-edges are therefore read as alternatives: an application that RUNS_ON
 * two clusters makes neither cluster a SPOF, but a storage array both clusters use still is; in a single
 * chain every asset below A is a SPOF.
 *
 * With mode EACH_FOUNDATION, X is a SPOF for A when X dominates at least one foundation F of A (every chain
 * from A to F passes through X; F itself counts). This reads distinct foundations as separate needs
 * (network AND storage), at the price of flagging alternatives that end at different foundations.
 *
 * Algorithm: number the nodes, find bottom strongly connected components once (Tarjan), then for each
 * analysed application build U(A) + T and compute immediate dominators with the Cooper–Harvey–Kennedy
 * iterative algorithm; the SPOFs are the dominator-tree ancestors of T (or of each foundation) below A.
 * Cost is O(Σ |U(A)|·k) for a small number of passes k. Result: one entry per SPOF asset, ranked by
 * `takesDown.length` descending, then asset id. Throws `UnknownAssetError` for an unknown `criticalIds` entry.
 */
export function singlePointsOfFailure(graph: DependencyGraph, opts: SpofOptions = {}): SpofEntry[] {
  const ignored = new Set(opts.ignoredEdgeTypes ?? DEFAULT_SPOF_IGNORED_EDGE_TYPES);
  const mode = opts.mode ?? "ALL_FOUNDATIONS";
  const ids = graph.nodes().sort(compareIds);
  const index = new Map(ids.map((id, i) => [id, i]));
  const succ: number[][] = ids.map((id) => {
    const next: number[] = [];
    graph.forEachOutEdge(id, (_edge, attrs, _source, target) => {
      if (!ignored.has(attrs.type)) next.push(index.get(target)!);
    });
    return next;
  });

  const comp = stronglyConnected(succ);
  const bottom = new Uint8Array(ids.length).fill(1); // per component: nothing leaves it
  succ.forEach((next, v) => {
    for (const w of next) if (comp[w] !== comp[v]) bottom[comp[v]!] = 0;
  });
  const isFoundation = (v: number) => bottom[comp[v]!] === 1;

  const takesDown = new Map<string, string[]>();
  const local = new Int32Array(ids.length).fill(-1); // global index -> local index, reset after each app
  for (const app of analysedApplications(graph, ids, opts)) {
    const members = [index.get(app)!];
    local[members[0]!] = 0;
    for (let k = 0; k < members.length; k++) {
      for (const w of succ[members[k]!]!) {
        if (local[w] !== -1) continue;
        local[w] = members.length;
        members.push(w);
      }
    }
    const exit = members.length;
    const localSucc = members.map((v) => {
      const next = succ[v]!.map((w) => local[w]!);
      if (isFoundation(v)) next.push(exit);
      return next;
    });
    localSucc.push([]);
    const idom = immediateDominators(localSucc, 0);

    const spofs = new Set<number>();
    const climb = (from: number) => {
      for (let x = from; x !== 0 && !spofs.has(x); x = idom[x]!) spofs.add(x);
    };
    if (mode === "ALL_FOUNDATIONS") climb(idom[exit]!);
    else members.forEach((v, i) => i !== 0 && isFoundation(v) && climb(i)); // i = 0 is A itself

    for (const x of spofs) {
      const id = ids[members[x]!]!;
      const list = takesDown.get(id) ?? [];
      list.push(app);
      takesDown.set(id, list);
    }
    for (const v of members) local[v] = -1;
  }

  return [...takesDown]
    .map(([assetId, apps]) => ({ assetId, takesDown: apps.sort(compareIds) }))
    .sort((a, b) => b.takesDown.length - a.takesDown.length || compareIds(a.assetId, b.assetId));
}

/** The applications to analyse, in id order, per the `criticalIds` / `minCriticality` rules above. */
function analysedApplications(graph: DependencyGraph, ids: readonly string[], opts: SpofOptions): string[] {
  if (opts.criticalIds) {
    opts.criticalIds.forEach((id) => assertAsset(graph, id));
    return [...new Set(opts.criticalIds)].sort(compareIds);
  }
  const min = CRITICALITY_RANK[opts.minCriticality ?? "LOW"];
  return ids.filter((id) => {
    const attrs = graph.getNodeAttributes(id);
    return SERVICE_KINDS.has(attrs.kind) && CRITICALITY_RANK[attrs.criticality] >= min;
  });
}
