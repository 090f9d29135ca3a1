// The architects' two overlays: single points of failure (singlePointsOfFailure for the chosen
// organisation, marked with a thick black ring and an orange outline, and listed, ranked, under the
// controls: spof-list.ts) and cross-estate links (crossEstateLinks: edges
// between organisations and assets hosted at another organisation's site). Both re-apply whenever the
// drawing changes, and both say how many of their assets are not drawn, with a button to add them.
import { isAbort } from "../api.ts";
import { h } from "../dom.ts";
import { formatInt } from "../format.ts";
import type { OrgRef } from "../organisations.ts";
import { errorBanner } from "../ui.ts";
import { loadCrossEstate, loadSpof } from "./data.ts";
import { drawnAssetIds } from "./model.ts";
import { spofList } from "./spof-list.ts";
import type { Explorer } from "./explorer.ts";
import type { Notices } from "./notices.ts";
import type { CrossEstateAnswer, SpofAnswer } from "./types.ts";

export interface MarkerState {
  /** null = off; "" = every organisation; else an organisation code. */
  spof: string | null;
  cross: boolean;
}

function addButton(id: string, missing: string[], explorer: Explorer): HTMLElement | null {
  if (!missing.length) return null;
  const room = explorer.room();
  if (!room) return h("span", { class: "secondary" }, " The view is full.");
  return h(
    "button",
    {
      type: "button",
      class: "button button-small button-secondary",
      id,
      onclick: () => void explorer.addAssets(missing),
    },
    missing.length > room
      ? `Add the first ${formatInt(room)}`
      : `Add the ${formatInt(missing.length)} not drawn`,
  );
}

