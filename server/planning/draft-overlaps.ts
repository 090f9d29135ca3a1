// Steps 2 and 3 of drafting (draft.ts): duplicate applications replaced by one, and licences of one product
// held by several organisations renegotiated onto one. Prices decide a choice only where the caller may read
// every price compared (`DraftChoice.pricesComparable`): otherwise moving one's own price and drafting again
// would show where the choice flips, and give the hidden price away by bisection.
import { coversJobs } from "../catalogue/jobs.ts";
import type { PlanAsset, PlanEstate, PlanLicence } from "./model.ts";
import type { Outcome } from "./outcome.ts";
import type { DraftChoice, DraftDecisionView, DraftMove } from "./draft.ts";

/** The draft so far, shared by its steps. */
export interface DraftSteps {
  estate: PlanEstate;
  outcome: Outcome;
  choice: DraftChoice;
  jobs: ReadonlyMap<string, ReadonlySet<string>>;
  productNames: ReadonlyMap<string, string>;
  moves: DraftMove[];
  moveOf: Map<string, number>;
  decisions: DraftDecisionView[];
  placedSite: Map<string, string | null>;
  /** Applications the draft replaces. */
  endsByDraft: Set<string>;
  /** Adds (or replaces) the move of an asset, with its decision; returns its index. */
  add: (m: Omit<DraftMove, "licenceIds" | "targetLicenceId" | "siteId" | "targetSiteId" | "targetAssetId"> & Partial<DraftMove>, subject: string, decision: string, reason: string) => number;
}

