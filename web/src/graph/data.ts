// Data loading for the graph explorer: every request the page makes, each with its GraphQL text in one
// place. Views never ask for more than the server's `limit`; the caller passes the limit it wants.
import { graphql } from "../graphql.ts";
import { gql } from "../api.ts";
import type { ImpactEffect } from "../graphql.ts";
import type {
  AssetSuggestion,
  CrossEstateAnswer,
  GraphFilterInput,
  GraphViewData,
  ImpactAnswer,
  SiteImpactAnswer,
  SiteOption,
  SpofAnswer,
} from "./types.ts";

/** Nodes asked for by a filtered view (the estate overview). */
export const VIEW_LIMIT = 800;
/** Nodes asked for when expanding one asset's neighbourhood or adding impacted assets. */
export const EXPAND_LIMIT = 400;
/** Most nodes ever drawn at once: expansions beyond it are refused with a notice. */
export const MAX_DRAWN = 3000;

graphql(`
  fragment GraphAssetBrief on Asset {
    id
    name
    kind
    organisation {
      code
    }
  }
`);

const GRAPH = graphql(`
  query GraphView($filter: GraphFilter, $limit: Int) {
    graph(filter: $filter, limit: $limit) {
      truncated
      nodes {
        id
        name
        kind
        subtype
        lifecycle
        criticality
        organisationCode
        siteId
        siteName
      }
      edges {
        id
        source
        target
        type
      }
      sites {
        id
        name
        kind
        organisation {
          code
        }
      }
    }
  }
`);

/** A part of the graph: a filtered view, or the neighbourhood of `filter.around`. */
export async function loadGraph(
  filter: GraphFilterInput,
  limit: number,
  signal?: AbortSignal,
): Promise<GraphViewData> {
  return (await gql(GRAPH, { filter, limit }, signal)).graph;
}

const IMPACT = graphql(`
  query GraphImpact($id: ID!, $depth: Int, $effects: [ImpactEffect!]) {
    impact(assetId: $id, direction: BOTH, maxDepth: $depth, effects: $effects) {
      count
      entries {
        assetId
        distance
        direction
        effect
        asset {
          ...GraphAssetBrief
        }
      }
    }
  }
`);

/**
 * The server's transitive impact of one asset, both ways; `depth` null = no cap. `effects`: what
 * stops only (through needs), or also what loses its recovery copy (across REPLICATES_TO/BACKS_UP_TO).
 */
export async function loadImpact(
  id: string,
  depth: number | null,
  effects: ImpactEffect[],
  signal?: AbortSignal,
): Promise<ImpactAnswer> {
  return (await gql(IMPACT, { id, depth, effects }, signal)).impact;
}

const SITE_IMPACT = graphql(`
  query GraphSiteImpact($id: ID!, $depth: Int, $effects: [ImpactEffect!]) {
    siteImpact(siteId: $id, maxDepth: $depth, effects: $effects) {
      site {
        id
        name
        kind
        organisation {
          code
          name
        }
      }
      count
      entries {
        assetId
        distance
        effect
        asset {
          ...GraphAssetBrief
        }
      }
    }
  }
`);

/** Everything hit if the site closes (`effects` as for loadImpact); `depth` null = no cap. */
export async function loadSiteImpact(
  id: string,
  depth: number | null,
  effects: ImpactEffect[],
  signal?: AbortSignal,
): Promise<SiteImpactAnswer> {
  return (await gql(SITE_IMPACT, { id, depth, effects }, signal)).siteImpact;
}

const SEARCH = graphql(`
  query GraphSearch($q: String!) {
    assets(filter: { search: $q }, first: 10) {
      edges {
        node {
          id
          name
          kind
          organisation {
            code
          }
          site {
            name
          }
        }
      }
    }
  }
`);

/** Up to ten assets whose name (or subtype, description) contains `q`. */
export async function searchAssets(q: string, signal?: AbortSignal): Promise<AssetSuggestion[]> {
  const d = await gql(SEARCH, { q }, signal);
  return d.assets.edges.map((e) => e.node);
}

const SITES = graphql(`
  query GraphSites {
    sites(first: 500) {
      edges {
        node {
          id
          name
          organisation {
            code
          }
        }
      }
    }
  }
`);

/** Sites for the filter panel (the first 500 by name). */
export async function loadSites(signal?: AbortSignal): Promise<SiteOption[]> {
  const d = await gql(SITES, {}, signal);
  return d.sites.edges.map((e) => e.node);
}

const SPOF = graphql(`
  query GraphSpof($org: String) {
    singlePointsOfFailure(organisation: $org, limit: 500) {
      analysedCount
      truncated
      entries {
        count
        asset {
          ...GraphAssetBrief
        }
        takesDown {
          id
          organisation {
            code
          }
        }
      }
    }
  }
`);

/** Single points of failure for one organisation's applications (null = every organisation). */
export async function loadSpof(org: string | null, signal?: AbortSignal): Promise<SpofAnswer> {
  return (await gql(SPOF, { org }, signal)).singlePointsOfFailure;
}

const CROSS = graphql(`
  query GraphCrossEstate($orgs: [String!]) {
    crossEstateLinks(organisation: $orgs) {
      dependencies {
        id
        type
        source {
          ...GraphAssetBrief
        }
        target {
          ...GraphAssetBrief
        }
      }
      hosting {
        asset {
          ...GraphAssetBrief
        }
        site {
          id
          name
          organisation {
            code
          }
        }
      }
    }
  }
`);

/** Dependencies crossing organisations and assets hosted at another organisation's site. */
export async function loadCrossEstate(
  orgs: string[] | null,
  signal?: AbortSignal,
): Promise<CrossEstateAnswer> {
  return (await gql(CROSS, { orgs }, signal)).crossEstateLinks;
}

const EDGES_AMONG = graphql(`
  query GraphEdgesAmong($filter: GraphFilter, $limit: Int) {
    graph(filter: $filter, limit: $limit) {
      truncated
      edges {
        id
        source
        target
        type
      }
    }
  }
`);

/**
 * Every dependency among `ids` (hops 0: no other asset joins). Used after adding assets so that their
 * dependencies on what was already drawn appear too; asks for edges only.
 */
export async function loadEdgesAmong(
  ids: string[],
  signal?: AbortSignal,
): Promise<{ truncated: boolean; edges: GraphViewData["edges"] }> {
  const limit = Math.min(Math.max(ids.length, 1), 10_000);
  return (await gql(EDGES_AMONG, { filter: { around: ids, hops: 0 }, limit }, signal)).graph;
}
