// The dependency graph in memory, loaded from the database and re-validated against it on every request,
// so that any number of stateless server instances can share one database and never answer from a stale
// graph.
//
// Loading: two queries — the assets (only id, organisationId, siteId, kind, criticality, lifecycle) and the
// dependencies (id, sourceId, targetId, type) — into a compact index (compact.ts) used by impact and the
// explorer; the graphology graph the other algorithms take is built from the index on first use.
//
// Validation, per request (once per GraphQL request, however many graph fields it asks for): one read of
// the single-row "GraphVersion" counter, which triggers on "Asset" and "Dependency" bump in the same
// transaction as any change the graph can see (insert, delete, truncate, or an update of an asset's
// organisation, site, kind, criticality or lifecycle), however it was written — API, import or raw SQL.
// Unchanged counter: the cached graph is current. Changed: reload; concurrent requests share one load.
// Writes to other tables (licences, audit, sessions) and to other asset columns leave the counter alone.
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { buildDependencyGraph, type DependencyGraph, type GraphNode } from "./model.ts";
import { compactNumbered, DEPENDENCY_TYPES, type CompactGraph, type NumberedEdge } from "./compact.ts";

/** One loaded version of the graph. */
export interface GraphSnapshot {
  /** The fast index for impact, site impact and neighbourhoods. */
  compact: CompactGraph;
  /** The graphology graph for paths, single points of failure and cross-estate links (built on first use). */
  graph(): DependencyGraph;
}

/** What the store did to answer, for benchmarks and tests. */
export interface StoreStats {
  loads: number;
  versionChecks: number;
}

const VERSION_SQL = `SELECT "version"::text AS version FROM "GraphVersion"`;
// Each table comes back as one text value, a line per row in id order: a fraction of the cost of one
// object per row through the driver adapter, and already in the order the index is built in. Dependencies
// name their assets by position in that order (computed in the same snapshot), so building the index
// needs no lookup by id.
const ASSETS_SQL = `SELECT string_agg(concat_ws(' ', "id", "organisationId", coalesce("siteId"::text, '-'), "kind",
  "criticality", "lifecycle"), E'\n' ORDER BY "id") AS "rows" FROM "Asset"`;
const DEPENDENCIES_SQL = `WITH n AS (SELECT "id", (row_number() OVER (ORDER BY "id") - 1)::int AS i FROM "Asset")
  SELECT string_agg(concat_ws(' ', d."id", s.i, t.i, d."type"), E'\n' ORDER BY d."id") AS "rows"
  FROM "Dependency" d JOIN n s ON s."id" = d."sourceId" JOIN n t ON t."id" = d."targetId"`;

type Rows = [{ rows: string | null }];

function lines(rows: Rows): string[][] {
  return rows[0].rows ? rows[0].rows.split("\n").map((line) => line.split(" ")) : [];
}

function parseAssets(rows: Rows): GraphNode[] {
  // Organisation and site ids repeat: keep one string of each (cheaper comparisons and less memory).
  const shared = new Map<string, string>();
  const one = (s: string) => shared.get(s) ?? (shared.set(s, s), s);
  return lines(rows).map(([id, organisationId, siteId, kind, criticality, lifecycle]) => ({
    id: id!,
    organisationId: one(organisationId!),
    siteId: siteId === "-" ? null : one(siteId!),
    kind: kind as GraphNode["kind"],
    criticality: criticality as GraphNode["criticality"],
    lifecycle: one(lifecycle!),
  }));
}

function parseDependencies(rows: Rows): NumberedEdge[] {
  return lines(rows).map(([id, source, target, type]) => ({
    id: id!,
    source: Number(source),
    target: Number(target),
    type: type as NumberedEdge["type"],
  }));
}

/** A loaded graph, labelled with the database state it was read at. */
interface Loaded {
  /** Loads are numbered in the order they start. */
  number: number;
  version: string;
  graph: GraphSnapshot;
}

function snapshotOf(nodes: GraphNode[], edges: NumberedEdge[]): GraphSnapshot {
  const compact = compactNumbered(nodes, edges);
  let graph: DependencyGraph | undefined;
  return {
    compact,
    // Rebuilt from the index rather than kept as rows: the rows would double the memory held per snapshot.
    graph: () =>
      (graph ??= buildDependencyGraph(
        compact.nodes,
        compact.edgeIds.map((id, e) => ({
          id,
          sourceId: compact.nodes[compact.edgeSource[e]!]!.id,
          targetId: compact.nodes[compact.edgeTarget[e]!]!.id,
          type: DEPENDENCY_TYPES[compact.edgeType[e]!]!,
        })),
      )),
  };
}

/** The cached graph of one database, validated against it before every use. */
export class GraphStore {
  private cached: Loaded | undefined;
  private loading: Promise<Loaded> | undefined;
  private loadingNumber = 0;
  private loadsStarted = 0;
  readonly stats: StoreStats = { loads: 0, versionChecks: 0 };

  constructor(private readonly prisma: PrismaClient) {}

  /**
   * The current graph: the cached one when the database provably has not changed since it was read,
   * else a graph loaded after this call began (never one read before a write this caller could have seen).
   */
  async current(): Promise<GraphSnapshot> {
    this.stats.versionChecks++;
    const [{ version }] = await this.prisma.$queryRawUnsafe<[{ version: string }]>(VERSION_SQL);
    const epoch = this.loadsStarted; // loads numbered above this began after our read of the version
    if (this.cached?.version === version) return this.cached.graph;
    if (!this.loading || this.loadingNumber <= epoch) {
      const number = ++this.loadsStarted;
      const promise = this.load(number).finally(() => {
        if (this.loading === promise) this.loading = undefined;
      });
      this.loading = promise;
      this.loadingNumber = number;
    }
    return (await this.loading).graph;
  }

  /** Forgets the cached graph (tests and benchmarks measure cold loads with it). */
  clear(): void {
    this.cached = undefined;
  }

  /** Reads the version and both tables in one repeatable-read transaction, so they agree with each other. */
  private async load(number: number): Promise<Loaded> {
    this.stats.loads++;
    const [[{ version }], assets, dependencies] = await this.prisma.$transaction(
      [
        this.prisma.$queryRawUnsafe<[{ version: string }]>(VERSION_SQL),
        this.prisma.$queryRawUnsafe<Rows>(ASSETS_SQL),
        this.prisma.$queryRawUnsafe<Rows>(DEPENDENCIES_SQL),
      ],
      // A 100,000-asset estate takes seconds to read on a busy machine: Prisma's default of 5 s would
      // fail the snapshot rather than wait for it.
      { isolationLevel: "RepeatableRead", timeout: 60_000, maxWait: 30_000 },
    );
    const loaded: Loaded = {
      number,
      version,
      graph: snapshotOf(parseAssets(assets), parseDependencies(dependencies)),
    };
    if (!this.cached || this.cached.number < number) this.cached = loaded;
    return loaded;
  }
}

const stores = new WeakMap<PrismaClient, GraphStore>();

/** The store of the database behind `prisma` (one per client, shared by all its requests). */
export function graphStore(prisma: PrismaClient): GraphStore {
  let store = stores.get(prisma);
  if (!store) stores.set(prisma, (store = new GraphStore(prisma)));
  return store;
}
