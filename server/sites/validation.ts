// The rules a site's fields must satisfy, shared by create and update.
import { equalsText } from "../shared/like.ts";
import type { Tx } from "../shared/writes.ts";
import { InputError } from "../shared/errors.ts";
import { FieldChecks } from "../shared/field-errors.ts";
import {
  optionalCount,
  optionalMoney,
  optionalQuantity,
  optionalText,
  requireName,
  usageWithin,
} from "../shared/validate.ts";

/**
 * Checks a site's scalar fields (create input, or patch merged over the current row), each refusal kept
 * in `checks` (the value undefined where refused).
 */
export function siteFieldChecks(checks: FieldChecks, v: Record<string, unknown>, prefix: string) {
  const f = (k: string) => `${prefix}.${k}`;
  const out = checks.each({
    name: () => requireName(v.name, f("name")),
    address: () => optionalText(v.address, f("address"), 500),
    postcode: () => optionalText(v.postcode, f("postcode"), 10),
    racks: () => optionalCount(v.racks, f("racks"), 100_000),
    racksUsed: () => optionalCount(v.racksUsed, f("racksUsed"), 100_000),
    powerKw: () => optionalQuantity(v.powerKw, f("powerKw")),
    powerUsedKw: () => optionalQuantity(v.powerUsedKw, f("powerUsedKw")),
    floorSpaceM2: () => optionalQuantity(v.floorSpaceM2, f("floorSpaceM2")),
    pue: () => optionalQuantity(v.pue, f("pue"), 10),
    tier: () => optionalCount(v.tier, f("tier"), 4),
    annualCostPence: () => optionalMoney(v.annualCost, f("annualCost"), 0n)!,
    description: () => optionalText(v.description, f("description")),
  });
  const { pue, tier } = out;
  if (pue != null && pue < 1)
    checks.refuse(new InputError(f("pue"), `power usage effectiveness is at least 1.0 (got ${pue}).`));
  if (tier != null && tier < 1)
    checks.refuse(new InputError(f("tier"), "data centre tiers run from 1 to 4."));
  if (checks.passed(out.racksUsed, out.racks))
    checks.check(() => usageWithin(out.racksUsed!, out.racks!, f("racksUsed"), "racks"));
  if (checks.passed(out.powerUsedKw, out.powerKw))
    checks.check(() => usageWithin(out.powerUsedKw!, out.powerKw!, f("powerUsedKw"), "powerKw"));
  return out;
}

/** A site's scalar fields, checked; throws at the first refusal (for imports, one problem a row). */
export function checkSiteFields(v: Record<string, unknown>, prefix: string) {
  const checks = new FieldChecks({ failFast: true });
  return checks.settle(siteFieldChecks(checks, v, prefix));
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
