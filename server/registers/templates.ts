// Templates to fill: a CSV per register (headers and an example row), or one XLSX workbook with a sheet
// per register (headers, an example row, a drop-down on every choice column) and an "Allowed values" sheet
// that says what each column accepts.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Register } from "./register.ts";
import { REGISTERS } from "./registers.ts";

/** The template's example rows: a column with one example repeats it, a shorter list leaves cells empty. */
export function exampleRows(register: Register): string[][] {
  const columns = register.columns.filter((c) => c.field !== "version");
  const count = Math.max(...columns.map((c) => (Array.isArray(c.example) ? c.example.length : 1)));
  return Array.from({ length: count }, (_, i) => columns.map((c) => (Array.isArray(c.example) ? (c.example[i] ?? "") : (c.example as string))));
}

/** The CSV template of `register`: its headers and example rows. */
export function csvTemplate(register: Register): string {
  const columns = register.columns.filter((c) => c.field !== "version");
  return "\uFEFF" + Papa.unparse({ fields: columns.map((c) => c.header), data: exampleRows(register) }, { newline: "\r\n" }) + "\r\n";
}

/** The XLSX template of `registers` (all by default). */
export async function xlsxTemplate(registers: readonly Register[] = REGISTERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Converge";
  const allowedRows: string[][] = [];
  for (const register of registers) {
    const columns = register.columns.filter((c) => c.field !== "version");
    const sheet = workbook.addWorksheet(register.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ header: c.header, width: Math.max(12, c.header.length + 4) }));
    sheet.getRow(1).font = { bold: true };
    sheet.addRows(exampleRows(register));
    columns.forEach((c, i) => {
      allowedRows.push([register.sheet, c.header, c.required ? "yes" : "", c.accepts + (c.field === "organisation" ? " (an organisation's code; may instead be chosen for the whole file)" : "")]);
      if (c.choices) {
        const letter = sheet.getColumn(i + 1).letter;
        (sheet as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations.add(`${letter}2:${letter}10000`, {
          type: "list",
          allowBlank: !c.required,
          formulae: [`"${c.choices.join(",")}"`],
          showErrorMessage: true,
          errorTitle: c.header,
          error: c.accepts,
        });
      }
    });
  }
  // After the register sheets: a person fills those first.
  const allowed = workbook.addWorksheet("Allowed values");
  allowed.columns = [
    { header: "Sheet", width: 12 },
    { header: "Column", width: 26 },
    { header: "Required", width: 10 },
    { header: "Accepts", width: 90 },
  ];
  allowed.getRow(1).font = { bold: true };
  allowed.addRows(allowedRows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
