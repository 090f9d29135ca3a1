// The built web app (web/dist) that the server serves; built once when a test needs it and it is missing.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Runs `npm run build:web` unless web/dist/app.js exists (`npm test` builds it first anyway). */
export function ensureWebBuilt(): void {
  if (!existsSync(`${ROOT}web/dist/app.js`))
    execFileSync("npm", ["run", "build:web"], { cwd: ROOT, stdio: "ignore" });
}
