// The "History" card of a record's page (asset, site, licence, contract): its audit events, newest
// first, each opening its field-by-field diff, with a link to the same events in the audit trail.
import { diffDetails, type AuditEventRow } from "../audit.ts";
import { h } from "../dom.ts";
import { formatDateTime } from "../format.ts";
import { href } from "../router.ts";
import { badge, dataTable, empty, type Column } from "../ui.ts";

/** The columns of a record's change history. */
export const auditColumns: Column<AuditEventRow>[] = [
  { header: "When", class: "nowrap", cell: (e) => formatDateTime(e.at) },
  { header: "Who", cell: (e) => e.actor },
  { header: "Action", cell: (e) => badge(e.action, "action") },
  { header: "Changes", class: "diff-col", cell: (e) => diffDetails(e) },
];

/** The history card of the record `entityId`, from its audit trail (oldest first, as the API gives it). */
export function historySection(entityId: string, trail: readonly AuditEventRow[]): HTMLElement {
  return h(
    "section",
    { class: "card", id: "history", "aria-labelledby": "history-h" },
    h(
      "h2",
      { id: "history-h" },
      "History",
      h("span", { class: "count" }, String(trail.length)),
      h("a", { class: "card-link", href: href("/audit", { entity: entityId }) }, "Open in the audit trail"),
    ),
    trail.length
      ? dataTable(auditColumns, [...trail].reverse(), "Change history").wrap
      : empty("No recorded changes."),
  );
}
