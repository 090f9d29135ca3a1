// What the procurement page asks the API for: the overlaps, the renewals and the seat positions, with
// the shapes of their answers. The one-overlap view's queries are in detail-data.ts.
import { OverlapKind, graphql } from "../graphql.ts";
import type { ProcurementPositionsQuery } from "../graphql.ts";
import type { ProcurementRenewalsQuery } from "../graphql.ts";
import type { CapabilitiesQuery } from "../graphql.ts";
import type { ItemOf, ProcurementOverlapsQuery, ProcurementOverlapTotalsQuery } from "../graphql.ts";

/** Seats of one metric across an overlap or one organisation's side of it. */
export type SeatCount = ItemOf<OverlapRow["seats"]>;

/** The overlap kinds, in schema order (schema/procurement.graphql `OverlapKind`). */
export const OVERLAP_KINDS = Object.values(OverlapKind);

/** When savings are priced (schema/procurement.graphql `TimingChoice`). */
export const TIMING_CHOICES = ["BEST", "NOW", "NATURAL"] as const;

/** One licence overlap as the overlaps table and its CSV export show it. */
export type OverlapRow = ItemOf<ProcurementOverlapsQuery["licenceOverlaps"]>;

/** The recommended consolidation of an overlap; money null when hidden. */
export type OverlapSaving = NonNullable<OverlapRow["saving"]>;

/** The overlaps, narrowed by the filters (all optional). */
export const OVERLAPS = graphql(`
  query ProcurementOverlaps(
    $organisations: [String!]
    $capability: String
    $minAnnualSpend: Money
    $kind: OverlapKind
    $timing: TimingChoice
  ) {
    licenceOverlaps(
      organisations: $organisations
      capability: $capability
      minAnnualSpend: $minAnnualSpend
      kind: $kind
      timing: $timing
    ) {
      saving {
        status
        reason
        summary
        product {
          name
          edition
        }
        annualSaving
        timing
        date
        exitCost
        npv
        horizonYears
        targetRenewalNeededBy
        warnings
        needsExtension
        noticePassed
        extensions {
          contract {
            reference
          }
          extendTo
          obstacle
        }
        bySide {
          organisation {
            code
          }
          annualSaving
        }
        coveredBySuite {
          product {
            name
          }
          suite {
            name
            edition
          }
          organisation {
            code
          }
          timing
          date
        }
      }
      contractsWithoutValue
      id
      kind
      capabilityCode
      label
      productLabels
      annualCost
      valuesVisible
      hiddenFor
      organisationCodes
      earliestContractEnd
      latestContractEnd
      licenceIds
      contractIds
      capability {
        name
      }
      seats {
        metric
        owned
        used
      }
      cotermination {
        coterminable
        alreadyCoterminous
        commonEndDate
        cost
        valuesVisible
      }
    }
  }
`);

/** Totals a report can quote for a set of overlaps (server/procurement/totals.ts). */
export type OverlapTotalsResult = ProcurementOverlapTotalsQuery["licenceOverlapTotals"];

/** The totals of the overlaps shown (by id) under the same filters. */
export const OVERLAP_TOTALS = graphql(`
  query ProcurementOverlapTotals(
    $organisations: [String!]
    $capability: String
    $minAnnualSpend: Money
    $kind: OverlapKind
    $timing: TimingChoice
    $overlapIds: [ID!]
  ) {
    licenceOverlapTotals(
      organisations: $organisations
      capability: $capability
      minAnnualSpend: $minAnnualSpend
      kind: $kind
      timing: $timing
      overlapIds: $overlapIds
    ) {
      asOf
      leadTimeMonths
      horizonYears
      timing
      overlaps
      valuesVisible
      hiddenFor
      annualSaving
      counted
      exitCost
      exitCostUnknown
      npv
      byOrganisation {
        organisation {
          code
        }
        annualSaving
      }
      needsQuoteSaving
      needsQuoteCount
      noSavingCount
      leftOutAsCounted {
        overlapId
        countedIn
      }
      needsExtensionSaving
      needsExtensionCount
      bridgeSpend
      noticePassedCount
      noticePassedSaving
      targetRenewalCount
      targetRenewalSaving
      extensionSpend
      extendedContracts
      extensionWithoutValue
      contractsWithoutValue
      method
    }
  }
`);

/** A capability, for the capability filter. */
export type Capability = ItemOf<CapabilitiesQuery["capabilities"]>;

/** Every capability (code, name, level and parent). */
export const CAPABILITIES = graphql(`
  query Capabilities {
    capabilities {
      code
      name
      level
      parent {
        code
      }
    }
  }
`);

/** One contract on the renewals timeline. */
export type RenewalRow = ItemOf<ProcurementRenewalsQuery["renewals"]["items"]>;

/** Contracts ending or reaching their notice deadline between two dates. */
export const RENEWALS = graphql(`
  query ProcurementRenewals($from: Date!, $to: Date!, $organisation: String) {
    renewals(from: $from, to: $to, organisation: $organisation) {
      items {
        deadline
        endDate
        noticeDeadline
        endsInWindow
        noticeDeadlineInWindow
        overlapIds
        contract {
          id
          reference
          title
          supplierName
        }
        organisation {
          code
          name
        }
      }
    }
  }
`);

/** One organisation's seats of one product, owned against used, priced. */
export type PositionRow = ItemOf<ProcurementPositionsQuery["licencePositions"]>;

/** Licence positions with shelfware or with a shortfall. */
export const POSITIONS = graphql(`
  query ProcurementPositions($imbalance: Imbalance, $organisations: [String!], $orderBy: PositionOrder) {
    licencePositions(imbalance: $imbalance, organisations: $organisations, orderBy: $orderBy) {
      organisation {
        code
        name
      }
      product {
        name
        edition
        vendor {
          name
        }
      }
      shelfwareCost
      shortfallCost
      valuesVisible
      metrics {
        metric
        owned
        used
        shelfware
        shortfall
        unitCost
        method
      }
    }
  }
`);
