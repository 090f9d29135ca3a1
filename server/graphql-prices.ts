// The price list of the query cost model (graphql-cost.ts, README "Limits"): the only place a field's
// price is set. Every object in an answer costs 1 and a list multiplies by its size without any entry
// here; this table adds what the schema cannot say by itself. Keys are "Type.field" as in the SDL; a
// test (tests/auth/query-cost.test.ts) checks that every key names a field, every `sizedBy` one of its
// arguments and every `assumedSize` a list.
//
// Pricing a new analytic field (a resolver that compares, aggregates or walks the graph rather than
// only reading rows): add "Type.field" to ANALYTIC_FIELDS with `work` in proportion to the time it
// takes on the seed estate, against a field already priced, timed in the same run (licenceOverlaps,
// the slowest, is 1,500); round to a multiple of 50. A field that, with what it selects, costs
// QUERY_LIMITS.expensiveCost (1,000) or more is expensive: it takes turns behind the concurrency gate
// (server/shared/concurrency.ts), so give real analyses a `work` of at least that. A list result no
// argument bounds also gets `assumedSize`; one whose size an argument bounds, `sizedBy`.

/** How a field is priced beyond its objects. */
export interface FieldPrice {
  /** The fixed work of resolving the field once, in cost units, whatever it returns. */
  work?: number;
  /** The argument that bounds the list the field returns, or the lists directly inside its result (`first` needs no entry). */
  sizedBy?: string;
  /** The length assumed for a list no argument bounds (else DEFAULT_LIST_SIZE). */
  assumedSize?: number;
}

/** Analytic fields: what resolving each one once costs, measured on the seed estate. */
export const ANALYTIC_FIELDS = {
  // Graph (schema/graph.graphql): walks of the dependency graph.
  "Query.impact": { work: 50 },
  "Query.siteImpact": { work: 50 },
  "Query.paths": { work: 50, sizedBy: "limit" },
  "Query.graph": { work: 300, sizedBy: "limit" },
  "Query.singlePointsOfFailure": { work: 200, sizedBy: "limit" },
  "Query.crossEstateLinks": { work: 50 },
  // Procurement (schema/procurement.graphql): comparisons of every organisation's licences and contracts.
  "Query.licenceOverlaps": { work: 1500, assumedSize: 50 },
  "Query.licenceOverlap": { work: 400 },
  "Query.licencePosition": { work: 50 },
  "Query.licencePositions": { work: 600, assumedSize: 50 },
  "Query.renewals": { work: 600 },
  "Query.consolidationSavings": { work: 800 },
  "Query.matchProductTitle": { work: 500 },
  "Mutation.importOcds": { work: 2000 },
  "Mutation.submitProductTitles": { work: 500, sizedBy: "titles" },
  // Organisations: the summary aggregates the organisation's estate.
  "Organisation.summary": { work: 20 },
  // Planning (schema/planning.graphql): each field below runs (or reads) one analysis of a scenario —
  // its estate read, waves planned, violations found, money, risk or energy computed — about as much work
  // as licenceOverlaps on a seed-sized scenario and more on a large one; one request shares one analysis
  // per scenario, but each field is priced as if it were the first, so asking for several scenarios'
  // analyses queues behind the concurrency gate.
  "Query.planWaves": { work: 1000 },
  "Query.validateScenario": { work: 1000 },
  "Query.scenarioFinancials": { work: 1000 },
  "Query.scenarioRisk": { work: 1000 },
  "Query.scenarioEnergy": { work: 1000 },
  "Scenario.plan": { work: 1000 },
  "Scenario.validation": { work: 1000 },
  "Scenario.financials": { work: 1000 },
  "Scenario.risk": { work: 1000 },
  "Scenario.energy": { work: 1000 },
  // A move's wave comes from its scenario's analysis (shared by the moves of one scenario).
  "Move.placement": { work: 50 },
  // Two or three analyses side by side.
  "Query.compareScenarios": { work: 3000, sizedBy: "ids" },
  "Query.replacementCandidates": { work: 50, assumedSize: 20 },
  // Loads the whole estate, drafts every move and stores them.
  "Mutation.draftConvergence": { work: 5000 },
  // Checks the plan (one analysis) before freezing it.
  "Mutation.proposeScenario": { work: 1000 },
  "Mutation.addMoves": { work: 50, sizedBy: "input" },
} satisfies Record<string, FieldPrice>;

/** Lists no argument bounds: the length assumed for each. */
export const LIST_SIZES = {
  "Query.products": { assumedSize: 200 },
  "Query.vendors": { assumedSize: 150 },
  "Query.capabilities": { assumedSize: 40 },
  "Query.productMatchesToReview": { assumedSize: 50 },
  // A product does one job, a suite a few (the seed catalogue's most is 4).
  "Product.jobs": { assumedSize: 2 },
  "Impact.entries": { assumedSize: 100 },
  "ImpactEntry.path": { assumedSize: 5 },
  "SiteImpact.entries": { assumedSize: 200 },
  "SiteImpactEntry.path": { assumedSize: 5 },
  "DependencyChain.edges": { assumedSize: 5 },
  "DependencyChain.assets": { assumedSize: 6 },
  "GraphView.sites": { assumedSize: 20 },
  "SinglePointOfFailure.takesDown": { assumedSize: 20 },
  "CrossEstateLinks.dependencies": { assumedSize: 50 },
  "CrossEstateLinks.hosting": { assumedSize: 20 },
  "LicenceOverlap.products": { assumedSize: 3 },
  "LicenceOverlap.sides": { assumedSize: 3 },
  "OverlapSide.products": { assumedSize: 3 },
  "Cotermination.lines": { assumedSize: 5 },
  "RenewalsReport.items": { assumedSize: 100 },
  "RenewalsReport.coterminations": { assumedSize: 30 },
  "ConsolidationSaving.sides": { assumedSize: 3 },
  "WavePlan.waves": { assumedSize: 20 },
  "Wave.moves": { assumedSize: 25 },
  "ScenarioValidation.violations": { assumedSize: 25 },
  "ScenarioFinancials.changes": { assumedSize: 50 },
  "ScenarioFinancials.oneOffCosts": { assumedSize: 50 },
  "ScenarioRisk.moves": { assumedSize: 50 },
  "ScenarioRisk.waves": { assumedSize: 20 },
  "ScenarioComparison.differences": { assumedSize: 25 },
  "DraftResult.decisions": { assumedSize: 100 },
  "DraftResult.unplaced": { assumedSize: 10 },
} satisfies Record<string, FieldPrice>;

/** Every priced field, by "Type.field". */
export const FIELD_PRICES: ReadonlyMap<string, FieldPrice> = new Map<string, FieldPrice>([
  ...Object.entries(ANALYTIC_FIELDS),
  ...Object.entries(LIST_SIZES),
]);
