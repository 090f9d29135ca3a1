// "#/admin/users": administrators create users in an organisation they administer (one-time password
// shown once) and grant or revoke roles per organisation; the list shows which organisation owns each
// account. The nav item shows only to users with ADMIN somewhere; the server decides.
import { ApiError, gql } from "../api.ts";
import { h, replaceChildren } from "../dom.ts";
import { ROLE_DESCRIPTIONS, ROLES } from "../enums.ts";
import { formatDateTime } from "../format.ts";
import { loadOrganisations, type OrgRef } from "../organisations.ts";
import { definePage, registerNav, type PageContext } from "../router.ts";
import { currentMe, hasRole, sentence } from "../session.ts";
import {
  badge,
  roleBadge,
  empty,
  errorBanner,
  inputField,
  loading,
  pageHeader,
  secretBox,
  setFieldError,
  successNote,
} from "../ui.ts";

interface UserRow {
  id: string;
  email: string;
  displayName: string;
  /** The organisation that owns the account (only its ADMINs, or the shared service's, control it). */
  organisation: { code: string };
  active: boolean;
  mustChangePassword: boolean;
  lastSignInAt: string | null;
  roles: { organisation: { code: string }; role: string }[];
}

const USER_FIELDS =
  "id email displayName organisation { code } active mustChangePassword lastSignInAt roles { organisation { code } role }";
const USERS = /* GraphQL */ `query Users { users { ${USER_FIELDS} } organisations { code kind } }`;
const CREATE_USER = /* GraphQL */ `
  mutation CreateUser($email: String!, $displayName: String!, $organisation: String!) {
    createUser(email: $email, displayName: $displayName, organisation: $organisation) {
      user { ${USER_FIELDS} }
      oneTimePassword
    }
  }
`;
const GRANT = /* GraphQL */ `
  mutation GrantRole($user: ID!, $organisation: String!, $role: Role!) {
    grantRole(user: $user, organisation: $organisation, role: $role) { ${USER_FIELDS} }
  }
`;
const REVOKE = /* GraphQL */ `
  mutation RevokeRole($user: ID!, $organisation: String!, $role: Role!) {
    revokeRole(user: $user, organisation: $organisation, role: $role) { ${USER_FIELDS} }
  }
`;

const roleLabel = (r: { organisation: { code: string }; role: string }) =>
  `${r.organisation.code} · ${r.role}`;

function sortRoles(roles: UserRow["roles"]): UserRow["roles"] {
  return [...roles].sort(
    (a, b) =>
      a.organisation.code.localeCompare(b.organisation.code) ||
      ROLES.indexOf(a.role as (typeof ROLES)[number]) - ROLES.indexOf(b.role as (typeof ROLES)[number]),
  );
}

/**
 * The organisations the signed-in admin may create users in: those they hold ADMIN in, or every one for
 * an ADMIN of a shared-service organisation (the server decides again).
 */
function creatableIn(orgs: OrgRef[], kinds: { code: string; kind: string }[]): OrgRef[] {
  const adminIn = new Set(
    (currentMe()?.roles ?? []).filter((r) => r.role === "ADMIN").map((r) => r.organisation.code),
  );
  const sharedAdmin = kinds.some((o) => o.kind === "SHARED_SERVICE" && adminIn.has(o.code));
  return sharedAdmin ? orgs : orgs.filter((o) => adminIn.has(o.code));
}

function userStatus(u: UserRow): HTMLElement[] {
  const out = [badge(u.active ? "ACTIVE" : "INACTIVE", "user")];
  if (u.mustChangePassword) out.push(h("span", { class: "badge badge-pending" }, "One-time password"));
  return out;
}

