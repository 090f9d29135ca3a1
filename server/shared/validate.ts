// Input checks shared by every domain. Each throws InputError naming the field and the fix.
import { InputError } from "./errors.ts";
import { parseNonNegativeMoney } from "./money.ts";

/** The longest free text a field accepts. */
export const MAX_TEXT = 4000;
/** The largest capacity figure accepted (guards against typos like 1e300). */
export const MAX_CAPACITY = 1_000_000_000;

/** A required name: trimmed, 1–200 characters, no control characters. */
export function requireName(value: unknown, field: string): string {
  if (typeof value !== "string") throw new InputError(field, "is required.");
  const name = value.trim();
  if (!name) throw new InputError(field, "must not be empty.");
  if (name.length > 200) throw new InputError(field, `must be at most 200 characters (got ${name.length}).`);
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw new InputError(field, "must not contain control characters such as tabs or new lines.");
  return name;
}

/** Optional free text: trimmed, empty becomes null, at most MAX_TEXT characters. */
export function optionalText(value: unknown, field: string, max = MAX_TEXT): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") throw new InputError(field, "must be text.");
  const text = value.trim();
  if (text.length > max)
    throw new InputError(field, `must be at most ${max} characters (got ${text.length}).`);
  return text || null;
}

/** An optional whole number ≥ 0 (and ≤ max). */
export function optionalCount(value: unknown, field: string, max = MAX_CAPACITY): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "number" || !Number.isInteger(value))
    throw new InputError(field, "must be a whole number.");
  if (value < 0) throw new InputError(field, `must not be negative (got ${value}).`);
  if (value > max) throw new InputError(field, `must be at most ${max} (got ${value}).`);
  return value;
}

/** An optional finite number ≥ 0 (and ≤ max). */
export function optionalQuantity(value: unknown, field: string, max = MAX_CAPACITY): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) throw new InputError(field, "must be a number.");
  if (value < 0) throw new InputError(field, `must not be negative (got ${value}).`);
  if (value > max) throw new InputError(field, `must be at most ${max} (got ${value}).`);
  return value;
}

/** Optional money ≥ 0 in pence; undefined/null → fallback. */
export function optionalMoney(value: unknown, field: string, fallback: bigint | null): bigint | null {
  if (value === null || value === undefined) return fallback;
  return parseNonNegativeMoney(value, field);
}

/** Refuses usage above capacity where exceeding it is physically impossible. */
export function usageWithin(
  used: number | null,
  capacity: number | null,
  usedField: string,
  capacityField: string,
): void {
  if (used === null) return;
  if (capacity === null)
    throw new InputError(usedField, `cannot be set without ${capacityField}; give the capacity first.`);
  const usedName = usedField.split(".").at(-1);
  if (used > capacity)
    throw new InputError(usedField, `${usedName} (${used}) cannot exceed ${capacityField} (${capacity}).`);
}

/** A field that may be omitted in a patch but never set to null. */
export function notNull<T>(value: T | null | undefined, field: string): T | undefined {
  if (value === null) throw new InputError(field, "cannot be cleared; omit it to keep the current value.");
  return value;
}
