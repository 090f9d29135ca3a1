// The alternative the graph store was measured against: impact computed by PostgreSQL alone, with a
// recursive CTE and the SQL:2023 CYCLE clause (PostgreSQL 14+), which needs no cache at all.
//
// A recursive CTE cannot keep a global "visited" set (the recursive term sees only the previous level), so
// the only exact formulation enumerates every simple chain from the start (CYCLE stops a chain at its first
// repeated asset), then keeps, per asset, the shortest chain with the smallest dependency ids — the same
// answer as impact(). The number of simple chains grows with every diamond in the estate, which is what
// the benchmark shows.
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { ImpactEntry } from "../server/graph/impact.ts";

const DOWNSTREAM_SQL = `
WITH RECURSIVE walk(asset_id, depth, path) AS (
  SELECT $1::uuid, 0, ARRAY[]::uuid[]
  UNION ALL
  SELECT d."sourceId", w.depth + 1, w.path || d.id
  FROM walk w JOIN "Dependency" d ON d."targetId" = w.asset_id
    AND d."type" NOT IN ('REPLICATES_TO', 'BACKS_UP_TO')
) CYCLE asset_id SET is_cycle USING visited
SELECT DISTINCT ON (asset_id) asset_id::text AS "assetId", depth, path::text[] AS path
FROM walk
WHERE NOT is_cycle AND depth > 0
ORDER BY asset_id, depth, path`;

/**
 * DOWNSTREAM impact of `assetId` by recursive CTE (what STOPS: needs only, no recovery edges), in
 * impact()'s order (distance, then chain). Runs in its
 * own transaction with `statement_timeout`, so a runaway enumeration is cut off (it then throws).
 */
export async function impactByCte(
  prisma: PrismaClient,
  assetId: string,
  timeoutMs: number,
): Promise<ImpactEntry[]> {
  const [, rows] = await prisma.$transaction([
    prisma.$executeRawUnsafe(`SET LOCAL statement_timeout = ${Math.round(timeoutMs)}`),
    prisma.$queryRawUnsafe<{ assetId: string; depth: number; path: string[] }[]>(DOWNSTREAM_SQL, assetId),
  ]);
  return rows
    .map((r) => ({
      assetId: r.assetId,
      distance: Number(r.depth),
      direction: "DOWNSTREAM" as const,
      effect: "STOPS" as const,
      path: r.path,
    }))
    .sort((a, b) => a.distance - b.distance || compareChains(a.path, b.path));
}

function compareChains(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}
