// The create and edit pages of a record kind ("#/sites/new", "#/sites/<id>/edit", …): who may (the
// form is offered only to roles that allow it), the record as read, the form, and retiring it.
import { useState } from "preact/hooks";
import { isAbort } from "../api.ts";
import { h } from "../dom.ts";
import { loadOrganisations, type OrgRef } from "../organisations.ts";
import { may, mayIn, type EditPermission } from "../permissions.ts";
import { definePage, href, navigate, type PageContext } from "../router.ts";
import { sentence } from "../session.ts";
import { empty, errorBanner, loading, pageHeader } from "../ui.ts";
import type { FieldSpec, Values } from "./fields.ts";
import { mount } from "./mount.tsx";
import { RecordForm, type Current } from "./record-form.tsx";

/** A record as its edit page reads it. */
export interface Loaded extends Current {
  /** The owning organisation's code (decides who may edit it). */
  organisation: string;
  /** Its name, for the heading. */
  name: string;
  /** False once retired (nothing to retire then). */
  active: boolean;
  labels?: Record<string, string>;
}

/** What the create and edit pages of one record kind need. */
export interface EditorSpec {
  /** "site", "asset", … : ids (#site-form) and routes (/sites/new, /sites/:id/edit). */
  kind: string;
  noun: string;
  listPath: string;
  /** Where "Back" and "Cancel" lead from a new record (default listPath). */
  homePath?: string;
  viewPath: (id: string) => string;
  permission: EditPermission;
  /** The fields, for the organisations the user may create in (create) or all of them (edit). */
  fields: (orgs: OrgRef[], creatableIn: OrgRef[], signal: AbortSignal) => Promise<FieldSpec[]>;
  defaults: (creatableIn: OrgRef[]) => Values;
  load: (id: string, signal: AbortSignal) => Promise<Loaded | null>;
  create: (input: Record<string, unknown>) => Promise<string>;
  update: (id: string, version: number, patch: Record<string, unknown>) => Promise<string>;
  retire: (id: string, version: number) => Promise<void>;
  retireExplain: string;
}

/** "Retire this …" behind a confirmation that says what retiring does. */
function RetireBox(props: { id: string; noun: string; explain: string; retire: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section class="card danger-zone" aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`}>Retire this {props.noun}</h2>
      <p>{props.explain}</p>
      {error ? (
        <div class="error-banner" role="alert" id={`${props.id}-error`}>
          {error}
        </div>
      ) : null}
      {asking ? (
        <div class="confirm-box" role="group" aria-label={`Retire this ${props.noun}`}>
          <p>Retire it? It stays in the records, marked retired.</p>
          <button
            type="button"
            class="button button-small button-danger"
            id={`${props.id}-confirm`}
            disabled={busy}
            onClick={() => {
              setBusy(true);
              props.retire().catch((e: unknown) => {
                setBusy(false);
                setError(e instanceof Error ? sentence(e.message) : String(e));
              });
            }}
          >
            Retire the {props.noun}
          </button>
          <button type="button" class="button button-small button-secondary" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button
          type="button"
          class="button button-secondary button-danger-outline"
          id={props.id}
          onClick={() => setAsking(true)}
        >
          Retire…
        </button>
      )}
    </section>
  );
}

/** Registers "/<list>/new" and "/<list>/:id/edit" for `spec`. */
export function defineEditor(spec: EditorSpec): void {
  const base = spec.listPath;
  const home = spec.homePath ?? base;

  async function render({ outlet, route, signal }: PageContext, mode: "create" | "edit"): Promise<void> {
    const id = route.params.id ?? "";
    const status = outlet.appendChild(loading());
    let orgs: OrgRef[];
    let record: Loaded | null = null;
    try {
      orgs = await loadOrganisations();
      if (mode === "edit") record = await spec.load(id, signal);
    } catch (err) {
      if (isAbort(err)) return;
      status.replaceWith(errorBanner(err, `Could not load the ${spec.noun}`));
      return;
    }
    status.remove();
    const back = h("a", { href: href(mode === "edit" ? spec.viewPath(id) : home), class: "back" }, "← Back");
    if (mode === "edit" && !record) {
      outlet.append(
        back,
        pageHeader(`${spec.noun[0]!.toUpperCase()}${spec.noun.slice(1)} not found`),
        empty(`There is no ${spec.noun} with ID ${id}.`),
      );
      return;
    }
    const creatable = mayIn(spec.permission, orgs);
    const allowed =
      mode === "create" ? creatable.length > 0 : may(spec.permission, record!.organisation, orgs);
    const title = mode === "create" ? `New ${spec.noun}` : `Edit ${record!.name}`;
    outlet.append(back, pageHeader(title));
    if (!allowed) {
      outlet.append(
        h(
          "section",
          { class: "card notice-card" },
          h(
            "p",
            null,
            `Your roles do not let you ${mode === "create" ? "create" : "change"} this ${spec.noun}.`,
          ),
        ),
      );
      return;
    }
    const fields = await spec.fields(orgs, creatable, signal);
    if (signal.aborted) return;
    const slot = outlet.appendChild(h("div"));
    const retireSlot = outlet.appendChild(h("div"));
    mount(
      slot,
      <RecordForm
        id={`${spec.kind}-form`}
        mode={mode}
        fields={fields}
        initial={mode === "edit" ? record!.values : spec.defaults(creatable)}
        version={record?.version}
        labels={record?.labels}
        submitLabel={mode === "create" ? `Create ${spec.noun}` : "Save changes"}
        save={(input, version) => (mode === "create" ? spec.create(input) : spec.update(id, version!, input))}
        reload={
          mode === "edit"
            ? async () => {
                const now = await spec.load(id, signal);
                if (!now) throw new Error(`the ${spec.noun} no longer exists.`);
                return now;
              }
            : undefined
        }
        done={(savedId) => navigate(spec.viewPath(savedId))}
        cancel={() => navigate(mode === "edit" ? spec.viewPath(id) : home)}
      />,
      signal,
    );
    if (mode === "edit" && record!.active)
      mount(
        retireSlot,
        <RetireBox
          id={`${spec.kind}-retire`}
          noun={spec.noun}
          explain={spec.retireExplain}
          retire={async () => {
            await spec.retire(id, record!.version);
            navigate(spec.viewPath(id));
          }}
        />,
        signal,
      );
  }

  definePage(`${base}/new`, (ctx) => render(ctx, "create"));
  definePage(`${base}/:id/edit`, (ctx) => render(ctx, "edit"));
}
