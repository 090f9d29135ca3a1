// "#/audit?org=SCC&actor=jane@…&type=Asset&from=2026-11-01&to=2026-11-30&entity=Asset:…&order=…":
// every recorded change, newest first unless a column header asks the server for another order, with
// filters in the URL and "Load more" paging. Each row opens its field-by-field diff.
import { AuditOrder, graphql } from "../graphql.ts";
import { gql, isAbort } from "../api.ts";
import { enumValue } from "../enums.ts";
import { londonDayStart } from "../dates.ts";
import { append, debounce, h } from "../dom.ts";
import {
  AUDITED_TYPES,
  changesText,
  diffDetails,
  entityCell,
  entityLabel,
  entityTypeLabel,
  type AuditEventRow,
} from "../audit.ts";
import { formatDateTime, formatEnum } from "../format.ts";
import { pagedTable, type Connection } from "../list.ts";
import { loadOrganisations, type OrgRef } from "../organisations.ts";
import { definePage, queryList, registerNav, replaceQuery, type PageContext } from "../router.ts";
import { hasRole } from "../session.ts";
import { badge, checkboxGroup, errorBanner, pageHeader, selectField, type ExportColumn } from "../ui.ts";

const QUERY = graphql(`
  query AuditEvents($filter: AuditFilter, $orderBy: AuditOrder, $first: Int, $after: String) {
    auditEvents(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          actor
          action
          entityType
          entityId
          organisation {
            code
            name
          }
          before
          after
          valuesVisible
        }
      }
    }
  }
`);

/** The name of the record the list is narrowed to (asset, site, contract or licence). */
const ENTITY_NAME = graphql(`
  query AuditEntityName($id: ID!) {
    node(id: $id) {
      __typename
      ... on Asset {
        name
      }
      ... on Site {
        name
      }
      ... on Contract {
        reference
        title
      }
      ... on Licence {
        organisation {
          code
        }
        product {
          name
          edition
        }
      }
    }
  }
`);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A yyyy-mm-dd date as the instant its day starts on the councils' clock (Europe/London), plus `days`. */
function dayStart(date: string, days = 0): string | null {
  return DATE.test(date) ? londonDayStart(date, days) : null;
}

/** Labels for entities whose snapshots carry no name (users, by id → e-mail), filled in when known. */
const knownLabels = new Map<string, string>();

const columns: ExportColumn<AuditEventRow>[] = [
  {
    header: "When",
    class: "nowrap",
    cell: (e) => h("time", { datetime: e.at }, formatDateTime(e.at)),
    csv: (e) => e.at,
    sort: { asc: AuditOrder.AtAsc, desc: AuditOrder.AtDesc, first: "desc" },
  },
  {
    header: "User",
    class: "actor-col",
    cell: (e) => e.actor,
    csv: (e) => e.actor,
    sort: { asc: AuditOrder.ActorAsc, desc: AuditOrder.ActorDesc },
  },
  {
    header: "Action",
    cell: (e) => badge(e.action, "action"),
    csv: (e) => formatEnum(e.action),
    sort: { asc: AuditOrder.ActionAsc, desc: AuditOrder.ActionDesc },
  },
  {
    header: "Entity",
    class: "entity-col",
    cell: (e) => entityCell(e, knownLabels),
    csv: [
      { header: "Entity", value: (e) => entityLabel(e, knownLabels) },
      { header: "Entity type", value: (e) => entityTypeLabel(e.entityType) },
      { header: "Entity ID", value: (e) => e.entityId },
    ],
    sort: { asc: AuditOrder.EntityTypeAsc, desc: AuditOrder.EntityTypeDesc },
  },
  {
    header: "Org",
    cell: (e) =>
      e.organisation
        ? h("abbr", { title: e.organisation.name }, e.organisation.code)
        : h("span", { class: "muted" }, "—"),
    csv: (e) => e.organisation?.code ?? "",
  },
  { header: "Changes", class: "diff-col", cell: (e) => diffDetails(e), csv: (e) => changesText(e) },
];

