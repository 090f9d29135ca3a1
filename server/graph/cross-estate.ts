// Where the two councils' estates touch: dependencies across organisations, and assets hosted on another's site.
import { compareIds, type DependencyGraph, type DependencyType, type GraphNode } from "./model.ts";

export interface CrossEstateLink {
  edgeId: string;
  type: DependencyType;
  sourceId: string;
  targetId: string;
  sourceOrganisationId: string;
  targetOrganisationId: string;
}

/**
 * Every dependency whose source and target assets belong to different organisations (e.g. a Durham
 * application authenticating via Sunderland's directory). Each parallel edge is reported on its own.
 * Self-loops never qualify. Output is in edge-id order.
 */
export function crossEstateLinks(graph: DependencyGraph): CrossEstateLink[] {
  const links: CrossEstateLink[] = [];
  graph.forEachEdge((edgeId, attrs, sourceId, targetId, sourceAttrs, targetAttrs) => {
    if (sourceAttrs.organisationId === targetAttrs.organisationId) return;
    links.push({
      edgeId,
      type: attrs.type,
      sourceId,
      targetId,
      sourceOrganisationId: sourceAttrs.organisationId,
      targetOrganisationId: targetAttrs.organisationId,
    });
  });
  return links.sort((a, b) => compareIds(a.edgeId, b.edgeId));
}

export interface SiteOwner {
  organisationId: string;
}

export interface CrossSiteHosting {
  assetId: string;
  assetOrganisationId: string;
  siteId: string;
  siteOrganisationId: string;
}

/**
 * Assets located at a site owned by a different organisation from the asset's own (e.g. Durham's racks in
 * Sunderland's data centre). Assets without a site, and assets whose site is not in `sitesById`, are not
 * reported (there is nothing to compare). Output is in asset-id order.
 */
export function crossSiteHosting(
  nodes: Iterable<Pick<GraphNode, "id" | "organisationId" | "siteId">>,
  sitesById: ReadonlyMap<string, SiteOwner> | Readonly<Record<string, SiteOwner>>,
): CrossSiteHosting[] {
  const siteOf = (id: string): SiteOwner | undefined =>
    sitesById instanceof Map
      ? (sitesById as ReadonlyMap<string, SiteOwner>).get(id)
      : Object.hasOwn(sitesById, id)
        ? (sitesById as Readonly<Record<string, SiteOwner>>)[id]
        : undefined;
  const found: CrossSiteHosting[] = [];
  for (const node of nodes) {
    if (node.siteId === null) continue;
    const site = siteOf(node.siteId);
    if (!site || site.organisationId === node.organisationId) continue;
    found.push({
      assetId: node.id,
      assetOrganisationId: node.organisationId,
      siteId: node.siteId,
      siteOrganisationId: site.organisationId,
    });
  }
  return found.sort((a, b) => compareIds(a.assetId, b.assetId));
}
