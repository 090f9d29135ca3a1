// The role table as data: what each role may do, derived from ROLE_PERMISSIONS and ENTITY_PERMISSION and
// the rule of every mutation in mutation-cases.ts. The walk (role-table.test.ts) checks the server against
// `expectedAllowed`; `renderRoleTable` writes the same matrix as the README's Markdown table, so the code,
// the tests and the documentation cannot drift apart.
import type { Role } from "../../generated/prisma/client.ts";
import { ENTITY_PERMISSION, ROLE_PERMISSIONS, type Permission } from "../../server/shared/authz.ts";
import { MUTATION_CASES, type Rule } from "./mutation-cases.ts";

/** A role held in one council, or the shared service's ADMIN (who administers every organisation). */
export type Subject = Role | "SHARED_SERVICE_ADMIN";

/** The roles in table order, then the shared service's ADMIN. */
export const ROLES = Object.keys(ROLE_PERMISSIONS) as Role[];
export const SUBJECTS: Subject[] = [...ROLES, "SHARED_SERVICE_ADMIN"];

/** Whose data a call touches: the organisation the role is held in, or another organisation. */
export type Target = "home" | "other";

/** The permission a rule needs, or null for the caller's own account. */
export function permissionOf(rule: Rule): Permission | null {
  if (rule.scope === "own-account") return null;
  if (rule.scope === "accounts-of-organisation") return ENTITY_PERMISSION.User;
  return rule.scope === "owning-organisation" ? ENTITY_PERMISSION[rule.entity] : rule.permission;
}

/**
 * Whether the target's organisation has an administrator of its own in the walk: SCC has (the ADMIN
 * caller is an account SCC owns), DCC has not (nobody DCC owns holds ADMIN there).
 */
const GOVERNS_ITSELF: Record<Target, boolean> = { home: true, other: false };

/** True when `subject` may make a call under `rule` against data of its `target` organisation. */
export function expectedAllowed(subject: Subject, rule: Rule, target: Target): boolean {
  // The shared service's ADMIN holds every permission everywhere, except what must be held in the
  // organisation itself: it holds no role in SCC or DCC.
  // Accounts and roles it administers only in an organisation with no administrator of its own yet.
  if (subject === "SHARED_SERVICE_ADMIN")
    return rule.scope === "accounts-of-organisation" ? !GOVERNS_ITSELF[target] : rule.scope !== "held-in-organisation";
  const held = ROLE_PERMISSIONS[subject];
  switch (rule.scope) {
    case "own-account":
      return true;
    case "any-organisation":
      return held.includes(rule.permission);
    case "owning-organisation":
      return target === "home" && held.includes(ENTITY_PERMISSION[rule.entity]);
    case "accounts-of-organisation":
      return target === "home" && held.includes(ENTITY_PERMISSION.User);
    case "held-in-organisation":
      return target === "home" && held.includes(rule.permission);
  }
}

/** One row of the table. */
interface Row {
  what: string;
  needs: string;
  where: string;
  allowed: (role: Role) => boolean;
  /** Whether the shared service's ADMIN may (default: yes); "setting-up": only in an organisation with no administrator of its own. */
  sharedAdmin?: boolean | "setting-up";
}

const WHERE: Record<Rule["scope"], string> = {
  "owning-organisation": "its organisation",
  "held-in-organisation": "its organisation, held there",
  "any-organisation": "any organisation",
  "own-account": "own account",
  "accounts-of-organisation": "its organisation, by an account it owns",
};

function ruleKey(rule: Rule): string {
  return JSON.stringify(rule);
}

/** The mutations grouped as the table lists them; every mutation of a group must share one rule. */
export function mutationGroups(): { group: string; mutations: string[]; rule: Rule; where: string }[] {
  const groups = new Map<string, { group: string; mutations: string[]; rule: Rule; where: string }>();
  for (const [name, c] of Object.entries(MUTATION_CASES)) {
    const g = groups.get(c.group);
    if (!g)
      groups.set(c.group, {
        group: c.group,
        mutations: [name],
        rule: c.rule,
        where: c.where ?? WHERE[c.rule.scope],
      });
    else if (ruleKey(g.rule) !== ruleKey(c.rule))
      throw new Error(`${name} is in group ${c.group} but has a different rule; split the group.`);
    else g.mutations.push(name);
  }
  return [...groups.values()];
}

