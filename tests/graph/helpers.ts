// Builders for small hand-made dependency graphs, and a seeded PRNG for generated ones.
import {
  buildDependencyGraph,
  type DependencyGraph,
  type DependencyType,
  type GraphEdge,
  type GraphNode,
} from "../../server/graph/model.ts";

/** An asset with harmless defaults (organisation ORG-A, no site, a MEDIUM SERVER, ACTIVE). */
export function asset(id: string, over: Partial<GraphNode> = {}): GraphNode {
  return {
    id,
    organisationId: "ORG-A",
    siteId: null,
    kind: "SERVER",
    criticality: "MEDIUM",
    lifecycle: "ACTIVE",
    ...over,
  };
}

/** Parses "e1 a RUNS_ON b" into a dependency. */
export function dep(spec: string): GraphEdge {
  const [id, sourceId, type, targetId, ...rest] = spec.trim().split(/\s+/);
  if (!id || !sourceId || !type || !targetId || rest.length > 0) throw new Error(`bad edge spec: ${spec}`);
  return { id, sourceId, targetId, type: type as DependencyType };
}

/** A graph from edge specs; endpoints not given in `nodes` are created with `asset` defaults. */
export function graphOf(edgeSpecs: readonly string[], nodes: readonly GraphNode[] = []): DependencyGraph {
  const edges = edgeSpecs.map(dep);
  const all = new Map(nodes.map((n) => [n.id, n]));
  for (const e of edges) {
    for (const id of [e.sourceId, e.targetId]) if (!all.has(id)) all.set(id, asset(id));
  }
  return buildDependencyGraph([...all.values()], edges);
}

/** Mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES: DependencyType[] = [
  "RUNS_ON",
  "HOSTED_IN",
  "STORES_DATA_ON",
  "CONNECTS_TO",
  "DEPENDS_ON",
  "REPLICATES_TO",
  "BACKS_UP_TO",
  "AUTHENTICATES_VIA",
];

/** A random multigraph (cycles, self-loops and parallel edges all possible), as raw nodes and edges. */
export function randomEstate(
  seed: number,
  nodeCount: number,
  edgeCount: number,
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const rand = prng(seed);
  const pick = (n: number) => Math.floor(rand() * n);
  const nodes = Array.from({ length: nodeCount }, (_, i) =>
    asset(`n${i}`, {
      organisationId: rand() < 0.5 ? "ORG-A" : "ORG-B",
      kind: rand() < 0.3 ? "APPLICATION" : "SERVER",
    }),
  );
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  while (edges.length < edgeCount) {
    const sourceId = `n${pick(nodeCount)}`;
    const targetId = `n${pick(nodeCount)}`;
    const type = TYPES[pick(TYPES.length)]!;
    const key = `${sourceId} ${type} ${targetId}`; // like the database: one edge per (source, target, type)
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ id: `e${String(edges.length).padStart(6, "0")}`, sourceId, targetId, type });
  }
  return { nodes, edges };
}

/** A deterministic Fisher–Yates shuffle (for input-order independence tests). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rand = prng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
