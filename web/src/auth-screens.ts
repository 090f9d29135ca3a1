// The screens shown before any page: sign in, and "choose a new password" after one-time credentials.
// Also the password form the account page reuses.
import { ApiError } from "./api.ts";
import { h, type Child } from "./dom.ts";
import {
  changePassword,
  MIN_PASSWORD_LENGTH,
  sentence,
  signIn,
  SignInError,
  type SessionUser,
} from "./session.ts";
import { errorBanner, inputField, setFieldError } from "./ui.ts";

/** A narrow centred card for the screens shown before the app (sign-in, new password). */
function authCard(titleId: string, title: string, intro: Child, ...body: Child[]): HTMLElement {
  return h(
    "div",
    { class: "auth-screen" },
    h(
      "section",
      { class: "card auth-card", "aria-labelledby": titleId },
      h("h1", { id: titleId, tabindex: "-1" }, title),
      intro ? h("p", { class: "auth-intro" }, intro) : null,
      ...body,
    ),
  );
}

/** Replaces the banner slot's content with a banner (or empties it). */
function showBanner(slot: HTMLElement, banner: HTMLElement | null): void {
  slot.textContent = "";
  if (banner) slot.append(banner);
}

/** A banner with plain sentences (no codes): the sign-in screen speaks to people, not to scripts. */
function plainBanner(title: string, ...messages: string[]): HTMLElement {
  return h(
    "div",
    { class: "error-banner", role: "alert" },
    h("strong", null, title),
    messages.length === 1
      ? h("p", null, messages[0])
      : messages.length
        ? h(
            "ul",
            null,
            messages.map((m) => h("li", null, m)),
          )
        : null,
  );
}

/**
 * The sign-in screen. Calls `onSignedIn` with the user once the server accepts the credentials;
 * `notice` explains why it is shown (e.g. the session ended).
 */
export function signInScreen(opts: {
  notice?: string;
  onSignedIn: (user: SessionUser) => void;
}): HTMLElement {
  document.title = "Sign in · Converge";
  const email = inputField("E-mail address", {
    id: "sign-in-email",
    name: "email",
    type: "email",
    autocomplete: "username",
    required: true,
    spellcheck: "false",
    autocapitalize: "none",
  });
  const password = inputField("Password", {
    id: "sign-in-password",
    name: "password",
    type: "password",
    autocomplete: "current-password",
    required: true,
  });
  const banner = h("div", { class: "banner-slot", id: "sign-in-error" });
  const submit = h(
    "button",
    { type: "submit", class: "button button-block", id: "sign-in-submit" },
    "Sign in",
  );
  let waitTimer: ReturnType<typeof setInterval> | undefined;

  /** Disables the button for `seconds`, counting down on it. */
  const waitFor = (seconds: number) => {
    clearInterval(waitTimer);
    let left = seconds;
    submit.disabled = true;
    submit.textContent = `Try again in ${left} s`;
    waitTimer = setInterval(() => {
      left -= 1;
      if (left <= 0 || !submit.isConnected) {
        clearInterval(waitTimer);
        submit.disabled = false;
        submit.textContent = "Sign in";
      } else {
        submit.textContent = `Try again in ${left} s`;
      }
    }, 1000);
  };

  const form = h(
    "form",
    { class: "auth-form", id: "sign-in-form", novalidate: true, "aria-describedby": "sign-in-error" },
    banner,
    email.field,
    password.field,
    submit,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const missing: string[] = [];
    setFieldError(email.input, null);
    setFieldError(password.input, null);
    if (!email.input.value.trim()) {
      missing.push("Enter your e-mail address.");
      setFieldError(email.input, "Enter your e-mail address.");
    }
    if (!password.input.value) {
      missing.push("Enter your password.");
      setFieldError(password.input, "Enter your password.");
    }
    if (missing.length) {
      showBanner(banner, plainBanner("Could not sign in", ...missing));
      (email.input.value.trim() ? password.input : email.input).focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = "Signing in…";
    form.setAttribute("aria-busy", "true");
    signIn(email.input.value.trim(), password.input.value).then(
      (user) => {
        clearInterval(waitTimer);
        opts.onSignedIn(user);
      },
      (err: unknown) => {
        form.setAttribute("aria-busy", "false");
        submit.disabled = false;
        submit.textContent = "Sign in";
        const message = err instanceof Error ? err.message : String(err);
        const retry = err instanceof SignInError ? err.retryAfterSeconds : undefined;
        const lines = [message];
        if (retry && !/try again in/i.test(message)) lines.push(`Try again in ${retry} s.`);
        showBanner(banner, plainBanner("Could not sign in", ...lines));
        password.input.value = "";
        password.input.focus();
        if (retry) waitFor(retry);
      },
    );
  });

  const screen = authCard(
    "sign-in-title",
    "Sign in to Converge",
    "The ICT estate inventory for the councils and their shared service.",
    opts.notice ? h("div", { class: "info-note", role: "status" }, opts.notice) : null,
    form,
    h(
      "p",
      { class: "auth-footnote" },
      "No account yet, or locked out? Ask an administrator of your organisation.",
    ),
  );
  queueMicrotask(() => email.input.focus());
  return screen;
}

