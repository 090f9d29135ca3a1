// What the procurement page asks the API for: the overlaps, the renewals and the seat positions, with
// the shapes of their answers. The one-overlap view's queries are in detail-data.ts.

/** Seats of one metric across an overlap or one organisation's side of it. */
export interface SeatCount {
  metric: string;
  owned: number;
  used: number;
}

/** The overlap kinds, in schema order (schema/procurement.graphql `OverlapKind`). */
export const OVERLAP_KINDS = ["SAME_PRODUCT", "SAME_JOB", "CONTRACTS_ONLY"] as const;

/** When savings are priced (schema/procurement.graphql `TimingChoice`). */
export const TIMING_CHOICES = ["BEST", "NOW", "NATURAL"] as const;

/** The recommended consolidation of an overlap; money null when hidden. */
export interface OverlapSaving {
  product: { name: string; edition: string };
  annualSaving: string | null;
  timing: "NOW" | "NATURAL";
  date: string;
  exitCost: string | null;
  npv: string | null;
  horizonYears: number;
}

/** One licence overlap as the overlaps table and its CSV export show it. */
export interface OverlapRow {
  id: string;
  kind: (typeof OVERLAP_KINDS)[number];
  capabilityCode: string | null;
  capability: { name: string } | null;
  label: string;
  productLabels: string[];
  /** Commercial: null unless valuesVisible (hidden when any side's figures are). */
  annualCost: string | null;
  valuesVisible: boolean;
  hiddenFor: string[];
  organisationCodes: string[];
  earliestContractEnd: string | null;
  latestContractEnd: string | null;
  seats: SeatCount[];
  licenceIds: string[];
  contractIds: string[];
  cotermination: {
    coterminable: boolean;
    alreadyCoterminous: boolean;
    commonEndDate: string | null;
    cost: string | null;
    valuesVisible: boolean;
  };
  /** The recommended consolidation, or null (none fits, contracts only, or figures hidden). */
  saving: OverlapSaving | null;
}

/** The overlaps, narrowed by the filters (all optional). */
export const OVERLAPS = /* GraphQL */ `
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
      }
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
`;

/** A capability, for the capability filter. */
export interface Capability {
  code: string;
  name: string;
  level?: "DOMAIN" | "CAPABILITY" | "JOB";
  parent?: { code: string } | null;
}

/** Every capability (code and name). */
export const CAPABILITIES = "query Capabilities { capabilities { code name level parent { code } } }";

/** One contract on the renewals timeline. */
export interface RenewalRow {
  contract: { id: string; reference: string; title: string; supplierName: string | null };
  organisation: { code: string; name: string };
  deadline: string;
  endDate: string | null;
  noticeDeadline: string | null;
  endsInWindow: boolean;
  noticeDeadlineInWindow: boolean;
  overlapIds: string[];
}

/** Contracts ending or reaching their notice deadline between two dates. */
export const RENEWALS = /* GraphQL */ `
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
`;

/** One organisation's seats of one product, owned against used, priced. */
export interface PositionRow {
  organisation: { code: string; name: string };
  product: { name: string; edition: string; vendor: { name: string } };
  /** Commercial: null unless valuesVisible. */
  shelfwareCost: string | null;
  shortfallCost: string | null;
  valuesVisible: boolean;
  metrics: {
    metric: string;
    owned: number;
    used: number;
    shelfware: number;
    shortfall: number;
    unitCost: string | null;
    method: string;
  }[];
}

/** Licence positions with shelfware or with a shortfall. */
export const POSITIONS = /* GraphQL */ `
  query ProcurementPositions($imbalance: Imbalance, $organisations: [String!]) {
    licencePositions(imbalance: $imbalance, organisations: $organisations) {
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
`;
