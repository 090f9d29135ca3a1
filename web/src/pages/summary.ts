// "#/": every organisation side by side, one column each, plus a combined column when there are several.
import { loadOrganisations, orgColour } from "../organisations.ts";
import { toPence } from "../format.ts";
import { graphql } from "../graphql.ts";
import type { ItemOf, SummaryQuery } from "../graphql.ts";
import { gql } from "../api.ts";
import { h, type Child } from "../dom.ts";
import { ASSET_KINDS } from "../enums.ts";
import { formatEnum, formatInt, formatMoney, formatNumber, percent, sumMoney } from "../format.ts";
import { definePage, href, registerNav, type PageContext } from "../router.ts";
import { badge, empty, loading, pageHeader } from "../ui.ts";
import { commercialMoney, hiddenMark, sumShown } from "../commercial.ts";

type Summary = OrgSummary["summary"];

type OrgSummary = ItemOf<SummaryQuery["organisations"]>;

const QUERY = graphql(`
  query Summary {
    organisations {
      id
      code
      name
      kind
      annualIctBudget
      staffFte
      summary {
        siteCount
        assetCount
        assetsByKind {
          kind
          count
        }
        annualRunCost
        siteAnnualCost
        licenceSpend
        valuesVisible
        licenceCount
        contractCount
        seatsOwned
        seatsUsed
      }
    }
  }
`);

/** A row of the comparison: label plus a value per organisation and for the combined estate. */
interface Row {
  label: string;
  sub?: boolean;
  value: (o: OrgSummary) => Child;
  combined?: (orgs: OrgSummary[]) => Child;
  /** A commercial figure: shown as "hidden" even for an organisation with nothing recorded, when hidden. */
  commercial?: boolean;
}

const sumInt = (orgs: OrgSummary[], f: (s: Summary) => number) => orgs.reduce((n, o) => n + f(o.summary), 0);
const kindCount = (s: Summary, kind: string) => s.assetsByKind.find((k) => k.kind === kind)?.count ?? 0;
/** A count linking to the filtered list; zero stays plain text (nothing to show there). */
const countLink = (n: number, path: string, query: Record<string, string>) =>
  n ? h("a", { href: href(path, query) }, formatInt(n)) : h("span", { class: "muted" }, "0");
const utilisation = (used: number, owned: number) => {
  const p = percent(used, owned);
  return p == null ? "—" : `${p}%`;
};

function sections(): { title: string; rows: Row[] }[] {
  return [
    {
      title: "Organisation",
      rows: [
        { label: "Kind", value: (o) => badge(o.kind, "org") },
        {
          label: "Annual ICT budget",
          value: (o) => formatMoney(o.annualIctBudget),
          combined: (os) => formatMoney(sumMoney(os.map((o) => o.annualIctBudget))),
        },
        {
          label: "Core ICT staff (FTE)",
          value: (o) => formatNumber(o.staffFte),
          combined: (os) => formatNumber(os.reduce((n, o) => n + o.staffFte, 0)),
        },
      ],
    },
    {
      title: "Estate",
      rows: [
        {
          label: "Sites (not retired)",
          value: (o) => countLink(o.summary.siteCount, "/sites", { org: o.code, lifecycle: "LIVE" }),
          combined: (os) => formatInt(sumInt(os, (s) => s.siteCount)),
        },
        {
          label: "Assets (not retired)",
          value: (o) => countLink(o.summary.assetCount, "/assets", { org: o.code, lifecycle: "LIVE" }),
          combined: (os) => formatInt(sumInt(os, (s) => s.assetCount)),
        },
        ...ASSET_KINDS.map((kind): Row => ({
          label: formatEnum(kind),
          sub: true,
          value: (o) =>
            countLink(kindCount(o.summary, kind), "/assets", { org: o.code, kind, lifecycle: "LIVE" }),
          combined: (os) => formatInt(sumInt(os, (s) => kindCount(s, kind))),
        })),
      ],
    },
    {
      title: "Annual costs",
      rows: [
        {
          label: "Asset run cost",
          value: (o) => formatMoney(o.summary.annualRunCost),
          combined: (os) => formatMoney(sumMoney(os.map((o) => o.summary.annualRunCost))),
        },
        {
          label: "Site cost",
          value: (o) => formatMoney(o.summary.siteAnnualCost),
          combined: (os) => formatMoney(sumMoney(os.map((o) => o.summary.siteAnnualCost))),
        },
        {
          label: "Licence spend",
          commercial: true,
          value: (o) =>
            commercialMoney(o.summary.licenceSpend, o.summary.valuesVisible, { hiddenFor: [o.code] }),
          combined: (os) => {
            const total = sumShown(os.map((o) => o.summary.licenceSpend));
            return total === null
              ? hiddenMark(os.filter((o) => !o.summary.valuesVisible).map((o) => o.code))
              : formatMoney(total);
          },
        },
      ],
    },
    {
      title: "Licences and contracts",
      rows: [
        {
          label: "Licences (active)",
          value: (o) => countLink(o.summary.licenceCount, "/licences", { org: o.code, status: "ACTIVE" }),
          combined: (os) => formatInt(sumInt(os, (s) => s.licenceCount)),
        },
        {
          label: "Seats owned",
          value: (o) => formatInt(o.summary.seatsOwned),
          combined: (os) => formatInt(sumInt(os, (s) => s.seatsOwned)),
        },
        {
          label: "Seats used",
          value: (o) => formatInt(o.summary.seatsUsed),
          combined: (os) => formatInt(sumInt(os, (s) => s.seatsUsed)),
        },
        {
          label: "Seat utilisation",
          value: (o) => utilisation(o.summary.seatsUsed, o.summary.seatsOwned),
          combined: (os) =>
            utilisation(
              sumInt(os, (s) => s.seatsUsed),
              sumInt(os, (s) => s.seatsOwned),
            ),
        },
        {
          label: "Contracts (active)",
          value: (o) => countLink(o.summary.contractCount, "/contracts", { org: o.code, status: "ACTIVE" }),
          combined: (os) => formatInt(sumInt(os, (s) => s.contractCount)),
        },
      ],
    },
  ];
}

