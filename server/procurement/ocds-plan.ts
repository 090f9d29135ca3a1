// What an OCDS import will do, decided before anything is written: each record's organisation (buyer →
// organisation by identifier, then name; unidentifiable buyers skipped, or imported under an explicit
// organisation), then whether it creates a contract, updates one (a newer release) or changes nothing.
// The database is read in a fixed number of queries whatever the package's size (organisations, the
// contracts with the package's ocids, the target organisations' references); the rest is in memory,
// letting other requests in every few hundred records. A dry run stops here: nothing is written.
import { randomUUID } from "node:crypto";
import type { Contract, Organisation, PrismaClient } from "../../generated/prisma/client.ts";
import type { Actor } from "../shared/actor.ts";
import { authorize, canAnywhere } from "../shared/authz.ts";
import { ForbiddenError, InputError } from "../shared/errors.ts";
import type { Tx } from "../shared/writes.ts";
import { mapYielding, slices, yieldToEventLoop } from "../shared/yielding.ts";
import { organisationByCode } from "../organisations/service.ts";
import { checkContractFields } from "../contracts/validation.ts";
import { contractsWithOcids, referencesTaken, type NewContract } from "../contracts/bulk.ts";
import { matchBuyer, type ContractDraft, type OcdsParseResult } from "../licences/ocds.ts";
import { contractCapability } from "./capability.ts";
import { changes, draftColumns, UPDATABLE } from "./ocds-fields.ts";
import type { BuyerMatch, ImportOptions, OcdsRecordReport } from "./ocds-import.ts";

/** A contract the import creates, with the report of its record. */
export interface PlannedCreate {
  report: OcdsRecordReport;
  data: NewContract;
}

/** A contract a newer release updates: the row as read, and what changes. */
export interface PlannedUpdate {
  report: OcdsRecordReport;
  existing: Contract;
  diff: ReturnType<typeof changes>;
  releaseDate: Date | null;
}

/** Everything an import will do, and the report as it stands before writing. */
export interface ImportPlan {
  /** One report per record, in package order. */
  records: OcdsRecordReport[];
  /** The organisations written to, by id. */
  targets: Map<string, Organisation>;
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
}

/** Records planned between yields to the event loop (a few milliseconds of work). */
const SLICE = 100;
/** Values per lookup query. */
const LOOKUP = 1_000;

const label = (b: ContractDraft["buyer"]) => b.name ?? b.id ?? null;

const capabilityOf = (c: Pick<Contract, "cpvCode" | "title" | "description">) => {
  const m = contractCapability(c);
  return { code: m.capabilityCode, method: m.method, evidence: m.evidence };
};

/** Decides a record's organisation; reports why when it has none. */
function decideOrganisation(
  draft: ContractDraft,
  report: OcdsRecordReport,
  organisations: readonly Organisation[],
  explicit: Organisation | null,
): Organisation | null {
  const buyerId = matchBuyer(draft.buyer, organisations);
  const buyerOrg = buyerId ? organisations.find((o) => o.id === buyerId)! : null;
  const how: BuyerMatch = buyerOrg
    ? draft.buyer.id && matchBuyer({ id: draft.buyer.id }, organisations)
      ? "IDENTIFIER"
      : "NAME"
    : "NONE";
  const who = report.buyer ? `buyer "${report.buyer}"` : "the record names no buyer";
  if (explicit) {
    if (buyerOrg && buyerOrg.id !== explicit.id) {
      report.buyerMatch = how;
      report.problems.push(
        `${who} is ${buyerOrg.code}, not ${explicit.code}: skipped (import without an organisation, or with ${buyerOrg.code}).`,
      );
      return null;
    }
    report.buyerMatch = buyerOrg ? how : "EXPLICIT";
    if (!buyerOrg)
      report.problems.push(
        `${who === "the record names no buyer" ? "no buyer in the record" : `${who} is not recognised`}; imported under ${explicit.code} as requested.`,
      );
    return explicit;
  }
  if (buyerOrg) {
    report.buyerMatch = how;
    return buyerOrg;
  }
  report.problems.push(
    `${who === "the record names no buyer" ? "the record names no buyer" : `${who} matches no organisation's identifiers or name`}: skipped; import it with an explicit organisation.`,
  );
  return null;
}

