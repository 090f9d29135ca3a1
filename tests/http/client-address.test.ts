// The sign-in limiter keys on the client's address: the socket peer, or — only when the peer is a
// trusted proxy (TRUSTED_PROXIES) — the rightmost X-Forwarded-For hop that is not a trusted proxy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "../../server/app.ts";
import { openDatabase, type Database } from "../../server/db/open.ts";
import { parseTrustedProxies, resolveClientAddress } from "../../server/http/client-address.ts";
import { LIMITS } from "../../server/shared/rate-limits.ts";

describe("resolveClientAddress", () => {
  const proxies = parseTrustedProxies("10.0.0.0/8, 192.0.2.1, fd00::/8");
  const none = parseTrustedProxies(undefined);

  it("uses the peer and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(resolveClientAddress("198.51.100.9", ["203.0.113.7"], none)).toBe("198.51.100.9");
  });

  it("ignores X-Forwarded-For sent by a peer that is not a trusted proxy", () => {
    expect(resolveClientAddress("198.51.100.9", ["203.0.113.7"], proxies)).toBe("198.51.100.9");
  });

  it("takes the hop the trusted proxy appended, not what the client wrote left of it", () => {
    expect(resolveClientAddress("10.1.2.3", ["6.6.6.6, 203.0.113.7"], proxies)).toBe("203.0.113.7");
  });

  it("walks right to left through every trusted hop (several header lines too)", () => {
    expect(resolveClientAddress("10.1.2.3", ["6.6.6.6, 203.0.113.7", "192.0.2.1, 10.9.9.9"], proxies)).toBe(
      "203.0.113.7",
    );
  });

  it("normalises IPv4-mapped IPv6 peers and hops", () => {
    expect(resolveClientAddress("::ffff:10.0.0.1", ["::ffff:203.0.113.7"], proxies)).toBe("203.0.113.7");
    expect(resolveClientAddress("fd00::1", ["2001:db8::5"], proxies)).toBe("2001:db8::5");
  });

  it("falls back to the leftmost hop when every hop is a trusted proxy, and to the peer without a header", () => {
    expect(resolveClientAddress("10.0.0.1", ["10.0.0.2, 10.0.0.3"], proxies)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.1", [], proxies)).toBe("10.0.0.1");
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or range, naming it", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.example")).toThrow(
      /TRUSTED_PROXIES: "proxy.example"/,
    );
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/TRUSTED_PROXIES: "10.0.0.0\/33"/);
  });

  it("knows the loopback keyword", () => {
    const loop = parseTrustedProxies("loopback");
    expect(loop.trusts("127.0.0.1")).toBe(true);
    expect(loop.trusts("::1")).toBe(true);
    expect(loop.trusts("10.0.0.1")).toBe(false);
  });
});

describe("the sign-in limiter behind a proxy (real sockets)", () => {
  let db: Database;
  const servers: { close(): void }[] = [];

  beforeAll(async () => {
    db = await openDatabase({});
  }, 60_000);
  afterAll(async () => {
    for (const s of servers) s.close();
    await db.close();
  });

  async function start(trusted: string | undefined): Promise<string> {
    const { app } = createApp({ prisma: db.prisma, trustedProxies: parseTrustedProxies(trusted) });
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const attempt = (url: string, forwardedFor: string) =>
    fetch(`${url}/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
      body: "{}",
    }).then((r) => r.status);

  it("keys on the forwarded client address when the peer is a trusted proxy", async () => {
    const url = await start("loopback");
    for (let i = 0; i < LIMITS.signInsPerMinute; i++) expect(await attempt(url, "203.0.113.7")).toBe(400);
    expect(await attempt(url, "203.0.113.7")).toBe(429);
    // A client cannot escape by writing its own hop in front: the proxy's hop is what counts.
    expect(await attempt(url, "198.51.100.1, 203.0.113.7")).toBe(429);
    // Another person behind the same proxy is not locked out.
    expect(await attempt(url, "203.0.113.8")).toBe(400);
  });

  it("ignores X-Forwarded-For when no proxy is trusted: varying it does not escape the limit", async () => {
    const url = await start(undefined);
    for (let i = 0; i < LIMITS.signInsPerMinute; i++)
      expect(await attempt(url, `203.0.113.${i + 1}`)).toBe(400);
    expect(await attempt(url, "198.51.100.200")).toBe(429);
  });
});
