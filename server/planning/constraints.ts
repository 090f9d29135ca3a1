// The order moves must keep: "move B comes no earlier than `lag` waves after move A", each with the rule
// that asks for it. Lag 0 means the same wave is fine (the wave's runbook does A first); lag 1 means a
// later wave (a host is switched off only after a wave in which its last tenant has left). Pure.
import { HOSTING_TYPES, type PlanMove } from "./model.ts";
import type { Outcome } from "./outcome.ts";

/** Why one move must wait for another. */
export type PrecedenceRule =
  | "NEEDS"
  | "DEPENDENT_ENDS_FIRST"
  | "TENANT_LEAVES_HOST"
  | "SITE_EMPTIED"
  | "TARGET_READY";

/** "`after` comes no earlier than `lag` waves after `before`." */
export interface Precedence {
  before: string;
  after: string;
  lag: 0 | 1;
  rule: PrecedenceRule;
  /** The asset whose dependency or location asks for it. */
  assetId: string;
  message: string;
}

const RELOCATES = new Set(["MIGRATE"]);
const ENDS = new Set(["RETIRE", "CONSOLIDATE", "REPLACE"]);

/** Every ordering rule between the scenario's moves, deduplicated (the strongest lag per pair), in a stable order. */
export function precedences(outcome: Outcome): Precedence[] {
  const found = new Map<string, Precedence>();
  const add = (p: Precedence) => {
    if (p.before === p.after) return;
    const key = `${p.before}>${p.after}`;
    const existing = found.get(key);
    if (!existing || p.lag > existing.lag) found.set(key, p);
  };
  const name = (id: string) => outcome.asset(id).name;

  for (const m of outcome.moves) {
    if (m.assetId && outcome.estate.assets.has(m.assetId)) {
      const a = m.assetId;
      // What this asset needs: a migrating asset follows the moves of what it still needs afterwards.
      if (RELOCATES.has(m.kind)) {
        for (const d of outcome.needs(a)) {
          if (HOSTING_TYPES.has(d.type)) continue; // its old host is left behind, not needed
          const other = outcome.moveByAsset.get(d.targetId);
          if (other && (RELOCATES.has(other.kind) || other.kind === "CONSOLIDATE" || other.kind === "REPLACE"))
            add({
              before: other.id,
              after: m.id,
              lag: 0,
              rule: "NEEDS",
              assetId: a,
              message: `${name(a)} needs ${name(d.targetId)} (${d.type}), which moves in ${other.kind}`,
            });
        }
      }
      // What needs this asset: an asset that ends waits for its dependents to end or leave.
      if (ENDS.has(m.kind)) {
        for (const d of outcome.dependents(a)) {
          const dep = outcome.moveByAsset.get(d.sourceId);
          if (!dep) continue;
          if (ENDS.has(dep.kind) && m.kind === "RETIRE")
            add({
              before: dep.id,
              after: m.id,
              lag: 0,
              rule: "DEPENDENT_ENDS_FIRST",
              assetId: d.sourceId,
              message: `${name(a)} retires only once ${name(d.sourceId)}, which needs it, has gone`,
            });
          else if (RELOCATES.has(dep.kind) && HOSTING_TYPES.has(d.type))
            add({
              before: dep.id,
              after: m.id,
              lag: 1,
              rule: "TENANT_LEAVES_HOST",
              assetId: d.sourceId,
              message: `${name(a)} is switched off a wave after ${name(d.sourceId)} has moved off it`,
            });
        }
      }
    }
    // A move onto a target that itself moves waits for the target to be in place.
    if (m.targetAssetId) {
      const t = outcome.moveByAsset.get(m.targetAssetId);
      if (t && RELOCATES.has(t.kind))
        add({
          before: t.id,
          after: m.id,
          lag: 0,
          rule: "TARGET_READY",
          assetId: m.targetAssetId,
          message: `${outcome.estate.assets.get(m.targetAssetId)?.name ?? m.targetAssetId} must be in its new place first`,
        });
    }
    // A site closes after everything on it has left: a wave after the last migration, with the last retirement.
    if (m.kind === "CLOSE_SITE" && m.siteId) {
      for (const tenant of outcome.tenantsBefore.get(m.siteId) ?? []) {
        const t = outcome.moveByAsset.get(tenant);
        if (!t || t.kind === "RETAIN") continue;
        add({
          before: t.id,
          after: m.id,
          lag: RELOCATES.has(t.kind) ? 1 : 0,
          rule: "SITE_EMPTIED",
          assetId: tenant,
          message: `${outcome.estate.sites.get(m.siteId)?.name ?? m.siteId} closes after ${name(tenant)} has ${RELOCATES.has(t.kind) ? "moved out" : "gone"}`,
        });
      }
    }
  }
  return [...found.values()].sort((x, y) =>
    x.before !== y.before ? (x.before < y.before ? -1 : 1) : x.after < y.after ? -1 : x.after > y.after ? 1 : 0,
  );
}

/** True for moves that take part in waves (RETAIN is a decision, not work). */
export function isScheduled(m: PlanMove): boolean {
  return m.kind !== "RETAIN";
}
