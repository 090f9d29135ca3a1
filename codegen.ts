// graphql-codegen turns the SDL in schema/ into resolver types; mappers tie GraphQL types to Prisma rows.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema/*.graphql",
  generates: {
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
