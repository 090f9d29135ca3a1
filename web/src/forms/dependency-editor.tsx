// Adding and removing an asset's dependencies from its page: the other asset is chosen by search. A
// dependency belongs to its source asset's organisation: EDITOR or ADMIN there may add or remove it.
// The search offers only assets the server would accept: never retired ones, and when the other asset
// is the source ("is needed by…"), only assets of organisations where the user may edit the inventory.
import { useState } from "preact/hooks";
import { ApiError, gql } from "../api.ts";
import { h } from "../dom.ts";
import { DEPENDENCY_TYPES } from "../enums.ts";
import { formatDependencyType } from "../format.ts";
import { graphql, type DependencyType } from "../graphql.ts";
import { refreshRoute } from "../router.ts";
import { sentence } from "../session.ts";
import type { Choice } from "./fields.ts";
import { searchAssets } from "./lookups.ts";
import { mount } from "./mount.tsx";

const CREATE = graphql(`
  mutation CreateDependency($input: CreateDependencyInput!) {
    createDependency(input: $input) {
      id
    }
  }
`);
const REMOVE = graphql(`
  mutation RemoveDependency($id: ID!, $version: Int!) {
    removeDependency(id: $id, version: $version) {
      id
    }
  }
`);

/** The add-a-dependency form of one asset. */
function AddDependency(props: { assetId: string; assetName: string; editableOrgs: string[] }) {
  const [direction, setDirection] = useState<"out" | "in">("out");
  const [type, setType] = useState<DependencyType>("DEPENDS_ON");
  const [other, setOther] = useState<Choice | null>(null);
  const [text, setText] = useState("");
  const [options, setOptions] = useState<Choice[]>([]);
  const [note, setNote] = useState("");
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const search = (q: string, way = direction) => {
    setText(q);
    setOther(null);
    if (!q.trim()) return setOptions([]);
    const ctl = new AbortController();
    const scope = way === "in" ? { organisation: props.editableOrgs } : {};
    searchAssets(q.trim(), ctl.signal, { ...scope, excludeRetired: true })
      .then((found) => setOptions(found.filter((c) => c.value !== props.assetId)))
      .catch(() => undefined);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    if (!other)
      return setError({ field: "other", message: "Choose the other asset from the search results." });
    setBusy(true);
    try {
      const [source, target] =
        direction === "out" ? [props.assetId, other.value] : [other.value, props.assetId];
      await gql(CREATE, { input: { source, target, type, description: note.trim() || null } });
      refreshRoute();
    } catch (err) {
      setBusy(false);
      const field = err instanceof ApiError ? err.field?.split(".").pop() : undefined;
      const message = err instanceof Error ? sentence(err.message) : String(err);
      setError({ field: field === "source" || field === "target" ? "other" : (field ?? "banner"), message });
    }
  };
  return (
    <form id="dependency-add" class="inline-form dependency-form" onSubmit={submit} noValidate>
      {error?.field === "banner" || error?.field === "type" || error?.field === "description" ? (
        <div class="error-banner" role="alert" id="dependency-add-error">
          {error.message}
        </div>
      ) : null}
      <div class="field">
        <label for="dependency-direction">This asset</label>
        <select
          id="dependency-direction"
          value={direction}
          onChange={(e) => {
            const way = (e.target as HTMLSelectElement).value as "out" | "in";
            setDirection(way);
            // The choices depend on the direction: search again, dropping a choice no longer allowed.
            search(text, way);
          }}
        >
          <option value="out">depends on…</option>
          <option value="in">is needed by…</option>
        </select>
      </div>
      <div class="field">
        <label for="dependency-type">Relation</label>
        <select
          id="dependency-type"
          value={type}
          onChange={(e) => setType((e.target as HTMLSelectElement).value as DependencyType)}
        >
          {DEPENDENCY_TYPES.map((t) => (
            <option value={t} key={t}>
              {formatDependencyType(t)}
            </option>
          ))}
        </select>
      </div>
      <div class="field field-grow lookup-field">
        <label for="dependency-other">Other asset</label>
        <div class="lookup">
          <input
            id="dependency-other"
            type="search"
            autocomplete="off"
            placeholder="Type to search assets"
            value={other ? other.label : text}
            aria-invalid={error?.field === "other" ? "true" : undefined}
            aria-describedby="dependency-other-error"
            onInput={(e) => search((e.target as HTMLInputElement).value)}
          />
          {!other && options.length ? (
            <ul class="lookup-options" role="listbox" id="dependency-other-options">
              {options.map((o) => (
                <li key={o.value} role="option" aria-selected="false">
                  <button
                    type="button"
                    data-value={o.value}
                    onClick={() => {
                      setOther(o);
                      setOptions([]);
                    }}
                  >
                    {o.label}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <span class="field-error" id="dependency-other-error">
          {error?.field === "other" ? error.message : ""}
        </span>
      </div>
      <div class="field field-grow">
        <label for="dependency-note">Note (optional)</label>
        <input
          id="dependency-note"
          type="text"
          value={note}
          onInput={(e) => setNote((e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field form-submit">
        <button type="submit" class="button" id="dependency-add-submit" disabled={busy}>
          Add dependency
        </button>
      </div>
    </form>
  );
}

/** Mounts the add-a-dependency form for an asset into `container` until the page is left. */
export function mountAddDependency(
  container: HTMLElement,
  asset: { id: string; name: string },
  editableOrgs: string[],
  signal: AbortSignal,
): void {
  mount(
    container,
    <AddDependency assetId={asset.id} assetName={asset.name} editableOrgs={editableOrgs} />,
    signal,
  );
}

/** A "Remove" button for one dependency (the page reloads once it is removed). */
export function removeDependencyButton(
  dep: { id: string; version: number },
  onError: (err: unknown) => void,
) {
  const button = h(
    "button",
    {
      type: "button",
      class: "button button-small button-secondary button-danger-outline",
      "data-action": "remove-dependency",
    },
    "Remove",
  );
  button.addEventListener("click", () => {
    button.disabled = true;
    gql(REMOVE, { id: dep.id, version: dep.version }).then(
      () => refreshRoute(),
      (err: unknown) => {
        button.disabled = false;
        onError(err);
      },
    );
  });
  return button;
}
