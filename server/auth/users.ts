// Users and their roles: created and changed by administrators; the first admin at start-up. Who may do
// what to an account is decided in account-control.ts.
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient, Role } from "../../generated/prisma/client.ts";
import type { UserOrder } from "../../generated/graphql.ts";
import type { Actor } from "../shared/actor.ts";
import { canAnywhere } from "../shared/authz.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "../shared/errors.ts";
import { requireName } from "../shared/validate.ts";
import { recordAudit } from "../shared/writes.ts";
import { organisationByCode } from "../organisations/service.ts";
import { authorizeCreateAccount, authorizeRoleChange } from "./account-control.ts";
import { hashPassword, newOneTimePassword } from "./secrets.ts";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkEmail(email: string, field: string): string {
  const e = email.trim().toLowerCase();
  if (!EMAIL.test(e) || e.length > 200)
    throw new InputError(field, `"${email.slice(0, 60)}" is not an e-mail address.`);
  return e;
}

/** A user row without its password hash, for audit snapshots. */
function publicUser(user: { passwordHash: string } & Record<string, unknown>) {
  const { passwordHash: _hidden, ...rest } = user;
  return rest;
}

/** The user with `userId` and the organisation that owns the account; NOT_FOUND naming `user` otherwise. */
export async function accountById(prisma: PrismaClient, userId: string) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    include: { organisation: { select: { code: true } } },
  });
  if (!user) throw new NotFoundError("user", "no such user.");
  return user;
}

/**
 * Creates a user belonging to the organisation with code `organisation`, with one-time credentials
 * (returned once); the caller must administer that organisation's accounts (account-control.ts).
 */
export async function createUser(
  prisma: PrismaClient,
  actor: Actor,
  email: string,
  displayName: string,
  organisation: string,
) {
  const org = await organisationByCode(prisma, organisation, "organisation");
  await authorizeCreateAccount(prisma, actor, org);
  const address = checkEmail(email, "email");
  if (await prisma.user.findUnique({ where: { email: address } }))
    throw new ConflictError("email", `a user with e-mail ${address} already exists.`);
  const password = newOneTimePassword();
  const data = {
    id: randomUUID(),
    email: address,
    displayName: requireName(displayName, "displayName"),
    organisationId: org.id,
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
  };
  const user = await prisma.$transaction(async (tx) => {
    const created = await tx.user.create({ data });
    await recordAudit(tx, actor, {
      action: "CREATE",
      entityType: "User",
      entityId: created.id,
      organisationId: org.id,
      after: publicUser(created),
    });
    return created;
  });
  return { user, password };
}

/**
 * Grants `role` in the organisation with `code`; needs account administration there (account-control.ts).
 */
export async function grantRole(
  prisma: PrismaClient,
  actor: Actor,
  userId: string,
  code: string,
  role: Role,
) {
  const org = await organisationByCode(prisma, code, "organisation");
  await authorizeRoleChange(prisma, actor, org);
  const target = await accountById(prisma, userId);
  await prisma.$transaction(async (tx) => {
    const existing = await tx.roleAssignment.findUnique({
      where: { userId_organisationId_role: { userId, organisationId: org.id, role } },
    });
    if (existing) return;
    await tx.roleAssignment.create({ data: { id: randomUUID(), userId, organisationId: org.id, role } });
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "User",
      entityId: userId,
      organisationId: org.id,
      after: { email: target.email, grantedRole: role, organisation: org.code },
    });
  });
  return target;
}

