// Per-request batch loaders of the procurement domain. They hang off the request's context object (a
// WeakMap), so they live exactly as long as the request, like the loaders in server/loaders.ts.
import DataLoader from "dataloader";
import type { Capability } from "../../generated/prisma/client.ts";
import type { Context } from "../shared/context.ts";

/** The procurement loaders of one request. */
export interface ProcurementLoaders {
  capabilityByCode: DataLoader<string, Capability | null>;
}

const perRequest = new WeakMap<Context, ProcurementLoaders>();

/** The loaders of the request `ctx` belongs to (created on first use). */
export function procurementLoaders(ctx: Context): ProcurementLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = {
      capabilityByCode: new DataLoader(async (codes) => {
        const rows = await ctx.prisma.capability.findMany({ where: { code: { in: [...codes] } } });
        const map = new Map(rows.map((r) => [r.code, r]));
        return codes.map((c) => map.get(c) ?? null);
      }),
    };
    perRequest.set(ctx, loaders);
  }
  return loaders;
}
