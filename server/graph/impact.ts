// Impact analysis: what is affected, transitively, when an asset (or a whole site) fails — separating
// what STOPS (it needs the failed asset, through a chain of needs) from what only LOSES ITS RECOVERY copy
// or backup (a recovery edge, REPLICATES_TO or BACKS_UP_TO, on the way). The reference implementation:
// compact.ts reproduces it exactly at scale.
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

/**
 * How an impacted asset is affected. DOWNSTREAM entry X: if the start goes, X STOPS (it needs the start
 * through needs only) or X LOSES_RECOVERY (X, or something X needs, keeps its recovery copy or backup on
 * the start or on something that stops with it). UPSTREAM entry X: if X goes, the start STOPS, or the start
 * LOSES_RECOVERY.
 */
export type ImpactEffect = "STOPS" | "LOSES_RECOVERY";

/** Dependency types that are recovery copies, not needs: their target going takes a copy away, nothing more. */
export const RECOVERY_EDGE_TYPES: readonly string[] = ["REPLICATES_TO", "BACKS_UP_TO"];
const RECOVERY = new Set(RECOVERY_EDGE_TYPES);

export interface ImpactOptions {
  direction: ImpactDirection | "BOTH";
  /** Largest hop count reported (undefined = unbounded; 0 = nothing). */
  maxDepth?: number;
  /** Follow only edges of these types (undefined = all types). */
  edgeTypes?: readonly string[];
  /** Which effects to report (default: STOPS only). */
  effects?: readonly ImpactEffect[];
}

export interface ImpactEntry {
  assetId: string;
  /** Shortest hop count from the start (for its effect). */
  distance: number;
  direction: ImpactDirection;
  effect: ImpactEffect;
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
  effect: ImpactEffect;
  path: string[];
  originId: string;
}

/** A walk's state: an asset, and whether a recovery edge has been crossed on the way to it. */
interface State extends Reached {
  phase: 0 | 1;
}

/**
 * Multi-source breadth-first search over (asset, phase) states. Phase 0 follows needs (every type but the
 * recovery ones); a recovery edge moves phase 0 to phase 1 (only when LOSES_RECOVERY is asked for); phase 1
 * follows needs again and never a second recovery edge (a copy of a copy is still there). Sources are phase
 * 0 at distance 0 and are not reported. Each state's adjacent edges are taken in edge-id order, so a state's
 * path is the lexicographically smallest of its shortest paths. An asset reached in phase 0 STOPS (whatever
 * its phase-1 distance); one reached only in phase 1 LOSES_RECOVERY. Output is in discovery order of the
 * reported state, so by distance, then by path.
 */
function bfs(
  graph: DependencyGraph,
  sources: readonly string[],
  step: Step,
  maxDepth: number,
  edgeTypes: ReadonlySet<string> | undefined,
  effects: ReadonlySet<ImpactEffect>,
): Reached[] {
  const seen = [new Set<string>(sources), new Set<string>()];
  const crossRecovery = effects.has("LOSES_RECOVERY");
  let frontier: State[] = sources.map((id) => ({
    assetId: id,
    distance: 0,
    effect: "STOPS",
    path: [],
    originId: id,
    phase: 0,
  }));
  const discovered: State[] = [];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: State[] = [];
    for (const from of frontier) {
      for (const { edgeId, neighbourId, type } of adjacentSorted(graph, from.assetId, step, edgeTypes)) {
        const recovery = RECOVERY.has(type);
        if (recovery && (from.phase === 1 || !crossRecovery)) continue;
        const phase = recovery ? 1 : from.phase;
        if (seen[phase]!.has(neighbourId)) continue;
        seen[phase]!.add(neighbourId);
        next.push({
          assetId: neighbourId,
          distance: depth,
          effect: phase === 0 ? "STOPS" : "LOSES_RECOVERY",
          path: [...from.path, edgeId],
          originId: from.originId,
          phase,
        });
      }
    }
    discovered.push(...next);
    frontier = next;
  }
  return discovered
    .filter((s) => (s.phase === 0 ? true : !seen[0]!.has(s.assetId)))
    .filter((s) => effects.has(s.effect))
    .map(({ phase: _phase, ...r }) => r);
}

