// Licence positions through the API: one organisation's product (licencePosition), or every position
// with shelfware or shortfall (licencePositions). Costs are commercial: shown only to callers who may see
// the organisation's commercial figures, and never used to order what they may not see.
import type { Licence, Organisation, Product } from "../../generated/prisma/client.ts";
import type { Context } from "../shared/context.ts";
import { commercialVisible } from "../shared/authz.ts";
import { NotFoundError } from "../shared/errors.ts";
import { idOf, toGlobalId } from "../shared/ids.ts";
import { organisationByCode } from "../organisations/service.ts";
import { metricPositions } from "./position.ts";
import { loadSnapshot, productJobCodes } from "./snapshot.ts";
import { isWithin } from "../catalogue/taxonomy.ts";
import { refuseEmptyCapability } from "./service.ts";

/** Which imbalance licencePositions lists. */
export type Imbalance = "SHELFWARE" | "SHORTFALL" | "ANY";

/** How licencePositions are sorted (the schema's PositionOrder). */
export type PositionOrder =
  | "COST_DESC"
  | "COST_ASC"
  | "SEATS_DESC"
  | "SEATS_ASC"
  | "PRODUCT_ASC"
  | "PRODUCT_DESC"
  | "ORGANISATION_ASC"
  | "ORGANISATION_DESC";

function positionOf(ctx: Context, organisation: Organisation, product: Product, licences: Licence[]) {
  const shown = commercialVisible(ctx.actor, organisation.id);
  const metrics = metricPositions(licences, shown).map((m) => ({
    ...m,
    licenceIds: m.licenceIds.map((id) => toGlobalId("Licence", id)),
  }));
  const total = (cost: (m: (typeof metrics)[number]) => bigint | null) =>
    shown ? metrics.reduce((s, m) => s + cost(m)!, 0n) : null;
  return {
    organisation,
    product,
    licences,
    metrics,
    shelfwareCost: total((m) => m.shelfwareCost),
    shortfallCost: total((m) => m.shortfallCost),
    valuesVisible: shown,
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
  return positionOf(ctx, organisation, product, licences);
}

/**
 * Every organisation × product position with the imbalance asked for, largest cost of it first; those
 * whose costs the caller may not see come after, most seats out of balance first (then by licence id).
 */
export async function licencePositions(
  ctx: Context,
  organisations: readonly string[] | null | undefined,
  capability: string | null | undefined,
  imbalance: Imbalance,
  orderBy: PositionOrder = "COST_DESC",
) {
  refuseEmptyCapability(capability);
  const snapshot = await loadSnapshot(ctx.prisma, organisations);
  const code = capability?.trim().toUpperCase();
  if (code && !snapshot.capabilityByCode.has(code))
    throw new NotFoundError("capability", `no capability or job ${code} in the taxonomy.`);
  const groups = new Map<string, Licence[]>();
  for (const l of snapshot.licences) {
    if (code && !productJobCodes(snapshot, l.productId).some((j) => isWithin(j, code))) continue;
    const key = `${l.organisationId}|${l.productId}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  const cost = (p: ReturnType<typeof positionOf>) =>
    p.shelfwareCost === null || p.shortfallCost === null
      ? null
      : imbalance === "SHELFWARE"
        ? p.shelfwareCost
        : imbalance === "SHORTFALL"
          ? p.shortfallCost
          : p.shelfwareCost + p.shortfallCost;
  const seats = (p: ReturnType<typeof positionOf>) =>
    p.metrics.reduce(
      (n, m) =>
        n + (imbalance === "SHORTFALL" ? 0 : m.shelfware) + (imbalance === "SHELFWARE" ? 0 : m.shortfall),
      0,
    );
  return [...groups.values()]
    .map((ls) =>
      positionOf(
        ctx,
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
    .sort((a, b) => {
      const byId = a.licences[0]!.id < b.licences[0]!.id ? -1 : 1;
      const text = (x: string, y: string, desc: boolean) => (x === y ? 0 : (x.localeCompare(y, "en") || (x < y ? -1 : 1)) * (desc ? -1 : 1));
      if (orderBy.startsWith("PRODUCT_")) {
        const label = (p: typeof a) => `${p.product.name} ${p.product.edition}`.trim();
        return text(label(a), label(b), orderBy === "PRODUCT_DESC") || byId;
      }
      if (orderBy.startsWith("ORGANISATION_"))
        return text(a.organisation.code, b.organisation.code, orderBy === "ORGANISATION_DESC") || byId;
      if (orderBy.startsWith("SEATS_")) {
        const d = seats(a) - seats(b);
        return (orderBy === "SEATS_ASC" ? d : -d) || byId;
      }
      // By cost: hidden costs after the others either way, most seats out of balance first among them.
      const [ca, cb] = [cost(a), cost(b)];
      if (ca !== cb) {
        if (ca === null || cb === null) return ca === null ? 1 : -1;
        return (ca > cb ? -1 : 1) * (orderBy === "COST_ASC" ? -1 : 1);
      }
      if (ca === null && seats(a) !== seats(b)) return seats(b) - seats(a);
      return byId;
    });
}