/** The roles panel under a user's row: each role with Revoke, and a form to grant another. */
function rolesPanel(
  user: UserRow,
  orgs: OrgRef[],
  signal: AbortSignal,
  onUpdated: (u: UserRow, message: string) => void,
): HTMLElement {
  const banner = h("div", { class: "banner-slot" });
  const current = sortRoles(user.roles);
  const list = h(
    "ul",
    { class: "role-list" },
    current.length
      ? current.map((r) => {
          const revoke = h(
            "button",
            {
              type: "button",
              class: "button button-small button-secondary button-danger-outline",
              "aria-label": `Revoke ${r.role} in ${r.organisation.code} from ${user.displayName}`,
            },
            "Revoke",
          );
          revoke.addEventListener("click", () => {
            revoke.disabled = true;
            gql<{ revokeRole: UserRow }>(
              REVOKE,
              { user: user.id, organisation: r.organisation.code, role: r.role },
              signal,
            ).then(
              (d) =>
                onUpdated(
                  d.revokeRole,
                  `Revoked ${r.role} in ${r.organisation.code} from ${user.displayName}.`,
                ),
              (err: unknown) => {
                revoke.disabled = false;
                replaceChildren(banner, errorBanner(err, "Could not revoke the role"));
              },
            );
          });
          const org = orgs.find((o) => o.code === r.organisation.code);
          return h(
            "li",
            { "data-role": `${r.organisation.code}:${r.role}` },
            roleBadge(r.role),
            h(
              "span",
              { class: "role-org" },
              h("span", { class: "strong" }, r.organisation.code),
              org ? h("span", { class: "muted" }, ` ${org.name}`) : null,
            ),
            revoke,
          );
        })
      : h("li", { class: "muted" }, "No roles yet: this user can sign in but see nothing."),
  );

  const orgSelect = h(
    "select",
    { id: `grant-org-${user.id}`, name: "organisation", class: "grant-org" },
    orgs.map((o) => h("option", { value: o.code }, `${o.code} — ${o.name}`)),
  );
  const roleSelect = h(
    "select",
    { id: `grant-role-${user.id}`, name: "role", class: "grant-role" },
    ROLES.map((r) => h("option", { value: r }, `${r} — ${ROLE_DESCRIPTIONS[r]}`)),
  );
  const grant = h("button", { type: "submit", class: "button", "data-action": "grant" }, "Grant role");
  const form = h(
    "form",
    { class: "inline-form grant-form", "aria-label": `Grant a role to ${user.displayName}` },
    h("div", { class: "field" }, h("label", { for: orgSelect.id }, "Organisation"), orgSelect),
    h("div", { class: "field" }, h("label", { for: roleSelect.id }, "Role"), roleSelect),
    h("div", { class: "field form-submit" }, grant),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    grant.disabled = true;
    gql<{ grantRole: UserRow }>(
      GRANT,
      { user: user.id, organisation: orgSelect.value, role: roleSelect.value },
      signal,
    ).then(
      (d) =>
        onUpdated(d.grantRole, `Granted ${roleSelect.value} in ${orgSelect.value} to ${user.displayName}.`),
      (err: unknown) => {
        grant.disabled = false;
        replaceChildren(banner, errorBanner(err, "Could not grant the role"));
      },
    );
  });

  return h(
    "div",
    { class: "roles-panel" },
    h("h3", null, `Roles of ${user.displayName}`),
    banner,
    list,
    form,
  );
}