export function markerControls(opts: {
  explorer: Explorer;
  notices: Notices;
  orgs: OrgRef[];
  signal: AbortSignal;
  state: MarkerState;
  onChange: (state: MarkerState) => void;
}): HTMLElement {
  const { explorer, notices } = opts;
  const cy = explorer.cy;
  const state: MarkerState = { ...opts.state };
  let spof: { org: string; answer: SpofAnswer } | undefined;
  let cross: CrossEstateAnswer | undefined;
  let spofCtl: AbortController | undefined;
  let crossCtl: AbortController | undefined;

  const listBox = h("div", { class: "graph-spof-box" });
  const applySpof = () => {
    if (cy.destroyed()) return;
    cy.nodes(".spof").removeClass("spof");
    listBox.replaceChildren();
    if (state.spof == null || !spof) return notices.set("spof", null);
    const ids = spof.answer.entries.map((e) => e.asset.id);
    let drawn = 0;
    for (const id of ids) {
      const n = cy.getElementById(id);
      if (n.nonempty()) {
        n.addClass("spof");
        drawn++;
      }
    }
    const missing = ids.filter((id) => cy.getElementById(id).empty());
    const who = spof.org ? spof.org : "every organisation";
    listBox.append(
      spofList({
        answer: spof.answer,
        who: spof.org || "all organisations",
        fileName: `single-points-of-failure-${spof.org || "all"}`,
        drawn: drawnAssetIds(cy),
        focus: (id) => void explorer.focus(id),
      }),
    );
    notices.set(
      "spof",
      h(
        "div",
        { class: "graph-notice graph-notice-info", id: "graph-spof-info", role: "status" },
        h("strong", null, `Single points of failure (${who}):`),
        ` ${formatInt(ids.length)}${spof.answer.truncated ? "+" : ""} asset${ids.length === 1 ? "" : "s"} whose loss alone cuts high-criticality applications off (${formatInt(spof.answer.analysedCount)} analysed); `,
        h("span", { id: "graph-spof-drawn" }, `${formatInt(drawn)} drawn`),
        ", marked with a thick black ring and an orange outline, and listed by rank under Overlays. ",
        addButton("graph-spof-add", missing, explorer),
      ),
    );
  };

  const applyCross = () => {
    if (cy.destroyed()) return;
    cy.elements(".cross-estate, .cross-hosted").removeClass("cross-estate cross-hosted");
    if (!state.cross || !cross) return notices.set("cross", null);
    let depsDrawn = 0;
    const missing = new Set<string>();
    for (const d of cross.dependencies) {
      const e = cy.getElementById(d.id);
      if (e.nonempty()) {
        e.addClass("cross-estate");
        depsDrawn++;
      } else {
        for (const id of [d.source.id, d.target.id]) if (cy.getElementById(id).empty()) missing.add(id);
      }
    }
    let hostedDrawn = 0;
    for (const x of cross.hosting) {
      const n = cy.getElementById(x.asset.id);
      if (n.nonempty()) {
        n.addClass("cross-hosted");
        hostedDrawn++;
      } else missing.add(x.asset.id);
    }
    notices.set(
      "cross",
      h(
        "div",
        { class: "graph-notice graph-notice-info", id: "graph-cross-info", role: "status" },
        h("strong", null, "Cross-estate links:"),
        ` ${formatInt(cross.dependencies.length)} dependencies between organisations (${formatInt(depsDrawn)} drawn, in pink) · ${formatInt(cross.hosting.length)} assets hosted at another organisation's site (${formatInt(hostedDrawn)} drawn, pink border). `,
        addButton("graph-cross-add", [...missing], explorer),
      ),
    );
  };

  const fetchSpof = async () => {
    spofCtl?.abort();
    spof = undefined;
    applySpof();
    if (state.spof == null) return;
    const ctl = new AbortController();
    spofCtl = ctl;
    opts.signal.addEventListener("abort", () => ctl.abort(), { once: true });
    const org = state.spof;
    try {
      const answer = await loadSpof(org || null, ctl.signal);
      if (ctl.signal.aborted) return;
      spof = { org, answer };
      applySpof();
    } catch (err) {
      if (!isAbort(err)) notices.set("spof", errorBanner(err, "Could not load the single points of failure"));
    }
  };

  const fetchCross = async () => {
    crossCtl?.abort();
    cross = undefined;
    applyCross();
    if (!state.cross) return;
    const ctl = new AbortController();
    crossCtl = ctl;
    opts.signal.addEventListener("abort", () => ctl.abort(), { once: true });
    try {
      // Every organisation's links: what is drawn decides which of them show.
      const answer = await loadCrossEstate(null, ctl.signal);
      if (ctl.signal.aborted) return;
      cross = answer;
      applyCross();
    } catch (err) {
      if (!isAbort(err)) notices.set("cross", errorBanner(err, "Could not load the cross-estate links"));
    }
  };

  explorer.onChange(() => {
    applySpof();
    applyCross();
  });

  const spofBox = h("input", { type: "checkbox", id: "graph-spof", checked: state.spof != null });
  const spofOrg = h(
    "select",
    {
      id: "graph-spof-org",
      "aria-label": "Organisation whose applications are analysed",
      disabled: state.spof == null,
    },
    h("option", { value: "" }, "All organisations"),
    opts.orgs.map((o) => h("option", { value: o.code, selected: o.code === state.spof }, o.code)),
  );
  const crossBox = h("input", { type: "checkbox", id: "graph-cross", checked: state.cross });
  spofBox.addEventListener("change", () => {
    state.spof = spofBox.checked ? spofOrg.value : null;
    spofOrg.disabled = !spofBox.checked;
    opts.onChange({ ...state });
    void fetchSpof();
  });
  spofOrg.addEventListener("change", () => {
    if (state.spof == null) return;
    state.spof = spofOrg.value;
    opts.onChange({ ...state });
    void fetchSpof();
  });
  crossBox.addEventListener("change", () => {
    state.cross = crossBox.checked;
    opts.onChange({ ...state });
    void fetchCross();
  });
  if (state.spof != null) void fetchSpof();
  if (state.cross) void fetchCross();

  return h(
    "div",
    { class: "graph-markers" },
    h("label", { class: "checkbox", for: "graph-spof" }, spofBox, "Single points of failure"),
    spofOrg,
    listBox,
    h("label", { class: "checkbox", for: "graph-cross" }, crossBox, "Cross-estate links"),
  );
}
