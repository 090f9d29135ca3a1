// Graph analysis for the API: argument rules, and which algorithm answers each question. Impact, site
// impact and the explorer's views run on the compact index (compact.ts); chains, single points of failure
// and cross-estate links run the pure graphology algorithms (paths.ts, spof.ts, cross-estate.ts).
import type { Site } from "../../generated/prisma/client.ts";
import type {
  Criticality as GqlCriticality,
  DependencyType as GqlDependencyType,
  GraphFilter,
  ImpactEffect as GqlImpactEffect,
} from "../../generated/graphql.ts";
import type { Context } from "../shared/context.ts";
import { InputError, NotFoundError } from "../shared/errors.ts";
import { idOf, toGlobalId } from "../shared/ids.ts";
import { organisationByCode, organisationIdsByCodes } from "../organisations/service.ts";
import {
  edgesAmong,
  neighbourhoodOf,
  RECOVERY_MASK,
  stateNode,
  typeMask,
  walk,
  type CompactGraph,
  type Walk,
  type WalkEffects,
} from "./compact.ts";
import { crossEstateLinks as crossEstateEdges, crossSiteHosting } from "./cross-estate.ts";
import { paths } from "./paths.ts";
import { singlePointsOfFailure as spof } from "./spof.ts";
import { graphStore, type GraphSnapshot } from "./store.ts";

/** The default `limit` of `graph` and its ceiling. */
export const GRAPH_LIMIT = { default: 2000, max: 10_000 };
/** Bounds of `paths`. */
export const PATHS_LIMITS = { maxDepth: 20, limit: 1000 };
const MAX_HOPS = 10;

const perRequest = new WeakMap<Context, Promise<GraphSnapshot>>();

/** The current graph, validated against the database once per request (see store.ts). */
export function currentGraph(ctx: Context): Promise<GraphSnapshot> {
  let graph = perRequest.get(ctx);
  if (!graph) perRequest.set(ctx, (graph = graphStore(ctx.prisma).current()));
  return graph;
}

/** The node number of the asset behind a global ID; BAD_INPUT when malformed, NOT_FOUND when unknown. */
function assetNode(g: CompactGraph, globalId: string, field: string): number {
  const node = g.nodeIndex.get(idOf(globalId, "Asset", field));
  if (node === undefined) throw new NotFoundError(field, `no asset has ID ${globalId}.`);
  return node;
}

function depthArg(value: number | null | undefined, field: string, min = 0, max = Infinity): number {
  if (value === null || value === undefined) return max;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(
      field,
      max === Infinity
        ? `must be a whole number ≥ ${min}; omit it for no limit.`
        : `must be a whole number from ${min} to ${max}.`,
    );
  }
  return value;
}

function edgeTypesArg(
  edgeTypes: readonly GqlDependencyType[] | null | undefined,
): readonly string[] | undefined {
  if (!edgeTypes) return undefined;
  if (edgeTypes.length === 0)
    throw new InputError(
      "edgeTypes",
      "must name at least one dependency type; omit it to follow every type.",
    );
  return edgeTypes;
}

/**
 * The effects asked for (default STOPS only). BAD_INPUT for an empty list, and for STOPS alone with
 * `edgeTypes` naming only recovery types (a walk of needs that may follow no need would silently find
 * nothing).
 */
function effectsArg(effects: readonly GqlImpactEffect[] | null | undefined, mask: number): WalkEffects {
  if (effects && effects.length === 0)
    throw new InputError(
      "effects",
      "must name at least one effect (STOPS, LOSES_RECOVERY); omit it for STOPS.",
    );
  const wanted: WalkEffects = {
    stops: !effects || effects.includes("STOPS"),
    losesRecovery: !!effects?.includes("LOSES_RECOVERY"),
  };
  if (!wanted.losesRecovery && (mask & ~RECOVERY_MASK) === 0)
    throw new InputError(
      "edgeTypes",
      "names only recovery types (REPLICATES_TO, BACKS_UP_TO), which STOPS never follows: add a need type, or ask for effects: [LOSES_RECOVERY].",
    );
  return wanted;
}

/** One asset reached by an impact walk, as a walk state; the path is rebuilt from `walk` when asked. */
export interface ImpactHit {
  /** The walk state (see compact.ts `Walk`): the asset, and whether it stops or loses its recovery copy. */
  state: number;
  distance: number;
  direction: "DOWNSTREAM" | "UPSTREAM";
  walk: Walk;
}

/** The answer to `impact`. */
export interface ImpactResult {
  compact: CompactGraph;
  start: number;
  direction: "DOWNSTREAM" | "UPSTREAM" | "BOTH";
  hits: ImpactHit[];
}

