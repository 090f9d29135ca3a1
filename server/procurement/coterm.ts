// Co-termination: aligning the contracts behind an overlap so they end on the same day, the later end
// date. Pure: no database.
//
// Formula. Let L be the latest end date among the overlap's contracts. For each contract c ending on
// e_c, the extension is d_c = L − e_c days and the basis B_c is the annual cost of the overlap's
// licences bought under c (what would be extended; other lines of a bundled contract are not). The
// cost of aligning is Σ_c B_c × d_c / 365, computed exactly and rounded half-up to the penny once;
// each line's own cost is likewise B_c × d_c / 365 rounded once. Co-termination is possible when every
// contract has an end date and no contract that must be extended says in its renewal terms that it
// cannot be ("no option to extend", "no extension option", "no further extension").
import type { Contract, Licence } from "../../generated/prisma/client.ts";
import { count, daysBetween, divHalfUp, DAYS_PER_YEAR, gbp, isoDate } from "./arith.ts";
import { extensionRuledOut, extensionTermMonths } from "./renewal-terms.ts";

/** One contract and the overlap's licences under it. */
export interface ContractLines {
  contract: Contract;
  licences: Licence[];
  /**
   * What extending the contract would cost a year, when it is not its licences' cost: a contract with
   * no licences is extended whole, at its annual value (null when that is not recorded).
   */
  annualBasis?: bigint | null;
}

/** A contract with no licences as a co-termination line: extended whole, at its annual value. */
export function wholeContractLine(contract: Contract): ContractLines {
  return { contract, licences: [], annualBasis: contract.annualValuePence };
}

/** One line of a co-termination. */
export interface CotermLine {
  contract: Contract;
  organisationId: string;
  endDate: Date | null;
  extensionDays: number;
  annualBasis: bigint | null;
  cost: bigint | null;
  valuesVisible: boolean;
  obstacle: string | null;
  licenceIds: string[];
}

/** The co-termination of one overlap. */
export interface CotermResult {
  overlapId: string;
  coterminable: boolean;
  alreadyCoterminous: boolean;
  commonEndDate: Date | null;
  lines: CotermLine[];
  cost: bigint | null;
  valuesVisible: boolean;
  hiddenFor: string[];
  obstacles: string[];
  method: string;
}

/** Groups licences by the contract they are bought under (licences without a contract are left out). */
export function contractLines(
  licences: readonly Licence[],
  contractById: ReadonlyMap<string, Contract>,
): ContractLines[] {
  const map = new Map<string, ContractLines>();
  for (const l of licences) {
    if (!l.contractId) continue;
    const contract = contractById.get(l.contractId);
    if (!contract) continue;
    const entry = map.get(contract.id) ?? { contract, licences: [] };
    entry.licences.push(l);
    map.set(contract.id, entry);
  }
  return [...map.values()].sort((a, b) => (a.contract.reference < b.contract.reference ? -1 : 1));
}

/**
 * Co-terminates `groups` on the latest end date. `visible(orgId)` says whether the caller may see that
 * organisation's commercial figures; `code(orgId)` names it. Money of hidden lines is null, and so is the
 * total when any contract that must be extended is hidden.
 */
export function cotermination(
  overlapId: string,
  groups: readonly ContractLines[],
  visible: (organisationId: string) => boolean,
  code: (organisationId: string) => string,
): CotermResult {
  const ends = groups.map((g) => g.contract.endDate).filter((d): d is Date => d !== null);
  const common = ends.length ? new Date(Math.max(...ends.map((d) => d.getTime()))) : null;
  const obstacles: string[] = [];
  const hidden = new Set<string>();
  const unknown: string[] = [];
  let numerator = 0n;
  const lines: CotermLine[] = groups.map(({ contract, licences, annualBasis }) => {
    const known =
      annualBasis === undefined ? licences.reduce((s, l) => s + l.annualCostPence, 0n) : annualBasis;
    const basis = known ?? 0n;
    const end = contract.endDate;
    const days = end && common ? daysBetween(end, common) : 0;
    const shown = visible(contract.organisationId);
    let obstacle: string | null = null;
    if (!end) obstacle = `${contract.reference} has no end date`;
    else if (days > 0 && extensionRuledOut(contract.renewalTerms))
      obstacle = `${contract.reference} cannot be extended: "${contract.renewalTerms}"`;
    // The same rule as bridging a contract to a move (bridge.ts): only a stated extension term evidences
    // that, and at what price, it runs on; without one, extending needs the supplier's agreement.
    else if (days > 0 && extensionTermMonths(contract.renewalTerms) === null)
      obstacle = `${contract.reference} states no extension term${contract.renewalTerms ? ` ("${contract.renewalTerms}")` : ""}: extending it needs the supplier's agreement`;
    if (obstacle) obstacles.push(obstacle);
    if (days > 0) {
      numerator += basis * BigInt(days);
      if (!shown) hidden.add(code(contract.organisationId));
      else if (known === null) unknown.push(contract.reference);
    }
    return {
      contract,
      organisationId: contract.organisationId,
      endDate: end,
      extensionDays: days,
      annualBasis: shown ? known : null,
      cost: shown && known !== null ? divHalfUp(basis * BigInt(days), DAYS_PER_YEAR) : null,
      valuesVisible: shown,
      obstacle,
      licenceIds: licences.map((l) => l.id),
    };
  });
  if (groups.length === 0) obstacles.push("no contract is recorded for these licences");
  const valuesVisible = hidden.size === 0;
  const cost =
    groups.length && valuesVisible && unknown.length === 0 ? divHalfUp(numerator, DAYS_PER_YEAR) : null;
  const alreadyCoterminous =
    groups.length > 0 && ends.length === groups.length && lines.every((l) => l.extensionDays === 0);
  return {
    overlapId,
    coterminable: groups.length > 0 && obstacles.length === 0,
    alreadyCoterminous,
    commonEndDate: common,
    lines,
    cost,
    valuesVisible,
    hiddenFor: [...hidden].sort(),
    obstacles,
    method: describe(lines, common, cost, [...hidden].sort(), unknown, code),
  };
}

function describe(
  lines: CotermLine[],
  common: Date | null,
  cost: bigint | null,
  hidden: string[],
  unknown: string[],
  code: (orgId: string) => string,
): string {
  if (!common) return "No contract has an end date, so there is nothing to align to.";
  const latest = lines.filter((l) => l.extensionDays === 0 && l.endDate).map((l) => l.contract.reference);
  const parts = lines
    .filter((l) => l.extensionDays > 0)
    .map((l) =>
      l.annualBasis === null
        ? `${l.contract.reference} (${code(l.organisationId)}) +${count(l.extensionDays)} days × its annual basis (${l.valuesVisible ? "not recorded" : "hidden"})`
        : `${l.contract.reference} (${code(l.organisationId)}) ${gbp(l.annualBasis)} × ${count(l.extensionDays)} / 365 = ${gbp(l.cost!)}`,
    );
  const head = `Align every contract to ${isoDate(common)}, the latest end date (${latest.join(", ")}).`;
  if (parts.length === 0) return `${head} They already end together: nothing to pay.`;
  const total =
    cost === null && hidden.length === 0
      ? `total unknown: no annual value is recorded for ${unknown.join(", ")}`
      : cost === null
        ? `total hidden: it needs the readCommercialValues permission in ${hidden.join(", ")}`
        : `total ${gbp(cost)} (exact sum, rounded half-up to the penny once)`;
  return `${head} Extend ${parts.join("; ")}; ${total}.`;
}
