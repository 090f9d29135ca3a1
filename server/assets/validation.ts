// The rules an asset's fields must satisfy, shared by create and update.
import { equalsText } from "../shared/like.ts";
import type { Tx } from "../shared/writes.ts";
import { InputError, NotFoundError } from "../shared/errors.ts";
import { FieldChecks } from "../shared/field-errors.ts";
import { idOf } from "../shared/ids.ts";
import {
  optionalCount,
  optionalMoney,
  optionalQuantity,
  optionalText,
  requireName,
  usageWithin,
} from "../shared/validate.ts";

/** Asset fields as the schema passes them (create input, or a patch merged with the current row). */
export interface AssetFields {
  site?: string | null;
  product?: string | null;
  name?: string | null;
  subtype?: string | null;
  description?: string | null;
  annualRunCost?: bigint | null;
  bookValue?: bigint | null;
  rackUnits?: number | null;
  powerKw?: number | null;
  storageTb?: number | null;
  storageUsedTb?: number | null;
  vcpu?: number | null;
  vcpuUsed?: number | null;
  ramGb?: number | null;
  ramUsedGb?: number | null;
  bandwidthMbps?: number | null;
  bandwidthUsedMbps?: number | null;
}

/**
 * Checks the capacity/usage figures, each refusal kept in `checks`; usage above capacity is refused
 * where it is physically impossible.
 */
export function capacityChecks(checks: FieldChecks, values: Record<string, unknown>, prefix: string) {
  const f = (k: string) => `${prefix}.${k}`;
  const out = checks.each({
    rackUnits: () => optionalCount(values.rackUnits, f("rackUnits"), 100_000),
    powerKw: () => optionalQuantity(values.powerKw, f("powerKw")),
    storageTb: () => optionalQuantity(values.storageTb, f("storageTb")),
    storageUsedTb: () => optionalQuantity(values.storageUsedTb, f("storageUsedTb")),
    vcpu: () => optionalCount(values.vcpu, f("vcpu")),
    vcpuUsed: () => optionalCount(values.vcpuUsed, f("vcpuUsed")),
    ramGb: () => optionalCount(values.ramGb, f("ramGb")),
    ramUsedGb: () => optionalCount(values.ramUsedGb, f("ramUsedGb")),
    bandwidthMbps: () => optionalCount(values.bandwidthMbps, f("bandwidthMbps")),
    bandwidthUsedMbps: () => optionalCount(values.bandwidthUsedMbps, f("bandwidthUsedMbps")),
  });
  // Storage, memory and bandwidth cannot be used beyond what exists; vCPU can be overcommitted.
  const within = (
    used: number | null | undefined,
    capacity: number | null | undefined,
    usedField: string,
    capacityField: string,
  ) => {
    if (checks.passed(used, capacity))
      checks.check(() => usageWithin(used!, capacity!, f(usedField), capacityField));
  };
  within(out.storageUsedTb, out.storageTb, "storageUsedTb", "storageTb");
  within(out.ramUsedGb, out.ramGb, "ramUsedGb", "ramGb");
  within(out.bandwidthUsedMbps, out.bandwidthMbps, "bandwidthUsedMbps", "bandwidthMbps");
  return out;
}

/** Resolves and checks the site reference: it must exist and not be retired. */
export async function checkSite(
  tx: Tx,
  globalId: string | null | undefined,
  field: string,
): Promise<string | null> {
  if (!globalId) return null;
  const id = idOf(globalId, "Site", field);
  // FOR SHARE: a concurrent retireSite waits for this transaction (or this one sees the site retired).
  const [site] = await tx.$queryRaw<
    { lifecycle: string; name: string }[]
  >`SELECT lifecycle::text AS lifecycle, name FROM "Site" WHERE id = ${id}::uuid FOR SHARE`;
  if (!site) throw new NotFoundError(field, `no site has ID ${globalId}.`);
  if (site.lifecycle === "RETIRED")
    throw new InputError(field, `site "${site.name}" is retired; choose an active site.`);
  return id;
}

/** Resolves the product reference: it must exist. */
export async function checkProduct(
  tx: Tx,
  globalId: string | null | undefined,
  field: string,
): Promise<string | null> {
  if (!globalId) return null;
  const id = idOf(globalId, "Product", field);
  if (!(await tx.product.findUnique({ where: { id }, select: { id: true } })))
    throw new NotFoundError(field, `no product has ID ${globalId}.`);
  return id;
}

/** Refuses a name another asset of the same organisation already has. */
export async function checkNameFree(
  tx: Tx,
  organisationId: string,
  name: string,
  field: string,
  exceptId?: string,
) {
  const clash = await tx.asset.findFirst({
    where: {
      organisationId,
      name: equalsText(name),
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash)
    throw new InputError(
      field,
      `this organisation already has an asset named "${name}"; choose another name.`,
    );
}

/** Checks the scalar fields common to create and update, each refusal kept in `checks`. */
export function scalarChecks(checks: FieldChecks, values: AssetFields, prefix: string) {
  return {
    ...checks.each({
      name: () => requireName(values.name, `${prefix}.name`),
      subtype: () => optionalText(values.subtype, `${prefix}.subtype`, 200),
      description: () => optionalText(values.description, `${prefix}.description`),
      annualRunCostPence: () => optionalMoney(values.annualRunCost, `${prefix}.annualRunCost`, 0n)!,
      bookValuePence: () => optionalMoney(values.bookValue, `${prefix}.bookValue`, 0n)!,
    }),
    ...capacityChecks(checks, values as Record<string, unknown>, prefix),
  };
}

/** The scalar fields common to create and update, checked; throws at the first refusal (imports). */
export function checkScalars(values: AssetFields, prefix: string) {
  const checks = new FieldChecks({ failFast: true });
  return checks.settle(scalarChecks(checks, values, prefix));
}