/**
 * Everything reached from one asset: breadth-first per direction (impact.ts rules: shortest distance, smallest
 * edge ids on ties, each asset once per direction, cycles harmless, STOPS through needs and LOSES_RECOVERY
 * across one recovery edge), ordered by distance, then DOWNSTREAM before UPSTREAM, then discovery order.
 */
export async function impactOf(
  ctx: Context,
  assetId: string,
  direction: "DOWNSTREAM" | "UPSTREAM" | "BOTH",
  maxDepth?: number | null,
  edgeTypes?: readonly GqlDependencyType[] | null,
  effects?: readonly GqlImpactEffect[] | null,
): Promise<ImpactResult> {
  const depth = depthArg(maxDepth, "maxDepth");
  const mask = typeMask(edgeTypesArg(edgeTypes));
  const wanted = effectsArg(effects, mask);
  const { compact } = await currentGraph(ctx);
  const start = assetNode(compact, assetId, "assetId");
  const runs = (direction === "BOTH" ? (["DOWNSTREAM", "UPSTREAM"] as const) : [direction]).map((d) => ({
    direction: d,
    walk: walk(compact, [start], d === "DOWNSTREAM" ? "in" : "out", depth, mask, wanted),
  }));
  // Each walk lists its states by distance; interleave them level by level, DOWNSTREAM first.
  const hits: ImpactHit[] = [];
  const cursor = runs.map(() => 0);
  for (let d = 1; cursor.some((c, i) => c < runs[i]!.walk.reached.length); d++) {
    runs.forEach(({ direction: dir, walk: w }, i) => {
      for (; cursor[i]! < w.reached.length && w.distance[w.reached[cursor[i]!]!] === d; cursor[i]!++) {
        hits.push({ state: w.reached[cursor[i]!]!, distance: d, direction: dir, walk: w });
      }
    });
  }
  return { compact, start, direction, hits };
}

/** The asset number of an impact hit. */
export function hitNode(hit: ImpactHit): number {
  return stateNode(hit.walk, hit.state);
}

/** The answer to `siteImpact`: the assets at the site first (distance 0), then what their loss hits. */
export interface SiteImpactResult {
  compact: CompactGraph;
  site: Site;
  walk: Walk;
  /** Walk states: the assets located at the site (id order) followed by the states reached from them. */
  states: number[];
}

/** What is hit with a site: impact.ts's `impactOfSite` rules, on the compact index. */
export async function siteImpactOf(
  ctx: Context,
  siteId: string,
  maxDepth?: number | null,
  edgeTypes?: readonly GqlDependencyType[] | null,
  effects?: readonly GqlImpactEffect[] | null,
): Promise<SiteImpactResult> {
  const id = idOf(siteId, "Site", "siteId");
  const depth = depthArg(maxDepth, "maxDepth");
  const mask = typeMask(edgeTypesArg(edgeTypes));
  const wanted = effectsArg(effects, mask);
  const [site, { compact }] = await Promise.all([ctx.loaders.site.load(id), currentGraph(ctx)]);
  if (!site) throw new NotFoundError("siteId", `no site has ID ${siteId}.`);
  const located: number[] = [];
  compact.nodes.forEach((n, i) => n.siteId === id && located.push(i));
  const w = walk(compact, located, "in", depth, mask, wanted);
  return { compact, site, walk: w, states: [...located, ...w.reached] };
}

/** The answer to `paths`, as edge ids. */
export interface ChainsResult {
  compact: CompactGraph;
  fromId: string;
  toId: string;
  chains: string[][];
  truncated: boolean;
}

/** The simple dependency chains by which `from` needs `to` (paths.ts). */
export async function chainsBetween(
  ctx: Context,
  from: string,
  to: string,
  maxDepth: number | null | undefined,
  limit: number | null | undefined,
  edgeTypes?: readonly GqlDependencyType[] | null,
): Promise<ChainsResult> {
  const depth = depthArg(maxDepth ?? 10, "maxDepth", 1, PATHS_LIMITS.maxDepth);
  const most = depthArg(limit ?? 100, "limit", 1, PATHS_LIMITS.limit);
  const types = edgeTypesArg(edgeTypes);
  const snapshot = await currentGraph(ctx);
  const fromNode = assetNode(snapshot.compact, from, "from");
  const toNode = assetNode(snapshot.compact, to, "to");
  const fromId = snapshot.compact.nodes[fromNode]!.id;
  const toId = snapshot.compact.nodes[toNode]!.id;
  const found = paths(snapshot.graph(), fromId, toId, { maxDepth: depth, limit: most, edgeTypes: types });
  return { compact: snapshot.compact, fromId, toId, chains: found.paths, truncated: found.truncated };
}

