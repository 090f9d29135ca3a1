// Secrets: scrypt password hashes (memory-hard) and random bearer secrets stored only as SHA-256.
import {
  createHash,
  randomBytes,
  scrypt as scryptCb,
  timingSafeEqual,
  type ScryptOptions,
} from "node:crypto";

/** scrypt's cost parameters, stored in every hash. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * The cost of new hashes: OWASP's password-storage guidance for scrypt (N=2^17, r=8, p=1), which needs
 * 128 MiB per hash (128·N·r bytes) and takes a few hundred milliseconds on one core.
 */
export const PRODUCTION_SCRYPT: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });

/** At most this many hashes run at once, so a burst of sign-ins holds at most 2 × 128 MiB. */
export const HASH_CONCURRENCY = 2;

const KEY_BYTES = 32;
const SALT_BYTES = 16;

let current: Readonly<ScryptParams> = PRODUCTION_SCRYPT;

/** The parameters new hashes are made with (PRODUCTION_SCRYPT unless a test lowered them). */
export function currentScryptParams(): Readonly<ScryptParams> {
  return current;
}

/**
 * Tests only: hash at another cost. The test suite's setup file (tests/support/fast-hashing.ts) lowers it
 * so hundreds of hashes stay fast; the tests of the cost itself and of sign-in timing set it back to
 * PRODUCTION_SCRYPT. Nothing in server/ calls this.
 */
export function setScryptParamsForTests(params: ScryptParams): void {
  if (!validParams(params)) throw new Error(`invalid scrypt parameters ${JSON.stringify(params)}`);
  current = Object.freeze({ ...params });
}

function validParams({ N, r, p }: ScryptParams): boolean {
  const int = (v: number, min: number, max: number) => Number.isInteger(v) && v >= min && v <= max;
  // N a power of two up to 2^20 (1 GiB at r=8): stored hashes are ours, but never trust a number blindly.
  return int(N, 2, 2 ** 20) && (N & (N - 1)) === 0 && int(r, 1, 32) && int(p, 1, 16);
}

/** The memory scrypt needs for `params` (OpenSSL's own formula), as Node's `maxmem`. */
function maxmemFor({ N, r, p }: ScryptParams): number {
  return 128 * r * (N + 2) + 128 * r * p + 64 * 1024;
}

let running = 0;
const waiting: (() => void)[] = [];

/** One scrypt computation, queued behind HASH_CONCURRENCY others (each holds 128·N·r bytes). */
async function scrypt(password: string, salt: Buffer, keylen: number, params: ScryptParams): Promise<Buffer> {
  if (running >= HASH_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    const options: ScryptOptions = { ...params, maxmem: maxmemFor(params) };
    return await new Promise<Buffer>((resolve, reject) =>
      scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
    );
  } finally {
    const next = waiting.shift();
    if (next)
      next(); // hand the slot straight on
    else running--;
  }
}

/** Hashes a password as "scrypt$N$r$p$salt$hash" at the current cost. */
export async function hashPassword(password: string): Promise<string> {
  const params = current;
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, KEY_BYTES, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  hash: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash || rest.length) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const key = Buffer.from(hash, "base64url");
  if (!validParams(params) || key.length < 16) return null;
  return { params, salt: Buffer.from(salt, "base64url"), hash: key };
}

const work = ({ N, r, p }: ScryptParams) => N * r * p;

/**
 * True when `password` matches `stored` (constant-time comparison). Every call costs at least one hash at
 * the current cost, whatever `stored` is: a hash made at a lower cost (before the cost was raised) is
 * recomputed until the work adds up, and an unreadable one is answered after a hash at the current cost.
 * So how long a sign-in takes says nothing about which account, if any, stands behind an address.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) {
    await scrypt(password, randomBytes(SALT_BYTES), KEY_BYTES, current);
    return false;
  }
  const { params, salt, hash } = parsed;
  const key = await scrypt(password, salt, hash.length, params);
  const rounds = Math.min(64, Math.floor(work(current) / work(params)));
  for (let i = 1; i < rounds; i++) await scrypt(password, salt, hash.length, params);
  return timingSafeEqual(key, hash);
}

/** True when `stored` was made at a lower cost than the current one (or cannot be read): hash again. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return true;
  const { N, r, p } = parsed.params;
  return N < current.N || r < current.r || p < current.p;
}

/** A hash no password matches, at the current cost: verified against when an address has no account. */
export function dummyHash(): string {
  const { N, r, p } = current;
  return `scrypt$${N}$${r}$${p}$${"A".repeat(22)}$${"A".repeat(43)}`;
}

/** A new random secret with a recognisable prefix (e.g. "cvg_…" for API tokens). */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** The SHA-256 hex digest stored in place of a bearer secret (secrets are random, so no salt is needed). */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A random password for one-time credentials: 20 characters, easy to copy. */
export function newOneTimePassword(): string {
  return randomBytes(15).toString("base64url");
}

/** Refuses passwords too weak to protect commercially sensitive data. */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return "must be at least 12 characters long.";
  if (password.length > 256) return "must be at most 256 characters long.";
  if (new Set(password).size < 5) return "must use more than a handful of different characters.";
  return null;
}
