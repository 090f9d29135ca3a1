// The legend: organisation colours, kind shapes, dependency line styles, and what the highlight
// colours mean. Swatches are small SVGs built with createElementNS (no markup strings).
import { h } from "../dom.ts";
import { EDGE_STYLE, HIGHLIGHT, KIND_STYLE, type OrgPalette } from "./palette.ts";

const SVG = "http://www.w3.org/2000/svg";

function svg(width: number, height: number, ...children: SVGElement[]): SVGSVGElement {
  const el = document.createElementNS(SVG, "svg");
  el.setAttribute("width", String(width));
  el.setAttribute("height", String(height));
  el.setAttribute("viewBox", `0 0 ${width} ${height}`);
  el.setAttribute("aria-hidden", "true");
  el.setAttribute("class", "legend-swatch");
  el.append(...children);
  return el;
}

function shape(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

function polygon(points: [number, number][], fill: string): SVGElement {
  return shape("polygon", {
    points: points.map(([x, y]) => `${x},${y}`).join(" "),
    fill,
    stroke: "#3a4552",
    "stroke-width": 1,
  });
}

/** A 16×16 swatch of a cytoscape node shape. */
function kindSwatch(name: string, fill = "#8a96a3"): SVGSVGElement {
  const c = 8;
  const regular = (n: number, r = 7, rot = -Math.PI / 2) =>
    Array.from({ length: n }, (_, i) => {
      const a = rot + (i * 2 * Math.PI) / n;
      return [c + r * Math.cos(a), c + r * Math.sin(a)] as [number, number];
    });
  let el: SVGElement;
  switch (name) {
    case "diamond":
      el = polygon(
        [
          [8, 1],
          [15, 8],
          [8, 15],
          [1, 8],
        ],
        fill,
      );
      break;
    case "hexagon":
      el = polygon(regular(6, 7, 0), fill);
      break;
    case "round-octagon":
      el = polygon(regular(8, 7, Math.PI / 8), fill);
      break;
    case "star": {
      const pts: [number, number][] = [];
      for (let i = 0; i < 10; i++) {
        const r = i % 2 ? 3.2 : 7.5;
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        pts.push([c + r * Math.cos(a), c + r * Math.sin(a)]);
      }
      el = polygon(pts, fill);
      break;
    }
    case "cut-rectangle":
      el = polygon(
        [
          [4, 2],
          [12, 2],
          [15, 5],
          [15, 11],
          [12, 14],
          [4, 14],
          [1, 11],
          [1, 5],
        ],
        fill,
      );
      break;
    case "barrel":
      el = shape("path", {
        d: "M2,3 Q8,0 14,3 L14,13 Q8,16 2,13 Z",
        fill,
        stroke: "#3a4552",
        "stroke-width": 1,
      });
      break;
    case "round-rectangle":
      el = shape("rect", {
        x: 1.5,
        y: 2.5,
        width: 13,
        height: 11,
        rx: 3,
        fill,
        stroke: "#3a4552",
        "stroke-width": 1,
      });
      break;
    default:
      el = shape("circle", { cx: 8, cy: 8, r: 6.5, fill, stroke: "#3a4552", "stroke-width": 1 });
  }
  return svg(16, 16, el);
}

function lineSwatch(colour: string, line: string, width = 2): SVGSVGElement {
  const dash = line === "dashed" ? "6 3" : line === "dotted" ? "1.5 2.5" : "";
  return svg(
    28,
    12,
    shape("line", {
      x1: 1,
      y1: 6,
      x2: 21,
      y2: 6,
      stroke: colour,
      "stroke-width": width,
      ...(dash ? { "stroke-dasharray": dash } : {}),
    }),
    shape("polygon", { points: "20,2 27,6 20,10", fill: colour }),
  );
}

function haloSwatch(colour: string): SVGSVGElement {
  return svg(
    16,
    16,
    shape("circle", { cx: 8, cy: 8, r: 7.5, fill: colour, "fill-opacity": 0.55 }),
    shape("circle", { cx: 8, cy: 8, r: 4, fill: "#8a96a3", stroke: colour, "stroke-width": 1.5 }),
  );
}

function item(swatch: SVGSVGElement, label: string): HTMLElement {
  return h("li", null, swatch, h("span", null, label));
}

function section(title: string, items: HTMLElement[], id: string): HTMLElement {
  return h(
    "div",
    { class: "legend-section", id },
    h("h3", null, title),
    h("ul", { class: "legend-list" }, items),
  );
}

/** The whole legend for the organisations `orgs` (code → name). */
export function legend(palette: OrgPalette, orgs: { code: string; name: string }[]): HTMLElement {
  return h(
    "details",
    { class: "graph-legend", id: "graph-legend", open: true },
    h("summary", null, "Legend"),
    section(
      "Organisation (colour)",
      orgs.map((o) => {
        const sw = svg(
          16,
          16,
          shape("circle", {
            cx: 8,
            cy: 8,
            r: 6.5,
            fill: palette.colour(o.code),
            stroke: "#fff",
            "stroke-width": 1,
          }),
        );
        const li = item(sw, `${o.code} — ${o.name}`);
        li.setAttribute("data-org", o.code);
        return li;
      }),
      "legend-orgs",
    ),
    section(
      "Kind (shape)",
      Object.values(KIND_STYLE).map((k) => item(kindSwatch(k.shape), k.label)),
      "legend-kinds",
    ),
    section(
      "Dependency (line): source needs target",
      Object.values(EDGE_STYLE).map((e) => item(lineSwatch(e.colour, e.line), e.label)),
      "legend-edges",
    ),
    section(
      "Highlights",
      [
        item(haloSwatch(HIGHLIGHT.origin), "Selected asset, or the assets at a selected site"),
        item(haloSwatch(HIGHLIGHT.downstream), "Downstream: breaks if it goes"),
        item(haloSwatch(HIGHLIGHT.upstream), "Upstream: what it needs"),
        item(haloSwatch(HIGHLIGHT.both), "Both ways (a cycle)"),
        item(
          svg(
            16,
            16,
            shape("rect", {
              x: 1.5,
              y: 1.5,
              width: 13,
              height: 13,
              rx: 3,
              fill: "#eef2f6",
              stroke: "#111",
              "stroke-width": 3,
            }),
          ),
          "Single point of failure",
        ),
        item(lineSwatch(HIGHLIGHT.cross, "solid", 3.5), "Cross-estate dependency"),
        item(
          svg(
            16,
            16,
            shape("rect", {
              x: 1.5,
              y: 2.5,
              width: 13,
              height: 11,
              rx: 3,
              fill: "#eef2f6",
              stroke: "#5b6675",
              "stroke-width": 1.5,
            }),
          ),
          "Site: a box around the assets located there",
        ),
        item(
          svg(
            16,
            16,
            shape("circle", {
              cx: 8,
              cy: 8,
              r: 6,
              fill: "#8a96a3",
              stroke: "#5b6675",
              "stroke-width": 1.5,
              "stroke-dasharray": "3 2",
            }),
          ),
          "Planned, staging, decommissioning or retired (dashed border)",
        ),
      ],
      "legend-highlights",
    ),
  );
}