/** A drawable node: the graph's attributes plus the labels the explorer shows. */
export interface ViewNode {
  id: string;
  name: string;
  subtype: string | null;
  kind: string;
  lifecycle: string;
  criticality: string;
  organisationCode: string;
  siteId: string | null;
  siteName: string | null;
}

/** The answer to `graph`. */
export interface GraphViewResult {
  compact: CompactGraph;
  nodes: ViewNode[];
  /** Edge numbers in the compact index. */
  edges: number[];
  sites: Site[];
  truncated: boolean;
}

/** A predicate on node numbers for the attribute fields of a GraphFilter (undefined when there are none). */
async function attributeFilter(
  ctx: Context,
  g: CompactGraph,
  filter: GraphFilter,
): Promise<((n: number) => boolean) | undefined> {
  const tests: ((n: number) => boolean)[] = [];
  const oneOf = <T>(values: readonly T[] | null | undefined, get: (n: number) => T) => {
    if (!values?.length) return;
    const set = new Set(values);
    tests.push((n) => set.has(get(n)));
  };
  const orgIds = filter.organisation?.length
    ? await organisationIdsByCodes(ctx.prisma, filter.organisation, "filter.organisation")
    : null;
  oneOf(orgIds, (n) => g.nodes[n]!.organisationId);
  oneOf(
    filter.site?.map((s) => idOf(s, "Site", "filter.site")),
    (n) => g.nodes[n]!.siteId,
  );
  oneOf(filter.kind, (n) => g.nodes[n]!.kind);
  oneOf(filter.lifecycle, (n) => g.nodes[n]!.lifecycle);
  oneOf(filter.criticality, (n) => g.nodes[n]!.criticality);
  return tests.length ? (n) => tests.every((t) => t(n)) : undefined;
}

/**
 * Nodes and edges for the explorer. Without `around`: the assets matching the filter, in id order, at most
 * `limit` of them (`truncated` when more match). With `around`: the neighbourhood of those assets within
 * `hops`, walking only through assets that match the other filters (neighbourhood.ts rules otherwise).
 * Edges: every dependency among the nodes. Labels come from one query for the nodes' names and the
 * organisation and site loaders.
 */
export async function graphView(
  ctx: Context,
  filter: GraphFilter | null | undefined,
  limit: number | null | undefined,
): Promise<GraphViewResult> {
  const most = depthArg(limit ?? GRAPH_LIMIT.default, "limit", 1, GRAPH_LIMIT.max);
  const f = filter ?? {};
  const hops = depthArg(f.hops ?? 1, "filter.hops", 0, MAX_HOPS);
  const { compact } = await currentGraph(ctx);
  const include = await attributeFilter(ctx, compact, f);

  let nodes: number[];
  let edges: number[];
  let truncated: boolean;
  if (f.around) {
    if (f.around.length === 0)
      throw new InputError(
        "filter.around",
        "must name at least one asset; omit it to filter the whole estate.",
      );
    const seeds = f.around.map((id) => assetNode(compact, id, "filter.around"));
    ({ nodes, edges, truncated } = neighbourhoodOf(compact, seeds, hops, most, include));
  } else {
    nodes = [];
    truncated = false;
    for (let n = 0; n < compact.nodes.length; n++) {
      if (include && !include(n)) continue;
      if (nodes.length === most) {
        truncated = true;
        break;
      }
      nodes.push(n);
    }
    const inSet = new Uint8Array(compact.nodes.length);
    for (const n of nodes) inSet[n] = 1;
    edges = edgesAmong(compact, nodes, inSet);
  }

  const attrs = nodes.map((n) => compact.nodes[n]!);
  const siteIds = [...new Set(attrs.flatMap((a) => (a.siteId ? [a.siteId] : [])))];
  const orgIds = [...new Set(attrs.map((a) => a.organisationId))];
  const [labels, orgs, sites] = await Promise.all([
    ctx.prisma.asset.findMany({
      where: { id: { in: attrs.map((a) => a.id) } },
      select: { id: true, name: true, subtype: true },
    }),
    ctx.loaders.organisation.loadMany(orgIds),
    ctx.loaders.site.loadMany(siteIds),
  ]);
  const labelOf = new Map(labels.map((l) => [l.id, l]));
  const codeOf = new Map(orgIds.map((id, i) => [id, (orgs[i] as { code: string }).code]));
  const siteRows = sites.filter((s): s is Site => s !== null && !(s instanceof Error));
  const siteOf = new Map(siteRows.map((s) => [s.id, s]));
  return {
    compact,
    nodes: attrs.map((a) => ({
      id: a.id,
      name: labelOf.get(a.id)?.name ?? "",
      subtype: labelOf.get(a.id)?.subtype ?? null,
      kind: a.kind,
      lifecycle: a.lifecycle,
      criticality: a.criticality,
      organisationCode: codeOf.get(a.organisationId) ?? "",
      siteId: a.siteId,
      siteName: a.siteId ? (siteOf.get(a.siteId)?.name ?? null) : null,
    })),
    edges,
    sites: siteRows.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)),
    truncated,
  };
}

