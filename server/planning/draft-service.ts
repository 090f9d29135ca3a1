// draftConvergence for the API: checks the planners' choice, loads the estate around it, drafts the moves
// (draft.ts) and stores the scenario with all its moves in one transaction.
import type { DraftConvergenceInput, MoveInput } from "../../generated/graphql.ts";
import type { Context } from "../shared/context.ts";
import { commercialVisible } from "../shared/authz.ts";
import { InputError, NotFoundError } from "../shared/errors.ts";
import { idOf, toGlobalId } from "../shared/ids.ts";
import { inTransaction } from "../shared/writes.ts";
import { organisationIdsByCodes } from "../organisations/service.ts";
import { loadPlanEstate } from "./estate.ts";
import { draftConvergence, type DraftMove, type DraftOutcome } from "./draft.ts";
import { jobsOf } from "./jobs.ts";
import { insertMoves } from "./moves.ts";
import { createScenarioIn } from "./scenarios.ts";

const TARGET_KINDS = new Set(["STORAGE", "COMPUTE_CLUSTER", "CLOUD_PLATFORM"]);

function ids(list: readonly string[] | null | undefined, type: "Site" | "Asset", field: string): string[] {
  const out = (list ?? []).map((g, i) => idOf(g, type, `${field}[${i}]`));
  if (new Set(out).size !== out.length) throw new InputError(field, "lists the same one twice.");
  return out;
}

/** Drafts and stores a whole scenario from the chosen targets and closing sites. */
export async function draftConvergenceScenario(ctx: Context, input: DraftConvergenceInput): Promise<DraftOutcome> {
  const targetSites = ids(input.targetSites, "Site", "input.targetSites");
  const closingSites = ids(input.closingSites, "Site", "input.closingSites");
  const targetPlatforms = ids(input.targetPlatforms, "Asset", "input.targetPlatforms");
  if (!targetSites.length) throw new InputError("input.targetSites", "choose at least one site that stays and receives what moves.");
  if (!closingSites.length) throw new InputError("input.closingSites", "choose at least one site that closes.");
  const both = targetSites.find((s) => closingSites.includes(s));
  if (both) throw new InputError("input.closingSites", `Site:${both} is both a target and a closing site.`);

  const sites = await ctx.prisma.site.findMany({ where: { id: { in: [...targetSites, ...closingSites] } } });
  for (const [list, field] of [[targetSites, "input.targetSites"], [closingSites, "input.closingSites"]] as const)
    list.forEach((id, i) => {
      const s = sites.find((x) => x.id === id);
      if (!s) throw new NotFoundError(`${field}[${i}]`, `no site has ID ${toGlobalId("Site", id)}.`);
      if (s.lifecycle === "RETIRED") throw new InputError(`${field}[${i}]`, `${s.name} is retired.`);
    });
  const platforms = await ctx.prisma.asset.findMany({ where: { id: { in: targetPlatforms } } });
  targetPlatforms.forEach((id, i) => {
    const a = platforms.find((x) => x.id === id);
    const field = `input.targetPlatforms[${i}]`;
    if (!a) throw new NotFoundError(field, `no asset has ID ${toGlobalId("Asset", id)}.`);
    if (!TARGET_KINDS.has(a.kind))
      throw new InputError(field, `${a.name} is a ${a.kind}; targets are storage, compute clusters and cloud platforms.`);
    if (a.lifecycle === "RETIRED" || a.lifecycle === "DECOMMISSIONING") throw new InputError(field, `${a.name} is ${a.lifecycle.toLowerCase()}.`);
    if (a.siteId && closingSites.includes(a.siteId)) throw new InputError(field, `${a.name} is at a site that closes.`);
  });

  const codes = input.organisations?.length
    ? input.organisations
    : (await ctx.prisma.organisation.findMany({ where: { kind: "COUNCIL" }, orderBy: { code: "asc" } })).map((o) => o.code);
  const orgIds = await organisationIdsByCodes(ctx.prisma, codes, "input.organisations");
  const [apps, licences] = await Promise.all([
    ctx.prisma.asset.findMany({
      where: { organisationId: { in: orgIds }, kind: "APPLICATION", lifecycle: { not: "RETIRED" }, productId: { not: null } },
      select: { id: true },
    }),
    ctx.prisma.licence.findMany({ where: { organisationId: { in: orgIds }, status: "ACTIVE" }, select: { id: true } }),
  ]);
  const estate = await loadPlanEstate(ctx, {
    assetIds: [...targetPlatforms, ...apps.map((a) => a.id)],
    tenantSiteIds: [...targetSites, ...closingSites],
    siteIds: [],
    licenceIds: licences.map((l) => l.id),
  });
  const productIds = [...new Set([...estate.assets.values()].map((a) => a.productId).filter((p): p is string => !!p))];
  const draft = draftConvergence(
    estate,
    {
      organisations: new Set(orgIds),
      targetSites,
      targetPlatforms,
      closingSites,
      replaceDuplicates: input.replaceDuplicates ?? true,
      renegotiateOverlaps: input.renegotiateOverlaps ?? true,
      // Prices decide a choice only where the caller may read every one compared (draft.ts).
      pricesComparable: new Set([...orgIds, ...estate.organisationCodes.keys()].filter((o) => commercialVisible(ctx.actor, o))),
    },
    await jobsOf(ctx.prisma, productIds),
    await productLabels(ctx, productIds),
  );

  return inTransaction(ctx, async (tx) => {
    const scenario = await createScenarioIn(tx, ctx.actor, {
      name: input.name,
      description: input.description,
      startDate: input.startDate,
      horizonYears: input.horizonYears,
      waveLengthMonths: input.waveLengthMonths,
      maxMovesPerWave: input.maxMovesPerWave,
      maxEffortDaysPerWave: input.maxEffortDaysPerWave,
      discountRatePercent: input.discountRatePercent,
      costSplit: input.costSplit,
      organisations: codes,
    });
    const moves = draft.moves.length ? await insertMoves(tx, ctx.actor, scenario.id, draft.moves.map(asInput)) : [];
    return {
      scenarioId: scenario.id,
      decisions: draft.decisions.map((d) => ({ ...d, moveId: d.move === null ? null : moves[d.move]!.id })),
      unplaced: draft.unplaced,
    };
  });
}

/** "Vendor Product Edition" of each product. */
async function productLabels(ctx: Context, ids: string[]): Promise<Map<string, string>> {
  const rows = await ctx.prisma.product.findMany({ where: { id: { in: ids } }, include: { vendor: true } });
  return new Map(rows.map((p) => [p.id, [p.vendor.name, p.name, p.edition].filter(Boolean).join(" ")]));
}

function asInput(m: DraftMove): MoveInput {
  const g = (type: "Asset" | "Site" | "Licence", id: string | null) => (id ? toGlobalId(type, id) : null);
  return {
    kind: m.kind,
    asset: g("Asset", m.assetId),
    site: g("Site", m.siteId),
    targetSite: g("Site", m.targetSiteId),
    targetAsset: g("Asset", m.targetAssetId),
    licences: m.licenceIds.map((l) => toGlobalId("Licence", l)),
    targetLicence: g("Licence", m.targetLicenceId),
  };
}
