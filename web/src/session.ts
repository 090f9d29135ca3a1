// Who is signed in. The session itself is an HttpOnly cookie the browser sends by itself; this module
// only asks the server about it (GET /auth/me), signs in and out (POST /auth/sign-in, /auth/sign-out)
// and keeps the signed-in user's roles (GraphQL `me`) for the header and role-dependent nav items.
import { graphql } from "./graphql.ts";
import type { ItemOf } from "./graphql.ts";
import type { MeQuery } from "./graphql.ts";
import { ApiError, gql } from "./api.ts";

/** The user as /auth/me and /auth/sign-in describe them. */
export interface SessionUser {
  email: string;
  displayName: string;
  mustChangePassword: boolean;
}

/** One role in one organisation. */
export type RoleGrant = ItemOf<Me["roles"]>;

/** The signed-in user with their roles (GraphQL `me`). */
export type Me = NonNullable<MeQuery["me"]>;

/** Why a sign-in was refused: the server's message, and how long to wait when throttled or locked. */
export class SignInError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "SignInError";
  }
}

let user: SessionUser | null = null;
let me: Me | null = null;
const listeners: (() => void)[] = [];

/** The signed-in user, or null. */
export function currentUser(): SessionUser | null {
  return user;
}

/** The signed-in user's roles, once loaded (after any required password change). */
export function currentMe(): Me | null {
  return me;
}

/** True when the signed-in user holds `role` in at least one organisation. */
export function hasRole(role: string): boolean {
  return !!me?.roles.some((r) => r.role === role);
}

/** Calls `fn` whenever the user or their roles change (sign-in, sign-out, password change). */
export function onSessionChange(fn: () => void): void {
  listeners.push(fn);
}

function changed(): void {
  for (const fn of listeners) fn();
}

/** Sets who is signed in (null after sign-out or when the session is found to have expired). */
export function setUser(next: SessionUser | null): void {
  user = next;
  if (!next) me = null;
  changed();
}

/** Capitalises a server message ("wrong e-mail…" → "Wrong e-mail…") and ends it with a full stop. */
export function sentence(message: string): string {
  const s = message.trim();
  if (!s) return s;
  const capital = s[0]!.toUpperCase() + s.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

async function readError(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { errors?: { message?: string }[] };
    const message = body.errors?.find((e) => e.message)?.message;
    if (message) return message;
  } catch {
    // not JSON: fall through
  }
  return `The server answered ${res.status} ${res.statusText}.`;
}

/**
 * Asks the server who is signed in (GET /auth/session: 200 with `user: null` for an anonymous visitor,
 * so a first visit logs no error); null when nobody is. Throws when the server cannot be reached.
 */
export async function checkSession(): Promise<SessionUser | null> {
  let res: Response;
  try {
    res = await fetch("/auth/session", {
      credentials: "same-origin",
      headers: { accept: "application/json" },
    });
  } catch (err) {
    throw new ApiError([
      { message: `Cannot reach the server: ${err instanceof Error ? err.message : String(err)}` },
    ]);
  }
  if (res.status === 401) return null;
  if (!res.ok) throw new ApiError([{ message: await readError(res) }], res.status);
  const body = (await res.json()) as { user: SessionUser | null };
  return body.user;
}

/** Signs in; throws SignInError with the server's reason (and Retry-After when throttled or locked). */
export async function signIn(email: string, password: string): Promise<SessionUser> {
  let res: Response;
  try {
    res = await fetch("/auth/sign-in", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ email, password }),
    });
  } catch (err) {
    throw new SignInError(`Cannot reach the server: ${err instanceof Error ? err.message : String(err)}`, 0);
  }
  if (!res.ok) {
    const retry = Number(res.headers.get("retry-after"));
    const message = sentence(await readError(res));
    throw new SignInError(message, res.status, Number.isFinite(retry) && retry > 0 ? retry : undefined);
  }
  const body = (await res.json()) as { user: SessionUser };
  return body.user;
}

/** Ends the session on the server (the cookie is cleared by the response) and forgets the user. */
export async function signOut(): Promise<void> {
  try {
    await fetch("/auth/sign-out", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: "{}",
    });
  } finally {
    setUser(null);
  }
}

const ME = graphql(`
  query Me {
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
  }
`);

/** Loads the signed-in user's roles (GraphQL `me`) and remembers them. */
export async function loadMe(signal?: AbortSignal): Promise<Me | null> {
  const data = await gql(ME, {}, signal);
  me = data.me;
  if (me && user) user = { ...user, displayName: me.displayName };
  changed();
  return me;
}

/** Replaces the signed-in user's password (GraphQL changePassword). */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await gql(
    graphql(`
      mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
        changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
          email
        }
      }
    `),
    { currentPassword, newPassword },
  );
  if (user) user = { ...user, mustChangePassword: false };
  changed();
}

/** The shortest password the server accepts. */
export const MIN_PASSWORD_LENGTH = 12;
