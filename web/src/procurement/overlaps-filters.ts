// The filters above the overlaps table: organisations, kind, capability and minimum spend narrow the
// query; the search box narrows the rows already loaded.
import { debounce, h } from "../dom.ts";
import type { OrgRef } from "../organisations.ts";
import { checkboxGroup, enumOptions, selectField, type SelectOption } from "../ui.ts";
import { OVERLAP_KINDS, type Capability } from "./data.ts";

/** The filter values, as the URL holds them. */
export interface OverlapFilterValues {
  org: string[];
  capability: string;
  kind: string;
  min: string;
  timing: string;
  q: string;
}

/** A filter that needs the overlaps loaded again. */
export type QueryFilter = "org" | "capability" | "kind" | "min" | "timing";

/** The filter form; `onChange` is called for the query filters, `onSearch` (debounced) for the search. */
export function overlapFilters(
  values: OverlapFilterValues,
  orgs: OrgRef[],
  capabilities: Capability[],
  onChange: (key: QueryFilter, value: string | string[]) => void,
  onSearch: (text: string) => void,
): HTMLFormElement {
  const search = h("input", {
    type: "search",
    id: "f-overlap-q",
    value: values.q,
    placeholder: "Product or capability",
    autocomplete: "off",
  });
  search.addEventListener(
    "input",
    debounce(() => onSearch(search.value), 200),
  );
  const min = h("input", {
    type: "text",
    id: "f-overlap-min",
    inputmode: "decimal",
    value: values.min,
    placeholder: "e.g. 50000",
    size: 10,
  });
  min.addEventListener(
    "input",
    debounce(() => onChange("min", min.value), 400),
  );
  // Capabilities by name, each followed by its jobs (indented); domains are not listed.
  const jobsOf = (code: string) =>
    capabilities
      .filter((c) => c.level === "JOB" && c.parent?.code === code)
      .sort((a, b) => a.name.localeCompare(b.name));
  const capabilityOptions: SelectOption[] = [
    { value: "", label: "All capabilities" },
    ...[...capabilities]
      .filter((c) => (c.level ?? "CAPABILITY") === "CAPABILITY")
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((c) => [
        { value: c.code, label: c.name },
        ...jobsOf(c.code).map((j) => ({ value: j.code, label: `\u00a0\u00a0· ${j.name}` })),
      ]),
  ];
  const timingOptions: SelectOption[] = [
    { value: "", label: "Better date by NPV" },
    { value: "NOW", label: "Earliest (today + lead time)" },
    { value: "NATURAL", label: "When contracts end" },
  ];
  return h(
    "form",
    {
      class: "filters",
      role: "search",
      "aria-label": "Filter overlaps",
      onsubmit: (e: Event) => e.preventDefault(),
    },
    orgs.length
      ? checkboxGroup(
          "Organisations",
          "overlap-org",
          orgs.map((o) => ({ value: o.code, label: o.name })),
          values.org,
          (v) => onChange("org", v),
        )
      : null,
    selectField("Kind", "overlap-kind", enumOptions(OVERLAP_KINDS, "All kinds"), values.kind, (v) =>
      onChange("kind", v),
    ),
    selectField("Capability", "overlap-capability", capabilityOptions, values.capability, (v) =>
      onChange("capability", v),
    ),
    selectField("Consolidate", "overlap-timing", timingOptions, values.timing, (v) => onChange("timing", v)),
    h("div", { class: "field" }, h("label", { for: "f-overlap-min" }, "Min. annual spend (£)"), min),
    h("div", { class: "field field-grow" }, h("label", { for: "f-overlap-q" }, "Search"), search),
  );
}
