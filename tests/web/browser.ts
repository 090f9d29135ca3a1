// Debian's Chromium for the browser tests (a test tool cannot download its own browser here), with the
// flags that keep it off the network, and where screenshots go.
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";

/** Headless flags: no sandbox (root in CI), no GPU, and none of Chromium's own network traffic. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

/** Screenshots land here (git-ignored). */
export const SHOTS = fileURLToPath(new URL("../../test-results/", import.meta.url));

/** Launches Debian's Chromium headless (CHROMIUM_PATH names another; `npm test` installs it when missing). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
}
