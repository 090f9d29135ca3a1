// Who may run any operation at all: a caller with a role somewhere (or the system). A caller still on
// one-time credentials may only look at itself and change its password.
import type { DefinitionNode, OperationDefinitionNode } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { Context } from "../shared/context.ts";
import { canAnywhere } from "../shared/authz.ts";

const FIRST_SIGN_IN_FIELDS = new Set(["me", "changePassword", "__typename", "__schema", "__type"]);

function rootFields(definitions: readonly DefinitionNode[]): string[] {
  return definitions
    .filter((d): d is OperationDefinitionNode => d.kind === "OperationDefinition")
    .flatMap((d) => d.selectionSet.selections.map((s) => (s.kind === "Field" ? s.name.value : "…")));
}

/** Refuses operations from callers with no role, and anything but me/changePassword before a first password change. */
export const accessPlugin: Plugin<Context> = {
  onExecute({ args, setResultAndStopExecution }) {
    const actor = args.contextValue.actor;
    if (!actor) {
      // Only GraphiQL's page is served anonymously; its queries still need credentials.
      setResultAndStopExecution({
        errors: [
          createGraphQLError("sign in or send an API token.", {
            extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
          }),
        ],
      });
      return;
    }
    const fields = rootFields(args.document.definitions);
    let message: string | null = null;
    if (actor.mustChangePassword && fields.some((f) => !FIRST_SIGN_IN_FIELDS.has(f))) {
      message =
        "choose a new password first (mutation changePassword); one-time credentials allow nothing else.";
    } else if (
      !actor.mustChangePassword &&
      !canAnywhere(actor, "read") &&
      fields.some((f) => !FIRST_SIGN_IN_FIELDS.has(f))
    ) {
      message = "your account has no role in any organisation yet; ask an administrator to grant one.";
    }
    if (message)
      setResultAndStopExecution({
        errors: [createGraphQLError(message, { extensions: { code: "FORBIDDEN", http: { status: 403 } } })],
      });
  },
};
