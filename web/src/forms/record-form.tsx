// One form for every record the web app edits (sites, assets, licences, contracts): fields from a spec,
// the API's validation shown next to the field it names, and a version conflict shown as "changed by X
// at T since you opened it" with their values beside yours and a way to reapply yours.
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../api.ts";
import { formatDateTime } from "../format.ts";
import { sentence } from "../session.ts";
import {
  buildInput,
  changedFields,
  fieldOfError,
  type Choice,
  type FieldSpec,
  type Values,
} from "./fields.ts";

/** What a reload after a conflict finds: the record's values now, its version, and its last change. */
export interface Current {
  values: Values;
  version: number;
  changedBy: string | null;
  changedAt: string | null;
}

export interface RecordFormProps {
  /** Prefix of element ids ("site-form" → #site-form, #site-form-name, …). */
  id: string;
  mode: "create" | "edit";
  fields: FieldSpec[];
  /** The values as read (edit) or the defaults (create). */
  initial: Values;
  /** Edit: the version read with `initial`. */
  version?: number;
  /** Labels of lookup values known up front (e.g. the linked product's name). */
  labels?: Record<string, string>;
  submitLabel: string;
  /** Creates (the whole input) or updates (the changed fields, with the version read); returns the id. */
  save: (input: Record<string, unknown>, version: number | undefined) => Promise<string>;
  /** Edit: reads the record again after a conflict. */
  reload?: () => Promise<Current>;
  done: (id: string) => void;
  cancel: () => void;
}

interface Conflict extends Current {
  /** The values you had entered when the save was refused. */
  yours: Values;
}

/** A lookup: type to search, choose one of the suggestions; the value is the chosen choice's id. */
function Lookup(props: {
  id: string;
  spec: FieldSpec;
  value: string;
  label: string;
  invalid: boolean;
  /** The form's values, for a search that depends on them. */
  values: Values;
  onChange: (value: string, label: string) => void;
}) {
  const { spec } = props;
  const [text, setText] = useState(props.label);
  const [options, setOptions] = useState<Choice[]>([]);
  const [open, setOpen] = useState(false);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => setText(props.label), [props.label]);
  const search = (q: string) => {
    setText(q);
    abort.current?.abort();
    if (!q.trim()) {
      setOptions([]);
      setOpen(false);
      return;
    }
    if (spec.search) {
      const ctl = new AbortController();
      abort.current = ctl;
      spec
        .search(q.trim(), ctl.signal, props.values)
        .then((found) => {
          if (!ctl.signal.aborted) {
            setOptions(found);
            setOpen(true);
          }
        })
        .catch(() => undefined);
    } else {
      const needle = q.trim().toLowerCase();
      setOptions((spec.choices ?? []).filter((c) => c.label.toLowerCase().includes(needle)).slice(0, 12));
      setOpen(true);
    }
  };
  return (
    <div class="lookup">
      <input
        id={props.id}
        type="search"
        autocomplete="off"
        value={text}
        aria-invalid={props.invalid ? "true" : undefined}
        aria-describedby={`${props.id}-error`}
        aria-autocomplete="list"
        aria-controls={`${props.id}-options`}
        placeholder="Type to search"
        onInput={(e) => search((e.target as HTMLInputElement).value)}
      />
      {props.value && !spec.required ? (
        <button
          type="button"
          class="button button-small button-secondary"
          onClick={() => props.onChange("", "")}
        >
          Clear
        </button>
      ) : null}
      {open ? (
        <ul class="lookup-options" id={`${props.id}-options`} role="listbox">
          {options.length ? (
            options.map((o) => (
              <li key={o.value} role="option" aria-selected={o.value === props.value}>
                <button
                  type="button"
                  data-value={o.value}
                  onClick={() => {
                    props.onChange(o.value, o.label);
                    setText(o.label);
                    setOpen(false);
                  }}
                >
                  {o.label}
                </button>
              </li>
            ))
          ) : (
            <li class="muted">Nothing matches.</li>
          )}
        </ul>
      ) : null}
    </div>
  );
}

/** The label of a value: a choice's label, else the value itself. */
function shown(spec: FieldSpec, value: string, labels: Record<string, string>): string {
  if (!value) return "—";
  return spec.choices?.find((c) => c.value === value)?.label ?? labels[`${spec.name}:${value}`] ?? value;
}

