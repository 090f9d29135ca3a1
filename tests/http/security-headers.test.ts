// Security headers on every kind of answer (server/http/security-headers.ts), and GraphiQL served from
// our own origin with no inline script (server/http/graphiql.ts).
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { renderGraphiQLPage } from "../../server/http/graphiql.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { ensureWebBuilt } from "../support/web-build.ts";
import {
  createOrgs,
  createUser,
  gql,
  newApp,
  resetDatabase,
  signIn,
  type App,
  type Credentials,
} from "../auth/fixtures.ts";

/** A Content-Security-Policy header as directive → sources. */
function policy(res: { headers: Headers }): Map<string, string[]> {
  const header = res.headers.get("content-security-policy");
  expect(header, "no Content-Security-Policy").toBeTruthy();
  return new Map(
    header!.split(";").map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

/** The rules every policy holds: our origin only, no inline or eval'd script, no plugins, no framing. */
function expectStrictPolicy(csp: Map<string, string[]>): void {
  expect(csp.get("default-src")).toEqual(["'self'"]);
  expect(csp.get("script-src")).toEqual(["'self'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("base-uri")).toEqual(["'none'"]);
  expect(csp.get("form-action")).toEqual(["'self'"]);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(csp.get("connect-src")).toEqual(["'self'"]);
  for (const [directive, sources] of csp) {
    for (const source of sources) {
      expect(source, `${directive} names another host`).toMatch(/^('[^']+'|data:)$/);
    }
  }
}

function expectHeaders(res: { headers: Headers }): void {
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
}

describe.each(engines())("security headers on %s", (engine) => {
  let db: TestDatabase;
  let app: App;
  let session: Credentials;

  beforeAll(async () => {
    ensureWebBuilt();
    db = await openTestDatabase(engine);
    await resetDatabase(db);
    const orgs = await createOrgs(db.prisma);
    await createUser(db.prisma, "sam.lee@southshire.gov.uk", [[orgs.SCC, "VIEWER"]]);
    app = newApp(db.prisma);
    session = await signIn(app, "sam.lee@southshire.gov.uk");
  });
  afterAll(() => db?.close());

  const graphiqlPage = () => app.request("/graphql", { headers: { accept: "text/html" } });

  it("puts the strict policy and the other headers on every kind of answer", async () => {
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      app.request(path, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
      });
    const answers: [string, Response][] = [
      ["the web app", await app.request("/")],
      ["its script", await app.request("/assets/app.js")],
      ["a missing file", await app.request("/assets/missing.js")],
      ["health", await app.request("/healthz")],
      ["bad sign-in input", await post("/auth/sign-in", "{}")],
      ["anonymous /auth/me", await app.request("/auth/me")],
      ["anonymous GraphQL", await post("/graphql", '{"query":"{ me { email } }"}')],
      ["a refused form post", await post("/graphql", "query=x", { "content-type": "text/plain" })],
      ["a body too large", await post("/auth/sign-in", "x".repeat(70_000))],
      ["GraphiQL's stylesheet", await app.request("/graphiql/graphiql.css")],
    ];
    const signedIn = await gql(app, session, "{ me { email } }");
    expect(signedIn.status).toBe(200);
    const statuses = answers.map(([what, res]) => `${what} ${res.status}`);
    expect(statuses).toEqual([
      "the web app 200",
      "its script 200",
      "a missing file 404",
      "health 200",
      "bad sign-in input 400",
      "anonymous /auth/me 401",
      "anonymous GraphQL 401",
      "a refused form post 403",
      "a body too large 413",
      "GraphiQL's stylesheet 200",
    ]);
    for (const [what, res] of answers) {
      expectHeaders(res);
      expectStrictPolicy(policy(res));
      expect(policy(res).get("style-src"), `${what}: no inline style beyond the hashed one`).not.toContain(
        "'unsafe-inline'",
      );
    }
    expectHeaders(signedIn);
    expectStrictPolicy(policy(signedIn));
  });

  it("gives GraphiQL's page the same script policy, plus workers from our origin", async () => {
    const res = await graphiqlPage();
    expect(res.status).toBe(200);
    expectHeaders(res);
    const csp = policy(res);
    expectStrictPolicy(csp);
    expect(csp.get("worker-src")).toEqual(["'self'"]);
  });

  it("serves GraphiQL's page with no inline script and nothing from another origin", async () => {
    const html = await (await graphiqlPage()).text();
    expect(html).not.toMatch(/https?:\/\//);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const [, attributes, body] of scripts) {
      const inert = /type="application\/json"/.test(attributes!);
      const external = /\bsrc="\/graphiql\//.test(attributes!) && body === "";
      expect(inert || external, `inline script: ${attributes}`).toBe(true);
    }
  });

  it("serves every file GraphiQL's page and start-up script load, from the package", async () => {
    const html = await (await graphiqlPage()).text();
    const boot = await app.request("/graphiql/boot.js");
    expect(boot.status).toBe(200);
    expect(boot.headers.get("content-type")).toMatch(/javascript/);
    const bootText = await boot.text();
    const pageFiles = [...html.matchAll(/(?:src|href)="(\/graphiql\/[^"]+)"/g)].map((m) => m[1]!);
    const workers = [...bootText.matchAll(/"([\w.]+\.bundle\.js)"/g)].map(
      (m) => `/graphiql/monacoeditorwork/${m[1]}`,
    );
    expect(pageFiles).toEqual([
      "/graphiql/graphiql.css",
      "/graphiql/boot.js",
      "/graphiql/yoga-graphiql.umd.js",
    ]);
    expect(workers).toHaveLength(3);
    for (const path of [...pageFiles, ...workers]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toMatch(
        path.endsWith(".css") ? /text\/css/ : /javascript/,
      );
      expectHeaders(res);
    }
  });

  it("serves no GraphiQL files when GraphiQL is off (production)", async () => {
    const { createApp } = await import("../../server/app.ts");
    const production = createApp({ prisma: db.prisma, graphiql: false }).app;
    expect((await production.request("/graphiql/yoga-graphiql.umd.js")).status).toBe(404);
  });
});

describe("GraphiQL's page", () => {
  it("carries its options as inert JSON that no value can break out of", () => {
    const options = { title: `</script><script>alert(1)</script>`, defaultQuery: "# </script><b>x</b>" };
    const html = renderGraphiQLPage(options);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<b>x</b>");
    const json = /<script type="application\/json" id="graphiql-options">([\s\S]*?)<\/script>/.exec(
      html,
    )![1]!;
    expect(JSON.parse(json)).toEqual(options);
    expect(html).toContain("<title>&#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62;</title>");
  });
});
