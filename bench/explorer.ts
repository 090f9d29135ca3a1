// `npm run bench -- explorer [--assets 3000] [--limit 2000] [--runs 3] [--shots DIR]`
//
// The graph explorer in headless Chromium (software rendering, the browser tests' flags) over a
// generated estate (generate.ts, `--assets` assets, loaded into a fresh embedded database in a temporary
// folder) served by the real server. Each run opens "#/graph?kind=ALL&limit=<limit>" in a new page and
// measures:
// - first draw: milliseconds from navigation until every asset of the view is on the canvas (the
//   explorer's `graph:view-drawn` mark, set at the first frame after the view arrived), and from the
//   answer's arrival (`graph:view-received`) to that frame;
// - layout done: until the laid-out picture is drawn and fitted (`graph:layout-done`);
// - main-thread long tasks (PerformanceObserver "longtask") from navigation until the layout is done:
//   the longest, and how many took over 200 ms;
// - frames per second while the user drags the view about and zooms with the wheel for ~3 s (frames
//   counted with requestAnimationFrame, as the browser painted them);
// - console warnings and errors.
// Prints the median of each over the runs (and every run), as Markdown. `--shots DIR` saves a
// screenshot of each run's first draw and of the laid-out view.
import { mkdtemp, rm, mkdir } from "node:fs/promises";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Browser, Page } from "playwright-core";
import { openDatabase } from "../server/db/open.ts";
import { startServer } from "../server/main.ts";
import { launchChromium } from "../tests/web/browser.ts";
import { replaceOneTimePassword } from "../tests/web/server-fixture.ts";
import { generateEstate } from "./generate.ts";
import { loadEstate } from "./load.ts";

export interface ExplorerRun {
  assets: number;
  edges: number;
  firstDrawMs: number;
  drawAfterAnswerMs: number;
  layoutDoneMs: number;
  longestTaskMs: number;
  tasksOver200: number;
  panZoomFps: number;
  warnings: string[];
}

