// Impact highlighting: the origin (an asset, or a site's assets), what breaks downstream and what is
// needed upstream get halos in distinct colours (what only loses its recovery copy a dashed violet
// ring of its own), the dependencies that carry the impact are coloured,
// and everything else fades. The sets come from the server's transitive answer, not from what is drawn.
import type cytoscape from "cytoscape";

const NODE_CLASSES = "faded impact-down impact-up impact-both impact-origin impact-site impact-recovery";
const EDGE_CLASSES = "faded impact-down-edge impact-up-edge impact-recovery-edge";

/** The recovery edge types: "the source keeps its recovery copy (or backup) on the target". */
const RECOVERY_TYPES = new Set(["REPLICATES_TO", "BACKS_UP_TO"]);

/** The server's answer reduced to ids: origin assets, and assets reached each way. */
export interface ImpactSets {
  origin: Set<string>;
  downstream: Set<string>;
  upstream: Set<string>;
  /** Assets that only lose their recovery copy or backup (none unless asked for). */
  recovery: Set<string>;
  /** A site box to mark as the origin (site impact). */
  site?: string;
}

/** Clears any impact highlight. */
export function clearHighlight(cy: cytoscape.Core): void {
  cy.batch(() => {
    cy.nodes().removeClass(NODE_CLASSES);
    cy.edges().removeClass(EDGE_CLASSES);
  });
}

/**
 * Highlights `sets` in what is drawn. A dependency "s needs t" is coloured downstream when the loss of
 * t reaches s (both in the downstream side, t possibly the origin), upstream when s's need of t is
 * part of what the origin needs. Returns the number of highlighted (drawn) assets.
 */
export function applyHighlight(cy: cytoscape.Core, sets: ImpactSets): number {
  let count = 0;
  cy.batch(() => {
    cy.nodes().removeClass(NODE_CLASSES).addClass("faded");
    cy.edges().removeClass(EDGE_CLASSES).addClass("faded");
    const keep = (n: cytoscape.NodeSingular) => {
      n.removeClass("faded");
      n.ancestors().removeClass("faded");
    };
    for (const n of cy.nodes(".asset")) {
      const id = n.id();
      const down = sets.downstream.has(id);
      const up = sets.upstream.has(id);
      if (sets.origin.has(id)) {
        n.addClass("impact-origin");
        keep(n);
      } else if (down || up) {
        n.addClass(down && up ? "impact-both" : down ? "impact-down" : "impact-up");
        keep(n);
        count++;
      } else if (sets.recovery.has(id)) {
        n.addClass("impact-recovery");
        keep(n);
        count++;
      }
    }
    if (sets.site) {
      const box = cy.getElementById(sets.site);
      box.removeClass("faded").addClass("impact-site");
    }
    const downSide = (id: string) => sets.downstream.has(id) || sets.origin.has(id);
    const upSide = (id: string) => sets.upstream.has(id) || sets.origin.has(id);
    for (const e of cy.edges()) {
      const s = e.data("source") as string;
      const t = e.data("target") as string;
      if (sets.downstream.has(s) && downSide(t)) e.removeClass("faded").addClass("impact-down-edge");
      else if (sets.upstream.has(t) && upSide(s)) e.removeClass("faded").addClass("impact-up-edge");
      else if (
        RECOVERY_TYPES.has(e.data("type") as string) &&
        (sets.recovery.has(s) || sets.recovery.has(t)) &&
        (sets.recovery.has(s) || downSide(s) || upSide(s)) &&
        (sets.recovery.has(t) || downSide(t) || upSide(t))
      )
        e.removeClass("faded").addClass("impact-recovery-edge");
    }
  });
  return count;
}

/** The ids of drawn assets highlighted as impacted (for tests and the panel). */
export function highlightedIds(cy: cytoscape.Core): string[] {
  return cy.nodes(".impact-down, .impact-up, .impact-both, .impact-recovery").map((n) => n.id());
}
