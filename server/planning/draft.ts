// Drafting a convergence scenario from the planners' choice of surviving targets and closing sites. Pure:
// given the estate around those sites, it decides a move for everything that must leave the closing
// sites, replaces duplicate applications doing the same job, renegotiates licences held by several
// organisations, and closes the sites — each decision with its reason, and what could not be placed.
//
// Method, in order (the README states it):
// 1. Everything running at a closing site that is not carried along by its host gets a move. Infrastructure
//    nothing depends on retires. Storage consolidates into a surviving storage system, clusters and private
//    clouds into a surviving platform, networks into a surviving network of the same kind; servers and
//    other equipment migrate to a surviving site (by rack space and power) or onto a surviving platform.
//    Targets are chosen by first-fit decreasing: the biggest items first, each into the first target with
//    room (targets with most room first), and never onto the site of its own recovery copy or primary. A
//    production workload never goes into a recovery platform (another system's recovery copy, or what runs
//    one: recovery-roles.ts); recovery copies and platforms may go into either.
// 2. Applications of the same job in different organisations (one each): the survivor is the one with the
//    lowest annual cost per seat used (run cost + licences), then the most critical, then the latest
//    contract end, then the most dependants; the others are replaced by it. A job an organisation runs
//    several applications for is left alone (they may do different jobs) and said so.
// 3. A product licensed by several organisations, in one metric, is renegotiated onto the licence with the
//    best unit price (then the latest contract end), at the contracts' ends.
// 4. The closing sites close.
// Prices decide only what the caller may read: where a comparison (one job's applications, one product's
// licences) includes an organisation whose prices the caller may not read (`pricesComparable`), prices are
// left out of that comparison for every candidate, and the reason says so. Otherwise the choice would leak
// the hidden price: moving one's own price and drafting again shows where the choice flips.
// Steps 2 and 3 are in draft-overlaps.ts, the recovery-platform rule of step 1 in recovery-roles.ts.
import { HOSTING_TYPES, RECOVERY_TYPES, type PlanAsset, type PlanEstate } from "./model.ts";
import { Outcome } from "./outcome.ts";
import { RACK_UNITS_PER_RACK } from "./capacity.ts";
import { RecoveryRoles } from "./recovery-roles.ts";
import { renegotiateOverlaps, replaceDuplicates, type DraftSteps } from "./draft-overlaps.ts";

/** What the planners chose. */
export interface DraftChoice {
  organisations: ReadonlySet<string>;
  targetSites: readonly string[];
  targetPlatforms: readonly string[];
  closingSites: readonly string[];
  replaceDuplicates: boolean;
  renegotiateOverlaps: boolean;
  /**
   * Organisations whose prices (licence costs, and so costs per seat) the draft may compare: those whose
   * commercial values the caller may read. A comparison involving any other organisation ignores prices.
   */
  pricesComparable: ReadonlySet<string>;
}

/** A move the draft makes (engine fields; the service turns it into a stored move). */
export interface DraftMove {
  kind: "MIGRATE" | "CONSOLIDATE" | "RETIRE" | "REPLACE" | "CLOSE_SITE" | "RENEGOTIATE";
  assetId: string | null;
  siteId: string | null;
  targetSiteId: string | null;
  targetAssetId: string | null;
  licenceIds: string[];
  targetLicenceId: string | null;
}

/** One decision and its reason. */
export interface DraftDecisionView {
  /** Index into `moves`, or null when the decision was to make no move. */
  move: number | null;
  subject: string;
  decision: string;
  reason: string;
}

/** Something that could not be placed. */
export interface DraftProblemView {
  subject: string;
  assetId: string | null;
  reason: string;
}

/** The draft. */
export interface DraftPlan {
  moves: DraftMove[];
  decisions: DraftDecisionView[];
  unplaced: DraftProblemView[];
}

/** The draft as the API returns it: the stored scenario, and each decision with its stored move. */
export interface DraftOutcome {
  scenarioId: string;
  decisions: (DraftDecisionView & { moveId: string | null })[];
  unplaced: DraftProblemView[];
}

const INFRASTRUCTURE = new Set(["NETWORK", "STORAGE", "SERVER", "DATABASE", "COMPUTE_CLUSTER"]);
const PLATFORMS = new Set(["COMPUTE_CLUSTER", "CLOUD_PLATFORM"]);

