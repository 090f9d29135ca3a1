// How the explorer encodes things: colour = organisation (any number of them), shape = asset kind,
// line colour/style = dependency type, halo colour = impact direction. Pure data: the stylesheet,
// the legend and the tests all read it from here.
import { ASSET_KINDS } from "../enums.ts";

/**
 * Hand-picked, colour-blind-friendly organisation colours, chosen to stay apart from the impact halos
 * (red = downstream, blue = upstream). Organisations past these get generated colours.
 */
const ORG_BASE = [
  "#0f8b8d", // teal
  "#e0a030", // amber
  "#7b5ea7", // violet
  "#5b8c2a", // olive green
  "#c2577f", // rose
  "#8c6d46", // brown
  "#4d7ea8", // steel
  "#3d4f5f", // slate
  "#b0862a", // ochre
  "#2f9e6a", // green
];

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

/**
 * The colour of the organisation at `index` (0-based) in the stable, code-ordered list. Past the
 * hand-picked ones, hues step by the golden angle (so neighbours differ most) with alternating
 * lightness; red and blue hues, kept for the impact halos, are nudged aside.
 */
export function orgColour(index: number): string {
  if (index >= 0 && index < ORG_BASE.length) return ORG_BASE[index]!;
  const i = Math.max(0, index - ORG_BASE.length);
  let hue = (i * 137.508 + 20) % 360;
  if (hue < 15 || hue > 345) hue = (hue + 30) % 360; // red
  if (hue > 205 && hue < 235) hue += 40; // blue
  const light = [0.42, 0.55, 0.35][i % 3]!;
  return hslToHex(hue, 0.55, light);
}

/** Colours for organisation codes: their index in `codes` (sorted), else a hash of the code. */
export class OrgPalette {
  private readonly index = new Map<string, number>();
  constructor(codes: readonly string[]) {
    [...new Set(codes)].sort().forEach((c, i) => this.index.set(c, i));
  }
  colour(code: string): string {
    let i = this.index.get(code);
    if (i == null) {
      // Not in the list we were given (e.g. an organisation created since): a stable index past it.
      let hash = 0;
      for (const ch of code) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
      i = this.index.size + (hash % 997);
      this.index.set(code, i);
    }
    return orgColour(i);
  }
  /** The codes known so far, in order. */
  codes(): string[] {
    return [...this.index.entries()].sort((a, b) => a[1] - b[1]).map(([c]) => c);
  }
}

/** A lighter tint of a hex colour (for site boxes): mixes `amount` (0–1) of white in. */
export function tint(hex: string, amount: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  const mix = (v: string) =>
    Math.round(parseInt(v, 16) + (255 - parseInt(v, 16)) * amount)
      .toString(16)
      .padStart(2, "0");
  return `#${mix(m[1]!)}${mix(m[2]!)}${mix(m[3]!)}`;
}

export type Kind = (typeof ASSET_KINDS)[number];

/** Node shape and size per asset kind: infrastructure larger, applications small. */
export const KIND_STYLE: Record<Kind, { shape: string; size: number; label: string }> = {
  NETWORK: { shape: "diamond", size: 40, label: "Network" },
  STORAGE: { shape: "barrel", size: 36, label: "Storage" },
  COMPUTE_CLUSTER: { shape: "hexagon", size: 40, label: "Compute cluster" },
  CLOUD_PLATFORM: { shape: "round-octagon", size: 40, label: "Cloud platform" },
  SERVER: { shape: "round-rectangle", size: 32, label: "Server" },
  DATABASE: { shape: "cut-rectangle", size: 32, label: "Database" },
  APPLICATION: { shape: "ellipse", size: 24, label: "Application" },
  END_USER_SERVICE: { shape: "star", size: 34, label: "End-user service" },
};

/** Infrastructure kinds: the default view (what applications stand on). */
export const INFRASTRUCTURE_KINDS: Kind[] = [
  "NETWORK",
  "STORAGE",
  "COMPUTE_CLUSTER",
  "CLOUD_PLATFORM",
  "SERVER",
  "DATABASE",
];

/** Line per dependency type (schema order). */
export const EDGE_STYLE: Record<
  string,
  { colour: string; line: "solid" | "dashed" | "dotted"; arrow: string; label: string }
> = {
  RUNS_ON: { colour: "#4a5b6c", line: "solid", arrow: "triangle", label: "runs on" },
  HOSTED_IN: { colour: "#8d6e63", line: "solid", arrow: "square", label: "hosted in" },
  STORES_DATA_ON: { colour: "#00838f", line: "solid", arrow: "triangle", label: "stores data on" },
  CONNECTS_TO: { colour: "#6d5a9c", line: "dashed", arrow: "triangle", label: "connects to" },
  DEPENDS_ON: { colour: "#90a0b0", line: "solid", arrow: "triangle", label: "depends on" },
  REPLICATES_TO: { colour: "#2e7d32", line: "dashed", arrow: "vee", label: "replicates to" },
  BACKS_UP_TO: { colour: "#9e7c0c", line: "dotted", arrow: "vee", label: "backs up to" },
  AUTHENTICATES_VIA: { colour: "#b7a3c8", line: "dotted", arrow: "tee", label: "authenticates via" },
};

/** Impact and marker colours. */
export const HIGHLIGHT = {
  downstream: "#d32f2f",
  upstream: "#1e63d6",
  both: "#8e24aa",
  origin: "#f2b705",
  recovery: "#7b3fe4",
  spof: "#111111",
  spofOutline: "#ff8f00",
  cross: "#e91e63",
};
