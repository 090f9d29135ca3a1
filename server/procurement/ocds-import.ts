// Imports an OCDS record or release package as contracts, all or nothing in one transaction.
// Buyer → organisation by identifier, then name (matchBuyer); unidentifiable buyers are skipped, or
// imported under an explicit organisation (ocds-plan.ts decides). Idempotent by ocid: the same records
// change nothing and write no audit event; a newer release (by `date`) updates what it gives and
// writes an UPDATE event. Built for large packages: a fixed number of reads, multi-row writes, and
// the event loop let go every few hundred records, so other requests are served meanwhile.
import type { Contract, Organisation, PrismaClient } from "../../generated/prisma/client.ts";
import type { Actor } from "../shared/actor.ts";
import { ConflictError } from "../shared/errors.ts";
import { translatePrismaError } from "../shared/prisma-errors.ts";
import { recordAudits, type AuditInput, type Tx } from "../shared/writes.ts";
import { slices, yieldToEventLoop } from "../shared/yielding.ts";
import { parseOcdsPackageYielding, type OcdsParseResult, type OcdsProblem } from "../licences/ocds.ts";
import type { CapabilityMatch } from "../licences/cpv.ts";
import { insertContracts } from "../contracts/bulk.ts";
import { planImport, type ImportPlan } from "./ocds-plan.ts";

/** What happened to one record. */
export type OcdsOutcome = "CREATED" | "UPDATED" | "UNCHANGED" | "SKIPPED";
/** How the buyer became an organisation. */
export type BuyerMatch = "IDENTIFIER" | "NAME" | "EXPLICIT" | "NONE";

/** The report of one record. */
export interface OcdsRecordReport {
  ocid: string;
  outcome: OcdsOutcome;
  organisation: Organisation | null;
  buyerMatch: BuyerMatch;
  buyer: string | null;
  contract: Contract | null;
  capability: { code: string | null; method: CapabilityMatch["method"]; evidence: string | null } | null;
  missing: string[];
  problems: string[];
  changedFields: string[];
}

/** The report of one import. */
export interface OcdsImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  byOrganisation: { organisationCode: string; created: number; updated: number; unchanged: number }[];
  records: OcdsRecordReport[];
  problems: OcdsProblem[];
}

/** Options of an import. */
export interface ImportOptions {
  /** Code of the organisation unidentifiable buyers are imported under; other organisations' records are then skipped. */
  organisation?: string | null;
  dryRun?: boolean | null;
}

/**
 * Runs an import: a dry run reads and plans and writes nothing; a real import plans and writes in one
 * transaction, all or nothing. The package is parsed first, outside any transaction, and every stage
 * lets other requests in every few hundred records. Database errors become domain errors.
 */
export async function runOcdsImport(
  prisma: PrismaClient,
  actor: Actor,
  json: unknown,
  options: ImportOptions = {},
): Promise<OcdsImportReport> {
  const parsed = await parseOcdsPackageYielding(json);
  try {
    if (options.dryRun === true) return reportOf(await planImport(prisma, actor, parsed, options), parsed, true);
    return await prisma.$transaction(
      async (tx) => {
        const plan = await planImport(tx, actor, parsed, options);
        await writePlan(tx, actor, plan);
        return reportOf(plan, parsed, false);
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    throw translatePrismaError(error) ?? error;
  }
}

/** The import inside the caller's transaction (seeds use it within theirs); a dry run writes nothing. */
export async function importOcdsInTransaction(
  tx: Tx,
  actor: Actor,
  json: unknown,
  options: ImportOptions = {},
): Promise<OcdsImportReport> {
  const parsed = await parseOcdsPackageYielding(json);
  const plan = await planImport(tx, actor, parsed, options);
  if (options.dryRun !== true) await writePlan(tx, actor, plan);
  return reportOf(plan, parsed, options.dryRun === true);
}

/** Rows per INSERT statement: short enough that other requests are not held up long between them. */
const BATCH = 200;

/**
 * Writes a plan: new contracts in multi-row INSERTs, updates each conditioned on the version read
 * (CONFLICT if another writer changed the contract meanwhile), then one audit event per change in
 * record order, in multi-row INSERTs too. Lets other requests in between batches.
 */
async function writePlan(tx: Tx, actor: Actor, plan: ImportPlan): Promise<void> {
  for (const batch of slices(plan.creates, BATCH)) {
    const rows = await insertContracts(
      tx,
      batch.map((c) => c.data),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const c of batch) c.report.contract = byId.get(c.data.id)!;
    await yieldToEventLoop();
  }
  for (const [i, u] of plan.updates.entries()) {
    if (i > 0 && i % BATCH === 0) await yieldToEventLoop();
    const { count } = await tx.contract.updateMany({
      where: { id: u.existing.id, version: u.existing.version },
      data: { ...u.diff, ocdsReleaseDate: u.releaseDate, version: { increment: 1 } },
    });
    if (count !== 1)
      throw new ConflictError(
        "json",
        `contract ${u.existing.reference} (ocid ${u.existing.ocid}) was changed by someone else during the import; nothing was imported. Run the import again.`,
      );
  }
  for (const batch of slices(plan.updates, BATCH)) {
    const after = await tx.contract.findMany({ where: { id: { in: batch.map((u) => u.existing.id) } } });
    const byId = new Map(after.map((r) => [r.id, r]));
    for (const u of batch) u.report.contract = byId.get(u.existing.id)!;
  }
  const before = new Map(plan.updates.map((u) => [u.report, u.existing]));
  const events: AuditInput[] = [];
  for (const report of plan.records) {
    if (report.outcome !== "CREATED" && report.outcome !== "UPDATED") continue;
    const contract = report.contract!;
    events.push({
      action: report.outcome === "CREATED" ? "CREATE" : "UPDATE",
      entityType: "Contract",
      entityId: contract.id,
      organisationId: contract.organisationId,
      before: before.get(report) ?? null,
      after: contract,
    });
  }
  for (const batch of slices(events, BATCH)) {
    await recordAudits(tx, actor, batch);
    await yieldToEventLoop();
  }
}

/** The report of a plan (written, or not for a dry run). */
function reportOf(plan: ImportPlan, parsed: OcdsParseResult, dryRun: boolean): OcdsImportReport {
  const records = plan.records;
  if (dryRun) for (const r of records) if (r.outcome === "CREATED") r.contract = null;
  const count = (list: OcdsRecordReport[], o: OcdsOutcome) => list.filter((r) => r.outcome === o).length;
  const byOrganisation = [...plan.targets.values()]
    .map((org) => {
      const mine = records.filter((r) => r.organisation?.id === org.id);
      return {
        organisationCode: org.code,
        created: count(mine, "CREATED"),
        updated: count(mine, "UPDATED"),
        unchanged: count(mine, "UNCHANGED"),
      };
    })
    .sort((a, b) => (a.organisationCode < b.organisationCode ? -1 : 1));
  return {
    dryRun,
    created: count(records, "CREATED"),
    updated: count(records, "UPDATED"),
    unchanged: count(records, "UNCHANGED"),
    skipped: count(records, "SKIPPED"),
    byOrganisation,
    records,
    problems: parsed.problems,
  };
}
