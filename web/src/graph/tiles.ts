// The tile layout: every site a tile, its assets in rows by kind inside it (end-user services and
// applications on top, networks at the bottom: what needs what reads downwards), the tiles packed in
// rows into a rectangle of the canvas's proportions. Linear in the number of assets and deterministic, so it gives the
// first picture of any view at once and is the whole layout of views too big for a force-directed or
// layered layout to finish in reasonable time.
import { KIND_STYLE } from "./palette.ts";

/** One asset to place: its id, the site box it sits in ("" for none), its kind and its size. */
export interface TileNode {
  id: string;
  parent: string;
  kind: string;
  name: string;
  /** Width and height including the label, in model pixels. */
  w: number;
  h: number;
}

/** Kinds from the top of a tile to the bottom. Unknown kinds go last. */
const KIND_ORDER = [
  "END_USER_SERVICE",
  "APPLICATION",
  "DATABASE",
  "SERVER",
  "CLOUD_PLATFORM",
  "COMPUTE_CLUSTER",
  "STORAGE",
  "NETWORK",
];

/** Space between tiles (room for a site's title above its box). */
const GAP = 70;

const kindRank = (k: string) => {
  const i = KIND_ORDER.indexOf(k);
  return i < 0 ? KIND_ORDER.length : i;
};

/**
 * Positions (centres) of every node: tiles packed in rows about `aspect` (width ÷ height) times as wide
 * as tall, assets in a grid inside each tile.
 */
export function tileLayout(
  aspect: number,
  nodes: readonly TileNode[],
): Map<string, { x: number; y: number }> {
  return tileLayoutWithTiles(aspect, nodes).positions;
}

/** A tile's extent (its assets' cells) in model coordinates. */
export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** tileLayout, with each tile's extent by site id ("" for assets at no site). */
export function tileLayoutWithTiles(
  aspect: number,
  nodes: readonly TileNode[],
): { positions: Map<string, { x: number; y: number }>; tiles: Map<string, Rect> } {
  const groups = new Map<string, TileNode[]>();
  for (const n of nodes) {
    const g = groups.get(n.parent);
    if (g) g.push(n);
    else groups.set(n.parent, [n]);
  }
  // Each tile: assets sorted by kind then name, flowed into a grid about 1.6 times wider than tall.
  const tiles = [...groups.entries()].map(([parent, members]) => {
    members.sort(
      (a, b) => kindRank(a.kind) - kindRank(b.kind) || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1),
    );
    const cellW = Math.max(...members.map((m) => m.w)) + 12;
    const cellH = Math.max(...members.map((m) => m.h)) + 12;
    const cols = Math.max(1, Math.ceil(Math.sqrt((members.length * 1.6 * cellH) / cellW)));
    const rows = Math.ceil(members.length / cols);
    return { parent, members, cellW, cellH, cols, w: cols * cellW, h: rows * cellH };
  });
  // Biggest tiles first (then by id: the same view always gets the same picture), packed in shelves.
  tiles.sort((a, b) => b.members.length - a.members.length || (a.parent < b.parent ? -1 : 1));
  const area = tiles.reduce((s, t) => s + (t.w + GAP) * (t.h + GAP), 0);
  const rowWidth = Math.max(tiles[0]?.w ?? 0, Math.sqrt(area * aspect));
  const out = new Map<string, { x: number; y: number }>();
  const rects = new Map<string, Rect>();
  let x = 0;
  let y = 0;
  let shelf = 0;
  for (const t of tiles) {
    if (x > 0 && x + t.w > rowWidth) {
      x = 0;
      y += shelf + GAP;
      shelf = 0;
    }
    t.members.forEach((m, i) => {
      out.set(m.id, {
        x: x + (i % t.cols) * t.cellW + t.cellW / 2,
        y: y + Math.floor(i / t.cols) * t.cellH + t.cellH / 2,
      });
    });
    rects.set(t.parent, { x1: x, y1: y, x2: x + t.w, y2: y + t.h });
    x += t.w + GAP;
    shelf = Math.max(shelf, t.h);
  }
  return { positions: out, tiles: rects };
}

/**
 * The box an asset takes on the canvas, label included, estimated from the stylesheet's rules (font
 * size 10–20 by degree, labels wrapped at 80 px under the shape) instead of measured: measuring every
 * label costs seconds at thousands of nodes, and the layout only needs the room each one takes.
 */
export function drawnSize(kind: string, label: string, degree: number): { w: number; h: number } {
  const size = (KIND_STYLE as Record<string, { size: number } | undefined>)[kind]?.size ?? 32;
  const font = 10 + 10 * Math.min(1, Math.max(0, (degree - 2) / 12));
  const textW = label.length * font * 0.55;
  const lines = Math.min(4, Math.max(1, Math.ceil(textW / 80)));
  return { w: Math.ceil(Math.max(size, Math.min(80, textW))), h: Math.ceil(size + 3 + lines * font * 1.25) };
}
