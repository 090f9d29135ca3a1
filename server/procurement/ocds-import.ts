// Imports an OCDS record or release package as contracts, all or nothing in one transaction.
// Buyer → organisation by identifier, then name (matchBuyer); unidentifiable buyers are skipped, or
// imported under an explicit organisation. Idempotent by ocid: the same records change nothing and
// write no audit event; a newer release (by `date`) updates what it gives and writes an UPDATE event.
import { randomUUID } from "node:crypto";
import type { Contract, Organisation, PrismaClient } from "../../generated/prisma/client.ts";
import type { Actor } from "../shared/actor.ts";
import { authorize, canAnywhere } from "../shared/authz.ts";
import { ForbiddenError, InputError } from "../shared/errors.ts";
import { translatePrismaError } from "../shared/prisma-errors.ts";
import { recordAudit, type Tx } from "../shared/writes.ts";
import { organisationByCode } from "../organisations/service.ts";
import { checkContractFields } from "../contracts/validation.ts";
import { matchBuyer, parseOcdsPackage, type ContractDraft, type OcdsProblem } from "../licences/ocds.ts";
import type { CapabilityMatch } from "../licences/cpv.ts";
import { contractCapability } from "./capability.ts";
import { changes, draftColumns, UPDATABLE } from "./ocds-fields.ts";

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

class DryRunRollback extends Error {
  constructor(readonly report: OcdsImportReport) {
    super("dry run");
  }
}

