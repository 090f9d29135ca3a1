// A register is a spreadsheet of one kind of row (sites, assets…): its columns, what each accepts, and the
// natural key that matches a row to what is already stored. Templates, importers and exports all read
// these definitions, so a file exported from Converge re-imports unchanged.
import { cellChoice, cellCount, cellDay, cellMoney, cellQuantity, cellText, CellProblem, label, type RawCell } from "./cells.ts";

/** A cell's value after reading: what the domain's own checks then receive. */
export type CellValue = string | number | bigint | Date | null;

/** One column of a register. */
export interface RegisterColumn {
  /** The field it fills (the GraphQL input's name). */
  field: string;
  /** The template's header. */
  header: string;
  /** Other headers real registers use for it; matched like the header, in any case and spacing. */
  synonyms?: readonly string[];
  /** Needed to create a row (an update keeps what is stored). */
  required?: boolean;
  /** Part of the natural key: every file must have it. */
  key?: boolean;
  /** What it accepts, for the template's second sheet and for error messages. */
  accepts: string;
  /** The allowed values, for a choice. */
  choices?: readonly string[];
  /** The template's example: one value, or one per example row. */
  example: string | readonly string[];
  /** Reads a cell; throws CellProblem. */
  read(raw: RawCell): CellValue;
}

type Base = Pick<RegisterColumn, "field" | "header" | "synonyms" | "required" | "key" | "example">;

export function textColumn(base: Base, max = 4000): RegisterColumn {
  return {
    ...base,
    accepts: base.required ? "text (required)" : "text",
    read: (raw) => {
      const text = cellText(raw);
      if (text !== null && text.length > max)
        throw new CellProblem(`is ${text.length} characters long`, `shorten it to at most ${max} characters`);
      return text;
    },
  };
}

export function moneyColumn(base: Base): RegisterColumn {
  return {
    ...base,
    accepts: "pounds, e.g. £1,234.50 or 1234.50",
    read: (raw) => {
      const pence = cellMoney(raw);
      if (pence !== null && pence < 0n) throw new CellProblem("is negative", "write an amount of zero or more");
      return pence;
    },
  };
}

export function dayColumn(base: Base): RegisterColumn {
  return { ...base, accepts: "a date: dd/mm/yyyy, yyyy-mm-dd or an Excel date", read: cellDay };
}

export function countColumn(base: Base, max: number, min = 0): RegisterColumn {
  return { ...base, accepts: `a whole number from ${min} to ${max}`, read: (raw) => cellCount(raw, max, min) };
}

export function quantityColumn(base: Base, max: number): RegisterColumn {
  return { ...base, accepts: `a number from 0 to ${max}`, read: (raw) => cellQuantity(raw, max) };
}

export function choiceColumn<T extends string>(
  base: Base,
  choices: readonly T[],
  synonyms: Readonly<Record<string, T>> = {},
): RegisterColumn {
  return {
    ...base,
    choices: choices.map(label),
    accepts: `one of: ${choices.map(label).join(", ")}`,
    read: (raw) => cellChoice(raw, choices, synonyms),
  };
}

/** The columns every register starts with: who owns the row, and the version it was exported at. */
export const organisationColumn: RegisterColumn = textColumn({
  field: "organisation",
  header: "Organisation",
  synonyms: ["Organisation code", "Council", "Owner", "Org"],
  example: "SCC",
});

export const versionColumn: RegisterColumn = countColumn(
  { field: "version", header: "Version", synonyms: ["Converge version"], example: "" },
  2_000_000_000,
  1,
);
