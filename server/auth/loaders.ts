// Per-request batch loaders for users and their roles.
import DataLoader from "dataloader";
import type { PrismaClient, User, RoleAssignment } from "../../generated/prisma/client.ts";
import { byIds, groupedBy } from "../shared/batch.ts";

/** Loaders keyed by user id. */
export function authLoaders(prisma: PrismaClient) {
  return {
    user: new DataLoader<string, User | null>((ids) =>
      byIds(ids, prisma.user.findMany({ where: { id: { in: [...ids] } } })),
    ),
    rolesByUser: new DataLoader<string, RoleAssignment[]>((ids) =>
      groupedBy(
        ids,
        prisma.roleAssignment.findMany({
          where: { userId: { in: [...ids] } },
          orderBy: [{ organisationId: "asc" }, { role: "asc" }],
        }),
        (r) => r.userId,
      ),
    ),
  };
}
