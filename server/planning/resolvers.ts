// Planning queries, mutations and fields: thin, over the scenario, move, governance, analysis, compare and
// draft services. Computed results are read from one analysis per scenario per request.
import type { Resolvers } from "../../generated/graphql.ts";
import type { Context } from "../shared/context.ts";
import { NotFoundError } from "../shared/errors.ts";
import { idOf, parseGlobalId, toGlobalId } from "../shared/ids.ts";
import { connectionFromSorted } from "../shared/pagination.ts";
import { organisationIdsByCodes } from "../organisations/service.ts";
import { addMonths, parseDay } from "./calendar.ts";
import { analyseScenario, type ScenarioAnalysis } from "./analysis.ts";
import { compareScenarios } from "./compare.ts";
import { draftConvergenceScenario } from "./draft-service.ts";
import { approveScenario, proposeScenario, rejectScenario, withdrawScenario } from "./governance.ts";
import { replacementCandidates } from "./jobs.ts";
import { addMoves, removeMove, updateMove } from "./moves.ts";
import {
  copyScenario,
  createScenario,
  deleteScenario,
  listScenarios,
  reviseScenario,
  setOrganisationSavingsTarget,
  updateScenario,
} from "./scenarios.ts";
import { FinancialVisibility } from "./visibility.ts";
import type { FinancialsView, HiddenPricesView, OrganisationFinancialsView, ScenarioSummaryView, SnapshotView } from "./views.ts";
import type { Scenario } from "../../generated/prisma/client.ts";
import { commercialVisible } from "../shared/authz.ts";
import { seenSnapshotFigures, snapshotDrift, storedSnapshot, takeSnapshot, type Drift } from "./snapshot.ts";
import { changeNote, overrideVisible } from "./move-visibility.ts";
import { FINANCIAL_METHOD, ENERGY_METHOD, RISK_METHOD } from "./methods.ts";

const analysisOf = (ctx: Context, globalId: string, field = "scenarioId") => analyseScenario(ctx, idOf(globalId, "Scenario", field));

async function financialsView(ctx: Context, a: ScenarioAnalysis): Promise<FinancialsView> {
  const financials = a.financials();
  return { analysis: a, financials, visibility: new FinancialVisibility(ctx.actor, financials, a.input) };
}

/** What a caller sees of each organisation's figures. */
function organisationViews(a: ScenarioAnalysis, visibility: FinancialVisibility): OrganisationFinancialsView[] {
  const codes = a.input.estate.organisationCodes;
  return a.financials().organisations.map((o) => ({ ...visibility.organisation(o.organisationId), codes }));
}

/** A stored snapshot as the API shows it, or null. */
function snapshotView(s: Scenario, value: unknown): SnapshotView | null {
  const snapshot = storedSnapshot(value);
  return snapshot ? { snapshot, scenario: s } : null;
}

const drifts = new WeakMap<SnapshotView, Promise<Drift>>();

/** Whether a stored snapshot has drifted from the scenario's live figures now, as far as the caller may tell (once per snapshot field set). */
function drift(ctx: Context, v: SnapshotView): Promise<Drift> {
  let found = drifts.get(v);
  if (!found) drifts.set(v, (found = driftOf(ctx, v)));
  return found;
}

async function driftOf(ctx: Context, v: SnapshotView): Promise<Drift> {
  const a = await analyseScenario(ctx, v.scenario.id);
  const codes = a.input.estate.organisationCodes;
  return snapshotDrift(
    v.snapshot,
    takeSnapshot(a, v.snapshot.scenarioVersion, new Date(v.snapshot.takenAt)),
    (o) => codes.get(o) ?? o,
    (o) => commercialVisible(ctx.actor, o),
  );
}

/** Why a snapshot's drift is unknown to the caller, or null. */
async function driftUnknownBecause(ctx: Context, v: SnapshotView): Promise<string | null> {
  const d = await drift(ctx, v);
  if (d.drifted !== null) return null;
  const codes = (await Promise.all(d.unknownFor.map((o) => organisation(ctx, o)))).map((o) => o.code).join(", ");
  return `unknown: nothing you may see differs, but figures of ${codes} use prices you may not read (in the snapshot or now), so whether they changed is not shown.`;
}

