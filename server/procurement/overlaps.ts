// Overlap detection on a snapshot. Pure: no database.
//
// SAME_PRODUCT: a product with active licences in two or more organisations.
// SAME_JOB: for two organisations A and B that both license products doing one job (a leaf of the
// taxonomy in server/catalogue/taxonomy.ts), the products only A holds and those only B holds, when both
// sets are non-empty (two telecare platforms, two web filters). A suite takes part in the overlap of
// every job it does. With more organisations, every such pair contributes: the overlap lists the
// products that differ in any pair, and the organisations of those pairs. Products compared are only
// ever ones doing the overlap's job. For two organisations this is exactly seeds/overlap-analysis.ts's
// findOverlaps, restricted to licences.
//
// CONTRACTS_ONLY: two or more organisations each holding live contracts with no licences for the same
// job (end-user devices, WAN, telephony, managed print, …): the duplication a shared service exists to
// remove even where nothing is licensed per seat. A contract's job comes from contractCapability
// (capability.ts); only job-level answers count, so a contract whose job is unknown is never one side.
// Live: status ACTIVE and not ended before `asOf` (a contract with no end date counts as live).
import type { Contract, Licence } from "../../generated/prisma/client.ts";
import { isJobCode } from "../catalogue/taxonomy.ts";
import { contractCapability } from "./capability.ts";
import { productCapabilityCode, productJobCodes, type ProcurementSnapshot } from "./snapshot.ts";

/** The kinds of overlap. */
export type OverlapKind = "SAME_PRODUCT" | "SAME_JOB" | "CONTRACTS_ONLY";

/** One organisation's part of an overlap. */
export interface SideModel {
  organisationId: string;
  productIds: string[];
  licences: Licence[];
  /** CONTRACTS_ONLY: the organisation's live contracts without licences for the job, by reference. */
  contracts: Contract[];
}

/** An overlap before it is priced or masked. */
export interface OverlapModel {
  id: string;
  kind: OverlapKind;
  capabilityCode: string | null;
  productIds: string[];
  sides: SideModel[];
}

/** The stable id of an overlap. */
export function overlapId(kind: OverlapKind, key: string): string {
  return `Overlap:${kind}:${key}`;
}

/** Splits an overlap id; null when it is not one. */
export function parseOverlapId(id: string): { kind: OverlapKind; key: string } | null {
  const m = /^Overlap:(SAME_PRODUCT|SAME_JOB|CONTRACTS_ONLY):(.+)$/.exec(id.trim());
  return m ? { kind: m[1] as OverlapKind, key: m[2]! } : null;
}

