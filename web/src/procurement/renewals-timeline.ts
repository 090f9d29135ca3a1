// The renewals timeline as SVG: one row a contract, a diamond at the notice deadline, a dot at the end
// date and the notice period shaded between them, over a month grid with today marked.
import { formatDate } from "../format.ts";
import type { RenewalRow } from "./data.ts";
import { dayNumber, todayIso } from "./dates.ts";
import { svg } from "./svg.ts";
import { href } from "../router.ts";

const width = 1100;
const labelWidth = 360;
const left = labelWidth + 10;
const right = width - 20;
const rowHeight = 22;
const top = 36;

/** The window drawn and where a date falls in it. */
interface Scale {
  from: string;
  to: string;
  height: number;
  /** The x of a date, clamped to the window. */
  x: (iso: string) => number;
}

/** The timeline of `items` between `from` and `to`, each row marked in its organisation's colour. */
export function timeline(
  items: RenewalRow[],
  from: string,
  to: string,
  orgColour: (code: string) => string,
): SVGElement {
  const height = top + items.length * rowHeight + 12;
  const start = dayNumber(from);
  const span = dayNumber(to) - start;
  const x = (iso: string) =>
    left + ((Math.min(Math.max(dayNumber(iso), start), start + span) - start) / span) * (right - left);
  const scale: Scale = { from, to, height, x };
  const root = svg("svg", {
    class: "proc-timeline",
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-labelledby": "renewals-title renewals-desc",
    id: "renewals-timeline",
  });
  root.appendChild(
    svg("title", { id: "renewals-title" }, `Contract renewals from ${formatDate(from)} to ${formatDate(to)}`),
  );
  const defs = svg("defs");
  const clip = svg("clipPath", { id: "proc-label-clip" });
  clip.appendChild(svg("rect", { x: 0, y: 0, width: labelWidth, height }));
  defs.appendChild(clip);
  root.appendChild(defs);
  root.appendChild(
    svg(
      "desc",
      { id: "renewals-desc" },
      `${items.length} contracts, each a row: a diamond at the notice deadline, a dot at the end date, the notice period shaded between them.`,
    ),
  );
  root.appendChild(monthGrid(scale));
  items.forEach((item, i) =>
    root.appendChild(contractRow(item, i, scale, orgColour(item.organisation.code))),
  );
  return root;
}

/** Month grid with a label each quarter, years in bold, and a dashed line at today. */
function monthGrid({ from, to, height, x }: Scale): SVGElement {
  const grid = svg("g");
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  for (let i = 0; i <= 37; i++) {
    const month = new Date(Date.UTC(fy, fm - 1 + i, 1)).toISOString().slice(0, 10);
    if (month < from || month > to) continue;
    const mx = x(month);
    const isYear = month.slice(5, 7) === "01";
    grid.appendChild(
      svg("line", {
        x1: mx,
        x2: mx,
        y1: top - 6,
        y2: height - 8,
        stroke: isYear ? "#b9c2cd" : "#eceff3",
        "stroke-width": isYear ? 1.2 : 1,
      }),
    );
    if (isYear || ["04", "07", "10"].includes(month.slice(5, 7))) {
      const label = isYear ? month.slice(0, 4) : formatDate(month).replace(/^1 /, "");
      grid.appendChild(
        svg("text", { x: mx + 3, y: top - 12, class: "axis", "font-weight": isYear ? 700 : 400 }, label),
      );
    }
  }
  const todayX = x(todayIso());
  grid.appendChild(
    svg("line", {
      x1: todayX,
      x2: todayX,
      y1: top - 20,
      y2: height - 8,
      stroke: "#a4262c",
      "stroke-dasharray": "3 3",
    }),
  );
  grid.appendChild(svg("text", { x: todayX + 3, y: top - 24, class: "axis", fill: "#a4262c" }, "today"));
  return grid;
}

/** Row `i`: the contract's label (clipped to its column), notice period, notice deadline and end. */
function contractRow(item: RenewalRow, i: number, { from, to, x }: Scale, colour: string): SVGElement {
  const y = top + i * rowHeight + rowHeight / 2;
  const row = svg("g", { "data-contract": item.contract.reference });
  if (i % 2 === 0)
    row.appendChild(svg("rect", { x: 0, y: y - rowHeight / 2, width, height: rowHeight, fill: "#f7f9fb" }));
  row.appendChild(svg("rect", { x: 4, y: y - 7, width: 4, height: 14, fill: colour, rx: 1 }));
  // About 6.8 px a character at this size (bold references are wider): keep the label inside its column.
  const budget = Math.max(
    8,
    Math.floor((labelWidth - 24) / 6.8) -
      item.organisation.code.length -
      item.contract.reference.length -
      (item.overlapIds.length ? 4 : 2),
  );
  const title =
    item.contract.title.length > budget
      ? `${item.contract.title.slice(0, budget - 1)}…`
      : item.contract.title;
  const text = svg("text", { x: 14, y: y + 4, class: "label", "clip-path": "url(#proc-label-clip)" });
  text.appendChild(svg("tspan", { "font-weight": 700, fill: colour }, `${item.organisation.code} `));
  text.appendChild(svg("tspan", { "font-weight": 600 }, `${item.contract.reference} `));
  text.appendChild(svg("tspan", {}, title));
  if (item.overlapIds.length) text.appendChild(svg("tspan", { fill: "#8a4b00", "font-weight": 700 }, " ★"));
  // The label opens the contract's page.
  const link = svg("a", { href: href(`/contracts/${item.contract.id}`), class: "contract-link" });
  link.appendChild(text);
  row.appendChild(link);
  const end = item.endDate;
  const notice = item.noticeDeadline;
  if (notice && end) {
    const x1 = x(notice);
    const x2 = x(end);
    if (x2 > x1)
      row.appendChild(svg("rect", { x: x1, y: y - 4, width: x2 - x1, height: 8, fill: "#c9dcee", rx: 2 }));
  }
  if (notice) {
    const nx = x(notice);
    const passed = notice < from;
    const diamond = svg("path", {
      d: `M ${nx} ${y - 7} L ${nx + 7} ${y} L ${nx} ${y + 7} L ${nx - 7} ${y} Z`,
      fill: passed ? "#a4262c" : "#e08a00",
      stroke: "#fff",
      "stroke-width": 1,
    });
    diamond.appendChild(
      svg(
        "title",
        {},
        `${item.contract.reference}: notice deadline ${formatDate(notice)}${passed ? " (passed)" : ""}`,
      ),
    );
    row.appendChild(diamond);
  }
  if (end) {
    const inside = end <= to;
    const dot = inside
      ? svg("circle", { cx: x(end), cy: y, r: 5, fill: "#145d8f", stroke: "#fff", "stroke-width": 1 })
      : svg("path", {
          d: `M ${right - 8} ${y - 6} L ${right} ${y} L ${right - 8} ${y + 6} Z`,
          fill: "#145d8f",
        });
    dot.appendChild(svg("title", {}, `${item.contract.reference}: ends ${formatDate(end)}`));
    row.appendChild(dot);
  }
  const hover = svg(
    "title",
    {},
    `${item.organisation.code} ${item.contract.reference}: ${item.contract.title}${item.contract.supplierName ? ` (${item.contract.supplierName})` : ""} — notice by ${formatDate(notice)}, ends ${formatDate(end)}${item.overlapIds.length ? `; in ${item.overlapIds.length} overlap(s)` : ""}`,
  );
  text.appendChild(hover);
  return row;
}
