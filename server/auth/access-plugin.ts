// Who may run any operation at all: a caller with a role somewhere (or the system). A caller still on
// one-time credentials may only read its own identity and change its password; a caller with no role may
// do that and see its (empty) list of roles. The decision is on the whole selection — every field the
// operation would resolve, through fragments and aliases — before anything runs.
import {
  getOperationAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { Context } from "../shared/context.ts";
import { canAnywhere } from "../shared/authz.ts";

/** What a restricted caller may select: a field name → its allowed sub-selection (true: a leaf or anything). */
interface Allowed {
  readonly [field: string]: true | Allowed;
}

/** The scalar fields that say who a user is; nothing reached through a relation. */
const IDENTITY: Allowed = {
  __typename: true,
  id: true,
  email: true,
  displayName: true,
  mustChangePassword: true,
  active: true,
  lastSignInAt: true,
  createdAt: true,
};

/** Introspection describes the schema, not data: GraphiQL may use it before the first password change. */
const INTROSPECTION = { __schema: true, __type: true, __typename: true } as const;

/** Before the first password change: your identity, and changePassword. */
const ONE_TIME_CREDENTIALS: Allowed = { ...INTROSPECTION, me: IDENTITY, changePassword: IDENTITY };

/** With no role anywhere: also your roles (there are none), so the web app can say so. */
const ROLE_OF_NO_ONE: Allowed = {
  __typename: true,
  role: true,
  organisation: { __typename: true, id: true, code: true, name: true },
};
const WITHOUT_ROLE: Allowed = {
  ...INTROSPECTION,
  me: { ...IDENTITY, roles: ROLE_OF_NO_ONE },
  changePassword: { ...IDENTITY, roles: ROLE_OF_NO_ONE },
};

/**
 * The path of the first field in `selectionSet` outside `allowed` (e.g. "me.roles"), or null when every
 * field — including those in fragments, whatever their alias or directives — is allowed.
 */
function firstDisallowed(
  selectionSet: SelectionSetNode,
  allowed: Allowed,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  path: string[] = [],
  seen: Set<string> = new Set(),
): string | null {
  for (const selection of selectionSet.selections) {
    if (selection.kind === "Field") {
      const name = selection.name.value;
      const rule = Object.hasOwn(allowed, name) ? allowed[name] : undefined;
      if (!rule) return [...path, name].join(".");
      if (rule !== true && selection.selectionSet) {
        const found = firstDisallowed(selection.selectionSet, rule, fragments, [...path, name], seen);
        if (found) return found;
      }
    } else if (selection.kind === "InlineFragment") {
      const found = firstDisallowed(selection.selectionSet, allowed, fragments, path, seen);
      if (found) return found;
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment) return [...path, `...${name}`].join(".");
      const key = `${path.join(".")}|${name}`;
      if (seen.has(key)) continue; // validation refuses cycles; never loop regardless
      seen.add(key);
      const found = firstDisallowed(fragment.selectionSet, allowed, fragments, path, seen);
      if (found) return found;
    }
  }
  return null;
}

/** The first field the operation selects beyond `allowed`, or null. */
function disallowedIn(document: DocumentNode, operationName: string | undefined, allowed: Allowed) {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === "FragmentDefinition") fragments.set(d.name.value, d);
  const operation = getOperationAST(document, operationName);
  const operations = operation
    ? [operation]
    : document.definitions.filter((d) => d.kind === "OperationDefinition");
  for (const op of operations) {
    const found = firstDisallowed(op.selectionSet, allowed, fragments);
    if (found) return found;
  }
  return null;
}

function forbidden(message: string) {
  return {
    errors: [createGraphQLError(message, { extensions: { code: "FORBIDDEN", http: { status: 403 } } })],
  };
}

/** Refuses operations from callers with no role, and anything but your identity before a first password change. */
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
    const operationName = args.operationName ?? undefined;
    if (actor.mustChangePassword) {
      const field = disallowedIn(args.document, operationName, ONE_TIME_CREDENTIALS);
      if (field)
        setResultAndStopExecution(
          forbidden(
            `choose a new password first (mutation changePassword); one-time credentials allow reading only your own identity (me { id email displayName mustChangePassword … }), not ${field}.`,
          ),
        );
    } else if (!canAnywhere(actor, "read")) {
      const field = disallowedIn(args.document, operationName, WITHOUT_ROLE);
      if (field)
        setResultAndStopExecution(
          forbidden(
            `your account has no role in any organisation yet, so ${field} is not available; ask an administrator to grant one.`,
          ),
        );
    }
  },
};
