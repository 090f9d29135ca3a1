// The commercial figures of the estate in the database, for tests that check what a reader may work out:
// read and write them (by SQL, so that version and updatedAt, which readers see, stay as they were),
// move them at random, list those hidden from a reader, and find a hidden figure among shown ones.
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { createPrng, type Prng } from "../../seeds/prng.ts";
import type { Figure } from "./figure-walk.ts";

/** The commercial columns of every licence and contract. */
export interface CommercialRows {
  licences: { id: string; organisationId: string; unitCostPence: bigint; annualCostPence: bigint }[];
  contracts: {
    id: string;
    organisationId: string;
    valuePence: bigint | null;
    annualValuePence: bigint | null;
  }[];
}

/** The commercial columns as they stand. */
export async function readCommercial(prisma: PrismaClient): Promise<CommercialRows> {
  const [licences, contracts] = await Promise.all([
    prisma.licence.findMany({
      select: { id: true, organisationId: true, unitCostPence: true, annualCostPence: true },
    }),
    prisma.contract.findMany({
      select: { id: true, organisationId: true, valuePence: true, annualValuePence: true },
    }),
  ]);
  return { licences, contracts };
}

/** Writes the commercial columns back with SQL, leaving version and updatedAt (which readers see) alone. */
export async function writeCommercial(prisma: PrismaClient, rows: CommercialRows): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      for (const l of rows.licences)
        await tx.$executeRaw`UPDATE "Licence" SET "unitCostPence" = ${l.unitCostPence}, "annualCostPence" = ${l.annualCostPence} WHERE id = ${l.id}::uuid`;
      for (const c of rows.contracts)
        await tx.$executeRaw`UPDATE "Contract" SET "valuePence" = ${c.valuePence}, "annualValuePence" = ${c.annualValuePence} WHERE id = ${c.id}::uuid`;
    },
    { timeout: 120_000 },
  );
}

/**
 * Gives the money in every licence and contract snapshot of the audit trail random pence too (the
 * seeds' OCDS import wrote some). Events are append-only, so the guard trigger is lifted meanwhile.
 */
export async function markAuditSnapshots(prisma: PrismaClient, seed: string): Promise<void> {
  const prng = createPrng(seed);
  const mark = (snap: unknown) =>
    snap && typeof snap === "object"
      ? JSON.stringify(
          Object.fromEntries(
            Object.entries(snap).map(([k, v]) => [
              k,
              k.endsWith("Pence") && typeof v === "string" ? String(move(prng, BigInt(v))) : v,
            ]),
          ),
        )
      : null;
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_or_delete"`);
    const events = await tx.auditEvent.findMany({ where: { entityType: { in: ["Licence", "Contract"] } } });
    for (const e of events)
      await tx.$executeRaw`UPDATE "AuditEvent" SET "before" = ${mark(e.before)}::jsonb, "after" = ${mark(e.after)}::jsonb WHERE id = ${e.id}::uuid`;
    await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_or_delete"`);
  });
}

/** `pence` scaled by a random 50–200% to whole pounds, plus 1–99 random pence. */
function move(prng: Prng, pence: bigint): bigint {
  const pounds = (pence * BigInt(prng.int(50, 200))) / 10_000n;
  return pounds * 100n + BigInt(prng.int(1, 99));
}

/** The rows of the organisations in `which` with every commercial figure moved at random. */
export function moved(
  rows: CommercialRows,
  which: (organisationId: string) => boolean,
  seed: string,
): CommercialRows {
  const prng = createPrng(seed);
  const opt = (v: bigint | null) => (v === null ? null : move(prng, v));
  return {
    licences: rows.licences.map((l) =>
      which(l.organisationId)
        ? { ...l, unitCostPence: move(prng, l.unitCostPence), annualCostPence: move(prng, l.annualCostPence) }
        : l,
    ),
    contracts: rows.contracts.map((c) =>
      which(c.organisationId)
        ? { ...c, valuePence: opt(c.valuePence), annualValuePence: opt(c.annualValuePence) }
        : c,
    ),
  };
}