async function render({ outlet, route, signal }: PageContext): Promise<void> {
  const state = {
    org: queryList(route.query, "org"),
    actor: route.query.get("actor") ?? "",
    type: route.query.get("type") ?? "",
    from: route.query.get("from") ?? "",
    to: route.query.get("to") ?? "",
    entity: route.query.get("entity") ?? "",
    order: route.query.get("order") ?? "",
  };
  outlet.append(
    pageHeader(
      "Audit trail",
      "Every change to the inventory, users and tokens, newest first (or as a column header sorts them). Events cannot be edited or deleted.",
    ),
  );
  const filters = h("form", {
    class: "filters",
    role: "search",
    "aria-label": "Filter audit events",
    onsubmit: (e: Event) => e.preventDefault(),
  });
  const rangeError = h("div", { class: "banner-slot" });
  const list = pagedTable<AuditEventRow>({
    columns,
    noun: "events",
    id: "audit",
    signal,
    emptyMessage: "No recorded changes match these filters.",
    exportName: "audit-events",
    order: {
      initial: state.order || undefined,
      onChange: (order) => {
        state.order = order;
        writeQuery();
      },
    },
    fetch: async (after, sig, { order, first }) => {
      const filter: Record<string, unknown> = {};
      if (state.org.length) filter.organisation = state.org;
      if (state.actor.trim()) filter.actor = state.actor.trim();
      if (state.type) filter.entityType = state.type;
      if (state.entity) filter.entityId = state.entity;
      const from = dayStart(state.from);
      const to = dayStart(state.to, 1);
      if (from) filter.from = from;
      if (to) filter.to = to;
      const orderBy = enumValue(Object.values(AuditOrder), order) ?? null;
      return (await gql(QUERY, { filter, orderBy, first, after }, sig)).auditEvents;
    },
  });
  const entityChip = h("div", { class: "chips" });
  outlet.append(filters, entityChip, rangeError, list.element);

  let orgs: OrgRef[] = [];
  try {
    const users = hasRole("ADMIN")
      ? gql(
          graphql(`
            query UserLabels {
              users {
                id
                email
              }
            }
          `),
          {},
          signal,
        ).then(
          (d) => d.users,
          () => [],
        )
      : Promise.resolve([]);
    const [o, us] = await Promise.all([loadOrganisations(), users]);
    orgs = o;
    for (const u of us) knownLabels.set(u.id, u.email);
  } catch (err) {
    if (isAbort(err)) return;
    outlet.insertBefore(errorBanner(err, "Could not load organisations"), filters);
  }
  if (signal.aborted) return;

  function writeQuery() {
    replaceQuery({
      org: state.org,
      actor: state.actor.trim(),
      type: state.type,
      from: state.from,
      to: state.to,
      entity: state.entity,
      order: state.order,
    });
  }
  const reload = () => {
    writeQuery();
    rangeError.textContent = "";
    if (state.from && state.to && state.from > state.to) {
      rangeError.append(
        h(
          "div",
          { class: "info-note", role: "status" },
          "The “from” date is after the “to” date, so no events can match.",
        ),
      );
    }
    return list.reload();
  };
  const set =
    <K extends keyof typeof state>(key: K) =>
    (value: (typeof state)[K]) => {
      state[key] = value;
      void reload();
    };

  const actor = h("input", {
    type: "search",
    id: "f-actor",
    name: "actor",
    value: state.actor,
    placeholder: "name@council.gov.uk",
    autocomplete: "off",
    spellcheck: "false",
  });
  actor.addEventListener(
    "input",
    debounce(() => set("actor")(actor.value), 400),
  );
  const dateInput = (key: "from" | "to", label: string) => {
    const input = h("input", { type: "date", id: `f-${key}`, name: key, value: state[key] });
    input.addEventListener("change", () => set(key)(DATE.test(input.value) ? input.value : ""));
    return h("div", { class: "field" }, h("label", { for: `f-${key}` }, label), input);
  };

  append(
    filters,
    orgs.length
      ? checkboxGroup(
          "Organisation",
          "org",
          orgs.map((o) => ({ value: o.code, label: o.name })),
          state.org,
          set("org"),
        )
      : null,
    h("div", { class: "field field-grow" }, h("label", { for: "f-actor" }, "User e-mail"), actor),
    selectField(
      "Entity type",
      "type",
      [
        { value: "", label: "All types" },
        ...AUDITED_TYPES.map((t) => ({ value: t, label: entityTypeLabel(t) })),
      ],
      state.type,
      set("type"),
    ),
    dateInput("from", "From"),
    dateInput("to", "To"),
  );
  if (state.entity) {
    const label = h("span", { class: "chip-value" }, state.entity);
    entityChip.append(
      h(
        "span",
        { class: "chip" },
        "Only: ",
        label,
        h(
          "button",
          {
            type: "button",
            class: "chip-remove",
            "aria-label": "Show changes to every entity",
            onclick: () => {
              state.entity = "";
              entityChip.textContent = "";
              void reload();
            },
          },
          "×",
        ),
      ),
    );
    // The chip names the record, whichever kind has a page of its own.
    gql(ENTITY_NAME, { id: state.entity }, signal).then(
      (d) => {
        const n = d.node;
        const name =
          n?.__typename === "Asset" || n?.__typename === "Site"
            ? n.name
            : n?.__typename === "Contract"
              ? `${n.reference} — ${n.title}`
              : n?.__typename === "Licence"
                ? `${n.product.name}${n.product.edition ? ` ${n.product.edition}` : ""} (${n.organisation.code})`
                : null;
        if (name) label.textContent = name;
      },
      () => undefined,
    );
  }
  await reload();
}

definePage("/audit", render);
registerNav({ label: "Audit", path: "/audit", order: 70 });
