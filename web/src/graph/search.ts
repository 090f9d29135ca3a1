// The "find an asset" box: suggestions from `assets(filter:{search}, first: 10)` as the user types,
// in an ARIA combobox (arrow keys, Enter, Escape). Picking one hands the asset to the page, which
// centres it, loading its neighbourhood first when it is not drawn.
import { isAbort } from "../api.ts";
import { debounce, h, replaceChildren } from "../dom.ts";
import { formatEnum } from "../format.ts";
import { searchAssets } from "./data.ts";
import type { AssetSuggestion } from "./types.ts";

export function searchBox(opts: {
  signal: AbortSignal;
  onPick: (asset: AssetSuggestion) => void;
}): HTMLElement {
  const input = h("input", {
    type: "search",
    id: "graph-search",
    placeholder: "Find an asset by name…",
    autocomplete: "off",
    spellcheck: "false",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": "graph-search-list",
  });
  const list = h("ul", {
    id: "graph-search-list",
    role: "listbox",
    class: "graph-suggestions",
    hidden: true,
    "aria-label": "Matching assets",
  });
  const status = h("span", { class: "visually-hidden", role: "status", "aria-live": "polite" });
  let items: AssetSuggestion[] = [];
  let active = -1;
  let controller: AbortController | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const setActive = (i: number) => {
    active = i;
    list
      .querySelectorAll("li")
      .forEach((li, j) => li.setAttribute("aria-selected", j === i ? "true" : "false"));
    if (i >= 0) input.setAttribute("aria-activedescendant", `graph-search-opt-${i}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const pick = (i: number) => {
    const a = items[i];
    if (!a) return;
    input.value = a.name;
    close();
    opts.onPick(a);
  };
  const show = (found: AssetSuggestion[], q: string) => {
    items = found;
    replaceChildren(
      list,
      found.length
        ? found.map((a, i) =>
            h(
              "li",
              {
                id: `graph-search-opt-${i}`,
                role: "option",
                "aria-selected": "false",
                "data-id": a.id,
                onmousedown: (e: Event) => {
                  e.preventDefault(); // keep focus in the input
                  pick(i);
                },
              },
              h("span", { class: "strong" }, a.name),
              h(
                "span",
                { class: "secondary" },
                `${a.organisation.code} · ${formatEnum(a.kind)}${a.site ? ` · ${a.site.name}` : ""}`,
              ),
            ),
          )
        : h("li", { class: "graph-suggestion-none", "aria-disabled": "true" }, `No asset matches “${q}”.`),
    );
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    status.textContent = found.length ? `${found.length} matching assets` : "No matching asset";
    setActive(found.length ? 0 : -1);
  };
  const lookup = debounce(async () => {
    const q = input.value.trim();
    controller?.abort();
    if (q.length < 2) return close();
    const ctl = new AbortController();
    controller = ctl;
    opts.signal.addEventListener("abort", () => ctl.abort(), { once: true });
    try {
      const found = await searchAssets(q, ctl.signal);
      if (ctl.signal.aborted || input.value.trim() !== q) return;
      show(found, q);
    } catch (err) {
      if (isAbort(err)) return;
      items = [];
      replaceChildren(list, h("li", { class: "graph-suggestion-none" }, "Search failed; try again."));
      list.hidden = false;
    }
  }, 200);

  input.addEventListener("input", () => void lookup());
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" && items.length) {
      e.preventDefault();
      if (list.hidden) show(items, input.value);
      setActive((active + 1) % items.length);
    } else if (e.key === "ArrowUp" && items.length) {
      e.preventDefault();
      setActive((active - 1 + items.length) % items.length);
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (!list.hidden && active >= 0) pick(active);
    } else if (e.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));

  return h(
    "div",
    { class: "graph-search" },
    h("label", { for: "graph-search", class: "visually-hidden" }, "Find an asset"),
    input,
    list,
    status,
  );
}
