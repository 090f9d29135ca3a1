// The rules a site's fields must satisfy, shared by create and update.
import { equalsText } from "../shared/like.ts";
import type { Tx } from "../shared/writes.ts";
import { InputError } from "../shared/errors.ts";
import {
  optionalCount,
  optionalMoney,
  optionalQuantity,
  optionalText,
  requireName,
  usageWithin,
} from "../shared/validate.ts";

/** Checks a site's scalar fields (create input, or patch merged over the current row). */
export function checkSiteFields(v: Record<string, unknown>, prefix: string) {
  const f = (k: string) => `${prefix}.${k}`;
  const out = {
    name: requireName(v.name, f("name")),
    address: optionalText(v.address, f("address"), 500),
    postcode: optionalText(v.postcode, f("postcode"), 10),
    racks: optionalCount(v.racks, f("racks"), 100_000),
    racksUsed: optionalCount(v.racksUsed, f("racksUsed"), 100_000),
    powerKw: optionalQuantity(v.powerKw, f("powerKw")),
    powerUsedKw: optionalQuantity(v.powerUsedKw, f("powerUsedKw")),
    floorSpaceM2: optionalQuantity(v.floorSpaceM2, f("floorSpaceM2")),
    pue: optionalQuantity(v.pue, f("pue"), 10),
    tier: optionalCount(v.tier, f("tier"), 4),
    annualCostPence: optionalMoney(v.annualCost, f("annualCost"), 0n)!,
    description: optionalText(v.description, f("description")),
  };
  if (out.pue !== null && out.pue < 1)
    throw new InputError(f("pue"), `power usage effectiveness is at least 1.0 (got ${out.pue}).`);
  if (out.tier !== null && out.tier < 1)
    throw new InputError(f("tier"), "data centre tiers run from 1 to 4.");
  usageWithin(out.racksUsed, out.racks, f("racksUsed"), "racks");
  usageWithin(out.powerUsedKw, out.powerKw, f("powerUsedKw"), "powerKw");
  return out;
}

/** Refuses a name another site of the same organisation already has. */
export async function checkSiteNameFree(
  tx: Tx,
  organisationId: string,
  name: string,
  field: string,
  exceptId?: string,
) {
  const clash = await tx.site.findFirst({
    where: {
      organisationId,
      name: equalsText(name),
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash)
    throw new InputError(field, `this organisation already has a site named "${name}"; choose another name.`);
}