/**
 * True when nothing of the organisation's estate is recorded (no budget, staff, sites, assets, licences
 * or contracts): its column says so instead of a column of zeros and £0.00.
 */
function isEmpty(o: OrgSummary): boolean {
  const s = o.summary;
  return (
    toPence(o.annualIctBudget) === 0n &&
    o.staffFte === 0 &&
    s.siteCount + s.assetCount + s.licenceCount + s.contractCount === 0
  );
}

function comparisonTable(orgs: OrgSummary[]): HTMLElement {
  const combined = orgs.length > 1;
  const colCount = orgs.length + 1 + (combined ? 1 : 0);
  const head = h(
    "tr",
    null,
    h("th", { scope: "col", class: "row-label" }, "Measure"),
    orgs.map((o) =>
      h(
        "th",
        { scope: "col", class: "num org-col", "data-org": o.code, style: `--org: ${orgColour(o.code)}` },
        h("span", { class: "org-code" }, o.code),
        h("span", { class: "org-name" }, o.name),
        isEmpty(o) ? h("span", { class: "nothing-yet" }, "Nothing recorded yet") : null,
      ),
    ),
    combined
      ? h(
          "th",
          { scope: "col", class: "num org-col combined" },
          h("span", { class: "org-code" }, "Combined"),
          h("span", { class: "org-name" }, `${orgs.length} organisations`),
        )
      : null,
  );
  const bodies = sections().map((section) =>
    h(
      "tbody",
      null,
      h("tr", { class: "section-row" }, h("th", { scope: "rowgroup", colspan: colCount }, section.title)),
      section.rows.map((row) =>
        h(
          "tr",
          { class: row.sub ? "sub-row" : null },
          h("th", { scope: "row", class: "row-label" }, row.label),
          orgs.map((o) =>
            h(
              "td",
              { class: "num", "data-org": o.code },
              isEmpty(o) && row.label !== "Kind" && !(row.commercial && !o.summary.valuesVisible)
                ? h("span", { class: "muted nothing" }, "—")
                : row.value(o),
            ),
          ),
          combined ? h("td", { class: "num combined" }, row.combined ? row.combined(orgs) : "") : null,
        ),
      ),
    ),
  );
  return h(
    "div",
    { class: "table-wrap table-wrap-full" },
    h(
      "table",
      { class: "data-table comparison", id: "summary-table" },
      h("caption", { class: "visually-hidden" }, "Estate comparison by organisation"),
      h("thead", null, head),
      bodies,
    ),
  );
}

async function render({ outlet, signal }: PageContext): Promise<void> {
  outlet.append(
    pageHeader(
      "Estate summary",
      "Side-by-side comparison of each organisation's ICT estate: sites and assets not retired, licences and contracts active. Each count opens that same set.",
    ),
  );
  const status = outlet.appendChild(loading());
  const [{ organisations }] = await Promise.all([gql(QUERY, {}, signal), loadOrganisations()]);
  status.remove();
  outlet.append(organisations.length ? comparisonTable(organisations) : empty("No organisations yet."));
}

definePage("/", render);
registerNav({ label: "Summary", path: "/", order: 10 });
