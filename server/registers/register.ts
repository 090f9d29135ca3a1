// What the import engine needs of each register: its columns, how a read row becomes the stored columns
// (through the domain's own rules), and how it names the rows it refers to.
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { EntityType } from "../shared/authz.ts";
import type { Tx } from "../shared/writes.ts";
import type { CellValue, RegisterColumn } from "./columns.ts";

type Db = PrismaClient | Tx;

/** Names the rows of one register refer to, resolved to ids (organisation id + folded name → id). */
export interface References {
  /** The id of `name` among `table`'s rows of `organisationId` (stored, or being created by this import). */
  idOf(table: "Site" | "Asset", organisationId: string, name: string): string | undefined;
  /** Whether that row is retired (stored rows only: a row this import creates is not). */
  retired(table: "Site" | "Asset", id: string): boolean;
  /** The id of the organisation with `code`. */
  organisationId(code: string): string | undefined;
  /** The id of a catalogue product named `name` (or one of its aliases). */
  productId(name: string): string | undefined;
}

/** A reference a row makes, gathered before the rows are checked so all are looked up at once. */
export interface Wanted {
  sites: { organisationId: string; name: string }[];
  assets: { organisationId: string; name: string }[];
  products: string[];
}

/** The stored columns of a row, as the table names them (bigints, dates, numbers, text, null). */
export type StoredFields = Record<string, string | number | bigint | Date | null>;

/** A stored row as the lookups return it (with the names of what it refers to). */
export type StoredRow = Record<string, unknown> & { id: string; version: number };

/** Looks up organisations by code (upper-cased). */
export type OrganisationIdOf = (code: string) => string | undefined;

export interface Register {
  /** The register's name in the API and on the command line. */
  name: "sites" | "assets" | "dependencies";
  /** The XLSX sheet's name (and the CSV's register when its headers say so). */
  sheet: string;
  entityType: Extract<EntityType, "Site" | "Asset" | "Dependency">;
  table: "Site" | "Asset" | "Dependency";
  /** The stored column naming the owning organisation; null when ownership comes through another row. */
  ownerColumn: "organisationId" | null;
  columns: readonly RegisterColumn[];
  /** The fields of the natural key (the first is where a repeated row is pointed at). */
  keyFields: readonly string[];
  /** The natural key of a row's cells, or null when a key cell is empty (the domain's check reports it). */
  naturalKey(cells: Readonly<Record<string, CellValue>>, organisationId: string, organisationIdOf: OrganisationIdOf): string | null;
  /** The stored rows with the natural keys of `rows`, by natural key. */
  stored(db: Db, rows: readonly { cells: Readonly<Record<string, CellValue>>; organisationId: string }[], organisationIdOf: OrganisationIdOf): Promise<Map<string, StoredRow>>;
  /** SQL selecting every stored row with the names an export needs ("organisationCode" and those of `toCells`). */
  exportSelect: string;
  /** Registers this one refers to, which an import writes first. */
  after: readonly Register["name"][];
  /** The references `cells` makes, for the batch lookup. */
  wants(cells: Readonly<Record<string, CellValue>>, organisationId: string, into: Wanted, organisationIdOf: OrganisationIdOf): void;
  /**
   * The stored columns (without id, organisationId and timestamps) from the read cells, by the domain's
   * own rules; throws a DomainError naming the input field (`row.<field>`).
   */
  toStored(cells: Readonly<Record<string, CellValue>>, organisationId: string, refs: References): StoredFields;
  /** The cells of a stored row, for exports (in the register's fields). */
  toCells(row: Readonly<Record<string, unknown>>, organisation: string): Record<string, CellValue>;
}
