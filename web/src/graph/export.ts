// Export of the current view: PNG (cytoscape's renderer) and GraphML for yEd and Gephi. The GraphML
// serializer is pure (no DOM) so it is tested on its own; every value is XML-escaped and characters
// XML 1.0 cannot carry are dropped.
import { todayIso } from "../dates.ts";
import type cytoscape from "cytoscape";

/** A node as exported. */
export interface ExportNode {
  id: string;
  name: string;
  kind: string;
  organisation: string;
  site: string | null;
  lifecycle: string;
  criticality: string;
}

/** An edge as exported. */
export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}

// Anything outside XML 1.0's Char production (control characters, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for an XML attribute value or element content. */
export function xmlEscape(value: string): string {
  return value
    .replace(NOT_XML_CHAR, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Node keys (id, attr.name): `label` repeats the name because Gephi labels nodes from it. */
const NODE_KEYS = [
  ["name", "name"],
  ["label", "label"],
  ["kind", "kind"],
  ["organisation", "organisation"],
  ["site", "site"],
  ["lifecycle", "lifecycle"],
  ["criticality", "criticality"],
] as const;

/** A GraphML document (directed graph) with the nodes and edges given. */
export function toGraphML(nodes: ExportNode[], edges: ExportEdge[], graphId = "converge"): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"',
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [id, name] of NODE_KEYS) {
    out.push(`  <key id="${id}" for="node" attr.name="${name}" attr.type="string"/>`);
  }
  out.push('  <key id="type" for="edge" attr.name="type" attr.type="string"/>');
  out.push(`  <graph id="${xmlEscape(graphId)}" edgedefault="directed">`);
  const ids = new Set<string>();
  for (const n of nodes) {
    ids.add(n.id);
    const values: Record<(typeof NODE_KEYS)[number][0], string | null> = {
      name: n.name,
      label: n.name,
      kind: n.kind,
      organisation: n.organisation,
      site: n.site,
      lifecycle: n.lifecycle,
      criticality: n.criticality,
    };
    out.push(`    <node id="${xmlEscape(n.id)}">`);
    for (const [key] of NODE_KEYS) {
      const v = values[key];
      if (v != null) out.push(`      <data key="${key}">${xmlEscape(v)}</data>`);
    }
    out.push("    </node>");
  }
  for (const e of edges) {
    // An edge must join declared nodes; the caller passes only drawn edges, but never emit a dangling one.
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    out.push(
      `    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">`,
      `      <data key="type">${xmlEscape(e.type)}</data>`,
      "    </edge>",
    );
  }
  out.push("  </graph>", "</graphml>", "");
  return out.join("\n");
}

/** The drawn assets and dependencies of `cy` as export rows (site boxes become the `site` value). */
export function viewForExport(cy: cytoscape.Core): { nodes: ExportNode[]; edges: ExportEdge[] } {
  const nodes = cy.nodes(".asset").map((n) => ({
    id: n.id(),
    name: String(n.data("name")),
    kind: String(n.data("kind")),
    organisation: String(n.data("organisationCode")),
    site: (n.data("siteName") as string | null) ?? null,
    lifecycle: String(n.data("lifecycle")),
    criticality: String(n.data("criticality")),
  }));
  const edges = cy.edges().map((e) => ({
    id: e.id(),
    source: String(e.data("source")),
    target: String(e.data("target")),
    type: String(e.data("type")),
  }));
  return { nodes, edges };
}

/** Offers `blob` as a download called `filename`. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** "converge-graph-2026-11-26.ext". */
export function exportFilename(ext: string): string {
  return `converge-graph-${todayIso()}.${ext}`;
}

/** Downloads the whole drawn graph as a PNG (2× scale, white background, capped in size). */
export function exportPng(cy: cytoscape.Core): void {
  const blob = cy.png({
    output: "blob",
    full: true,
    scale: 2,
    bg: "#ffffff",
    maxWidth: 6000,
    maxHeight: 6000,
  });
  downloadBlob(exportFilename("png"), blob);
}

/** Downloads the drawn graph as GraphML. */
export function exportGraphML(cy: cytoscape.Core): void {
  const { nodes, edges } = viewForExport(cy);
  downloadBlob(
    exportFilename("graphml"),
    new Blob([toGraphML(nodes, edges)], { type: "application/graphml+xml" }),
  );
}
