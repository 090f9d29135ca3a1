// Licence position: seats owned against used per metric, pooled across an organisation's licences of
// one product, with shelfware (owned − used) and shortfall (used − owned) priced at unit cost. Pure.
//
// Unit cost of a metric: the licences' unit costs averaged by seats owned, Σ(u × owned) / Σ owned (a
// plain average when nothing is owned). Shelfware cost = shelfware × Σ(u × owned) / Σ owned, computed
// exactly and rounded half-up to the penny once; the same for shortfall. With one licence (or one
// price) this is simply seats × unit cost. Every cost is commercial: for a caller who may not see the
// organisation's figures they are null and the method says "hidden".
import type { Licence, LicenceMetric } from "../../generated/prisma/client.ts";
import { count, divHalfUp, gbp } from "./arith.ts";

/** One metric's position. */
export interface MetricPositionModel {
  metric: LicenceMetric;
  owned: number;
  used: number;
  shelfware: number;
  shortfall: number;
  unitCost: bigint | null;
  shelfwareCost: bigint | null;
  shortfallCost: bigint | null;
  licenceIds: string[];
  method: string;
}

/**
 * Positions per metric of `licences` (one organisation, one product), in metric order; `shown` says
 * whether the caller may see the organisation's commercial figures (costs are null when not).
 */
export function metricPositions(licences: readonly Licence[], shown: boolean): MetricPositionModel[] {
  const byMetric = new Map<LicenceMetric, Licence[]>();
  for (const l of licences) byMetric.set(l.metric, [...(byMetric.get(l.metric) ?? []), l]);
  return [...byMetric.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([metric, ls]) => {
      const owned = ls.reduce((s, l) => s + l.quantityOwned, 0);
      const used = ls.reduce((s, l) => s + l.quantityUsed, 0);
      const weighted = owned > 0;
      const numerator = ls.reduce((s, l) => s + l.unitCostPence * BigInt(weighted ? l.quantityOwned : 1), 0n);
      const denominator = BigInt(weighted ? owned : ls.length);
      const shelfware = Math.max(0, owned - used);
      const shortfall = Math.max(0, used - owned);
      const shelfwareCost = divHalfUp(numerator * BigInt(shelfware), denominator);
      const shortfallCost = divHalfUp(numerator * BigInt(shortfall), denominator);
      const unitCost = divHalfUp(numerator, denominator);
      const price = !shown
        ? "unit cost (hidden)"
        : ls.length === 1 || ls.every((l) => l.unitCostPence === ls[0]!.unitCostPence)
          ? gbp(ls[0]!.unitCostPence)
          : `${gbp(unitCost)} (average of ${ls.length} licences' unit costs by seats ${weighted ? "owned" : "— none owned, plain average"})`;
      const money = (v: bigint) => (shown ? gbp(v) : "hidden");
      const gap = shelfware
        ? `shelfware ${count(shelfware)} × ${price} = ${money(shelfwareCost)}`
        : shortfall
          ? `shortfall ${count(shortfall)} × ${price} = ${money(shortfallCost)}`
          : "owned = used";
      return {
        metric,
        owned,
        used,
        shelfware,
        shortfall,
        unitCost: shown ? unitCost : null,
        shelfwareCost: shown ? shelfwareCost : null,
        shortfallCost: shown ? shortfallCost : null,
        licenceIds: ls.map((l) => l.id),
        method: `${metric.toLowerCase()}: owned ${count(owned)}, used ${count(used)}; ${gap} (rounded half-up to the penny once).`,
      };
    });
}
