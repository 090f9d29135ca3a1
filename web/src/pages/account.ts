// "#/account": your roles per organisation, your API tokens (create, shown once; revoke) and your password.
import { graphql } from "../graphql.ts";
import type { ApiTokenFieldsFragment } from "../graphql.ts";
import { ApiError, gql } from "../api.ts";
import { ROLE_DESCRIPTIONS, ROLES } from "../enums.ts";
import { passwordForm } from "../auth-screens.ts";
import { h, replaceChildren } from "../dom.ts";
import { formatDateTime } from "../format.ts";
import { definePage, type PageContext } from "../router.ts";
import { currentUser, sentence, type Me } from "../session.ts";
import {
  badge,
  roleBadge,
  confirmButton,
  dataTable,
  empty,
  errorBanner,
  inputField,
  loading,
  pageHeader,
  secretBox,
  setFieldError,
  successNote,
  type Column,
} from "../ui.ts";

type ApiTokenRow = ApiTokenFieldsFragment;

graphql(`
  fragment ApiTokenFields on ApiToken {
    id
    name
    prefix
    expiresAt
    revokedAt
    lastUsedAt
    createdAt
    owner {
      email
    }
  }
`);

const QUERY = graphql(`
  query Account {
    me {
      email
      displayName
      roles {
        organisation {
          code
          name
        }
        role
      }
    }
    apiTokens {
      ...ApiTokenFields
    }
  }
`);

const TOKENS = graphql(`
  query ApiTokens {
    apiTokens {
      ...ApiTokenFields
    }
  }
`);

const CREATE_TOKEN = graphql(`
  mutation CreateApiToken($name: String!, $expiresInDays: Int) {
    createApiToken(name: $name, expiresInDays: $expiresInDays) {
      token
      apiToken {
        ...ApiTokenFields
      }
    }
  }
`);

const REVOKE_TOKEN = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      revokedAt
    }
  }
