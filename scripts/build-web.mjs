// Builds the browser app: web/src/main.ts → web/dist/app.js (ESM, minified, sourcemap), the graph
// explorer's layout worker web/src/graph/layout-worker.ts → web/dist/layout-worker.js (loaded by the
// page from next to app.js), and web/src/styles.css → web/dist/app.css. Exits non-zero on any error.
import { build } from "esbuild";
import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "web", "src");
const dist = join(root, "web", "dist");

try {
  const started = performance.now();
  await mkdir(dist, { recursive: true });
  const [result] = await Promise.all([
    build({
      entryPoints: { app: join(src, "main.ts"), "layout-worker": join(src, "graph", "layout-worker.ts") },
      outdir: dist,
      bundle: true,
      format: "esm",
      platform: "browser",
      target: ["es2022"],
      minify: true,
      sourcemap: true,
      legalComments: "none",
      logLevel: "warning",
      metafile: true,
    }),
    copyFile(join(src, "styles.css"), join(dist, "app.css")),
  ]);
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + (o.bytes ?? 0), 0);
  console.log(
    `web: built web/dist/app.js + app.css (${Math.round(bytes / 1024)} KiB incl. map) in ${Math.round(performance.now() - started)} ms`,
  );
} catch (err) {
  console.error(`web: build failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
