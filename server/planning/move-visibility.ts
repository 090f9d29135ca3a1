// Who may read a move's override of its recurring saving (savingOverride and its reason). The override
// stands for a saving the planner worked out from prices, so it is a commercial figure of the organisation
// the saving accrues to — the owner of the move's subject (Outcome.ownerOf, moveSubject): it is shown only
// to callers who may read that organisation's commercial values, on the Move type, in the business case and
// snapshots (visibility.ts) and in the audit trail (server/audit/service.ts).
import type { Move } from "../../generated/prisma/client.ts";
import type { Context } from "../shared/context.ts";
import { commercialVisible } from "../shared/authz.ts";
import { moveSubject } from "./move-audit.ts";

/** The organisation a move's (overridden) saving accrues to: the owner of its subject; null when it has none. */
export async function overrideOrganisation(ctx: Context, m: Move): Promise<string | null> {
  const subject = moveSubject(m);
  if (!subject) return null;
  const loader = { asset: ctx.loaders.asset, site: ctx.loaders.site, licence: ctx.loaders.licence }[subject.table];
  return (await loader.load(subject.id))?.organisationId ?? null;
}

/** True when the caller may read the move's savingOverride and its reason. */
export async function overrideVisible(ctx: Context, m: Move): Promise<boolean> {
  const owner = await overrideOrganisation(ctx, m);
  return owner === null ? ctx.actor.sharedAdmin && !ctx.actor.mustChangePassword : commercialVisible(ctx.actor, owner);
}

/** What a recurring change's note may say: an override's note carries its reason, hidden with its figure. */
export function changeNote(note: string, source: string, visible: boolean): string {
  return source === "OVERRIDE" && !visible
    ? "set by the planner (the override and its reason are commercial figures of the organisation it accrues to, whose commercial values you may not read)"
    : note;
}
