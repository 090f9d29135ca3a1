// One OCDS release (or compiled release) → a ContractDraft: the contract fields Converge keeps, taken
// from the most binding stage that has them (contract, then award, then tender), never invented.
import { amountToPence, cpvOf, obj, objects, readCalendarDate, str, type JsonObject } from "./ocds-values.ts";

/** Draft fields that can be absent from a public record; listed in ContractDraft.missing. */
export type DraftField =
  "title" | "description" | "buyer" | "cpv" | "value" | "supplier" | "startDate" | "endDate";

/** The buyer as the record names it. */
export interface OcdsBuyer {
  id?: string;
  name?: string;
}

/** A contract as an OCDS record describes it, before it is matched to an organisation and saved. */
export interface ContractDraft {
  ocid: string;
  /** The release's `date` as published (ISO 8601), or null. */
  releaseDate: string | null;
  buyer: OcdsBuyer;
  title: string | null;
  description: string | null;
  /** Main CPV code, 8 digits without check digit. */
  cpvCode: string | null;
  /** Other CPV codes the record lists (additional classifications, items). */
  additionalCpvCodes: string[];
  /** Total value in pence, GBP only; null when absent or not in GBP. */
  valuePence: bigint | null;
  /** Calendar dates "YYYY-MM-DD" as published. */
  startDate: string | null;
  endDate: string | null;
  supplierName: string | null;
  /** tender.id, else the ocid. */
  reference: string;
  /** Status of the most binding stage present (contract, award, tender), or null. */
  status: string | null;
  /** Which fields the record does not give (a date it gives that is not a date is a problem instead). */
  missing: DraftField[];
}

/** Something in the input that could not be used as it stands. */
export interface OcdsProblem {
  ocid?: string;
  /** Path of the offending field, e.g. "records[3].compiledRelease.tender.value.currency". */
  field: string;
  message: string;
}

const hasRole = (party: JsonObject, role: string): boolean =>
  Array.isArray(party.roles) &&
  party.roles.some((r) => typeof r === "string" && r.toLowerCase() === role.toLowerCase());

const orUndefined = (b: OcdsBuyer): OcdsBuyer => {
  const out: OcdsBuyer = {};
  if (b.id !== undefined) out.id = b.id;
  if (b.name !== undefined) out.name = b.name;
  return out;
};

/**
 * The buyer: the release's `buyer` reference (its name completed from `parties` when only the id is
 * given); else the one party with role "buyer"; else the only party, when it has no role that rules it
 * out. Several candidate buyers give none, with a problem.
 */
function buyerOf(
  release: JsonObject,
  parties: JsonObject[],
  report: (field: string, message: string) => void,
): OcdsBuyer {
  const ref = obj(release.buyer);
  if (ref && (str(ref.id) || str(ref.name))) {
    const id = str(ref.id);
    const party = id ? parties.find((p) => str(p.id) === id) : undefined;
    return orUndefined({ id, name: str(ref.name) ?? str(party?.name) });
  }
  const buyers = parties.filter((p) => hasRole(p, "buyer"));
  if (buyers.length > 1)
    report("parties", `${buyers.length} parties have the role "buyer"; none was chosen.`);
  const only = parties.length === 1 && (!Array.isArray(parties[0]!.roles) || hasRole(parties[0]!, "buyer"));
  const party = buyers.length === 1 ? buyers[0] : only ? parties[0] : undefined;
  return party ? orUndefined({ id: str(party.id), name: str(party.name) }) : {};
}

/** A date field of a stage, with its path in the release (for reporting a value that is not a date). */
interface DateField {
  path: string;
  value: unknown;
}

/** Stages in binding order; dates and value come from the first stage that has them. */
interface Stage {
  path: string;
  value: unknown[];
  start: DateField[];
  end: DateField[];
}

const hasAmount = (v: unknown): boolean => obj(v)?.amount !== undefined && obj(v)?.amount !== null;

function stagesOf(tender: JsonObject | undefined, awards: JsonObject[], contracts: JsonObject[]): Stage[] {
  return [
    {
      path: "contracts[].value",
      value: contracts.map((c) => c.value).filter(hasAmount),
      start: contracts.map((c, i) => ({
        path: `contracts[${i}].period.startDate`,
        value: obj(c.period)?.startDate,
      })),
      end: contracts.map((c, i) => ({
        path: `contracts[${i}].period.endDate`,
        value: obj(c.period)?.endDate,
      })),
    },
    {
      path: "awards[].value",
      value: awards.map((a) => a.value).filter(hasAmount),
      start: awards.map((a, i) => ({
        path: `awards[${i}].contractPeriod.startDate`,
        value: obj(a.contractPeriod)?.startDate,
      })),
      end: awards.map((a, i) => ({
        path: `awards[${i}].contractPeriod.endDate`,
        value: obj(a.contractPeriod)?.endDate,
      })),
    },
    {
      path: "tender.value",
      value: [tender?.value].filter(hasAmount),
      start: [{ path: "tender.contractPeriod.startDate", value: obj(tender?.contractPeriod)?.startDate }],
      end: [{ path: "tender.contractPeriod.endDate", value: obj(tender?.contractPeriod)?.endDate }],
    },
  ];
}