/** Runs an import in its own transaction (rolled back for a dry run). Database errors become domain errors. */
export async function runOcdsImport(
  prisma: PrismaClient,
  actor: Actor,
  json: unknown,
  options: ImportOptions = {},
): Promise<OcdsImportReport> {
  try {
    return await prisma.$transaction(
      async (tx) => {
        const report = await importOcdsInTransaction(tx, actor, json, options);
        if (report.dryRun) throw new DryRunRollback(report);
        return report;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw translatePrismaError(error) ?? error;
  }
}

const label = (b: ContractDraft["buyer"]) => b.name ?? b.id ?? null;

/** The import itself, inside the caller's transaction (seeds use it within theirs). */
export async function importOcdsInTransaction(
  tx: Tx,
  actor: Actor,
  json: unknown,
  options: ImportOptions = {},
): Promise<OcdsImportReport> {
  const dryRun = options.dryRun === true;
  const parsed = parseOcdsPackage(json);
  if (parsed.drafts.length === 0 && parsed.problems.some((p) => !p.ocid && !p.field.includes("["))) {
    throw new InputError("json", parsed.problems.map((p) => `${p.field}: ${p.message}`).join(" "));
  }
  const organisations = await tx.organisation.findMany({ orderBy: { code: "asc" } });
  const explicit = options.organisation
    ? await organisationByCode(tx, options.organisation, "organisation")
    : null;
  if (explicit) authorize(actor, "create", "Contract", explicit.id);

  // 1. Decide each record's organisation.
  const planned = parsed.drafts.map((draft) => {
    const report: OcdsRecordReport = {
      ocid: draft.ocid,
      outcome: "SKIPPED",
      organisation: null,
      buyerMatch: "NONE",
      buyer: label(draft.buyer),
      contract: null,
      capability: null,
      missing: [...draft.missing],
      problems: parsed.problems.filter((p) => p.ocid === draft.ocid).map((p) => `${p.field}: ${p.message}`),
      changedFields: [],
    };
    const buyerId = matchBuyer(draft.buyer, organisations);
    const buyerOrg = buyerId ? organisations.find((o) => o.id === buyerId)! : null;
    const how: BuyerMatch = buyerOrg
      ? draft.buyer.id && matchBuyer({ id: draft.buyer.id }, organisations)
        ? "IDENTIFIER"
        : "NAME"
      : "NONE";
    const who = report.buyer ? `buyer "${report.buyer}"` : "the record names no buyer";
    let target: Organisation | null = null;
    if (explicit) {
      if (buyerOrg && buyerOrg.id !== explicit.id) {
        report.buyerMatch = how;
        report.problems.push(
          `${who} is ${buyerOrg.code}, not ${explicit.code}: skipped (import without an organisation, or with ${buyerOrg.code}).`,
        );
      } else {
        target = explicit;
        report.buyerMatch = buyerOrg ? how : "EXPLICIT";
        if (!buyerOrg)
          report.problems.push(
            `${who === "the record names no buyer" ? "no buyer in the record" : `${who} is not recognised`}; imported under ${explicit.code} as requested.`,
          );
      }
    } else if (buyerOrg) {
      target = buyerOrg;
      report.buyerMatch = how;
    } else {
      report.problems.push(
        `${who === "the record names no buyer" ? "the record names no buyer" : `${who} matches no organisation's identifiers or name`}: skipped; import it with an explicit organisation.`,
      );
    }
    report.organisation = target;
    return { draft, report, target };
  });

  // 2. Permission for every organisation written to, before anything is written.
  const targets = new Map(planned.filter((p) => p.target).map((p) => [p.target!.id, p.target!]));
  for (const org of targets.values()) authorize(actor, "create", "Contract", org.id);
  if (targets.size === 0 && !explicit && !canAnywhere(actor, "editProcurement")) {
    throw new ForbiddenError(
      "importing procurement records needs the editProcurement permission (PROCUREMENT or ADMIN).",
    );
  }

  // 3. Write.
  for (const { draft, report, target } of planned) {
    if (!target) continue;
    await importOne(tx, actor, draft, report, target, dryRun);
  }

  const records = planned.map((p) => p.report);
  const n = (o: OcdsOutcome) => records.filter((r) => r.outcome === o).length;
  const byOrganisation = [...targets.values()]
    .map((org) => {
      const mine = records.filter((r) => r.organisation?.id === org.id);
      const k = (o: OcdsOutcome) => mine.filter((r) => r.outcome === o).length;
      return {
        organisationCode: org.code,
        created: k("CREATED"),
        updated: k("UPDATED"),
        unchanged: k("UNCHANGED"),
      };
    })
    .sort((a, b) => (a.organisationCode < b.organisationCode ? -1 : 1));
  return {
    dryRun,
    created: n("CREATED"),
    updated: n("UPDATED"),
    unchanged: n("UNCHANGED"),
    skipped: n("SKIPPED"),
    byOrganisation,
    records,
    problems: parsed.problems,
  };
}

async function importOne(
  tx: Tx,
  actor: Actor,
  draft: ContractDraft,
  report: OcdsRecordReport,
  org: Organisation,
  dryRun: boolean,
) {
  const columns = draftColumns(draft, report.problems);
  const released = draft.releaseDate ? new Date(draft.releaseDate) : null;
  const plausible = released && released.getUTCFullYear() >= 1000 && released.getUTCFullYear() <= 9999;
  if (released && !plausible)
    report.problems.push(`release date ${draft.releaseDate} is not a plausible date; ignored.`);
  const releaseDate = plausible ? released : null;
  const existing = await tx.contract.findUnique({ where: { ocid: draft.ocid } });
  const capabilityOf = (c: Pick<Contract, "cpvCode" | "title" | "description">) => {
    const m = contractCapability(c);
    return { code: m.capabilityCode, method: m.method, evidence: m.evidence };
  };

  if (!existing) {
    const title = columns.title ?? draft.ocid;
    if (!columns.title)
      report.problems.push("the record has no title; its ocid is used as the contract title.");
    let reference = columns.reference;
    // Compared in code rather than with ILIKE, so "_" and "%" in a reference are never wildcards.
    const sameOrg = await tx.contract.findMany({
      where: { organisationId: org.id },
      select: { reference: true },
    });
    if (sameOrg.some((c) => c.reference.toLowerCase() === reference.toLowerCase())) {
      report.problems.push(
        `${org.code} already has a contract with reference "${reference}"; the ocid is used as the reference.`,
      );
      reference = draft.ocid;
    }
    let fields: ReturnType<typeof checkContractFields>;
    try {
      fields = checkContractFields(
        {
          reference,
          title,
          description: columns.description,
          supplierName: columns.supplierName,
          startDate: columns.startDate ?? null,
          endDate: columns.endDate ?? null,
          value: columns.valuePence ?? null,
          cpvCode: columns.cpvCode,
          ocid: draft.ocid,
        },
        "record",
      );
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      report.problems.push(`${e.field}: ${e.message}`);
      report.outcome = "SKIPPED";
      return;
    }
    const data = {
      id: randomUUID(),
      organisationId: org.id,
      ...fields,
      status: columns.status,
      ocdsReleaseDate: releaseDate,
    };
    report.capability = capabilityOf(data);
    report.outcome = "CREATED";
    const contract = await tx.contract.create({ data });
    await recordAudit(tx, actor, {
      action: "CREATE",
      entityType: "Contract",
      entityId: contract.id,
      organisationId: org.id,
      after: contract,
    });
    report.contract = dryRun ? null : contract;
    return;
  }

  if (existing.organisationId !== org.id) {
    report.problems.push(
      `ocid ${draft.ocid} is already imported as contract ${existing.reference} of another organisation; skipped.`,
    );
    report.outcome = "SKIPPED";
    return;
  }
  report.contract = existing;
  report.capability = capabilityOf(existing);
  const diff = changes(columns, existing);
  const changed = UPDATABLE.filter((k) => k in diff);
  if (changed.length === 0) {
    report.outcome = "UNCHANGED";
    return;
  }
  const newer =
    releaseDate !== null && (existing.ocdsReleaseDate === null || releaseDate > existing.ocdsReleaseDate);
  if (!newer) {
    const stored = existing.ocdsReleaseDate?.toISOString() ?? "none";
    report.problems.push(
      `the stored contract differs in ${changed.join(", ")}, but this release (${draft.releaseDate ?? "undated"}) is not newer than the one imported (${stored}); nothing changed.`,
    );
    report.outcome = "UNCHANGED";
    return;
  }
  try {
    checkContractFields(
      {
        ...existing,
        value: existing.valuePence,
        annualValue: existing.annualValuePence,
        ...diff,
        ...("valuePence" in diff ? { value: diff.valuePence } : {}),
      },
      "record",
    );
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    report.problems.push(`${e.field}: ${e.message}; the newer release was not applied.`);
    report.outcome = "UNCHANGED";
    return;
  }
  const after = await tx.contract.update({
    where: { id: existing.id },
    data: { ...diff, ocdsReleaseDate: releaseDate, version: { increment: 1 } },
  });
  await recordAudit(tx, actor, {
    action: "UPDATE",
    entityType: "Contract",
    entityId: existing.id,
    organisationId: org.id,
    before: existing,
    after,
  });
  report.outcome = "UPDATED";
  report.changedFields = changed.map((k) =>
    k === "valuePence" ? "value" : k === "supplierName" ? "supplier" : k,
  );
  report.contract = dryRun ? existing : after;
  report.capability = capabilityOf(after);
}
