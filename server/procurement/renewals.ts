// Renewals: active contracts that end, or pass their notice deadline, within a window, ordered by the
// deadline that comes first; and the co-termination of every overlap those contracts belong to.
import type { Context } from "../shared/context.ts";
import { InputError } from "../shared/errors.ts";
import { noticeDeadline } from "../contracts/service.ts";
import { organisationByCode } from "../organisations/service.ts";
import { detectOverlaps } from "./overlaps.ts";
import { loadSnapshot } from "./snapshot.ts";
import { overlapCotermination } from "./service.ts";

const within = (d: Date | null, from: Date, to: Date) => d !== null && d >= from && d <= to;

/** The renewals report for [from, to] (inclusive), optionally for one organisation's contracts. */
export async function renewals(
  ctx: Context,
  from: Date,
  to: Date,
  organisationCode: string | null | undefined,
) {
  if (to < from) throw new InputError("to", "must not be before `from`.");
  const orgId = organisationCode
    ? (await organisationByCode(ctx.prisma, organisationCode, "organisation")).id
    : null;
  // Overlaps are found among every organisation, so a contract's overlaps do not depend on the filter.
  const snapshot = await loadSnapshot(ctx.prisma, null);
  // Contracts live at the start of the window count, contract-only overlaps included.
  const overlaps = detectOverlaps(snapshot, from);
  const overlapsByContract = new Map<string, string[]>();
  for (const o of overlaps) {
    const contractIds = [
      ...o.sides.flatMap((s) => s.licences.map((l) => l.contractId)),
      ...o.sides.flatMap((s) => s.contracts.map((c) => c.id)),
    ];
    for (const contractId of contractIds) {
      if (!contractId) continue;
      const list = overlapsByContract.get(contractId) ?? [];
      if (!list.includes(o.id)) list.push(o.id);
      overlapsByContract.set(contractId, list);
    }
  }
  const items = [...snapshot.contractById.values()]
    .filter((c) => c.status === "ACTIVE" && (orgId === null || c.organisationId === orgId))
    .map((c) => {
      const notice = noticeDeadline(c.endDate, c.noticePeriodDays);
      return {
        contract: c,
        organisation: snapshot.organisationById.get(c.organisationId)!,
        endDate: c.endDate,
        noticeDeadline: notice,
        deadline: (notice ?? c.endDate)!,
        endsInWindow: within(c.endDate, from, to),
        noticeDeadlineInWindow: within(notice, from, to),
        overlapIds: (overlapsByContract.get(c.id) ?? []).sort(),
      };
    })
    .filter((i) => i.endsInWindow || i.noticeDeadlineInWindow)
    .sort(
      (a, b) =>
        a.deadline.getTime() - b.deadline.getTime() ||
        (a.endDate?.getTime() ?? 0) - (b.endDate?.getTime() ?? 0) ||
        (a.contract.reference < b.contract.reference
          ? -1
          : a.contract.reference > b.contract.reference
            ? 1
            : 0),
    );
  const wanted = new Set(items.flatMap((i) => i.overlapIds));
  const coterminations = overlaps
    .filter((o) => wanted.has(o.id))
    .map((o) => overlapCotermination(ctx, snapshot, o));
  return {
    from,
    to,
    items,
    coterminations,
  };
}
