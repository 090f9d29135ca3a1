// The one way the app talks to the server: POST /graphql with {query, variables}. Documents are typed
// (graphql.ts): the answer's type and the variables' type come from the SDL through codegen.
import type { TypedDocumentString } from "./graphql.ts";
// GraphQL errors (and HTTP/network failures) become an ApiError that keeps each message's code and field.

/** One error as the server reports it. */
export interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

/** Thrown by `gql` when the request fails or the response carries errors. */
export class ApiError extends Error {
  constructor(
    readonly errors: GraphQLErrorItem[],
    readonly status?: number,
  ) {
    super(errors.map((e) => e.message).join("; ") || "Request failed");
    this.name = "ApiError";
  }

  /** The first error's offending input field, if the server named one. */
  get field(): string | undefined {
    return this.errors.find((e) => e.extensions?.field)?.extensions?.field;
  }

  /** The first error's code (BAD_INPUT, NOT_FOUND, …), if any. */
  get code(): string | undefined {
    return this.errors.find((e) => e.extensions?.code)?.extensions?.code;
  }
}

/** Endpoint; overridable for tests. */
export const GRAPHQL_URL = "/graphql";

let unauthenticatedHandler: ((err: ApiError) => void) | undefined;

/**
 * Called whenever the server says the caller is not signed in (HTTP 401 or an UNAUTHENTICATED error),
 * e.g. after the session expired: the app shows the sign-in screen. The request still throws.
 */
export function onUnauthenticated(fn: (err: ApiError) => void): void {
  unauthenticatedHandler = fn;
}

/** True when the error means "sign in first". */
export function isUnauthenticated(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 401 || err.code === "UNAUTHENTICATED");
}

function fail(err: ApiError): never {
  if (isUnauthenticated(err)) unauthenticatedHandler?.(err);
  throw err;
}

/**
 * Runs a typed GraphQL document and returns `data`. Throws ApiError when the HTTP request fails, or when
 * the response has any `errors` (partial data is not shown as if it were whole).
 */
export async function gql<T, V>(
  document: TypedDocumentString<T, V>,
  variables?: V,
  signal?: AbortSignal,
): Promise<T> {
  const query = document.toString();
  let res: Response;
  try {
    res = await fetch(GRAPHQL_URL, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
      },
      body: JSON.stringify({ query, variables: variables ?? {} }),
      signal: signal ?? null,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError([
      { message: `Cannot reach the server: ${err instanceof Error ? err.message : String(err)}` },
    ]);
  }
  let body: { data?: T | null; errors?: GraphQLErrorItem[] } | undefined;
  try {
    body = (await res.json()) as typeof body;
  } catch {
    fail(
      new ApiError(
        [{ message: `The server answered ${res.status} ${res.statusText} without a GraphQL response.` }],
        res.status,
      ),
    );
  }
  if (body?.errors?.length) fail(new ApiError(body.errors, res.status));
  if (!res.ok || body?.data == null) {
    fail(new ApiError([{ message: `The server answered ${res.status} ${res.statusText}.` }], res.status));
  }
  return body.data;
}

/** True for the error `fetch` throws when a request is aborted (navigation away, newer filter). */
export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === "AbortError";
}
