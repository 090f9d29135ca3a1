// Per-request batch loaders the graph domain adds to those of the request context: dependencies by id
// (for `GraphEdge.dependency` and `crossEstateLinks`). Created on first use for a context and dropped with it.
import DataLoader from "dataloader";
import type { Dependency } from "../../generated/prisma/client.ts";
import type { Context } from "../shared/context.ts";
import { byIds } from "../shared/batch.ts";

/** The graph domain's loaders of one request. */
export interface GraphLoaders {
  dependency: DataLoader<string, Dependency | null>;
}

const perRequest = new WeakMap<Context, GraphLoaders>();

/** The graph loaders of the request `ctx` belongs to (no data shared between requests). */
export function graphLoaders(ctx: Context): GraphLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = {
      dependency: new DataLoader((ids) =>
        byIds(ids, ctx.prisma.dependency.findMany({ where: { id: { in: [...ids] } } })),
      ),
    };
    perRequest.set(ctx, loaders);
  }
  return loaders;
}
