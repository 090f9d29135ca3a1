// Licences (entitlements): listing, and versioned, audited create/update/retire.
// Rule: a licence's contract must belong to the same organisation and be active.
import { MAX_PENCE } from "../shared/money.ts";
import { searchWords, wordSearch } from "../shared/word-search.ts";
import { doesJobWithin } from "../catalogue/service.ts";
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client.ts";
import type {
  CreateLicenceInput,
  LicenceFilter,
  LicenceOrder,
  UpdateLicencePatch,
} from "../../generated/graphql.ts";
import type { Context } from "../shared/context.ts";
import type { Tx } from "../shared/writes.ts";
import { authorize, commercialVisible } from "../shared/authz.ts";
import { ForbiddenError, InputError, NotFoundError } from "../shared/errors.ts";
import { FieldChecks } from "../shared/field-errors.ts";
import { idOf } from "../shared/ids.ts";
import { paginate, type KeysetOrder, type PageArgs } from "../shared/pagination.ts";
import { notNull, optionalCount, optionalMoney, optionalText } from "../shared/validate.ts";
import { expectVersion, inTransaction, recordAudit, writeVersioned } from "../shared/writes.ts";
import { organisationByCode, organisationIdsByCodes } from "../organisations/service.ts";

/** The order by annual cost, for callers who may see every cost the list can include. */
const BY_COST: KeysetOrder = { column: "annualCostPence", direction: "desc" };
/** The order for everyone else: by seats owned, which reveals no cost (nor does its cursor). */
const BY_SEATS: KeysetOrder = { column: "quantityOwned", direction: "desc" };

/**
 * The order of a licence list: largest annual cost first when the caller may see the costs of every
 * organisation in scope (`organisationIds`, or every organisation when null), else most seats first.
 */
async function licenceOrder(
  ctx: Context,
  organisationIds: string[] | null,
  orderBy: LicenceOrder | null | undefined,
): Promise<KeysetOrder> {
  const ids =
    organisationIds ?? (await ctx.prisma.organisation.findMany({ select: { id: true } })).map((o) => o.id);
  const costsVisible = ids.every((id) => commercialVisible(ctx.actor, id));
  switch (orderBy) {
    case "QUANTITY_OWNED_DESC":
      return BY_SEATS;
    case "QUANTITY_OWNED_ASC":
      return { column: "quantityOwned", direction: "asc" };
    case "ANNUAL_COST_DESC":
    case "ANNUAL_COST_ASC":
      // The order of hidden costs would reveal them.
      if (!costsVisible)
        throw new ForbiddenError(
          "orderBy: ordering by annual cost needs the readCommercialValues permission in every organisation the list can include; filter to those organisations or order by QUANTITY_OWNED.",
        );
      return orderBy === "ANNUAL_COST_DESC" ? BY_COST : { column: "annualCostPence", direction: "asc" };
    default:
      return costsVisible ? BY_COST : BY_SEATS;
  }
}

/** One page of licences, largest annual cost first where the caller may see every cost (see licenceOrder). */
export async function listLicences(
  ctx: Context,
  filter: LicenceFilter | null | undefined,
  page: PageArgs,
  orderBy?: LicenceOrder | null,
) {
  const where: Prisma.LicenceWhereInput = {};
  let organisationIds: string[] | null = null;
  if (filter?.organisation?.length) {
    organisationIds = await organisationIdsByCodes(ctx.prisma, filter.organisation, "filter.organisation");
    where.organisationId = { in: organisationIds };
  }
  if (filter?.product?.length)
    where.productId = { in: filter.product.map((p) => idOf(p, "Product", "filter.product")) };
  if (filter?.metric?.length) where.metric = { in: filter.metric };
  if (filter?.status?.length) where.status = { in: filter.status };
  const product: Prisma.ProductWhereInput = {};
  if (filter?.capability?.length) product.jobs = doesJobWithin(filter.capability);
  const words = searchWords(filter?.search);
  if (words.length)
    product.AND = wordSearch<Prisma.ProductWhereInput>(words, [
      (f) => ({ vendor: { name: f } }),
      (f) => ({ name: f }),
      (f) => ({ edition: f }),
    ]);
  if (Object.keys(product).length) where.product = product;
  if (filter?.shelfwareOnly) where.quantityOwned = { gt: ctx.prisma.licence.fields.quantityUsed };
  return paginate(
    page,
    await licenceOrder(ctx, organisationIds, orderBy),
    where,
    (q) => ctx.prisma.licence.findMany(q as Prisma.LicenceFindManyArgs),
    (w) => ctx.prisma.licence.count({ where: w as Prisma.LicenceWhereInput }),
  );
}

async function checkContract(
  tx: Tx,
  globalId: string | null | undefined,
  organisationId: string,
  field: string,
) {
  if (!globalId) return null;
  const id = idOf(globalId, "Contract", field);
  const [contract] = await tx.$queryRaw<
    { organisationId: string; status: string; reference: string }[]
  >`SELECT "organisationId"::text AS "organisationId", status::text AS status, reference FROM "Contract" WHERE id = ${id}::uuid FOR SHARE`;
  if (!contract) throw new NotFoundError(field, `no contract has ID ${globalId}.`);
  if (contract.organisationId !== organisationId)
    throw new InputError(
      field,
      `contract ${contract.reference} belongs to another organisation; a licence's contract must be its own organisation's.`,
    );
  if (contract.status === "RETIRED")
    throw new InputError(field, `contract ${contract.reference} is retired; choose an active contract.`);
  return id;
}

