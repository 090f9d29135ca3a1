// graphql-codegen turns the SDL in schema/ into resolver types (mappers tie GraphQL types to Prisma rows)
// and, for the web app, into typed documents: every `graphql(`…`)` in web/src becomes a
// TypedDocumentString whose result and variables types come from the SDL, so a schema change that
// breaks a page fails the type-check (client preset, generated/web/).
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema/*.graphql",
  // Keep the SDL's order (enum values in their meaningful order: PLANNED … RETIRED, LOW … CRITICAL).
  config: { sort: false },
  generates: {
    "generated/web/": {
      documents: ["web/src/**/*.ts", "web/src/**/*.tsx"],
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents are plain strings POSTed by web/src/api.ts: no graphql-js in the bundle.
        documentMode: "string",
        // Enums as `const` objects: the web app lists their values (filters, forms) from the SDL.
        enumType: "const",
        useTypeImports: true,
        // What the wire carries: Money as a decimal string of pounds, dates as ISO strings.
        scalars: {
          Money: { input: "string", output: "string" },
          Date: { input: "string", output: "string" },
          DateTime: { input: "string", output: "string" },
          JSON: { input: "unknown", output: "unknown" },
        },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        skipTypename: true,
        emitLegacyCommonJSImports: false,
      },
    },
    "generated/graphql.ts": {
      plugins: ["typescript", "typescript-resolvers"],
      // No `useIndexSignature`: resolver maps are exact, so a misspelt type or field name does not
      // compile (tests/types/resolver-names.ts).
      config: {
        mapperTypeSuffix: "Row",
        contextType: "../server/shared/context.ts#Context",
        mappers: {
          Organisation: "./prisma/client.ts#Organisation",
          Site: "./prisma/client.ts#Site",
          Asset: "./prisma/client.ts#Asset",
          Dependency: "./prisma/client.ts#Dependency",
          Vendor: "./prisma/client.ts#Vendor",
          Capability: "./prisma/client.ts#Capability",
          Product: "./prisma/client.ts#Product",
          Licence: "./prisma/client.ts#Licence",
          Contract: "./prisma/client.ts#Contract",
          AuditEvent: "./prisma/client.ts#AuditEvent",
          User: "./prisma/client.ts#User",
          ApiToken: "./prisma/client.ts#ApiToken",
          Scenario: "./prisma/client.ts#Scenario",
          Move: "./prisma/client.ts#Move",
          SavingsTarget: "./prisma/client.ts#ScenarioTarget",
          ScenarioDecision: "./prisma/client.ts#ScenarioDecision",
          WavePlan: "../server/planning/views.ts#WavePlanView",
          ScenarioValidation: "../server/planning/views.ts#ValidationView",
          PlannedMove: "../server/planning/views.ts#PlannedMoveView",
          Wave: "../server/planning/views.ts#WaveView",
          WaveReason: "../server/planning/views.ts#WaveReasonView",
          ResourceLoad: "../server/planning/views.ts#ResourceLoadView",
          Violation: "../server/planning/views.ts#ViolationView",
          ScenarioFinancials: "../server/planning/views.ts#FinancialsView",
          OrganisationFinancials: "../server/planning/views.ts#OrganisationFinancialsView",
          FinancialYear: "../server/planning/views.ts#FinancialYearView",
          FinancialTotals: "../server/planning/views.ts#FinancialTotalsView",
          BaselineBreakdown: "../server/planning/views.ts#BaselineView",
          RecurringChange: "../server/planning/views.ts#RecurringChangeView",
          OneOffCostLine: "../server/planning/views.ts#OneOffCostView",
          ScenarioEnergy: "../server/planning/views.ts#EnergyView",
          OrganisationEnergy: "../server/planning/views.ts#OrganisationEnergyView",
          EnergyPoint: "../server/planning/views.ts#EnergyPointView",
          ScenarioRisk: "../server/planning/views.ts#RiskView",
          MoveRisk: "../server/planning/views.ts#MoveRiskView",
          WaveRisk: "../server/planning/views.ts#WaveRiskView",
          RiskReason: "../server/planning/views.ts#RiskReasonView",
          ApprovalState: "../server/planning/views.ts#ApprovalStateView",
          ScenarioComparison: "../server/planning/views.ts#ComparisonView",
          ScenarioSummary: "../server/planning/views.ts#ScenarioSummaryView",
          MoveDifference: "../server/planning/views.ts#MoveDifferenceViewType",
          DraftResult: "../server/planning/views.ts#DraftResultView",
          DraftDecision: "../server/planning/views.ts#DraftDecisionViewType",
          DraftProblem: "../server/planning/views.ts#DraftProblemViewType",
          HiddenPrices: "../server/planning/views.ts#HiddenPricesView",
          ScenarioSnapshot: "../server/planning/views.ts#SnapshotView",
          SnapshotFigures: "../server/planning/views.ts#SnapshotFiguresView",
        },
        scalars: {
          Money: { input: "bigint", output: "bigint" },
          Date: { input: "Date", output: "Date" },
          DateTime: { input: "Date", output: "Date" },
          JSON: { input: "unknown", output: "unknown" },
        },
        enumsAsTypes: true,
        useTypeImports: true,
        allowParentTypeOverride: false,
      },
    },
  },
};
export default config;
