// The layout worker (built to web/dist/layout-worker.js): runs fCoSE or dagre on a headless cytoscape
// copy of the drawing (each asset a box of its drawn size, label included; sites as compound nodes) and
// answers with every asset's position. The page draws the answer with a preset layout, so the main
// thread never computes a layout and stays responsive however long the layout takes.
import cytoscape from "cytoscape";
import { registerLayouts, runSeeded } from "./layout-engines.ts";
import { layoutOptions } from "./layouts.ts";
import type { LayoutAnswer, LayoutRequest } from "./layout-protocol.ts";

registerLayouts();

const STYLE = [
  { selector: "node[w]", style: { width: "data(w)", height: "data(h)" } },
  // A site box: its padding, with room for the title above its assets.
  { selector: "node.site", style: { padding: "14px" } },
];

function layOut(req: LayoutRequest): LayoutAnswer {
  const elements: cytoscape.ElementDefinition[] = [
    ...req.sites.map((id) => ({ group: "nodes" as const, data: { id }, classes: "site" })),
    ...req.nodes.map((n) => ({
      group: "nodes" as const,
      data: { id: n.id, w: n.w, h: n.h, ...(n.parent ? { parent: n.parent } : {}) },
      position: { x: n.x, y: n.y },
    })),
    ...req.edges.map((e) => ({
      group: "edges" as const,
      data: { id: e.id, source: e.source, target: e.target },
    })),
  ];
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements,
    style: STYLE as unknown as cytoscape.StylesheetJson,
  });
  const opts = {
    ...layoutOptions(req.layout, req.nodes.length, req.incremental),
    animate: false,
    fit: false,
    // The sizes sent already include the labels.
    nodeDimensionsIncludeLabels: false,
  } as cytoscape.LayoutOptions;
  runSeeded(cy.layout(opts));
  const positions: LayoutAnswer["positions"] = {};
  for (const n of cy.nodes("[w]")) {
    const p = n.position();
    positions[n.id()] = [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10];
  }
  cy.destroy();
  return { job: req.job, positions };
}

self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  try {
    self.postMessage(layOut(e.data));
  } catch (err) {
    self.postMessage({ job: e.data.job, error: err instanceof Error ? err.message : String(err) });
  }
};