/** A whole number ≥ 0 that must be given. */
function requiredCount(value: unknown, field: string): number {
  const n = optionalCount(value, field);
  if (n === null) throw new InputError(field, "is required.");
  return n;
}

/** Checks a licence's seats and money, each refusal kept in `checks` (the value undefined where refused). */
function quantityChecks(
  checks: FieldChecks,
  v: { quantityOwned?: unknown; quantityUsed?: unknown; unitCost?: unknown; annualCost?: unknown },
  prefix: string,
) {
  const out = checks.each({
    quantityOwned: () => requiredCount(v.quantityOwned, `${prefix}.quantityOwned`),
    quantityUsed: () => requiredCount(v.quantityUsed, `${prefix}.quantityUsed`),
    unitCostPence: () => optionalMoney(v.unitCost, `${prefix}.unitCost`, 0n)!,
    annualCostGiven: () => optionalMoney(v.annualCost, `${prefix}.annualCost`, null),
  });
  const { quantityOwned, quantityUsed, unitCostPence, annualCostGiven } = out;
  let annualCostPence: bigint | undefined = annualCostGiven ?? undefined;
  if (annualCostGiven === null && quantityOwned !== undefined && unitCostPence !== undefined) {
    annualCostPence = unitCostPence * BigInt(quantityOwned);
    if (annualCostPence > MAX_PENCE)
      checks.refuse(
        new InputError(
          `${prefix}.annualCost`,
          "unit cost × quantity owned is too large to store; give the annual cost.",
        ),
      );
  }
  return { quantityOwned, quantityUsed, unitCostPence, annualCostPence };
}

/** Creates a licence for the organisation named in the input. */
export function createLicence(ctx: Context, input: CreateLicenceInput) {
  return inTransaction(ctx, async (tx) => {
    const org = await organisationByCode(tx, input.organisation, "input.organisation");
    authorize(ctx.actor, "create", "Licence", org.id);
    // Every wrong field is reported at once (shared/field-errors.ts).
    const checks = new FieldChecks();
    const productId = await checks.checkAsync(async () => {
      const productId = idOf(input.product, "Product", "input.product");
      if (!(await tx.product.findUnique({ where: { id: productId }, select: { id: true } })))
        throw new NotFoundError("input.product", `no product has ID ${input.product}.`);
      return productId;
    });
    const checked = checks.settle({
      productId,
      contractId: await checks.checkAsync(() => checkContract(tx, input.contract, org.id, "input.contract")),
      notes: checks.check(() => optionalText(input.notes, "input.notes")),
      ...quantityChecks(checks, input, "input"),
    });
    const licence = await tx.licence.create({
      data: {
        id: randomUUID(),
        organisationId: org.id,
        metric: input.metric,
        ...checked,
      },
    });
    await recordAudit(tx, ctx.actor, {
      action: "CREATE",
      entityType: "Licence",
      entityId: licence.id,
      organisationId: org.id,
      after: licence,
    });
    return licence;
  });
}

/** Changes a licence if `version` is still current. Annual cost is kept unless given. */
export function updateLicence(ctx: Context, globalId: string, version: number, patch: UpdateLicencePatch) {
  const id = idOf(globalId, "Licence", "id");
  return inTransaction(ctx, async (tx) => {
    const before = await tx.licence.findUnique({ where: { id } });
    expectVersion(before, version, "Licence", id);
    authorize(ctx.actor, "update", "Licence", before.organisationId);
    // Every wrong field is reported at once (shared/field-errors.ts).
    const checks = new FieldChecks();
    for (const k of ["metric", "quantityOwned", "quantityUsed", "unitCost", "annualCost"] as const)
      checks.check(() => notNull(patch[k], `patch.${k}`));
    const quantities = quantityChecks(
      checks,
      {
        quantityOwned: patch.quantityOwned ?? before.quantityOwned,
        quantityUsed: patch.quantityUsed ?? before.quantityUsed,
        unitCost: patch.unitCost ?? before.unitCostPence,
        annualCost: patch.annualCost ?? before.annualCostPence,
      },
      "patch",
    );
    const notes =
      patch.notes === undefined ? before.notes : checks.check(() => optionalText(patch.notes, "patch.notes"));
    const contractId =
      patch.contract === undefined
        ? undefined
        : await checks.checkAsync(() =>
            checkContract(tx, patch.contract, before.organisationId, "patch.contract"),
          );
    const checked = checks.settle({ ...quantities, notes });
    const data: Prisma.LicenceUncheckedUpdateManyInput = {
      ...checked,
      metric: patch.metric ?? before.metric,
      version: { increment: 1 },
    };
    if (patch.contract !== undefined) data.contractId = contractId;
    return writeVersioned(
      tx,
      ctx.actor,
      { type: "Licence", id, action: "UPDATE", before },
      () => tx.licence.updateMany({ where: { id, version }, data }),
      () => tx.licence.findUnique({ where: { id } }),
    );
  });
}

/** Marks a licence RETIRED (no longer held). */
export function retireLicence(ctx: Context, globalId: string, version: number) {
  const id = idOf(globalId, "Licence", "id");
  return inTransaction(ctx, async (tx) => {
    const before = await tx.licence.findUnique({ where: { id } });
    expectVersion(before, version, "Licence", id);
    authorize(ctx.actor, "retire", "Licence", before.organisationId);
    return writeVersioned(
      tx,
      ctx.actor,
      { type: "Licence", id, action: "RETIRE", before },
      () =>
        tx.licence.updateMany({
          where: { id, version },
          data: { status: "RETIRED", version: { increment: 1 } },
        }),
      () => tx.licence.findUnique({ where: { id } }),
    );
  });
}
