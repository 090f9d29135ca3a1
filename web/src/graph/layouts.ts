// Layouts: fCoSE for the overview (force-directed, keeps site boxes compact) and dagre for layered
// dependency views (what needs what, top to bottom or left to right). They run in the layout worker
// (layout-worker.ts, with layout-engines.ts); the page only names them and draws their answers.
import type cytoscape from "cytoscape";

export type LayoutName = "overview" | "layered-tb" | "layered-lr";

export const LAYOUTS: { value: LayoutName; label: string }[] = [
  { value: "overview", label: "Overview (fCoSE)" },
  { value: "layered-tb", label: "Layered, top-down (dagre)" },
  { value: "layered-lr", label: "Layered, left-right (dagre)" },
];

export function isLayoutName(v: string | null): v is LayoutName {
  return LAYOUTS.some((l) => l.value === v);
}

/**
 * Layout options for `name`. `incremental` keeps current positions as the start (after an expansion)
 * so the picture does not jump; big graphs get the draft quality so the page stays responsive.
 */
export function layoutOptions(
  name: LayoutName,
  nodeCount: number,
  incremental = false,
): cytoscape.LayoutOptions {
  const big = nodeCount > 800;
  if (name === "overview") {
    return {
      name: "fcose",
      quality: big ? "draft" : "default",
      randomize: !incremental,
      animate: !big && incremental,
      animationDuration: 400,
      fit: true,
      padding: 30,
      nodeDimensionsIncludeLabels: true,
      uniformNodeDimensions: false,
      packComponents: true,
      // Tuned on the seed estate for compact site boxes that never overlap (labels count as size).
      nodeRepulsion: () => 1200,
      idealEdgeLength: () => 25,
      edgeElasticity: () => 0.45,
      nestingFactor: 0.1,
      nodeSeparation: 20,
      gravity: 1.2,
      gravityRangeCompound: 1,
      gravityCompound: 2.5,
      numIter: big ? 1500 : 2500,
      tile: true,
      tilingPaddingVertical: 12,
      tilingPaddingHorizontal: 12,
    } as cytoscape.LayoutOptions;
  }
  return {
    name: "dagre",
    rankDir: name === "layered-lr" ? "LR" : "TB",
    // Source needs target: sources (applications) rank first, what they stand on below.
    ranker: "network-simplex",
    nodeSep: 18,
    rankSep: name === "layered-lr" ? 90 : 60,
    edgeSep: 6,
    nodeDimensionsIncludeLabels: true,
    fit: true,
    padding: 30,
    animate: !big && incremental,
    animationDuration: 400,
  } as cytoscape.LayoutOptions;
}
