// Which money figures of a scenario a caller may see. Licence and contract costs are commercial: a figure
// computed from them is shown only to a caller who may read commercial values in every organisation
// whose licences or contracts it uses (a renegotiation uses every merged organisation's prices, a
// replacement the replacing organisation's unit price). A planner's override of a move's recurring saving
// is commercial too: it stands for a saving worked out from prices, and is a figure of the organisation it
// accrues to (move-visibility.ts). Asset run costs, site costs and the planner's other figures (one-off
// costs, growth at a target) are not commercial.
//
// Hiding covers only what uses a hidden price: the recurring change or one-off cost itself is null, and an
// organisation's sums (saving, net, run rate, NPV, payback …) are computed from its visible parts only and
// marked partial, naming the moves left out and whose prices they use. A sum that includes a hidden part is
// never shown exactly (that would give the hidden part away as a difference); its plan run cost and
// whether it meets its target are null while it is partial. An organisation's baseline (and so its plan)
// is null when it includes licence spend the caller may not read.
import type { Actor } from "../shared/actor.ts";
import { commercialVisible } from "../shared/authz.ts";
import type { PlanEstate, PlanInput, PlanMove } from "./model.ts";
import { organisationFigures, totalsOf, type OrganisationFinancials, type ScenarioFinancials } from "./financials.ts";
import { baselinesOf, type OneOffCost, type RecurringChange } from "./savings.ts";

/** The organisations whose commercial values a recurring change is computed from. */
export function changeSources(c: RecurringChange, move: PlanMove | undefined, estate: PlanEstate): string[] {
  if (c.pricedBy) return [...c.pricedBy];
  switch (c.source) {
    case "LICENCES":
      return [c.organisationId];
    case "RENEGOTIATION":
      return [...new Set([...(move?.licenceIds ?? []), ...(move?.targetLicenceId ? [move.targetLicenceId] : [])]
        .map((l) => estate.licences.get(l)?.organisationId)
        .filter((o): o is string => !!o))];
    case "REPLACEMENT_SEATS":
    case "OVERRIDE":
      return [c.organisationId];
    default:
      return [];
  }
}

/** The organisations whose commercial values a one-off cost is computed from. */
export function costSources(c: OneOffCost): string[] {
  return c.source === "EXIT" ? [c.organisationId] : [];
}

/** Each organisation → every organisation whose commercial values its full figures use. */
export function figureSources(
  financials: ScenarioFinancials,
  estate: PlanEstate,
  moves: ReadonlyMap<string, PlanMove>,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const of = (o: string) => {
    let set = out.get(o);
    if (!set) out.set(o, (set = new Set()));
    return set;
  };
  for (const o of financials.organisations) {
    of(o.organisationId);
    if (o.baseline.licenceCostPence !== 0n) of(o.organisationId).add(o.organisationId);
  }
  for (const c of financials.changes) for (const s of changeSources(c, moves.get(c.moveId), estate)) of(c.organisationId).add(s);
  for (const c of financials.oneOffs) for (const s of costSources(c)) of(c.organisationId).add(s);
  return out;
}

/** What a caller sees of one organisation's business case. */
export interface OrganisationView {
  /** The full figures, or (when partial) those computed from the visible changes and costs only. */
  figures: OrganisationFinancials;
  /** False when the baseline includes licence spend the caller may not read (baseline and plan are null). */
  baselineVisible: boolean;
  /** True when some of its changes or costs are hidden and left out of its sums. */
  partial: boolean;
  /** The moves whose figures are left out, sorted. */
  hiddenMoveIds: string[];
  /** The organisations whose prices they use, sorted by id. */
  hiddenPricesOf: string[];
}

/** What a caller sees of the totals. */
export interface TotalsView {
  totals: ScenarioFinancials["totals"];
  baselineVisible: boolean;
  partial: boolean;
}

