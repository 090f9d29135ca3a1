// Translates Prisma and PostgreSQL errors into domain errors; nothing of the database leaks to clients.
import { ConflictError, DomainError, InputError, NotFoundError } from "./errors.ts";

interface KnownError {
  code?: string;
  message?: string;
  meta?: {
    target?: unknown;
    modelName?: string;
    field_name?: string;
    driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string }; kind?: string } };
  };
}

const CHECKS: Record<string, [string, string]> = {
  Dependency_no_self_loop: ["input.target", "an asset cannot depend on itself; choose a different target."],
  Asset_money_non_negative: ["input", "money amounts must not be negative."],
  Site_money_non_negative: ["input.annualCost", "must not be negative."],
  Licence_quantities_non_negative: ["input", "quantities and costs must not be negative."],
  Contract_money_non_negative: ["input", "contract values must not be negative."],
};

/** The input field each unique index guards (as PostgreSQL names the index). */
const UNIQUE_INDEXES: Record<string, string> = {
  Asset_organisationId_name_key: "name",
  Site_organisationId_name_key: "name",
  Dependency_sourceId_targetId_type_key: "type",
  Contract_organisationId_reference_key: "reference",
  Contract_ocid_key: "ocid",
};

/** Returns a DomainError for a Prisma error we understand, or null to let it stay masked. */
export function translatePrismaError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  const e = error as KnownError;
  const message = e?.message ?? "";
  for (const [name, [field, text]] of Object.entries(CHECKS)) {
    if (message.includes(name)) return new InputError(field, text);
  }
  if (e?.code === "P2002") {
    const index = e.meta?.driverAdapterError?.cause?.constraint?.index ?? "";
    const field = UNIQUE_INDEXES[index];
    return new ConflictError(
      field ? `input.${field}` : "input",
      `another record already has this ${field ?? "value"}; choose another.`,
    );
  }
  if (e?.code === "P2003") return new NotFoundError("input", "a referenced record does not exist.");
  if (e?.code === "P2025") return new NotFoundError("id", "no such record.");
  return null;
}