/** The users table; each row expands to its roles panel. */
function usersTable(
  users: UserRow[],
  orgs: OrgRef[],
  signal: AbortSignal,
  open: Set<string>,
  onUpdated: (u: UserRow, message: string) => void,
): HTMLElement {
  const tbody = h("tbody", { id: "user-rows" });
  for (const u of users) {
    const panelId = `roles-panel-${u.id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
    const expanded = open.has(u.id);
    const toggle = h(
      "button",
      {
        type: "button",
        class: "button button-small button-secondary",
        "aria-expanded": expanded ? "true" : "false",
        "aria-controls": panelId,
        "data-action": "manage-roles",
      },
      "Manage roles",
    );
    const detail = h(
      "tr",
      { class: "detail-row", id: panelId, hidden: !expanded },
      h("td", { colspan: 6 }, expanded ? rolesPanel(u, orgs, signal, onUpdated) : null),
    );
    toggle.addEventListener("click", () => {
      const show = detail.hidden;
      detail.hidden = !show;
      toggle.setAttribute("aria-expanded", String(show));
      if (show) {
        open.add(u.id);
        if (!detail.firstElementChild?.childElementCount)
          replaceChildren(detail.firstElementChild as HTMLElement, rolesPanel(u, orgs, signal, onUpdated));
        detail.querySelector("select")?.focus();
      } else {
        open.delete(u.id);
      }
    });
    const roles = sortRoles(u.roles);
    tbody.append(
      h(
        "tr",
        { "data-user-email": u.email },
        h(
          "td",
          { class: "name-col" },
          h("span", { class: "strong" }, u.displayName),
          h("span", { class: "secondary" }, u.email),
        ),
        h(
          "td",
          { class: "org-col", title: orgs.find((o) => o.code === u.organisation.code)?.name ?? "" },
          u.organisation.code,
        ),
        h(
          "td",
          { class: "roles-col" },
          roles.length
            ? h(
                "span",
                { class: "role-chips" },
                roles.map((r) =>
                  h("span", { class: "role-chip", title: ROLE_DESCRIPTIONS[r.role] ?? "" }, roleLabel(r)),
                ),
              )
            : h("span", { class: "muted" }, "No roles"),
        ),
        h("td", null, h("span", { class: "header-badges" }, userStatus(u))),
        h(
          "td",
          { class: "nowrap" },
          u.lastSignInAt ? formatDateTime(u.lastSignInAt) : h("span", { class: "muted" }, "Never"),
        ),
        h("td", { class: "actions-col" }, toggle),
      ),
      detail,
    );
  }
  return h(
    "div",
    { class: "table-wrap table-wrap-full" },
    h(
      "table",
      { class: "data-table users-table" },
      h("caption", { class: "visually-hidden" }, "Users and their roles"),
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          ["User", "Organisation", "Roles", "Status", "Last sign-in"].map((t) =>
            h("th", { scope: "col" }, t),
          ),
          h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Actions")),
        ),
      ),
      tbody,
    ),
  );
}

async function render({ outlet, signal }: PageContext): Promise<void> {
  outlet.append(
    pageHeader(
      "Users and roles",
      "Create accounts and grant roles per organisation. Each account belongs to one organisation, whose administrators (and the shared service's) alone may reset or deactivate it. Every change is recorded in the audit trail.",
    ),
  );
  if (!hasRole("ADMIN")) {
    outlet.append(
      h(
        "section",
        { class: "card notice-card" },
        h("p", null, "Managing users needs the ADMIN role in an organisation. You do not hold it."),
      ),
    );
    return;
  }
  const status = outlet.appendChild(loading("Loading users…"));
  const [{ users: initial, organisations: kinds }, orgs] = await Promise.all([
    gql<{ users: UserRow[]; organisations: { code: string; kind: string }[] }>(USERS, {}, signal),
    loadOrganisations(),
  ]);
  const homes = creatableIn(orgs, kinds);
  status.remove();

  let users = initial;
  const open = new Set<string>();
  const count = h("span", { class: "count", id: "user-count" });
  const listSlot = h("div");
  const notice = h("div", { class: "banner-slot", id: "users-notice" });
  const showUsers = () => {
    count.textContent = String(users.length);
    replaceChildren(
      listSlot,
      users.length ? usersTable(users, orgs, signal, open, onUpdated) : empty("No users yet."),
    );
  };
  function onUpdated(u: UserRow, message: string) {
    users = users.map((x) => (x.id === u.id ? u : x));
    open.add(u.id);
    showUsers();
    replaceChildren(notice, successNote(message));
  }

  // Create a user.
  const email = inputField("E-mail address", {
    id: "new-user-email",
    name: "email",
    type: "email",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "name@council.gov.uk",
  });
  const name = inputField("Display name", {
    id: "new-user-name",
    name: "displayName",
    autocomplete: "off",
    placeholder: "Jane Smith",
  });
  email.field.classList.add("field-grow");
  name.field.classList.add("field-grow");
  // The organisation that will own the account: its ADMINs (and the shared service's) control it. With a
  // choice to make, nothing is preselected.
  const orgSelect = h(
    "select",
    { id: "new-user-org", name: "organisation" },
    homes.length === 1 ? null : h("option", { value: "" }, "Choose…"),
    homes.map((o) => h("option", { value: o.code }, `${o.code} — ${o.name}`)),
  );
  const orgField = h(
    "div",
    { class: "field form-field" },
    h("label", { for: orgSelect.id }, "Organisation"),
    orgSelect,
  );
  const createBanner = h("div", { class: "banner-slot" });
  const secretSlot = h("div", { class: "banner-slot" });
  const submit = h("button", { type: "submit", class: "button", id: "new-user-submit" }, "Create user");
  const form = h(
    "form",
    { class: "inline-form", id: "new-user-form", novalidate: true, "aria-label": "Create a user" },
    email.field,
    name.field,
    orgField,
    h("div", { class: "field form-submit" }, submit),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    setFieldError(email.input, null);
    setFieldError(name.input, null);
    setFieldError(orgSelect, null);
    createBanner.textContent = "";
    let bad = false;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.input.value.trim())) {
      setFieldError(email.input, "Enter an e-mail address such as name@council.gov.uk.");
      bad = true;
    }
    if (!name.input.value.trim()) {
      setFieldError(name.input, "Enter the name people know them by.");
      bad = true;
    }
    if (!orgSelect.value) {
      setFieldError(orgSelect, "Choose the organisation the account belongs to.");
      bad = true;
    }
    if (bad) return;
    submit.disabled = true;
    submit.textContent = "Creating…";
    gql<{ createUser: { user: UserRow; oneTimePassword: string } }>(
      CREATE_USER,
      {
        email: email.input.value.trim(),
        displayName: name.input.value.trim(),
        organisation: orgSelect.value,
      },
      signal,
    )
      .then(({ createUser: created }) => {
        form.reset();
        users = [...users.filter((u) => u.id !== created.user.id), created.user].sort((a, b) =>
          a.email.localeCompare(b.email),
        );
        open.add(created.user.id);
        showUsers();
        notice.textContent = "";
        replaceChildren(
          secretSlot,
          secretBox({
            id: "new-user-password",
            title: `One-time password for ${created.user.email}`,
            warning:
              "Hand it to the user over a separate, trusted channel. It is shown only now; they must choose their own password when they first sign in. Grant them a role below, or they will see nothing.",
            label: `One-time password for ${created.user.email}`,
            secret: created.oneTimePassword,
          }),
        );
      })
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.field === "email")
          setFieldError(email.input, sentence(err.errors[0]!.message));
        else if (err instanceof ApiError && err.field === "displayName")
          setFieldError(name.input, sentence(err.errors[0]!.message));
        else if (err instanceof ApiError && err.field === "organisation")
          setFieldError(orgSelect, sentence(err.errors[0]!.message));
        else replaceChildren(createBanner, errorBanner(err, "Could not create the user"));
      })
      .finally(() => {
        submit.disabled = false;
        submit.textContent = "Create user";
      });
  });

  showUsers();
  outlet.append(
    h(
      "section",
      { class: "card", id: "create-user", "aria-labelledby": "create-user-h" },
      h("h2", { id: "create-user-h" }, "Create a user"),
      createBanner,
      form,
      secretSlot,
    ),
    h(
      "section",
      { class: "card", id: "users", "aria-labelledby": "users-h" },
      h("h2", { id: "users-h" }, "Users", count),
      notice,
      listSlot,
    ),
  );
}

definePage("/admin/users", render);
registerNav({
  label: "Users",
  path: "/admin/users",
  order: 80,
  matches: ["/admin"],
  visible: () => hasRole("ADMIN"),
});