function rows(): Row[] {
  const has = (p: Permission) => (role: Role) => ROLE_PERMISSIONS[role].includes(p);
  const result: Row[] = [
    {
      what: "Read the estate: organisations, sites, assets, dependencies, licences, contracts, audit trail",
      needs: "`read`",
      where: "every organisation",
      allowed: has("read"),
    },
    {
      what: "See commercial figures: contract values, licence prices and costs, and every figure computed from them (licence spend, overlap, position, saving, exit, payback and co-termination figures, the money in licence and contract audit snapshots and in the scenario snapshots an audit event keeps)",
      needs: "`readCommercialValues`",
      where: "its organisation (a figure spanning several: each of them)",
      allowed: has("readCommercialValues"),
    },
  ];
  const used = new Set<Permission>(["read", "readCommercialValues"]);
  for (const { group, mutations, rule, where } of mutationGroups()) {
    const permission = permissionOf(rule);
    if (permission) used.add(permission);
    result.push({
      what: `${group}: ${mutations.map((m) => `\`${m}\``).join(", ")}`,
      needs: permission ? `\`${permission}\`` : "an account",
      where,
      allowed: (role) => expectedAllowed(role, rule, "home"),
      sharedAdmin: rule.scope === "accounts-of-organisation" ? "setting-up" : expectedAllowed("SHARED_SERVICE_ADMIN", rule, "home"),
    });
  }
  const unused = [...new Set(ROLES.flatMap((r) => ROLE_PERMISSIONS[r]))].filter((p) => !used.has(p));
  for (const p of unused)
    result.push({
      what: `(no operation needs \`${p}\` yet)`,
      needs: `\`${p}\``,
      where: "its organisation",
      allowed: has(p),
    });
  return result;
}

/** The role table as Markdown, exactly as it stands between the README's role-table markers. */
export function renderRoleTable(): string {
  const header = ["Operation", "Needs", "Where", ...ROLES, "Shared-service ADMIN"];
  const lines = [
    `| ${header.join(" | ")} |`,
    `| ${header.map((_h, i) => (i < 3 ? "---" : ":-:")).join(" | ")} |`,
    ...rows().map(
      (r) =>
        `| ${[r.what, r.needs, r.where, ...ROLES.map((role) => (r.allowed(role) ? "✓" : "—")), r.sharedAdmin === false ? "—" : r.sharedAdmin === "setting-up" ? "✓ ¹" : "✓"].join(" | ")} |`,
    ),
  ];
  return [
    ...lines,
    "",
    "✓ allowed, — refused with `FORBIDDEN`. A role counts only in the organisation it is held in; an ADMIN of",
    "the shared service counts in every organisation, except in approving a plan and in administering an",
    "organisation's people. Each organisation approves for itself, through a role held in it by an account it",
    "owns — a role granted to another organisation's account (even one the shared service's ADMIN grants",
    "itself) does not count, so no one decides for two organisations. Every user belongs to one organisation,",
    "chosen when the account is created, and each organisation administers its own accounts and roles",
    "(`createUser`, `grantRole`, `revokeRole`, `resetUserPassword`, `setUserActive`) through ADMINs it owns:",
    "ADMIN granted to another organisation's account runs its estate, not its people. ¹ The shared service's",
    "ADMINs do it only while an organisation has no administrator of its own (an active account it owns holding",
    "ADMIN there): they appoint its first, and from then on cannot create its accounts, change its roles or",
    "reset its passwords — so they cannot make themselves an approver in its name. A user still on one-time",
    "credentials may only read their own identity (the scalar fields of `me`) and run `changePassword`; a user",
    "with no role at all may also see their (empty) `roles`.",
  ].join("\n");
}

/** The README's markers around the role table. */
export const ROLE_TABLE_MARKERS = { start: "<!-- role-table:start -->", end: "<!-- role-table:end -->" };

/** The text between the markers in `readme`, trimmed, or null when the markers are missing. */
export function tableInReadme(readme: string): string | null {
  const start = readme.indexOf(ROLE_TABLE_MARKERS.start);
  const end = readme.indexOf(ROLE_TABLE_MARKERS.end);
  if (start < 0 || end < start) return null;
  return readme.slice(start + ROLE_TABLE_MARKERS.start.length, end).trim();
}