`);

/** The longest lifetime the server gives a token. */
const MAX_TOKEN_DAYS = 366;

function tokenStatus(t: ApiTokenRow): HTMLElement {
  if (t.revokedAt) return badge("REVOKED", "token");
  if (new Date(t.expiresAt).getTime() <= Date.now()) return badge("EXPIRED", "token");
  return badge("ACTIVE", "token");
}

function rolesSection(me: Me): HTMLElement {
  const rows = [...me.roles].sort(
    (a, b) =>
      a.organisation.code.localeCompare(b.organisation.code) || ROLES.indexOf(a.role) - ROLES.indexOf(b.role),
  );
  const columns: Column<Me["roles"][number]>[] = [
    {
      header: "Organisation",
      cell: (r) => [
        h("span", { class: "strong" }, r.organisation.code),
        h("span", { class: "secondary" }, r.organisation.name),
      ],
    },
    { header: "Role", cell: (r) => roleBadge(r.role) },
    { header: "Allows", cell: (r) => ROLE_DESCRIPTIONS[r.role] ?? "" },
  ];
  const table = dataTable(columns, rows, "Your roles");
  table.tbody.id = "my-roles";
  return h(
    "section",
    { class: "card", id: "roles", "aria-labelledby": "roles-h" },
    h("h2", { id: "roles-h" }, "Your roles", h("span", { class: "count" }, String(rows.length))),
    rows.length ? table.wrap : empty("You have no role in any organisation yet."),
    h(
      "p",
      { class: "card-note" },
      "An ADMIN of the shared service administers every organisation. Ask an administrator to change your roles.",
    ),
  );
}

function passwordSection(email: string): HTMLElement {
  const done = h("div", { class: "banner-slot" });
  const form = passwordForm({
    id: "change-password",
    email,
    submitLabel: "Change password",
    onChanged: () => replaceChildren(done, successNote("Your password has been changed.")),
  });
  form.addEventListener("input", () => (done.textContent = ""));
  return h(
    "section",
    { class: "card", id: "password", "aria-labelledby": "password-h" },
    h("h2", { id: "password-h" }, "Change password"),
    done,
    form,
  );
}

function tokensSection(initial: ApiTokenRow[], myEmail: string, signal: AbortSignal): HTMLElement {
  const count = h("span", { class: "count", id: "token-count" });
  const listSlot = h("div", { id: "token-list" });
  const secretSlot = h("div", { class: "banner-slot", id: "token-secret-slot" });
  const formBanner = h("div", { class: "banner-slot" });

  const showList = (tokens: ApiTokenRow[]) => {
    count.textContent = String(tokens.length);
    const others = tokens.some((t) => t.owner.email !== myEmail);
    const columns: Column<ApiTokenRow>[] = [
      { header: "Name", class: "name-col", cell: (t) => h("span", { class: "strong" }, t.name) },
      { header: "Starts with", cell: (t) => h("code", { class: "token-prefix" }, `${t.prefix}…`) },
      ...(others ? [{ header: "Owner", cell: (t: ApiTokenRow) => t.owner.email }] : []),
      { header: "Created", class: "nowrap", cell: (t) => formatDateTime(t.createdAt) },
      { header: "Expires", class: "nowrap", cell: (t) => formatDateTime(t.expiresAt) },
      {
        header: "Last used",
        class: "nowrap",
        cell: (t) => (t.lastUsedAt ? formatDateTime(t.lastUsedAt) : h("span", { class: "muted" }, "Never")),
      },
      { header: "Status", cell: tokenStatus },
      {
        header: "",
        class: "actions-col",
        cell: (t) =>
          t.revokedAt
            ? h("span", { class: "muted" }, `Revoked ${formatDateTime(t.revokedAt)}`)
            : confirmButton({
                label: "Revoke",
                question: `Revoke “${t.name}”? Scripts using it stop working at once.`,
                confirmLabel: "Revoke token",
                danger: true,
                action: async () => {
                  await gql(REVOKE_TOKEN, { id: t.id }, signal);
                  await refresh();
                },
              }),
      },
    ];
    const table = dataTable(columns, tokens, "API tokens");
    table.tbody.id = "token-rows";
    for (const [i, tr] of [...table.tbody.rows].entries()) tr.dataset.tokenId = tokens[i]!.id;
    replaceChildren(
      listSlot,
      tokens.length
        ? table.wrap
        : empty("You have no API tokens. Create one for each script or integration."),
    );
  };

  const refresh = async () => {
    const data = await gql(TOKENS, {}, signal);
    showList(data.apiTokens);
  };

  const name = inputField("Token name", {
    id: "token-name",
    name: "name",
    maxlength: 100,
    autocomplete: "off",
    placeholder: "e.g. Nightly CMDB export",
  });
  name.field.classList.add("field-grow");
  const days = inputField("Valid for (days)", {
    id: "token-days",
    name: "expiresInDays",
    type: "number",
    min: 1,
    max: MAX_TOKEN_DAYS,
    step: 1,
    value: 90,
    inputmode: "numeric",
  });
  days.field.classList.add("field-narrow");
  const submit = h("button", { type: "submit", class: "button", id: "token-create" }, "Create token");
  const form = h(
    "form",
    { class: "inline-form", id: "token-form", novalidate: true, "aria-label": "Create an API token" },
    name.field,
    days.field,
    h("div", { class: "field form-submit" }, submit),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    setFieldError(name.input, null);
    setFieldError(days.input, null);
    formBanner.textContent = "";
    const n = Number(days.input.value);
    let bad = false;
    if (!name.input.value.trim()) {
      setFieldError(name.input, "Give the token a name, so you can tell it apart later.");
      bad = true;
    }
    if (!Number.isInteger(n) || n < 1 || n > MAX_TOKEN_DAYS) {
      setFieldError(days.input, `A whole number of days from 1 to ${MAX_TOKEN_DAYS}.`);
      bad = true;
    }
    if (bad) return;
    submit.disabled = true;
    submit.textContent = "Creating…";
    gql(CREATE_TOKEN, { name: name.input.value.trim(), expiresInDays: n }, signal)
      .then(async ({ createApiToken: created }) => {
        form.reset();
        replaceChildren(
          secretSlot,
          secretBox({
            id: "new-token",
            title: `Your new token “${created.apiToken.name}”`,
            warning:
              "Copy it now: this is the only time it is shown. Store it somewhere safe, such as a password manager. If it is lost, revoke it and create another.",
            label: "New API token",
            secret: created.token,
          }),
        );
        secretSlot.querySelector<HTMLInputElement>("input")?.focus();
        await refresh();
      })
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.field === "name")
          setFieldError(name.input, sentence(err.errors[0]!.message));
        else if (err instanceof ApiError && err.field === "expiresInDays")
          setFieldError(days.input, sentence(err.errors[0]!.message));
        else replaceChildren(formBanner, errorBanner(err, "Could not create the token"));
      })
      .finally(() => {
        submit.disabled = false;
        submit.textContent = "Create token";
      });
  });

  showList(initial);
  return h(
    "section",
    { class: "card", id: "tokens", "aria-labelledby": "tokens-h" },
    h("h2", { id: "tokens-h" }, "API tokens", count),
    h(
      "p",
      { class: "card-intro" },
      "Scripts and integrations send a token as ",
      h("code", null, "Authorization: Bearer <token>"),
      ". A token acts with your roles until it expires or is revoked.",
    ),
    formBanner,
    form,
    secretSlot,
    listSlot,
  );
}

async function render({ outlet, signal }: PageContext): Promise<void> {
  const user = currentUser();
  outlet.append(pageHeader("Your account", user ? `${user.displayName} · ${user.email}` : undefined));
  const status = outlet.appendChild(loading("Loading your account…"));
  const data = await gql(QUERY, {}, signal);
  status.remove();
  if (!data.me) {
    outlet.append(empty("This session does not belong to a user."));
    return;
  }
  outlet.append(
    h("div", { class: "grid-2" }, rolesSection(data.me), passwordSection(data.me.email)),
    tokensSection(data.apiTokens, data.me.email, signal),
  );
}

definePage("/account", render);
