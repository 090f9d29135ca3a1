// Imports register files (CSV, or an XLSX workbook with a sheet per register): the whole file is read and
// checked first, every problem reported with its sheet, row, column, value, reason and fix; then, unless it
// is a dry run or anything was refused, everything is written in one transaction (all or nothing). Rows
// match what is stored by natural key (organisation + name), so importing the same file again changes
// nothing; a row exported at an older version than is now stored, whose values differ, is a conflict.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Actor } from "../shared/actor.ts";
import { can } from "../shared/authz.ts";
import { bulkInsert, type BulkColumn } from "../shared/bulk-insert.ts";
import { DomainError, ConflictError } from "../shared/errors.ts";
import { recordAudits, type AuditInput, type Tx } from "../shared/writes.ts";
import { translatePrismaError } from "../shared/prisma-errors.ts";
import { CellProblem, cellText, fold } from "./cells.ts";
import type { CellValue, RegisterColumn } from "./columns.ts";
import { matchHeaders } from "./headers.ts";
import { naturalKey, organisationsByCode, productsByName, storedByKey } from "./lookups.ts";
import { fileRows, type FileFormat, type FileRow } from "./read.ts";
import type { References, Register, StoredFields, StoredRow, Wanted } from "./register.ts";
import { REGISTERS, registerNamed } from "./registers.ts";

/** One thing wrong with the file: where, what, why and how to fix it. */
export interface ImportProblem {
  sheet: string;
  /** The spreadsheet's row number; null for a problem of the whole sheet (a missing column). */
  row: number | null;
  column: string | null;
  value: string | null;
  reason: string;
  fix: string;
}

export interface RegisterOutcome {
  register: Register["name"];
  sheet: string;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
}

export interface ImportReport {
  dryRun: boolean;
  /** True when the rows were written (not a dry run, and nothing refused). */
  written: boolean;
  registers: RegisterOutcome[];
  /** Every problem, in file order (capped at `MAX_PROBLEMS`; `problemCount` has them all). */
  problems: ImportProblem[];
  problemCount: number;
}

export interface ImportProgress {
  phase: "reading" | "checking" | "writing" | "done";
  /** Rows handled in this phase so far, and in all (0 while unknown). */
  done: number;
  total: number;
}

export interface ImportOptions {
  /** The organisation (code) of every row that does not name one. */
  organisation?: string | null;
  /** The register of a CSV file; otherwise decided by its headers. */
  register?: Register["name"] | null;
  dryRun?: boolean;
  format?: FileFormat;
  onProgress?: (progress: ImportProgress) => void;
}

/** Problems listed in full; beyond this only counted (a broken 100,000-row file must not flood the answer). */
export const MAX_PROBLEMS = 1000;

interface ReadRow {
  sheet: string;
  row: number;
  cells: Record<string, CellValue>;
  /** The raw text of each field's cell, for problem reports. */
  raw: Record<string, string | null>;
  /** Fields whose cell could not be read. */
  badFields: Set<string>;
  organisationId?: string;
  key?: string;
  refused?: boolean;
}

function pick<T>(record: Record<string, T>, keys: readonly string[]): Record<string, T> {
  return Object.fromEntries(keys.filter((k) => k in record).map((k) => [k, record[k]!]));
}

interface SheetRows {
  register: Register;
  sheet: string;
  /** The file's header for each field, for problem reports. */
  headerOf: Map<string, string>;
  rows: ReadRow[];
}

interface Planned {
  row: ReadRow;
  kind: "create" | "update" | "unchanged";
  id: string;
  fields: StoredFields;
  before?: Record<string, unknown> & { id: string; version: number };
}

class Problems {
  readonly list: ImportProblem[] = [];
  count = 0;
  add(p: ImportProblem) {
    this.count += 1;
    if (this.list.length < MAX_PROBLEMS) this.list.push(p);
  }
}