interface Bin {
  asset: PlanAsset | null;
  siteId: string | null;
  name: string;
  free: Record<string, number>;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Drafts the moves. `jobs` gives each product's capabilities, `productNames` their labels. */
export function draftConvergence(
  estate: PlanEstate,
  choice: DraftChoice,
  jobs: ReadonlyMap<string, ReadonlySet<string>>,
  productNames: ReadonlyMap<string, string> = new Map(),
): DraftPlan {
  const outcome = new Outcome(estate, []);
  const moves: DraftMove[] = [];
  const decisions: DraftDecisionView[] = [];
  const unplaced: DraftProblemView[] = [];
  const moveOf = new Map<string, number>();
  const placedSite = new Map<string, string | null>();
  const closing = new Set(choice.closingSites);
  const targetSites = new Set(choice.targetSites);
  const name = (id: string) => estate.assets.get(id)?.name ?? id;
  const siteName = (id: string | null) => (id ? (estate.sites.get(id)?.name ?? id) : "no site");
  const add = (m: Omit<DraftMove, "licenceIds" | "targetLicenceId" | "siteId" | "targetSiteId" | "targetAssetId"> & Partial<DraftMove>, subject: string, decision: string, reason: string) => {
    const move: DraftMove = { siteId: null, targetSiteId: null, targetAssetId: null, licenceIds: [], targetLicenceId: null, ...m };
    const existing = move.assetId ? moveOf.get(move.assetId) : undefined;
    const index = existing ?? moves.length;
    if (existing === undefined) moves.push(move);
    else moves[existing] = move;
    if (move.assetId) moveOf.set(move.assetId, index);
    decisions.push({ move: index, subject, decision, reason });
    return index;
  };

  // Where an asset will be: the site the draft sends it to, else where it is now.
  const siteOf = (id: string): string | null => (placedSite.has(id) ? placedSite.get(id)! : outcome.siteBefore(id));
  // The recovery partners (copies and primaries) of an asset and of everything it carries.
  const carried = (id: string) => {
    const out = [id];
    for (let i = 0; i < out.length; i++)
      for (const d of outcome.neededBy.get(out[i]!) ?? [])
        if (HOSTING_TYPES.has(d.type) && !out.includes(d.sourceId)) out.push(d.sourceId);
    return out;
  };
  const partners = (id: string) => {
    const out: string[] = [];
    for (const x of carried(id)) {
      for (const d of outcome.needsOf.get(x) ?? []) if (RECOVERY_TYPES.has(d.type)) out.push(d.targetId);
      for (const d of outcome.neededBy.get(x) ?? []) if (RECOVERY_TYPES.has(d.type)) out.push(d.sourceId);
    }
    return out;
  };
  // A target site that would put an asset on the same site as its recovery copy (or primary) is refused.
  const keepsApart = (id: string, site: string | null) => !site || partners(id).every((p) => siteOf(p) !== site);
  // A production workload stays out of recovery platforms: failing over to them must not find them full of
  // production, and production must not stop when they are tested or rebuilt.
  const recovery = new RecoveryRoles(outcome);
  const isRecovery = (id: string) => recovery.evidence(id) !== null;
  const roleFits = (id: string, b: Bin) => !b.asset || isRecovery(id) || !isRecovery(b.asset.id);
  /** Says which targets of `bins` (those `accept` allows) were left out because they are recovery platforms. */
  const recoveryNote = (bins: Bin[], id: string, accept: (b: Bin) => boolean = () => true) => {
    const left = bins.filter((b) => accept(b) && !roleFits(id, b));
    return left.length
      ? `; not into ${left.map((b) => `${b.name} (a recovery platform: ${recovery.describe(b.asset!.id, name)})`).join(" or ")}: a production workload goes into no recovery platform`
      : "";
  };

  // Bins: surviving storage, platforms and sites, with their free room.
  const survivors = [...estate.assets.values()].filter(
    (a) =>
      a.lifecycle !== "RETIRED" &&
      a.lifecycle !== "DECOMMISSIONING" &&
      (choice.targetPlatforms.includes(a.id) || (a.siteId !== null && targetSites.has(a.siteId))) &&
      !(a.siteId && closing.has(a.siteId)),
  );
  const storageBins: Bin[] = survivors
    .filter((a) => a.kind === "STORAGE" && a.storageTb !== null)
    .map((a) => ({ asset: a, siteId: outcome.siteBefore(a.id), name: a.name, free: { tb: a.storageTb! - (a.storageUsedTb ?? 0) } }));
  const platformBins: Bin[] = survivors
    .filter((a) => PLATFORMS.has(a.kind))
    .map((a) => ({
      asset: a,
      siteId: outcome.siteBefore(a.id),
      name: a.name,
      free: { vcpu: a.vcpu === null ? Infinity : a.vcpu - (a.vcpuUsed ?? 0), ram: a.ramGb === null ? Infinity : a.ramGb - (a.ramUsedGb ?? 0) },
    }));
  const siteBins: Bin[] = [...targetSites]
    .map((id) => estate.sites.get(id))
    .filter((s): s is NonNullable<typeof s> => !!s)
    .map((s) => ({
      asset: null,
      siteId: s.id,
      name: s.name,
      free: {
        ru: s.racks === null ? Infinity : (s.racks - (s.racksUsed ?? 0)) * RACK_UNITS_PER_RACK,
        kw: s.powerKw === null ? Infinity : s.powerKw - (s.powerUsedKw ?? 0),
      },
    }));
  const byRoom = (bins: Bin[], key: string) =>
    bins.sort((a, b) => (b.free[key]! - a.free[key]!) || ((a.asset?.id ?? a.siteId!) < (b.asset?.id ?? b.siteId!) ? -1 : 1));
  byRoom(storageBins, "tb");
  byRoom(platformBins, "vcpu");
  byRoom(siteBins, "ru");
  const firstFit = (bins: Bin[], need: Record<string, number>, id: string, accept: (b: Bin) => boolean = () => true) => {
    for (const b of bins) {
      if (!accept(b) || !roleFits(id, b) || !keepsApart(id, b.siteId)) continue;
      if (Object.entries(need).every(([k, v]) => (b.free[k] ?? Infinity) >= v)) {
        for (const [k, v] of Object.entries(need)) b.free[k] = (b.free[k] ?? Infinity) - v;
        return b;
      }
    }
    return null;
  };
  const roomOf = (bins: Bin[], keys: string[]) =>
    bins.length
      ? bins.map((b) => `${b.name} ${keys.map((k) => `${fmt(b.free[k]!)} ${k}`).join(", ")}`).join("; ")
      : "no surviving target of that kind was chosen";

  // 1. Everything at the closing sites, biggest first.
  const leaving: PlanAsset[] = [];
  for (const s of choice.closingSites)
    for (const id of outcome.tenantsBefore.get(s) ?? []) {
      const a = outcome.asset(id);
      if (a.lifecycle === "RETIRED" || !choice.organisations.has(a.organisationId)) continue;
      const host = outcome.hostBefore(id);
      if (host && outcome.siteBefore(host) === s) continue; // carried along by its host
      leaving.push(a);
    }
  const size = (a: PlanAsset) => [a.storageUsedTb ?? 0, a.vcpuUsed ?? a.vcpu ?? 0, a.rackUnits ?? 0, a.powerKw ?? 0];
  // Primaries before their recovery copies (a copy then goes wherever its primary is not), then biggest first.
  const isCopy = (a: PlanAsset) => (outcome.neededBy.get(a.id) ?? []).some((d) => RECOVERY_TYPES.has(d.type)) ? 1 : 0;
  leaving.sort((a, b) => {
    if (isCopy(a) !== isCopy(b)) return isCopy(a) - isCopy(b);
    const [x, y] = [size(a), size(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return y[i]! - x[i]!;
    return a.id < b.id ? -1 : 1;
  });
  for (const a of leaving) {
    const dependants = (outcome.neededBy.get(a.id) ?? []).length;
    if (INFRASTRUCTURE.has(a.kind) && dependants === 0) {
      add({ kind: "RETIRE", assetId: a.id }, a.name, "retire", `nothing depends on it, and ${siteName(a.siteId)} closes`);
      placedSite.set(a.id, null);
      continue;
    }
    if (a.kind === "STORAGE") {
      const backup = /backup/i.test(a.subtype ?? "");
      const sameSubtype = (b: Bin) => (b.asset!.subtype ?? "") === (a.subtype ?? "");
      const compatible = (b: Bin) => backup === /backup/i.test(b.asset!.subtype ?? "");
      const need = { tb: a.storageUsedTb ?? 0 };
      const bin = firstFit(storageBins, need, a.id, sameSubtype) ?? firstFit(storageBins, need, a.id, compatible);
      if (bin) {
        add({ kind: "CONSOLIDATE", assetId: a.id, targetAssetId: bin.asset!.id }, a.name, `consolidate into ${bin.name}`, `its ${fmt(need.tb)} TB in use fit ${bin.name}'s free space${partners(a.id).length ? ", on another site than its recovery partner" : ""}${recoveryNote(storageBins, a.id, compatible)}`);
        placedSite.set(a.id, bin.siteId);
        continue;
      }
      migrateEquipment(a, `its ${fmt(need.tb)} TB in use fit no surviving ${backup ? "backup " : ""}storage kept apart from its recovery partners (free: ${roomOf(storageBins, ["tb"])})${recoveryNote(storageBins, a.id, compatible)}`);
      continue;
    }
    if (PLATFORMS.has(a.kind)) {
      const need = { vcpu: a.vcpuUsed ?? 0, ram: a.ramUsedGb ?? 0 };
      const bin = firstFit(platformBins, need, a.id);
      if (bin) {
        add({ kind: "CONSOLIDATE", assetId: a.id, targetAssetId: bin.asset!.id }, a.name, `consolidate into ${bin.name}`, `its ${need.vcpu} vCPU and ${need.ram} GB RAM in use fit ${bin.name}; what runs on it moves with it${recoveryNote(platformBins, a.id)}`);
        placedSite.set(a.id, bin.siteId);
        continue;
      }
      migrateEquipment(a, `its ${need.vcpu} vCPU / ${need.ram} GB RAM fit no surviving platform kept apart from its recovery partners (free: ${roomOf(platformBins, ["vcpu", "ram"])})${recoveryNote(platformBins, a.id)}`);
      continue;
    }
    if (a.kind === "NETWORK") {
      // A data-centre network service (core network, firewalls, breakout, PSN) merges into the surviving one
      // of the same subtype; links and networks that serve other places are re-terminated at a target site.
      const wide = /wan|link|interconnect|wi-?fi|mpls|corporate|campus|office/i.test(`${a.subtype ?? ""} ${a.name}`);
      const into = wide
        ? undefined
        : survivors
            .filter((s) => s.kind === "NETWORK" && s.siteId !== null && targetSites.has(s.siteId) && (s.subtype ?? "") === (a.subtype ?? ""))
            .sort((x, y) => (x.id < y.id ? -1 : 1))[0];
      if (into) {
        add({ kind: "CONSOLIDATE", assetId: a.id, targetAssetId: into.id }, a.name, `consolidate into ${into.name}`, `${into.name} is a surviving ${into.subtype ?? "network"}; what uses ${a.name} is re-pointed to it`);
        placedSite.set(a.id, into.siteId);
        continue;
      }
      migrateEquipment(a, wide ? "" : `no surviving ${a.subtype ?? "network"} at the target sites to take over what uses it`);
      continue;
    }
    // Equipment with a footprint goes to a site; workloads without one onto a platform.
    const physical = (a.rackUnits ?? 0) > 0 || (a.powerKw ?? 0) > 0;
    if (!physical && platformBins.length) {
      const need = { vcpu: a.vcpu ?? 0, ram: a.ramGb ?? 0 };
      const bin = firstFit(platformBins, need, a.id);
      if (bin) {
        add({ kind: "MIGRATE", assetId: a.id, targetAssetId: bin.asset!.id }, a.name, `migrate onto ${bin.name}`, `a workload without rack space of its own; ${bin.name} has room${recoveryNote(platformBins, a.id)}`);
        placedSite.set(a.id, bin.siteId);
        continue;
      }
      const note = recoveryNote(platformBins, a.id);
      migrateEquipment(a, note ? `its ${need.vcpu} vCPU / ${need.ram} GB RAM fit no surviving platform kept apart from its recovery partners${note}` : "");
      continue;
    }
    migrateEquipment(a, "");
  }

  /** Moves the equipment itself to a surviving site with rack space and power for it; false when none has. */
  function migrateEquipment(a: PlanAsset, why: string): boolean {
    const physical = (a.rackUnits ?? 0) > 0 || (a.powerKw ?? 0) > 0;
    const need = { ru: a.rackUnits ?? 0, kw: a.powerKw ?? 0 };
    const bin = firstFit(siteBins, need, a.id);
    if (bin) {
      const fits = physical ? `its ${fmt(need.ru)} rack units and ${fmt(need.kw)} kW fit ${bin.name}` : `${bin.name} is a surviving site`;
      add({ kind: "MIGRATE", assetId: a.id, targetSiteId: bin.siteId }, a.name, `migrate to ${bin.name}`, why ? `${why}; the equipment itself moves: ${fits}` : fits);
      placedSite.set(a.id, bin.siteId);
      return true;
    }
    unplaced.push({
      subject: a.name,
      assetId: a.id,
      reason: `${why ? `${why}; and ` : ""}its ${fmt(need.ru)} rack units / ${fmt(need.kw)} kW fit no surviving site kept apart from its recovery partners (free: ${roomOf(siteBins, ["ru", "kw"])})`,
    });
    return false;
  }

  // 2. Duplicate applications doing the same job; 3. licences held by several organisations (draft-overlaps.ts).
  const steps: DraftSteps = { estate, outcome, choice, jobs, productNames, moves, moveOf, decisions, placedSite, endsByDraft: new Set(), add };
  if (choice.replaceDuplicates) replaceDuplicates(steps);
  if (choice.renegotiateOverlaps) renegotiateOverlaps(steps);
  // 4. Close the sites.
  for (const s of choice.closingSites)
    add({ kind: "CLOSE_SITE", assetId: null, siteId: s }, siteName(s), "close", "chosen to close; everything on it moves, is consolidated, replaced or retired first");
  return { moves, decisions, unplaced };
}
