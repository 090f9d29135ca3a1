// The organisations in the seed estate: the two councils and the (still empty) shared service.
import { gbp, seedId } from "./keys.ts";
import type { OrganisationRow } from "./types.ts";

/** Organisation codes used throughout the seeds. */
export const ORG_CODES = { scc: "SCC", dcc: "DCC", shared: "SHARED" } as const;

/** The seed organisations: Sunderland, Durham and the shared service they are forming. */
export function buildOrganisations(): OrganisationRow[] {
  return [
    {
      id: seedId("organisation", ORG_CODES.scc),
      code: ORG_CODES.scc,
      name: "Sunderland City Council",
      kind: "COUNCIL",
      identifiers: ["GB-LAE-SND"],
      annualIctBudgetPence: gbp(10_150_000),
      staffFte: "140.50",
      // About 7.5% of the ICT budget a year: the order of the "designated savings targets" of the report.
      savingsTargetPence: gbp(760_000),
    },
    {
      id: seedId("organisation", ORG_CODES.dcc),
      code: ORG_CODES.dcc,
      name: "Durham County Council",
      kind: "COUNCIL",
      identifiers: ["GB-LAE-DUR", "GB-CFS-49652"],
      annualIctBudgetPence: gbp(7_900_000),
      staffFte: "109.60",
      savingsTargetPence: gbp(590_000),
    },
    {
      id: seedId("organisation", ORG_CODES.shared),
      code: ORG_CODES.shared,
      name: "North East ICT Shared Service",
      kind: "SHARED_SERVICE",
      identifiers: [],
      annualIctBudgetPence: 0n,
      staffFte: "0.00",
      savingsTargetPence: 0n,
    },
  ];
}