const money = (visible: boolean, v: bigint) => (visible ? v : null);
const day = (d: string | null | undefined) => (d ? parseDay(d) : null);
const move = async (ctx: Context, id: string) => {
  const m = await ctx.loaders.move.load(id);
  if (!m) throw new NotFoundError("move", `move Move:${id} no longer exists; reload the scenario.`);
  return m;
};
const organisation = async (ctx: Context, id: string) => (await ctx.loaders.organisation.load(id))!;

/** Resolvers for the planning domain. */
export const planningResolvers: Resolvers = {
  Query: {
    scenarios: (_p, { filter, first, after }, ctx) => listScenarios(ctx, filter, { first, after }),
    scenario: (_p, { id }, ctx) => {
      const parsed = parseGlobalId(id, "id");
      return parsed.type === "Scenario" ? ctx.loaders.scenario.load(parsed.id) : null;
    },
    planWaves: (_p, { scenarioId }, ctx) => analysisOf(ctx, scenarioId),
    validateScenario: (_p, { scenarioId }, ctx) => analysisOf(ctx, scenarioId),
    scenarioFinancials: async (_p, { scenarioId }, ctx) => financialsView(ctx, await analysisOf(ctx, scenarioId)),
    scenarioRisk: async (_p, { scenarioId }, ctx) => (await analysisOf(ctx, scenarioId)).risk(),
    scenarioEnergy: async (_p, { scenarioId }, ctx) => (await analysisOf(ctx, scenarioId)).energy(),
    compareScenarios: (_p, { ids }, ctx) => compareScenarios(ctx, ids),
    replacementCandidates: async (_p, { assetId }, ctx) => {
      const asset = await ctx.loaders.asset.load(idOf(assetId, "Asset", "assetId"));
      if (!asset) throw new NotFoundError("assetId", `no asset has ID ${assetId}.`);
      return replacementCandidates(ctx, asset);
    },
  },
  Mutation: {
    createScenario: (_p, { input }, ctx) => createScenario(ctx, input),
    updateScenario: (_p, { id, version, patch }, ctx) => updateScenario(ctx, id, version, patch),
    deleteScenario: (_p, { id, version }, ctx) => deleteScenario(ctx, id, version),
    copyScenario: (_p, { id, name }, ctx) => copyScenario(ctx, id, name),
    reviseScenario: (_p, { id, version }, ctx) => reviseScenario(ctx, id, version),
    addMove: async (_p, { scenarioId, input }, ctx) => (await addMoves(ctx, scenarioId, [input], true))[0]!,
    addMoves: (_p, { scenarioId, input }, ctx) => addMoves(ctx, scenarioId, input),
    updateMove: (_p, { id, version, patch }, ctx) => updateMove(ctx, id, version, patch),
    removeMove: (_p, { id, version }, ctx) => removeMove(ctx, id, version),
    proposeScenario: (_p, { id, version }, ctx) => proposeScenario(ctx, id, version),
    withdrawScenario: (_p, { id, version }, ctx) => withdrawScenario(ctx, id, version),
    approveScenario: (_p, { id, version, organisation: code }, ctx) => approveScenario(ctx, id, version, code),
    rejectScenario: (_p, { id, version, organisation: code, reason }, ctx) => rejectScenario(ctx, id, version, code, reason),
    draftConvergence: (_p, { input }, ctx) => draftConvergenceScenario(ctx, input),
    setOrganisationSavingsTarget: (_p, { organisation: code, target }, ctx) => setOrganisationSavingsTarget(ctx, code, target),
  },
  Organisation: {
    savingsTarget: (o) => o.savingsTargetPence,
  },
  Scenario: {
    id: (s) => toGlobalId("Scenario", s.id),
    discountRatePercent: (s) => s.discountRateBp / 100,
    carbonFactor: (s) => ({ gramsPerKwh: s.carbonFactorGPerKwh, year: s.carbonFactorYear }),
    targets: (s, _x, ctx) => ctx.loaders.targetsByScenario.load(s.id),
    moves: async (s, { filter, first, after }, ctx) => {
      let rows = await ctx.loaders.movesByScenario.load(s.id);
      if (filter?.kind?.length) rows = rows.filter((m) => filter.kind!.includes(m.kind));
      if (filter?.organisation?.length) {
        const orgs = new Set(await organisationIdsByCodes(ctx.prisma, filter.organisation, "filter.organisation"));
        const a = await analyseScenario(ctx, s.id);
        const planned = new Map(a.input.moves.map((x) => [x.id, x]));
        rows = rows.filter((m) => a.plan.outcome.organisationsOf(planned.get(m.id)!).some((o) => orgs.has(o)));
      }
      return connectionFromSorted(rows, { first, after }, { column: "createdAt", direction: "asc" });
    },
    copiedFrom: (s, _x, ctx) => (s.copiedFromId ? ctx.loaders.scenario.load(s.copiedFromId) : null),
    previousRevision: (s, _x, ctx) => (s.previousRevisionId ? ctx.loaders.scenario.load(s.previousRevisionId) : null),
    revisions: (s, _x, ctx) => ctx.loaders.revisionsByLineage.load(s.lineageId),
    approval: (s) => ({ scenarioId: s.id, proposedVersion: s.status === "PROPOSED" || s.status === "APPROVED" ? s.proposedVersion : null }),
    decisions: (s, _x, ctx) => ctx.loaders.decisionsByScenario.load(s.id),
    plan: (s, _x, ctx) => analyseScenario(ctx, s.id),
    validation: (s, _x, ctx) => analyseScenario(ctx, s.id),
    financials: async (s, _x, ctx) => financialsView(ctx, await analyseScenario(ctx, s.id)),
    risk: async (s, _x, ctx) => (await analyseScenario(ctx, s.id)).risk(),
    energy: async (s, _x, ctx) => (await analyseScenario(ctx, s.id)).energy(),
    proposedSnapshot: (s) => (s.status === "DRAFT" ? null : snapshotView(s, s.proposedSnapshot)),
    approvedSnapshot: (s) => snapshotView(s, s.approvedSnapshot),
    driftedSinceApproval: async (s, _x, ctx) => {
      const v = snapshotView(s, s.approvedSnapshot);
      return v ? (await drift(ctx, v)).drifted : null;
    },
  },
  ScenarioSnapshot: {
    takenAt: (v) => new Date(v.snapshot.takenAt),
    version: (v) => v.snapshot.scenarioVersion,
    valid: (v) => v.snapshot.valid,
    errorCount: (v) => v.snapshot.errorCount,
    warningCount: (v) => v.snapshot.warningCount,
    waveCount: (v) => v.snapshot.waveCount,
    moveCount: (v) => v.snapshot.moveCount,
    organisations: (v, _x, ctx) =>
      v.snapshot.organisations.map((o) => seenSnapshotFigures(v.snapshot, o, (x) => commercialVisible(ctx.actor, x))),
    drifted: async (v, _x, ctx) => (await drift(ctx, v)).drifted,
    driftUnknownBecause: (v, _x, ctx) => driftUnknownBecause(ctx, v),
    differences: async (v, _x, ctx) => (await drift(ctx, v)).differences,
  },
  SnapshotFigures: {
    organisation: (f, _x, ctx) => organisation(ctx, f.organisationId),
    visible: (f) => f.reach.complete && f.reach.baseline,
    partial: (f) => f.reach.partial,
    hiddenBecause: async (f, _x, ctx) => {
      const codes = async (ids: string[]) => (await Promise.all(ids.map((o) => organisation(ctx, o)))).map((o) => o.code).join(", ");
      if (f.reach.hidden)
        return `hidden: this snapshot was stored whole, and its figures use prices of ${await codes(f.reach.hiddenPricesOf)}, whose commercial values you may not read.`;
      const why: string[] = [];
      if (f.reach.partial)
        why.push(`partial: the changes and costs that use prices of ${await codes(f.reach.hiddenPricesOf)}, whose commercial values you may not read, are left out of these figures, and planRunCost is not shown`);
      if (!f.reach.baseline)
        why.push(`the baseline includes licence spend of ${await codes([f.organisationId])}, whose commercial values you may not read: baseline and planRunCost are not shown`);
      return why.length ? `${why.join("; ")}.` : null;
    },
    baseline: (f) => f.baseline,
    planRunCost: (f) => f.planRunCost,
    finalRunRate: (f) => f.finalRunRate,
    target: (f) => f.target,
    againstTarget: (f) => f.againstTarget,
    npv: (f) => f.npv,
    paybackDate: (f) => day(f.paybackDate),
    totalOneOff: (f) => f.totalOneOff,
    totalSaving: (f) => f.totalSaving,
  },
  SavingsTarget: {
    organisation: (t, _x, ctx) => organisation(ctx, t.organisationId),
    target: (t) => t.savingsTargetPence,
  },
  Move: {
    id: (m) => toGlobalId("Move", m.id),
    scenario: async (m, _x, ctx) => (await ctx.loaders.scenario.load(m.scenarioId))!,
    asset: (m, _x, ctx) => (m.assetId ? ctx.loaders.asset.load(m.assetId) : null),
    site: (m, _x, ctx) => (m.siteId ? ctx.loaders.site.load(m.siteId) : null),
    targetSite: (m, _x, ctx) => (m.targetSiteId ? ctx.loaders.site.load(m.targetSiteId) : null),
    targetAsset: (m, _x, ctx) => (m.targetAssetId ? ctx.loaders.asset.load(m.targetAssetId) : null),
    licences: async (m, _x, ctx) =>
      (await Promise.all(m.licenceIds.map((id) => ctx.loaders.licence.load(id)))).filter((l) => l !== null),
    targetLicence: (m, _x, ctx) => (m.targetLicenceId ? ctx.loaders.licence.load(m.targetLicenceId) : null),
    oneOffCost: (m) => m.oneOffCostPence,
    targetCostGrowth: (m) => m.targetCostGrowthPence,
    valuesVisible: (m, _x, ctx) => overrideVisible(ctx, m),
    savingOverride: async (m, _x, ctx) => ((await overrideVisible(ctx, m)) ? m.savingOverridePence : null),
    savingOverrideReason: async (m, _x, ctx) => ((await overrideVisible(ctx, m)) ? m.savingOverrideReason : null),
    placement: async (m, _x, ctx) => {
      const analysis = await analyseScenario(ctx, m.scenarioId);
      const placed = analysis.plan.placed.get(m.id);
      if (!placed) throw new NotFoundError("id", "this move is no longer in its scenario; reload it.");
      return { analysis, placed };
    },
  },
  WavePlan: {
    waves: (a) => Array.from({ length: a.plan.waveCount }, (_, i) => ({ analysis: a, number: i + 1 })),
    waveCount: (a) => a.plan.waveCount,
    horizonWaves: (a) => a.plan.calendar.horizonWaves,
    lowerBound: (a) => a.plan.bound,
    distanceFromBound: (a) => a.plan.waveCount - a.plan.bound.waves,
    unscheduled: (a) => a.plan.order.filter((p) => p.wave === null).map((placed) => ({ analysis: a, placed })),
  },
  Wave: {
    startDate: (w) => parseDay(w.analysis.plan.calendar.waveStart(w.number)),
    effectDate: (w) => parseDay(w.analysis.plan.calendar.waveEnd(w.number)),
    moves: (w) => w.analysis.plan.order.filter((p) => p.wave === w.number).map((placed) => ({ analysis: w.analysis, placed })),
    effortDays: (w) => w.analysis.plan.order.filter((p) => p.wave === w.number).reduce((s, p) => s + p.move.effortDays, 0),
    loads: (w) => {
      const { plan } = w.analysis;
      const keys = new Set<string>();
      for (const p of plan.order)
        if (p.wave === w.number) {
          const d = plan.capacity.demands.get(p.move.id)!;
          for (const x of [...d.arrivals, ...d.departures]) keys.add(x.key);
        }
      return [...keys].sort().map((key) => ({ resource: plan.capacity.resources.get(key)!, load: plan.ledger.load(key, w.number) }));
    },
  },
  PlannedMove: {
    move: (p, _x, ctx) => move(ctx, p.placed.move.id),
    wave: (p) => p.placed.wave,
    startDate: (p) => day(p.placed.startDate),
    effectDate: (p) => day(p.placed.effectDate),
    why: (p) => p.placed.why,
  },
  WaveReason: {
    moves: (w, _x, ctx) => Promise.all((w.moveIds ?? []).map((id) => move(ctx, id))),
    date: (w) => day(w.date),
  },
  ResourceLoad: {
    kind: (r) => r.resource.kind,
    name: (r) => r.resource.name,
    site: (r, _x, ctx) => (r.resource.siteId ? ctx.loaders.site.load(r.resource.siteId) : null),
    asset: (r, _x, ctx) => (r.resource.assetId ? ctx.loaders.asset.load(r.resource.assetId) : null),
    capacity: (r) => r.resource.capacity,
    load: (r) => r.load,
  },
  ScenarioValidation: {
    valid: (a) => !a.violations.some((v) => v.severity === "ERROR"),
    errorCount: (a) => a.violations.filter((v) => v.severity === "ERROR").length,
    warningCount: (a) => a.violations.filter((v) => v.severity === "WARNING").length,
    violations: (a) => a.violations,
  },
  Violation: {
    moves: (v, _x, ctx) => Promise.all(v.moveIds.map((id) => move(ctx, id))),
    assets: async (v, _x, ctx) => (await Promise.all(v.assetIds.map((id) => ctx.loaders.asset.load(id)))).filter((a) => a !== null),
    sites: async (v, _x, ctx) => (await Promise.all(v.siteIds.map((id) => ctx.loaders.site.load(id)))).filter((s) => s !== null),
  },
  ScenarioFinancials: {
    valuesVisible: (f) => f.visibility.all,
    hiddenFor: (f) =>
      [...f.visibility.hiddenFor].map((o) => f.analysis.input.estate.organisationCodes.get(o) ?? o).sort(),
    discountRatePercent: (f) => f.financials.discountRateBp / 100,
    method: () => FINANCIAL_METHOD,
    hidden: (f) => hiddenPrices(f.analysis, f.visibility),
    organisations: (f) => organisationViews(f.analysis, f.visibility),
    totals: (f) => f.visibility.totals(),
    changes: (f) =>
      f.financials.changes.map((change) => ({ change, visible: f.visibility.change(change), startDate: f.analysis.input.parameters.startDate })),
    oneOffCosts: (f) =>
      f.financials.oneOffs.map((cost) => ({ cost, visible: f.visibility.cost(cost), startDate: f.analysis.input.parameters.startDate })),
  },
  HiddenPrices: {
    organisation: (h, _x, ctx) => organisation(ctx, h.organisationId),
    moves: (h, _x, ctx) => Promise.all(h.moveIds.map((id) => move(ctx, id))),
    reason: (h) =>
      `${h.moveIds.length} move(s) are costed with ${h.code}'s licence or contract prices, whose commercial values you may not read: their recurring changes and one-off costs are hidden, and every sum that includes them is partial (computed without them).`,
  },
  OrganisationFinancials: {
    organisation: (o, _x, ctx) => organisation(ctx, o.figures.organisationId),
    partial: (o) => o.partial,
    hiddenMoves: (o, _x, ctx) => Promise.all(o.hiddenMoveIds.map((id) => move(ctx, id))),
    hiddenBecause: (o) =>
      o.partial
        ? `partial: ${o.hiddenMoveIds.length} move(s) (hiddenMoves) use prices of ${o.hiddenPricesOf.map((x) => o.codes.get(x) ?? x).join(", ")}, whose commercial values you may not read; they are left out of these sums, and plan and meetsTarget are not shown.`
        : null,
    baseline: (o) => ({ baseline: o.figures.baseline, visible: o.baselineVisible }),
    target: (o) => o.figures.target,
    years: (o) => o.figures.years.map((year) => ({ year, baselineVisible: o.baselineVisible, partial: o.partial })),
    totalSaving: (o) => o.figures.totalSaving,
    totalOneOff: (o) => o.figures.totalOneOff,
    npv: (o) => o.figures.npv,
    paybackMonths: (o) => o.figures.paybackMonths,
    paybackDate: (o) => day(o.figures.paybackDate),
    finalRunRate: (o) => o.figures.finalRunRate,
    meetsTarget: (o) => (o.partial ? null : o.figures.meetsTarget),
  },
  BaselineBreakdown: {
    assets: (b) => b.baseline.assetRunCostPence,
    sites: (b) => b.baseline.siteCostPence,
    licences: (b) => money(b.visible, b.baseline.licenceCostPence),
  },
  FinancialYear: {
    year: (y) => y.year.year,
    from: (y) => parseDay(y.year.from),
    baseline: (y) => money(y.baselineVisible, y.year.baseline),
    plan: (y) => money(y.baselineVisible && !y.partial, y.year.plan),
    saving: (y) => y.year.saving,
    oneOff: (y) => y.year.oneOff,
    net: (y) => y.year.net,
    cumulative: (y) => y.year.cumulative,
    runRate: (y) => y.year.runRate,
    target: (y) => y.year.target,
    againstTarget: (y) => y.year.againstTarget,
  },
  FinancialTotals: {
    partial: (t) => t.partial,
    baseline: (t) => money(t.baselineVisible, t.totals.baseline),
    target: (t) => t.totals.target,
    years: (t) => t.totals.years.map((year) => ({ year, baselineVisible: t.baselineVisible, partial: t.partial })),
    totalSaving: (t) => t.totals.totalSaving,
    totalOneOff: (t) => t.totals.totalOneOff,
    npv: (t) => t.totals.npv,
    paybackMonths: (t) => t.totals.paybackMonths,
    paybackDate: (t) => day(t.totals.paybackDate),
    finalRunRate: (t) => t.totals.finalRunRate,
  },
  RecurringChange: {
    move: (c, _x, ctx) => move(ctx, c.change.moveId),
    organisation: (c, _x, ctx) => organisation(ctx, c.change.organisationId),
    annual: (c) => money(c.visible, c.change.annualPence),
    from: (c) => monthDate(c.startDate, c.change.fromMonth),
    source: (c) => c.change.source,
    note: (c) => changeNote(c.change.note, c.change.source, c.visible),
  },
  OneOffCostLine: {
    move: (c, _x, ctx) => move(ctx, c.cost.moveId),
    organisation: (c, _x, ctx) => organisation(ctx, c.cost.organisationId),
    amount: (c) => money(c.visible, c.cost.pence),
    date: (c) => monthDate(c.startDate, c.cost.month),
    source: (c) => c.cost.source,
    note: (c) => c.cost.note,
  },
  ScenarioEnergy: {
    carbonFactor: (e) => ({ gramsPerKwh: e.factorGPerKwh, year: e.factorYear }),
    method: () => ENERGY_METHOD,
  },
  OrganisationEnergy: {
    organisation: (o, _x, ctx) => organisation(ctx, o.organisationId),
  },
  ScenarioRisk: {
    method: () => RISK_METHOD,
  },
  MoveRisk: {
    move: (r, _x, ctx) => move(ctx, r.moveId),
  },
  WaveRisk: {
    moveCount: (w) => w.moves,
    byLevel: (w) => (["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const).map((level) => ({ level, count: w.byLevel[level] })),
    riskiestMove: (w, _x, ctx) => (w.riskiestMoveId ? move(ctx, w.riskiestMoveId) : null),
  },
  ApprovalState: {
    required: async (a, _x, ctx) => {
      const targets = await ctx.loaders.targetsByScenario.load(a.scenarioId);
      return Promise.all(targets.map((t) => organisation(ctx, t.organisationId)));
    },
    approvals: async (a, _x, ctx) =>
      (await ctx.loaders.decisionsByScenario.load(a.scenarioId)).filter((d) => d.scenarioVersion === a.proposedVersion && d.decision === "APPROVED"),
    pending: async (a, _x, ctx) => {
      const [targets, decisions] = await Promise.all([ctx.loaders.targetsByScenario.load(a.scenarioId), ctx.loaders.decisionsByScenario.load(a.scenarioId)]);
      if (a.proposedVersion === null) return [];
      const done = new Set(decisions.filter((d) => d.scenarioVersion === a.proposedVersion).map((d) => d.organisationId));
      return Promise.all(targets.filter((t) => !done.has(t.organisationId)).map((t) => organisation(ctx, t.organisationId)));
    },
    complete: async (a, _x, ctx) => {
      if (a.proposedVersion === null) return false;
      const [targets, decisions] = await Promise.all([ctx.loaders.targetsByScenario.load(a.scenarioId), ctx.loaders.decisionsByScenario.load(a.scenarioId)]);
      const approved = new Set(decisions.filter((d) => d.scenarioVersion === a.proposedVersion && d.decision === "APPROVED").map((d) => d.organisationId));
      return targets.every((t) => approved.has(t.organisationId));
    },
  },
  ScenarioDecision: {
    organisation: (d, _x, ctx) => organisation(ctx, d.organisationId),
  },
  ScenarioComparison: {
    scenarios: (c, _x, ctx) => c.analyses.map((analysis) => summaryView(ctx, analysis)),
  },
  ScenarioSummary: {
    scenario: (s) => s.analysis.scenario,
    waveCount: (s) => s.analysis.plan.waveCount,
    moveCount: (s) => s.analysis.moves.length,
    errorCount: (s) => s.analysis.violations.filter((v) => v.severity === "ERROR").length,
    warningCount: (s) => s.analysis.violations.filter((v) => v.severity === "WARNING").length,
    riskTotal: async (s) => (await s.analysis.risk()).total,
    riskLevel: async (s) => (await s.analysis.risk()).level,
    organisations: (s) => organisationViews(s.analysis, s.visibility),
    partial: (s) => s.visibility.totals().partial,
    hidden: (s) => hiddenPrices(s.analysis, s.visibility),
    totalOneOff: (s) => s.visibility.totals().totals.totalOneOff,
    npv: (s) => s.visibility.totals().totals.npv,
    paybackMonths: (s) => s.visibility.totals().totals.paybackMonths,
    finalRunRate: (s) => s.visibility.totals().totals.finalRunRate,
  },
  MoveDifference: {
    asset: (d, _x, ctx) => (d.assetId ? ctx.loaders.asset.load(d.assetId) : null),
    site: (d, _x, ctx) => (d.siteId ? ctx.loaders.site.load(d.siteId) : null),
  },
  DraftResult: {
    scenario: async (d, _x, ctx) => (await ctx.loaders.scenario.load(d.scenarioId))!,
  },
  DraftDecision: {
    move: (d, _x, ctx) => (d.moveId === null ? null : ctx.loaders.move.load(d.moveId)),
  },
  DraftProblem: {
    asset: (p, _x, ctx) => (p.assetId ? ctx.loaders.asset.load(p.assetId) : null),
  },
};

/** Per organisation whose prices the caller may not read, the moves whose figures use them, by code. */
function hiddenPrices(a: ScenarioAnalysis, visibility: FinancialVisibility): HiddenPricesView[] {
  const codes = a.input.estate.organisationCodes;
  return [...visibility.hiddenMoves.entries()]
    .map(([organisationId, moves]) => ({ organisationId, moveIds: [...moves].sort(), code: codes.get(organisationId) ?? organisationId }))
    .sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
}

function summaryView(ctx: Context, analysis: ScenarioAnalysis): ScenarioSummaryView {
  return { analysis, visibility: new FinancialVisibility(ctx.actor, analysis.financials(), analysis.input) };
}

function monthDate(startDate: string, month: number): Date {
  return parseDay(addMonths(startDate, month));
}
