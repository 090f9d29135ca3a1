// Putting GraphView answers into cytoscape: sites become compound nodes around their assets, answers
// merge into what is drawn (an expansion adds, it never duplicates), and every element keeps the
// fields the side panel, the export and the filters need in its data.
import type cytoscape from "cytoscape";
import { tint, type OrgPalette } from "./palette.ts";
import type { GEdge, GNode, GraphViewData, GSite } from "./types.ts";

/** Data of an asset node. */
export interface AssetData extends GNode {
  label: string;
  color: string;
  parent?: string;
  /** Dependencies drawn (sizes the label); 0 until the explorer counts them after a change. */
  degree: number;
}

/** Data of a site (compound) node. */
export interface SiteData {
  id: string;
  label: string;
  name: string;
  siteKind: string;
  organisationCode: string;
  color: string;
  bg: string;
  /** Wrapping width of the title, in model pixels. */
  titleWidth: number;
}

/** What a merge added. */
export interface MergeResult {
  nodes: string[];
  edges: string[];
  /** Assets the answer had that were not added because the drawing cap was reached. */
  skipped: number;
}

function siteElement(site: GSite, palette: OrgPalette, flat: boolean): cytoscape.ElementDefinition {
  const colour = palette.colour(site.organisation.code);
  const data: SiteData = {
    id: site.id,
    label: `${site.name} · ${site.organisation.code}`,
    name: site.name,
    siteKind: site.kind,
    organisationCode: site.organisation.code,
    color: colour,
    bg: tint(colour, 0.85),
    titleWidth: 240,
    // A backdrop's size is set when the tile layout places it.
    ...(flat ? { w: 1, h: 1 } : {}),
  };
  return flat
    ? {
        group: "nodes",
        data: data as unknown as cytoscape.NodeDataDefinition,
        classes: "site backdrop",
        grabbable: false,
      }
    : { group: "nodes", data: data as unknown as cytoscape.NodeDataDefinition, classes: "site" };
}

/**
 * The label drawn for an asset: its name, less a trailing "(Place)" when the asset is drawn inside the
 * box of a site whose name contains that place ("SCC Primary SAN (Doxford)" in "Sunderland Data Centre
 * (Doxford)" → "SCC Primary SAN"). The box already says where; the full name is in the side panel.
 */
export function shortLabel(name: string, siteName: string | null): string {
  const m = /^(.*\S)\s*\(([^()]+)\)$/.exec(name);
  if (!m || !siteName) return name;
  return siteName.toLowerCase().includes(m[2]!.toLowerCase()) ? m[1]! : name;
}

function assetElement(
  node: GNode,
  palette: OrgPalette,
  hasSite: boolean,
  degree: number,
  flat: boolean,
): cytoscape.ElementDefinition {
  const data: AssetData = {
    ...node,
    label: hasSite ? shortLabel(node.name, node.siteName) : node.name,
    color: palette.colour(node.organisationCode),
    // Set before the element is added: a mapped style over a missing field makes cytoscape warn, and
    // changing it afterwards restyles the node (slow over thousands).
    degree,
    ...(hasSite && node.siteId && !flat ? { parent: node.siteId } : {}),
  };
  return { group: "nodes", data: data as unknown as cytoscape.NodeDataDefinition, classes: "asset" };
}

function edgeElement(edge: GEdge): cytoscape.ElementDefinition {
  return { group: "edges", data: { ...edge } };
}

/** Two numbers in [0, 1) derived from a string (FNV-1a), stable across runs. */
function jitter(id: string): [number, number] {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  const h2 = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  return [h / 4294967296, h2 / 4294967296];
}

/**
 * Adds what `view` has and `cy` lacks. `flat` (views of thousands): sites are drawn as backdrops behind
 * their assets (ordinary nodes the tile layout sizes) instead of compound parents, whose upkeep costs
 * cytoscape seconds at that scale. At most `room` new assets are added (the drawing cap); their
 * edges come along when both ends are drawn. New nodes start at `near` (e.g. the expanded node) so an
 * incremental layout grows the picture from there.
 */
export function mergeView(
  cy: cytoscape.Core,
  view: GraphViewData,
  palette: OrgPalette,
  room: number,
  near?: cytoscape.Position,
  flat = false,
): MergeResult {
  const result: MergeResult = { nodes: [], edges: [], skipped: 0 };
  const sites = new Map(view.sites.map((s) => [s.id, s]));
  const elements: cytoscape.ElementDefinition[] = [];
  const newSites = new Set<string>();
  const drawn = new Set<string>();
  // Dependencies per asset in this answer: the degree a new node starts with.
  const degree = new Map<string, number>();
  for (const e of view.edges)
    for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  for (const node of view.nodes) {
    if (cy.getElementById(node.id).nonempty()) {
      drawn.add(node.id);
      continue;
    }
    if (result.nodes.length >= room) {
      result.skipped++;
      continue;
    }
    const site = node.siteId ? sites.get(node.siteId) : undefined;
    if (site && cy.getElementById(site.id).empty() && !newSites.has(site.id)) {
      newSites.add(site.id);
      elements.push(siteElement(site, palette, flat));
    }
    const el = assetElement(
      node,
      palette,
      site != null || (node.siteId != null && cy.getElementById(node.siteId).nonempty()),
      degree.get(node.id) ?? 0,
      flat,
    );
    // A start position for every new node (never all at one point, which cytoscape cannot draw edges
    // between): around `near` for an expansion, else spread over a square the layout then tidies.
    // Pseudo-random from the id, so the same view always starts (and ends) the same way.
    const spread = near ? 80 : Math.sqrt(view.nodes.length) * 60;
    const centre = near ?? { x: 0, y: 0 };
    const [rx, ry] = jitter(node.id);
    el.position = { x: centre.x + (rx - 0.5) * spread, y: centre.y + (ry - 0.5) * spread };
    elements.push(el);
    result.nodes.push(node.id);
    drawn.add(node.id);
  }
  for (const edge of view.edges) {
    if (cy.getElementById(edge.id).nonempty()) continue;
    const ends = (id: string) => drawn.has(id) || cy.getElementById(id).nonempty();
    if (!ends(edge.source) || !ends(edge.target)) continue;
    elements.push(edgeElement(edge));
    result.edges.push(edge.id);
  }
  if (elements.length) cy.add(elements);
  return result;
}

/** The drawn assets (not the site boxes). */
export function assetNodes(cy: cytoscape.Core): cytoscape.NodeCollection {
  return cy.nodes(".asset");
}

/** The drawn asset ids. */
export function drawnAssetIds(cy: cytoscape.Core): Set<string> {
  return new Set(assetNodes(cy).map((n) => n.id()));
}

/** Removes site boxes that no longer hold any asset (a backdrop: no drawn asset located there). */
export function pruneEmptySites(cy: cytoscape.Core): void {
  const backed = new Set(assetNodes(cy).map((n) => n.data("siteId") as string | null));
  cy.nodes(".site")
    .filter((s) => (s.hasClass("backdrop") ? !backed.has(s.id()) : s.children().empty()))
    .remove();
}
