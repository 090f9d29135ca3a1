// The rules a contract's fields must satisfy, shared by create and update.
import { equalsText } from "../shared/like.ts";
import type { Tx } from "../shared/writes.ts";
import { ConflictError, InputError } from "../shared/errors.ts";
import { FieldChecks } from "../shared/field-errors.ts";
import { optionalCount, optionalMoney, optionalText, requireName } from "../shared/validate.ts";

const CPV = /^\d{8}(-\d)?$/;

/**
 * Checks a contract's fields (create input, or patch merged over the current row), each refusal kept in
 * `checks` (the value undefined where refused).
 */
export function contractFieldChecks(checks: FieldChecks, v: Record<string, unknown>, prefix: string) {
  const f = (k: string) => `${prefix}.${k}`;
  const startDate = (v.startDate as Date | null | undefined) ?? null;
  const endDate = (v.endDate as Date | null | undefined) ?? null;
  const out = {
    ...checks.each({
      reference: () => requireName(v.reference, f("reference")),
      title: () => requireName(v.title, f("title")),
      description: () => optionalText(v.description, f("description")),
      supplierName: () => optionalText(v.supplierName, f("supplierName"), 200),
      noticePeriodDays: () => optionalCount(v.noticePeriodDays, f("noticePeriodDays"), 3650),
      valuePence: () => optionalMoney(v.value, f("value"), null),
      annualValuePence: () => optionalMoney(v.annualValue, f("annualValue"), null),
      renewalTerms: () => optionalText(v.renewalTerms, f("renewalTerms"), 1000),
      cpvCode: () => optionalText(v.cpvCode, f("cpvCode"), 12),
      ocid: () => optionalText(v.ocid, f("ocid"), 200),
    }),
    startDate,
    endDate,
  };
  const { cpvCode, ocid, valuePence, annualValuePence } = out;
  if (cpvCode && !CPV.test(cpvCode))
    checks.refuse(
      new InputError(
        f("cpvCode"),
        `"${cpvCode}" is not a CPV code; write eight digits, e.g. 48000000 (optionally with its check digit, 48000000-8).`,
      ),
    );
  if (startDate && endDate && endDate < startDate)
    checks.refuse(new InputError(f("endDate"), "must not be before the start date."));
  if (ocid && !/^ocds-[a-z0-9]{6}-/.test(ocid))
    checks.refuse(
      new InputError(
        f("ocid"),
        `"${ocid.slice(0, 40)}" is not an OCDS ocid; they start with "ocds-" and a six-character prefix, e.g. ocds-b5fd17-….`,
      ),
    );
  // A year's value cannot exceed the value over the whole term, unless the term is under a year.
  const shortTerm = startDate && endDate && endDate.getTime() - startDate.getTime() < 364 * 86_400_000;
  if (valuePence != null && annualValuePence != null && annualValuePence > valuePence && !shortTerm)
    checks.refuse(
      new InputError(
        f("annualValue"),
        "must not be more than the total value over the term (value); only a contract shorter than a year (give its start and end dates) can have an annual value above its total.",
      ),
    );
  return out;
}

/** A contract's fields, checked; throws at the first refusal (for imports, one problem a record). */
export function checkContractFields(v: Record<string, unknown>, prefix: string) {
  const checks = new FieldChecks({ failFast: true });
  return checks.settle(contractFieldChecks(checks, v, prefix));
}

/** Refuses a reference or ocid that another contract already uses. */
export async function checkContractUnique(
  tx: Tx,
  organisationId: string,
  reference: string,
  ocid: string | null,
  prefix: string,
  exceptId?: string,
) {
  const not = exceptId ? { id: { not: exceptId } } : {};
  if (
    await tx.contract.findFirst({
      where: { organisationId, reference: equalsText(reference), ...not },
      select: { id: true },
    })
  ) {
    throw new ConflictError(
      `${prefix}.reference`,
      `this organisation already has a contract with reference "${reference}".`,
    );
  }
  if (ocid && (await tx.contract.findFirst({ where: { ocid, ...not }, select: { id: true } }))) {
    throw new ConflictError(`${prefix}.ocid`, `a contract from procurement record ${ocid} already exists.`);
  }
}