const byKey = <T>(xs: T[], key: (x: T) => string) =>
  [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

function sidesFor(
  snapshot: ProcurementSnapshot,
  orgIds: Iterable<string>,
  productIds: Set<string>,
): SideModel[] {
  const sides: SideModel[] = [];
  for (const orgId of orgIds) {
    const licences = snapshot.licences.filter(
      (l) => l.organisationId === orgId && productIds.has(l.productId),
    );
    if (licences.length === 0) continue;
    sides.push({
      organisationId: orgId,
      productIds: [...new Set(licences.map((l) => l.productId))].sort(),
      licences,
      contracts: [],
    });
  }
  const code = (s: SideModel) => snapshot.organisationById.get(s.organisationId)?.code ?? s.organisationId;
  return byKey(sides, code);
}

const byCode = (snapshot: ProcurementSnapshot) => (s: SideModel) =>
  snapshot.organisationById.get(s.organisationId)?.code ?? s.organisationId;

/**
 * Live contracts without active licences, by job and then organisation. Cached per snapshot and date.
 */
const unlicensedCache = new WeakMap<ProcurementSnapshot, Map<number, Map<string, Map<string, Contract[]>>>>();
export function unlicensedContractsByJob(
  snapshot: ProcurementSnapshot,
  asOf: Date,
): Map<string, Map<string, Contract[]>> {
  const perDate = unlicensedCache.get(snapshot) ?? new Map<number, Map<string, Map<string, Contract[]>>>();
  unlicensedCache.set(snapshot, perDate);
  const cached = perDate.get(asOf.getTime());
  if (cached) return cached;
  const withLicences = new Set(snapshot.licences.map((l) => l.contractId));
  const out = new Map<string, Map<string, Contract[]>>();
  for (const c of snapshot.contractById.values()) {
    if (c.status !== "ACTIVE" || withLicences.has(c.id)) continue;
    if (!snapshot.organisationById.has(c.organisationId)) continue;
    if (c.endDate && c.endDate.getTime() < asOf.getTime()) continue;
    const job = contractCapability(c).capabilityCode;
    if (!job || !isJobCode(job)) continue;
    const perOrg = out.get(job) ?? new Map<string, Contract[]>();
    perOrg.set(c.organisationId, [...(perOrg.get(c.organisationId) ?? []), c]);
    out.set(job, perOrg);
  }
  for (const perOrg of out.values())
    for (const list of perOrg.values()) list.sort((a, b) => (a.reference < b.reference ? -1 : 1));
  perDate.set(asOf.getTime(), out);
  return out;
}

/** Every overlap among the snapshot's organisations on `asOf` (live contracts), by id. */
export function detectOverlaps(snapshot: ProcurementSnapshot, asOf: Date): OverlapModel[] {
  const held = new Map<string, Set<string>>(); // organisation → products
  for (const l of snapshot.licences) {
    const set = held.get(l.organisationId) ?? new Set<string>();
    set.add(l.productId);
    held.set(l.organisationId, set);
  }
  const out: OverlapModel[] = [];

  const holders = new Map<string, Set<string>>(); // product → organisations
  for (const [orgId, products] of held) {
    for (const p of products) holders.set(p, (holders.get(p) ?? new Set()).add(orgId));
  }
  for (const [productId, orgs] of holders) {
    if (orgs.size < 2) continue;
    out.push({
      id: overlapId("SAME_PRODUCT", productId),
      kind: "SAME_PRODUCT",
      capabilityCode: productCapabilityCode(snapshot, productId),
      productIds: [productId],
      sides: sidesFor(snapshot, orgs, new Set([productId])),
    });
  }

  const byJob = new Map<string, Map<string, Set<string>>>(); // job → organisation → products doing it
  for (const [orgId, products] of held) {
    for (const p of products) {
      for (const code of productJobCodes(snapshot, p)) {
        const perOrg = byJob.get(code) ?? new Map<string, Set<string>>();
        perOrg.set(orgId, (perOrg.get(orgId) ?? new Set()).add(p));
        byJob.set(code, perOrg);
      }
    }
  }
  for (const [code, perOrg] of byJob) {
    const orgs = [...perOrg.keys()].sort();
    const products = new Set<string>();
    const involved = new Set<string>();
    for (let i = 0; i < orgs.length; i++) {
      for (let j = i + 1; j < orgs.length; j++) {
        const a = perOrg.get(orgs[i]!)!;
        const b = perOrg.get(orgs[j]!)!;
        const onlyA = [...a].filter((p) => !b.has(p));
        const onlyB = [...b].filter((p) => !a.has(p));
        if (onlyA.length === 0 || onlyB.length === 0) continue;
        for (const p of [...onlyA, ...onlyB]) products.add(p);
        involved.add(orgs[i]!).add(orgs[j]!);
      }
    }
    if (products.size === 0) continue;
    out.push({
      id: overlapId("SAME_JOB", code),
      kind: "SAME_JOB",
      capabilityCode: code,
      productIds: [...products].sort(),
      sides: sidesFor(snapshot, involved, products),
    });
  }
  for (const [job, perOrg] of unlicensedContractsByJob(snapshot, asOf)) {
    if (perOrg.size < 2) continue;
    const sides: SideModel[] = [...perOrg.entries()].map(([organisationId, contracts]) => ({
      organisationId,
      productIds: [],
      licences: [],
      contracts,
    }));
    out.push({
      id: overlapId("CONTRACTS_ONLY", job),
      kind: "CONTRACTS_ONLY",
      capabilityCode: job,
      productIds: [],
      sides: byKey(sides, byCode(snapshot)),
    });
  }
  return byKey(out, (o) => o.id);
}
