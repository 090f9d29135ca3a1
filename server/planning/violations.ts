// Every way a planned scenario breaks a rule, each with its rule, a reason a planner can act on, and the
// moves, assets and sites involved. ERRORs stop a scenario being proposed; WARNINGs are shown beside it
// (a continuity risk the estate already had before the plan). Pure.
import { NEED_TYPES, RECOVERY_TYPES, type PlanEstate } from "./model.ts";
import type { Outcome } from "./outcome.ts";
import type { WavePlan } from "./waves.ts";
import type { ResourceKind } from "./capacity.ts";

/** The rule a violation breaks. */
export type ViolationRule =
  | "NEEDED_BY_REMAINING"
  | "SITE_CLOSED_WITH_TENANTS"
  | "MOVE_BEFORE_NEED"
  | "CAPACITY_EXCEEDED"
  | "TEAM_CAPACITY_EXCEEDED"
  | "SEATS_BELOW_USE"
  | "RECOVERY_COLOCATED"
  | "RECOVERY_LOST"
  | "TARGET_RETIRING"
  | "PIN_NOT_HONOURED"
  | "CYCLIC_ORDER"
  | "BEYOND_HORIZON"
  | "SUBJECT_RETIRED"
  | "ORGANISATION_NOT_PARTY";

/** One broken rule. */
export interface Violation {
  rule: ViolationRule;
  severity: "ERROR" | "WARNING";
  message: string;
  moveIds: string[];
  assetIds: string[];
  siteIds: string[];
  wave: number | null;
  resource: { kind: ResourceKind; name: string; capacity: number; load: number; excess: number } | null;
}

const GONE = new Set(["DECOMMISSIONING", "RETIRED"]);

/**
 * Every violation of the planned scenario, errors first, then by rule, wave and first move id. `parties`
 * are the organisations taking part (the scenario's organisations); when given, a move that changes
 * another organisation's estate is a violation (ORGANISATION_NOT_PARTY).
 */
