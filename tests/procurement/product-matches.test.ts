// Product-match review: uncertain titles are queued, a confirmed title becomes an alias (and then
// matches by ALIAS), a rejected proposal is never made again for that title.
import { randomUUID } from "node:crypto";
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import { createOrganisations, fingerprint, gid, ok, type Gql } from "../api/fixtures.ts";
import { actorWith } from "./fixture.ts";

const MATCH = /* GraphQL */ `
  query ($title: String!) {
    matchProductTitle(title: $title) {
      title
      method
      score
      needsReview
      version
      product {
        id
        name
      }
      review {
        id
        status
        rejectedProducts {
          id
        }
      }
    }
  }
`;
const SUBMIT = /* GraphQL */ `
  mutation ($titles: [String!]!) {
    submitProductTitles(titles: $titles, source: "SCC register 2026") {
      title
      method
      needsReview
      product {
        name
      }
      review {
        id
        status
        source
      }
    }
  }
`;
const QUEUE = /* GraphQL */ `
  query ($status: [ProductMatchStatus!]) {
    productMatchesToReview(status: $status) {
      id
      title
      method
      score
      status
      proposedProduct {
        id
        name
      }
      confirmedProduct {
        name
      }
      rejectedProducts {
        name
      }
      decidedBy
      version
    }
  }
`;
const CONFIRM = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $productId: ID!) {
    confirmProductMatch(id: $id, version: $version, productId: $productId) {
      id
      status
      confirmedProduct {
        name
      }
      decidedBy
      version
    }
  }
`;
const REJECT = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!) {
    rejectProductMatch(id: $id, version: $version) {
      id
      status
      rejectedProducts {
        name
      }
      version
    }
  }
`;