const STEP: Record<ImpactDirection, Step> = { DOWNSTREAM: "in", UPSTREAM: "out" };

function effectSet(effects: readonly ImpactEffect[] | undefined): ReadonlySet<ImpactEffect> {
  return new Set(effects ?? ["STOPS"]);
}

/**
 * Every asset reached transitively from `startId`, with its shortest hop count, its effect and one shortest
 * chain of edge ids.
 *
 * Edges read "source NEEDS target" — except the recovery edges (REPLICATES_TO, BACKS_UP_TO): "source keeps
 * its recovery copy or backup on target". DOWNSTREAM answers "what is hit if start goes": walking edges
 * backwards (target → source), everything that needs it STOPS; an asset that keeps a copy on the start (or
 * on something that stops), and everything that needs such an asset, LOSES_RECOVERY unless it stops anyway.
 * UPSTREAM answers "what does start need" (walking forwards): what it needs (STOPS: its loss stops the
 * start) and where its recovery copies are and what they need (LOSES_RECOVERY). The path is always in
 * walking order and crosses at most one recovery edge. BOTH runs the two walks independently and returns the
 * union, each entry tagged with its direction, so an asset reached both ways appears twice.
 *
 * Rules: breadth-first, so `distance` is the shortest hop count for the entry's effect; ties between equally
 * short chains go to the lexicographically smallest sequence of edge ids. The start is never reported and
 * no asset appears twice in one direction, even on cycles. `effects` says which entries are reported
 * (default STOPS only); `edgeTypes` restricts which edges may be followed; `maxDepth` caps the distance.
 * Output order: by distance, then DOWNSTREAM before UPSTREAM, then by path.
 * Throws `UnknownAssetError` for an unknown start, `RangeError` for a bad `maxDepth`.
 */
export function impact(graph: DependencyGraph, startId: string, opts: ImpactOptions): ImpactEntry[] {
  assertAsset(graph, startId);
  const maxDepth = depthBound(opts.maxDepth);
  const types = typeFilter(opts.edgeTypes);
  const effects = effectSet(opts.effects);
  const directions: ImpactDirection[] =
    opts.direction === "BOTH" ? ["DOWNSTREAM", "UPSTREAM"] : [opts.direction];
  const entries: ImpactEntry[] = [];
  for (const direction of directions) {
    for (const r of bfs(graph, [startId], STEP[direction], maxDepth, types, effects)) {
      entries.push({ assetId: r.assetId, distance: r.distance, direction, effect: r.effect, path: r.path });
    }
  }
  // Stable sort: keeps BFS order within a (distance, direction) group.
  return entries.sort((a, b) => a.distance - b.distance || compareIds(a.direction, b.direction));
}

export interface SiteImpactOptions {
  maxDepth?: number;
  edgeTypes?: readonly string[];
  /** Which effects to report beyond the site's own assets (default: STOPS only). */
  effects?: readonly ImpactEffect[];
}

/**
 * What is hit if a whole site goes: the assets located at the site (`siteId` attribute), at distance 0 with
 * an empty path (they stop), followed by everything DOWNSTREAM of any of them with its effect (STOPS or
 * LOSES_RECOVERY, as in `impact`), each at its shortest distance from the nearest site asset.
 *
 * Rules: a multi-source breadth-first search seeded with the site's assets in id order; `originId` names
 * the site asset a reported path starts from, ties broken as in `impact` (smallest origin id first, then
 * smallest edge ids). Every entry has direction DOWNSTREAM; each asset appears once. A site with no
 * assets (or an unknown site id) gives an empty list. `maxDepth`, `edgeTypes` and `effects` apply to the
 * walk only: the site's own assets are always listed.
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
    effect: "STOPS",
    path: [],
    originId: id,
  }));
  const beyond = bfs(graph, located, "in", maxDepth, typeFilter(opts.edgeTypes), effectSet(opts.effects));
  return [
    ...atSite,
    ...beyond.map((r): SiteImpactEntry => ({
      assetId: r.assetId,
      distance: r.distance,
      direction: "DOWNSTREAM",
      effect: r.effect,
      path: r.path,
      originId: r.originId,
    })),
  ];
}
