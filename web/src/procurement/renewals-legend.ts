// The key to the renewals timeline's marks, drawn with the same shapes and colours.
import { h } from "../dom.ts";
import { svg } from "./svg.ts";

/** The legend shown above the timeline. */
export function legend(): HTMLElement {
  const icon = (...children: SVGElement[]) => {
    const s = svg("svg", { width: 16, height: 16, viewBox: "0 0 16 16", "aria-hidden": "true" });
    for (const c of children) s.appendChild(c);
    return s;
  };
  return h(
    "div",
    { class: "proc-legend" },
    h(
      "span",
      null,
      icon(svg("path", { d: "M 8 1 L 15 8 L 8 15 L 1 8 Z", fill: "#e08a00" })),
      "Notice deadline",
    ),
    h(
      "span",
      null,
      icon(svg("path", { d: "M 8 1 L 15 8 L 8 15 L 1 8 Z", fill: "#a4262c" })),
      "Notice deadline already passed",
    ),
    h(
      "span",
      null,
      icon(svg("rect", { x: 0, y: 5, width: 16, height: 6, fill: "#c9dcee" })),
      "Notice period",
    ),
    h("span", null, icon(svg("circle", { cx: 8, cy: 8, r: 5, fill: "#145d8f" })), "Contract end"),
    h("span", null, "★ Part of a licence overlap"),
  );
}
