// Organisations: lookup by code, and the per-organisation summary used to compare estates side by side.
import { equalsText } from "../shared/like.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Tx } from "../shared/writes.ts";
import { randomUUID } from "node:crypto";
import { InputError, NotFoundError } from "../shared/errors.ts";

/** The organisation with `code` (case-insensitive), or null. */
export function findOrganisationByCode(db: Tx | PrismaClient, code: string) {
  return db.organisation.findFirst({ where: { code: equalsText(code.trim()) } });
}

/** The organisation with `code` (case-insensitive); NotFound naming `field` when none has it. */
export async function organisationByCode(db: Tx | PrismaClient, code: string, field: string) {
  const org = await findOrganisationByCode(db, code);
  if (!org) {
    const known = (await db.organisation.findMany({ select: { code: true }, orderBy: { code: "asc" } })).map(
      (o) => o.code,
    );
    throw new NotFoundError(
      field,
      `no organisation has code "${code.slice(0, 40)}"; known codes: ${known.join(", ")}.`,
    );
  }
  return org;
}

/** Ids of the organisations with these codes; NotFound naming `field` for an unknown code. */
export async function organisationIdsByCodes(
  db: Tx | PrismaClient,
  codes: readonly string[],
  field: string,
): Promise<string[]> {
  const orgs = await db.organisation.findMany({ select: { id: true, code: true } });
  const byCode = new Map(orgs.map((o) => [o.code.toUpperCase(), o.id]));
  return codes.map((code) => {
    const id = byCode.get(code.trim().toUpperCase());
    if (!id)
      throw new NotFoundError(
        field,
        `no organisation has code "${code.slice(0, 40)}"; known codes: ${[...byCode.keys()].sort().join(", ")}.`,
      );
    return id;
  });
}

/** Counts and totals of one organisation's estate; retired assets, sites and licences excluded. */
export interface OrganisationSummary {
  siteCount: number;
  assetCount: number;
  assetsByKind: { kind: string; count: number }[];
  annualRunCostPence: bigint;
  siteAnnualCostPence: bigint;
  licenceSpendPence: bigint;
  licenceCount: number;
  contractCount: number;
  seatsOwned: number;
  seatsUsed: number;
}

/** Summaries for many organisations at once: a fixed number of grouped queries, whatever the count. */
export async function summariesFor(
  prisma: PrismaClient,
  organisationIds: readonly string[],
): Promise<Map<string, OrganisationSummary>> {
  const ids = [...organisationIds];
  const [byKind, sites, licences, contracts] = await Promise.all([
    prisma.asset.groupBy({
      by: ["organisationId", "kind"],
      where: { organisationId: { in: ids }, lifecycle: { not: "RETIRED" } },
      _count: { _all: true },
      _sum: { annualRunCostPence: true },
    }),
    prisma.site.groupBy({
      by: ["organisationId"],
      where: { organisationId: { in: ids }, lifecycle: { not: "RETIRED" } },
      _count: { _all: true },
      _sum: { annualCostPence: true },
    }),
    prisma.licence.groupBy({
      by: ["organisationId"],
      where: { organisationId: { in: ids }, status: "ACTIVE" },
      _count: { _all: true },
      _sum: { annualCostPence: true, quantityOwned: true, quantityUsed: true },
    }),
    prisma.contract.groupBy({
      by: ["organisationId"],
      where: { organisationId: { in: ids }, status: "ACTIVE" },
      _count: { _all: true },
    }),
  ]);
  const out = new Map<string, OrganisationSummary>();
  for (const id of ids) {
    const kinds = byKind.filter((r) => r.organisationId === id);
    const site = sites.find((r) => r.organisationId === id);
    const licence = licences.find((r) => r.organisationId === id);
    out.set(id, {
      siteCount: site?._count._all ?? 0,
      assetCount: kinds.reduce((n, r) => n + r._count._all, 0),
      assetsByKind: kinds
        .map((r) => ({ kind: r.kind, count: r._count._all }))
        .sort((a, b) => a.kind.localeCompare(b.kind)),
      annualRunCostPence: kinds.reduce((n, r) => n + (r._sum.annualRunCostPence ?? 0n), 0n),
      siteAnnualCostPence: site?._sum.annualCostPence ?? 0n,
      licenceSpendPence: licence?._sum.annualCostPence ?? 0n,
      licenceCount: licence?._count._all ?? 0,
      contractCount: contracts.find((r) => r.organisationId === id)?._count._all ?? 0,
      seatsOwned: licence?._sum.quantityOwned ?? 0,
      seatsUsed: licence?._sum.quantityUsed ?? 0,
    });
  }
  return out;
}

/** What a new organisation needs: its stable code, its name, its kind, and optional public identifiers. */
export interface NewOrganisation {
  code: string;
  name: string;
  kind: string;
  identifiers?: readonly string[];
}

const ORGANISATION_KINDS = ["COUNCIL", "SHARED_SERVICE", "PARTNER", "CUSTOMER"] as const;

/**
 * Adds an organisation (a deployment's set-up: there is no GraphQL mutation for it). The code is 2–12
 * capital letters or digits and unique (case-insensitive); InputError names the field otherwise.
 */
export async function addOrganisation(db: PrismaClient, input: NewOrganisation) {
  const code = input.code.trim().toUpperCase();
  if (!/^[A-Z][A-Z0-9]{1,11}$/.test(code))
    throw new InputError(
      "code",
      `"${input.code}" is not a code: use 2–12 letters or digits, starting with a letter (e.g. SCC).`,
    );
  const name = input.name.trim();
  if (!name || name.length > 200)
    throw new InputError("name", "give the organisation's name (1–200 characters).");
  const kind = input.kind.trim().toUpperCase();
  if (!(ORGANISATION_KINDS as readonly string[]).includes(kind))
    throw new InputError(
      "kind",
      `"${input.kind}" is not a kind: use one of ${ORGANISATION_KINDS.join(", ")}.`,
    );
  if (await findOrganisationByCode(db, code))
    throw new InputError("code", `an organisation with code ${code} already exists.`);
  return db.organisation.create({
    data: {
      id: randomUUID(),
      code,
      name,
      kind: kind as (typeof ORGANISATION_KINDS)[number],
      identifiers: (input.identifiers ?? []).map((i) => i.trim()).filter(Boolean),
    },
  });
}
