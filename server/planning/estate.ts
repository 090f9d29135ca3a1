// Loads the part of the estate a plan touches, for the pure engine: the assets its moves name, everything
// at the sites they name (and what runs on those), every neighbour of those in the dependency graph and
// their hosts, the organisation's other assets of the same products, the licences and contracts
// involved; plus, from the whole graph, which assets critical services need, and each organisation's
// baseline costs. The structure comes from the in-memory dependency graph (one version check per
// request); the rows from a handful of set-based queries — never one query per move or asset.
import type { Context } from "../shared/context.ts";
import { currentGraph } from "../graph/service.ts";
import { typeMask, walk, type CompactGraph } from "../graph/compact.ts";
import {
  HOSTING_TYPES,
  NEED_TYPES,
  type Baseline,
  type PlanAsset,
  type PlanContract,
  type PlanDependency,
  type PlanEstate,
  type PlanLicence,
  type PlanSite,
} from "./model.ts";
import type { AssetKind, Criticality, DependencyType } from "../graph/model.ts";
import { DEPENDENCY_TYPES } from "../graph/compact.ts";

/** What the plan names directly. */
export interface EstateSeeds {
  assetIds: Iterable<string>;
  /** Sites whose every asset the plan needs (sites that close or are kept). */
  tenantSiteIds: Iterable<string>;
  /** Sites the plan needs only as rows (targets). */
  siteIds: Iterable<string>;
  licenceIds: Iterable<string>;
}

const NEED_MASK = typeMask([...NEED_TYPES]);
const HOSTING_MASK = typeMask([...HOSTING_TYPES]);

interface AssetSqlRow {
  id: string;
  name: string;
  organisationId: string;
  siteId: string | null;
  kind: AssetKind;
  subtype: string | null;
  criticality: Criticality;
  lifecycle: string;
  productId: string | null;
  annualRunCostPence: bigint;
  rackUnits: number | null;
  powerKw: number | null;
  storageTb: number | null;
  storageUsedTb: number | null;
  vcpu: number | null;
  vcpuUsed: number | null;
  ramGb: number | null;
  ramUsedGb: number | null;
}

