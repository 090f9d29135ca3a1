// Money is integer pence (bigint) inside, a decimal string of pounds outside ("1234.50"). Never a float.
import { InputError } from "./errors.ts";

/** The largest amount stored: 15 digits of pounds, what the Money scalar parses (fits a bigint column). */
export const MAX_PENCE = 10n ** 17n - 1n;

const DECIMAL = /^(-)?(\d{1,15})(?:\.(\d{1,2}))?$/;

/** Pence → "pounds.pp". */
export function formatPence(pence: bigint): string {
  const negative = pence < 0n;
  const abs = negative ? -pence : pence;
  const pounds = abs / 100n;
  const rest = (abs % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${pounds}.${rest}`;
}

/** "1234.5" / "1234.56" / 1234 (pounds) / 123456n (pence) → pence; throws InputError naming `field` for anything inexact. */
export function parseMoney(value: unknown, field: string): bigint {
  if (typeof value === "bigint") return value; // already parsed by the Money scalar
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) {
      throw new InputError(
        field,
        `money must be a whole number of pounds or a string with up to two decimals like "1234.50"; got ${value}.`,
      );
    }
    return BigInt(value) * 100n;
  }
  if (typeof value !== "string") throw new InputError(field, `money must be a string like "1234.50".`);
  const m = DECIMAL.exec(value.trim());
  if (!m) {
    throw new InputError(
      field,
      `"${value.slice(0, 40)}" is not an amount of money; write pounds with up to two decimals, like "1234.50".`,
    );
  }
  const pence = BigInt(m[2]!) * 100n + BigInt((m[3] ?? "0").padEnd(2, "0"));
  return m[1] ? -pence : pence;
}

/** Like parseMoney, and refuses negative amounts. */
export function parseNonNegativeMoney(value: unknown, field: string): bigint {
  const pence = parseMoney(value, field);
  if (pence < 0n) throw new InputError(field, "must not be negative.");
  if (pence > MAX_PENCE) throw new InputError(field, `must be at most ${formatPence(MAX_PENCE)}.`);
  return pence;
}