/**
 * The current / new / confirm form. Checks length and match before sending; server refusals are
 * shown on the field they concern. Calls `onChanged` after the server accepted the new password.
 */
export function passwordForm(opts: {
  id: string;
  submitLabel: string;
  /** The account's e-mail, in a hidden username field so password managers file the new password. */
  email?: string;
  onChanged: () => void;
}): HTMLFormElement {
  const current = inputField("Current password", {
    id: `${opts.id}-current`,
    name: "currentPassword",
    type: "password",
    autocomplete: "current-password",
    required: true,
  });
  const next = inputField(
    "New password",
    {
      id: `${opts.id}-new`,
      name: "newPassword",
      type: "password",
      autocomplete: "new-password",
      required: true,
      minlength: MIN_PASSWORD_LENGTH,
    },
    `At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a good one.`,
  );
  const confirm = inputField("Confirm new password", {
    id: `${opts.id}-confirm`,
    name: "confirmPassword",
    type: "password",
    autocomplete: "new-password",
    required: true,
  });
  const banner = h("div", { class: "banner-slot", id: `${opts.id}-error` });
  const submit = h("button", { type: "submit", class: "button", id: `${opts.id}-submit` }, opts.submitLabel);
  const form = h(
    "form",
    { class: "auth-form password-form", id: opts.id, novalidate: true },
    h("input", {
      type: "text",
      name: "username",
      autocomplete: "username",
      value: opts.email ?? "",
      hidden: true,
      readonly: true,
      tabindex: -1,
      "aria-hidden": "true",
    }),
    banner,
    current.field,
    next.field,
    confirm.field,
    h("div", { class: "form-actions" }, submit),
  );
  const inputs = { currentPassword: current.input, newPassword: next.input };

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    for (const input of [current.input, next.input, confirm.input]) setFieldError(input, null);
    const problems: [HTMLInputElement, string][] = [];
    if (!current.input.value) problems.push([current.input, "Enter your current password."]);
    if (next.input.value.length < MIN_PASSWORD_LENGTH) {
      problems.push([
        next.input,
        `The new password must be at least ${MIN_PASSWORD_LENGTH} characters long (it has ${next.input.value.length}).`,
      ]);
    }
    if (confirm.input.value !== next.input.value) {
      problems.push([confirm.input, "The two new passwords do not match."]);
    }
    if (problems.length) {
      for (const [input, message] of problems) setFieldError(input, message);
      showBanner(banner, plainBanner("Check the form", ...problems.map(([, m]) => m)));
      problems[0]![0].focus();
      return;
    }
    showBanner(banner, null);
    submit.disabled = true;
    const label = submit.textContent;
    submit.textContent = "Saving…";
    changePassword(current.input.value, next.input.value).then(
      () => {
        submit.disabled = false;
        submit.textContent = label;
        form.reset();
        opts.onChanged();
      },
      (err: unknown) => {
        submit.disabled = false;
        submit.textContent = label;
        if (err instanceof ApiError) {
          const field = err.field as keyof typeof inputs | undefined;
          const input = field ? inputs[field] : undefined;
          const message = sentence(err.errors[0]?.message ?? err.message);
          if (input) {
            const text =
              field === "currentPassword"
                ? "That is not your current password."
                : `The new password ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
            setFieldError(input, text);
            showBanner(banner, plainBanner("Could not change the password", text));
            input.value = "";
            input.focus();
            return;
          }
        }
        showBanner(banner, errorBanner(err, "Could not change the password"));
      },
    );
  });
  return form;
}

/** The screen after signing in with one-time credentials: nothing else is possible until this is done. */
export function choosePasswordScreen(opts: {
  user: SessionUser;
  onChanged: () => void;
  onSignOut: () => void;
}): HTMLElement {
  document.title = "Choose a new password · Converge";
  const form = passwordForm({
    id: "choose-password",
    submitLabel: "Save and continue",
    email: opts.user.email,
    onChanged: opts.onChanged,
  });
  form
    .querySelector(".form-actions")
    ?.append(
      h("button", { type: "button", class: "button button-secondary", onclick: opts.onSignOut }, "Sign out"),
    );
  const screen = authCard(
    "choose-password-title",
    "Choose a new password",
    [
      "You signed in as ",
      h("strong", null, opts.user.email),
      " with a one-time password. Choose your own password before you continue; the one-time password then stops working.",
    ],
    form,
  );
  queueMicrotask(() => form.querySelector<HTMLInputElement>("input")?.focus());
  return screen;
}
