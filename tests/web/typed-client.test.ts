// The web app's GraphQL documents are typed from the SDL (codegen.ts, client preset): a schema change
// that breaks a page must fail the build's checks. Here the web app is copied beside a changed copy of
// the schema, its documents generated again and type-checked: a field that changes type fails the
// type-check in the page that uses it; a field that disappears fails generation, naming the field.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = new URL("../../", import.meta.url).pathname;

/** A copy of web/src and schema/ with `edit` applied to schema/sites.graphql, and its own codegen config. */
function project(edit: (sdl: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "converge-typed-client-"));
  cpSync(join(ROOT, "web/src"), join(dir, "web/src"), { recursive: true });
  cpSync(join(ROOT, "schema"), join(dir, "schema"), { recursive: true });
  const sites = join(dir, "schema/sites.graphql");
  writeFileSync(sites, edit(readFileSync(sites, "utf8")));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  // The web half of codegen.ts, verbatim: the test fails if the two drift apart.
  const config = readFileSync(join(ROOT, "codegen.ts"), "utf8");
  writeFileSync(join(dir, "codegen.ts"), config);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: join(ROOT, "tsconfig.json"),
      compilerOptions: { types: [] },
      include: ["web/src", "generated/web"],
    }),
  );
  return dir;
}

async function generateAndCheck(
  dir: string,
): Promise<{ stage: "generate" | "typecheck" | "ok"; output: string }> {
  try {
    await run(join(ROOT, "node_modules/.bin/graphql-codegen"), ["--config", "codegen.ts"], {
      cwd: dir,
      // Under vitest (NODE_ENV=test) codegen's renderer leaves out the validation errors themselves.
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message?: string };
    return { stage: "generate", output: `${err.message ?? ""}${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
  try {
    await run(join(ROOT, "node_modules/.bin/tsc"), ["-p", "."], { cwd: dir });
    return { stage: "ok", output: "" };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { stage: "typecheck", output: `${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
}

describe("typed web client", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("type-checks against the schema as it is", async () => {
    const dir = project((sdl) => sdl);
    dirs.push(dir);
    const r = await generateAndCheck(dir);
    expect(r).toEqual({ stage: "ok", output: "" });
  }, 180_000);

  it("fails the type-check in the sites page when Site.racksUsed changes type", async () => {
    const dir = project((sdl) => sdl.replace(/^  racksUsed: Int$/m, "  racksUsed: String"));
    dirs.push(dir);
    const r = await generateAndCheck(dir);
    expect(r.stage).toBe("typecheck");
    expect(r.output).toMatch(/web\/src\/pages\/sites\.ts.*error/);
  }, 180_000);

  it("fails generation, naming the field, when a page asks for a field the schema no longer has", async () => {
    const dir = project((sdl) => sdl.replace(/^  postcode: String$/m, ""));
    dirs.push(dir);
    const r = await generateAndCheck(dir);
    expect(r.stage).toBe("generate");
    expect(r.output).toMatch(/Cannot query field "postcode" on type "Site"/);
  }, 180_000);
});