/**
 * Sum of the first stage's values, in pence. Every amount must be in GBP: any other currency (or none)
 * is reported and gives null — the value is never converted or assumed.
 */
function valueOf(stages: Stage[], report: (field: string, message: string) => void): bigint | null {
  const stage = stages.find((s) => s.value.length > 0);
  if (!stage) return null;
  let total = 0n;
  for (const v of stage.value) {
    const value = obj(v) ?? {};
    const currency = str(value.currency)?.toUpperCase();
    if (currency !== "GBP") {
      report(
        `${stage.path}.currency`,
        `value is in ${currency ?? "no stated currency"}, not GBP; it was not converted.`,
      );
      return null;
    }
    const pence = amountToPence(value.amount);
    if ("error" in pence) {
      report(`${stage.path}.amount`, pence.error);
      return null;
    }
    if (pence.rounded)
      report(`${stage.path}.amount`, `amount ${String(value.amount)} was rounded to the penny.`);
    total += pence.pence;
  }
  return total;
}

/**
 * Earliest start or latest end among a stage's dates, from the first stage that has any valid one.
 * Every date field that is present but not a date is reported (naming the field and the value) and
 * ignored; `invalid` says there was one, so the draft lists the date as invalid rather than missing.
 */
function dateOf(
  stages: Stage[],
  which: "start" | "end",
  report: (field: string, message: string) => void,
): { date: string | null; invalid: boolean } {
  let date: string | null = null;
  let invalid = false;
  for (const s of stages) {
    const dates: string[] = [];
    for (const field of s[which]) {
      const read = readCalendarDate(field.value);
      if (read && "error" in read) {
        invalid = true;
        report(field.path, `${read.error}; ignored.`);
      } else if (read) dates.push(read.date);
    }
    dates.sort();
    if (date === null && dates.length > 0) date = which === "start" ? dates[0]! : dates[dates.length - 1]!;
  }
  return { date, invalid };
}

const unique = (xs: (string | undefined)[]): string[] => [...new Set(xs.filter((x): x is string => !!x))];

/** Turns one release into a draft; `report` collects problems found along the way. */
export function releaseToDraft(
  release: JsonObject,
  ocid: string,
  report: (field: string, message: string) => void,
): ContractDraft {
  const tender = obj(release.tender);
  const awards = objects(release.awards);
  const contracts = objects(release.contracts);
  const parties = objects(release.parties);
  const stages = stagesOf(tender, awards, contracts);

  const items = [tender, ...awards, ...contracts].flatMap((s) => objects(s?.items));
  const classifications = [
    tender?.classification,
    ...items.map((i) => i.classification),
    ...objects(tender?.additionalClassifications),
    ...items.flatMap((i) => objects(i.additionalClassifications)),
  ];
  const cpvs = unique(classifications.map(cpvOf));

  const suppliers = unique(awards.flatMap((a) => objects(a.suppliers).map((s) => str(s.name))));
  const supplierParties = unique(parties.filter((p) => hasRole(p, "supplier")).map((p) => str(p.name)));
  const supplierNames = suppliers.length > 0 ? suppliers : supplierParties;

  const first = (xs: unknown[]): string | null => xs.map(str).find((x) => x !== undefined) ?? null;
  // In the order problems are reported: buyer, value, dates.
  const buyer = buyerOf(release, parties, report);
  const valuePence = valueOf(stages, report);
  const start = dateOf(stages, "start", report);
  const end = dateOf(stages, "end", report);
  const draft: ContractDraft = {
    ocid,
    releaseDate: Number.isNaN(Date.parse(str(release.date) ?? "")) ? null : str(release.date)!,
    buyer,
    title: first([tender?.title, ...contracts.map((c) => c.title), ...awards.map((a) => a.title)]),
    description: first([
      tender?.description,
      ...contracts.map((c) => c.description),
      ...awards.map((a) => a.description),
      release.description,
    ]),
    cpvCode: cpvs[0] ?? null,
    additionalCpvCodes: cpvs.slice(1),
    valuePence,
    startDate: start.date,
    endDate: end.date,
    supplierName: supplierNames.length > 0 ? supplierNames.join("; ") : null,
    reference: str(tender?.id) ?? ocid,
    status: first([
      ...contracts.map((c) => c.status).reverse(),
      ...awards.map((a) => a.status).reverse(),
      tender?.status,
    ]),
    missing: [],
  };
  const absent: [DraftField, boolean][] = [
    ["title", draft.title === null],
    ["description", draft.description === null],
    ["buyer", draft.buyer.id === undefined && draft.buyer.name === undefined],
    ["cpv", draft.cpvCode === null],
    ["value", draft.valuePence === null],
    ["supplier", draft.supplierName === null],
    // A date given but invalid is reported as such (above), not as missing.
    ["startDate", draft.startDate === null && !start.invalid],
    ["endDate", draft.endDate === null && !end.invalid],
  ];
  draft.missing = absent.filter(([, isAbsent]) => isAbsent).map(([field]) => field);
  return draft;
}