/** What a caller may see of a scenario's financials. */
export class FinancialVisibility {
  private readonly changeVisible = new Map<RecurringChange, boolean>();
  private readonly costVisible = new Map<OneOffCost, boolean>();
  private readonly views = new Map<string, OrganisationView>();
  private totalsView: TotalsView | undefined;
  /** Organisations whose commercial values the figures use and the caller may not read. */
  readonly hiddenFor = new Set<string>();
  /** Organisation whose prices are hidden → the moves whose figures use them. */
  readonly hiddenMoves = new Map<string, Set<string>>();

  constructor(
    readonly actor: Actor,
    readonly financials: ScenarioFinancials,
    private readonly input: PlanInput,
  ) {
    const { estate } = input;
    const moves = new Map(input.moves.map((m) => [m.id, m]));
    const readable = (orgs: Iterable<string>, moveId: string) => {
      let ok = true;
      for (const o of orgs)
        if (!commercialVisible(actor, o)) {
          this.hiddenFor.add(o);
          let set = this.hiddenMoves.get(o);
          if (!set) this.hiddenMoves.set(o, (set = new Set()));
          set.add(moveId);
          ok = false;
        }
      return ok;
    };
    for (const c of financials.changes) this.changeVisible.set(c, readable(changeSources(c, moves.get(c.moveId), estate), c.moveId));
    for (const c of financials.oneOffs) this.costVisible.set(c, readable(costSources(c), c.moveId));
    for (const o of financials.organisations)
      if (o.baseline.licenceCostPence !== 0n && !commercialVisible(actor, o.organisationId)) this.hiddenFor.add(o.organisationId);
  }

  /** True when nothing is hidden. */
  get all(): boolean {
    return this.hiddenFor.size === 0;
  }

  change(c: RecurringChange): boolean {
    return this.changeVisible.get(c) ?? false;
  }

  cost(c: OneOffCost): boolean {
    return this.costVisible.get(c) ?? false;
  }

  private baselineVisible(o: OrganisationFinancials): boolean {
    return o.baseline.licenceCostPence === 0n || commercialVisible(this.actor, o.organisationId);
  }

  /** What the caller sees of one organisation's figures. */
  organisation(organisationId: string): OrganisationView {
    const cached = this.views.get(organisationId);
    if (cached) return cached;
    const full = this.financials.organisations.find((o) => o.organisationId === organisationId)!;
    const hiddenChanges = this.financials.changes.filter((c) => c.organisationId === organisationId && !this.change(c));
    const hiddenCosts = this.financials.oneOffs.filter((c) => c.organisationId === organisationId && !this.cost(c));
    const hiddenMoveIds = [...new Set([...hiddenChanges, ...hiddenCosts].map((c) => c.moveId))].sort();
    const partial = hiddenMoveIds.length > 0;
    const hiddenPricesOf = [...this.hiddenMoves.entries()].filter(([, ms]) => hiddenMoveIds.some((m) => ms.has(m))).map(([o]) => o).sort();
    const figures = partial
      ? organisationFigures(
          this.input,
          baselinesOf(this.input.estate),
          organisationId,
          this.financials.changes.filter((c) => this.change(c)),
          this.financials.oneOffs.filter((c) => this.cost(c)),
        )
      : full;
    const view = { figures, baselineVisible: this.baselineVisible(full), partial, hiddenMoveIds, hiddenPricesOf };
    this.views.set(organisationId, view);
    return view;
  }

  /** What the caller sees of the totals: the sums of what it sees of each organisation. */
  totals(): TotalsView {
    if (this.totalsView) return this.totalsView;
    const views = this.financials.organisations.map((o) => this.organisation(o.organisationId));
    const partial = views.some((v) => v.partial);
    this.totalsView = {
      totals: partial
        ? totalsOf(
            this.input,
            views.map((v) => v.figures),
            this.financials.changes.filter((c) => this.change(c)),
            this.financials.oneOffs.filter((c) => this.cost(c)),
          )
        : this.financials.totals,
      baselineVisible: views.every((v) => v.baselineVisible),
      partial,
    };
    return this.totalsView;
  }
}
