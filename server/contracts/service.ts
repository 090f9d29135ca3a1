// Contracts: listing, and versioned, audited create/update/retire.
import type { Tx } from "../shared/writes.ts";
import { containsText } from "../shared/like.ts";
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client.ts";
import type {
  ContractFilter,
  ContractOrder,
  CreateContractInput,
  UpdateContractPatch,
} from "../../generated/graphql.ts";
import type { Context } from "../shared/context.ts";
import { authorize } from "../shared/authz.ts";
import { InputError } from "../shared/errors.ts";
import { idOf } from "../shared/ids.ts";
import { paginate, type KeysetOrder, type PageArgs } from "../shared/pagination.ts";
import { notNull } from "../shared/validate.ts";
import { expectVersion, inTransaction, recordAudit, writeVersioned } from "../shared/writes.ts";
import { organisationByCode, organisationIdsByCodes } from "../organisations/service.ts";
import { checkContractFields, checkContractUnique } from "./validation.ts";

/** The notice deadline: the last day notice can be given, or null when end or notice is unknown. */
export function noticeDeadline(endDate: Date | null, noticePeriodDays: number | null): Date | null {
  if (!endDate || noticePeriodDays === null) return null;
  const deadline = new Date(endDate.getTime() - noticePeriodDays * 86_400_000);
  return deadline.getUTCFullYear() < 1 ? new Date(Date.UTC(1, 0, 1)) : deadline; // a Date must stay writable as YYYY-MM-DD
}

/** The allowed contract orders: each one column, ties broken by id (supplier and end date may be empty: last). */
const ORDERS: Record<ContractOrder, KeysetOrder> = {
  REFERENCE_ASC: { column: "reference", direction: "asc" },
  REFERENCE_DESC: { column: "reference", direction: "desc" },
  TITLE_ASC: { column: "title", direction: "asc" },
  TITLE_DESC: { column: "title", direction: "desc" },
  SUPPLIER_ASC: { column: "supplierName", direction: "asc", nullable: true },
  SUPPLIER_DESC: { column: "supplierName", direction: "desc", nullable: true },
  END_DATE_ASC: { column: "endDate", direction: "asc", nullable: true },
  END_DATE_DESC: { column: "endDate", direction: "desc", nullable: true },
};

/** One page of contracts in `orderBy`'s order (by reference unless asked). */
export async function listContracts(
  ctx: Context,
  filter: ContractFilter | null | undefined,
  page: PageArgs,
  orderBy?: ContractOrder | null,
) {
  const where: Prisma.ContractWhereInput = {};
  if (filter?.organisation?.length)
    where.organisationId = {
      in: await organisationIdsByCodes(ctx.prisma, filter.organisation, "filter.organisation"),
    };
  if (filter?.status?.length) where.status = { in: filter.status };
  if (filter?.endsAfter || filter?.endsBefore)
    where.endDate = {
      ...(filter.endsAfter ? { gte: filter.endsAfter } : {}),
      ...(filter.endsBefore ? { lte: filter.endsBefore } : {}),
    };
  const search = filter?.search?.trim();
  if (search)
    where.OR = ["title", "supplierName", "reference"].map((c) => ({
      [c]: containsText(search),
    }));
  return paginate(
    page,
    ORDERS[orderBy ?? "REFERENCE_ASC"],
    where,
    (q) => ctx.prisma.contract.findMany(q as Prisma.ContractFindManyArgs),
    (w) => ctx.prisma.contract.count({ where: w as Prisma.ContractWhereInput }),
  );
}

/** Creates a contract for the organisation named in the input. */
export function createContract(ctx: Context, input: CreateContractInput) {
  return inTransaction(ctx, async (tx) => {
    const org = await organisationByCode(tx, input.organisation, "input.organisation");
    authorize(ctx.actor, "create", "Contract", org.id);
    const fields = checkContractFields(input as Record<string, unknown>, "input");
    await checkContractUnique(tx, org.id, fields.reference, fields.ocid, "input");
    const contract = await tx.contract.create({
      data: { id: randomUUID(), organisationId: org.id, ...fields },
    });
    await recordAudit(tx, ctx.actor, {
      action: "CREATE",
      entityType: "Contract",
      entityId: contract.id,
      organisationId: org.id,
      after: contract,
    });
    return contract;
  });
}

/** Changes a contract if `version` is still current. */
export function updateContract(ctx: Context, globalId: string, version: number, patch: UpdateContractPatch) {
  const id = idOf(globalId, "Contract", "id");
  return inTransaction(ctx, async (tx) => {
    const before = await tx.contract.findUnique({ where: { id } });
    expectVersion(before, version, "Contract", id);
    authorize(ctx.actor, "update", "Contract", before.organisationId);
    for (const k of ["reference", "title"] as const) notNull(patch[k], `patch.${k}`);
    const merged: Record<string, unknown> = {
      ...before,
      value: before.valuePence,
      annualValue: before.annualValuePence,
    };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) merged[k] = v;
    const fields = checkContractFields(merged, "patch");
    await checkContractUnique(tx, before.organisationId, fields.reference, fields.ocid, "patch", id);
    return writeVersioned(
      tx,
      ctx.actor,
      { type: "Contract", id, action: "UPDATE", before },
      () =>
        tx.contract.updateMany({
          where: { id, version },
          data: { ...fields, version: { increment: 1 } },
        }),
      () => tx.contract.findUnique({ where: { id } }),
    );
  });
}

/** Refuses to retire `contract` while active licences still point at it. */
async function refuseWhileLicencesOn(tx: Tx, contract: { id: string; reference: string }) {
  const live = await tx.licence.count({ where: { contractId: contract.id, status: "ACTIVE" } });
  if (!live) return;
  throw new InputError(
    "id",
    `${live} active licence(s) still point at contract ${contract.reference}; retire them or move them to another contract first.`,
  );
}

/** Retires a contract; refused while active licences still point at it. */
export function retireContract(ctx: Context, globalId: string, version: number) {
  const id = idOf(globalId, "Contract", "id");
  return inTransaction(ctx, async (tx) => {
    const before = await tx.contract.findUnique({ where: { id } });
    expectVersion(before, version, "Contract", id);
    authorize(ctx.actor, "retire", "Contract", before.organisationId);
    // The row is written (and so locked) before the check, so a concurrent change that would make the
    // check stale waits for this transaction; a failed check rolls the write back.
    return writeVersioned(
      tx,
      ctx.actor,
      { type: "Contract", id, action: "RETIRE", before },
      async () => {
        const written = await tx.contract.updateMany({
          where: { id, version },
          data: { status: "RETIRED", version: { increment: 1 } },
        });
        if (written.count === 1) await refuseWhileLicencesOn(tx, before);
        return written;
      },
      () => tx.contract.findUnique({ where: { id } }),
    );
  });
}
