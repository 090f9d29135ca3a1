// Building blocks shared by pages: headers, loading and error states, tables, badges, filters.
import type { CsvValue } from "./export.ts";
import { ApiError } from "./api.ts";
import { h, type Child } from "./dom.ts";
import { formatEnum } from "./format.ts";
import { COMMERCIAL_ROLES, hiddenMark } from "./commercial.ts";
import { orgColour } from "./organisations.ts";

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
  /** The server orders that sort by this column, each way: the header becomes a sort button. */
  sort?: {
    asc: string;
    desc: string;
    /** The way a first click sorts (default asc). */ first?: "asc" | "desc";
  };
  /**
   * What a CSV export writes for this column: one clean value per row (a number as a number, money as
   * decimal pounds, a date as yyyy-mm-dd); a list of named parts when the cell shows several things
   * (each part becomes its own CSV column); false leaves the column out. Exports never fall back to a
   * cell's text, which runs a cell's lines together — an exported list must say this for every column.
   */
  csv?: CsvSpec<T>;
}

/** A column's export: its value, its parts as separate CSV columns, or false (left out). */
export type CsvSpec<T> = ((row: T) => CsvValue) | false | CsvPart<T>[];

/** One CSV column of a table column's export. */
export interface CsvPart<T> {
  header: string;
  value: (row: T) => CsvValue;
}

/** A column of a list that can be exported: it must declare its CSV value (see Column.csv). */
export type ExportColumn<T> = Column<T> & { csv: CsvSpec<T> };

/** A table's sort: the current order (one of the columns' `sort` values) and what a header click does. */
export interface SortControl {
  current: string;
  set: (order: string) => void;
}

/**
 * A sortable header: a button saying which way it sorts, with aria-sort on the cell, and the heading as
 * plain text for print (Chromium leaves buttons out of the header row it repeats on each printed page).
 */
export function sortHeader<T>(c: Column<T>, sort: SortControl): HTMLElement {
  const s = c.sort!;
  const way = sort.current === s.asc ? "ascending" : sort.current === s.desc ? "descending" : "none";
  const next = way === "ascending" ? s.desc : way === "descending" ? s.asc : s[s.first ?? "asc"];
  return h(
    "th",
    { scope: "col", class: cls(c.align, c.class, "sortable"), "aria-sort": way },
    h(
      "button",
      {
        type: "button",
        class: "sort-button",
        "data-order": next,
        title: `Sort by ${c.header.toLowerCase()}`,
        onclick: () => sort.set(next),
      },
      c.header,
      h(
        "span",
        { class: "sort-mark", "aria-hidden": "true" },
        way === "ascending" ? "▲" : way === "descending" ? "▼" : "↕",
      ),
    ),
    printLabel(c.header),
  );
}

/** A heading's text shown only in print (where sort buttons are not). */
export function printLabel(text: string): HTMLElement {
  return h("span", { class: "print-label", "aria-hidden": "true" }, text);
}

/** A scrollable table with a sticky header. Returns the wrapper and tbody (for appending pages). */
export function dataTable<T>(
  columns: Column<T>[],
  rows: T[],
  caption?: string,
  sort?: SortControl,
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
        columns.map((c) =>
          c.sort && sort
            ? sortHeader(c, sort)
            : h("th", { scope: "col", class: cls(c.align, c.class) }, c.header),
        ),
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

/** A role as the server names it (VIEWER, ADMIN…), as a label. */
export function roleBadge(role: string): HTMLElement {
  return h("span", { class: `badge badge-role badge-role-${role.toLowerCase()}` }, role);
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

/** A labelled text input (text, email, password, number, date…); `hint` is read out with the field. */
export function inputField(
  label: string,
  attrs: Record<string, string | number | boolean | null | undefined> & { id: string },
  hint?: string,
): { field: HTMLElement; input: HTMLInputElement } {
  const hintId = hint ? `${attrs.id}-hint` : null;
  const input = h("input", { type: "text", ...attrs, "aria-describedby": hintId });
  const field = h(
    "div",
    { class: "field form-field" },
    h("label", { for: attrs.id }, label),
    input,
    hint ? h("span", { class: "field-hint", id: hintId }, hint) : null,
  );
  return { field, input };
}

/** Marks `input` invalid with a message under it (or clears it when `message` is null). */
export function setFieldError(input: HTMLInputElement | HTMLSelectElement, message: string | null): void {
  const field = input.closest(".form-field");
  const id = `${input.id}-error`;
  field?.querySelector(`.field-error`)?.remove();
  const describedBy = (input.getAttribute("aria-describedby") ?? "").split(" ").filter((t) => t && t !== id);
  if (message) {
    input.setAttribute("aria-invalid", "true");
    field?.append(h("span", { class: "field-error", id }, message));
    describedBy.push(id);
  } else {
    input.removeAttribute("aria-invalid");
  }
  if (describedBy.length) input.setAttribute("aria-describedby", describedBy.join(" "));
  else input.removeAttribute("aria-describedby");
}

/** A green confirmation line ("Password changed."), announced politely. */
export function successNote(message: Child): HTMLElement {
  return h("div", { class: "success-note", role: "status" }, message);
}

/** Copies text to the clipboard; falls back to selecting `input` and the legacy copy command. */
async function copyText(text: string, input: HTMLInputElement): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // permission refused: fall back below
  }
  input.focus();
  input.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}