/** A server over a generated estate of `assets` assets; the administrator's session cookie. */
export async function estateServer(assets: number) {
  const dir = await mkdtemp(join(tmpdir(), "converge-bench-explorer-"));
  const db = await openDatabase({ dir });
  const estate = generateEstate(assets);
  await loadEstate((sql, params) => db.prisma.$executeRawUnsafe(sql, ...params), estate);
  await db.close();
  const running = await startServer({ target: { dir }, port: 0, seed: false });
  if (!running.admin) throw new Error("the generated estate gave no first administrator");
  const server = { url: running.url.replace(/\/+$/, ""), admin: { ...running.admin }, close: async () => {} };
  const cookie = await replaceOneTimePassword(server, `bench explorer ${Date.now()} password`);
  return {
    url: server.url,
    cookie,
    estate,
    close: async () => {
      await running.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Opens a page signed in with `cookie` (viewport w×h), collecting long tasks and console warnings. */
export async function signedInPage(browser: Browser, url: string, cookie: string, w = 1400, h = 900) {
  const context = await browser.newContext({ viewport: { width: w, height: h } });
  await context.addCookies(
    cookie.split("; ").map((c) => {
      const [name, ...rest] = c.split("=");
      return { name: name!, value: rest.join("="), url };
    }),
  );
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  await context.addInitScript(`(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  })();`);
  const page = await context.newPage();
  const warnings: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "warning" || m.type() === "error") warnings.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => warnings.push(`pageerror: ${e.message}`));
  return { context, page, warnings };
}

/** Frames per second while dragging the canvas about and zooming with the wheel for about `ms`. */
export async function panZoomFps(page: Page, ms = 3000): Promise<number> {
  const box = (await (await page.$("#graph-canvas"))!.boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.evaluate(`(() => {
    window.__frames = 0;
    window.__counting = true;
    const tick = () => {
      if (!window.__counting) return;
      window.__frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const started = Date.now();
  let i = 0;
  while (Date.now() - started < ms) {
    // Drag a circle on the background of the view (pans), then a few wheel steps (zooms).
    if (i % 2 === 0) {
      await page.mouse.move(cx + 5, cy + 5);
      await page.mouse.down();
      for (let s = 0; s < 20; s++) {
        const a = (s / 20) * Math.PI * 2;
        await page.mouse.move(cx + 120 * Math.cos(a), cy + 80 * Math.sin(a));
      }
      await page.mouse.up();
    } else {
      await page.mouse.move(cx, cy);
      for (let s = 0; s < 6; s++) await page.mouse.wheel(0, s < 3 ? -120 : 120);
    }
    i++;
  }
  const elapsed = Date.now() - started;
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number; __counting: boolean };
    w.__counting = false;
    return w.__frames;
  });
  return (frames * 1000) / elapsed;
}

async function oneRun(browser: Browser, url: string, cookie: string, limit: number, shots?: string, n = 0) {
  const { context, page, warnings } = await signedInPage(browser, url, cookie);
  try {
    await page.goto(`${url}/#/graph?kind=ALL&limit=${limit}`);
    await page.waitForFunction(() => performance.getEntriesByName("graph:view-drawn").length > 0, null, {
      timeout: 120_000,
    });
    if (shots) await page.screenshot({ path: join(shots, `explorer-${n}-first-draw.png`) });
    await page.waitForFunction(() => performance.getEntriesByName("graph:layout-done").length > 0, null, {
      timeout: 300_000,
    });
    await page.waitForSelector('#graph-page[data-busy="false"]');
    await page.waitForTimeout(300);
    if (shots) await page.screenshot({ path: join(shots, `explorer-${n}-laid-out.png`) });
    // (No named functions inside: tsx would wrap them in a helper the page does not have.)
    const m = await page.evaluate(() => {
      const drawn = performance.getEntriesByName("graph:view-drawn")[0]!.startTime;
      const received = performance.getEntriesByName("graph:view-received")[0]!.startTime;
      const done = performance.getEntriesByName("graph:layout-done")[0]!.startTime;
      const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
      const during = tasks.filter((t) => t.start <= done);
      const cy = window.__convergeGraph!.cy;
      return {
        assets: cy.nodes(".asset").length,
        edges: cy.edges().length,
        firstDrawMs: drawn,
        drawAfterAnswerMs: drawn - received,
        layoutDoneMs: done,
        longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
        tasksOver200: during.filter((t) => t.duration > 200).length,
      };
    });
    const fps = await panZoomFps(page);
    return { ...m, panZoomFps: fps, warnings: [...warnings] } satisfies ExplorerRun;
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export async function benchExplorer(argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: {
      assets: { type: "string", default: "3000" },
      limit: { type: "string", default: "2000" },
      runs: { type: "string", default: "3" },
      shots: { type: "string" },
    },
  });
  const assets = Number(values.assets);
  const limit = Number(values.limit);
  const runs = Number(values.runs);
  if (!Number.isInteger(assets) || assets < 100) throw new Error("--assets: an integer ≥ 100");
  if (!Number.isInteger(limit) || limit < 1 || limit > 3000) throw new Error("--limit: an integer 1–3000");
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs: an integer ≥ 1");
  if (values.shots) await mkdir(values.shots, { recursive: true });
  console.log(`explorer: generating and loading ${assets} assets …`);
  const server = await estateServer(assets);
  const browser = await launchChromium();
  const results: ExplorerRun[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const r = await oneRun(browser, server.url, server.cookie, limit, values.shots, i);
      console.log(
        `  run ${i + 1}: ${r.assets} assets, ${r.edges} edges · first draw ${r.firstDrawMs.toFixed(0)} ms (${r.drawAfterAnswerMs.toFixed(0)} after the answer) · laid out ${r.layoutDoneMs.toFixed(0)} ms · longest task ${r.longestTaskMs.toFixed(0)} ms (${r.tasksOver200} over 200) · ${r.panZoomFps.toFixed(1)} frames/s · ${r.warnings.length} warnings`,
      );
      for (const w of r.warnings.slice(0, 5)) console.log(`    ${w.slice(0, 300)}`);
      results.push(r);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const med = (f: (r: ExplorerRun) => number) => median(results.map(f));
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
  const lines = [
    `## Graph explorer in headless Chromium`,
    ``,
    `${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"} · generated estate of ${assets.toLocaleString("en-GB")} assets · view "#/graph?kind=ALL&limit=${limit}" at 1400×900 · median of ${runs} runs · load average at the end ${load} (1 / 5 / 15 min)`,
    ``,
    `| Drawn | First draw | of which after the answer | Laid out | Longest main-thread task | Tasks > 200 ms | Pan/zoom | Console warnings |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|`,
    `| ${med((r) => r.assets)} assets, ${med((r) => r.edges)} edges | ${med((r) => r.firstDrawMs).toFixed(0)} ms | ${med((r) => r.drawAfterAnswerMs).toFixed(0)} ms | ${med((r) => r.layoutDoneMs).toFixed(0)} ms | ${med((r) => r.longestTaskMs).toFixed(0)} ms | ${med((r) => r.tasksOver200)} | ${med((r) => r.panZoomFps).toFixed(1)} frames/s | ${med((r) => r.warnings.length)} |`,
    ``,
  ];
  return lines.join("\n");
}
