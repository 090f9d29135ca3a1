// Part of `npm test`: the browser tests drive Debian's Chromium at /usr/bin/chromium (a test tool
// cannot download its own browser here). When it is missing, install it with apt-get (as root, or
// through sudo when that works without a password), saying so first; when that is impossible, stop
// with the command to run. CHROMIUM_PATH names another Chromium instead.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const path = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(path)) {
  if (process.env.CHROMIUM_PATH) {
    console.error(`[test] CHROMIUM_PATH is ${path}, but there is no file there.`);
    process.exit(1);
  }
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const sudo = !root && spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
  if (!hasApt || (!root && !sudo)) {
    console.error(
      `[test] The browser tests need Chromium at ${path}. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH, then run npm test again.`,
    );
    process.exit(1);
  }
  console.log(
    "[test] Chromium is missing: installing Debian's chromium package with apt-get (once; about a minute)…",
  );
  const prefix = root ? [] : ["sudo", "-n"];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["apt-get", "update", "-qq"],
    ["apt-get", "install", "-y", "-qq", "chromium"],
  ]) {
    const [cmd, ...rest] = [...prefix, ...args];
    const r = spawnSync(cmd, rest, { stdio: "inherit", env });
    if (r.status !== 0) {
      console.error(
        `[test] ${args.join(" ")} failed (status ${r.status}); install chromium yourself and run npm test again.`,
      );
      process.exit(1);
    }
  }
  if (!existsSync(path)) {
    console.error(`[test] apt-get installed chromium, but not at ${path}; set CHROMIUM_PATH to it.`);
    process.exit(1);
  }
  console.log(`[test] Chromium installed at ${path}.`);
}
