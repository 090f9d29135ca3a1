// Text for the procurement views that the shared ../format.ts does not cover: seats, short lists,
// product names and money the caller may not be allowed to see.
import { h, type Child } from "../dom.ts";
import { formatInt, formatMoney } from "../format.ts";
import type { SeatCount } from "./data.ts";

/** "3 of 5 user; 1 of 1 site". */
export function seatsText(seats: SeatCount[]): string {
  return seats
    .map((s) => `${formatInt(s.used)} of ${formatInt(s.owned)} ${s.metric.toLowerCase()}`)
    .join("; ");
}

/** "a, b, c and 3 more". */
export function someOf(names: string[], max = 4): string {
  return names.length <= max
    ? names.join(", ")
    : `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
}

/** A product with its edition when it has one: "Microsoft 365 E3". */
export function productName(product: { name: string; edition: string }): string {
  return `${product.name}${product.edition ? ` ${product.edition}` : ""}`;
}

/** Money that may be hidden: "hidden" with the reason when null because of permissions. */
export function maskedMoney(value: string | null, visible: boolean): Child {
  if (value !== null) return formatMoney(value);
  return visible
    ? h("span", { class: "muted" }, "—")
    : h(
        "span",
        { class: "muted", title: "Needs the readContractValues permission in that organisation" },
        "hidden",
      );
}
