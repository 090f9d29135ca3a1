// Licence positions through the API: one organisation's product (licencePosition), or every position
// with shelfware or shortfall (licencePositions). Licence costs are register data every reader sees.
import type { Licence, Organisation, Product } from "../../generated/prisma/client.ts";
import type { Context } from "../shared/context.ts";
import { NotFoundError } from "../shared/errors.ts";
import { idOf, toGlobalId } from "../shared/ids.ts";
import { organisationByCode } from "../organisations/service.ts";
import { metricPositions } from "./position.ts";
import { loadSnapshot, productCapabilityCode } from "./snapshot.ts";

/** Which imbalance licencePositions lists. */
export type Imbalance = "SHELFWARE" | "SHORTFALL" | "ANY";

function positionOf(organisation: Organisation, product: Product, licences: Licence[]) {
  const metrics = metricPositions(licences).map((m) => ({
    ...m,
    licenceIds: m.licenceIds.map((id) => toGlobalId("Licence", id)),
  }));
  return {
    organisation,
    product,
    licences,
    metrics,
    shelfwareCost: metrics.reduce((s, m) => s + m.shelfwareCost, 0n),
    shortfallCost: metrics.reduce((s, m) => s + m.shortfallCost, 0n),
  };
}

/** Owned against used, per metric, for one organisation's active licences of one product. */
export async function licencePosition(ctx: Context, organisationCode: string, productGlobalId: string) {
  const organisation = await organisationByCode(ctx.prisma, organisationCode, "organisation");
  const productId = idOf(productGlobalId, "Product", "product");
  const product = await ctx.prisma.product.findUnique({ where: { id: productId } });
  if (!product) throw new NotFoundError("product", `no product has ID ${productGlobalId}.`);
  const licences = await ctx.prisma.licence.findMany({
    where: { organisationId: organisation.id, productId, status: "ACTIVE" },
    orderBy: [{ metric: "asc" }, { id: "asc" }],
  });
  return positionOf(organisation, product, licences);
}

/** Every organisation × product position with the imbalance asked for, largest cost of it first. */
export async function licencePositions(
  ctx: Context,
  organisations: readonly string[] | null | undefined,
  capability: string | null | undefined,
  imbalance: Imbalance,
) {
  const snapshot = await loadSnapshot(ctx.prisma, organisations);
  const code = capability?.trim().toUpperCase();
  const groups = new Map<string, Licence[]>();
  for (const l of snapshot.licences) {
    if (code && productCapabilityCode(snapshot, l.productId) !== code) continue;
    const key = `${l.organisationId}|${l.productId}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  const cost = (p: ReturnType<typeof positionOf>) =>
    imbalance === "SHELFWARE"
      ? p.shelfwareCost
      : imbalance === "SHORTFALL"
        ? p.shortfallCost
        : p.shelfwareCost + p.shortfallCost;
  return [...groups.values()]
    .map((ls) =>
      positionOf(
        snapshot.organisationById.get(ls[0]!.organisationId)!,
        snapshot.productById.get(ls[0]!.productId)!,
        ls,
      ),
    )
    .filter((p) =>
      p.metrics.some(
        (m) =>
          (imbalance !== "SHORTFALL" && m.shelfware > 0) || (imbalance !== "SHELFWARE" && m.shortfall > 0),
      ),
    )
    .sort((a, b) =>
      cost(a) === cost(b) ? (a.licences[0]!.id < b.licences[0]!.id ? -1 : 1) : cost(a) > cost(b) ? -1 : 1,
    );
}
