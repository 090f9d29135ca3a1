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
