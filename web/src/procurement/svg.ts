// SVG elements for the renewals timeline and its legend, built without markup strings.

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element; attributes set with setAttribute, text only through textContent. */
export function svg(tag: string, attrs: Record<string, string | number> = {}, text?: string): SVGElement {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}
