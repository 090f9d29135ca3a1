// Which applications do the same job: the planner's one question to the catalogue. Two applications do
// the same job when their catalogue products share a capability; when either has no product or no
// capability recorded the answer is unknown (null), and the planner allows the replacement.
import type { Asset } from "../../generated/prisma/client.ts";
import type { Context } from "../shared/context.ts";
import type { Tx } from "../shared/writes.ts";

/** The capabilities (jobs) of each product, by product id. */
export async function jobsOf(db: Tx | Context["prisma"], productIds: readonly string[]): Promise<Map<string, Set<string>>> {
  if (!productIds.length) return new Map();
  const rows = await db.product.findMany({ where: { id: { in: [...productIds] } }, select: { id: true, capabilityId: true } });
  return new Map(rows.map((p) => [p.id, new Set(p.capabilityId ? [p.capabilityId] : [])]));
}

/** True when `a` and `b` do the same job, false when they certainly do not, null when unknown. */
export function sameJob(
  jobs: ReadonlyMap<string, ReadonlySet<string>>,
  a: Pick<Asset, "productId">,
  b: Pick<Asset, "productId">,
): boolean | null {
  const x = a.productId ? jobs.get(a.productId) : undefined;
  const y = b.productId ? jobs.get(b.productId) : undefined;
  if (!x?.size || !y?.size) return null;
  for (const c of x) if (y.has(c)) return true;
  return false;
}

/** Applications and services in any organisation that do the same job as `asset` (not retired), by name. */
export async function replacementCandidates(ctx: Context, asset: Asset): Promise<Asset[]> {
  if (!asset.productId) return [];
  const caps = [...((await jobsOf(ctx.prisma, [asset.productId])).get(asset.productId) ?? [])];
  if (!caps.length) return [];
  return ctx.prisma.asset.findMany({
    where: {
      id: { not: asset.id },
      kind: { in: ["APPLICATION", "END_USER_SERVICE"] },
      lifecycle: { not: "RETIRED" },
      product: { capabilityId: { in: caps } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
