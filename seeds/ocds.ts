// Public procurement records loaded with the seeds: the councils' ICT contracts from an OCDS record
// package (Contracts Finder / Find a Tender, public data, copied into seeds/data/ so the repository is
// self-contained). Records whose buyer is identifiable are imported; the others are reported and left
// out — they can be imported later with an explicit organisation (`npm run import:ocds`).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SYSTEM_ACTOR } from "../server/shared/actor.ts";
import type { Tx } from "../server/shared/writes.ts";
import { matchBuyer, parseOcdsPackage } from "../server/licences/ocds.ts";
import { importOcdsInTransaction, type OcdsImportReport } from "../server/procurement/ocds-import.ts";
import type { OrganisationRow } from "./types.ts";

/** The seed OCDS record package. */
export const OCDS_SEED_FILE = fileURLToPath(
  new URL("./data/ict-contracts-record-package.json", import.meta.url),
);

/** The seed package, parsed as JSON. */
export function ocdsSeedPackage(): unknown {
  return JSON.parse(readFileSync(OCDS_SEED_FILE, "utf8"));
}

/** How many seed records name a buyer that is one of `organisations` (the contracts the seed adds). */
export function ocdsSeedContractCount(organisations: readonly OrganisationRow[]): number {
  return parseOcdsPackage(ocdsSeedPackage()).drafts.filter((d) => matchBuyer(d.buyer, organisations) !== null)
    .length;
}

/** Imports the seed package in the seeding transaction, as the system; returns the per-record report. */
export function loadOcdsSeed(tx: Tx): Promise<OcdsImportReport> {
  return importOcdsInTransaction(tx, SYSTEM_ACTOR, ocdsSeedPackage());
}
