// What the planning resolvers pass down to child fields (graphql-codegen maps the GraphQL types to these):
// computed results carry their scenario's analysis, and money figures carry whether the caller may see them.
import type { ScenarioAnalysis } from "./analysis.ts";
import type { PlacedMove, Why } from "./waves.ts";
import type { Violation } from "./violations.ts";
import type { ScenarioFinancials, YearFigures } from "./financials.ts";
import type { OneOffCost, RecurringChange } from "./savings.ts";
import type { FinancialVisibility, OrganisationView, TotalsView } from "./visibility.ts";
import type { Scenario } from "../../generated/prisma/client.ts";
import type { ScenarioSnapshot, SeenSnapshotFigures } from "./snapshot.ts";
import type { Baseline } from "./model.ts";
import type { Resource } from "./capacity.ts";
import type { EnergyPoint, OrganisationEnergy, ScenarioEnergy } from "./energy.ts";
import type { MoveRisk, RiskReason, ScenarioRisk, WaveRisk } from "./risk.ts";
import type { Comparison, MoveDifferenceView } from "./compare.ts";
import type { DraftOutcome, DraftDecisionView, DraftProblemView } from "./draft.ts";

export type WavePlanView = ScenarioAnalysis;
export type ValidationView = ScenarioAnalysis;
export type PlannedMoveView = { analysis: ScenarioAnalysis; placed: PlacedMove };
export type WaveView = { analysis: ScenarioAnalysis; number: number };
export type WaveReasonView = Why;
export type ResourceLoadView = { resource: Resource; load: number };
export type ViolationView = Violation;
export type FinancialsView = { analysis: ScenarioAnalysis; financials: ScenarioFinancials; visibility: FinancialVisibility };
export type OrganisationFinancialsView = OrganisationView & { codes: ReadonlyMap<string, string> };
/** `baselineVisible`: baseline shown; `partial`: the sums leave hidden parts out (plan is then null). */
export type FinancialYearView = { year: YearFigures; baselineVisible: boolean; partial: boolean };
export type FinancialTotalsView = TotalsView;
export type HiddenPricesView = { organisationId: string; moveIds: string[]; code: string };
export type SnapshotView = { snapshot: ScenarioSnapshot; scenario: Scenario };
export type SnapshotFiguresView = SeenSnapshotFigures;
export type BaselineView = { baseline: Baseline; visible: boolean };
export type RecurringChangeView = { change: RecurringChange; visible: boolean; startDate: string };
export type OneOffCostView = { cost: OneOffCost; visible: boolean; startDate: string };
export type EnergyView = ScenarioEnergy;
export type OrganisationEnergyView = OrganisationEnergy;
export type EnergyPointView = EnergyPoint;
export type RiskView = ScenarioRisk;
export type MoveRiskView = MoveRisk;
export type WaveRiskView = WaveRisk;
export type RiskReasonView = RiskReason;
export type ApprovalStateView = { scenarioId: string; proposedVersion: number | null };
export type ComparisonView = Comparison;
export type ScenarioSummaryView = { analysis: ScenarioAnalysis; visibility: FinancialVisibility };
export type MoveDifferenceViewType = MoveDifferenceView;
export type DraftResultView = DraftOutcome;
export type DraftDecisionViewType = DraftDecisionView & { moveId: string | null };
export type DraftProblemViewType = DraftProblemView;
