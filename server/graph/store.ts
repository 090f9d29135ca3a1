// The dependency graph in memory, loaded from the database and re-validated against it on every request,
// so that any number of stateless server instances can share one database and never answer from a stale
// graph.
//
// Loading: two queries — the assets (only id, organisationId, siteId, kind, criticality, lifecycle) and the
// dependencies (id, sourceId, targetId, type) — into a compact index (compact.ts) used by impact and the
// explorer; the graphology graph the other algorithms take is built from the index on first use.
//
// Validation, per request (once per GraphQL request, however many graph fields it asks for):
//   1. `pg_current_snapshot()`: one catalogue-free round trip (well under a millisecond). Its text changes
//      whenever any write transaction on the database server finishes, so while it is unchanged, nothing can
//      have changed the graph, and the cached graph is current.
//   2. Only when it has changed: a fingerprint of the two graph tables — row count and sum of the row
//      versions' creating transaction ids (`xmin`) per table. Any insert, update or delete of an asset or
//      dependency changes it, however it was written (API, import, raw SQL) and whatever the servers'
//      clocks say; writes to other tables (licences, audit, sessions) leave it alone. It costs a scan of
//      the two tables (about 0.1 s at 100,000 assets on a busy two-core machine), paid only after writes.
//   3. Only when the fingerprint changed: reload. Concurrent requests share one load.
// A single-row counter bumped by a trigger on "Asset" and "Dependency" would make step 2 free; see the
// report of the graph API issue for that migration.
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
  fingerprintChecks: number;
  snapshotChecks: number;
}

const SNAPSHOT_SQL = `SELECT pg_current_snapshot()::text AS snapshot`;
const FINGERPRINT_SQL = `SELECT
  (SELECT count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text FROM "Asset") AS assets,
  (SELECT count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text FROM "Dependency") AS dependencies`;
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
  snapshot: string;
  fingerprint: string;
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
  readonly stats: StoreStats = { loads: 0, fingerprintChecks: 0, snapshotChecks: 0 };

  constructor(private readonly prisma: PrismaClient) {}

  /**
   * The current graph: the cached one when the database provably has not changed since it was read,
   * else a graph loaded after this call began (never one read before a write this caller could have seen).
   */
  async current(): Promise<GraphSnapshot> {
    this.stats.snapshotChecks++;
    const [{ snapshot }] = await this.prisma.$queryRawUnsafe<[{ snapshot: string }]>(SNAPSHOT_SQL);
    const epoch = this.loadsStarted; // loads numbered above this began after our snapshot
    const cached = this.cached;
    if (cached) {
      if (cached.snapshot === snapshot) return cached.graph;
      this.stats.fingerprintChecks++;
      const [row] =
        await this.prisma.$queryRawUnsafe<[{ assets: string; dependencies: string }]>(FINGERPRINT_SQL);
      if (cached.fingerprint === `${row.assets}/${row.dependencies}`) {
        // Unchanged since `snapshot` was taken: remember that, so the next request is answered at step 1.
        if (this.cached === cached) this.cached = { ...cached, snapshot };
        return cached.graph;
      }
    }
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

  /** Reads the label and both tables in one repeatable-read transaction, so they agree with each other. */
  private async load(number: number): Promise<Loaded> {
    this.stats.loads++;
    const [[{ snapshot }], [row], assets, dependencies] = await this.prisma.$transaction(
      [
        this.prisma.$queryRawUnsafe<[{ snapshot: string }]>(SNAPSHOT_SQL),
        this.prisma.$queryRawUnsafe<[{ assets: string; dependencies: string }]>(FINGERPRINT_SQL),
        this.prisma.$queryRawUnsafe<Rows>(ASSETS_SQL),
        this.prisma.$queryRawUnsafe<Rows>(DEPENDENCIES_SQL),
      ],
      { isolationLevel: "RepeatableRead" },
    );
    const loaded: Loaded = {
      number,
      snapshot,
      fingerprint: `${row!.assets}/${row!.dependencies}`,
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
