// Entry point: the header with its nav and user menu, then the router drawing pages into <main>.
// Pages register themselves on import; a new page is one import line here.
//
// Nothing is drawn until the server confirms a session (GET /auth/me). Without one the sign-in screen
// takes the page; with one-time credentials the "choose a new password" screen does. The location hash
// is left alone meanwhile, so after signing in the user lands where they were going.
import { isUnauthenticated, onUnauthenticated } from "./api.ts";
import { choosePasswordScreen, signInScreen } from "./auth-screens.ts";
import { append, h, replaceChildren } from "./dom.ts";
import { clearOrganisations } from "./organisations.ts";
import {
  abortRoute,
  currentRoute,
  getNavItems,
  href,
  onNavChange,
  refreshRoute,
  startRouter,
  type Route,
} from "./router.ts";
import {
  checkSession,
  currentMe,
  currentUser,
  loadMe,
  onSessionChange,
  setUser,
  signOut,
  type SessionUser,
} from "./session.ts";
import { empty, errorBanner, loading, pageHeader } from "./ui.ts";
import "./pages/summary.ts";
import "./forms/asset-editor.tsx";
import "./pages/assets.ts";
import "./pages/asset.ts";
import "./forms/site-editor.tsx";
import "./pages/sites.ts";
import "./pages/site.ts";
import "./pages/graph.ts";
import "./forms/licence-editor.tsx";
import "./forms/contract-editor.tsx";
import "./pages/licences.ts";
import "./pages/licence.ts";
import "./pages/contracts.ts";
import "./pages/contract.ts";
import "./pages/procurement.ts";
import "./pages/audit.ts";
import "./pages/registers.tsx";
import "./pages/admin-users.ts";
import "./pages/account.ts";

/** Where the app is: pages are drawn only when "ready". */
type Phase = "checking" | "signed-out" | "choose-password" | "no-role" | "ready";
let phase: Phase = "checking";

function isActive(itemPath: string, matches: string[] | undefined, route: Route): boolean {
  return (matches ?? [itemPath]).some((p) =>
    p === "/" ? route.path === "/" : route.path === p || route.path.startsWith(`${p}/`),
  );
}

function renderNav(nav: HTMLElement): void {
  const route = currentRoute();
  if (phase !== "ready") {
    nav.textContent = "";
    return;
  }
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

/** "Jane Smith" → "JS"; "admin@x" → "A". */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? words[0]![0]! + words[words.length - 1]![0]! : (words[0]?.[0] ?? "?");
  return letters.toUpperCase();
}

/** The signed-in user's name with a menu: Account, Sign out. Empty when nobody is signed in. */
function renderUserMenu(slot: HTMLElement, onSignOut: () => void): void {
  const user = currentUser();
  slot.textContent = "";
  if (!user || phase === "checking" || phase === "signed-out") return;
  const me = currentMe();
  const name = me?.displayName ?? user.displayName;
  const panel = h("div", { class: "user-menu-panel", id: "user-menu-panel", hidden: true });
  const button = h(
    "button",
    {
      type: "button",
      class: "user-menu-button",
      id: "user-menu-button",
      "aria-expanded": "false",
      "aria-controls": "user-menu-panel",
    },
    h("span", { class: "avatar", "aria-hidden": "true" }, initials(name)),
    h("span", { class: "user-name", id: "user-name" }, name),
    h("span", { class: "caret", "aria-hidden": "true" }),
  );
  const close = (focusButton = false) => {
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
    document.removeEventListener("click", outside, true);
    document.removeEventListener("keydown", onKey);
    if (focusButton) button.focus();
  };
  const outside = (e: Event) => {
    if (!slot.contains(e.target as Node)) close();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") close(true);
  };
  button.addEventListener("click", () => {
    if (!panel.hidden) return close();
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    document.addEventListener("click", outside, true);
    document.addEventListener("keydown", onKey);
    panel.querySelector<HTMLElement>("a, button")?.focus();
  });
  append(
    panel,
    h(
      "div",
      { class: "user-menu-head" },
      h("span", { class: "strong" }, name),
      h("span", { class: "secondary" }, user.email),
    ),
    phase === "ready"
      ? h(
          "a",
          { href: href("/account"), class: "user-menu-item", id: "menu-account", onclick: () => close() },
          "Account",
        )
      : null,
    h(
      "button",
      {
        type: "button",
        class: "user-menu-item",
        id: "menu-sign-out",
        onclick: () => {
          close();
          onSignOut();
        },
      },
      "Sign out",
    ),
  );
  slot.append(button, panel);
}

