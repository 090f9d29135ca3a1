// One OCDS contract draft → the Contract columns it gives, cleaned to what a contract accepts, with
// every adjustment reported. Nothing is invented: a field the record lacks stays absent (null on
// create, untouched on update); only a missing title falls back to the ocid, and that is reported.
import type { Contract, RecordStatus } from "../../generated/prisma/client.ts";
import type { ContractDraft } from "../licences/ocds.ts";

/** The contract columns a record gives; undefined = the record does not say. */
export interface DraftColumns {
  reference: string;
  title: string | undefined;
  description: string | undefined;
  supplierName: string | undefined;
  startDate: Date | undefined;
  endDate: Date | undefined;
  valuePence: bigint | undefined;
  /** The value a year over the contract's period (see annualisedValue); undefined when not known. */
  annualValuePence: bigint | undefined;
  cpvCode: string | undefined;
  status: RecordStatus;
}

/** OCDS statuses that mean the contract is not (or no longer) in force. */
const ENDED = new Set(["cancelled", "terminated", "unsuccessful", "withdrawn"]);

/** Collapses control characters and runs of whitespace, trims, and cuts to `max` characters (reported). */
function clean(value: string | null, max: number, field: string, problems: string[]): string | undefined {
  if (value === null) return undefined;
  const text = value
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/[ \u00a0]{2,}/g, " ")
    .trim();
  if (!text) return undefined;
  if (text.length <= max) return text;
  problems.push(`${field} is ${text.length} characters; cut to ${max}.`);
  return `${text.slice(0, max - 1)}…`;
}

/** Description keeps its line breaks; only other control characters go. */
function cleanText(value: string | null, max: number, field: string, problems: string[]): string | undefined {
  if (value === null) return undefined;
  const text = value.replace(/[\u0000-\u0009\u000b-\u001f\u007f]+/g, " ").trim();
  if (!text) return undefined;
  if (text.length <= max) return text;
  problems.push(`${field} is ${text.length} characters; cut to ${max}.`);
  return `${text.slice(0, max - 1)}…`;
}

const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00.000Z`) : undefined);

/** How an OCDS value becomes a value a year, as the README states it. */
export const ANNUALISATION_RULE =
  "A record's value covers its contract period (start to end, both included, d days). When d ≥ 365 the annual value is value × 365 / d, rounded half-up to the penny once; a period shorter than a year is one year's spend, so the annual value is the whole value. Without a value, a start or an end date there is no annual value: none is invented.";

/** The value a year of `value` spread over [start, end] (ANNUALISATION_RULE); undefined when unknown. */
export function annualisedValue(
  value: bigint | undefined,
  start: Date | undefined,
  end: Date | undefined,
): bigint | undefined {
  if (value === undefined || !start || !end || end < start) return undefined;
  const days = BigInt(Math.round((end.getTime() - start.getTime()) / 86_400_000) + 1);
  if (days < 365n) return value;
  const q = (value * 365n * 2n + days) / (days * 2n); // half-up
  return q;
}

/** The columns of a draft, and the problems met making them fit. */
export function draftColumns(draft: ContractDraft, problems: string[]): DraftColumns {
  const startDate = day(draft.startDate);
  let endDate = day(draft.endDate);
  if (startDate && endDate && endDate < startDate) {
    problems.push(
      `the end date ${draft.endDate} is before the start date ${draft.startDate}; the end date was not imported.`,
    );
    endDate = undefined;
  }
  return {
    reference: clean(draft.reference, 200, "reference", problems) ?? draft.ocid,
    title: clean(draft.title, 200, "title", problems),
    description: cleanText(draft.description, 4000, "description", problems),
    supplierName: clean(draft.supplierName, 200, "supplier", problems),
    startDate,
    endDate,
    valuePence: draft.valuePence ?? undefined,
    annualValuePence: annualisedValue(draft.valuePence ?? undefined, startDate, endDate),
    cpvCode: draft.cpvCode ?? undefined,
    status: draft.status && ENDED.has(draft.status.toLowerCase()) ? "RETIRED" : "ACTIVE",
  };
}

/** The fields an update may change, in report order. */
export const UPDATABLE = [
  "title",
  "description",
  "supplierName",
  "startDate",
  "endDate",
  "valuePence",
  "annualValuePence",
  "cpvCode",
  "status",
] as const;

/** The update a newer record makes to `current`: only fields the record gives and that differ. */
export function changes(
  columns: DraftColumns,
  current: Contract,
): Partial<Pick<Contract, (typeof UPDATABLE)[number]>> {
  const out: Record<string, unknown> = {};
  for (const key of UPDATABLE) {
    const next = columns[key];
    if (next === undefined) continue;
    const now = current[key];
    const same =
      next instanceof Date && now instanceof Date ? next.getTime() === now.getTime() : next === now;
    if (!same) out[key] = next;
  }
  return out as Partial<Pick<Contract, (typeof UPDATABLE)[number]>>;
}