/** See `singlePointsOfFailure` for why. */
const SPOF_MODE = "EACH_FOUNDATION";

const RANK: Record<GqlCriticality, number> = { LOW: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 3 };

/** The answer to `singlePointsOfFailure`. */
export interface SpofResult {
  analysedCount: number;
  entries: { assetId: string; takesDown: string[] }[];
  truncated: boolean;
}

/**
 * Single points of failure of the non-retired applications and end-user services of `organisation` (all
 * organisations when omitted) at least `minCriticality`, ranked by how many of them each takes down.
 *
 * Mode: EACH_FOUNDATION (X is a SPOF for A when every chain from A to at least one of A's foundations passes
 * through X). Checked on the seed estate (90 HIGH/CRITICAL applications): it reports 22 assets, led by
 * SCC's internet breakout (48), core network, firewalls and PSN connection (45), the SCC Primary SAN (44)
 * and DCC's equivalents (40–43), the SCC private cloud (37) and DCC's single VMware cluster (31), and does
 * not report the redundant vSphere clusters PROD-A/PROD-B. spof.ts's default ALL_FOUNDATIONS rule (X on
 * every chain to every foundation) treats an application's separate needs (storage, network) as
 * alternatives: it reports only 8 assets and misses both Primary SANs, core networks and firewalls — the
 * failures architects most need to see. The price of EACH_FOUNDATION: redundant assets that end at
 * different foundations are each reported, so redundant pairs should be modelled to converge on one need.
 */
export async function singlePointsOfFailure(
  ctx: Context,
  organisation: string | null | undefined,
  minCriticality: GqlCriticality | null | undefined,
  limit: number | null | undefined,
): Promise<SpofResult> {
  const most = depthArg(limit ?? 100, "limit", 1, GRAPH_LIMIT.max);
  const orgId = organisation ? (await organisationByCode(ctx.prisma, organisation, "organisation")).id : null;
  const min = RANK[minCriticality ?? "HIGH"];
  const snapshot = await currentGraph(ctx);
  const analysed = snapshot.compact.nodes
    .filter(
      (n) =>
        (n.kind === "APPLICATION" || n.kind === "END_USER_SERVICE") &&
        n.lifecycle !== "RETIRED" &&
        RANK[n.criticality] >= min &&
        (orgId === null || n.organisationId === orgId),
    )
    .map((n) => n.id);
  const entries = analysed.length ? spof(snapshot.graph(), { criticalIds: analysed, mode: SPOF_MODE }) : [];
  return {
    analysedCount: analysed.length,
    entries: entries.slice(0, most),
    truncated: entries.length > most,
  };
}

/** The answer to `crossEstateLinks`, as ids. */
export interface CrossEstateResult {
  dependencyIds: string[];
  hosting: { assetId: string; siteId: string }[];
}

/** Dependencies across organisations and assets at another organisation's site (cross-estate.ts). */
export async function crossEstate(
  ctx: Context,
  organisations: readonly string[] | null | undefined,
): Promise<CrossEstateResult> {
  const orgIds = organisations?.length
    ? new Set(await organisationIdsByCodes(ctx.prisma, organisations, "organisation"))
    : null;
  const touches = (...ids: string[]) => orgIds === null || ids.some((id) => orgIds.has(id));
  const [snapshot, sites] = await Promise.all([
    currentGraph(ctx),
    ctx.prisma.site.findMany({ select: { id: true, organisationId: true } }),
  ]);
  const links = crossEstateEdges(snapshot.graph()).filter((l) =>
    touches(l.sourceOrganisationId, l.targetOrganisationId),
  );
  const hosting = crossSiteHosting(snapshot.compact.nodes, new Map(sites.map((s) => [s.id, s]))).filter((h) =>
    touches(h.assetOrganisationId, h.siteOrganisationId),
  );
  return {
    dependencyIds: links.map((l) => l.edgeId),
    hosting: hosting.map((h) => ({ assetId: h.assetId, siteId: h.siteId })),
  };
}

/** The global ID of node `n`. */
export function assetGlobalId(g: CompactGraph, n: number): string {
  return toGlobalId("Asset", g.nodes[n]!.id);
}