/**
 * A secret shown exactly once (a new API token, a one-time password): a warning, the value in a
 * read-only box that selects itself on focus, a Copy button, and a Done button that removes it.
 */
export function secretBox(opts: {
  id: string;
  title: string;
  warning: Child;
  label: string;
  secret: string;
  onDone?: () => void;
}): HTMLElement {
  const input = h("input", {
    type: "text",
    id: `${opts.id}-value`,
    class: "secret-value",
    value: opts.secret,
    readonly: true,
    spellcheck: "false",
    autocomplete: "off",
    "aria-label": opts.label,
  });
  input.addEventListener("focus", () => input.select());
  const copy = h("button", { type: "button", class: "button", id: `${opts.id}-copy` }, "Copy");
  const copied = h("span", { class: "copy-status", role: "status", "aria-live": "polite" });
  copy.addEventListener("click", () => {
    void copyText(opts.secret, input).then((ok) => {
      copied.textContent = ok ? "Copied to the clipboard." : "Select the text and copy it yourself.";
    });
  });
  const box = h(
    "div",
    { class: "secret-box", id: opts.id },
    h("strong", { class: "secret-title" }, opts.title),
    h("p", { class: "secret-warning" }, opts.warning),
    h("div", { class: "secret-row" }, input, copy),
    copied,
  );
  box.append(
    h(
      "button",
      {
        type: "button",
        class: "button button-secondary",
        id: `${opts.id}-done`,
        onclick: () => {
          box.remove();
          opts.onDone?.();
        },
      },
      "Done, I have stored it",
    ),
  );
  return box;
}

/**
 * A button that asks for confirmation in place (no browser dialog): the first click swaps it for
 * "question [confirm] [Cancel]"; confirming runs `action`, whose errors are shown next to it.
 */
export function confirmButton(opts: {
  label: string;
  question: string;
  confirmLabel: string;
  action: () => Promise<void>;
  danger?: boolean;
}): HTMLElement {
  const wrap = h("span", { class: "confirm-wrap" });
  const cls = `button button-small ${opts.danger ? "button-danger" : "button-secondary"}`;
  const initial = () => {
    wrap.textContent = "";
    wrap.append(
      h(
        "button",
        {
          type: "button",
          class: `button button-small button-secondary${opts.danger ? " button-danger-outline" : ""}`,
          onclick: ask,
        },
        opts.label,
      ),
    );
  };
  function ask() {
    wrap.textContent = "";
    const yes = h("button", { type: "button", class: cls }, opts.confirmLabel);
    const no = h(
      "button",
      { type: "button", class: "button button-small button-secondary", onclick: initial },
      "Cancel",
    );
    yes.addEventListener("click", () => {
      yes.disabled = true;
      no.disabled = true;
      opts.action().catch((err: unknown) => {
        wrap.textContent = "";
        wrap.append(errorBanner(err, "Could not do that"));
        const retry = h(
          "button",
          { type: "button", class: "button button-small button-secondary", onclick: initial },
          "OK",
        );
        wrap.append(retry);
      });
    });
    wrap.append(h("span", { class: "confirm-question" }, opts.question), yes, no);
    no.focus();
  }
  initial();
  return wrap;
}

/** A contract's value, or why it is not shown ("hidden (needs …)") when the caller may not see it. */
export function contractValue(
  contract: { valuesVisible: boolean; value: string | null; annualValue: string | null },
  format: (v: string | null | undefined) => string,
): HTMLElement {
  if (!contract.valuesVisible) return hiddenMark([], `hidden (needs ${COMMERCIAL_ROLES})`);
  if (contract.value == null && contract.annualValue == null) return h("span", { class: "muted" }, "—");
  return h(
    "span",
    { class: "contract-value" },
    h("span", null, format(contract.value)),
    contract.annualValue != null
      ? h("span", { class: "secondary" }, `${format(contract.annualValue)} a year`)
      : null,
  );
}

/** Terms and values of a record's details, as a definition list ("—" for nothing). */
export function definitionList(items: [string, Child][]): HTMLElement {
  return h(
    "dl",
    { class: "details" },
    items.map(([term, value]) => h("div", null, h("dt", null, term), h("dd", null, value ?? "—"))),
  );
}

/** An organisation's code with its colour (the same on every page) and its name as the title. */
export function orgTag(org: { code: string; name?: string }): HTMLElement {
  return h(
    "abbr",
    { class: "org-tag", title: org.name ?? org.code, style: `--org: ${orgColour(org.code)}` },
    org.code,
  );
}
