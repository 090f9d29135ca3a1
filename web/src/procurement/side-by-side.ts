// "#/procurement/overlaps/<id>": the organisations of one overlap side by side, the consolidation
// saving with its arithmetic, and the cost of co-terminating their contracts.
import { gql } from "../api.ts";
import { h, replaceChildren } from "../dom.ts";
import { formatDate, formatEnum, formatMoney } from "../format.ts";
import { href, type PageContext } from "../router.ts";
import { empty, errorBanner, loading, pageHeader } from "../ui.ts";
import { DETAIL, SAVINGS, type Detail, type Savings } from "./detail-data.ts";
import { commercialMoney } from "../commercial.ts";
import { savingCard } from "./savings.ts";
import { sideCard } from "./side-card.ts";

type Cotermination = NonNullable<Detail["licenceOverlap"]>["cotermination"];

/** The co-termination card (`#coterm-card`): the common end date, whether it is possible, its cost. */
function cotermCard(c: Cotermination): HTMLElement {
  return h(
    "section",
    { class: "card", id: "coterm-card" },
    h("h2", null, "Co-termination"),
    h(
      "dl",
      { class: "proc-figures" },
      h("div", null, h("dt", null, "Align to"), h("dd", null, formatDate(c.commonEndDate))),
      h(
        "div",
        null,
        h("dt", null, "Possible"),
        h("dd", null, c.alreadyCoterminous ? "Already aligned" : c.coterminable ? "Yes" : "No"),
      ),
      h(
        "div",
        null,
        h("dt", null, "Cost of aligning"),
        h("dd", null, commercialMoney(c.cost, c.valuesVisible, { hiddenFor: c.hiddenFor })),
      ),
    ),
    h("p", { class: "proc-method" }, c.method),
    c.obstacles.length
      ? h(
          "ul",
          null,
          c.obstacles.map((x) => h("li", { class: "warn" }, x)),
        )
      : null,
  );
}

/** Renders the side-by-side view of the overlap in the route's `id`. */
export async function renderDetail({ outlet, route, signal }: PageContext): Promise<void> {
  const id = route.params.id ?? "";
  outlet.append(h("a", { class: "back", href: href("/procurement") }, "← Procurement"));
  const holder = h("div", null, loading("Loading overlap…"));
  outlet.append(holder);
  const [detail, savings] = await Promise.allSettled([
    gql(DETAIL, { id }, signal),
    gql(SAVINGS, { id }, signal),
  ]);
  if (signal.aborted) return;
  if (detail.status === "rejected") {
    replaceChildren(holder, errorBanner(detail.reason, "Could not load this overlap"));
    return;
  }
  const o = detail.value.licenceOverlap;
  if (!o) {
    replaceChildren(
      holder,
      pageHeader("Overlap not found"),
      empty(`No overlap ${id} among the organisations now.`),
    );
    return;
  }
  replaceChildren(
    holder,
    pageHeader(
      o.label,
      `${formatEnum(o.kind)}${o.capability ? ` · ${o.capability.name}` : ""} · ${o.annualCost === null ? "annual cost hidden" : `${formatMoney(o.annualCost)} a year`} across ${o.sides.length} organisations`,
    ),
    h(
      "div",
      {
        class: "proc-sides",
        style: `grid-template-columns: repeat(${Math.min(o.sides.length, 3)}, minmax(0, 1fr))`,
      },
      o.sides.map(sideCard),
    ),
    savings.status === "fulfilled"
      ? savingCard(savings.value)
      : h("section", { class: "card" }, errorBanner(savings.reason, "Could not work out the saving")),
    cotermCard(o.cotermination),
  );
}
