// The filter panel (organisation, site, kind, lifecycle, criticality) and its reflection in the URL.
// The default view, when the URL says nothing, is the infrastructure of every organisation: what the
// applications stand on, a few dozen to a few hundred assets rather than the whole estate.
import { h } from "../dom.ts";
import { ASSET_KINDS, CRITICALITIES, LIFECYCLES, enumValue, enumValues } from "../enums.ts";
import { formatEnum } from "../format.ts";
import type { OrgRef } from "../organisations.ts";
import { queryList } from "../router.ts";
import { INFRASTRUCTURE_KINDS, KIND_STYLE, type Kind } from "./palette.ts";
import type { GraphFilterInput, SiteOption } from "./types.ts";

export interface FilterState {
  org: string[];
  site: string[];
  /** Empty = every kind. */
  kind: string[];
  /** "" = any, "LIVE" = not retired, else one lifecycle. */
  lifecycle: string;
  /** "" = any, else "at least" this criticality. */
  criticality: string;
}

export const DEFAULT_FILTER: FilterState = {
  org: [],
  site: [],
  kind: [...INFRASTRUCTURE_KINDS],
  lifecycle: "",
  criticality: "",
};

const LIVE = LIFECYCLES.filter((l) => l !== "RETIRED");

/** The filter the URL asks for; with no filter parameter at all, the default view. */
export function filterFromQuery(q: URLSearchParams): FilterState {
  const keys = ["org", "site", "kind", "lifecycle", "crit"];
  if (!keys.some((k) => q.has(k))) return { ...DEFAULT_FILTER, kind: [...DEFAULT_FILTER.kind] };
  const kind = queryList(q, "kind");
  return {
    org: queryList(q, "org"),
    site: queryList(q, "site"),
    kind: kind.includes("ALL") ? [] : kind.filter((k) => (ASSET_KINDS as readonly string[]).includes(k)),
    lifecycle: q.get("lifecycle") ?? "",
    criticality: q.get("crit") ?? "",
  };
}

/** URL parameters for a filter (nothing for the default view; "kind=ALL" for every kind). */
export function filterToQuery(f: FilterState): Record<string, string | string[]> {
  if (isDefault(f)) return {};
  return {
    org: f.org,
    site: f.site,
    kind: f.kind.length ? f.kind : "ALL",
    lifecycle: f.lifecycle,
    crit: f.criticality,
  };
}

export function isDefault(f: FilterState): boolean {
  return (
    !f.org.length &&
    !f.site.length &&
    !f.lifecycle &&
    !f.criticality &&
    f.kind.length === DEFAULT_FILTER.kind.length &&
    DEFAULT_FILTER.kind.every((k) => f.kind.includes(k))
  );
}

/** The GraphFilter the server takes. */
export function toGraphFilter(f: FilterState): GraphFilterInput {
  const out: GraphFilterInput = {};
  if (f.org.length) out.organisation = f.org;
  if (f.site.length) out.site = f.site;
  if (f.kind.length) out.kind = enumValues(ASSET_KINDS, f.kind);
  const lifecycle = enumValue(LIFECYCLES, f.lifecycle);
  if (f.lifecycle === "LIVE") out.lifecycle = [...LIVE];
  else if (lifecycle) out.lifecycle = [lifecycle];
  if (f.criticality) {
    const from = (CRITICALITIES as readonly string[]).indexOf(f.criticality);
    if (from >= 0) out.criticality = CRITICALITIES.slice(from);
  }
  return out;
}

/** A one-line description of the filter ("SCC, DCC · network, storage · high or critical"). */
export function describeFilter(f: FilterState, sites: SiteOption[]): string {
  const parts: string[] = [];
  parts.push(f.org.length ? f.org.join(", ") : "all organisations");
  if (f.site.length) {
    parts.push(f.site.map((id) => sites.find((s) => s.id === id)?.name ?? "a site").join(", "));
  }
  if (!f.kind.length) parts.push("all kinds");
  else if (isInfrastructure(f.kind)) parts.push("infrastructure");
  else parts.push(f.kind.map((k) => KIND_STYLE[k as Kind]?.label.toLowerCase() ?? k).join(", "));
  if (f.lifecycle === "LIVE") parts.push("not retired");
  else if (f.lifecycle) parts.push(formatEnum(f.lifecycle).toLowerCase());
  if (f.criticality) parts.push(`${formatEnum(f.criticality).toLowerCase()} or above`);
  return parts.join(" · ");
}

function isInfrastructure(kinds: string[]): boolean {
  return kinds.length === INFRASTRUCTURE_KINDS.length && INFRASTRUCTURE_KINDS.every((k) => kinds.includes(k));
}

