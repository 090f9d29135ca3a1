// The one error shape of every HTTP answer the server writes itself (outside GraphQL execution):
// the GraphQL shape, `{ errors: [{ message, extensions: { code, … } }] }`, so a client reads /auth,
// /graphql and every refusal in front of them the same way.

/** Codes of refusals answered before (or instead of) GraphQL execution. */
export type HttpErrorCode =
  "BAD_INPUT" | "UNAUTHENTICATED" | "FORBIDDEN" | "RATE_LIMITED" | "PAYLOAD_TOO_LARGE" | "CONFLICT";

/** Extra extensions a refusal may carry (e.g. `retryAfterSeconds`). */
export type HttpErrorExtensions = Record<string, string | number | boolean>;

/** A JSON error answer in the GraphQL shape with `status`, `extensions.code` and any `headers`. */
export function errorResponse(
  status: number,
  code: HttpErrorCode,
  message: string,
  options: { extensions?: HttpErrorExtensions; headers?: Record<string, string> } = {},
): Response {
  return new Response(
    JSON.stringify({ errors: [{ message, extensions: { code, ...options.extensions } }] }),
    {
      status,
      headers: { "content-type": "application/json; charset=utf-8", ...options.headers },
    },
  );
}