export function findViolations(plan: WavePlan, parties?: ReadonlySet<string>): Violation[] {
  const { outcome } = plan;
  const out: Violation[] = [];
  const v = (x: Omit<Violation, "severity" | "resource" | "siteIds" | "assetIds" | "wave"> & Partial<Violation>) =>
    out.push({ severity: "ERROR", resource: null, siteIds: [], assetIds: [], wave: null, ...x });
  const name = (id: string) => outcome.estate.assets.get(id)?.name ?? id;
  const siteName = (id: string) => outcome.estate.sites.get(id)?.name ?? id;
  const waveOf = (moveId: string) => plan.placed.get(moveId)?.wave ?? null;

  for (const m of outcome.moves) {
    const subject = m.assetId ? outcome.estate.assets.get(m.assetId) : undefined;
    if (subject?.lifecycle === "RETIRED" || (m.siteId && outcome.estate.sites.get(m.siteId)?.lifecycle === "RETIRED"))
      v({
        rule: "SUBJECT_RETIRED",
        message: `${subject?.name ?? siteName(m.siteId!)} is already retired; remove this ${m.kind} move`,
        moveIds: [m.id],
        assetIds: m.assetId ? [m.assetId] : [],
        siteIds: m.siteId ? [m.siteId] : [],
      });
    // Retiring something that stays needed.
    if (m.kind === "RETIRE" && m.assetId) {
      for (const d of outcome.dependents(m.assetId))
        if (outcome.persists(d) && !outcome.ends(d.sourceId))
          v({
            rule: "NEEDED_BY_REMAINING",
            message: `retires ${name(m.assetId)}, which ${name(d.sourceId)} still needs (${d.type}); move, replace or retire ${name(d.sourceId)} too, or consolidate instead of retiring`,
            moveIds: [m.id],
            assetIds: [m.assetId, d.sourceId],
            wave: waveOf(m.id),
          });
      recoveryLost(outcome, m.assetId, m.id, waveOf(m.id), out);
    }
    // A site that closes with something still running there.
    if (m.kind === "CLOSE_SITE" && m.siteId) {
      const left = outcome.tenantsAfter(m.siteId);
      if (left.length)
        v({
          rule: "SITE_CLOSED_WITH_TENANTS",
          message: `closes ${siteName(m.siteId)} while ${left.length} asset(s) would still run there (${left.slice(0, 5).map(name).join(", ")}${left.length > 5 ? ", …" : ""}); migrate, consolidate, replace or retire them`,
          moveIds: [m.id],
          assetIds: left,
          siteIds: [m.siteId],
          wave: waveOf(m.id),
        });
    }
    // A move onto something that is going away.
    const target = m.targetAssetId ? outcome.estate.assets.get(m.targetAssetId) : undefined;
    if (target && (outcome.ends(target.id) || GONE.has(target.lifecycle)))
      v({
        rule: "TARGET_RETIRING",
        message: `${m.kind} onto ${target.name}, which ${GONE.has(target.lifecycle) ? `is ${target.lifecycle.toLowerCase()}` : "this scenario retires"}; choose a target that stays`,
        moveIds: [m.id, ...(outcome.moveByAsset.get(target.id) ? [outcome.moveByAsset.get(target.id)!.id] : [])],
        assetIds: [m.assetId, target.id].filter((x): x is string => !!x),
        wave: waveOf(m.id),
      });
    const targetSite =
      m.targetSiteId ?? (m.kind === "MIGRATE" && m.targetAssetId ? outcome.siteAfter(m.targetAssetId) : null);
    if (targetSite && outcome.siteCloses(targetSite))
      v({
        rule: "TARGET_RETIRING",
        message: `${m.kind} ${m.assetId ? name(m.assetId) : ""} to ${siteName(targetSite)}, which ${outcome.closeBySite.has(targetSite) ? "this scenario closes" : "is being retired"}; choose a site that stays`,
        moveIds: [m.id],
        assetIds: m.assetId ? [m.assetId] : [],
        siteIds: [targetSite],
        wave: waveOf(m.id),
      });
    if (m.kind === "RENEGOTIATE") seatsBelowUse(outcome.estate, m, waveOf(m.id), out);
  }

  // A move placed before what it must follow (only pins can do that).
  for (const p of plan.precedences) {
    const before = waveOf(p.before);
    const after = waveOf(p.after);
    if (before !== null && after !== null && after < before + p.lag)
      v({
        rule: "MOVE_BEFORE_NEED",
        message: `in wave ${after}, but ${p.message}, which is in wave ${before}${p.lag ? " and needs a wave between them" : ""}`,
        moveIds: [p.after, p.before],
        assetIds: [p.assetId],
        wave: after,
      });
  }

  // Capacity: consecutive overloaded waves of one resource read as one violation.
  const overloads = plan.ledger.overloads(plan.waveCount);
  for (let i = 0; i < overloads.length; ) {
    const first = overloads[i]!;
    let j = i;
    let peak = first;
    while (
      j + 1 < overloads.length &&
      overloads[j + 1]!.resource === first.resource &&
      overloads[j + 1]!.wave === overloads[j]!.wave + 1
    ) {
      j++;
      if (overloads[j]!.excess > peak.excess) peak = overloads[j]!;
    }
    const last = overloads[j]!;
    const r = first.resource;
    const arriving = [...plan.capacity.demands.entries()]
      .filter(([id, d]) => d.arrivals.some((a) => a.key === r.key) && (waveOf(id) ?? Infinity) <= last.wave)
      .map(([id]) => id)
      .sort();
    v({
      rule: "CAPACITY_EXCEEDED",
      message: `${r.name}: ${LABEL[r.kind]} over capacity by ${fmt(peak.excess)} (${fmt(peak.load)} of ${fmt(r.capacity!)}) in wave${first.wave === last.wave ? ` ${first.wave}` : `s ${first.wave}–${last.wave}`}; move some arrivals later, choose another target, or add capacity`,
      moveIds: arriving,
      assetIds: r.assetId ? [r.assetId] : [],
      siteIds: r.siteId ? [r.siteId] : [],
      wave: peak.wave,
      resource: { kind: r.kind, name: r.name, capacity: r.capacity!, load: peak.load, excess: peak.excess },
    });
    i = j + 1;
  }

  for (const p of plan.problems) {
    const rule: ViolationRule =
      p.code === "TEAM_OVERFLOW"
        ? "TEAM_CAPACITY_EXCEEDED"
        : p.code === "NEVER_FITS"
          ? "CAPACITY_EXCEEDED"
          : p.code;
    // A target that can never hold the arrival also shows up as an overload above; keep one of the two.
    if (p.code === "NEVER_FITS" && out.some((x) => x.rule === "CAPACITY_EXCEEDED" && p.moveIds.every((id) => x.moveIds.includes(id))))
      continue;
    v({ rule, message: p.message, moveIds: p.moveIds, wave: p.wave });
  }

  recoveryColocated(plan, out);
  if (parties) notParty(plan, parties, out);
  const rank = (x: Violation) => (x.severity === "ERROR" ? 0 : 1);
  return out.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
      (a.wave ?? 0) - (b.wave ?? 0) ||
      ((a.moveIds[0] ?? "") < (b.moveIds[0] ?? "") ? -1 : (a.moveIds[0] ?? "") > (b.moveIds[0] ?? "") ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

const LABEL: Record<ResourceKind, string> = {
  RACK_UNITS: "rack units",
  POWER_KW: "power (kW)",
  STORAGE_TB: "storage (TB)",
  VCPU: "vCPU",
  RAM_GB: "RAM (GB)",
};

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** Assets a CRITICAL asset needs, transitively (CRITICAL ones included). */
export function criticalServing(estate: PlanEstate): ReadonlySet<string> {
  if (estate.criticalServing) return estate.criticalServing;
  const needs = new Map<string, string[]>();
  for (const d of estate.dependencies)
    if (NEED_TYPES.has(d.type)) needs.set(d.sourceId, [...(needs.get(d.sourceId) ?? []), d.targetId]);
  const seen = new Set<string>();
  const stack = [...estate.assets.values()].filter((a) => a.criticality === "CRITICAL").map((a) => a.id);
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const t of needs.get(id) ?? []) if (!seen.has(t)) stack.push(t);
  }
  return seen;
}

