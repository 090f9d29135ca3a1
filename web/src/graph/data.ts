// Data loading for the graph explorer: every request the page makes, each with its GraphQL text in one
// place. Views never ask for more than the server's `limit`; the caller passes the limit it wants.
import { gql } from "../api.ts";
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

const BRIEF = "id name kind organisation { code }";

const GRAPH = /* GraphQL */ `
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
`;

/** A part of the graph: a filtered view, or the neighbourhood of `filter.around`. */
export async function loadGraph(
  filter: GraphFilterInput,
  limit: number,
  signal?: AbortSignal,
): Promise<GraphViewData> {
  return (await gql<{ graph: GraphViewData }>(GRAPH, { filter, limit }, signal)).graph;
}

const IMPACT = /* GraphQL */ `
  query GraphImpact($id: ID!, $depth: Int) {
    impact(assetId: $id, direction: BOTH, maxDepth: $depth) {
      count
      entries { assetId distance direction asset { ${BRIEF} } }
    }
  }
`;

/** The server's transitive impact of one asset, both ways; `depth` null = no cap. */
export async function loadImpact(
  id: string,
  depth: number | null,
  signal?: AbortSignal,
): Promise<ImpactAnswer> {
  return (await gql<{ impact: ImpactAnswer }>(IMPACT, { id, depth }, signal)).impact;
}

const SITE_IMPACT = /* GraphQL */ `
  query GraphSiteImpact($id: ID!, $depth: Int) {
    siteImpact(siteId: $id, maxDepth: $depth) {
      site { id name kind organisation { code name } }
      count
      entries { assetId distance asset { ${BRIEF} } }
    }
  }
`;

/** Everything lost if the site closes; `depth` null = no cap. */
export async function loadSiteImpact(
  id: string,
  depth: number | null,
  signal?: AbortSignal,
): Promise<SiteImpactAnswer> {
  return (await gql<{ siteImpact: SiteImpactAnswer }>(SITE_IMPACT, { id, depth }, signal)).siteImpact;
}

const SEARCH = /* GraphQL */ `
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
`;

/** Up to ten assets whose name (or subtype, description) contains `q`. */
export async function searchAssets(q: string, signal?: AbortSignal): Promise<AssetSuggestion[]> {
  const d = await gql<{ assets: { edges: { node: AssetSuggestion }[] } }>(SEARCH, { q }, signal);
  return d.assets.edges.map((e) => e.node);
}

const SITES = /* GraphQL */ `
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
`;

/** Sites for the filter panel (the first 500 by name). */
export async function loadSites(signal?: AbortSignal): Promise<SiteOption[]> {
  const d = await gql<{ sites: { edges: { node: SiteOption }[] } }>(SITES, {}, signal);
  return d.sites.edges.map((e) => e.node);
}

const SPOF = /* GraphQL */ `
  query GraphSpof($org: String) {
    singlePointsOfFailure(organisation: $org, limit: 500) {
      analysedCount
      truncated
      entries { count asset { ${BRIEF} } }
    }
  }
`;

/** Single points of failure for one organisation's applications (null = every organisation). */
export async function loadSpof(org: string | null, signal?: AbortSignal): Promise<SpofAnswer> {
  return (await gql<{ singlePointsOfFailure: SpofAnswer }>(SPOF, { org }, signal)).singlePointsOfFailure;
}

const CROSS = /* GraphQL */ `
  query GraphCrossEstate($orgs: [String!]) {
    crossEstateLinks(organisation: $orgs) {
      dependencies { id type source { ${BRIEF} } target { ${BRIEF} } }
      hosting { asset { ${BRIEF} } site { id name organisation { code } } }
    }
  }
`;

/** Dependencies crossing organisations and assets hosted at another organisation's site. */
export async function loadCrossEstate(
  orgs: string[] | null,
  signal?: AbortSignal,
): Promise<CrossEstateAnswer> {
  return (await gql<{ crossEstateLinks: CrossEstateAnswer }>(CROSS, { orgs }, signal)).crossEstateLinks;
}

const EDGES_AMONG = /* GraphQL */ `
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
`;

/**
 * Every dependency among `ids` (hops 0: no other asset joins). Used after adding assets so that their
 * dependencies on what was already drawn appear too; asks for edges only.
 */
export async function loadEdgesAmong(
  ids: string[],
  signal?: AbortSignal,
): Promise<{ truncated: boolean; edges: GraphViewData["edges"] }> {
  const limit = Math.min(Math.max(ids.length, 1), 10_000);
  return (
    await gql<{ graph: { truncated: boolean; edges: GraphViewData["edges"] } }>(
      EDGES_AMONG,
      { filter: { around: ids, hops: 0 }, limit },
      signal,
    )
  ).graph;
}
