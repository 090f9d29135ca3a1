// "#/admin/users": administrators create users in an organisation they administer (one-time password
// shown once) and grant or revoke roles per organisation; the list shows which organisation owns each
// account; administrators of that organisation (or of the shared service) reset its password and
// deactivate or reactivate it. The list sorts on the server by its column headers (order kept in the
// address) and exports as CSV. The nav item shows only to users with ADMIN somewhere; the server decides.
import { UserOrder, graphql } from "../graphql.ts";
import type { Role, UserFieldsFragment } from "../graphql.ts";
import { ApiError, gql } from "../api.ts";
import { h, replaceChildren } from "../dom.ts";
import { ROLE_DESCRIPTIONS, ROLES, enumValue } from "../enums.ts";
import { exportButton } from "../export.ts";
import { formatDateTime } from "../format.ts";
import { loadOrganisations, type OrgRef } from "../organisations.ts";
import { definePage, registerNav, replaceQuery, type PageContext } from "../router.ts";
import { currentMe, hasRole, sentence } from "../session.ts";
import {
  badge,
  roleBadge,
  empty,
  errorBanner,
  inputField,
  loading,
  pageHeader,
  printLabel,
  secretBox,
  setFieldError,
  sortHeader,
  successNote,
  type ExportColumn,
  type SortControl,
} from "../ui.ts";

type UserRow = UserFieldsFragment;

graphql(`
  fragment UserFields on User {
    id
    email
    displayName
    organisation {
      code
    }
    active
    mustChangePassword
    lastSignInAt
    roles {
      organisation {
        code
      }
      role
    }
  }
`);
const USERS = graphql(`
  query Users($orderBy: UserOrder) {
    users(orderBy: $orderBy) {
      ...UserFields
    }
    organisations {
      code
      youAdministerItsAccounts
    }
  }
`);

/** The codes of the organisations whose people the signed-in admin administers (the server decides). */
type Administered = ReadonlySet<string>;
const CREATE_USER = graphql(`
  mutation CreateUser($email: String!, $displayName: String!, $organisation: String!) {
    createUser(email: $email, displayName: $displayName, organisation: $organisation) {
      user {
        ...UserFields
      }
      oneTimePassword
    }
  }
`);
const GRANT = graphql(`
  mutation GrantRole($user: ID!, $organisation: String!, $role: Role!) {
    grantRole(user: $user, organisation: $organisation, role: $role) {
      ...UserFields
    }
  }
`);
const REVOKE = graphql(`
  mutation RevokeRole($user: ID!, $organisation: String!, $role: Role!) {
    revokeRole(user: $user, organisation: $organisation, role: $role) {
      ...UserFields
    }
  }
`);

const RESET_PASSWORD = graphql(`
  mutation ResetUserPassword($user: ID!) {
    resetUserPassword(user: $user) {
      user {
        ...UserFields
      }
      oneTimePassword
    }
  }
`);
const SET_ACTIVE = graphql(`
  mutation SetUserActive($user: ID!, $active: Boolean!) {
    setUserActive(user: $user, active: $active) {
      ...UserFields
    }
  }
`);

const roleLabel = (r: { organisation: { code: string }; role: string }) =>
  `${r.organisation.code} · ${r.role}`;

function sortRoles(roles: UserRow["roles"]): UserRow["roles"] {
  return [...roles].sort(
    (a, b) =>
      a.organisation.code.localeCompare(b.organisation.code) || ROLES.indexOf(a.role) - ROLES.indexOf(b.role),
  );
}

/**
 * True when the signed-in admin may reset or (de)activate `user`: they administer the people of the
 * organisation that owns the account (the server decides again). Never offered for your own account:
 * change your password on the Account page.
 */
function controlsAccount(user: UserRow, administered: Administered): boolean {
  const me = currentMe();
  return !!me && me.email !== user.email && administered.has(user.organisation.code);
}

/** What one account action does, for its confirmation step. */
interface AccountAction {
  name: string;
  label: string;
  confirm: string;
  explain: string;
  danger: boolean;
  run: () => Promise<void>;
}

/**
 * The account section of a user's panel: reset password (new one-time password, shown once) and
 * deactivate or reactivate, each behind a confirmation that says what it does.
 */
