// Search matches the label people read — vendor, product name, edition — word by word: every word typed
// must begin a word of the label, in any order and case.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { loadSeedsIfEmpty } from "../../seeds/load.ts";
import { matchesWords, searchWords } from "../../server/shared/word-search.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { graphqlClient } from "../support/graphql.ts";
import { ok, type Gql } from "../api/fixtures.ts";

describe("matchesWords", () => {
  it("needs every word to begin a word of the label", () => {
    const words = (s: string) => searchWords(s);
    expect(matchesWords("Microsoft 365 E3", words("365 E3"))).toBe(true);
    expect(matchesWords("Microsoft 365 E3", words("e3 microsoft"))).toBe(true);
    expect(matchesWords("Anywhere365 Dialogue Cloud", words("E3"))).toBe(false);
    expect(matchesWords("Anywhere365 Dialogue Cloud", words("365"))).toBe(false);
    expect(matchesWords("Microsoft 365 E3", words("365 E5"))).toBe(false);
    expect(matchesWords("Palo Alto Networks Next-Generation Firewall", words("generation"))).toBe(true);
    expect(searchWords("   ")).toEqual([]);
  });
});

const LICENCES = /* GraphQL */ `
  query ($search: String) {
    licences(first: 200, filter: { search: $search }) {
      totalCount
      edges {
        node {
          organisation {
            code
          }
          product {
            name
            edition
            vendor {
              name
            }
          }
        }
      }
    }
  }
`;
const PRODUCTS = /* GraphQL */ `
  query ($search: String, $capability: [String!]) {
    products(filter: { search: $search, capability: $capability }) {
      name
      edition
      vendor {
        name
      }
    }
  }
`;

describe.each(engines())("word-by-word search on the seed estates on %s", (engine) => {
  let db: TestDatabase;
  let gql: Gql;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await loadSeedsIfEmpty(db.prisma);
    gql = graphqlClient(db.prisma);
  }, 180_000);
  afterAll(() => db?.close());

  const licenceLabels = async (search: string) =>
    [
      ...new Set(
        ok(await gql(LICENCES, { search })).licences.edges.map(
          (e: any) => `${e.node.product.vendor.name}|${e.node.product.name}|${e.node.product.edition}`,
        ),
      ),
    ].sort();

  it('finds Microsoft 365 E3 by "365 E3", "E3" and "microsoft e3", and not Anywhere365', async () => {
    for (const search of ["365 E3", "E3", "microsoft e3", "e3 365"])
      expect(await licenceLabels(search), search).toEqual(["Microsoft|Microsoft 365|E3"]);
    const both = ok(await gql(LICENCES, { search: "365 E3" })).licences;
    expect(both.edges.map((e: any) => e.node.organisation.code).sort()).toEqual(["DCC", "SCC"]);
  });

  it("matches the vendor, the name and the edition, and treats LIKE wildcards as text", async () => {
    expect(await licenceLabels("sql standard")).toEqual(["Microsoft|Microsoft SQL Server|Standard"]);
    expect(await licenceLabels("broadcom vsphere")).toEqual([
      "VMware by Broadcom|VMware vSphere Foundation|",
    ]);
    expect(await licenceLabels("anywhere365")).toEqual(["Anywhere365|Anywhere365 Dialogue Cloud|"]);
    expect(await licenceLabels("%")).toEqual([]);
    expect(await licenceLabels("365 E5")).toEqual([]);
  });

  it("searches products by their label or a raw alias, and filters them by any level of the taxonomy", async () => {
    const names = async (vars: Record<string, unknown>) =>
      ok(await gql(PRODUCTS, vars)).products.map((p: any) =>
        `${p.vendor.name} ${p.name} ${p.edition}`.trim(),
      );
    expect(await names({ search: "365 E3" })).toEqual(["Microsoft Microsoft 365 E3"]);
    expect(await names({ search: "MS365 EA" })).toEqual(["Microsoft Microsoft 365 E3"]); // alias "MS365 E3 (EA)"
    const telecare = await names({ capability: ["SOCIAL_CARE_ADULTS.TELECARE_MONITORING"] });
    expect(telecare.sort()).toEqual(["Jontek Answerlink", "Tunstall PNC"]);
    const adults = await names({ capability: ["SOCIAL_CARE_ADULTS"] });
    expect(adults).toEqual(
      expect.arrayContaining(["Jontek Answerlink", "Totalmobile Totalmobile Scheduling"]),
    );
    const domain = await names({ capability: ["SOCIAL_CARE_DOMAIN"] });
    expect(domain.length).toBeGreaterThan(adults.length);
  });
});