/** The record form. */
export function RecordForm(props: RecordFormProps) {
  const fields = props.fields.filter((f) => props.mode === "create" || !f.createOnly);
  const [base, setBase] = useState<Values>(props.initial);
  const [values, setValues] = useState<Values>(props.initial);
  const [version, setVersion] = useState(props.version);
  const [labels, setLabels] = useState<Record<string, string>>(props.labels ?? {});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saving, setSaving] = useState(false);

  const set = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => ({ ...e, [name]: "" }));
  };

  async function submit(current: Values, against: Values, at: number | undefined) {
    setBanner(null);
    const names =
      props.mode === "create" ? fields.map((f) => f.name) : changedFields(fields, against, current);
    if (props.mode === "edit" && !names.length) {
      setBanner("Nothing has changed.");
      return;
    }
    const { input, errors: local } = buildInput(fields, current, names);
    if (Object.values(local).some(Boolean)) {
      setErrors(local);
      return;
    }
    setSaving(true);
    try {
      const id = await props.save(input, at);
      props.done(id);
    } catch (err) {
      if (err instanceof ApiError && err.code === "CONFLICT" && props.reload) {
        const now = await props.reload().catch(() => null);
        if (now) setConflict({ ...now, yours: current });
        else setBanner(sentence(err.message));
      } else if (err instanceof ApiError && fieldOfError(fields, err.field)) {
        // The server names every wrong field at once (one error each): show each next to its field, and
        // any that name no field of this form in the banner.
        const next: Record<string, string> = {};
        const rest: string[] = [];
        for (const e of err.errors) {
          const name = fieldOfError(fields, e.extensions?.field);
          if (name && !next[name]) next[name] = sentence(e.message);
          else if (!name) rest.push(sentence(e.message));
        }
        setErrors(next);
        if (rest.length) setBanner(rest.join(" "));
      } else {
        setBanner(err instanceof Error ? sentence(err.message) : String(err));
      }
    } finally {
      setSaving(false);
    }
  }

  /** Takes their version as the new starting point and sends your changes again on top of it. */
  const reapply = () => {
    if (!conflict) return;
    const mine = changedFields(fields, base, conflict.yours);
    const merged = { ...conflict.values };
    for (const name of mine) merged[name] = conflict.yours[name] ?? "";
    setBase(conflict.values);
    setValues(merged);
    setVersion(conflict.version);
    setConflict(null);
    void submit(merged, conflict.values, conflict.version);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    setBase(conflict.values);
    setValues(conflict.values);
    setVersion(conflict.version);
    setConflict(null);
  };

  const differing = conflict
    ? fields.filter(
        (f) =>
          changedFields([f], base, conflict.values).length || changedFields([f], base, conflict.yours).length,
      )
    : [];

  return (
    <form
      id={props.id}
      class="record-form card"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(values, base, version);
      }}
    >
      {conflict ? (
        <div class="conflict" role="alert" id={`${props.id}-conflict`}>
          <p class="conflict-title">
            Changed by {conflict.changedBy ?? "someone else"}
            {conflict.changedAt ? ` at ${formatDateTime(conflict.changedAt)}` : ""} since you opened it.
          </p>
          <table class="data-table conflict-table">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Theirs (now saved)</th>
                <th scope="col">Yours</th>
              </tr>
            </thead>
            <tbody>
              {differing.map((f) => (
                <tr key={f.name} data-field={f.name}>
                  <th scope="row">{f.label}</th>
                  <td class="theirs">{shown(f, conflict.values[f.name] ?? "", labels)}</td>
                  <td class="yours">
                    {shown(f, conflict.yours[f.name] ?? "", labels)}
                    {changedFields([f], base, conflict.yours).length ? null : (
                      <span class="muted unchanged"> (you did not change it)</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="button-row">
            <button type="button" class="button" id={`${props.id}-reapply`} onClick={reapply}>
              Reapply my changes
            </button>
            <button
              type="button"
              class="button button-secondary"
              id={`${props.id}-theirs`}
              onClick={takeTheirs}
            >
              Keep theirs
            </button>
          </div>
        </div>
      ) : null}
      {banner ? (
        <div class="error-banner" role="alert" id={`${props.id}-banner`}>
          {banner}
        </div>
      ) : null}
      <div class="form-grid">
        {fields.map((f) => {
          const inputId = `${props.id}-${f.name}`;
          const error = errors[f.name];
          const common = {
            id: inputId,
            name: f.name,
            "aria-invalid": error ? ("true" as const) : undefined,
            "aria-describedby": `${inputId}-error`,
          };
          const value = values[f.name] ?? "";
          const onInput = (e: Event) => set(f.name, (e.target as HTMLInputElement).value);
          return (
            <div class={`field form-field${f.type === "textarea" ? " field-wide" : ""}`} key={f.name}>
              <label for={inputId}>
                {f.label}
                {f.required ? null : <span class="muted"> (optional)</span>}
              </label>
              {f.type === "textarea" ? (
                <textarea {...common} rows={3} value={value} onInput={onInput} />
              ) : f.type === "select" ? (
                <select {...common} value={value} onChange={onInput}>
                  {f.required && value ? null : <option value="">{f.required ? "Choose…" : "—"}</option>}
                  {(f.choices ?? []).map((c) => (
                    <option value={c.value} key={c.value}>
                      {c.label}
                    </option>
                  ))}
                </select>
              ) : f.type === "lookup" ? (
                <Lookup
                  id={inputId}
                  spec={f}
                  value={value}
                  label={value ? shown(f, value, labels) : ""}
                  invalid={Boolean(error)}
                  values={values}
                  onChange={(v, label) => {
                    set(f.name, v);
                    if (v) setLabels((l) => ({ ...l, [`${f.name}:${v}`]: label }));
                  }}
                />
              ) : f.type === "date" ? (
                <input {...common} type="date" value={value} onInput={onInput} />
              ) : (
                <input
                  {...common}
                  type="text"
                  inputMode={
                    f.type === "int"
                      ? "numeric"
                      : f.type === "float" || f.type === "money"
                        ? "decimal"
                        : undefined
                  }
                  value={value}
                  onInput={onInput}
                />
              )}
              {f.hint ? <span class="hint">{f.hint}</span> : null}
              <span class="field-error" id={`${inputId}-error`} role={error ? "alert" : undefined}>
                {error || ""}
              </span>
            </div>
          );
        })}
      </div>
      <div class="button-row form-actions">
        <button type="submit" class="button" id={`${props.id}-submit`} disabled={saving}>
          {saving ? "Saving…" : props.submitLabel}
        </button>
        <button type="button" class="button button-secondary" onClick={props.cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