/** Loads the planning estate around `seeds`. */
export async function loadPlanEstate(ctx: Context, seeds: EstateSeeds): Promise<PlanEstate> {
  const snapshot = await currentGraph(ctx);
  const g = snapshot.compact;
  const seedSites = new Set(seeds.tenantSiteIds);
  const nodes = new Set<number>();
  for (const id of seeds.assetIds) {
    const n = g.nodeIndex.get(id);
    if (n !== undefined) nodes.add(n);
  }
  // Everything at the named sites, and everything running on those assets (tenants follow their hosts).
  if (seedSites.size) g.nodes.forEach((node, n) => seedSites.has(node.siteId ?? "") && nodes.add(n));
  addThrough(g, nodes, "in", HOSTING_MASK);
  // Hosts of the movers (their site comes from their host), then every neighbour, then the neighbours' hosts.
  addThrough(g, nodes, "out", HOSTING_MASK);
  const core = [...nodes];
  for (const n of core) {
    for (let k = g.outStart[n]!; k < g.outStart[n + 1]!; k++) nodes.add(g.edgeTarget[g.outEdges[k]!]!);
    for (let k = g.inStart[n]!; k < g.inStart[n + 1]!; k++) nodes.add(g.edgeSource[g.inEdges[k]!]!);
  }
  addThrough(g, nodes, "out", HOSTING_MASK);

  const ids = [...nodes].map((n) => g.nodes[n]!.id);
  const assetRows = await ctx.prisma.$queryRawUnsafe<AssetSqlRow[]>(ASSETS_SQL, ids);
  // The same organisations' other assets of the products involved decide whether a licence stays in use.
  const coreIds = new Set(core.map((n) => g.nodes[n]!.id));
  const pairs = assetRows.filter((a) => coreIds.has(a.id) && a.productId);
  const sameProduct = pairs.length
    ? await ctx.prisma.$queryRawUnsafe<AssetSqlRow[]>(
        `${ASSET_COLUMNS} WHERE ("organisationId", "productId") IN (SELECT * FROM unnest($1::uuid[], $2::uuid[])) AND NOT ("id" = ANY($3::uuid[]))`,
        pairs.map((a) => a.organisationId),
        pairs.map((a) => a.productId),
        ids,
      )
    : [];
  const assets = new Map<string, PlanAsset>();
  for (const r of [...assetRows, ...sameProduct]) assets.set(r.id, toAsset(r));

  const dependencies: PlanDependency[] = [];
  for (let e = 0; e < g.edgeIds.length; e++) {
    const s = g.nodes[g.edgeSource[e]!]!.id;
    const t = g.nodes[g.edgeTarget[e]!]!.id;
    if (nodes.has(g.edgeSource[e]!) && nodes.has(g.edgeTarget[e]!))
      dependencies.push({ id: g.edgeIds[e]!, sourceId: s, targetId: t, type: DEPENDENCY_TYPES[g.edgeType[e]!] as DependencyType });
  }

  const siteIds = new Set<string>([...seedSites, ...seeds.siteIds]);
  for (const a of assets.values()) if (a.siteId) siteIds.add(a.siteId);
  const siteRows = await ctx.prisma.site.findMany({ where: { id: { in: [...siteIds] } } });
  const footprints = await ctx.prisma.$queryRawUnsafe<{ siteId: string; ru: number | null; kw: number | null }[]>(
    `SELECT "siteId", SUM("rackUnits")::float8 AS ru, SUM("powerKw")::float8 AS kw FROM "Asset"
     WHERE "siteId" = ANY($1::uuid[]) AND "lifecycle" <> 'RETIRED' GROUP BY "siteId"`,
    [...siteIds],
  );
  const footprint = new Map(footprints.map((f) => [f.siteId, f]));
  const owners = await ctx.prisma.$queryRawUnsafe<{ siteId: string; organisationId: string; kw: number | null }[]>(
    `SELECT "siteId", "organisationId", SUM("powerKw")::float8 AS kw FROM "Asset"
     WHERE "siteId" = ANY($1::uuid[]) AND "lifecycle" <> 'RETIRED' AND "powerKw" IS NOT NULL
     GROUP BY "siteId", "organisationId" ORDER BY "siteId", "organisationId"`,
    [...siteIds],
  );
  const kwByOwner = new Map<string, Map<string, number>>();
  for (const r of owners) {
    if (!r.kw) continue;
    let m = kwByOwner.get(r.siteId);
    if (!m) kwByOwner.set(r.siteId, (m = new Map()));
    m.set(r.organisationId, Number(r.kw));
  }
  const sites = new Map<string, PlanSite>(
    siteRows.map((s) => [
      s.id,
      {
        id: s.id,
        name: s.name,
        organisationId: s.organisationId,
        kind: s.kind,
        lifecycle: s.lifecycle,
        racks: s.racks,
        racksUsed: s.racksUsed,
        powerKw: s.powerKw,
        powerUsedKw: s.powerUsedKw,
        pue: s.pue,
        annualCostPence: s.annualCostPence,
        leaseEnd: s.leaseEnd ? s.leaseEnd.toISOString().slice(0, 10) : null,
        assetRackUnits: Number(footprint.get(s.id)?.ru ?? 0),
        assetPowerKw: Number(footprint.get(s.id)?.kw ?? 0),
        assetPowerKwByOrganisation: kwByOwner.get(s.id) ?? new Map(),
      },
    ]),
  );

  // Licences of the products of every loaded asset in its organisation, and those named.
  const productPairs = [...assets.values()].filter((a) => a.productId);
  const licenceRows = await ctx.prisma.$queryRawUnsafe<(Omit<PlanLicence, "metric"> & { metric: string })[]>(
    `SELECT "id", "organisationId", "productId", "contractId", "metric"::text AS "metric", "quantityOwned", "quantityUsed",
       "unitCostPence", "annualCostPence" FROM "Licence"
     WHERE "status" = 'ACTIVE' AND ("id" = ANY($1::uuid[])
       OR ("organisationId", "productId") IN (SELECT * FROM unnest($2::uuid[], $3::uuid[])))`,
    [...seeds.licenceIds],
    productPairs.map((a) => a.organisationId),
    productPairs.map((a) => a.productId),
  );
  const licences = new Map<string, PlanLicence>(
    licenceRows.map((l) => [
      l.id,
      { ...l, unitCostPence: BigInt(l.unitCostPence), annualCostPence: BigInt(l.annualCostPence) },
    ]),
  );
  const contractIds = [...new Set(licenceRows.map((l) => l.contractId).filter((c): c is string => !!c))];
  const contractRows = contractIds.length
    ? await ctx.prisma.contract.findMany({ where: { id: { in: contractIds } } })
    : [];
  const contracts = new Map<string, PlanContract>(
    contractRows.map((c) => [
      c.id,
      {
        id: c.id,
        organisationId: c.organisationId,
        reference: c.reference,
        endDate: c.endDate ? c.endDate.toISOString().slice(0, 10) : null,
        noticePeriodDays: c.noticePeriodDays,
      },
    ]),
  );

  const organisations = await ctx.prisma.organisation.findMany({ select: { id: true, code: true } });
  return {
    assets,
    sites,
    dependencies,
    licences,
    contracts,
    organisationCodes: new Map(organisations.map((o) => [o.id, o.code])),
    criticalServing: criticalServing(g),
    baselines: await baselines(ctx),
  };
}

