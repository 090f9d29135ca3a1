// The layout extensions and the seeded run, for the layout worker only (they stay out of the page's
// bundle).
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
