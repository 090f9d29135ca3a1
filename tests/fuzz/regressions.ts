// Counterexamples fast-check found (default seed 20261126 unless noted), kept as fixed cases: each replays
// the call through the same checks as the properties, from the fixture estate, never masked. They fail until
// the bug named (known-bugs.ts) is fixed and must pass for good afterwards. Cases marked "hand-written" are
// the same bug reached by another path, written from reading the code, not found by the generator.
import { OMITTED, row, version, type Call } from "./values.ts";

/** A fixed case: the bug it shows (known-bugs.ts), what goes wrong, and the call. */
export interface Regression {
  bug: string;
  title: string;
  call: Call;
}

export const REGRESSIONS: Regression[] = [
  // B1 — NUL (U+0000) reaches PostgreSQL: 22021 → INTERNAL_SERVER_ERROR.
  {
    bug: "B1",
    title: "a NUL in patch.address is a 500",
    call: {
      mutation: "updateSite",
      args: {
        id: row("Site", "SCC", 0, "upperUuid"),
        version: version("current"),
        patch: {
          address: "\u0000",
          racks: 0,
          racksUsed: 0,
          floorSpaceM2: null,
          pue: 1,
          tier: 1,
          description: null,
        },
      },
      inline: true,
    },
  },
  {
    bug: "B1",
    title: "a NUL in input.notes is a 500",
    call: {
      mutation: "createLicence",
      args: {
        input: {
          organisation: "SCC",
          product: row("Product", "ANY", 0),
          contract: null,
          metric: "USER",
          quantityOwned: 0,
          quantityUsed: 0,
          unitCost: null,
          annualCost: "0.00",
          notes: "\u0000",
        },
      },
      inline: true,
    },
  },
  {
    bug: "B1",
    title: "a NUL in patch.notes is a 500",
    call: {
      mutation: "updateLicence",
      args: {
        id: row("Licence", "SCC", 0),
        version: version("current"),
        patch: {
          contract: row("Contract", "SCC", 0),
          metric: OMITTED,
          quantityOwned: 0,
          quantityUsed: 0,
          notes: "\u0000",
        },
      },
      inline: true,
    },
  },
  {
    bug: "B1",
    title: "a NUL in patch.supplierName is a 500",
    call: {
      mutation: "updateContract",
      args: {
        id: row("Contract", "SCC", 0, "upperUuid"),
        version: version("current"),
        patch: { supplierName: "\u0000", noticePeriodDays: 0, renewalTerms: null, cpvCode: "00000000" },
      },
      inline: true,
    },
  },
  {
    bug: "B1",
    title: "a NUL in postcode is a 500",
    call: {
      mutation: "createSite",
      args: {
        input: {
          organisation: "SCC",
          name: "Civic Centre aaaa0",
          kind: "DATA_CENTRE",
          lifecycle: "PLANNED",
          postcode: "\u0000",
          powerKw: 0,
          powerUsedKw: 0,
          floorSpaceM2: null,
          annualCost: "0.00",
          description: " ",
        },
      },
      inline: false,
    },
  },
  {
    bug: "B1",
    title: "a NUL in an organisation code is a 500, before any permission check",
    call: {
      mutation: "grantRole",
      args: { user: row("User", "SCC", 0, "upperUuid"), organisation: "SCC\u0000", role: "VIEWER" },
      inline: false,
    },
  },
  {
    bug: "B1",
    title: "a NUL in an organisation code is a 500, before any permission check",
    call: {
      mutation: "revokeRole",
      args: { user: row("User", "SCC", 0, "upperUuid"), organisation: "SCC\u0000", role: "VIEWER" },
      inline: false,
    },
  },
  {
    bug: "B1",
    title: "a NUL in a product-match source is a 500",
    call: {
      mutation: "submitProductTitles",
      args: { titles: ["Civic Centre 000a"], source: "\u0000 U[u" },
      inline: true,
    },
  },
  {
    bug: "B1",
    title: "a NUL in an OCDS ocid is a 500 (hand-written)",
    call: {
      mutation: "importOcds",
      args: {
        json: {
          releases: [{ ocid: "ocds-b5fd17-\u0000", buyer: { id: "GB-LAE-SCC" }, tender: { title: "Nul" } }],
        },
      },
      inline: false,
    },
  },

  // B2 — fixed in 75dbfa2 (LIKE wildcards in case-insensitive lookups); these must keep passing.
  {
    bug: "B2",
    title: 'organisation code "%" names no organisation (fixed)',
    call: {
      mutation: "createSite",
      args: { input: { organisation: "%", name: "Wildcard site", kind: "OFFICE" } },
      inline: false,
    },
  },
  {
    bug: "B2",
    title: "an organisation code ending in a backslash is NOT_FOUND, not a 500 (fixed)",
    call: {
      mutation: "createAsset",
      args: { input: { organisation: "S\\", name: "Backslash asset", kind: "SERVER" } },
      inline: false,
    },
  },
  {
    bug: "B2",
    title: 'an asset named "%" is not a duplicate of every asset (fixed)',
    call: {
      mutation: "createAsset",
      args: { input: { organisation: "SCC", name: "%", kind: "SERVER" } },
      inline: false,
    },
  },

  // B3 — dates PostgreSQL cannot hold, and a deadline before year 1.
  {
    bug: "B3",
    title: "endDate 0000-01-01 passes the Date scalar and is a 500",
    call: {
      mutation: "updateContract",
      args: {
        id: row("Contract", "SCC", 0),
        version: version("current"),
        patch: {
          reference: "Civic Centre a000a",
          startDate: null,
          endDate: "0000-01-01",
          noticePeriodDays: 0,
          annualValue: "0",
          renewalTerms: "Civic Centre",
          cpvCode: "00000000",
        },
      },
      inline: true,
    },
  },
  {
    bug: "B3",
    title: 'noticeDeadline of an end date in year 1 reads "-000009-01", not a Date (hand-written)',
    call: {
      mutation: "createContract",
      args: {
        input: {
          organisation: "SCC",
          reference: "R-deadline",
          title: "Early",
          endDate: "0001-01-05",
          noticePeriodDays: 3650,
        },
      },
      inline: false,
    },
  },
  {
    bug: "B3",
    title: "an OCDS contract period in year 0000 is a 500 (hand-written)",
    call: {
      mutation: "importOcds",
      args: {
        json: {
          releases: [
            {
              ocid: "ocds-b5fd17-fuzz-year00",
              buyer: { id: "GB-LAE-SCC" },
              tender: { title: "Year zero", contractPeriod: { startDate: "0000-03-01T00:00:00Z" } },
            },
          ],
        },
      },
      inline: false,
    },
  },
  {
    bug: "B3",
    title: "an OCDS release date outside PostgreSQL's timestamps is a 500 (hand-written)",
    call: {
      mutation: "importOcds",
      args: {
        json: {
          releases: [
            {
              ocid: "ocds-b5fd17-fuzz-rdate0",
              date: "-271821-04-20T00:00:00Z",
              buyer: { id: "GB-LAE-SCC" },
              tender: { title: "Far past" },
            },
          ],
        },
      },
      inline: false,
    },
  },

  // B4 — createLicence's default annual cost overflows bigint.
  {
    bug: "B4",
    title: "unit cost × quantity owned beyond bigint is a 500",
    call: {
      mutation: "createLicence",
      args: {
        input: {
          organisation: "SCC",
          product: row("Product", "ANY", 0),
          contract: null,
          metric: "USER",
          quantityOwned: 120,
          quantityUsed: 0,
          unitCost: "768614336404564.99",
          annualCost: null,
          notes: OMITTED,
        },
      },
      inline: true,
    },
  },

  // B5 — lone surrogates are stored as U+FFFD: what is read back is not what was accepted.
  {
    bug: "B5",
    title: "a token name ending in a lone high surrogate reads back with U+FFFD",
    call: { mutation: "createApiToken", args: { name: "x\udbff", expiresInDays: 1 }, inline: false },
  },
  {
    bug: "B5",
    title: "an asset name starting with a lone high surrogate reads back with U+FFFD",
    call: {
      mutation: "createAsset",
      args: {
        input: {
          organisation: "SCC",
          product: null,
          name: "\ud800 a00aa",
          kind: "APPLICATION",
          criticality: "HIGH",
          annualRunCost: " 7.25 ",
          storageTb: 8e-323,
          bandwidthMbps: 10,
          bandwidthUsedMbps: 10,
        },
      },
      inline: false,
    },
  },
  {
    bug: "B5",
    title: "an address that is a lone low surrogate reads back as U+FFFD",
    call: {
      mutation: "updateSite",
      args: {
        id: row("Site", "SCC", 0, "upperUuid"),
        version: version("current"),
        patch: {
          address: "\udfff",
          racks: 0,
          racksUsed: 0,
          floorSpaceM2: null,
          pue: 1,
          tier: 1,
          description: null,
        },
      },
      inline: false,
    },
  },

  // B6 — an OCDS amount beyond bigint.
  {
    bug: "B6",
    title: "an OCDS tender value of 92233720368547759 pounds is a 500",
    call: {
      mutation: "importOcds",
      args: {
        json: {
          records: [
            {
              ocid: "ocds-b5fd17-fuzz-0aa0a0",
              compiledRelease: {
                ocid: "ocds-b5fd17-fuzz-0aa0a0",
                tender: { value: { amount: "92233720368547759", currency: "GBP" } },
              },
            },
          ],
        },
        organisation: "SCC",
        dryRun: false,
      },
      inline: false,
    },
  },

  // B7 — a document that does not parse is answered with code GRAPHQL_PARSE_FAILED.
  {
    bug: "B7",
    title: "a lone surrogate escaped in an inline string gives GRAPHQL_PARSE_FAILED",
    call: {
      mutation: "createSite",
      args: {
        input: {
          organisation: "SCC",
          name: "Civic Centre aaa00",
          kind: "DATA_CENTRE",
          address: "\ud800 \t",
          postcode: "\t",
          racks: 0,
          racksUsed: 0,
          tier: 1,
        },
      },
      inline: true,
    },
  },
  {
    bug: "B7",
    title: "a lone surrogate in an inline title gives GRAPHQL_PARSE_FAILED",
    call: {
      mutation: "submitProductTitles",
      args: { titles: ["\ud800 <script>alert(1)</script>", "Unheard-of Widget Suite"], source: null },
      inline: true,
    },
  },
  // P1 — deleting a scenario took its moves (ON DELETE CASCADE) with no audit event for any of them, though
  // the schema says the audit trail keeps them. Fixed: one DELETE event per move (server/planning/move-audit.ts).
  {
    bug: "P1",
    title: "deleting a scenario with moves leaves no audit event for its moves",
    call: {
      mutation: "deleteScenario",
      args: { id: row("Scenario", "SCC", 0), version: version("current") },
      inline: true,
    },
  },
  // P2 — a what-if copy or a new revision created its moves with no CREATE event (addMoves writes one per
  // move). Fixed: one CREATE event per copied move.
  {
    bug: "P2",
    title: "a what-if copy's moves have no audit event",
    call: {
      mutation: "copyScenario",
      args: { id: row("Scenario", "SCC", 0), name: "<script>alert(1)</script> 0a000" },
      inline: false,
    },
  },
  {
    bug: "P2",
    title: "a new revision's moves have no audit event (hand-written: the approved plan)",
    call: {
      mutation: "reviseScenario",
      args: { id: row("Scenario", "SCC", 5), version: version("current") },
      inline: false,
    },
  },
  // P3 — a null carbon factor was ignored by updateScenario (kept, not cleared, not refused) and taken as an
  // undocumented default by createScenario. Fixed: refused in a patch as patch.<field>; the schema states
  // the default a new scenario takes.
  {
    bug: "P3",
    title: "a null carbonFactorYear in a patch is silently ignored",
    call: {
      mutation: "updateScenario",
      args: { id: row("Scenario", "SCC", 0), version: version("current"), patch: { carbonFactorYear: null } },
      inline: false,
    },
  },
  {
    bug: "P3",
    title: "a null carbonFactorYear in a new scenario takes a default the schema did not state",
    call: {
      mutation: "createScenario",
      args: {
        input: {
          name: "Civic Centre a0a0a",
          description: "",
          startDate: "1970-01-01",
          horizonYears: null,
          waveLengthMonths: 1,
          maxMovesPerWave: 1,
          maxEffortDaysPerWave: 1,
          discountRatePercent: OMITTED,
          costSplit: OMITTED,
          carbonFactorGramsPerKwh: 1,
          carbonFactorYear: null,
          organisations: ["SCC", "DCC"],
          targets: [],
        },
      },
      inline: false,
    },
  },
  // P4 — a saving override's reason sent without an override was dropped (stored null) and the call
  // accepted. Fixed: refused, naming savingOverrideReason (hand-written: the generator pairs them).
  {
    bug: "P4",
    title: "a savingOverrideReason without a savingOverride is silently dropped",
    call: {
      mutation: "addMove",
      args: {
        scenarioId: row("Scenario", "SCC", 10),
        input: { kind: "RETIRE", asset: row("Asset", "SCC", 1), savingOverrideReason: "agreed with finance" },
      },
      inline: false,
    },
  },
];
