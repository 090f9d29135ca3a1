// Per-request batch loaders for scenarios and their moves, targets and decisions.
import DataLoader from "dataloader";
import type { Move, PrismaClient, Scenario, ScenarioDecision, ScenarioTarget } from "../../generated/prisma/client.ts";
import { byIds, groupedBy } from "../shared/batch.ts";

/** Loaders keyed by scenario or move id. */
export function planningLoaders(prisma: PrismaClient) {
  return {
    scenario: new DataLoader<string, Scenario | null>((ids) =>
      byIds(ids, prisma.scenario.findMany({ where: { id: { in: [...ids] } } })),
    ),
    move: new DataLoader<string, Move | null>((ids) => byIds(ids, prisma.move.findMany({ where: { id: { in: [...ids] } } }))),
    /** Every move of the scenario, in the order added (createdAt, then id). */
    movesByScenario: new DataLoader<string, Move[]>((ids) =>
      groupedBy(
        ids,
        prisma.move.findMany({ where: { scenarioId: { in: [...ids] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
        (m) => m.scenarioId,
      ),
    ),
    /** The organisations taking part, with targets. */
    targetsByScenario: new DataLoader<string, ScenarioTarget[]>((ids) =>
      groupedBy(ids, prisma.scenarioTarget.findMany({ where: { scenarioId: { in: [...ids] } }, orderBy: { id: "asc" } }), (t) => t.scenarioId),
    ),
    /** Decisions, newest first. */
    decisionsByScenario: new DataLoader<string, ScenarioDecision[]>((ids) =>
      groupedBy(
        ids,
        prisma.scenarioDecision.findMany({ where: { scenarioId: { in: [...ids] } }, orderBy: [{ decidedAt: "desc" }, { id: "asc" }] }),
        (d) => d.scenarioId,
      ),
    ),
    /** Every revision of a lineage, oldest first. */
    revisionsByLineage: new DataLoader<string, Scenario[]>((ids) =>
      groupedBy(ids, prisma.scenario.findMany({ where: { lineageId: { in: [...ids] } }, orderBy: { revision: "asc" } }), (s) => s.lineageId),
    ),
  };
}
