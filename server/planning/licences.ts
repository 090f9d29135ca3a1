// Which licences a move ends, and the contracts that bind it: retiring, replacing or consolidating away an
// organisation's last asset of a product ends that organisation's licences of the product; a
// renegotiation ends the licences it merges onto another. A move that ends licences under a contract
// waits for the contract's end unless the planner accepts the exit cost. Pure.
import { addDays } from "./calendar.ts";
import type { PlanContract, PlanLicence, PlanMove } from "./model.ts";
import type { Outcome } from "./outcome.ts";

const ENDS = new Set(["RETIRE", "REPLACE", "CONSOLIDATE"]);

/** The licences that stop being paid for when `m` takes effect, in id order. */
export function licencesEndedBy(outcome: Outcome, m: PlanMove): PlanLicence[] {
  const { licences, assets } = outcome.estate;
  if (m.kind === "RENEGOTIATE")
    return m.licenceIds
      .filter((id) => id !== m.targetLicenceId)
      .map((id) => licences.get(id))
      .filter((l): l is PlanLicence => l !== undefined)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  if (!ENDS.has(m.kind) || !m.assetId) return [];
  const a = assets.get(m.assetId);
  if (!a?.productId) return [];
  // Another asset of the same organisation and product that stays keeps the licence in use.
  const same = outcome.ofProduct(a.organisationId, a.productId);
  for (const other of same.assets)
    if (other !== a.id && !outcome.ends(other)) return [];
  return same.licences.map((id) => licences.get(id)!);
}

/** A contract that a move ends licences under, and the first day it can be left without paying to exit. */
export interface ContractBinding {
  contract: PlanContract;
  licences: PlanLicence[];
  /** The day after the contract's last day. */
  freeFrom: string;
}

/** The contracts (with an end date) whose licences `m` ends, latest end first, then by id. */
export function contractBindings(outcome: Outcome, m: PlanMove): ContractBinding[] {
  const byContract = new Map<string, PlanLicence[]>();
  for (const l of licencesEndedBy(outcome, m)) {
    if (!l.contractId) continue;
    const list = byContract.get(l.contractId) ?? [];
    list.push(l);
    byContract.set(l.contractId, list);
  }
  const out: ContractBinding[] = [];
  for (const [id, ls] of byContract) {
    const contract = outcome.estate.contracts.get(id);
    if (!contract?.endDate) continue;
    out.push({ contract, licences: ls, freeFrom: addDays(contract.endDate, 1) });
  }
  return out.sort((a, b) =>
    a.freeFrom !== b.freeFrom ? (a.freeFrom < b.freeFrom ? 1 : -1) : a.contract.id < b.contract.id ? -1 : 1,
  );
}
