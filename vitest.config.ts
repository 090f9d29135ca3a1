import { defineConfig } from "vitest/config";

// Database tests open real databases and browser tests a real Chromium: generous timeouts, and
// files in parallel only as far as two cores allow.
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Passwords are hashed at a low scrypt cost in tests; see the file for where production's is tested.
    setupFiles: ["tests/support/fast-hashing.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
