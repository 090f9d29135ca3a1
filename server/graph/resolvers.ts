// Graph queries: thin resolvers over service.ts. Results carry node and edge numbers of the compact index;
// here they become GraphQL objects with global IDs, and every Asset, Site and Dependency a client asks for
// is fetched through the per-request DataLoaders (one query per type however many entries there are).
// Fields that cost a read (`asset`, `dependency`, `path`) are getters, so nothing is read unless asked for.
import type { Resolvers, ResolversTypes } from "../../generated/graphql.ts";
import type { Asset } from "../../generated/prisma/client.ts";
import type { Context } from "../shared/context.ts";
import { NotFoundError } from "../shared/errors.ts";
import { toGlobalId } from "../shared/ids.ts";
import {
  DEPENDENCY_TYPES,
  edgeNumber,
  originOf,
  pathTo,
  stateEffect,
  stateNode,
  type CompactGraph,
  type Walk,
} from "./compact.ts";
import { graphLoaders } from "./loaders.ts";
import {
  chainsBetween,
  crossEstate,
  graphView,
  impactOf,
  siteImpactOf,
  singlePointsOfFailure,
} from "./service.ts";

type Gql<T extends keyof ResolversTypes> = Awaited<ResolversTypes[T]>;

/** The asset row with this id; NOT_FOUND if it vanished since the graph was read. */
async function assetRow(ctx: Context, id: string): Promise<Asset> {
  const row = await ctx.loaders.asset.load(id);
  if (!row) throw new NotFoundError("id", `asset ${toGlobalId("Asset", id)} no longer exists; ask again.`);
  return row;
}

/** Edge `e` of the compact index as a GraphEdge (prototype getters: one small object per edge). */
class EdgeView {
  constructor(
    private readonly ctx: Context,
    private readonly g: CompactGraph,
    private readonly e: number,
  ) {}
  get id() {
    return toGlobalId("Dependency", this.g.edgeIds[this.e]!);
  }
  get source() {
    return toGlobalId("Asset", this.g.nodes[this.g.edgeSource[this.e]!]!.id);
  }
  get target() {
    return toGlobalId("Asset", this.g.nodes[this.g.edgeTarget[this.e]!]!.id);
  }
  get type() {
    return DEPENDENCY_TYPES[this.g.edgeType[this.e]!]!;
  }
  get dependency() {
    const id = this.g.edgeIds[this.e]!;
    return graphLoaders(this.ctx)
      .dependency.load(id)
      .then((d) => {
        if (!d)
          throw new NotFoundError(
            "id",
            `dependency ${toGlobalId("Dependency", id)} no longer exists; ask again.`,
          );
        return d;
      });
  }
}

/** One entry of `impact` or `siteImpact`: walk state `state` (an asset and its effect) as reached by `walk`. */
class WalkEntryView {
  constructor(
    private readonly ctx: Context,
    private readonly g: CompactGraph,
    private readonly walk: Walk,
    private readonly state: number,
    readonly direction: "DOWNSTREAM" | "UPSTREAM",
  ) {}
  get assetId() {
    return toGlobalId("Asset", this.g.nodes[stateNode(this.walk, this.state)]!.id);
  }
  get distance() {
    return this.walk.distance[this.state]!;
  }
  get effect() {
    return stateEffect(this.walk, this.state);
  }
  get asset() {
    return assetRow(this.ctx, this.g.nodes[stateNode(this.walk, this.state)]!.id);
  }
  get origin() {
    return assetRow(this.ctx, this.g.nodes[originOf(this.g, this.walk, this.state)]!.id);
  }
  get path() {
    return pathTo(this.g, this.walk, this.state).map((e) => new EdgeView(this.ctx, this.g, e));
  }
}

/** Resolvers for the graph domain. */
export const graphResolvers: Resolvers = {
  Query: {
    impact: async (_p, { assetId, direction, maxDepth, edgeTypes, effects }, ctx) => {
      const r = await impactOf(ctx, assetId, direction ?? "DOWNSTREAM", maxDepth, edgeTypes, effects);
      const g = r.compact;
      return {
        direction: r.direction,
        count: r.hits.length,
        get asset() {
          return assetRow(ctx, g.nodes[r.start]!.id);
        },
        entries: r.hits.map((h) => new WalkEntryView(ctx, g, h.walk, h.state, h.direction)),
      };
    },
    siteImpact: async (_p, { siteId, maxDepth, edgeTypes, effects }, ctx) => {
      const r = await siteImpactOf(ctx, siteId, maxDepth, edgeTypes, effects);
      const g = r.compact;
      return {
        site: r.site,
        count: r.states.length,
        entries: r.states.map((s) => new WalkEntryView(ctx, g, r.walk, s, "DOWNSTREAM")),
      };
    },
    paths: async (_p, { from, to, maxDepth, limit, edgeTypes }, ctx) => {
      const r = await chainsBetween(ctx, from, to, maxDepth, limit, edgeTypes);
      const g = r.compact;
      return {
        get from() {
          return assetRow(ctx, r.fromId);
        },
        get to() {
          return assetRow(ctx, r.toId);
        },
        truncated: r.truncated,
        chains: r.chains.map((chain) => {
          const edges = chain.map((id) => edgeNumber(g, id));
          return {
            length: edges.length,
            edges: edges.map((e) => new EdgeView(ctx, g, e)),
            get assets() {
              return [r.fromId, ...edges.map((e) => g.nodes[g.edgeTarget[e]!]!.id)].map((id) =>
                assetRow(ctx, id),
              );
            },
          };
        }),
      };
    },
    graph: async (_p, { filter, limit }, ctx) => {
      const r = await graphView(ctx, filter, limit);
      return {
        truncated: r.truncated,
        sites: r.sites,
        edges: r.edges.map((e) => new EdgeView(ctx, r.compact, e)),
        nodes: r.nodes.map((n) => ({
          ...n,
          id: toGlobalId("Asset", n.id),
          kind: n.kind as Gql<"AssetKind">,
          lifecycle: n.lifecycle as Gql<"Lifecycle">,
          criticality: n.criticality as Gql<"Criticality">,
          siteId: n.siteId && toGlobalId("Site", n.siteId),
          get asset() {
            return assetRow(ctx, n.id);
          },
        })),
      };
    },
    singlePointsOfFailure: async (_p, { organisation, minCriticality, limit }, ctx) => {
      const r = await singlePointsOfFailure(ctx, organisation, minCriticality, limit);
      return {
        analysedCount: r.analysedCount,
        truncated: r.truncated,
        entries: r.entries.map((e) => ({
          count: e.takesDown.length,
          get asset() {
            return assetRow(ctx, e.assetId);
          },
          get takesDown() {
            return e.takesDown.map((id) => assetRow(ctx, id));
          },
        })),
      };
    },
    crossEstateLinks: async (_p, { organisation }, ctx) => {
      const r = await crossEstate(ctx, organisation);
      const loaders = graphLoaders(ctx);
      return {
        get dependencies() {
          return r.dependencyIds.map(async (id) => (await loaders.dependency.load(id))!);
        },
        hosting: r.hosting.map((h) => ({
          get asset() {
            return assetRow(ctx, h.assetId);
          },
          get site() {
            return ctx.loaders.site.load(h.siteId).then((s) => s!);
          },
        })),
      };
    },
  },
};
