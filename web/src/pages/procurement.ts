// "#/procurement": licence overlaps (sortable, filterable, exportable to CSV), a 36-month renewals
// timeline with notice deadlines, and shelfware/shortfall tables. "#/procurement/overlaps/<id>": the
// organisations side by side, with the consolidation saving and its arithmetic.
// The sections live in ../procurement/; their styles are the "Procurement" section of styles.css.
import { gql, isAbort } from "../api.ts";
import { h } from "../dom.ts";
import { loadOrganisations, type OrgRef } from "../organisations.ts";
import { definePage, registerNav, type PageContext } from "../router.ts";
import { errorBanner, pageHeader } from "../ui.ts";
import { CAPABILITIES, type Capability } from "../procurement/data.ts";
import { renderOverlaps } from "../procurement/overlaps.ts";
import { renderRenewals } from "../procurement/renewals.ts";
import { renderPositions } from "../procurement/seats-tables.ts";
import { renderDetail } from "../procurement/side-by-side.ts";

/** In-page jumps without touching the hash (the hash is the router's). */
function jump(e: Event, id: string): void {
  e.preventDefault();
  const target = document.getElementById(id);
  target?.scrollIntoView({ behavior: "smooth", block: "start" });
}

async function render(ctx: PageContext): Promise<void> {
  const { outlet, signal } = ctx;
  const header = pageHeader(
    "Procurement",
    "Where the organisations pay twice for the same job, what renews when, and seats owned against used.",
    h("a", { class: "button", href: "#overlaps", onclick: (e: Event) => jump(e, "overlaps") }, "Overlaps"),
    h("a", { class: "button", href: "#renewals", onclick: (e: Event) => jump(e, "renewals") }, "Renewals"),
    h("a", { class: "button", href: "#seats", onclick: (e: Event) => jump(e, "seats") }, "Seats"),
  );
  header.classList.add("proc-header");
  outlet.append(header);
  const overlaps = h("section", { class: "proc-section", "aria-labelledby": "overlaps" });
  const renewals = h("section", { class: "proc-section", "aria-labelledby": "renewals" });
  const seats = h("section", { class: "proc-section", "aria-labelledby": "seats" });
  outlet.append(overlaps, renewals, seats);
  let orgs: OrgRef[] = [];
  let capabilities: Capability[] = [];
  try {
    [orgs, capabilities] = await Promise.all([
      loadOrganisations(),
      gql(CAPABILITIES, {}, signal).then((d) => d.capabilities),
    ]);
  } catch (err) {
    if (isAbort(err)) return;
    overlaps.append(errorBanner(err, "Could not load filter options"));
  }
  if (signal.aborted) return;
  await Promise.all([
    renderOverlaps(overlaps, ctx, orgs, capabilities),
    renderRenewals(renewals, ctx, orgs),
    renderPositions(seats, ctx),
  ]);
}

definePage("/procurement", render);
definePage("/procurement/overlaps/:id", renderDetail);
registerNav({ label: "Procurement", path: "/procurement", order: 50, matches: ["/procurement"] });
