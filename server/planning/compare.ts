// Two or three scenarios side by side: their headline figures and the moves that differ — a subject moved
// in one and not another, or moved differently (kind, target or wave).
import type { Move } from "../../generated/prisma/client.ts";
import type { Context } from "../shared/context.ts";
import { InputError } from "../shared/errors.ts";
import { idOf } from "../shared/ids.ts";
import { analyseScenario, type ScenarioAnalysis } from "./analysis.ts";
import { Outcome } from "./outcome.ts";

/** How one subject is treated in each scenario (null: no move on it there). */
export interface MoveDifferenceView {
  subject: string;
  assetId: string | null;
  siteId: string | null;
  moves: (Move | null)[];
}

/** The comparison. */
export interface Comparison {
  analyses: ScenarioAnalysis[];
  differences: MoveDifferenceView[];
  sameCount: number;
}

function subjectKey(m: Move): string {
  return m.assetId ?? m.siteId ?? `licences:${[...m.licenceIds, m.targetLicenceId ?? ""].sort().join(",")}`;
}

/** Compares 2 or 3 scenarios. */
export async function compareScenarios(ctx: Context, globalIds: readonly string[]): Promise<Comparison> {
  if (globalIds.length < 2 || globalIds.length > 3)
    throw new InputError("ids", `compare two or three scenarios (got ${globalIds.length}).`);
  const ids = globalIds.map((g, i) => idOf(g, "Scenario", `ids[${i}]`));
  if (new Set(ids).size !== ids.length) throw new InputError("ids", "names the same scenario twice.");
  const analyses = await Promise.all(ids.map((id) => analyseScenario(ctx, id)));
  const keys = new Map<string, (Move | null)[]>();
  const names = new Map<string, { subject: string; assetId: string | null; siteId: string | null }>();
  analyses.forEach((a, i) => {
    const outcome = a.plan.outcome as Outcome;
    const planMoves = new Map(a.input.moves.map((x) => [x.id, x]));
    for (const m of a.moves) {
      const key = subjectKey(m);
      const row = keys.get(key) ?? analyses.map(() => null);
      row[i] = m;
      keys.set(key, row);
      names.set(key, { subject: outcome.subjectName(planMoves.get(m.id)!), assetId: m.assetId, siteId: m.siteId });
    }
  });
  const waveOf = (i: number, m: Move) => analyses[i]!.plan.placed.get(m.id)?.wave ?? null;
  const same = (row: (Move | null)[]) =>
    row.every(
      (m, i) =>
        m &&
        m.kind === row[0]!.kind &&
        m.targetAssetId === row[0]!.targetAssetId &&
        m.targetSiteId === row[0]!.targetSiteId &&
        m.targetLicenceId === row[0]!.targetLicenceId &&
        waveOf(i, m) === waveOf(0, row[0]!),
    );
  const differences: MoveDifferenceView[] = [];
  let sameCount = 0;
  for (const [key, row] of keys) {
    if (same(row)) sameCount++;
    else differences.push({ ...names.get(key)!, moves: row });
  }
  differences.sort((a, b) => a.subject.localeCompare(b.subject) || (a.assetId ?? a.siteId ?? "").localeCompare(b.assetId ?? b.siteId ?? ""));
  return { analyses, differences, sameCount };
}
