// "#/registers": spreadsheets in and out. Templates to fill, exports in the same columns (which re-import
// unchanged), and an import that checks the whole file first: a dry run lists what would be created,
// updated, unchanged or refused, and every problem by sheet, row and column; an import writes all or
// nothing, with a progress bar fed by the server's events.
import { useEffect, useState } from "preact/hooks";
import { loadOrganisations, type OrgRef } from "../organisations.ts";
import { mayIn } from "../permissions.ts";
import { definePage, type PageContext } from "../router.ts";
import { pageHeader } from "../ui.ts";
import { mount } from "../forms/mount.tsx";
import { readEvents } from "../events.ts";

const REGISTERS = [
  { name: "sites", label: "Sites" },
  { name: "assets", label: "Assets" },
  { name: "dependencies", label: "Dependencies" },
] as const;

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface Problem {
  sheet: string;
  row: number | null;
  column: string | null;
  value: string | null;
  reason: string;
  fix: string;
}
interface Outcome {
  register: string;
  sheet: string;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
}
export interface ImportReport {
  dryRun: boolean;
  written: boolean;
  registers: Outcome[];
  problems: Problem[];
  problemCount: number;
}
interface Progress {
  phase: "reading" | "checking" | "writing" | "done";
  done: number;
  total: number;
}

const PHASE_LABEL: Record<Progress["phase"], string> = {
  reading: "Reading the file",
  checking: "Checking every row",
  writing: "Writing",
  done: "Finishing",
};

/** Sends the file and follows the server's progress events to the report. */
async function sendFile(
  file: File,
  options: { organisation: string; register: string; dryRun: boolean },
  onProgress: (p: Progress) => void,
): Promise<ImportReport> {
  const query = new URLSearchParams();
  if (options.organisation) query.set("organisation", options.organisation);
  if (options.register) query.set("register", options.register);
  if (options.dryRun) query.set("dryRun", "true");
  const xlsx = file.name.toLowerCase().endsWith(".xlsx");
  const res = await fetch(`/registers/import?${query}`, {
    method: "POST",
    body: file,
    headers: { "content-type": xlsx ? XLSX_TYPE : "text/csv", accept: "text/event-stream" },
  });
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as { errors?: { message: string }[] } | null;
    throw new Error(body?.errors?.[0]?.message ?? `the server answered ${res.status}.`);
  }
  for await (const event of readEvents(res.body)) {
    if (event.event === "progress") onProgress(JSON.parse(event.data) as Progress);
    else if (event.event === "report") return JSON.parse(event.data) as ImportReport;
    else if (event.event === "error") throw new Error((JSON.parse(event.data) as { message: string }).message);
  }
  throw new Error("the connection closed before the import finished; nothing was written unless the report said so.");
}

