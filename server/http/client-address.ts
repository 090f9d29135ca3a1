// The address of the client behind a request, for per-address limits (the sign-in limiter).
// Directly connected, it is the socket's peer. Behind a proxy every request comes from the proxy, so the
// peer alone would put every person in one bucket: when (and only when) the peer is a proxy listed in
// TRUSTED_PROXIES, X-Forwarded-For is read right to left, skipping hops that are themselves trusted
// proxies, and the first address that is not one is the client. Entries left of it were written by the
// client itself and are never believed.
import { BlockList, isIP } from "node:net";
import type { Context as HonoContext } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";

/** Which peers are proxies whose X-Forwarded-For we believe. */
export interface TrustedProxies {
  /** True when `address` (IPv4, IPv6 or IPv4-mapped IPv6) is a trusted proxy. */
  trusts(address: string): boolean;
  /** The entries as configured, for logs. */
  readonly entries: readonly string[];
}

/** `::ffff:10.0.0.1` → `10.0.0.1`; brackets and zone ids removed; lower case. */
export function normaliseAddress(raw: string): string {
  let a = raw.trim().toLowerCase();
  if (a.startsWith("[") && a.includes("]")) a = a.slice(1, a.indexOf("]"));
  const zone = a.indexOf("%");
  if (zone >= 0) a = a.slice(0, zone);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  return mapped ? mapped[1]! : a;
}

/**
 * Parses TRUSTED_PROXIES: comma-separated addresses or CIDR ranges (`10.0.0.5`, `10.0.0.0/8`,
 * `fd00::/8`), or `loopback` for 127.0.0.0/8 and ::1. Unset or empty: no proxy is trusted and
 * X-Forwarded-For is ignored. Throws an error naming the bad entry and the expected form.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (value ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (entry === "loopback") {
      list.addSubnet("127.0.0.0", 8, "ipv4");
      list.addAddress("::1", "ipv6");
      continue;
    }
    const [address, bits, extra] = entry.split("/");
    const family = isIP(normaliseAddress(address ?? ""));
    const prefix = bits === undefined ? undefined : Number(bits);
    const maxBits = family === 4 ? 32 : 128;
    if (
      !family ||
      extra !== undefined ||
      (prefix !== undefined && (!/^\d+$/.test(bits!) || prefix > maxBits))
    ) {
      throw new Error(
        `TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range; write e.g. 10.0.0.5, 10.0.0.0/8, fd00::/8 or loopback, separated by commas.`,
      );
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(normaliseAddress(address!), type);
    else list.addSubnet(normaliseAddress(address!), prefix, type);
  }
  return {
    entries,
    trusts(raw: string) {
      const address = normaliseAddress(raw);
      const family = isIP(address);
      if (!family) return false;
      return list.check(address, family === 4 ? "ipv4" : "ipv6");
    },
  };
}

/**
 * The client's address given the socket peer and the X-Forwarded-For header values: the peer unless
 * it is a trusted proxy; otherwise the rightmost forwarded hop that is not a trusted proxy (or the
 * leftmost hop when every hop is trusted).
 */
export function resolveClientAddress(
  peer: string,
  forwardedFor: readonly string[],
  trusted: TrustedProxies,
): string {
  let client = normaliseAddress(peer);
  if (!trusted.trusts(client)) return client;
  const hops = forwardedFor
    .flatMap((h) => h.split(","))
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    client = normaliseAddress(hops[i]!);
    if (!trusted.trusts(client)) return client;
  }
  return client;
}

/** The socket peer of a request served by @hono/node-server; "local" for in-process requests. */
function peerAddress(c: HonoContext): string {
  const env = c.env as { incoming?: unknown; server?: { incoming?: unknown } } | undefined;
  if (!env?.incoming && !env?.server?.incoming) return "local";
  return getConnInfo(c).remote.address ?? "local";
}

/** The client address of a request, believing X-Forwarded-For only from `trusted` proxies. */
export function clientAddress(c: HonoContext, trusted: TrustedProxies): string {
  const header = c.req.raw.headers.get("x-forwarded-for");
  return resolveClientAddress(peerAddress(c), header ? [header] : [], trusted);
}
