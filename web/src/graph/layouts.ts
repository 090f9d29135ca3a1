// Layouts: fCoSE for the overview (force-directed, keeps site boxes compact) and dagre for layered
// dependency views (what needs what, top to bottom or left to right).
import cytoscape from "cytoscape";
import dagre from "cytoscape-dagre";
import fcose from "cytoscape-fcose";

let registered = false;

/** Registers the layout extensions once. */
export function registerLayouts(): void {
  if (registered) return;
  cytoscape.use(fcose);
  cytoscape.use(dagre);
  registered = true;
}

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

/** mulberry32: a small seeded PRNG. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs a layout with Math.random seeded for the duration of its synchronous part, so the same view
 * always gets the same picture (fCoSE draws random numbers and takes no seed of its own). Animated
 * runs continue after this returns; their remaining steps only interpolate.
 */
export function runSeeded(layout: cytoscape.Layouts, seed = 20261126): void {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    layout.run();
  } finally {
    Math.random = original;
  }
}
