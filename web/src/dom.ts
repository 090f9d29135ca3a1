// A tiny hyperscript helper. Text always goes in through textContent / text nodes, never innerHTML,
// so data from the API (asset names, descriptions) can never inject markup or script.

/** A child `h` accepts: nodes, text (strings and numbers become text nodes), and nothing. */
export type Child = Node | string | number | null | undefined | false | Child[];

/** Attribute values: strings, numbers and true set the attribute, false/null/undefined omit it. */
export type AttrValue = string | number | boolean | null | undefined;

/** Attributes plus `on…` event handlers (e.g. `onclick`) and `dataset`-style `data-*` keys. */
export type Attrs = Record<string, AttrValue | EventListener | ((ev: never) => void)>;

/** Creates an element with attributes and children; every string child becomes a text node. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (typeof value === "function") {
        el.addEventListener(name.replace(/^on/, ""), value as EventListener);
      } else if (value === true) {
        el.setAttribute(name, "");
      } else if (value !== false && value != null) {
        if (/^on/i.test(name)) throw new Error(`h(): "${name}" must be a function, not a string`);
        // Styles go in through the CSSOM: the Content-Security-Policy refuses style attributes.
        if (name === "style") el.style.cssText = String(value);
        else el.setAttribute(name, String(value));
      }
    }
  }
  append(el, ...children);
  return el;
}

/** Appends children (text as text nodes) to `parent`. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(parent, ...child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.textContent = "";
  append(parent, ...children);
}

/** Calls `fn` once `ms` after the last call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
