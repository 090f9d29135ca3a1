// Building blocks shared by pages: headers, loading and error states, tables, badges, filters.
import { ApiError } from "./api.ts";
import { h, type Child } from "./dom.ts";
import { formatEnum } from "./format.ts";

/** Page title block; also sets document.title. */
export function pageHeader(title: string, subtitle?: Child, ...actions: Child[]): HTMLElement {
  document.title = `${title} · Converge`;
  return h(
    "div",
    { class: "page-header" },
    h(
      "div",
      null,
      h("h1", { id: "page-title", tabindex: "-1" }, title),
      subtitle ? h("p", { class: "subtitle" }, subtitle) : null,
    ),
    actions.length ? h("div", { class: "page-actions" }, ...actions) : null,
  );
}

/** A visible, announced loading indicator. */
export function loading(label = "Loading…"): HTMLElement {
  return h(
    "div",
    { class: "loading", role: "status", "aria-live": "polite" },
    h("span", { class: "spinner", "aria-hidden": "true" }),
    label,
  );
}

/** An error banner showing each GraphQL message with its code and offending field. */
export function errorBanner(err: unknown, title = "Something went wrong"): HTMLElement {
  const items =
    err instanceof ApiError
      ? err.errors
      : [{ message: err instanceof Error ? err.message : String(err), extensions: undefined }];
  return h(
    "div",
    { class: "error-banner", role: "alert" },
    h("strong", null, title),
    h(
      "ul",
      null,
      items.map((e) =>
        h(
          "li",
          null,
          h("span", { class: "error-message" }, e.message),
          e.extensions?.field
            ? h("span", { class: "error-field" }, " — field ", h("code", null, e.extensions.field))
            : null,
          e.extensions?.code ? h("span", { class: "error-code" }, ` (${e.extensions.code})`) : null,
        ),
      ),
    ),
  );
}

/** A column of a data table. */
export interface Column<T> {
  header: string;
  cell: (row: T) => Child;
  /** "num" right-aligns with tabular figures. */
  align?: "num";
  class?: string;
}

/** A scrollable table with a sticky header. Returns the wrapper and tbody (for appending pages). */
export function dataTable<T>(
  columns: Column<T>[],
  rows: T[],
  caption?: string,
): { wrap: HTMLElement; tbody: HTMLTableSectionElement; addRows: (rows: T[]) => void } {
  const tbody = h("tbody");
  const addRows = (more: T[]) => {
    for (const row of more) tbody.appendChild(tableRow(columns, row));
  };
  addRows(rows);
  const table = h(
    "table",
    { class: "data-table" },
    caption ? h("caption", { class: "visually-hidden" }, caption) : null,
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        columns.map((c) => h("th", { scope: "col", class: cls(c.align, c.class) }, c.header)),
      ),
    ),
    tbody,
  );
  return { wrap: h("div", { class: "table-wrap" }, table), tbody, addRows };
}

function tableRow<T>(columns: Column<T>[], row: T): HTMLTableRowElement {
  return h(
    "tr",
    null,
    columns.map((c) => h("td", { class: cls(c.align, c.class) }, c.cell(row))),
  );
}

function cls(...names: (string | undefined)[]): string | null {
  const s = names.filter(Boolean).join(" ");
  return s || null;
}

/** A small coloured label for an enum value (lifecycle, criticality, kind). */
export function badge(value: string | null | undefined, family: string): HTMLElement {
  return h(
    "span",
    { class: `badge badge-${family} badge-${family}-${(value ?? "none").toLowerCase()}` },
    formatEnum(value),
  );
}

/** An empty-state message. */
export function empty(message: string): HTMLElement {
  return h("p", { class: "empty" }, message);
}

/** Options for a labelled <select>. */
export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled <select>. */
export function selectField(
  label: string,
  name: string,
  options: SelectOption[],
  value: string,
  onChange: (value: string) => void,
): HTMLElement {
  const id = `f-${name}`;
  const select = h(
    "select",
    { id, name, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
    options.map((o) => h("option", { value: o.value, selected: o.value === value }, o.label)),
  );
  return h("div", { class: "field" }, h("label", { for: id }, label), select);
}

/** A group of checkboxes (multi-select), e.g. organisations. */
export function checkboxGroup(
  legend: string,
  name: string,
  options: SelectOption[],
  values: string[],
  onChange: (values: string[]) => void,
): HTMLElement {
  const row = h("div", { class: "checkbox-row" });
  const fieldset = h("fieldset", { class: "field checkbox-group" }, h("legend", null, legend), row);
  const boxes: HTMLInputElement[] = [];
  for (const o of options) {
    const box = h("input", { type: "checkbox", name, value: o.value, checked: values.includes(o.value) });
    box.addEventListener("change", () => onChange(boxes.filter((b) => b.checked).map((b) => b.value)));
    boxes.push(box);
    row.appendChild(h("label", { class: "checkbox", title: o.label }, box, o.value));
  }
  return fieldset;
}

/** Enum values as select options, with a leading "any" option. */
export function enumOptions(values: readonly string[], anyLabel: string): SelectOption[] {
  return [{ value: "", label: anyLabel }, ...values.map((v) => ({ value: v, label: formatEnum(v) }))];
}

/** A horizontal usage bar: used of total with a percentage; "—" when unknown. */
export function usageBar(
  used: number | null | undefined,
  total: number | null | undefined,
  unit: string,
  format: (n: number | null | undefined) => string,
): HTMLElement {
  if (total == null) return h("span", { class: "muted" }, "—");
  const pct = used != null && total > 0 ? Math.round((used / total) * 100) : null;
  const level = pct == null ? "" : pct > 100 ? " over" : pct >= 85 ? " high" : "";
  return h(
    "div",
    { class: "usage" },
    h(
      "div",
      { class: "usage-text" },
      `${format(used)} of ${format(total)} ${unit}`.trim(),
      pct != null ? h("span", { class: "muted" }, ` · ${pct}%`) : null,
    ),
    pct != null
      ? h(
          "div",
          {
            class: `usage-bar${level}`,
            role: "meter",
            "aria-valuemin": 0,
            "aria-valuemax": 100,
            "aria-valuenow": Math.min(pct, 100),
            "aria-label": `${pct}% used`,
          },
          h("span", { style: `width:${Math.min(pct, 100)}%` }),
        )
      : null,
  );
}
