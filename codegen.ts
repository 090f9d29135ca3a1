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