/** Adds, transitively, the nodes reached from `nodes` through edges in `mask` in direction `step`. */
function addThrough(g: CompactGraph, nodes: Set<number>, step: "in" | "out", mask: number): void {
  const w = walk(g, [...nodes], step, Infinity, mask);
  for (const n of w.reached) nodes.add(n);
}

/** Every asset a CRITICAL asset needs, transitively, on the whole graph. */
function criticalServing(g: CompactGraph): Set<string> {
  const critical: number[] = [];
  g.nodes.forEach((n, i) => n.criticality === "CRITICAL" && critical.push(i));
  const w = walk(g, critical, "out", Infinity, NEED_MASK);
  const out = new Set<string>(critical.map((n) => g.nodes[n]!.id));
  for (const n of w.reached) out.add(g.nodes[n]!.id);
  return out;
}

/** Each organisation's annual run cost of active assets, sites and licences. */
async function baselines(ctx: Context): Promise<Map<string, Baseline>> {
  const rows = await ctx.prisma.$queryRawUnsafe<{ id: string; assets: bigint; sites: bigint; licences: bigint }[]>(
    `SELECT o."id",
       COALESCE((SELECT SUM(a."annualRunCostPence") FROM "Asset" a WHERE a."organisationId" = o."id" AND a."lifecycle" <> 'RETIRED'), 0)::bigint AS assets,
       COALESCE((SELECT SUM(s."annualCostPence") FROM "Site" s WHERE s."organisationId" = o."id" AND s."lifecycle" <> 'RETIRED'), 0)::bigint AS sites,
       COALESCE((SELECT SUM(l."annualCostPence") FROM "Licence" l WHERE l."organisationId" = o."id" AND l."status" = 'ACTIVE'), 0)::bigint AS licences
     FROM "Organisation" o`,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      { assetRunCostPence: BigInt(r.assets), siteCostPence: BigInt(r.sites), licenceCostPence: BigInt(r.licences) },
    ]),
  );
}

const ASSET_COLUMNS = `SELECT "id", "name", "organisationId", "siteId", "kind"::text AS "kind", "subtype", "criticality"::text AS "criticality",
  "lifecycle"::text AS "lifecycle", "productId", "annualRunCostPence", "rackUnits", "powerKw", "storageTb", "storageUsedTb",
  "vcpu", "vcpuUsed", "ramGb", "ramUsedGb" FROM "Asset"`;
const ASSETS_SQL = `${ASSET_COLUMNS} WHERE "id" = ANY($1::uuid[])`;

function toAsset(r: AssetSqlRow): PlanAsset {
  return { ...r, annualRunCostPence: BigInt(r.annualRunCostPence) };
}