const RANK: Record<string, number> = { LOW: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 3 };
const list = (xs: string[]) => (xs.length < 2 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)}`);
const code = (d: DraftSteps, o: string) => d.estate.organisationCodes.get(o) ?? o;

/**
 * Step 2: applications of the same job in different organisations, one each. The survivor costs least per
 * seat used (prices only where the caller may read every one compared), then is the most critical, has the
 * latest contract end, the most dependants; the others are replaced by it where it does all their jobs.
 */
export function replaceDuplicates(d: DraftSteps): void {
  const { estate, outcome, choice, jobs, moves, moveOf, decisions, placedSite, endsByDraft, add } = d;
  const byJob = new Map<string, PlanAsset[]>();
  for (const a of [...estate.assets.values()].sort((x, y) => (x.id < y.id ? -1 : 1))) {
    if (a.kind !== "APPLICATION" || a.lifecycle === "RETIRED" || !a.productId || !choice.organisations.has(a.organisationId)) continue;
    for (const job of jobs.get(a.productId) ?? []) byJob.set(job, [...(byJob.get(job) ?? []), a]);
  }
  const licencesOf = (a: PlanAsset) => outcome.ofProduct(a.organisationId, a.productId!).licences.map((id) => estate.licences.get(id)!);
  for (const [, apps] of [...byJob].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const orgs = new Set(apps.map((a) => a.organisationId));
    if (orgs.size < 2) continue;
    const label = apps.map((a) => a.name).join(", ");
    const crowded = [...orgs].filter((o) => apps.filter((a) => a.organisationId === o).length > 1);
    if (crowded.length) {
      decisions.push({
        move: null,
        subject: label,
        decision: "not replaced",
        reason: `${crowded.map((o) => estate.organisationCodes.get(o) ?? o).join(", ")} run several applications for this job; they may do different jobs, so none is replaced automatically`,
      });
      continue;
    }
    if (apps.some((a) => endsByDraft.has(a.id) || moves[moveOf.get(a.id) ?? -1]?.kind === "RETIRE")) continue;
    const hidden = hiddenPrices(d, orgs);
    const facts = apps.map((a) => {
      const ls = licencesOf(a);
      const cost = a.annualRunCostPence + ls.reduce((s, l) => s + l.annualCostPence, 0n);
      const seats = ls.reduce((s, l) => s + l.quantityUsed, 0);
      const end = ls.map((l) => (l.contractId ? estate.contracts.get(l.contractId)?.endDate : null) ?? "").sort().at(-1) ?? "";
      // Cost per seat used (the whole cost when no seat is used), compared exactly as cost × the other's seats.
      return { a, cost, per: BigInt(seats > 0 ? seats : 1), end, dependants: outcome.dependents(a.id).length };
    });
    type Fact = (typeof facts)[number];
    const perSeat = (x: Fact, y: Fact) => {
      const [l, r] = [x.cost * y.per, y.cost * x.per];
      return l < r ? -1 : l > r ? 1 : 0;
    };
    facts.sort(
      (x, y) =>
        (hidden.length ? 0 : perSeat(x, y)) ||
        RANK[y.a.criticality]! - RANK[x.a.criticality]! ||
        (x.end < y.end ? 1 : x.end > y.end ? -1 : 0) ||
        y.dependants - x.dependants ||
        (x.a.id < y.a.id ? -1 : 1),
    );
    const keep = facts[0]!;
    const jobsOfApp = (a: PlanAsset) => [...(jobs.get(a.productId!) ?? [])];
    for (const other of facts.slice(1)) {
      if (endsByDraft.has(other.a.id)) continue;
      if (!coversJobs(jobsOfApp(keep.a), jobsOfApp(other.a))) {
        decisions.push({
          move: null,
          subject: other.a.name,
          decision: "not replaced",
          reason: `${keep.a.name} does not do every job ${other.a.name} does (${jobsOfApp(other.a).filter((j) => !jobsOfApp(keep.a).includes(j)).join(", ")}), so it cannot replace it`,
        });
        continue;
      }
      const why = [
        hidden.length ? "" : perSeat(keep, other) < 0 ? "it costs less per seat used" : "it costs the same per seat used",
        RANK[keep.a.criticality]! > RANK[other.a.criticality]! ? `it is more critical (${keep.a.criticality.toLowerCase()})` : "",
        keep.end > other.end ? `its contract runs longer (to ${keep.end})` : "",
        `${keep.dependants} asset(s) depend on it against ${other.dependants}`,
      ].filter(Boolean);
      add(
        { kind: "REPLACE", assetId: other.a.id, targetAssetId: keep.a.id },
        other.a.name,
        `replace by ${keep.a.name}`,
        `the same job in ${estate.organisationCodes.get(keep.a.organisationId)}; ${keep.a.name} is kept: ${why.join(", ")}${hidden.length ? `. ${pricesNotCompared(d, hidden, orgs, "the one costing least per seat used")}` : ""}. Swap the two (or delete this move) to decide otherwise`,
      );
      endsByDraft.add(other.a.id);
      placedSite.set(other.a.id, null);
    }
  }
}

/**
 * Step 3: a product licensed by several organisations in one metric is renegotiated onto the licence with
 * the best unit price (prices only where the caller may read every one compared), then the latest contract end.
 */
export function renegotiateOverlaps(d: DraftSteps): void {
  const { estate, outcome, choice, productNames, moves, add } = d;
  const ended = new Set<string>();
  for (const m of moves)
    if ((m.kind === "REPLACE" || m.kind === "RETIRE" || m.kind === "CONSOLIDATE") && m.assetId) {
      const a = estate.assets.get(m.assetId)!;
      if (a.productId) for (const l of outcome.ofProduct(a.organisationId, a.productId).licences) ended.add(l);
    }
  const groups = new Map<string, PlanLicence[]>();
  for (const l of [...estate.licences.values()].sort((x, y) => (x.id < y.id ? -1 : 1))) {
    if (ended.has(l.id) || !choice.organisations.has(l.organisationId)) continue;
    const key = `${l.productId}|${l.metric}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  for (const [, ls] of [...groups].sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (new Set(ls.map((l) => l.organisationId)).size < 2) continue;
    const endOf = (l: PlanLicence) => (l.contractId ? estate.contracts.get(l.contractId)?.endDate : null) ?? "";
    const orgs = new Set(ls.map((l) => l.organisationId));
    const hidden = hiddenPrices(d, orgs);
    const byPrice = (x: PlanLicence, y: PlanLicence) => (hidden.length ? 0 : x.unitCostPence < y.unitCostPence ? -1 : x.unitCostPence > y.unitCostPence ? 1 : 0);
    const target = [...ls].sort(
      (x, y) => byPrice(x, y) || (endOf(x) < endOf(y) ? 1 : endOf(x) > endOf(y) ? -1 : 0) || (x.id < y.id ? -1 : 1),
    )[0]!;
    const onto = hidden.length
      ? `onto the licence whose contract runs latest (${endOf(target) ? `to ${endOf(target)}` : "none has an end date, so the first by id"}). ${pricesNotCompared(d, hidden, orgs, "the licence with the best unit price")}`
      : "onto the best unit price";
    const others = ls.filter((l) => l !== target);
    const product = productNames.get(target.productId) ?? "one product";
    add(
      { kind: "RENEGOTIATE", assetId: null, licenceIds: others.map((l) => l.id), targetLicenceId: target.id },
      `${ls.length} licences of ${product} (${target.metric.toLowerCase()})`,
      `renegotiate onto ${estate.organisationCodes.get(target.organisationId)}'s licence`,
      `the same product is licensed by ${[...new Set(ls.map((l) => estate.organisationCodes.get(l.organisationId)))].join(" and ")}; merged at the contracts' ends (the plan waits for them) ${onto}`,
    );
  }
}

/** The codes of the organisations among `orgs` whose prices the caller may not read, sorted. */
function hiddenPrices(d: DraftSteps, orgs: ReadonlySet<string>): string[] {
  return [...orgs].filter((o) => !d.choice.pricesComparable.has(o)).map((o) => code(d, o)).sort();
}

/** Says that prices were left out of a comparison, whose, and what a caller who may read them all gets. */
function pricesNotCompared(d: DraftSteps, hidden: string[], orgs: ReadonlySet<string>, instead: string): string {
  const all = [...orgs].map((o) => code(d, o)).sort();
  return `Prices were not compared: you may not read ${list(hidden)}'s prices, so no price decided this (someone who may read the prices of ${list(all)} gets ${instead})`;
}
