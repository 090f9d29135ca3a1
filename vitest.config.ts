import { defineConfig } from "vitest/config";

/** Test files that measure latency under load: they run alone, after everything else. */
const LOAD_TESTS = ["tests/ops/abuse-load.test.ts"];

// Database tests open real databases and browser tests a real Chromium: generous timeouts, and
// files in parallel only as far as two cores allow. The load test asserts a latency, so it runs in a
// second group once the rest has finished, on its own: sharing two cores with other test files would
// measure them, not the server (its p95 rose from 0.1-0.6 s to 2.9 s when it ran beside the suite).
export default defineConfig({
  test: {
    // Passwords are hashed at a low scrypt cost in tests; see the file for where production's is tested.
    setupFiles: ["tests/support/fast-hashing.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "suite",
          include: ["tests/**/*.test.ts"],
          exclude: LOAD_TESTS,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: "load", include: LOAD_TESTS, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