/** The contracts that already have one of `ocids`, by ocid. */
async function contractsByOcid(db: PrismaClient | Tx, ocids: string[]): Promise<Map<string, Contract>> {
  const found = new Map<string, Contract>();
  for (const part of slices(ocids, LOOKUP)) {
    for (const c of await contractsWithOcids(db, part)) found.set(c.ocid!, c);
    await yieldToEventLoop();
  }
  return found;
}

/** Of the references records propose, those their organisation already uses ("<org id>|<lower-case>"). */
async function takenReferences(
  db: PrismaClient | Tx,
  proposed: { organisationId: string; reference: string }[],
): Promise<Set<string>> {
  const taken = new Set<string>();
  const organisationIds = [...new Set(proposed.map((p) => p.organisationId))];
  for (const part of slices([...new Set(proposed.map((p) => p.reference.toLowerCase()))], LOOKUP)) {
    for (const key of await referencesTaken(db, organisationIds, part)) taken.add(key);
    await yieldToEventLoop();
  }
  return taken;
}

/** Plans a new contract for a record, or reports why it cannot be created. */
function planCreate(
  draft: ContractDraft,
  report: OcdsRecordReport,
  org: Organisation,
  columns: ReturnType<typeof draftColumns>,
  releaseDate: Date | null,
  taken: Set<string>,
): PlannedCreate | null {
  const title = columns.title ?? draft.ocid;
  if (!columns.title)
    report.problems.push("the record has no title; its ocid is used as the contract title.");
  let reference = columns.reference;
  if (taken.has(`${org.id}|${reference.toLowerCase()}`)) {
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
        annualValue: columns.annualValuePence ?? null,
        cpvCode: columns.cpvCode,
        ocid: draft.ocid,
      },
      "record",
    );
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    report.problems.push(`${e.field}: ${e.message}`);
    report.outcome = "SKIPPED";
    return null;
  }
  taken.add(`${org.id}|${fields.reference.toLowerCase()}`);
  const data = {
    id: randomUUID(),
    organisationId: org.id,
    ...fields,
    status: columns.status,
    ocdsReleaseDate: releaseDate,
  };
  report.capability = capabilityOf(data);
  report.outcome = "CREATED";
  return { report, data };
}

/** Plans the update a newer release makes to an existing contract, or reports why nothing changes. */
function planUpdate(
  draft: ContractDraft,
  report: OcdsRecordReport,
  existing: Contract,
  columns: ReturnType<typeof draftColumns>,
  releaseDate: Date | null,
): PlannedUpdate | null {
  report.contract = existing;
  report.capability = capabilityOf(existing);
  const diff = changes(columns, existing);
  const changed = UPDATABLE.filter((k) => k in diff);
  if (changed.length === 0) {
    report.outcome = "UNCHANGED";
    return null;
  }
  const newer =
    releaseDate !== null && (existing.ocdsReleaseDate === null || releaseDate > existing.ocdsReleaseDate);
  if (!newer) {
    const stored = existing.ocdsReleaseDate?.toISOString() ?? "none";
    report.problems.push(
      `the stored contract differs in ${changed.join(", ")}, but this release (${draft.releaseDate ?? "undated"}) is not newer than the one imported (${stored}); nothing changed.`,
    );
    report.outcome = "UNCHANGED";
    return null;
  }
  try {
    checkContractFields(
      {
        ...existing,
        value: existing.valuePence,
        annualValue: existing.annualValuePence,
        ...diff,
        ...("valuePence" in diff ? { value: diff.valuePence } : {}),
        ...("annualValuePence" in diff ? { annualValue: diff.annualValuePence } : {}),
      },
      "record",
    );
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    report.problems.push(`${e.field}: ${e.message}; the newer release was not applied.`);
    report.outcome = "UNCHANGED";
    return null;
  }
  report.outcome = "UPDATED";
  report.changedFields = changed.map((k) =>
    k === "valuePence"
      ? "value"
      : k === "annualValuePence"
        ? "annualValue"
        : k === "supplierName"
          ? "supplier"
          : k,
  );
  report.capability = capabilityOf({ ...existing, ...diff });
  return { report, existing, diff, releaseDate };
}

