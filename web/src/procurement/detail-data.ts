// What the one-overlap view asks the API for: the overlap side by side, and the consolidation saving
// with every target considered.
import type { SeatCount } from "./data.ts";

/** One organisation's side of an overlap: its licences, contracts and related procurement records. */
export interface DetailSide {
  organisation: { code: string; name: string };
  /** Commercial: null unless valuesVisible. */
  annualCost: string | null;
  valuesVisible: boolean;
  seats: SeatCount[];
  licences: {
    id: string;
    metric: string;
    quantityOwned: number;
    quantityUsed: number;
    unitCost: string | null;
    annualCost: string | null;
    valuesVisible: boolean;
    product: { name: string; edition: string; vendor: { name: string } };
    contract: { reference: string } | null;
  }[];
  contracts: {
    id: string;
    reference: string;
    title: string;
    supplierName: string | null;
    endDate: string | null;
    noticeDeadline: string | null;
    annualValue: string | null;
    valuesVisible: boolean;
    renewalTerms: string | null;
  }[];
  relatedContracts: {
    id: string;
    reference: string;
    title: string;
    endDate: string | null;
    ocid: string | null;
    capability: { method: string; evidence: string | null };
  }[];
}

/** One licence the others could be consolidated onto, priced (every figure null when valuesVisible is false). */
export interface Candidate {
  product: { name: string; edition: string };
  metric: string;
  recommended: boolean;
  targetLicence: { organisation: { code: string } };
  targetContract: { reference: string } | null;
  targetUnitPrice: string | null;
  seatsNeeded: number;
  seatsBySide: { organisationCode: string; used: number }[];
  seatCost: string | null;
  targetFixedCharge: string | null;
  duplicateFixedCharges: string | null;
  keptAnnualCost: string | null;
  consolidatedAnnualCost: string | null;
  currentAnnualCost: string | null;
  annualSaving: string | null;
  exitCost: string | null;
  paybackMonths: number | null;
  consolidationDate: string;
  chosenTiming: "NOW" | "NATURAL";
  chosenBecause: string;
  npv: string | null;
  horizonYears: number;
  timings: { kind: "NOW" | "NATURAL"; date: string; exitCost: string | null; npv: string | null }[];
  valuesVisible: boolean;
  hiddenFor: string[];
  problems: string[];
  method: string;
  licenceIds: string[];
  contractIds: string[];
}

/** The answer to DETAIL: null when the overlap no longer exists. */
export interface Detail {
  licenceOverlap: {
    id: string;
    kind: string;
    label: string;
    capability: { name: string } | null;
    annualCost: string | null;
    valuesVisible: boolean;
    hiddenFor: string[];
    sides: DetailSide[];
    cotermination: {
      coterminable: boolean;
      alreadyCoterminous: boolean;
      commonEndDate: string | null;
      cost: string | null;
      valuesVisible: boolean;
      hiddenFor: string[];
      obstacles: string[];
      method: string;
    };
  } | null;
}

/** The answer to SAVINGS. */
export interface Savings {
  consolidationSavings: {
    asOf: string;
    currentAnnualCost: string | null;
    valuesVisible: boolean;
    hiddenFor: string[];
    formula: string;
    rounding: string;
    sides: { organisation: { code: string }; currentAnnualCost: string | null; valuesVisible: boolean }[];
    candidates: Candidate[];
  };
}

/** One overlap with each organisation's side and the co-termination. */
export const DETAIL = /* GraphQL */ `
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
`;

/** The consolidation saving of one overlap, with every candidate target. */
export const SAVINGS = /* GraphQL */ `
  query ProcurementSavings($id: ID!, $timing: TimingChoice) {
    consolidationSavings(overlapId: $id, timing: $timing) {
      asOf
      currentAnnualCost
      valuesVisible
      hiddenFor
      formula
      rounding
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
`;