function Downloads(props: { orgs: OrgRef[] }) {
  const [org, setOrg] = useState("");
  const filter = org ? `?organisation=${encodeURIComponent(org)}` : "";
  return (
    <div class="grid-2">
      <section class="card" aria-labelledby="registers-templates-h">
        <h2 id="registers-templates-h">Templates</h2>
        <p>
          Fill a template from your register. The workbook has a sheet per register and an <em>Allowed values</em> sheet
          saying what each column takes; columns may come in any order, and common names (&ldquo;Application Name&rdquo;,
          &ldquo;System&rdquo;) are understood.
        </p>
        <ul class="link-list">
          <li>
            <a id="template-xlsx" href="/registers/template.xlsx" download>
              Workbook template (XLSX): sites, assets and dependencies
            </a>
          </li>
          {REGISTERS.map((r) => (
            <li key={r.name}>
              <a href={`/registers/${r.name}/template.csv`} download>
                {r.label} template (CSV)
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section class="card" aria-labelledby="registers-export-h">
        <h2 id="registers-export-h">Export</h2>
        <p>The estate in the templates' columns: an export imports back unchanged, so you can edit it in a spreadsheet and bring it back.</p>
        <div class="field">
          <label for="export-organisation">Organisation</label>
          <select id="export-organisation" value={org} onChange={(e) => setOrg((e.target as HTMLSelectElement).value)}>
            <option value="">All organisations</option>
            {props.orgs.map((o) => (
              <option key={o.code} value={o.code}>
                {o.code} — {o.name}
              </option>
            ))}
          </select>
        </div>
        <ul class="link-list">
          <li>
            <a id="export-xlsx" href={`/registers/export.xlsx${filter}`} download>
              Every register (XLSX)
            </a>
          </li>
          {REGISTERS.map((r) => (
            <li key={r.name}>
              <a href={`/registers/${r.name}/export.csv${filter}`} download>
                {r.label} (CSV)
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function Report(props: { report: ImportReport }) {
  const { report } = props;
  const verb = report.written ? ["created", "updated"] : ["to create", "to update"];
  return (
    <div id="import-report">
      <p class={report.problemCount ? "error-banner" : "success-note"} role="status">
        {report.problemCount
          ? `${report.problemCount} problem${report.problemCount === 1 ? "" : "s"}: nothing was written. Correct the file and check it again.`
          : report.written
            ? "Imported: every row is written."
            : "No problems: nothing was written yet. Import it when you are ready."}
      </p>
      <div class="table-wrap">
        <table class="data-table" id="import-outcomes">
          <thead>
            <tr>
              <th>Sheet</th>
              <th class="num">{verb[0]}</th>
              <th class="num">{verb[1]}</th>
              <th class="num">unchanged</th>
              <th class="num">refused</th>
            </tr>
          </thead>
          <tbody>
            {report.registers.map((r) => (
              <tr key={r.sheet}>
                <td>{r.sheet}</td>
                <td class="num">{r.created}</td>
                <td class="num">{r.updated}</td>
                <td class="num">{r.unchanged}</td>
                <td class="num">{r.refused}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.problems.length ? (
        <div class="table-wrap">
          <table class="data-table" id="import-problems">
            <caption>
              Problems{report.problemCount > report.problems.length ? ` (the first ${report.problems.length} of ${report.problemCount})` : ""}
            </caption>
            <thead>
              <tr>
                <th>Sheet</th>
                <th class="num">Row</th>
                <th>Column</th>
                <th>Value</th>
                <th>Problem</th>
                <th>How to fix it</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p, i) => (
                <tr key={i}>
                  <td>{p.sheet}</td>
                  <td class="num">{p.row ?? "—"}</td>
                  <td>{p.column ?? "—"}</td>
                  <td>{p.value ?? ""}</td>
                  <td>{p.reason}</td>
                  <td>{p.fix}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

function Upload(props: { editable: OrgRef[] }) {
  const [file, setFile] = useState<File | null>(null);
  const [organisation, setOrganisation] = useState("");
  const [register, setRegister] = useState("");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = progress !== null;
  useEffect(() => {
    setReport(null);
    setError(null);
  }, [file, organisation, register]);

  async function run(dryRun: boolean) {
    if (!file) return;
    setError(null);
    setReport(null);
    setProgress({ phase: "reading", done: 0, total: 0 });
    try {
      setReport(await sendFile(file, { organisation, register, dryRun }, setProgress));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  }

  if (props.editable.length === 0)
    return (
      <section class="card" aria-labelledby="registers-import-h">
        <h2 id="registers-import-h">Import</h2>
        <p class="empty">Importing needs the EDITOR role in an organisation; ask an administrator.</p>
      </section>
    );
  return (
    <section class="card" aria-labelledby="registers-import-h">
      <h2 id="registers-import-h">Import</h2>
      <p>
        Nothing is written until the whole file is checked: every problem is listed with its sheet, row and column. Rows
        are matched by organisation and name, so importing the same file again changes nothing.
      </p>
      <div class="form-row">
        <div class="field field-grow">
          <label for="import-file">File (CSV or XLSX)</label>
          <input id="import-file" type="file" accept=".csv,.xlsx,text/csv" disabled={busy} onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />
        </div>
        <div class="field">
          <label for="import-organisation">Rows without an organisation belong to</label>
          <select id="import-organisation" value={organisation} disabled={busy} onChange={(e) => setOrganisation((e.target as HTMLSelectElement).value)}>
            <option value="">— the file names each row's organisation —</option>
            {props.editable.map((o) => (
              <option key={o.code} value={o.code}>
                {o.code} — {o.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="import-register">A CSV file holds</label>
          <select id="import-register" value={register} disabled={busy} onChange={(e) => setRegister((e.target as HTMLSelectElement).value)}>
            <option value="">— decided by its columns —</option>
            {REGISTERS.map((r) => (
              <option key={r.name} value={r.name}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="form-actions">
        <button type="button" class="button button-secondary" id="import-check" disabled={!file || busy} onClick={() => void run(true)}>
          Check the file
        </button>
        <button type="button" id="import-run" class="button" disabled={!file || busy || (report !== null && report.problemCount > 0)} onClick={() => void run(false)}>
          Import
        </button>
      </div>
      {progress ? (
        <div class="import-progress" role="status" aria-live="polite">
          <label for="import-progress-bar">
            {PHASE_LABEL[progress.phase]}
            {progress.done ? ` — ${progress.done.toLocaleString("en-GB")}${progress.total ? ` of ${progress.total.toLocaleString("en-GB")}` : ""} rows` : "…"}
          </label>
          <progress id="import-progress-bar" max={progress.total || undefined} value={progress.total ? progress.done : undefined} />
        </div>
      ) : null}
      {error ? (
        <div class="error-banner" role="alert" id="import-error">
          {error}
        </div>
      ) : null}
      {report ? <Report report={report} /> : null}
    </section>
  );
}

function RegistersPage(props: { orgs: OrgRef[] }) {
  return (
    <div class="registers-page">
      <Downloads orgs={props.orgs} />
      <Upload editable={mayIn("editInventory", props.orgs)} />
    </div>
  );
}

async function render({ outlet, signal }: PageContext): Promise<void> {
  outlet.append(pageHeader("Registers", "Spreadsheets in and out: templates, exports that re-import unchanged, and imports checked in full first."));
  const orgs = await loadOrganisations();
  if (signal.aborted) return;
  const slot = document.createElement("div");
  outlet.append(slot);
  mount(slot, <RegistersPage orgs={orgs} />, signal);
}

definePage("/registers", render);