function accountSection(
  user: UserRow,
  signal: AbortSignal,
  onUpdated: (u: UserRow, message: string, secret?: string) => void,
): HTMLElement {
  const banner = h("div", { class: "banner-slot" });
  const confirmSlot = h("div", { class: "confirm-slot" });
  const actions: AccountAction[] = [
    {
      name: "reset-password",
      label: "Reset password",
      confirm: "Reset the password",
      explain: `${user.displayName} gets a new one-time password; their browser sessions end and their API tokens are revoked.`,
      danger: false,
      run: async () => {
        const d = await gql(RESET_PASSWORD, { user: user.id }, signal);
        onUpdated(
          d.resetUserPassword.user,
          `Reset the password of ${user.email}.`,
          d.resetUserPassword.oneTimePassword,
        );
      },
    },
    user.active
      ? {
          name: "deactivate",
          label: "Deactivate",
          confirm: "Deactivate the account",
          explain: `${user.displayName} can no longer sign in; their browser sessions end and their API tokens are revoked for good. Their roles stay, for a reactivation.`,
          danger: true,
          run: async () => {
            const d = await gql(SET_ACTIVE, { user: user.id, active: false }, signal);
            onUpdated(d.setUserActive, `Deactivated ${user.email}.`);
          },
        }
      : {
          name: "reactivate",
          label: "Reactivate",
          confirm: "Reactivate the account",
          explain: `${user.displayName} can sign in again with their password; revoked API tokens stay revoked.`,
          danger: false,
          run: async () => {
            const d = await gql(SET_ACTIVE, { user: user.id, active: true }, signal);
            onUpdated(d.setUserActive, `Reactivated ${user.email}.`);
          },
        },
  ];
  const ask = (a: AccountAction) => {
    const go = h(
      "button",
      {
        type: "button",
        class: a.danger ? "button button-small button-danger" : "button button-small",
        "data-action": `confirm-${a.name}`,
      },
      a.confirm,
    );
    const cancel = h(
      "button",
      { type: "button", class: "button button-small button-secondary", "data-action": "cancel" },
      "Cancel",
    );
    cancel.addEventListener("click", () => replaceChildren(confirmSlot));
    go.addEventListener("click", () => {
      go.disabled = true;
      cancel.disabled = true;
      a.run().catch((err: unknown) => {
        go.disabled = false;
        cancel.disabled = false;
        replaceChildren(banner, errorBanner(err, `Could not ${a.label.toLowerCase()}`));
      });
    });
    replaceChildren(
      confirmSlot,
      h(
        "div",
        { class: "confirm-box", role: "group", "aria-label": a.confirm },
        h("p", null, a.explain),
        go,
        cancel,
      ),
    );
    go.focus();
  };
  return h(
    "div",
    { class: "account-actions" },
    h("h4", null, "Account"),
    banner,
    h(
      "div",
      { class: "button-row" },
      actions.map((a) => {
        const b = h(
          "button",
          {
            type: "button",
            class: a.danger
              ? "button button-small button-secondary button-danger-outline"
              : "button button-small button-secondary",
            "data-action": a.name,
          },
          a.label,
        );
        b.addEventListener("click", () => ask(a));
        return b;
      }),
    ),
    confirmSlot,
  );
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
  administered: Administered,
  signal: AbortSignal,
  onUpdated: (u: UserRow, message: string, secret?: string) => void,
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
          if (!administered.has(r.organisation.code)) revoke.hidden = true;
          revoke.addEventListener("click", () => {
            revoke.disabled = true;
            gql(REVOKE, { user: user.id, organisation: r.organisation.code, role: r.role }, signal).then(
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
    // Only organisations whose roles you administer; the user's own chosen first: most roles are granted there.
    orgs.filter((o) => administered.has(o.code)).map((o) =>
      h("option", { value: o.code, selected: o.code === user.organisation.code }, `${o.code} — ${o.name}`),
    ),
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
    gql(
      GRANT,
      { user: user.id, organisation: orgSelect.value, role: roleSelect.value as Role }, // the select offers ROLES only
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
    orgSelect.options.length ? form : h("p", { class: "muted" }, "You administer no organisation's roles, so you cannot grant one here."),
    controlsAccount(user, administered) ? accountSection(user, signal, onUpdated) : null,
  );
}

/** The users table's columns as exported (and, for sorting, as headed on screen). */
const userColumns: ExportColumn<UserRow>[] = [
  {
    header: "Name",
    cell: (u) => u.displayName,
    csv: (u) => u.displayName,
    sort: { asc: UserOrder.NameAsc, desc: UserOrder.NameDesc },
  },
  {
    header: "E-mail",
    cell: (u) => u.email,
    csv: (u) => u.email,
    sort: { asc: UserOrder.EmailAsc, desc: UserOrder.EmailDesc },
  },
  { header: "Organisation", cell: (u) => u.organisation.code, csv: (u) => u.organisation.code },
  {
    header: "Roles",
    cell: (u) => sortRoles(u.roles).map(roleLabel).join("; "),
    csv: (u) => sortRoles(u.roles).map(roleLabel).join("; "),
  },
  {
    header: "Status",
    cell: (u) =>
      [u.active ? "Active" : "Inactive", u.mustChangePassword ? "one-time password" : ""]
        .filter(Boolean)
        .join(", "),
    csv: [
      { header: "Status", value: (u) => (u.active ? "Active" : "Inactive") },
      { header: "One-time password", value: (u) => (u.mustChangePassword ? "yes" : "no") },
    ],
  },
  {
    header: "Last sign-in",
    cell: (u) => (u.lastSignInAt ? formatDateTime(u.lastSignInAt) : "Never"),
    csv: (u) => u.lastSignInAt ?? "",
    sort: { asc: UserOrder.LastSignInAsc, desc: UserOrder.LastSignInDesc, first: "desc" },
  },
];

/** The header cell of an exported column: a sort button where the server can sort by it. */
const userHeader = (header: string, sort: SortControl) => {
  const c = userColumns.find((x) => x.header === header)!;
  return c.sort ? sortHeader(c, sort) : h("th", { scope: "col" }, header);
};

/** The "User" header (name above e-mail, as the cells show them): a sort button for each. */
function userColumnHeader(sort: SortControl): HTMLElement {
  const [byName, byEmail] = ["Name", "E-mail"].map((x) => userHeader(x, sort));
  const active = [byName!, byEmail!].find((th) => th.getAttribute("aria-sort") !== "none");
  return h(
    "th",
    { scope: "col", class: "sortable", "aria-sort": active?.getAttribute("aria-sort") ?? "none" },
    h("span", { class: "visually-hidden" }, "User: "),
    h("span", { class: "sort-pair" }, byName!.firstElementChild, byEmail!.firstElementChild),
    printLabel("User"),
  );
}

/** The users table; each row expands to its roles panel. */
function usersTable(
  users: UserRow[],
  orgs: OrgRef[],
  administered: Administered,
  signal: AbortSignal,
  open: Set<string>,
  onUpdated: (u: UserRow, message: string, secret?: string) => void,
  sort: SortControl,
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
      h("td", { colspan: 6 }, expanded ? rolesPanel(u, orgs, administered, signal, onUpdated) : null),
    );
    toggle.addEventListener("click", () => {
      const show = detail.hidden;
      detail.hidden = !show;
      toggle.setAttribute("aria-expanded", String(show));
      if (show) {
        open.add(u.id);
        if (!detail.firstElementChild?.childElementCount)
          replaceChildren(
            detail.firstElementChild as HTMLElement,
            rolesPanel(u, orgs, administered, signal, onUpdated),
          );
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
          { class: "sign-in-col" },
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
          userColumnHeader(sort),
          userColumns.slice(2).map((c) => userHeader(c.header, sort)),
          h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Actions")),
        ),
      ),
      tbody,
    ),
  );
}

async function render({ outlet, route, signal }: PageContext): Promise<void> {
  let order: UserOrder =
    enumValue(Object.values(UserOrder), route.query.get("order") ?? "") ?? UserOrder.EmailAsc;
  outlet.append(
    pageHeader(
      "Users and roles",
      "Create accounts and grant roles per organisation. Each account belongs to one organisation, whose own administrators alone manage it; the shared service's administrators set a new organisation up and appoint its first administrator, then step back. Every change is recorded in the audit trail.",
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
    gql(USERS, { orderBy: order }, signal),
    loadOrganisations(),
  ]);
  const administered: Administered = new Set(kinds.filter((o) => o.youAdministerItsAccounts).map((o) => o.code));
  // New accounts go only where you administer the people.
  const homes = orgs.filter((o) => administered.has(o.code));
  status.remove();

  let users = initial;
  const open = new Set<string>();
  const count = h("span", { class: "count", id: "user-count" });
  const listSlot = h("div");
  const notice = h("div", { class: "banner-slot", id: "users-notice" });
  const listError = h("div", { class: "banner-slot" });
  /** Asks the server for the users in `order` again (after a header click or a new account). */
  const refresh = async () => {
    listSlot.classList.add("stale");
    try {
      users = (await gql(USERS, { orderBy: order }, signal)).users;
      listError.textContent = "";
      showUsers();
    } catch (err) {
      replaceChildren(listError, errorBanner(err, "Could not load users"));
    } finally {
      listSlot.classList.remove("stale");
    }
  };
  const sort: SortControl = {
    get current() {
      return order;
    },
    set: (next) => {
      order = enumValue(Object.values(UserOrder), next) ?? UserOrder.EmailAsc;
      replaceQuery({ order: order === UserOrder.EmailAsc ? "" : order });
      void refresh();
    },
  };
  const showUsers = () => {
    count.textContent = String(users.length);
    replaceChildren(
      listSlot,
      users.length ? usersTable(users, orgs, administered, signal, open, onUpdated, sort) : empty("No users yet."),
    );
  };
  function onUpdated(u: UserRow, message: string, secret?: string) {
    users = users.map((x) => (x.id === u.id ? u : x));
    open.add(u.id);
    showUsers();
    replaceChildren(
      notice,
      secret
        ? secretBox({
            id: "reset-password",
            title: `New one-time password for ${u.email}`,
            warning:
              "Hand it to the user over a separate, trusted channel. It is shown only now; they must choose their own password when they next sign in.",
            label: `New one-time password for ${u.email}`,
            secret,
          })
        : successNote(message),
    );
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
    gql(
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
        users = [...users.filter((u) => u.id !== created.user.id), created.user];
        open.add(created.user.id);
        showUsers();
        void refresh(); // the server places the new account in the list's order
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
      h(
        "div",
        { class: "list-bar" },
        exportButton("users-export", "users", userColumns, () => users),
      ),
      notice,
      listError,
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
