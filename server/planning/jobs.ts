// Which applications can take over another's work: the planner's one question to the catalogue, answered
// by the catalogue's job taxonomy (server/catalogue/jobs.ts, shared with procurement's overlaps). An
// application can replace another when its product does every job of the other's (a suite replaces a
// point product; a point product never replaces a suite); when either product has no job recorded the
// answer is unknown (null), and the planner allows the replacement, saying so.
import type { Asset } from "../../generated/prisma/client.ts";
import type { Context } from "../shared/context.ts";
import type { Tx } from "../shared/writes.ts";
import { coversJobs, productJobs } from "../catalogue/jobs.ts";

/** The jobs (taxonomy JOB codes) of each product, by product id. */
export async function jobsOf(db: Tx | Context["prisma"], productIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const jobs = await productJobs(db, productIds);
  return new Map([...jobs].map(([id, codes]) => [id, new Set(codes)]));
}

/**
 * True when `target` does every job of `replaced` (it can replace it), false when it certainly cannot,
 * null when either has no job recorded.
 */
export function sameJob(
  jobs: ReadonlyMap<string, ReadonlySet<string>>,
  replaced: Pick<Asset, "productId">,
  target: Pick<Asset, "productId">,
): boolean | null {
  const x = replaced.productId ? jobs.get(replaced.productId) : undefined;
  const y = target.productId ? jobs.get(target.productId) : undefined;
  if (!x?.size || !y?.size) return null;
  return coversJobs([...y], [...x]);
}

/** Applications and services in any organisation that can replace `asset` (doing all its jobs; not retired), by name. */
export async function replacementCandidates(ctx: Context, asset: Asset): Promise<Asset[]> {
  if (!asset.productId) return [];
  const jobs = await jobsOf(ctx.prisma, [asset.productId]);
  const codes = [...(jobs.get(asset.productId) ?? [])];
  if (!codes.length) return [];
  const doingOne = await ctx.prisma.asset.findMany({
    where: {
      id: { not: asset.id },
      kind: { in: ["APPLICATION", "END_USER_SERVICE"] },
      lifecycle: { not: "RETIRED" },
      product: { jobs: { some: { capability: { code: { in: codes } } } } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const theirs = await jobsOf(ctx.prisma, doingOne.map((a) => a.productId!));
  return doingOne.filter((a) => sameJob(new Map([...jobs, ...theirs]), asset, a) === true);
}
