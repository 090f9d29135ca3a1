// A hover card over the canvas: an asset's full name, organisation and kind (labels are shortened and
// hidden when zoomed out), or a site's name. Text only, positioned next to the pointer.
import type cytoscape from "cytoscape";
import { h } from "../dom.ts";
import { formatEnum } from "../format.ts";

export function attachTooltip(cy: cytoscape.Core, host: HTMLElement): void {
  const tip = h("div", { class: "graph-tooltip", role: "tooltip", hidden: true });
  host.append(tip);
  cy.on("mouseover", "node", (e) => {
    const n = e.target as cytoscape.NodeSingular;
    const d = n.data() as Record<string, string | null>;
    tip.textContent = "";
    if (n.hasClass("site")) {
      tip.append(
        h("strong", null, d.name ?? ""),
        h("span", null, `Site · ${d.organisationCode ?? ""} · ${formatEnum(d.siteKind)}`),
      );
    } else {
      tip.append(
        h("strong", null, d.name ?? ""),
        h("span", null, `${d.organisationCode ?? ""} · ${formatEnum(d.kind)} · ${formatEnum(d.criticality)}`),
      );
    }
    const p = e.renderedPosition ?? n.renderedPosition();
    tip.style.left = `${Math.round(p.x + 14)}px`;
    tip.style.top = `${Math.round(p.y + 14)}px`;
    tip.hidden = false;
  });
  const hide = () => {
    tip.hidden = true;
  };
  cy.on("mouseout", "node", hide);
  cy.on("viewport tapstart", hide);
}
