// The query cost model (server/graphql-cost.ts) on the real schema, with hand-worked costs: every
// object in an answer costs 1, a list multiplies (a page by its `first`), a connection's `edges` and
// `pageInfo` are free wrappers, and the price list (server/graphql-prices.ts) adds analytic work and
// list sizes.
import { describe, expect, it } from "vitest";
import { parse } from "graphql";
import { buildSchema } from "../../server/schema.ts";
import { DEFAULT_LIST_SIZE, executedRootFields, operationCost } from "../../server/graphql-cost.ts";
import { QUERY_LIMITS } from "../../server/graphql-limits.ts";
import { ANALYTIC_FIELDS, FIELD_PRICES } from "../../server/graphql-prices.ts";

const schema = buildSchema();

const cost = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  operationCost(schema, parse(query), operationName, variables)?.cost;

/** The price list's entry for `Type.field`. */
function annotation(type: "Query" | "Mutation", field: string): { weight?: number; assumedSize?: number } {
  const price = FIELD_PRICES.get(`${type}.${field}`)!;
  return { weight: price.work, assumedSize: price.assumedSize };
}

describe("the price list", () => {
  it("names only fields that exist, arguments they take, and sizes only for lists", () => {
    const wrong: string[] = [];
    for (const [key, price] of FIELD_PRICES) {
      const [typeName, fieldName] = key.split(".");
      // Structural checks: the schema's graphql module may be another realm than this file's.
      const type = schema.getType(typeName!);
      const field = type && "getFields" in type ? type.getFields()[fieldName!] : undefined;
      if (!field || !("args" in field)) {
        wrong.push(`${key}: no such field`);
        continue;
      }
      if (price.sizedBy && !field.args.some((a) => a.name === price.sizedBy))
        wrong.push(`${key}: no argument ${price.sizedBy}`);
      if (price.assumedSize !== undefined && !/^\[.*\]!?$/.test(String(field.type)))
        wrong.push(`${key}: assumedSize on a field that is not a list`);
      if (price.work !== undefined && !(Number.isInteger(price.work) && price.work > 0))
        wrong.push(`${key}: work must be a positive whole number`);
    }
    expect(wrong).toEqual([]);
  });

  it("makes the heaviest analysis and the import expensive on their own: they wait their turn behind the gate", () => {
    expect(cost(`{ licenceOverlaps { __typename } }`)).toBeGreaterThanOrEqual(QUERY_LIMITS.expensiveCost);
    expect(ANALYTIC_FIELDS["Mutation.importOcds"].work).toBeGreaterThanOrEqual(QUERY_LIMITS.expensiveCost);
  });
});

