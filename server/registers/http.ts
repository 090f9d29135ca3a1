// The registers over HTTP, for the web app and scripts: templates, exports (streamed) and imports (the file
// as the request body; progress as server-sent events when asked for). Signed in (session or API token)
// and with a role somewhere, as reading the estate needs; writing needs EDITOR in each organisation
// imported into, which the import itself checks row by row.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Hono, type Context as HonoContext } from "hono";
import { streamSSE } from "hono/streaming";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { AuthVariables } from "../auth/http.ts";
import { canAnywhere } from "../shared/authz.ts";
import { DomainError } from "../shared/errors.ts";
import { errorResponse } from "../http/errors.ts";
import { registerCsv, writeRegistersXlsx } from "./export.ts";
import { importRegisters, type ImportOptions } from "./import.ts";
import type { Register } from "./register.ts";
import { REGISTERS } from "./registers.ts";
import { csvTemplate, xlsxTemplate } from "./templates.ts";

/** The largest register file accepted: about 100,000 rows of a wide register with room to spare. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export const CSV_TYPE = "text/csv";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Body types an import accepts. Neither is CORS-safelisted, so another origin's page cannot send one without a preflight. */
export const IMPORT_BODY_TYPES = [CSV_TYPE, XLSX_TYPE];

type Env = { Variables: AuthVariables };

function refusal(c: HonoContext<Env>): Response | null {
  const actor = c.get("actor");
  if (!actor) return errorResponse(401, "UNAUTHENTICATED", "sign in (POST /auth/sign-in) or send an API token (Authorization: Bearer cvg_…).");
  if (actor.mustChangePassword) return errorResponse(403, "FORBIDDEN", "choose a new password first (mutation changePassword).");
  if (!canAnywhere(actor, "read")) return errorResponse(403, "FORBIDDEN", "your account has no role in any organisation yet; ask an administrator to grant one.");
  return null;
}

function registerOr404(name: string): Register | Response {
  return REGISTERS.find((r) => r.name === name) ?? errorResponse(400, "BAD_INPUT", `no register is named "${name}"; registers: ${REGISTERS.map((r) => r.name).join(", ")}.`, { extensions: { field: "register" } });
}

/** Organisation ids from `?organisation=SCC&organisation=DCC` (all when absent); a 400 for an unknown code. */
async function organisationFilter(prisma: PrismaClient, c: HonoContext<Env>): Promise<string[] | Response> {
  const codes = (c.req.queries("organisation") ?? []).flatMap((v) => v.split(",")).map((v) => v.trim().toUpperCase()).filter(Boolean);
  if (codes.length === 0) return [];
  const found = await prisma.organisation.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
  const unknown = codes.filter((code) => !found.some((o) => o.code === code));
  if (unknown.length) return errorResponse(400, "BAD_INPUT", `no organisation has the code ${unknown.join(", ")}.`, { extensions: { field: "organisation" } });
  return found.map((o) => o.id);
}

async function* utf8(text: AsyncIterable<string>): AsyncGenerator<Buffer> {
  for await (const chunk of text) yield Buffer.from(chunk, "utf8");
}

const attachment = (name: string) => ({ "content-disposition": `attachment; filename="${name}"` });
const today = () => new Date().toISOString().slice(0, 10);

