// Browser requests act only from Converge's own pages (server/http/csrf.ts): a request presenting the
// session cookie runs only when it says it comes from our origin (Sec-Fetch-Site, else Origin) and, when it
// acts, sends JSON. Each test sends one request the way a browser would and checks the answer AND that
// nothing was written. API-token requests (scripts) are not bound by any of this.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import {
  createOrgs,
  createUser,
  gql,
  newApp,
  ok,
  PASSWORD,
  resetDatabase,
  signIn,
  withToken,
  type App,
  type Credentials,
  type GqlError,
} from "../auth/fixtures.ts";

/** What app.request calls "the server's own origin". */
const OWN = "http://localhost";
/** A page on another port of the same host: same-site, so SameSite=Strict still sends the cookie. */
const OTHER_PORT = "http://localhost:8666";
const CREATE_TOKEN = `mutation { createApiToken(name: "planted", expiresInDays: 366) { token } }`;
const ME = "{ me { email } }";

describe.each(engines())("browser requests on %s", (engine) => {
  let db: TestDatabase;
  let app: App;
  let cookie: string;
  let token: string;
  /** API tokens before the request under test: the one `token` is. */
  let before: number;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    const orgs = await createOrgs(db.prisma);
    await createUser(db.prisma, "sam.lee@southshire.gov.uk", [[orgs.SCC, "EDITOR"]]);
  });
  afterAll(() => db?.close());

  beforeEach(async () => {
    await db.prisma.apiToken.deleteMany();
    await db.prisma.session.deleteMany();
    app = newApp(db.prisma);
    const session = await signIn(app, "sam.lee@southshire.gov.uk");
    cookie = session.headers.cookie!;
    token = ok(await gql(app, session, CREATE_TOKEN)).createApiToken.token;
    before = await db.prisma.apiToken.count();
  });

  /** Sends `body` to `path` with the session cookie and `headers` (what a browser adds to its request). */
  const withSession = (
    headers: Record<string, string>,
    body?: BodyInit,
    path = "/graphql",
    method = "POST",
  ) =>
    app.request(path, { method, headers: { cookie, ...headers }, ...(body === undefined ? {} : { body }) });

  const json = (query = CREATE_TOKEN) => JSON.stringify({ query });

  /** A 403 FORBIDDEN in the one error shape whose message matches `message`; no token was created. */
  async function expectRefused(res: Response, message: RegExp): Promise<void> {
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as { errors: GqlError[]; data?: unknown };
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.extensions?.code).toBe("FORBIDDEN");
    expect(body.errors[0]!.message).toMatch(message);
    expect(await db.prisma.apiToken.count(), "nothing was written").toBe(before);
  }

  async function expectTokenCreated(res: Response): Promise<void> {
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { data?: { createApiToken: { token: string } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.createApiToken.token).toMatch(/^cvg_/);
    expect(await db.prisma.apiToken.count()).toBe(before + 1);
  }

  describe("with the session cookie", () => {
    it("runs a JSON mutation sent from the server's own pages (Sec-Fetch-Site: same-origin)", async () => {
      await expectTokenCreated(
        await withSession({ "content-type": "application/json", "sec-fetch-site": "same-origin" }, json()),
      );
    });

    it("runs a JSON mutation from a browser that sends only an Origin equal to the server's own", async () => {
      await expectTokenCreated(
        await withSession({ "content-type": "application/json", origin: OWN }, json()),
      );
    });

    it("takes the origin behind an https proxy to be https (X-Forwarded-Proto)", async () => {
      const behindProxy = { "content-type": "application/json", "x-forwarded-proto": "https" };
      await expectRefused(
        await withSession({ ...behindProxy, origin: OWN }, json()),
        /only from Converge's own pages at https:\/\/localhost/,
      );
      await expectTokenCreated(await withSession({ ...behindProxy, origin: "https://localhost" }, json()));
    });

    it.each([
      ["form-encoded", () => new URLSearchParams({ query: CREATE_TOKEN })],
      [
        "multipart",
        () => {
          const form = new FormData();
          form.set("query", CREATE_TOKEN);
          return form;
        },
      ],
      ["text/plain", () => new Blob([json()], { type: "text/plain" })],
    ] as [string, () => BodyInit][])(
      "refuses a %s mutation even from the server's own pages, naming JSON as the fix",
      async (_kind, body) => {
        await expectRefused(
          await withSession({ "sec-fetch-site": "same-origin", origin: OWN }, body()),
          /send the request body as JSON \(content-type: application\/json\)/,
        );
      },
    );

    it("refuses an auto-submitted HTML form from another port of the same host", async () => {
      const res = await withSession(
        {
          "content-type": "application/x-www-form-urlencoded",
          "sec-fetch-site": "same-site",
          "sec-fetch-mode": "navigate",
          origin: OTHER_PORT,
        },
        new URLSearchParams({ query: CREATE_TOKEN }).toString(),
      );
      await expectRefused(
        res,
        /cross-origin request refused: .* own pages at http:\/\/localhost; scripts send an API token/,
      );
    });

    it.each(["same-site", "cross-site"])(
      "refuses a JSON mutation whose Sec-Fetch-Site is %s (what a CORS mistake would let through)",
      async (site) => {
        await expectRefused(
          await withSession(
            { "content-type": "application/json", "sec-fetch-site": site, origin: OTHER_PORT },
            json(),
          ),
          /cross-origin request refused/,
        );
      },
    );

    it("refuses a JSON mutation from another origin when the browser sends only Origin", async () => {
      await expectRefused(
        await withSession({ "content-type": "application/json", origin: OTHER_PORT }, json()),
        /cross-origin request refused/,
      );
    });

    it("refuses a mutation that says nothing of where it comes from, naming the header to send", async () => {
      await expectRefused(
        await withSession({ "content-type": "application/json" }, json()),
        /must come from Converge's own pages .* send "Origin: http:\/\/localhost"\); scripts send an API token/,
      );
    });

    it("lets a typed address or bookmark (Sec-Fetch-Site: none) read but not act", async () => {
      const read = await withSession(
        { "sec-fetch-site": "none", accept: "application/graphql-response+json" },
        undefined,
        `/graphql?query=${encodeURIComponent(ME)}`,
        "GET",
      );
      expect(read.status).toBe(200);
      expect(((await read.json()) as { data: { me: { email: string } } }).data.me.email).toBe(
        "sam.lee@southshire.gov.uk",
      );
      await expectRefused(
        await withSession({ "content-type": "application/json", "sec-fetch-site": "none" }, json()),
        /cross-origin request refused/,
      );
    });

    it("lets a GET query that carries neither header read (old browsers, curl with a cookie)", async () => {
      const res = await withSession(
        { accept: "application/graphql-response+json" },
        undefined,
        `/graphql?query=${encodeURIComponent(ME)}`,
        "GET",
      );
      expect(res.status).toBe(200);
    });

    it("refuses a GET query started by another site's page", async () => {
      await expectRefused(
        await withSession(
          { "sec-fetch-site": "same-site", accept: "application/graphql-response+json" },
          undefined,
          `/graphql?query=${encodeURIComponent(ME)}`,
          "GET",
        ),
        /cross-origin request refused/,
      );
    });

    it("serves GraphiQL's page to a link from another site: the page itself acts for nobody", async () => {
      const res = await withSession(
        { "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate", accept: "text/html" },
        undefined,
        `/graphql?query=${encodeURIComponent(ME)}`,
        "GET",
      );
      expect(res.status).toBe(200);
      expect(await res.text()).not.toContain("sam.lee@southshire.gov.uk");
    });

    it("refuses a sign-out or a /auth/me from another origin, and the session stays valid", async () => {
      const signOut = await withSession(
        { "content-type": "text/plain", "sec-fetch-site": "same-site", origin: OTHER_PORT },
        "{}",
        "/auth/sign-out",
      );
      await expectRefused(signOut, /cross-origin request refused/);
      await expectRefused(
        await withSession({ "sec-fetch-site": "same-site" }, undefined, "/auth/me", "GET"),
        /cross-origin request refused/,
      );
      const me = await withSession({ "sec-fetch-site": "same-origin" }, undefined, "/auth/me", "GET");
      expect(me.status).toBe(200);
      expect(await db.prisma.session.count({ where: { revokedAt: null } })).toBe(1);
    });

    it("signs out from the server's own pages with a JSON POST", async () => {
      const res = await withSession(
        { "content-type": "application/json", "sec-fetch-site": "same-origin" },
        "{}",
        "/auth/sign-out",
      );
      expect(res.status).toBe(200);
      expect(await db.prisma.session.count({ where: { revokedAt: null } })).toBe(0);
    });
  });

  describe("sign-in", () => {
    const form = new URLSearchParams({ email: "sam.lee@southshire.gov.uk", password: "x" }).toString();
    const formHeaders = { "content-type": "application/x-www-form-urlencoded" };

    it("refuses a sign-in form posted from another origin (signing the victim in as someone else)", async () => {
      const res = await app.request("/auth/sign-in", {
        method: "POST",
        headers: { ...formHeaders, "sec-fetch-site": "same-site", origin: OTHER_PORT },
        body: form,
      });
      await expectRefused(res, /cross-origin request refused/);
    });

    it("signs in again from a script that still holds a session cookie and sends no Origin", async () => {
      const res = await app.request("/auth/sign-in", {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({ email: "sam.lee@southshire.gov.uk", password: PASSWORD }),
      });
      expect(res.status).toBe(200);
    });

    it("refuses a sign-in that is not JSON, whoever sends it", async () => {
      const res = await app.request("/auth/sign-in", { method: "POST", headers: formHeaders, body: form });
      await expectRefused(res, /send the request body as JSON/);
      expect(await db.prisma.session.count()).toBe(1);
    });
  });

  describe("with an API token (scripts)", () => {
    let script: Credentials;
    beforeEach(() => {
      script = withToken(token);
    });

    it("runs a JSON mutation with no Origin or Sec-Fetch-Site at all", async () => {
      await expectTokenCreated(
        await app.request("/graphql", {
          method: "POST",
          headers: { ...script.headers, "content-type": "application/json" },
          body: json(),
        }),
      );
    });

    it("runs a form-encoded mutation (any body yoga reads), even alongside a session cookie", async () => {
      await expectTokenCreated(
        await app.request("/graphql", {
          method: "POST",
          headers: { ...script.headers, cookie },
          body: new URLSearchParams({ query: CREATE_TOKEN }),
        }),
      );
    });

    it("runs a request from another origin: a token cannot be sent by a page that does not hold it", async () => {
      await expectTokenCreated(
        await app.request("/graphql", {
          method: "POST",
          headers: {
            ...script.headers,
            "content-type": "application/json",
            "sec-fetch-site": "cross-site",
            origin: "https://planner.example.org",
          },
          body: json(),
        }),
      );
    });
  });
});