describe.each(engines())("product-match review on %s", (engine) => {
  let db: TestDatabase;
  let gql: Gql;
  const products: Record<string, string> = {};

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    gql = graphqlClient(db.prisma);
  });
  afterAll(() => db?.close());
  beforeEach(async () => {
    await db.truncate();
    await createOrganisations(db.prisma);
    const catalogue: [string, string, string][] = [
      ["Microsoft", "Visio", "Professional"],
      ["Microsoft", "Project", "Professional"],
      ["Sophos", "Central Intercept X", "Advanced"],
      ["Smoothwall", "Filter", ""],
    ];
    for (const [vendorName, name, edition] of catalogue) {
      const vendor =
        (await db.prisma.vendor.findUnique({ where: { name: vendorName } })) ??
        (await db.prisma.vendor.create({ data: { id: randomUUID(), name: vendorName } }));
      products[name] = (
        await db.prisma.product.create({ data: { id: randomUUID(), vendorId: vendor.id, name, edition } })
      ).id;
    }
  });

  it("queues only the uncertain titles, each once", async () => {
    const titles = [
      "Microsoft Visio Professional 2019",
      "Sophos Intercept X Advanced",
      "Totally Unknown Widget",
    ];
    const r = ok(await gql(SUBMIT, { titles })).submitProductTitles;
    expect(r.map((m: any) => [m.method, m.needsReview, m.review?.status ?? null])).toEqual([
      ["RULE", false, null],
      ["FUZZY", true, "PENDING"],
      ["NONE", false, "PENDING"],
    ]);
    ok(await gql(SUBMIT, { titles }));
    const queue = ok(await gql(QUEUE)).productMatchesToReview;
    expect(queue.map((q: any) => [q.title, q.method, q.status, q.proposedProduct?.name ?? null])).toEqual([
      ["Sophos Intercept X Advanced", "FUZZY", "PENDING", "Central Intercept X"],
      ["Totally Unknown Widget", "NONE", "PENDING", null],
    ]);
    expect(queue[0].id).toMatch(/^ProductMatch:/);
  });

  it("remembers a confirmation as an alias: the title then matches by ALIAS", async () => {
    const before = ok(await gql(MATCH, { title: "Sophos Intercept X Advanced" })).matchProductTitle;
    expect(before).toMatchObject({
      method: "FUZZY",
      needsReview: true,
      product: { name: "Central Intercept X" },
      review: null,
    });
    ok(await gql(SUBMIT, { titles: ["Sophos Intercept X Advanced"] }));
    const [queued] = ok(await gql(QUEUE)).productMatchesToReview;
    const confirmed = ok(
      await gql(CONFIRM, {
        id: queued.id,
        version: queued.version,
        productId: gid("Product", products["Central Intercept X"]!),
      }),
    ).confirmProductMatch;
    expect(confirmed).toMatchObject({
      status: "CONFIRMED",
      confirmedProduct: { name: "Central Intercept X" },
      decidedBy: "system",
      version: 2,
    });
    const alias = await db.prisma.productAlias.findFirstOrThrow({
      where: { productId: products["Central Intercept X"] },
    });
    expect(alias).toMatchObject({
      alias: "Sophos Intercept X Advanced",
      normalised: "sophos intercept x advanced",
    });
    for (const title of ["Sophos Intercept X Advanced", "  sophos   INTERCEPT x advanced "]) {
      const after = ok(await gql(MATCH, { title })).matchProductTitle;
      expect(after).toMatchObject({
        method: "ALIAS",
        score: 1,
        needsReview: false,
        product: { name: "Central Intercept X" },
      });
    }
    expect(ok(await gql(QUEUE)).productMatchesToReview).toEqual([]);
    expect(ok(await gql(QUEUE, { status: ["CONFIRMED"] })).productMatchesToReview).toHaveLength(1);
  });

  it("remembers a rejection: that product is never proposed for the title again", async () => {
    expect(ok(await gql(MATCH, { title: "Smoothwall Web Filter" })).matchProductTitle).toMatchObject({
      method: "FUZZY",
      product: { name: "Filter" },
    });
    ok(await gql(SUBMIT, { titles: ["Smoothwall Web Filter"] }));
    const [queued] = ok(await gql(QUEUE)).productMatchesToReview;
    const rejected = ok(await gql(REJECT, { id: queued.id, version: queued.version })).rejectProductMatch;
    expect(rejected).toMatchObject({ status: "REJECTED", rejectedProducts: [{ name: "Filter" }] });
    const after = ok(await gql(MATCH, { title: "Smoothwall Web Filter" })).matchProductTitle;
    expect(after).toMatchObject({
      method: "NONE",
      product: null,
      review: { status: "REJECTED", rejectedProducts: [{ id: gid("Product", products.Filter!) }] },
    });
    const resubmitted = ok(await gql(SUBMIT, { titles: ["Smoothwall Web Filter"] })).submitProductTitles[0];
    expect(resubmitted).toMatchObject({ method: "NONE", product: null, review: { status: "REJECTED" } });
    expect(ok(await gql(QUEUE)).productMatchesToReview).toEqual([]);
  });

  it("lets only people with editProcurement decide", async () => {
    ok(await gql(SUBMIT, { titles: ["Sophos Intercept X Advanced"] }));
    const [queued] = ok(await gql(QUEUE)).productMatchesToReview;
    const orgs = await db.prisma.organisation.findMany();
    const viewer = graphqlClient(
      db.prisma,
      actorWith(Object.fromEntries(orgs.map((o) => [o.id, ["VIEWER" as const]]))),
    );
    const before = await fingerprint(db.prisma);
    expect(
      (
        await viewer(CONFIRM, {
          id: queued.id,
          version: queued.version,
          productId: gid("Product", products["Central Intercept X"]!),
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
    expect(
      (await viewer(REJECT, { id: queued.id, version: queued.version })).errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
    expect((await viewer(SUBMIT, { titles: ["Anything"] })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await fingerprint(db.prisma)).toEqual(before);
    // Trying a title records nothing, so anyone who can read may do it.
    expect(ok(await viewer(MATCH, { title: "Microsoft Visio Pro 2016" })).matchProductTitle).toMatchObject({
      method: "RULE",
      product: { name: "Visio" },
    });
  });

  it("refuses to confirm onto a missing product, or twice", async () => {
    ok(await gql(SUBMIT, { titles: ["Sophos Intercept X Advanced"] }));
    const [queued] = ok(await gql(QUEUE)).productMatchesToReview;
    const product = gid("Product", products["Central Intercept X"]!);
    const missing = await gql(CONFIRM, {
      id: queued.id,
      version: queued.version,
      productId: gid("Product", randomUUID()),
    });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "productId" });
    const confirmed = ok(
      await gql(CONFIRM, { id: queued.id, version: queued.version, productId: product }),
    ).confirmProductMatch;
    const twice = await gql(CONFIRM, { id: queued.id, version: confirmed.version, productId: product });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "id" });
    const wrongType = await gql(REJECT, { id: gid("Product", randomUUID()), version: 1 });
    expect(wrongType.errors?.[0]?.extensions).toMatchObject({ code: "BAD_INPUT", field: "id" });
  });

  it("refuses a confirm or reject from a stale version with CONFLICT on version, writing nothing", async () => {
    ok(await gql(SUBMIT, { titles: ["Sophos Intercept X Advanced", "Smoothwall Web Filter"] }));
    const [first, second] = ok(await gql(QUEUE)).productMatchesToReview;
    ok(await gql(REJECT, { id: first.id, version: first.version }));
    const before = await fingerprint(db.prisma);
    const aliases = await db.prisma.productAlias.count();
    const product = gid("Product", products["Central Intercept X"]!);
    for (const stale of [
      () => gql(CONFIRM, { id: first.id, version: first.version, productId: product }),
      () => gql(REJECT, { id: first.id, version: first.version }),
      () => gql(REJECT, { id: second.id, version: second.version + 1 }),
    ])
      expect((await stale()).errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "version" });
    expect(await fingerprint(db.prisma)).toEqual(before);
    expect(await db.prisma.productAlias.count()).toBe(aliases);
  });

  // A race needs concurrent transactions: PGlite runs one statement at a time, so only PostgreSQL
  // (DATABASE_URL) shows whether the conditional write holds.
  it.skipIf(engine !== "postgres")(
    "lets exactly one of a concurrent confirm and reject win, 40 times over, and never leaves an alias behind a rejection",
    async () => {
      const titles = Array.from({ length: 40 }, (_, i) => `Sophos Intercept X Advanced edition ${i}`);
      ok(await gql(SUBMIT, { titles }));
      const queue = ok(await gql(QUEUE)).productMatchesToReview as { id: string; version: number }[];
      expect(queue).toHaveLength(40);
      const product = gid("Product", products["Central Intercept X"]!);
      const results = await Promise.all(
        queue.flatMap((q) => [
          gql(CONFIRM, { id: q.id, version: q.version, productId: product }),
          gql(REJECT, { id: q.id, version: q.version }),
        ]),
      );
      for (let i = 0; i < queue.length; i++) {
        const [confirm, reject] = [results[2 * i]!, results[2 * i + 1]!];
        const won = [confirm, reject].filter((r) => !r.errors);
        const lost = [confirm, reject].filter((r) => r.errors);
        expect(won, `pair ${i}: exactly one of confirm and reject succeeds`).toHaveLength(1);
        expect(lost[0]!.errors![0]!.extensions).toMatchObject({ code: "CONFLICT", field: "version" });
      }
      const rows = await db.prisma.productMatch.findMany({
        where: { id: { in: queue.map((q) => q.id.split(":")[1]!) } },
      });
      const aliases = new Set((await db.prisma.productAlias.findMany()).map((a) => a.normalised));
      for (const row of rows) {
        expect(row.version).toBe(2);
        expect(aliases.has(row.normalised), `${row.title} is ${row.status}`).toBe(row.status === "CONFIRMED");
        // One audit event for the decision (plus one for the alias when confirmed), none for the loser.
        const events = await db.prisma.auditEvent.count({ where: { entityId: row.id, action: "UPDATE" } });
        expect(events).toBe(1);
      }
      const confirmedCount = rows.filter((r) => r.status === "CONFIRMED").length;
      expect(await db.prisma.auditEvent.count({ where: { entityType: "ProductAlias" } })).toBe(
        confirmedCount,
      );
    },
  );
});
