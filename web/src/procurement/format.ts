// Text for the procurement views that the shared ../format.ts does not cover: seats, short lists and
// product names. Money the caller may not be allowed to see is shown by ../commercial.ts.
import { formatInt } from "../format.ts";
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
