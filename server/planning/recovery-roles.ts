// Which assets are recovery platforms: another system's recovery copy, or the platform such a copy runs on.
// The data model marks recovery only by edges ("<primary> REPLICATES_TO | BACKS_UP_TO <copy>"), so the rule
// reads them: an asset is a recovery copy when it receives a copy from an asset it does not copy back to
// (a pair that replicates both ways is active/active: each runs production and protects the other), and a
// platform is a recovery platform when it is a copy itself or carries one (through RUNS_ON / HOSTED_IN,
// transitively). The draft keeps production workloads out of recovery platforms.
import { HOSTING_TYPES, RECOVERY_TYPES } from "./model.ts";
import type { Outcome } from "./outcome.ts";

/** Why an asset is a recovery platform: the copy it is or carries, and the primary that copy protects. */
export interface RecoveryEvidence {
  /** The recovery copy: the asset itself or something running on it. */
  copyId: string;
  /** The asset whose recovery copy it is. */
  primaryId: string;
}

/** Classifies assets as recovery platforms, memoised per draft. */
export class RecoveryRoles {
  private readonly memo = new Map<string, RecoveryEvidence | null>();

  constructor(private readonly outcome: Outcome) {}

  /** The one-way recovery copy `id` is (lowest primary id first), or null when it is no one's copy. */
  private copyOf(id: string): RecoveryEvidence | null {
    const backTo = new Set(
      (this.outcome.needsOf.get(id) ?? []).filter((d) => RECOVERY_TYPES.has(d.type)).map((d) => d.targetId),
    );
    const from = (this.outcome.neededBy.get(id) ?? [])
      .filter((d) => RECOVERY_TYPES.has(d.type) && !backTo.has(d.sourceId))
      .map((d) => d.sourceId)
      .sort();
    return from.length ? { copyId: id, primaryId: from[0]! } : null;
  }

  /**
   * Why `id` is a recovery platform (it is a one-way recovery copy, or something it carries is), or null
   * when it is not one. A platform carrying a production workload and one standby counts as recovery: it
   * is that standby's failover target.
   */
  evidence(id: string): RecoveryEvidence | null {
    if (this.memo.has(id)) return this.memo.get(id)!;
    let found: RecoveryEvidence | null = null;
    const seen = new Set([id]);
    const queue = [id];
    for (let i = 0; i < queue.length && !found; i++) {
      found = this.copyOf(queue[i]!);
      for (const d of this.outcome.neededBy.get(queue[i]!) ?? [])
        if (HOSTING_TYPES.has(d.type) && !seen.has(d.sourceId)) {
          seen.add(d.sourceId);
          queue.push(d.sourceId);
        }
    }
    this.memo.set(id, found);
    return found;
  }

  /** Why `id` is a recovery platform, as "it receives Y's recovery copy" or "it runs Z, W's recovery copy"; null when not. */
  describe(id: string, name: (id: string) => string): string | null {
    const e = this.evidence(id);
    if (!e) return null;
    return e.copyId === id
      ? `it receives ${name(e.primaryId)}'s recovery copy`
      : `it runs ${name(e.copyId)}, ${name(e.primaryId)}'s recovery copy`;
  }
}
