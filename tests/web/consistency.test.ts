// What the pages agree on: a summary count opens a list of exactly that many; each organisation has one
// colour on every page; an organisation with nothing recorded says so instead of zeros and £0.00; an
// anonymous first visit logs no console error; and any page prints as a clean report (a PDF printed by
// Chromium, and print-media screenshots to look at).
import { writeFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHOTS } from "./browser.ts";
import { openPage, shot, startHarness, type Harness } from "./harness.ts";
import { OrgPalette } from "../../web/src/graph/palette.ts";
import { graphqlRequest } from "./server-fixture.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

describe("consistency and print", { timeout: 180_000 }, () => {
  it("opens, from each summary count, a list of exactly that count", async () => {
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      for (const code of ["SCC", "DCC"]) {
        for (const [row, listId] of [
          ["Assets (not retired)", "asset"],
          ["Sites (not retired)", "site"],
          ["Licences (active)", "licence"],
          ["Contracts (active)", "contract"],
        ] as const) {
          await page.goto(`${h.server.url}/#/`);
          await page.waitForSelector("#summary-table");
          const cell = page.locator(`#summary-table tr:has(th:text-is("${row}")) td[data-org="${code}"] a`);
          const shown = Number((await cell.textContent())!.replace(/,/g, ""));
          await cell.click();
          await page.waitForSelector(`#${listId}-results[aria-busy="false"]`);
          const line = await page.textContent(`#${listId}-count`);
          expect(line, `${code} ${row}`).toMatch(new RegExp(`of ${shown.toLocaleString("en-GB")} `));
        }
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("gives each organisation the graph palette's one colour on the summary, the lists and the renewals timeline", async () => {
    const { organisations } = await graphqlRequest<{ organisations: { code: string }[] }>(
      h.server,
      "{ organisations { code } }",
    );
    const palette = new OrgPalette(organisations.map((o) => o.code));
    const hexToRgb = (hex: string) => {
      const n = parseInt(hex.slice(1), 16);
      return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
    };
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      await page.goto(`${h.server.url}/#/`);
      await page.waitForSelector("#summary-table");
      for (const code of ["SCC", "DCC"]) {
        const bar = await page.$eval(
          `#summary-table thead th[data-org="${code}"]`,
          (th) => getComputedStyle(th).borderTopColor,
        );
        expect(bar, `summary ${code}`).toBe(hexToRgb(palette.colour(code)));
      }
      await page.goto(`${h.server.url}/#/assets`);
      await page.waitForSelector('#asset-results[aria-busy="false"] #asset-rows tr');
      const dots = await page.$$eval("#asset-rows .org-tag", (tags) =>
        tags.map((t) => [t.textContent, getComputedStyle(t, "::before").backgroundColor] as const),
      );
      for (const [code, colour] of dots)
        expect(colour, `assets ${code}`).toBe(hexToRgb(palette.colour(code!)));
      await page.goto(`${h.server.url}/#/procurement`);
      await page.waitForSelector(".proc-timeline");
      const marks = await page.$$eval(".proc-timeline tspan[font-weight='700']", (ts) =>
        ts
          .filter((t) => /^[A-Z]+ $/.test(t.textContent ?? ""))
          .map((t) => [t.textContent!.trim(), t.getAttribute("fill")]),
      );
      expect(marks.length).toBeGreaterThan(0);
      for (const [code, fill] of marks) expect(fill, `renewals ${code}`).toBe(palette.colour(code!));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("says nothing is recorded yet for the shared service instead of a column of zeros and £0.00", async () => {
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      await page.goto(`${h.server.url}/#/`);
      await page.waitForSelector("#summary-table");
      expect(await page.textContent('#summary-table thead th[data-org="SHARED"]')).toContain(
        "Nothing recorded yet",
      );
      const cells = await page.$$eval('#summary-table tbody td[data-org="SHARED"]', (tds) =>
        tds.map((t) => t.textContent),
      );
      expect(cells.filter((c) => c === "£0.00" || c === "0")).toEqual([]);
      await shot(page, "web-summary", true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("logs no console error on an anonymous first visit", async () => {
    const { page, context, problems } = await openPage(h, undefined);
    try {
      await page.goto(`${h.server.url}/`);
      await page.waitForSelector("#sign-in-form");
      await page.waitForTimeout(300);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("prints sortable headings as plain text, which the header row repeated on page 2+ keeps", async () => {
    // Chromium leaves buttons out of the table header it repeats on each printed page, so a heading that
    // is a sort button printed blank from page 2 on ("Owned", "Annual cost"). Print shows it as text.
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      await page.goto(`${h.server.url}/#/licences`);
      await page.waitForSelector('#licence-results[aria-busy="false"] #licence-rows tr');
      await page.emulateMedia({ media: "print" });
      const heads = await page.$$eval("#licence-results th.sortable", (ths) =>
        ths.map((th) => ({
          button: getComputedStyle(th.querySelector("button")!).display,
          text: [...th.querySelectorAll(".print-label")]
            .filter((e) => getComputedStyle(e).display !== "none")
            .map((e) => e.textContent)
            .join(""),
        })),
      );
      expect(heads.map((x) => x.text)).toEqual(expect.arrayContaining(["Owned", "Annual cost"]));
      expect(heads.every((x) => x.button === "none" && x.text !== "")).toBe(true);
      await page.emulateMedia({ media: "screen" });
      expect(await page.isVisible("#licence-results th.sortable .print-label")).toBe(false);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("prints any page as a clean report: no navigation or controls, tables whole", async () => {
    const { page, context, problems } = await openPage(h, h.admin);
    try {
      for (const [name, hash, ready] of [
        ["summary", "#/", "#summary-table"],
        ["assets", "#/assets?org=SCC", '#asset-results[aria-busy="false"] #asset-rows tr'],
        ["procurement", "#/procurement", "#shelfware-table tbody tr"],
      ] as const) {
        await page.goto(`${h.server.url}/${hash}`);
        await page.waitForSelector(ready);
        await page.emulateMedia({ media: "print" });
        const hidden = await page.$$eval(
          ".app-header, .filters, .list-bar button, .load-more button",
          (els) =>
            els.every(
              (e) =>
                getComputedStyle(e).display === "none" ||
                (e.closest(".app-header, .filters, .load-more") &&
                  getComputedStyle(e.closest(".app-header, .filters, .load-more")!).display === "none"),
            ),
        );
        expect(hidden, `${name}: navigation and controls hidden`).toBe(true);
        const clipped = await page.$$eval(
          ".table-wrap",
          (ws) =>
            ws.filter(
              (w) => getComputedStyle(w).overflow !== "visible" || w.scrollHeight > w.clientHeight + 1,
            ).length,
        );
        expect(clipped, `${name}: no table clipped`).toBe(0);
        await shot(page, `web-print-${name}`, true);
        const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true });
        await writeFile(`${SHOTS}web-print-${name}.pdf`, pdf);
        expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
        expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThan(0);
        await page.emulateMedia({ media: "screen" });
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
