// Which money figures of a scenario a caller may see. Licence and contract costs are commercial: a figure
// computed from them is shown only to a caller who may read commercial values in every organisation
// whose licences or contracts it uses (a renegotiation uses every merged organisation's prices, a
// replacement the replacing organisation's unit price). Asset run costs, site costs and the planner's own
// figures (one-off costs, growth, overrides) are not commercial. Hidden figures are null.
import type { Actor } from "../shared/actor.ts";
import { commercialVisible } from "../shared/authz.ts";
import type { PlanEstate, PlanMove } from "./model.ts";
import type { ScenarioFinancials } from "./financials.ts";
import type { OneOffCost, RecurringChange } from "./savings.ts";

/** The organisations whose commercial values a recurring change is computed from. */
export function changeSources(c: RecurringChange, move: PlanMove | undefined, estate: PlanEstate): string[] {
  switch (c.source) {
    case "LICENCES":
      return [c.organisationId];
    case "RENEGOTIATION":
      return [...new Set([...(move?.licenceIds ?? []), ...(move?.targetLicenceId ? [move.targetLicenceId] : [])]
        .map((l) => estate.licences.get(l)?.organisationId)
        .filter((o): o is string => !!o))];
    case "REPLACEMENT_SEATS":
      return [c.organisationId];
    default:
      return [];
  }
}

/** The organisations whose commercial values a one-off cost is computed from. */
export function costSources(c: OneOffCost): string[] {
  return c.source === "EXIT" ? [c.organisationId] : [];
}

/** What a caller may see of a scenario's financials. */
export class FinancialVisibility {
  private readonly orgSources = new Map<string, Set<string>>();
  private readonly changeVisible = new Map<RecurringChange, boolean>();
  private readonly costVisible = new Map<OneOffCost, boolean>();
  readonly hiddenFor = new Set<string>();

  constructor(
    readonly actor: Actor,
    readonly financials: ScenarioFinancials,
    estate: PlanEstate,
    moves: ReadonlyMap<string, PlanMove>,
  ) {
    const readable = (orgs: Iterable<string>) => {
      let ok = true;
      for (const o of orgs)
        if (!commercialVisible(actor, o)) {
          this.hiddenFor.add(o);
          ok = false;
        }
      return ok;
    };
    for (const o of financials.organisations) {
      const sources = new Set<string>();
      if (o.baseline.licenceCostPence !== 0n) sources.add(o.organisationId);
      this.orgSources.set(o.organisationId, sources);
    }
    for (const c of financials.changes) {
      const sources = changeSources(c, moves.get(c.moveId), estate);
      this.changeVisible.set(c, readable(sources));
      for (const s of sources) this.orgSources.get(c.organisationId)?.add(s);
    }
    for (const c of financials.oneOffs) {
      const sources = costSources(c);
      this.costVisible.set(c, readable(sources));
      for (const s of sources) this.orgSources.get(c.organisationId)?.add(s);
    }
    for (const sources of this.orgSources.values()) readable(sources);
  }

  /** True when the organisation's figures may be shown. */
  organisation(organisationId: string): boolean {
    return [...(this.orgSources.get(organisationId) ?? [])].every((o) => !this.hiddenFor.has(o));
  }

  /** True when every organisation's figures may be shown (the totals). */
  get all(): boolean {
    return this.hiddenFor.size === 0;
  }

  change(c: RecurringChange): boolean {
    return this.changeVisible.get(c) ?? false;
  }

  cost(c: OneOffCost): boolean {
    return this.costVisible.get(c) ?? false;
  }
}