/** Removes `role` in the organisation with `code`; needs account administration there. Nobody can remove their own ADMIN. */
export async function revokeRole(
  prisma: PrismaClient,
  actor: Actor,
  userId: string,
  code: string,
  role: Role,
) {
  const org = await organisationByCode(prisma, code, "organisation");
  await authorizeRoleChange(prisma, actor, org);
  if (userId === actor.id && role === "ADMIN")
    throw new InputError("role", "you cannot remove your own ADMIN role; ask another administrator.");
  const target = await accountById(prisma, userId);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.roleAssignment.deleteMany({ where: { userId, organisationId: org.id, role } });
    if (count)
      await recordAudit(tx, actor, {
        action: "UPDATE",
        entityType: "User",
        entityId: userId,
        organisationId: org.id,
        before: { email: target.email, role, organisation: org.code },
        after: { email: target.email, revokedRole: role, organisation: org.code },
      });
  });
  return target;
}

/** The allowed user orders (the schema's UserOrder): one column, then id; never signed in comes last. */
const USER_ORDERS: Record<UserOrder, Prisma.UserOrderByWithRelationInput[]> = {
  EMAIL_ASC: [{ email: "asc" }, { id: "asc" }],
  EMAIL_DESC: [{ email: "desc" }, { id: "desc" }],
  // displayNameKey: lower(displayName) in byte order, generated by the database (case-insensitive).
  NAME_ASC: [{ displayNameKey: "asc" }, { id: "asc" }],
  NAME_DESC: [{ displayNameKey: "desc" }, { id: "desc" }],
  LAST_SIGN_IN_DESC: [{ lastSignInAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
  LAST_SIGN_IN_ASC: [{ lastSignInAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  CREATED_AT_DESC: [{ createdAt: "desc" }, { id: "desc" }],
  CREATED_AT_ASC: [{ createdAt: "asc" }, { id: "asc" }],
};

/** Every user, for administrators (of any organisation), in `orderBy`'s order (by e-mail address unless asked). */
export function listUsers(prisma: PrismaClient, actor: Actor, orderBy: UserOrder = "EMAIL_ASC") {
  if (!canAnywhere(actor, "administer"))
    throw new ForbiddenError("listing users needs the ADMIN role in an organisation.");
  return prisma.user.findMany({ orderBy: USER_ORDERS[orderBy] });
}

/** The signed-in user's own row (null for the system itself). */
export function findMe(prisma: PrismaClient, actor: Actor) {
  return actor.via === "system" ? null : prisma.user.findUnique({ where: { id: actor.id } });
}

/** Reading a user by ID: your own account, or anyone's for administrators (as `users` lists them). */
export function authorizeUserRead(actor: Actor, userId: string): void {
  if (userId !== actor.id && !canAnywhere(actor, "administer"))
    throw new ForbiddenError("reading other users needs the ADMIN role in an organisation.");
}

/**
 * On a fresh installation (no users), creates the first administrator — belonging to the shared service
 * and ADMIN of every shared-service organisation — with a random one-time password, and returns the
 * credentials to print once.
 */
export async function bootstrapAdmin(
  prisma: PrismaClient,
  email = process.env.CONVERGE_ADMIN_EMAIL ?? "admin@converge.local",
) {
  if ((await prisma.user.count()) > 0) return null;
  const password = newOneTimePassword();
  const passwordHash = await hashPassword(password);
  const address = checkEmail(email, "CONVERGE_ADMIN_EMAIL");
  const created = await prisma.$transaction(async (tx) => {
    // Servers starting together: one creates the admin, the others wait here and then find it.
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(727073691)`;
    if ((await tx.user.count()) > 0) return false;
    const shared = await tx.organisation.findMany({
      where: { kind: "SHARED_SERVICE" },
      orderBy: { code: "asc" },
    });
    if (!shared.length) return false;
    const userId = randomUUID();
    await tx.user.create({
      data: {
        id: userId,
        email: address,
        displayName: "Administrator",
        organisationId: shared[0]!.id,
        passwordHash,
        mustChangePassword: true,
      },
    });
    for (const o of shared)
      await tx.roleAssignment.create({
        data: { id: randomUUID(), userId, organisationId: o.id, role: "ADMIN" },
      });
    return true;
  });
  if (!created) return null;
  return { email, password };
}