export function registerRoutes(prisma: PrismaClient): Hono<Env> {
  const app = new Hono<Env>();
  app.use("*", async (c, next) => refusal(c) ?? next());

  app.get("/template.xlsx", async (c) =>
    c.body(new Uint8Array(await xlsxTemplate()), 200, { "content-type": XLSX_TYPE, ...attachment("converge-registers-template.xlsx") }),
  );
  app.get("/:register/template.csv", (c) => {
    const register = registerOr404(c.req.param("register"));
    if (register instanceof Response) return register;
    return c.body(csvTemplate(register), 200, { "content-type": `${CSV_TYPE}; charset=utf-8`, ...attachment(`converge-${register.name}-template.csv`) });
  });
  app.get("/:register/export.csv", async (c) => {
    const register = registerOr404(c.req.param("register"));
    if (register instanceof Response) return register;
    const organisationIds = await organisationFilter(prisma, c);
    if (organisationIds instanceof Response) return organisationIds;
    const body = Readable.toWeb(Readable.from(utf8(registerCsv(prisma, register, { organisationIds })))) as ReadableStream;
    return c.body(body, 200, { "content-type": `${CSV_TYPE}; charset=utf-8`, ...attachment(`converge-${register.name}-${today()}.csv`) });
  });
  app.get("/export.xlsx", async (c) => {
    const organisationIds = await organisationFilter(prisma, c);
    if (organisationIds instanceof Response) return organisationIds;
    const out = new PassThrough();
    writeRegistersXlsx(prisma, REGISTERS, out, { organisationIds }).catch((error) => out.destroy(error));
    return c.body(Readable.toWeb(out) as ReadableStream, 200, { "content-type": XLSX_TYPE, ...attachment(`converge-registers-${today()}.xlsx`) });
  });

  app.post("/import", async (c) => {
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (!IMPORT_BODY_TYPES.includes(type))
      return errorResponse(415, "BAD_INPUT", `send the file as the request body with content-type ${CSV_TYPE} or ${XLSX_TYPE}.`, { extensions: { field: "content-type" } });
    const register = c.req.query("register");
    const known = register ? registerOr404(register) : null;
    if (known instanceof Response) return known;
    const options: ImportOptions = {
      organisation: c.req.query("organisation") || null,
      register: (register as Register["name"]) || null,
      dryRun: ["1", "true", "yes"].includes((c.req.query("dryRun") ?? "").toLowerCase()),
      format: type === XLSX_TYPE ? "xlsx" : "csv",
    };
    const dir = await mkdtemp(join(tmpdir(), "converge-import-"));
    const path = join(dir, type === XLSX_TYPE ? "upload.xlsx" : "upload.csv");
    try {
      if (!c.req.raw.body) return errorResponse(400, "BAD_INPUT", "the request has no body: send the file.", { extensions: { field: "body" } });
      let bytes = 0;
      const counted = Readable.fromWeb(c.req.raw.body as never).on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > MAX_IMPORT_BYTES) counted.destroy(new Error("too large"));
      });
      try {
        await pipeline(counted, createWriteStream(path));
      } catch {
        await rm(dir, { recursive: true, force: true });
        return errorResponse(413, "PAYLOAD_TOO_LARGE", `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB, the limit on /registers/import; split it.`);
      }
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    const actor = c.get("actor")!;
    const run = (onProgress?: ImportOptions["onProgress"]) =>
      importRegisters(prisma, actor, path, { ...options, onProgress }).finally(() => rm(dir, { recursive: true, force: true }));
    if ((c.req.header("accept") ?? "").includes("text/event-stream")) {
      return streamSSE(c, async (stream) => {
        let last = 0;
        try {
          const report = await run((p) => {
            if (Date.now() - last < 100 && p.phase !== "done") return;
            last = Date.now();
            void stream.writeSSE({ event: "progress", data: JSON.stringify(p) });
          });
          await stream.writeSSE({ event: "report", data: JSON.stringify(report) });
        } catch (error) {
          const message = error instanceof DomainError ? error.message : "the import failed; nothing was written.";
          if (!(error instanceof DomainError)) console.error(error);
          await stream.writeSSE({ event: "error", data: JSON.stringify({ message, code: error instanceof DomainError ? error.code : "INTERNAL_SERVER_ERROR" }) });
        }
      });
    }
    try {
      return c.json(await run());
    } catch (error) {
      if (error instanceof DomainError)
        return error.code === "CONFLICT" ? errorResponse(409, "CONFLICT", error.message) : errorResponse(400, "BAD_INPUT", error.message);
      throw error;
    }
  });
  return app;
}