function boot(): void {
  const root = document.getElementById("app") ?? document.body;
  const nav = h("nav", { class: "main-nav", "aria-label": "Main" });
  const userSlot = h("div", { class: "user-menu" });
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
        userSlot,
      ),
    ),
    outlet,
  );

  const refreshChrome = () => {
    renderNav(nav);
    renderUserMenu(userSlot, () => void doSignOut());
  };

  /** Draws one of the screens that stand in for pages (sign-in, new password, …). */
  const showScreen = (next: Phase, ...content: (Node | null)[]) => {
    abortRoute();
    phase = next;
    refreshChrome();
    replaceChildren(outlet, ...content);
  };

  const showSignIn = (notice?: string) => {
    showScreen(
      "signed-out",
      signInScreen({
        notice,
        onSignedIn: (user) => {
          setUser(user);
          void enter();
        },
      }),
    );
  };

  const showChoosePassword = (user: SessionUser) => {
    showScreen(
      "choose-password",
      choosePasswordScreen({ user, onChanged: () => void enter(), onSignOut: () => void doSignOut() }),
    );
  };

  /** Opens the app for the signed-in user: new password first, then their roles, then the page. */
  const enter = async () => {
    const user = currentUser();
    if (!user) return showSignIn();
    if (user.mustChangePassword) return showChoosePassword(user);
    showScreen("checking", loading("Loading your account…"));
    try {
      const me = await loadMe();
      if (!currentUser()) return; // signed out meanwhile
      if (!me?.roles.length) {
        showScreen(
          "no-role",
          pageHeader("No access yet"),
          h(
            "section",
            { class: "card notice-card" },
            h(
              "p",
              null,
              "You are signed in as ",
              h("strong", null, user.email),
              ", but your account has no role in any organisation yet.",
            ),
            h("p", null, "Ask an administrator of your organisation to grant you one, then sign in again."),
          ),
        );
        return;
      }
    } catch (err) {
      if (isUnauthenticated(err)) return; // the handler below shows the sign-in screen
      showScreen("checking", errorBanner(err, "Could not load your account"), retryButton());
      return;
    }
    phase = "ready";
    refreshChrome();
    outlet.textContent = "";
    refreshRoute();
  };

  const doSignOut = async () => {
    abortRoute();
    try {
      await signOut();
    } catch {
      // the local state is cleared either way; the server session expires on its own
    }
    clearOrganisations();
    // The next person to sign in starts at the summary, not on the page the last one left open.
    history.replaceState(history.state, "", href("/"));
    showSignIn("You have signed out.");
  };

  const retryButton = () =>
    h("p", null, h("button", { type: "button", class: "button", onclick: () => void start() }, "Try again"));

  const start = async () => {
    showScreen("checking", loading("Checking your session…"));
    try {
      setUser(await checkSession());
    } catch (err) {
      showScreen("checking", errorBanner(err, "Could not reach Converge"), retryButton());
      return;
    }
    await enter();
  };

  // Any request refused for want of a session (expired, signed out in another tab) leads here.
  onUnauthenticated(() => {
    if (phase === "signed-out") return;
    const wasSignedIn = currentUser() != null;
    setUser(null);
    clearOrganisations();
    showSignIn(wasSignedIn ? "Your session has ended. Sign in again to continue." : undefined);
  });
  onSessionChange(refreshChrome);
  onNavChange(() => renderNav(nav));

  let first = true;
  startRouter({
    outlet,
    gate: () => phase === "ready",
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
  void start();
}

boot();