/** The release date of a draft when plausible; reports one that is not. */
function releaseDateOf(draft: ContractDraft, report: OcdsRecordReport): Date | null {
  const released = draft.releaseDate ? new Date(draft.releaseDate) : null;
  const plausible = released && released.getUTCFullYear() >= 1000 && released.getUTCFullYear() <= 9999;
  if (released && !plausible)
    report.problems.push(`release date ${draft.releaseDate} is not a plausible date; ignored.`);
  return plausible ? released : null;
}

/**
 * Plans an import of `parsed` on `db` (the import's transaction, or the database itself for a dry run):
 * checks permissions for every organisation written to before anything else, and decides every record.
 */
export async function planImport(
  db: PrismaClient | Tx,
  actor: Actor,
  parsed: OcdsParseResult,
  options: ImportOptions,
): Promise<ImportPlan> {
  if (parsed.drafts.length === 0 && parsed.problems.some((p) => !p.ocid && !p.field.includes("["))) {
    throw new InputError("json", parsed.problems.map((p) => `${p.field}: ${p.message}`).join(" "));
  }
  const organisations = await db.organisation.findMany({ orderBy: { code: "asc" } });
  const explicit = options.organisation
    ? await organisationByCode(db, options.organisation, "organisation")
    : null;
  if (explicit) authorize(actor, "create", "Contract", explicit.id);

  // 1. Each record's organisation.
  const problemsByOcid = new Map<string, string[]>();
  for (const p of parsed.problems)
    if (p.ocid)
      problemsByOcid.set(p.ocid, [...(problemsByOcid.get(p.ocid) ?? []), `${p.field}: ${p.message}`]);
  const planned = await mapYielding(parsed.drafts, SLICE, (draft) => {
    const report: OcdsRecordReport = {
      ocid: draft.ocid,
      outcome: "SKIPPED",
      organisation: null,
      buyerMatch: "NONE",
      buyer: label(draft.buyer),
      contract: null,
      capability: null,
      missing: [...draft.missing],
      problems: [...(problemsByOcid.get(draft.ocid) ?? [])],
      changedFields: [],
    };
    const target = decideOrganisation(draft, report, organisations, explicit);
    report.organisation = target;
    return { draft, report, target };
  });

  // 2. Permission for every organisation written to, before anything is read or written for it.
  const targets = new Map(planned.filter((p) => p.target).map((p) => [p.target!.id, p.target!]));
  for (const org of targets.values()) authorize(actor, "create", "Contract", org.id);
  if (targets.size === 0 && !explicit && !canAnywhere(actor, "editProcurement")) {
    throw new ForbiddenError(
      "importing procurement records needs the editProcurement permission (PROCUREMENT or ADMIN).",
    );
  }

  // 3. What each record does, against the contracts as they are.
  const targeted = planned.filter((p) => p.target);
  const existing = await contractsByOcid(
    db,
    targeted.map((p) => p.draft.ocid),
  );
  const columns = new Map<OcdsRecordReport, ReturnType<typeof draftColumns>>();
  for (const [i, { draft, report }] of targeted.entries()) {
    if (i > 0 && i % SLICE === 0) await yieldToEventLoop();
    columns.set(report, draftColumns(draft, report.problems));
  }
  const taken = await takenReferences(
    db,
    targeted
      .filter((p) => !existing.has(p.draft.ocid))
      .map((p) => ({ organisationId: p.target!.id, reference: columns.get(p.report)!.reference })),
  );
  const plan: ImportPlan = { records: planned.map((p) => p.report), targets, creates: [], updates: [] };
  for (const [i, { draft, report, target }] of targeted.entries()) {
    if (i > 0 && i % SLICE === 0) await yieldToEventLoop();
    const cols = columns.get(report)!;
    const releaseDate = releaseDateOf(draft, report);
    const current = existing.get(draft.ocid);
    if (!current) {
      const create = planCreate(draft, report, target!, cols, releaseDate, taken);
      if (create) plan.creates.push(create);
    } else if (current.organisationId !== target!.id) {
      report.problems.push(
        `ocid ${draft.ocid} is already imported as contract ${current.reference} of another organisation; skipped.`,
      );
      report.outcome = "SKIPPED";
    } else {
      const update = planUpdate(draft, report, current, cols, releaseDate);
      if (update) plan.updates.push(update);
    }
  }
  return plan;
}
