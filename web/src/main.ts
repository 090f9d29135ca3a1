// Entry point: the header with its nav, then the router drawing pages into <main>.
// Pages register themselves on import; a new page is one import line here.
import { h, replaceChildren } from "./dom.ts";
import { currentRoute, getNavItems, href, onNavChange, startRouter, type Route } from "./router.ts";
import { empty, errorBanner, pageHeader } from "./ui.ts";
import "./pages/summary.ts";
import "./pages/assets.ts";
import "./pages/asset.ts";
import "./pages/sites.ts";
import "./pages/licences.ts";

function isActive(itemPath: string, matches: string[] | undefined, route: Route): boolean {
  return (matches ?? [itemPath]).some((p) =>
    p === "/" ? route.path === "/" : route.path === p || route.path.startsWith(`${p}/`),
  );
}

function renderNav(nav: HTMLElement): void {
  const route = currentRoute();
  replaceChildren(
    nav,
    h(
      "ul",
      null,
      getNavItems().map((item) =>
        h(
          "li",
          null,
          h(
            "a",
            {
              href: href(item.path),
              "aria-current": isActive(item.path, item.matches, route) ? "page" : null,
            },
            item.label,
          ),
        ),
      ),
    ),
  );
}

function boot(): void {
  const root = document.getElementById("app") ?? document.body;
  const nav = h("nav", { class: "main-nav", "aria-label": "Main" });
  const outlet = h("main", { id: "main", class: "main", tabindex: "-1" });
  replaceChildren(
    root,
    h(
      "a",
      {
        class: "skip-link",
        href: "#main",
        onclick: (e: Event) => {
          e.preventDefault();
          outlet.focus();
        },
      },
      "Skip to content",
    ),
    h(
      "header",
      { class: "app-header" },
      h(
        "div",
        { class: "header-inner" },
        h(
          "a",
          { class: "brand", href: href("/") },
          h("span", { class: "brand-mark", "aria-hidden": "true" }),
          "Converge",
        ),
        nav,
      ),
    ),
    outlet,
  );
  onNavChange(() => renderNav(nav));
  let first = true;
  startRouter({
    outlet,
    notFound: ({ outlet: o, route }) => {
      o.append(
        pageHeader("Page not found"),
        empty(`Nothing lives at ${route.path}.`),
        h("p", null, h("a", { href: href("/") }, "Back to the summary")),
      );
    },
    onError: (o, err) => {
      for (const el of o.querySelectorAll(".loading")) el.remove();
      o.append(errorBanner(err, "Could not load this page"));
    },
    onRoute: () => {
      renderNav(nav);
      if (!first) window.scrollTo(0, 0);
      first = false;
    },
  });
}

boot();
