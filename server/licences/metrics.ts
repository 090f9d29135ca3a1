// What a licence's metric means for pricing, shared by procurement's savings and the planning engine.
import type { LicenceMetric } from "../../generated/prisma/client.ts";

/** Metrics whose one unit covers a whole organisation (with SUBSCRIPTION only when one is owned). */
const ORGANISATION_WIDE: ReadonlySet<LicenceMetric> = new Set(["SITE", "ENTERPRISE", "SUBSCRIPTION"]);

/**
 * True when a licence is one flat, organisation-wide charge however many use it: a SITE or ENTERPRISE
 * licence, or a SUBSCRIPTION of one (a SaaS or capacity term, its unit price the whole charge). Such a
 * licence adds no cost per seat, and its price is for the organisation holding it — no evidence for
 * covering another organisation too. A SUBSCRIPTION of more than one is priced per seat, like USER,
 * DEVICE and CORE licences.
 */
export function organisationWide(l: { metric: LicenceMetric | string; quantityOwned: number }): boolean {
  return ORGANISATION_WIDE.has(l.metric as LicenceMetric) && (l.metric !== "SUBSCRIPTION" || l.quantityOwned <= 1);
}