function recoveryLost(outcome: Outcome, retired: string, moveId: string, wave: number | null, out: Violation[]): void {
  const critical = criticalServing(outcome.estate);
  for (const d of outcome.neededBy.get(retired) ?? []) {
    if (!RECOVERY_TYPES.has(d.type) || outcome.ends(d.sourceId)) continue;
    const primary = outcome.estate.assets.get(d.sourceId);
    const serves = critical.has(d.sourceId);
    out.push({
      rule: "RECOVERY_LOST",
      severity: serves ? "ERROR" : "WARNING",
      message: `retires ${outcome.estate.assets.get(retired)?.name ?? retired}, the recovery copy (${d.type}) of ${primary?.name ?? d.sourceId}${serves ? ", which a critical service needs" : ""}; consolidate it into another recovery target instead`,
      moveIds: [moveId],
      assetIds: [retired, d.sourceId],
      siteIds: [],
      wave,
      resource: null,
    });
  }
}

function seatsBelowUse(estate: PlanEstate, m: { id: string; licenceIds: readonly string[]; targetLicenceId: string | null; seats: number | null }, wave: number | null, out: Violation[]): void {
  const target = m.targetLicenceId ? estate.licences.get(m.targetLicenceId) : undefined;
  if (!target || m.seats === null) return;
  const ids = new Set([...m.licenceIds, target.id]);
  const inMetric = [...ids].map((id) => estate.licences.get(id)).filter((l) => l && l.metric === target.metric);
  const used = inMetric.reduce((s, l) => s + l!.quantityUsed, 0);
  if (m.seats < used)
    out.push({
      rule: "SEATS_BELOW_USE",
      severity: "ERROR",
      message: `renegotiates to ${m.seats} seat(s) (${target.metric}) but ${used} are in use across the merged licences; buy at least ${used}`,
      moveIds: [m.id],
      assetIds: [],
      siteIds: [],
      wave,
      resource: null,
    });
}

