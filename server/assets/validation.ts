// The rules an asset's fields must satisfy, shared by create and update.
import { equalsText } from "../shared/like.ts";
import type { Tx } from "../shared/writes.ts";
import { InputError, NotFoundError } from "../shared/errors.ts";
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

/** Checks the capacity/usage figures; usage above capacity is refused where it is physically impossible. */
export function checkCapacities(values: Record<string, unknown>, prefix: string) {
  const f = (k: string) => `${prefix}.${k}`;
  const out = {
    rackUnits: optionalCount(values.rackUnits, f("rackUnits"), 100_000),
    powerKw: optionalQuantity(values.powerKw, f("powerKw")),
    storageTb: optionalQuantity(values.storageTb, f("storageTb")),
    storageUsedTb: optionalQuantity(values.storageUsedTb, f("storageUsedTb")),
    vcpu: optionalCount(values.vcpu, f("vcpu")),
    vcpuUsed: optionalCount(values.vcpuUsed, f("vcpuUsed")),
    ramGb: optionalCount(values.ramGb, f("ramGb")),
    ramUsedGb: optionalCount(values.ramUsedGb, f("ramUsedGb")),
    bandwidthMbps: optionalCount(values.bandwidthMbps, f("bandwidthMbps")),
    bandwidthUsedMbps: optionalCount(values.bandwidthUsedMbps, f("bandwidthUsedMbps")),
  };
  // Storage, memory and bandwidth cannot be used beyond what exists; vCPU can be overcommitted.
  usageWithin(out.storageUsedTb, out.storageTb, f("storageUsedTb"), "storageTb");
  usageWithin(out.ramUsedGb, out.ramGb, f("ramUsedGb"), "ramGb");
  usageWithin(out.bandwidthUsedMbps, out.bandwidthMbps, f("bandwidthUsedMbps"), "bandwidthMbps");
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

/** Validates the scalar fields common to create and update. */
export function checkScalars(values: AssetFields, prefix: string) {
  return {
    name: requireName(values.name, `${prefix}.name`),
    subtype: optionalText(values.subtype, `${prefix}.subtype`, 200),
    description: optionalText(values.description, `${prefix}.description`),
    annualRunCostPence: optionalMoney(values.annualRunCost, `${prefix}.annualRunCost`, 0n)!,
    bookValuePence: optionalMoney(values.bookValue, `${prefix}.bookValue`, 0n)!,
    ...checkCapacities(values as Record<string, unknown>, prefix),
  };
}
