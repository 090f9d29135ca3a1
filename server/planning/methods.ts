// How the planning figures are computed, in words: returned with the figures by the API and stated in
// the README, so a reader of a business case can check every number by hand.

/** The financial conventions. */
export const FINANCIAL_METHOD = [
  "Money is integer pence; each figure shown is rounded half-up once.",
  "The plan runs in months from the start date; a move takes effect the day after its wave ends: its recurring change applies from then, its one-off cost falls in the month its wave starts, and the exit cost of a contract it leaves early in the month it takes effect.",
  "Recurring changes: an asset that retires, is consolidated away or is replaced stops its run cost; the organisation's licences of its product end when it was the organisation's last asset of that product; a closed site stops its annual cost once its lease has ended; a renegotiation makes each organisation pay for the seats it uses at the best unit price of the target product (the target's owner keeps its fixed charge); a replacement's new seats (the replaced system's users, per-seat metrics) are charged to the organisation whose users move — the replaced system's owner — at the replacing organisation's best unit price in the same metric; a flat-priced licence (SITE, ENTERPRISE, or a SUBSCRIPTION of one: an organisation-wide term; a subscription of more than one is priced per seat) adds no cost per seat, so a replacement licensed flat covers the users at no extra charge; growth at a target and a planner's override are taken as given (with the override's reason); an override is a commercial figure of the organisation it accrues to.",
  "Exit cost of leaving a contract early: annual cost of the licences under it × days from the effect date to the contract's end ÷ 365.",
  "One-off costs are split between the organisations a move serves by the scenario's rule (OWNER, EQUAL, or PROPORTIONAL_TO_BASELINE on baseline run cost), exactly, the remainder pennies to the largest fractions.",
  "Year y is months 12(y−1) to 12y−1. A year's saving = Σ annual change × months in force ÷ 12; plan = baseline − saving; net = saving − one-off; run rate = the full-year recurring saving in force at the year's end; against target = run rate − target.",
  "NPV (end-of-year discounting at the scenario's real rate r, HM Treasury Green Book 3.5% by default) = Σ net_y ÷ (1 + r)^y, exact over a common denominator, rounded once.",
  "Payback = the first month from which the cumulative net saving (savings accruing a twelfth a month) stays at or above zero to the end of the horizon; 0 when nothing is spent once.",
  "Totals are the sums of the organisations' figures.",
].join(" ");

/** The energy and carbon method. */
export const ENERGY_METHOD =
  "A site's IT load (kW) is its recorded power in use, else the sum of the power of the assets located there; its electricity a year is IT load × PUE × 8,760 hours (PUE 1.0 where none is recorded, listed in assumptions); emissions are that × the scenario's grid electricity factor (UK government DESNZ greenhouse-gas conversion factor for the stated year). A site's load counts to the owners of the assets there, each its assets' kW (when the recorded use is less than the assets' sum, each owner gets use × its share of the assets' kW), and the rest of the recorded use to the site's owner. Moves change the load when they take effect: a migration moves its power from one site to another, a retirement or consolidation removes it, a closure empties the site.";

/** The risk score. */
export const RISK_METHOD =
  "Per move: criticality of what it acts on (LOW 1, MEDIUM 2, HIGH 4, CRITICAL 6; for a site, its most critical asset) + ⌈log2(1 + assets that stop if it fails)⌉ up to 6 + 3 if it is a single point of failure + 2 if it crosses organisations + the kind (close site or replace 4, consolidate or migrate 3, retire 2, renegotiate 1) + 2 when its wave is at least 90% of the team's capacity (1 at 75%). Level: 15 or more CRITICAL, 10 HIGH, 6 MEDIUM, else LOW. A wave's score is the sum of its moves'; its level that of its riskiest move.";
