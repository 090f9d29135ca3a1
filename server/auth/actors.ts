// Builds the Actor of a user: their roles per organisation and whether they administer everything.
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Role } from "../../generated/prisma/client.ts";
import type { Actor } from "../shared/actor.ts";

/** The actor for an active user, or null when the user is missing or deactivated. */
export async function actorForUser(
  prisma: PrismaClient,
  userId: string,
  via: "session" | "token",
  credentialId: string,
): Promise<Actor | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    include: { roles: { include: { organisation: { select: { kind: true } } } } },
  });
  if (!user || !user.active) return null;
  const roles = new Map<string, Set<Role>>();
  let sharedAdmin = false;
  for (const r of user.roles) {
    const set = roles.get(r.organisationId) ?? new Set<Role>();
    set.add(r.role);
    roles.set(r.organisationId, set);
    if (r.role === "ADMIN" && r.organisation.kind === "SHARED_SERVICE") sharedAdmin = true;
  }
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    organisationId: user.organisationId,
    roles,
    sharedAdmin,
    via,
    credentialId,
    mustChangePassword: user.mustChangePassword,
  };
}
