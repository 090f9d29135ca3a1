// The cytoscape stylesheet. Node colour comes from element data (`color`, set from the organisation
// palette when the node is added), so any number of organisations works without new rules.
import type cytoscape from "cytoscape";
import { EDGE_STYLE, HIGHLIGHT, KIND_STYLE } from "./palette.ts";

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

type Block = { selector: string; style: Record<string, unknown> };

/** Builds the stylesheet (cytoscape's typings are narrower than its accepted values; hence the cast). */
export function graphStylesheet(): cytoscape.StylesheetJson {
  const blocks: Block[] = [
    {
      selector: "node",
      style: {
        "background-color": "data(color)",
        "border-width": 1.5,
        "border-color": "#ffffff",
        label: "data(label)",
        "font-family": FONT,
        // Level of detail: hubs (many dependencies in view) get larger labels that stay readable in
        // the overview; the rest appear as you zoom in (min-zoomed-font-size hides unreadable text).
        "font-size": "mapData(degree, 2, 14, 10, 20)",
        color: "#1b2430",
        "text-valign": "bottom",
        "text-halign": "center",
        "text-margin-y": 3,
        "text-wrap": "wrap",
        "text-max-width": "80px",
        "text-outline-color": "#ffffff",
        "text-outline-width": 2,
        "text-outline-opacity": 0.9,
        "min-zoomed-font-size": 6,
        "transition-property": "opacity, underlay-opacity",
        "transition-duration": 150,
      },
    },
    ...Object.entries(KIND_STYLE).map(([kind, s]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { shape: s.shape, width: s.size, height: s.size },
    })),
    {
      selector: 'node[lifecycle = "RETIRED"]',
      style: { "background-opacity": 0.35, "border-style": "dashed", "border-color": "#5b6675" },
    },
    {
      selector:
        'node[lifecycle = "DECOMMISSIONING"], node[lifecycle = "PLANNED"], node[lifecycle = "STAGING"]',
      style: { "border-style": "dashed", "border-color": "#5b6675", "border-width": 2 },
    },
    // Sites: compound nodes around their assets, tinted with the owning organisation's colour.
    {
      selector: "node.site",
      style: {
        shape: "round-rectangle",
        "background-color": "data(bg)",
        "background-opacity": 0.55,
        "border-color": "data(color)",
        "border-width": 2,
        "border-opacity": 0.9,
        label: "data(label)",
        "font-size": 18,
        "font-weight": "bold",
        color: "#1b2430",
        "text-valign": "top",
        "text-halign": "center",
        "text-margin-y": -4,
        "text-wrap": "wrap",
        // Set after each layout from the box's width (see Explorer.fitTitles), so titles of narrow
        // boxes wrap instead of running into their neighbours.
        "text-max-width": "data(titleWidth)",
        "text-outline-width": 0,
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.85,
        "text-background-padding": "3px",
        "text-background-shape": "round-rectangle",
        "min-zoomed-font-size": 4,
        // The title is clickable too: the easiest part of a box to hit.
        "text-events": "yes",
        padding: "6px",
      },
    },
    {
      // Big views: a site is a backdrop behind its assets (an ordinary node the tile layout sizes).
      selector: "node.site.backdrop[w]",
      style: {
        width: "data(w)",
        height: "data(h)",
        "z-compound-depth": "bottom",
        "z-index-compare": "manual",
        "z-index": 0,
      },
    },
    {
      selector: "edge",
      style: {
        width: 1.4,
        "curve-style": "bezier",
        "arrow-scale": 0.8,
        "line-color": "#90a0b0",
        "target-arrow-color": "#90a0b0",
        "target-arrow-shape": "triangle",
        opacity: 0.85,
      },
    },
    ...Object.entries(EDGE_STYLE).map(([type, s]) => ({
      selector: `edge[type = "${type}"]`,
      style: {
        "line-color": s.colour,
        "target-arrow-color": s.colour,
        "line-style": s.line,
        "target-arrow-shape": s.arrow,
      },
    })),
    {
      selector: "edge.fast",
      style: { "curve-style": "haystack", "haystack-radius": 0, "target-arrow-shape": "none" },
    },
    // Markers: single points of failure and links across estates.
    {
      // A thick black ring with an orange outline: visible at any zoom, on any organisation's colour.
      selector: "node.spof",
      style: {
        "border-width": 5,
        "border-style": "solid",
        "border-color": HIGHLIGHT.spof,
        "outline-width": 4,
        "outline-color": HIGHLIGHT.spofOutline,
        "outline-opacity": 1,
        "z-index": 12,
      },
    },
    {
      selector: "node.cross-hosted",
      style: { "border-width": 3, "border-style": "solid", "border-color": HIGHLIGHT.cross },
    },
    {
      selector: "edge.cross-estate",
      style: {
        width: 4,
        "line-color": HIGHLIGHT.cross,
        "target-arrow-color": HIGHLIGHT.cross,
        "line-style": "solid",
        opacity: 1,
        "z-index": 20,
      },
    },
    // Impact: the rest fades, impacted assets get a halo in their direction's colour.
    { selector: "node.faded", style: { opacity: 0.18 } },
    { selector: "edge.faded", style: { opacity: 0.07 } },
    {
      // A faded site must not fade its highlighted children (opacity is inherited): fade only its own paint.
      selector: "node.site.faded",
      style: { opacity: 1, "background-opacity": 0.12, "border-opacity": 0.25, "text-opacity": 0.45 },
    },
    ...(
      [
        ["impact-down", HIGHLIGHT.downstream],
        ["impact-up", HIGHLIGHT.upstream],
        ["impact-both", HIGHLIGHT.both],
        ["impact-origin", HIGHLIGHT.origin],
      ] as const
    ).map(([cls, colour]) => ({
      selector: `node.${cls}`,
      style: {
        "underlay-color": colour,
        "underlay-padding": cls === "impact-origin" ? 9 : 6,
        "underlay-opacity": 0.55,
        "underlay-shape": "ellipse",
        "border-color": colour,
        "border-width": 3,
        "font-weight": "bold",
        "z-index": 10,
      },
    })),
    {
      // Only loses its recovery copy: runs on, unprotected. A dashed ring, not a filled halo.
      selector: "node.impact-recovery",
      style: {
        "border-color": HIGHLIGHT.recovery,
        "border-width": 4,
        "border-style": "dashed",
        "underlay-color": HIGHLIGHT.recovery,
        "underlay-padding": 5,
        "underlay-opacity": 0.22,
        "underlay-shape": "ellipse",
        "z-index": 8,
      },
    },
    {
      selector: "edge.impact-recovery-edge",
      style: {
        "line-color": HIGHLIGHT.recovery,
        "target-arrow-color": HIGHLIGHT.recovery,
        "line-style": "dashed",
        width: 2.5,
        opacity: 0.95,
        "z-index": 8,
      },
    },
    {
      selector: "node.site.impact-site",
      style: {
        "border-color": HIGHLIGHT.downstream,
        "border-width": 4,
        "border-opacity": 1,
        "text-opacity": 1,
      },
    },
    ...(
      [
        ["impact-down-edge", HIGHLIGHT.downstream],
        ["impact-up-edge", HIGHLIGHT.upstream],
      ] as const
    ).map(([cls, colour]) => ({
      selector: `edge.${cls}`,
      style: {
        "line-color": colour,
        "target-arrow-color": colour,
        width: 2.5,
        opacity: 0.95,
        "z-index": 9,
      },
    })),
    {
      selector: "node:selected",
      style: {
        "underlay-color": HIGHLIGHT.origin,
        "underlay-padding": 9,
        "underlay-opacity": 0.8,
        "underlay-shape": "ellipse",
        "border-color": "#7a5c00",
        "border-width": 3,
      },
    },
    {
      selector: "node.site:selected",
      style: { "underlay-opacity": 0, "border-color": HIGHLIGHT.downstream, "border-width": 4 },
    },
  ];
  return blocks as unknown as cytoscape.StylesheetJson;
}
