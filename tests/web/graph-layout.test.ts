// The explorer's pure layout and list parts: the tile layout (first picture of every view, whole layout
// of big ones), the estimated drawn size of an asset, and the single-points-of-failure rows and CSV
// columns (any number of organisations).
import { describe, expect, it } from "vitest";
import { drawnSize, tileLayout, tileLayoutWithTiles, type TileNode } from "../../web/src/graph/tiles.ts";
import { spofColumns, spofRows } from "../../web/src/graph/spof-list.ts";
import { csvText } from "../../web/src/export.ts";
import type { SpofAnswer } from "../../web/src/graph/types.ts";

const KINDS = ["NETWORK", "STORAGE", "SERVER", "APPLICATION", "DATABASE"];

function estate(n: number, sites: number): TileNode[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    parent: i % 7 === 0 ? "" : `s${i % sites}`,
    kind: KINDS[i % KINDS.length]!,
    name: `Asset ${i}`,
    ...drawnSize(KINDS[i % KINDS.length]!, `Asset ${i}`, i % 9),
  }));
}

describe("tile layout", () => {
  it("places every asset, the same way every time, with no two assets' boxes overlapping", () => {
    const nodes = estate(600, 9);
    const a = tileLayout(1.5, nodes);
    expect(a.size).toBe(nodes.length);
    expect([...tileLayout(1.5, [...nodes].reverse())]).toEqual(expect.arrayContaining([...a]));
    const boxes = nodes.map((n) => ({ ...a.get(n.id)!, w: n.w, h: n.h }));
    const sorted = [...boxes].sort((p, q) => p.x - q.x);
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length && sorted[j]!.x - sorted[i]!.x < 100; j++) {
        const [p, q] = [sorted[i]!, sorted[j]!];
        const apart = Math.abs(p.x - q.x) >= (p.w + q.w) / 2 || Math.abs(p.y - q.y) >= (p.h + q.h) / 2;
        expect(apart).toBe(true);
      }
  });

  it("keeps each site's assets inside its own tile, tiles apart, applications above networks", () => {
    const nodes = estate(400, 5);
    const { positions, tiles } = tileLayoutWithTiles(1.5, nodes);
    expect(tiles.size).toBe(6); // five sites and the assets at none
    for (const n of nodes) {
      const r = tiles.get(n.parent)!;
      const p = positions.get(n.id)!;
      expect(p.x).toBeGreaterThanOrEqual(r.x1);
      expect(p.x).toBeLessThanOrEqual(r.x2);
      expect(p.y).toBeGreaterThanOrEqual(r.y1);
      expect(p.y).toBeLessThanOrEqual(r.y2);
    }
    const rects = [...tiles.values()];
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const [p, q] = [rects[i]!, rects[j]!];
        expect(p.x2 <= q.x1 || q.x2 <= p.x1 || p.y2 <= q.y1 || q.y2 <= p.y1).toBe(true);
      }
    const y = (kind: string) =>
      Math.max(
        ...nodes.filter((n) => n.parent === "s1" && n.kind === kind).map((n) => positions.get(n.id)!.y),
      );
    const top = (kind: string) =>
      Math.min(
        ...nodes.filter((n) => n.parent === "s1" && n.kind === kind).map((n) => positions.get(n.id)!.y),
      );
    expect(y("APPLICATION")).toBeLessThanOrEqual(top("NETWORK"));
  });

  it("shapes the picture like the canvas: wider for a wide canvas", () => {
    const nodes = estate(2000, 40);
    const extent = (aspect: number) => {
      const ps = [...tileLayout(aspect, nodes).values()];
      const w = Math.max(...ps.map((p) => p.x)) - Math.min(...ps.map((p) => p.x));
      const h = Math.max(...ps.map((p) => p.y)) - Math.min(...ps.map((p) => p.y));
      return w / h;
    };
    expect(extent(2.5)).toBeGreaterThan(extent(0.8));
    expect(extent(2.5)).toBeGreaterThan(1.2);
  });

  it("sizes an asset by its shape and its wrapped label, bigger labels for hubs", () => {
    const leaf = drawnSize("APPLICATION", "Payroll", 1);
    const hub = drawnSize("APPLICATION", "Payroll", 20);
    expect(leaf.w).toBeGreaterThanOrEqual(24);
    expect(hub.h).toBeGreaterThan(leaf.h);
    const long = drawnSize("STORAGE", "A rather long storage array name that wraps", 2);
    expect(long.w).toBeLessThanOrEqual(80);
    expect(long.h).toBeGreaterThan(drawnSize("STORAGE", "SAN", 2).h);
  });
});

describe("single points of failure list", () => {
  const asset = (id: string, org: string) => ({
    id,
    name: `Asset ${id}`,
    kind: "STORAGE",
    organisation: { code: org },
  });
  const takes = (...orgs: string[]) => orgs.map((code, i) => ({ id: `app${i}`, organisation: { code } }));
  const answer = {
    analysedCount: 10,
    truncated: false,
    entries: [
      { count: 4, asset: asset("x", "AAA"), takesDown: takes("AAA", "BBB", "CCC", "AAA") },
      { count: 1, asset: asset("y", "BBB"), takesDown: takes("BBB") },
    ],
  } as unknown as SpofAnswer;

  it("ranks as the server does and counts what each takes down per organisation", () => {
    const rows = spofRows(answer);
    expect(rows.map((r) => [r.rank, r.id, r.count])).toEqual([
      [1, "x", 4],
      [2, "y", 1],
    ]);
    expect(Object.fromEntries(rows[0]!.byOrg)).toEqual({ AAA: 2, BBB: 1, CCC: 1 });
  });

  it("exports one column per organisation that appears (three here), zero where none", () => {
    const rows = spofRows(answer);
    const cols = spofColumns(rows);
    const text = csvText(
      cols.map((c) => c.header),
      rows.map((r) => cols.map((c) => (typeof c.csv === "function" ? c.csv(r) : null))),
    );
    expect(text.split("\r\n")[0]).toBe(
      "Rank,Asset,Kind,Organisation,Applications taken down,Taken down (AAA),Taken down (BBB),Taken down (CCC)",
    );
    expect(text.split("\r\n")[2]).toBe("2,Asset y,Storage,BBB,1,0,1,0");
  });
});
