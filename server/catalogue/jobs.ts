// Which jobs a product does, and the two questions every comparison of products asks: do two products
// share a job, and does one cover every job of another. Procurement (overlaps, consolidation targets)
// and planning (replacements) both decide "same job" here and nowhere else.
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Tx } from "../shared/writes.ts";

/** Job codes by product id. */
export type JobsByProduct = ReadonlyMap<string, readonly string[]>;

/**
 * The job codes of each product in `productIds`, sorted. Only nodes at the taxonomy's JOB level count:
 * a product catalogued only against a coarse capability (a service area) has no known job, so it is
 * never compared with anything, which is better than comparing unlike things. Products without a job
 * map to an empty list.
 */
export async function productJobs(
  db: PrismaClient | Tx,
  productIds: readonly string[],
): Promise<Map<string, string[]>> {
  const ids = [...new Set(productIds)];
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await db.productJob.findMany({
    where: { productId: { in: ids }, capability: { level: "JOB" } },
    select: { productId: true, capability: { select: { code: true } } },
  });
  for (const r of rows) out.get(r.productId)!.push(r.capability.code);
  for (const list of out.values()) list.sort();
  return out;
}

/** The jobs both lists contain, sorted. */
export function sharedJobs(a: readonly string[], b: readonly string[]): string[] {
  const inB = new Set(b);
  return [...new Set(a)].filter((j) => inB.has(j)).sort();
}

/** Whether two products (by their jobs) do at least one job in common: the test for an overlap. */
export function shareAJob(a: readonly string[], b: readonly string[]): boolean {
  return sharedJobs(a, b).length > 0;
}

/**
 * Whether a target doing `target` jobs can replace a product doing `replaced` jobs: it must do every
 * one of them (a suite replaces a point product; a point product never replaces a suite). A product
 * with no known job is replaced by nothing.
 */
export function coversJobs(target: readonly string[], replaced: readonly string[]): boolean {
  if (replaced.length === 0) return false;
  const t = new Set(target);
  return replaced.every((j) => t.has(j));
}

/** Whether product `targetId` can replace product `replacedId`; a product always replaces itself. */
export function canReplace(jobs: JobsByProduct, targetId: string, replacedId: string): boolean {
  if (targetId === replacedId) return true;
  return coversJobs(jobs.get(targetId) ?? [], jobs.get(replacedId) ?? []);
}