/** A critical service whose primary and recovery copy end up on one site. */
function recoveryColocated(plan: WavePlan, out: Violation[]): void {
  const { outcome } = plan;
  const critical = criticalServing(outcome.estate);
  const seen = new Set<string>();
  for (const d of outcome.dependencies) {
    if (!RECOVERY_TYPES.has(d.type) || !critical.has(d.sourceId)) continue;
    if (!outcome.estate.assets.has(d.sourceId) || !outcome.estate.assets.has(d.targetId)) continue;
    if (outcome.ends(d.sourceId)) continue;
    const copy = outcome.targetAfter(d);
    if (outcome.ends(copy)) continue; // reported as RECOVERY_LOST
    const after = outcome.siteAfter(d.sourceId);
    if (!after || after !== outcome.siteAfter(copy)) continue;
    const key = `${d.sourceId}|${copy}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const before = outcome.siteBefore(d.sourceId);
    const caused = !(before && before === outcome.siteBefore(d.targetId));
    const moves = [d.sourceId, d.targetId, copy]
      .map((id) => outcome.moveByAsset.get(id)?.id)
      .filter((x): x is string => !!x);
    const site = outcome.estate.sites.get(after)?.name ?? after;
    const primary = outcome.estate.assets.get(d.sourceId)!.name;
    const recovery = outcome.estate.assets.get(copy)?.name ?? copy;
    out.push({
      rule: "RECOVERY_COLOCATED",
      // An error either way: a plan that ends with a critical service and its recovery on one site is not
      // one to approve, whether it put them there or left them there.
      severity: "ERROR",
      message: caused
        ? `${primary} and its recovery copy ${recovery} (${d.type}) would both be at ${site}: one incident there takes out a critical service and its recovery; keep the copy on another site`
        : `${primary} and its recovery copy ${recovery} (${d.type}) are both at ${site} already and the plan leaves them there: one incident there takes out a critical service and its recovery; move the copy to another site`,
      moveIds: [...new Set(moves)].sort(),
      assetIds: [d.sourceId, copy],
      siteIds: [after],
      wave: Math.max(0, ...moves.map((id) => plan.placed.get(id)?.wave ?? 0)) || null,
      resource: null,
    });
  }
}

/** Kinds of move that change their subject, and with it whatever needs it or runs on it. */
const CHANGING = new Set(["MIGRATE", "CONSOLIDATE", "REPLACE", "RETIRE", "CLOSE_SITE"]);

/**
 * A move that changes an organisation's estate which is not a party to the scenario: its own subject or
 * target, or assets of that organisation that need the subject or run on it (re-pointed, carried along or
 * left without it), or that are at a closing site. That organisation must plan and approve it, so the
 * plan cannot be proposed until it is added to the scenario's organisations.
 */
function notParty(plan: WavePlan, parties: ReadonlySet<string>, out: Violation[]): void {
  const { outcome } = plan;
  const { assets, organisationCodes } = outcome.estate;
  for (const m of outcome.moves) {
    const touched = new Map<string, Set<string>>();
    const note = (org: string | undefined, assetId: string | null) => {
      if (!org || parties.has(org)) return;
      const set = touched.get(org) ?? new Set<string>();
      if (assetId) set.add(assetId);
      touched.set(org, set);
    };
    for (const org of outcome.organisationsOf(m)) note(org, m.assetId ?? m.targetAssetId);
    if (CHANGING.has(m.kind)) {
      if (m.assetId) for (const d of outcome.dependents(m.assetId)) note(assets.get(d.sourceId)?.organisationId, d.sourceId);
      if (m.kind === "CLOSE_SITE" && m.siteId)
        for (const id of outcome.tenantsBefore.get(m.siteId) ?? []) note(assets.get(id)?.organisationId, id);
    }
    for (const [org, ids] of [...touched].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const code = organisationCodes.get(org) ?? org;
      const names = [...ids].sort().map((id) => assets.get(id)?.name ?? id);
      out.push({
        rule: "ORGANISATION_NOT_PARTY",
        severity: "ERROR",
        message: `this ${m.kind} changes ${code}'s estate${names.length ? ` (${names.slice(0, 5).join(", ")}${names.length > 5 ? ` and ${names.length - 5} more` : ""})` : ""}, but ${code} is not one of the scenario's organisations: add ${code} (updateScenario targets), so ${code}'s planners plan it and its approvers approve it`,
        moveIds: [m.id],
        assetIds: [...ids].sort(),
        siteIds: m.siteId ? [m.siteId] : [],
        wave: plan.placed.get(m.id)?.wave ?? null,
        resource: null,
      });
    }
  }
}
