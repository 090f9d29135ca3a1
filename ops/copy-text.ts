// PostgreSQL's COPY text format, as pg_dump writes it: one line per row, columns separated by a tab,
// NULL as \N, and backslash escapes for backslash and the control characters.
// https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.2

const ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
  "\v": "\\v",
};

/** One field: NULL as \N, otherwise the value's text with backslash, tab, newline, CR, BS, FF and VT escaped. */
export function encodeField(value: string | null): string {
  if (value === null) return "\\N";
  return value.replace(/[\\\n\r\t\b\f\v]/g, (c) => ESCAPES[c]!);
}

/** One row as a COPY line (without the trailing newline). */
export function encodeRow(values: (string | null)[]): string {
  return values.map(encodeField).join("\t");
}

const SIMPLE: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

/** One field back to its text (null for \N), accepting every escape COPY accepts. */
export function decodeField(field: string): string | null {
  if (field === "\\N") return null;
  if (!field.includes("\\")) return field;
  let out = "";
  let bytes: number[] = []; // octal and hex escapes give bytes, which may form a UTF-8 sequence together
  const flush = () => {
    if (bytes.length) out += Buffer.from(bytes).toString("utf8");
    bytes = [];
  };
  for (let i = 0; i < field.length; i++) {
    const c = field[i]!;
    if (c !== "\\") {
      flush();
      out += c;
      continue;
    }
    const n = field[++i];
    if (n === undefined) throw new Error("a COPY field ends in a lone backslash");
    if (n >= "0" && n <= "7") {
      let digits = n;
      while (digits.length < 3 && field[i + 1]! >= "0" && field[i + 1]! <= "7") digits += field[++i];
      bytes.push(parseInt(digits, 8) & 0xff);
    } else if (n === "x" && /[0-9a-fA-F]/.test(field[i + 1] ?? "")) {
      let digits = field[++i]!;
      if (/[0-9a-fA-F]/.test(field[i + 1] ?? "")) digits += field[++i];
      bytes.push(parseInt(digits, 16));
    } else {
      flush();
      out += SIMPLE[n] ?? n;
    }
  }
  flush();
  return out;
}

/** One COPY line back to its fields; throws when the column count is not `columns`. */
export function decodeRow(line: string, columns: number): (string | null)[] {
  const fields = line.split("\t");
  if (fields.length !== columns) throw new Error(`expected ${columns} columns, found ${fields.length}`);
  return fields.map(decodeField);
}
