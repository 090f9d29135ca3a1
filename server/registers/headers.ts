// Matches a file's header row to a register's columns: any order, any case and spacing, known synonyms.
// Unknown headers are reported (a typo must not silently drop a column); a header matched twice is refused.
import { fold } from "./cells.ts";
import type { RegisterColumn } from "./columns.ts";

export interface HeaderProblem {
  column: string;
  reason: string;
  fix: string;
}

export interface HeaderMatch {
  /** For each position in the file's header row, the column it fills, or null (ignored). */
  byPosition: (RegisterColumn | null)[];
  problems: HeaderProblem[];
}

/** Matches `headers` to `columns`; a key column must be there unless `givenElsewhere` names it (chosen for the whole file). */
export function matchHeaders(
  headers: readonly string[],
  columns: readonly RegisterColumn[],
  givenElsewhere: ReadonlySet<string> = new Set(),
): HeaderMatch {
  const names = new Map<string, RegisterColumn>();
  for (const c of columns) for (const h of [c.header, c.field, ...(c.synonyms ?? [])]) names.set(fold(h), c);
  const problems: HeaderProblem[] = [];
  const seen = new Map<RegisterColumn, string>();
  const byPosition = headers.map((raw) => {
    const header = raw.replace(/^\uFEFF/, "").trim();
    if (header === "") return null;
    const column = names.get(fold(header.replace(/\(.*?\)/g, ""))) ?? names.get(fold(header));
    if (!column) {
      problems.push({
        column: header,
        reason: "is not a column of this register",
        fix: `rename it to one of: ${columns.map((c) => c.header).join(", ")} (or remove it)`,
      });
      return null;
    }
    const earlier = seen.get(column);
    if (earlier !== undefined) {
      problems.push({
        column: header,
        reason: `fills the same field as "${earlier}"`,
        fix: "keep one of the two columns",
      });
      return null;
    }
    seen.set(column, header);
    return column;
  });
  for (const c of columns)
    if (c.key && !seen.has(c) && !givenElsewhere.has(c.field))
      problems.push({ column: c.header, reason: "is missing", fix: `add a "${c.header}" column (${c.accepts})` });
  return { byPosition, problems };
}