function checkboxes(
  legendText: string,
  name: string,
  options: { value: string; label: string; title?: string }[],
  values: string[],
  onChange: (values: string[]) => void,
  extra?: HTMLElement,
): { el: HTMLElement; set: (values: string[]) => void } {
  const boxes = options.map((o) =>
    h("input", { type: "checkbox", name, value: o.value, checked: values.includes(o.value) }),
  );
  for (const box of boxes) {
    box.addEventListener("change", () => onChange(boxes.filter((b) => b.checked).map((b) => b.value)));
  }
  const el = h(
    "fieldset",
    { class: "graph-field", id: `gf-${name}` },
    h("legend", null, legendText),
    extra ?? null,
    h(
      "div",
      { class: "graph-checks" },
      options.map((o, i) => h("label", { class: "checkbox", title: o.title ?? o.label }, boxes[i]!, o.label)),
    ),
  );
  return {
    el,
    set: (vs) => {
      for (const b of boxes) b.checked = vs.includes(b.value);
    },
  };
}

function select(
  label: string,
  id: string,
  options: { value: string; label: string; group?: string }[],
  value: string,
  onChange: (v: string) => void,
): HTMLElement {
  const groups = new Map<string, HTMLElement>();
  const el = h("select", { id, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) });
  for (const o of options) {
    const opt = h("option", { value: o.value, selected: o.value === value }, o.label);
    if (o.group) {
      let g = groups.get(o.group);
      if (!g) {
        g = h("optgroup", { label: o.group });
        groups.set(o.group, g);
        el.append(g);
      }
      g.append(opt);
    } else {
      el.append(opt);
    }
  }
  return h("div", { class: "graph-field" }, h("label", { for: id }, label), el);
}

/** The filter form. `onChange` gets the whole new state after every change. */
export function filterPanel(opts: {
  state: FilterState;
  orgs: OrgRef[];
  sites: SiteOption[];
  onChange: (state: FilterState) => void;
}): HTMLElement {
  const state = {
    ...opts.state,
    org: [...opts.state.org],
    site: [...opts.state.site],
    kind: [...opts.state.kind],
  };
  const emit = () =>
    opts.onChange({ ...state, org: [...state.org], site: [...state.site], kind: [...state.kind] });

  const orgs = checkboxes(
    "Organisation",
    "org",
    opts.orgs.map((o) => ({ value: o.code, label: o.code, title: o.name })),
    state.org,
    (v) => {
      state.org = v;
      emit();
    },
  );
  const quick = (label: string, kinds: string[]) =>
    h(
      "button",
      {
        type: "button",
        class: "link-button",
        onclick: () => {
          state.kind = kinds;
          kindBoxes.set(kinds);
          emit();
        },
      },
      label,
    );
  const kindBoxes = checkboxes(
    "Kind",
    "kind",
    ASSET_KINDS.map((k) => ({ value: k, label: KIND_STYLE[k].label })),
    state.kind.length ? state.kind : [...ASSET_KINDS],
    (v) => {
      state.kind = v.length === ASSET_KINDS.length ? [] : v;
      emit();
    },
    h(
      "div",
      { class: "graph-quick" },
      quick("Infrastructure", [...INFRASTRUCTURE_KINDS]),
      quick("All kinds", []),
    ),
  );
  // "All kinds" is stored as [] but shown as every box ticked.
  const setKinds = kindBoxes.set;
  kindBoxes.set = (vs) => setKinds(vs.length ? vs : [...ASSET_KINDS]);

  const orgName = new Map(opts.orgs.map((o) => [o.code, o.name]));
  const siteSelect = select(
    "Site",
    "gf-site",
    [
      { value: "", label: "Any site" },
      ...opts.sites.map((s) => ({
        value: s.id,
        label: s.name,
        group: orgName.get(s.organisation.code) ?? s.organisation.code,
      })),
    ],
    state.site[0] ?? "",
    (v) => {
      state.site = v ? [v] : [];
      emit();
    },
  );
  const lifecycle = select(
    "Lifecycle",
    "gf-lifecycle",
    [
      { value: "", label: "Any lifecycle" },
      { value: "LIVE", label: "Not retired" },
      ...LIFECYCLES.map((l) => ({ value: l, label: formatEnum(l) })),
    ],
    state.lifecycle,
    (v) => {
      state.lifecycle = v;
      emit();
    },
  );
  const criticality = select(
    "Criticality",
    "gf-criticality",
    [
      { value: "", label: "Any criticality" },
      ...[...CRITICALITIES].reverse().map((c) => ({
        value: c,
        label: c === "CRITICAL" ? "Critical only" : `${formatEnum(c)} or above`,
      })),
    ],
    state.criticality,
    (v) => {
      state.criticality = v;
      emit();
    },
  );
  return h(
    "form",
    {
      class: "graph-filters",
      id: "graph-filters",
      role: "search",
      "aria-label": "Filter the graph",
      onsubmit: (e: Event) => e.preventDefault(),
    },
    h("h2", null, "Filter"),
    orgs.el,
    siteSelect,
    kindBoxes.el,
    lifecycle,
    criticality,
  );
}
