// Per-request batch loaders for users and their roles.
import DataLoader from "dataloader";
import type { PrismaClient, User, RoleAssignment } from "../../generated/prisma/client.ts";
import { byIds, groupedBy } from "../shared/batch.ts";
import { selfGoverned } from "./account-control.ts";

/** Loaders keyed by user id. */
export function authLoaders(prisma: PrismaClient) {
  return {
    user: new DataLoader<string, User | null>((ids) =>
      byIds(ids, prisma.user.findMany({ where: { id: { in: [...ids] } } })),
    ),
    /** Whether each organisation has an administrator of its own (account-control.ts, governsItself). */
    governsItself: new DataLoader<string, boolean>(async (ids) => {
      const governing = await selfGoverned(prisma, ids);
      return ids.map((id) => governing.has(id));
    }),
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