describe("query cost", () => {
  it("prices a page by its rows: 450 assets with an organisation and a site cost 1 + 450 × 3", () => {
    const page = `{ assets(first: 450) { edges { node { name kind organisation { code name } site { name } } } } }`;
    expect(cost(page)).toBe(1 + 450 * 3);
  });

  it("lets a page of the advertised maximum (500) with scalars and to-one relations through", () => {
    const page = `{ assets(first: 500) { totalCount edges { cursor node { id name kind lifecycle annualRunCost
      organisation { code name } site { name } } } pageInfo { hasNextPage endCursor } } }`;
    expect(cost(page)).toBe(1 + 500 * 3);
    expect(cost(page)).toBeLessThan(QUERY_LIMITS.maxCost / 5);
  });

  it("charges scalars nothing and a connection's totalCount, pageInfo and edges nothing per page", () => {
    expect(cost(`{ assets(first: 500) { edges { node { id name kind lifecycle } } } }`)).toBe(1 + 500);
    expect(
      cost(
        `{ assets(first: 500) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`,
      ),
    ).toBe(1 + 500);
  });

  it("takes the page size from a variable, and the schema's default of 50 when none is given", () => {
    const query = `query ($n: Int) { assets(first: $n) { edges { node { site { name } } } } }`;
    expect(cost(query, { n: 450 })).toBe(1 + 450 * 2);
    expect(cost(query)).toBe(1 + 50 * 2);
    expect(cost(`{ assets { edges { node { id } } } }`)).toBe(1 + 50);
  });

  it(`assumes ${DEFAULT_LIST_SIZE} elements for a list nothing bounds, and multiplies nested lists`, () => {
    const query = `query ($id: ID!) { asset(id: $id) { dependsOn { target { dependsOn { id } } } } }`;
    const size = DEFAULT_LIST_SIZE;
    expect(cost(query, { id: "Asset:x" })).toBe(1 + size * (1 + 1 + size * 1));
  });

  it("counts every alias and every fragment spread", () => {
    const one = cost(`{ organisations { code } }`)!;
    expect(cost(`{ a: organisations { code } b: organisations { code } }`)).toBe(2 * one);
    expect(cost(`{ ...F ...F } fragment F on Query { organisations { code } }`)).toBe(2 * one);
    expect(cost(`{ ... on Query { organisations { code } } }`)).toBe(one);
  });

  it("leaves out fields that @skip or @include leave out", () => {
    const query = `query ($x: Boolean!) { a: organisations @include(if: $x) { code } b: organisations @skip(if: $x) { code } }`;
    const one = cost(`{ organisations { code } }`)!;
    expect(cost(query, { x: true })).toBe(one);
    expect(cost(`{ a: organisations @skip(if: true) { code } }`)).toBe(0);
  });

  it("prices an interface by the costliest type the answer could be", () => {
    const query = `{ node(id: "Asset:x") { id ... on Asset { dependsOn { id } } ... on Site { name } } }`;
    expect(cost(query)).toBe(1 + DEFAULT_LIST_SIZE);
  });

  it("adds an analytic field's work from the price list once per call, whatever it returns", () => {
    const { weight, assumedSize } = annotation("Query", "licenceOverlaps");
    expect(weight).toBeGreaterThan(0);
    expect(cost(`{ licenceOverlaps { id } }`)).toBe(weight! + assumedSize! * 1);
    expect(cost(`{ a: licenceOverlaps { id } b: licenceOverlaps { id } }`)).toBe(
      2 * (weight! + assumedSize!),
    );
  });

  it(`prices 20 aliased licenceOverlaps over the limit of ${QUERY_LIMITS.maxCost}, and one well under it`, () => {
    const twenty = Array.from({ length: 20 }, (_v, i) => `o${i}: licenceOverlaps { id label }`).join(" ");
    expect(cost(`{ ${twenty} }`)).toBeGreaterThan(QUERY_LIMITS.maxCost);
    expect(cost(`{ licenceOverlaps { id label } }`)).toBeLessThan(QUERY_LIMITS.maxCost / 10);
  });

  it("sizes the lists inside a field by the argument its sizedBy price names: a graph view by its limit", () => {
    const query = `{ graph(limit: 10000) { nodes { id } edges { id } } }`;
    const { weight } = annotation("Query", "graph");
    expect(cost(query)).toBe(weight! + 1 + 10_000 + 10_000);
    expect(cost(`{ graph(limit: 10000) { nodes { id } edges { id } sites { id } } }`)).toBeLessThanOrEqual(
      QUERY_LIMITS.maxCost,
    );
  });

  it("sizes a list by the length of the list argument that bounds it", () => {
    const { weight } = annotation("Mutation", "submitProductTitles");
    const query = `mutation ($t: [String!]!) { submitProductTitles(titles: $t) { title product { id } } }`;
    expect(cost(query, { t: ["a", "b", "c"] })).toBe(weight! + 3 * (1 + 1));
  });

  it("prices the operation that runs, and nothing when its variables are invalid", () => {
    const doc = `query A { organisations { code } } query B { licenceOverlaps { id } }`;
    expect(cost(doc, {}, "A")).toBe(cost(`{ organisations { code } }`));
    expect(cost(`query ($n: Int) { assets(first: $n) { totalCount } }`, { n: "many" })).toBeUndefined();
  });

  it("prices a document that reuses fragments at every level without walking every path", () => {
    // 8 levels, each spreading the next fragment 10 times: 10^8 paths, a few hundred selections.
    const levels = 8;
    const fragments = Array.from({ length: levels }, (_v, i) => {
      const body = i === levels - 1 ? "id" : `dependsOn { target { ${`...F${i + 1} `.repeat(10)}} }`;
      return `fragment F${i} on Asset { ${body} }`;
    });
    const started = performance.now();
    const value = cost(`{ asset(id: "Asset:x") { ...F0 } } ${fragments.join(" ")}`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(value).toBeGreaterThan(QUERY_LIMITS.maxCost);
  });
});

describe("executed root fields", () => {
  const fields = (query: string, variables: Record<string, unknown> = {}) =>
    executedRootFields(schema, parse(query), undefined, variables)?.fields;

  it("lists every aliased mutation field and every one a fragment brings", () => {
    expect(
      fields(
        `mutation { a: retireSite(id: "x", version: 1) { id } b: retireSite(id: "y", version: 1) { id } ...M }
         fragment M on Mutation { c: retireSite(id: "z", version: 1) { id } }`,
      ),
    ).toEqual(["retireSite", "retireSite", "retireSite"]);
  });

  it("leaves out mutation fields that @skip leaves out", () => {
    expect(
      fields(`mutation ($s: Boolean!) { a: retireSite(id: "x", version: 1) @skip(if: $s) { id } }`, {
        s: true,
      }),
    ).toEqual([]);
  });
});