/** Every commercial figure of the organisations in `which`: the rows' own and those in audit snapshots. */
export async function hiddenFigures(
  prisma: PrismaClient,
  rows: CommercialRows,
  which: (organisationId: string) => boolean,
): Promise<Map<bigint, string>> {
  const hidden = new Map<bigint, string>();
  const add = (v: bigint | null, what: string) => {
    if (v !== null && v !== 0n) hidden.set(v, what);
  };
  for (const l of rows.licences.filter((x) => which(x.organisationId))) {
    add(l.unitCostPence, `unit cost of licence ${l.id}`);
    add(l.annualCostPence, `annual cost of licence ${l.id}`);
  }
  for (const c of rows.contracts.filter((x) => which(x.organisationId))) {
    add(c.valuePence, `value of contract ${c.id}`);
    add(c.annualValuePence, `annual value of contract ${c.id}`);
  }
  const events = await prisma.auditEvent.findMany({ where: { entityType: { in: ["Licence", "Contract"] } } });
  for (const e of events.filter((x) => x.organisationId && which(x.organisationId)))
    for (const [side, snap] of [
      ["before", e.before],
      ["after", e.after],
    ] as const)
      for (const [k, v] of Object.entries((snap ?? {}) as Record<string, unknown>))
        if (k.endsWith("Pence") && typeof v === "string")
          add(BigInt(v), `${k} in the ${side} of audit event ${e.id}`);
  return hidden;
}

/** Each shown figure once: the same figure of the same row appears in many answers. */
export function distinctFigures(figures: Figure[]): Figure[] {
  const seen = new Map<string, Figure>();
  for (const f of figures) {
    const key = `${f.field}|${f.tags.Organisation}|${f.tags.Product}|${f.tags.Contract}|${f.pence}`;
    if (!seen.has(key)) seen.set(key, f);
  }
  return [...seen.values()];
}

/** Ways a hidden figure follows from shown ones: equal, the sum of two, or a contract/product/organisation sum. */
/**
 * The derivations that hold whatever the hidden figures are: `before` and `after` are the hidden figures
 * before and after the test moved them, and the reader was shown the same figures both times. A hidden
 * figure that can be worked out from what is shown is worked out in both states; one that matches in only
 * one of them matched by coincidence (as a sum of two of thousands of shown figures can), since what was
 * shown did not move with it. A figure the test did not move has one state and is judged on it.
 */
export function persistentDerivations(
  shown: Figure[],
  before: Map<bigint, string>,
  after: Map<bigint, string>,
  pairs: boolean,
): string[] {
  const what = (line: string) => line.slice(0, line.indexOf(" = "));
  const inAfter = new Set(derivations(shown, after, pairs).map(what));
  return derivations(shown, before, pairs).filter((line) => inAfter.has(what(line)));
}

export function derivations(shown: Figure[], hidden: Map<bigint, string>, pairs: boolean): string[] {
  const counts = new Map<bigint, number>();
  for (const f of shown) counts.set(f.pence, (counts.get(f.pence) ?? 0) + 1);
  const groups = new Map<string, bigint>();
  for (const f of shown)
    for (const kind of ["Organisation", "Product", "Contract"] as const) {
      const id = f.tags[kind];
      if (!id) continue;
      for (const key of [`${kind} ${id}`, `${kind} ${id} ${f.field}`])
        groups.set(key, (groups.get(key) ?? 0n) + f.pence);
    }
  const sums = new Map<bigint, string>();
  for (const [key, sum] of groups) if (sum !== 0n) sums.set(sum, key);
  const found: string[] = [];
  const where = (v: bigint) => shown.find((f) => f.pence === v)!.path;
  for (const [h, what] of hidden) {
    if (counts.has(h)) found.push(`${what} = ${h}p is shown at ${where(h)}`);
    else if (sums.has(h)) found.push(`${what} = ${h}p is the sum of the figures of ${sums.get(h)}`);
    else if (pairs)
      for (const s of counts.keys()) {
        const rest = h - s;
        if (counts.has(rest) && (rest !== s || counts.get(s)! > 1)) {
          found.push(`${what} = ${h}p = ${where(s)} (${s}p) + ${where(rest)} (${rest}p)`);
          break;
        }
      }
  }
  return found;
}
