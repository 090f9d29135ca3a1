// "#/procurement/overlaps/<id>": the organisations of one overlap side by side, the consolidation
// saving with its arithmetic, and the cost of co-terminating their contracts.
import { gql } from "../api.ts";
import { h, replaceChildren } from "../dom.ts";
import { formatDate, formatEnum, formatMoney } from "../format.ts";
import { href, type PageContext } from "../router.ts";
import { empty, errorBanner, loading, pageHeader } from "../ui.ts";
import { DETAIL, SAVINGS, type Detail, type Savings } from "./detail-data.ts";
import type { TimingChoice } from "../graphql.ts";
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

/** The saving card, priced again on the date the user picks. */
function savingHolder(first: Savings, id: string, signal: AbortSignal): HTMLElement {
  const holder = h("div", null);
  const show = (data: Savings, timing: string) =>
    replaceChildren(
      holder,
      savingCard(data, timing, (next) => {
        void gql(SAVINGS, { id, timing: next as TimingChoice }, signal)
          .then((d) => show(d, next))
          .catch((err: unknown) =>
            replaceChildren(holder, errorBanner(err, "Could not work out the saving")),
          );
      }),
    );
  show(first, "BEST");
  return holder;
}

/** Renders the side-by-side view of the overlap in the route's `id`. */
export async function renderDetail({ outlet, route, signal }: PageContext): Promise<void> {
  const id = route.params.id ?? "";
  outlet.append(h("a", { class: "back", href: href("/procurement") }, "← Procurement"));
  const holder = h("div", null, loading("Loading overlap…"));
  outlet.append(holder);
  const contractOnly = id.startsWith("Overlap:CONTRACTS_ONLY:");
  const [detail, savings] = await Promise.allSettled([
    gql(DETAIL, { id }, signal),
    contractOnly ? Promise.resolve(null) : gql(SAVINGS, { id }, signal),
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
    contractOnly
      ? h(
          "section",
          { class: "card", id: "saving-card" },
          h("h2", null, "Contracts only"),
          h(
            "p",
            { class: "muted" },
            "These organisations buy the same job through contracts that carry no licences, so there are no seats to price. Compare the contracts, suppliers and end dates above; aligning their ends (below) is a one-off cost, and the natural time to converge is when the earlier contracts end.",
          ),
        )
      : savings.status === "fulfilled" && savings.value
        ? savingHolder(savings.value, id, signal)
        : h(
            "section",
            { class: "card" },
            errorBanner(
              savings.status === "rejected" ? savings.reason : null,
              "Could not work out the saving",
            ),
          ),
    cotermCard(o.cotermination),
  );
}