/** Problems by sheet (as the file orders them), then row (whole-sheet problems first). */
function inFileOrder(list: ImportProblem[], sheets: SheetRows[]): ImportProblem[] {
  const sheetNo = (name: string) => {
    const i = sheets.findIndex((s) => s.sheet === name);
    return i < 0 ? -1 : i;
  };
  return list
    .map((p, i) => ({ p, i }))
    .sort((a, b) => sheetNo(a.p.sheet) - sheetNo(b.p.sheet) || (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

/** Decides which register a sheet holds: by its name, else (CSV) the one asked for or whose columns its headers match best. */
function registerOf(sheet: string | null, headers: readonly string[], asked: Register["name"] | null | undefined): Register | Register[] | null {
  if (sheet !== null) {
    const named = REGISTERS.find((r) => fold(r.sheet) === fold(sheet) || fold(r.name) === fold(sheet));
    if (named) return named;
    // A sheet named otherwise ("Sheet1", or a name the reader could not recover) is known by its headers,
    // and left out when they fit no register (a notes sheet, the template's "Allowed values").
    const byHeaders = registerOf(null, headers, null);
    return Array.isArray(byHeaders) ? null : byHeaders;
  }
  if (asked) return registerNamed(asked);
  // The register whose columns the headers fill most (and leave fewest unknown); a tie is not guessed.
  const scored = REGISTERS.map((r) => {
    const match = matchHeaders(headers, r.columns);
    return { r, score: match.byPosition.filter(Boolean).length * 100 - match.problems.length };
  }).sort((a, b) => b.score - a.score);
  if (scored[0]!.score <= 0) return null;
  const tied = scored.filter((x) => x.score === scored[0]!.score).map((x) => x.r);
  return tied.length > 1 ? tied : tied[0]!;
}

/** Reads every row of the file into checked cells; cell problems are recorded, the row kept (marked refused). */
async function readFile(path: string, options: ImportOptions, problems: Problems): Promise<SheetRows[]> {
  const sheets: SheetRows[] = [];
  let current: (SheetRows & { columns: (RegisterColumn | null)[]; name: string | null }) | null = null;
  let skipping: string | null = null; // a sheet of no register (the template's "Allowed values")
  let read = 0;
  for await (const line of fileRows(path, options.format) as AsyncGenerator<FileRow>) {
    const sheetName = line.sheet ?? options.register ?? "CSV";
    if (skipping === sheetName) continue;
    const texts = line.cells.map(cellText);
    if (!current || (line.sheet !== null && current.name !== line.sheet)) {
      if (texts.every((t) => t === null)) continue; // blank rows above the header
      const register = registerOf(line.sheet, texts.map((t) => t ?? ""), options.register);
      if (Array.isArray(register)) {
        problems.add({ sheet: sheetName, row: line.row, column: null, value: null, reason: `its headers fit the ${register.map((r) => r.name).join(" and the ")} registers alike`, fix: `choose the register (${register.map((r) => r.name).join(" or ")}), or add a column only one of them has` });
        return sheets;
      }
      if (!register) {
        if (line.sheet !== null) {
          skipping = sheetName;
          continue;
        }
        problems.add({ sheet: sheetName, row: line.row, column: null, value: null, reason: "its headers match no register", fix: `use a template's headers (registers: ${REGISTERS.map((r) => r.name).join(", ")})` });
        return sheets;
      }
      const given = new Set(options.organisation ? ["organisation"] : []);
      const match = matchHeaders(texts.map((t) => t ?? ""), register.columns, given);
      const sheet = line.sheet ?? register.sheet;
      for (const p of match.problems) problems.add({ sheet, row: match.byPosition.some(Boolean) ? line.row : null, column: p.column, value: null, reason: p.reason, fix: p.fix });
      const headerOf = new Map<string, string>();
      match.byPosition.forEach((c, i) => c && headerOf.set(c.field, texts[i]!));
      current = { register, sheet, headerOf, rows: [], columns: match.byPosition, name: line.sheet };
      sheets.push(current);
      continue;
    }
    if (texts.every((t) => t === null)) continue; // blank rows
    const row: ReadRow = { sheet: current.sheet, row: line.row, cells: {}, raw: {}, badFields: new Set() };
    current.columns.forEach((column, i) => {
      if (!column) return;
      const raw = line.cells[i];
      row.raw[column.field] = texts[i] ?? null;
      try {
        row.cells[column.field] = column.read(raw);
      } catch (error) {
        if (!(error instanceof CellProblem)) throw error;
        row.refused = true;
        row.badFields.add(column.field);
        problems.add({ sheet: current!.sheet, row: line.row, column: current!.headerOf.get(column.field) ?? column.header, value: texts[i] ?? null, reason: error.reason, fix: error.fix });
      }
    });
    current.rows.push(row);
    read += 1;
    if (read % 1000 === 0) options.onProgress?.({ phase: "reading", done: read, total: 0 });
  }
  return sheets;
}

/** A domain error on `row.<field>` as a problem at that field's cell. */
function domainProblem(sheet: SheetRows, row: ReadRow, error: DomainError): ImportProblem {
  const field = error.field?.replace(/^row\./, "") ?? null;
  const column = field ? (sheet.headerOf.get(field) ?? sheet.register.columns.find((c) => c.field === field)?.header ?? field) : null;
  let [reason, fix] = splitReason(error.message);
  const col = field ? sheet.register.columns.find((c) => c.field === field) : undefined;
  if (col && reason === "is required")
    fix = sheet.headerOf.has(col.field) ? `fill it in (${col.accepts})` : `add a "${col.header}" column and fill it in (${col.accepts}); a new row needs it`;
  return { sheet: sheet.sheet, row: row.row, column, value: field ? (row.raw[field] ?? null) : null, reason, fix };
}

/** The domain's messages say what is wrong and then what to do ("…; choose another name."). */
function splitReason(message: string): [string, string] {
  const at = message.indexOf("; ");
  if (at > 0) return [message.slice(0, at), message.slice(at + 2).replace(/\.$/, "")];
  return [message.replace(/\.$/, ""), "correct the value"];
}

const comparable = (v: unknown): string =>
  v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "bigint" ? v.toString() : typeof v === "number" ? String(v) : String(v);

function sameFields(fields: StoredFields, stored: Record<string, unknown>): boolean {
  for (const [k, v] of Object.entries(fields)) if (comparable(v) !== comparable(stored[k])) return false;
  return true;
}

/** Checks every row against the domain's rules and what is stored; returns what each row would do. */
async function plan(db: PrismaClient | Tx, actor: Actor, sheets: SheetRows[], options: ImportOptions, problems: Problems): Promise<Map<SheetRows, Planned[]>> {
  const orgs = await organisationsByCode(db);
  const organisationIdOf = (code: string) => orgs.get(code.toUpperCase())?.id;
  const fallback = options.organisation ? orgs.get(options.organisation.toUpperCase()) : undefined;
  if (options.organisation && !fallback)
    problems.add({ sheet: "—", row: null, column: "organisation", value: options.organisation, reason: "is not an organisation's code", fix: `use one of: ${[...orgs.values()].map((o) => o.code).join(", ")}` });

  const created = new Map<string, Map<string, string>>(); // table → natural key → id of rows this import creates
  const out = new Map<SheetRows, Planned[]>();
  const order = [...sheets].sort((a, b) => REGISTERS.indexOf(a.register) - REGISTERS.indexOf(b.register));
  let checked = 0;
  const total = sheets.reduce((n, s) => n + s.rows.length, 0);
  for (const sheet of order) {
    const { register } = sheet;
    const seen = new Map<string, number>();
    const denied = new Set<string>();
    // Organisation and natural key of each row; duplicates within the file.
    for (const row of sheet.rows) {
      const code = (row.cells.organisation as string | null) ?? null;
      const org = code ? orgs.get(code.toUpperCase()) : fallback;
      if (!org) {
        row.refused = true;
        if (code || !options.organisation)
          problems.add({ sheet: sheet.sheet, row: row.row, column: sheet.headerOf.get("organisation") ?? "Organisation", value: code, reason: code ? `"${code}" is not an organisation's code` : "no organisation is given", fix: code ? "use the organisation's code, e.g. SCC" : "fill the Organisation column or choose the organisation for the whole file" });
        continue;
      }
      if (fallback && code && org.id !== fallback.id) {
        row.refused = true;
        problems.add({ sheet: sheet.sheet, row: row.row, column: sheet.headerOf.get("organisation") ?? "Organisation", value: code, reason: `names ${org.code}, but the file is imported for ${fallback.code}`, fix: `import it for ${org.code}, or correct the row` });
        continue;
      }
      row.organisationId = org.id;
      row.key = register.naturalKey(row.cells, org.id, organisationIdOf) ?? undefined;
      if (!row.key) continue; // a key cell is empty: the domain check below reports it
      const earlier = seen.get(row.key);
      if (earlier !== undefined) {
        row.refused = true;
        const field = register.keyFields[0]!;
        const keyHeaders = register.keyFields.map((f) => sheet.headerOf.get(f) ?? f).join(", ");
        problems.add({ sheet: sheet.sheet, row: row.row, column: sheet.headerOf.get(field) ?? field, value: row.raw[field] ?? null, reason: `repeats row ${earlier} (the same ${register.entityType.toLowerCase()} of ${org.code})`, fix: `keep one row per ${keyHeaders}` });
      } else seen.set(row.key, row.row);
    }
    const keyed = sheet.rows.filter((r) => r.key && r.organisationId);
    const stored = await register.stored(db, keyed.map((r) => ({ cells: r.cells, organisationId: r.organisationId! })), organisationIdOf);
    const codeOf = new Map([...orgs.values()].map((o) => [o.id, o.code]));
    // A column the file leaves out keeps what is stored: the stored row fills the missing cells.
    const missing = register.columns.filter((c) => c.field !== "version" && !sheet.headerOf.has(c.field)).map((c) => c.field);
    const cellsOf = new Map<ReadRow, Readonly<Record<string, CellValue>>>();
    for (const row of sheet.rows) {
      const before = row.key ? stored.get(row.key) : undefined;
      cellsOf.set(row, before && missing.length ? { ...pick(register.toCells(before, codeOf.get(row.organisationId!)!), missing), ...row.cells } : row.cells);
    }
    // References: stored rows, and rows this import creates in registers written before this one.
    const wanted: Wanted = { sites: [], assets: [], products: [] };
    for (const r of keyed) register.wants(cellsOf.get(r)!, r.organisationId!, wanted, organisationIdOf);
    const referenced = {
      Site: wanted.sites.length ? await storedByKey(db, "Site", wanted.sites) : new Map<string, StoredRow>(),
      Asset: wanted.assets.length ? await storedByKey(db, "Asset", wanted.assets) : new Map<string, StoredRow>(),
    };
    const retiredIds = new Set(Object.values(referenced).flatMap((m) => [...m.values()].filter((r) => r.lifecycle === "RETIRED").map((r) => r.id)));
    const products = await productsByName(db, wanted.products);
    const refs: References = {
      idOf: (table, organisationId, name) => {
        const key = naturalKey(organisationId, name);
        return referenced[table].get(key)?.id ?? created.get(table)?.get(key);
      },
      retired: (_table, id) => retiredIds.has(id),
      productId: (name) => products.get(name.trim().replace(/\s+/g, " ").toLowerCase()),
      organisationId: organisationIdOf,
    };
    const planned: Planned[] = [];
    const mine = new Map<string, string>();
    created.set(register.table, mine);
    for (const row of sheet.rows) {
      checked += 1;
      if (checked % 1000 === 0) options.onProgress?.({ phase: "checking", done: checked, total });
      if (!row.organisationId) continue;
      let fields: StoredFields;
      try {
        fields = register.toStored(cellsOf.get(row)!, row.organisationId, refs);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // A cell that could not be read is already reported; the domain then finds it empty.
        if (!(row.refused && error.field && row.badFields.has(error.field.replace(/^row\./, "")))) problems.add(domainProblem(sheet, row, error));
        row.refused = true;
        continue;
      }
      if (row.refused || !row.key) continue;
      const before = stored.get(row.key);
      const kind = !before ? "create" : sameFields(fields, before) ? "unchanged" : "update";
      if (kind !== "unchanged" && !can(actor, "editInventory", row.organisationId)) {
        row.refused = true;
        const code = [...orgs.values()].find((o) => o.id === row.organisationId)!.code;
        if (!denied.has(code)) {
          denied.add(code);
          problems.add({ sheet: sheet.sheet, row: row.row, column: null, value: null, reason: `you may not change ${code}'s ${register.name} (this and every other such row)`, fix: `ask an administrator of ${code} for the EDITOR role, or leave ${code}'s rows out` });
        }
        continue;
      }
      if (kind === "update" && before!.lifecycle !== "RETIRED" && fields.lifecycle === "RETIRED") {
        row.refused = true;
        problems.add({ sheet: sheet.sheet, row: row.row, column: sheet.headerOf.get("lifecycle") ?? "Lifecycle", value: row.raw.lifecycle ?? null, reason: "retiring is not done by import", fix: `retire the ${register.entityType.toLowerCase()} in Converge (it checks what still depends on it), or keep its lifecycle` });
        continue;
      }
      const version = row.cells.version as number | null;
      if (kind === "update" && version !== null && version !== undefined && version !== before!.version) {
        row.refused = true;
        problems.add({ sheet: sheet.sheet, row: row.row, column: sheet.headerOf.get("version") ?? "Version", value: String(version), reason: `was changed in Converge since this file was exported (the file has version ${version}, Converge has ${before!.version})`, fix: "export it again and reapply your change, or clear the Version cell to overwrite" });
        continue;
      }
      const id = before?.id ?? randomUUID();
      if (!before) mine.set(row.key, id);
      planned.push({ row, kind, id, fields, before });
    }
    out.set(sheet, planned);
  }
  return out;
}

/** Writes the planned rows, register by register, creates in bulk, updates conditioned on their version. */
async function write(tx: Tx, actor: Actor, plans: Map<SheetRows, Planned[]>, options: ImportOptions): Promise<void> {
  const total = [...plans.values()].reduce((n, p) => n + p.filter((x) => x.kind !== "unchanged").length, 0);
  let done = 0;
  const order = [...plans.keys()].sort((a, b) => REGISTERS.indexOf(a.register) - REGISTERS.indexOf(b.register));
  for (const sheet of order) {
    const { register } = sheet;
    const planned = plans.get(sheet)!;
    const creates = planned.filter((p) => p.kind === "create");
    if (creates.length) {
      const names = Object.keys(creates[0]!.fields);
      const columns: BulkColumn<Planned>[] = [
        { name: "id", sentAs: "uuid[]", value: (p) => p.id },
        ...(register.ownerColumn ? [{ name: register.ownerColumn, sentAs: "uuid[]", value: (p: Planned) => p.row.organisationId! }] : []),
        ...names.map((name) => bulkColumn(register, name)),
      ];
      const rows = await bulkInsert<Planned, Record<string, unknown> & { id: string }>(tx, register.table, columns, creates, { versioned: true });
      // Rows come back in the order given: each one's owner is its planned row's organisation.
      await recordAudits(tx, actor, rows.map((r, i): AuditInput => ({ action: "CREATE", entityType: register.entityType, entityId: r.id, organisationId: creates[i]!.row.organisationId!, after: r })));
      done += creates.length;
      options.onProgress?.({ phase: "writing", done, total });
    }
    const audits: AuditInput[] = [];
    for (const p of planned.filter((x) => x.kind === "update")) {
      const delegate = { Site: tx.site, Asset: tx.asset, Dependency: tx.dependency }[register.table] as unknown as {
        updateMany(args: object): Promise<{ count: number }>;
        findUnique(args: object): Promise<Record<string, unknown>>;
      };
      const { count } = await delegate.updateMany({ where: { id: p.id, version: p.before!.version }, data: { ...p.fields, version: { increment: 1 } } });
      if (count !== 1) throw new ConflictError("version", `${register.entityType} "${p.row.raw[register.keyFields[0]!]}" (row ${p.row.row}) was changed by someone else during the import; nothing was written, import the file again.`);
      const after = await delegate.findUnique({ where: { id: p.id } });
      audits.push({ action: "UPDATE", entityType: register.entityType, entityId: p.id, organisationId: p.row.organisationId!, before: p.before, after });
      done += 1;
      if (done % 500 === 0) options.onProgress?.({ phase: "writing", done, total });
    }
    await recordAudits(tx, actor, audits);
  }
}

/** How a stored column is sent in a bulk insert. */
function bulkColumn(register: Register, name: string): BulkColumn<Planned> {
  const enumType: Record<string, string> = { kind: register.table === "Site" ? `"SiteKind"` : `"AssetKind"`, lifecycle: `"Lifecycle"`, criticality: `"Criticality"`, type: `"DependencyType"` };
  const type = enumType[name] ? `text[]::${enumType[name]}[]` : columnType(name);
  return {
    name,
    sentAs: type,
    value: (p) => {
      const v = p.fields[name];
      if (v === null || v === undefined) return null;
      if (v instanceof Date) return v.toISOString().slice(0, 10);
      if (typeof v === "bigint") return v.toString();
      return v;
    },
  };
}

/** The array type of a stored column, from its name's convention. */
function columnType(name: string): string {
  if (name.endsWith("Pence")) return "bigint[]";
  if (name.endsWith("Id")) return "uuid[]";
  if (["leaseEnd", "supportEnd"].includes(name)) return "date[]";
  if (["powerKw", "powerUsedKw", "floorSpaceM2", "pue", "storageTb", "storageUsedTb"].includes(name)) return "float8[]";
  if (["racks", "racksUsed", "tier", "rackUnits", "vcpu", "vcpuUsed", "ramGb", "ramUsedGb", "bandwidthMbps", "bandwidthUsedMbps"].includes(name)) return "int[]";
  return "text[]";
}

/**
 * Imports the register file at `path` as `actor`: checks everything, then writes everything in one
 * transaction, or nothing when any row is refused or it is a dry run.
 */
export async function importRegisters(prisma: PrismaClient, actor: Actor, path: string, options: ImportOptions = {}): Promise<ImportReport> {
  const problems = new Problems();
  const sheets = await readFile(path, options, problems);
  options.onProgress?.({ phase: "reading", done: sheets.reduce((n, s) => n + s.rows.length, 0), total: 0 });
  const report = (plans: Map<SheetRows, Planned[]>, written: boolean): ImportReport => ({
    dryRun: options.dryRun ?? false,
    written,
    registers: sheets.map((s) => {
      const planned = plans.get(s) ?? [];
      return {
        register: s.register.name,
        sheet: s.sheet,
        created: planned.filter((p) => p.kind === "create").length,
        updated: planned.filter((p) => p.kind === "update").length,
        unchanged: planned.filter((p) => p.kind === "unchanged").length,
        refused: s.rows.filter((r) => r.refused).length,
      };
    }),
    problems: inFileOrder(problems.list, sheets),
    problemCount: problems.count,
  });
  if (options.dryRun || problems.count > 0) {
    const plans = await plan(prisma, actor, sheets, options, problems);
    options.onProgress?.({ phase: "done", done: 1, total: 1 });
    return report(plans, false);
  }
  try {
    const result = await prisma.$transaction(
      async (tx) => {
        const plans = await plan(tx, actor, sheets, options, problems);
        if (problems.count > 0) return report(plans, false);
        await write(tx, actor, plans, options);
        return report(plans, true);
      },
      { timeout: 600_000, maxWait: 30_000 },
    );
    options.onProgress?.({ phase: "done", done: 1, total: 1 });
    return result;
  } catch (error) {
    throw translatePrismaError(error) ?? error;
  }
}
