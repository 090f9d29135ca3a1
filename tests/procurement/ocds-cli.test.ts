// `npm run import:ocds -- FILE [--organisation CODE] [--dry-run]`, run in process against an embedded
// database in a temporary folder (never DATABASE_URL's).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../server/db/open.ts";
import { main } from "../../server/procurement/ocds-cli.ts";
import { buildOrganisations } from "../../seeds/organisations.ts";
import { OCDS_SEED_FILE } from "../../seeds/ocds.ts";

describe("import:ocds command", () => {
  let dir: string;
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "converge-ocds-cli-"));
    process.env.DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    const db = await openDatabase({ dir: `${dir}/pglite` });
    await db.prisma.organisation.createMany({ data: buildOrganisations() });
    await db.close();
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    await rm(dir, { recursive: true, force: true });
  });

  /** Runs the command; returns its exit code and what it printed. */
  async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
    const error = vi
      .spyOn(console, "error")
      .mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
    try {
      return { code: await main(args), out: out.join("\n"), err: err.join("\n") };
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  }

  it("imports the identifiable records, reports the rest, and changes nothing the second time", async () => {
    const dry = await run(OCDS_SEED_FILE, "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.out).toContain("Dry run (nothing written): 17 created, 0 updated, 0 unchanged, 8 skipped");
    const first = await run(OCDS_SEED_FILE);
    expect(first.out).toContain(
      "17 created, 0 updated, 0 unchanged, 8 skipped — DCC 12 created, 0 updated, 0 unchanged; SCC 5 created, 0 updated, 0 unchanged.",
    );
    expect(first.out).toMatch(/SKIPPED\s+ocds-h6vhtk-066195 .*the record names no buyer/);
    const second = await run(OCDS_SEED_FILE);
    expect(second.out).toContain("0 created, 0 updated, 17 unchanged, 8 skipped");
    const explicit = await run(OCDS_SEED_FILE, "--organisation", "SCC");
    expect(explicit.out).toContain("8 created, 0 updated, 5 unchanged, 12 skipped");
  });

  it("says what is wrong with its arguments or the file", async () => {
    expect(await run()).toMatchObject({ code: 2 });
    const missing = await run(join(dir, "nothing.json"));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("cannot read");
    const unknown = await run(OCDS_SEED_FILE, "--organisation", "NOPE");
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('no organisation has code "NOPE"');
  });
});
