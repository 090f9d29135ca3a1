// What the one-overlap view asks the API for: the overlap side by side, and the consolidation saving
// with every target considered.
import { graphql } from "../graphql.ts";
import type { ProcurementSavingsQuery } from "../graphql.ts";
import type { ProcurementOverlapQuery, ItemOf } from "../graphql.ts";
import type { SeatCount } from "./data.ts";

/** One organisation's side of an overlap: its licences, contracts and related procurement records. */
export type DetailSide = ItemOf<NonNullable<Detail["licenceOverlap"]>["sides"]>;

/** One licence the others could be consolidated onto, priced (every figure null when valuesVisible is false). */
export type Candidate = ItemOf<Savings["consolidationSavings"]["candidates"]>;

/** A point product retired because a suite its council already owns does its job. */
export type SuiteCover = ItemOf<Savings["consolidationSavings"]["coveredBySuite"]>;

/** The answer to DETAIL: null when the overlap no longer exists. */
export type Detail = ProcurementOverlapQuery;

/** The answer to SAVINGS. */
export type Savings = ProcurementSavingsQuery;

/** One overlap with each organisation's side and the co-termination. */
export const DETAIL = graphql(`
  query ProcurementOverlap($id: ID!) {
    licenceOverlap(id: $id) {
      id
      kind
      label
      annualCost
      valuesVisible
      hiddenFor
      capability {
        name
      }
      sides {
        organisation {
          code
          name
        }
        annualCost
        valuesVisible
        seats {
          metric
          owned
          used
        }
        licences {
          id
          metric
          quantityOwned
          quantityUsed
          unitCost
          annualCost
          valuesVisible
          product {
            name
            edition
            vendor {
              name
            }
          }
          contract {
            id
            reference
          }
        }
        contracts {
          id
          reference
          title
          supplierName
          endDate
          noticeDeadline
          annualValue
          valuesVisible
          renewalTerms
        }
        relatedContracts {
          id
          reference
          title
          endDate
          ocid
          capability {
            method
            evidence
          }
        }
      }
      cotermination {
        coterminable
        alreadyCoterminous
        commonEndDate
        cost
        valuesVisible
        hiddenFor
        obstacles
        method
      }
    }
  }
`);

/** The consolidation saving of one overlap, with every candidate target. */
export const SAVINGS = graphql(`
  query ProcurementSavings($id: ID!, $timing: TimingChoice) {
    consolidationSavings(overlapId: $id, timing: $timing) {
      asOf
      currentAnnualCost
      valuesVisible
      hiddenFor
      formula
      rounding
      noRecommendationBecause
      leadTimeMonths
      annualSaving
      summary
      coveredBySuite {
        organisation {
          code
        }
        product {
          name
          edition
        }
        suite {
          name
          edition
        }
        contract {
          id
          reference
        }
        annualSaving
        timing
        date
        exitCost
        npv
        method
      }
      sides {
        organisation {
          code
        }
        currentAnnualCost
        valuesVisible
      }
      candidates {
        product {
          name
          edition
        }
        metric
        recommended
        targetLicence {
          organisation {
            code
          }
        }
        targetContract {
          id
          reference
        }
        targetUnitPrice
        seatsNeeded
        seatsBySide {
          organisationCode
          used
        }
        seatCost
        targetFixedCharge
        duplicateFixedCharges
        keptAnnualCost
        consolidatedAnnualCost
        currentAnnualCost
        annualSaving
        exitCost
        paybackMonths
        consolidationDate
        chosenTiming
        chosenBecause
        npv
        horizonYears
        timings {
          kind
          date
          exitCost
          npv
        }
        valuesVisible
        hiddenFor
        problems
        method
        licenceIds
        contractIds
      }
    }
  }
`);
