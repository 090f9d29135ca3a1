// Applications in compact form, and how each becomes an asset, its dependencies and its licence.
import type { Criticality, LicenceMetric, Lifecycle } from "../generated/prisma/enums.ts";
import type { OrgEstateBuilder } from "./builder.ts";
import { productLabel } from "./catalogue-spec.ts";
import { createPrng } from "./prng.ts";

/** Where an application runs: on-premises platforms, public clouds or the supplier's SaaS. */
export type HostKey = "core" | "dr" | "schools" | "azure" | "aws" | "saas";

/** One application as the estate files write it. */
export interface AppSpec {
  name: string;
  /** Catalogue product key; null for in-house and government-provided systems. */
  product: string | null;
  crit: Criticality;
  host: HostKey;
  /** Annual licence and support cost in whole pounds (0 when free at the point of use). */
  cost: number;
  /** Named users or devices licensed; omitted for enterprise or subscription terms. */
  users?: number;
  metric?: LicenceMetric;
  /** Name of the database asset the application keeps its data in. */
  db?: string;
  /** Other applications it needs (DEPENDS_ON). */
  needs?: string[];
  life?: Lifecycle;
  /** false when it does not use the council's directory (own login, government gateway). */
  sso?: boolean;
  desc?: string;
}

const CRIT = { C: "CRITICAL", H: "HIGH", M: "MEDIUM", L: "LOW" } as const;

/** Shorthand for an application: name, product key, criticality letter, host, annual cost (£), options. */
export function app(
  name: string,
  product: string | null,
  crit: keyof typeof CRIT,
  host: HostKey,
  cost: number,
  options: Partial<Omit<AppSpec, "name" | "product" | "crit" | "host" | "cost">> = {},
): AppSpec {
  return { name, product, crit: CRIT[crit], host, cost, ...options };
}

/** The assets an organisation's applications attach to. */
export interface AppPlatforms {
  /** Asset name per host key the organisation has. */
  hosts: Partial<Record<HostKey, string>>;
  /** Directory for on-premises applications. */
  directory: string;
  /** Cloud identity for SaaS and public-cloud applications. */
  cloudIdentity: string;
}

const USAGE_FACTORS = [0.58, 0.7, 0.78, 0.85, 0.9, 0.93, 0.96, 0.98, 1, 1, 1.04, 1.09] as const;

/** Adds each application as an APPLICATION asset with its dependencies and (for products) licence. */
export function addApps(b: OrgEstateBuilder, platforms: AppPlatforms, apps: readonly AppSpec[]): void {
  for (const a of apps) {
    const onPrem = a.host === "core" || a.host === "dr" || a.host === "schools";
    const hostName = platforms.hosts[a.host];
    if (hostName === undefined)
      throw new Error(`${b.org.code}: ${a.name} is hosted on ${a.host}, which it does not have`);
    const hostAsset = b.assetNamed(hostName);
    const spec = a.product === null ? undefined : b.catalogue.specByKey.get(a.product);
    const lifecycle = a.life ?? "ACTIVE";
    const { runCost, bookValue } = inventoryCosts(b, a, onPrem);
    const row = b.asset({
      name: a.name,
      kind: "APPLICATION",
      subtype:
        a.product === null
          ? a.cost === 0
            ? "Government service"
            : "In-house application"
          : onPrem
            ? "On-premises application"
            : a.host === "saas"
              ? "SaaS application"
              : "Public cloud application",
      product: a.product ?? undefined,
      lifecycle,
      criticality: a.crit,
      runCost: lifecycle === "RETIRED" ? 0 : runCost,
      bookValue,
      description: a.desc ?? (spec ? `${productLabel(spec)}.` : undefined),
    });
    if (onPrem) row.siteId = hostAsset.siteId; // on-premises applications sit where their platform does
    if (lifecycle === "RETIRED") continue;
    b.dep(a.name, a.host === "saas" ? "CONNECTS_TO" : "RUNS_ON", hostName);
    if (a.db) b.dep(a.name, "DEPENDS_ON", a.db);
    for (const need of a.needs ?? []) b.dep(a.name, "DEPENDS_ON", need);
    if (a.sso !== false)
      b.dep(a.name, "AUTHENTICATES_VIA", onPrem ? platforms.directory : platforms.cloudIdentity);
    if (a.product !== null) addAppLicence(b, a, lifecycle);
  }
}

/** What running an application costs a year on premises and in the cloud, by criticality (£). */
const RUN_COST_BASE = {
  onPrem: { CRITICAL: 14_000, HIGH: 8_000, MEDIUM: 4_000, LOW: 2_000 },
  cloud: { CRITICAL: 2_600, HIGH: 1_500, MEDIUM: 800, LOW: 400 },
} as const;
/** What implementing an on-premises application is carried at in the books, by criticality (£). */
const BOOK_VALUE_BASE = { CRITICAL: 160_000, HIGH: 70_000, MEDIUM: 25_000, LOW: 8_000 } as const;

/**
 * An application's annual run cost (hosting, support effort, integration upkeep) and book value. They
 * follow from its criticality, hosting and users, and a draw of its own, never from its licence cost,
 * which is commercial: an inventory figure computed from a price would let every reader work it out.
 */
function inventoryCosts(b: OrgEstateBuilder, a: AppSpec, onPrem: boolean) {
  const own = createPrng(`inventory-costs:${b.org.code}:${a.name}`);
  const base = RUN_COST_BASE[onPrem ? "onPrem" : "cloud"][a.crit];
  const perUser = onPrem ? 1.5 : 0.4;
  const runCost = Math.round((base * (0.6 + own.next() * 0.8) + (a.users ?? 0) * perUser) / 10) * 10;
  // The shared sequence keeps its draw, so every later draw (seat usage) is what it always was.
  const factor = onPrem && a.cost > 0 ? 0.3 + b.prng.next() * 1.2 : 0;
  const bookValue = Math.round((BOOK_VALUE_BASE[a.crit] * factor) / 100) * 100;
  return { runCost, bookValue };
}

function addAppLicence(b: OrgEstateBuilder, a: AppSpec, lifecycle: Lifecycle): void {
  if (a.product === null) return;
  const status = lifecycle === "RETIRED" ? "RETIRED" : "ACTIVE";
  if (a.users === undefined) {
    const metric = a.metric ?? (a.host === "saas" ? "SUBSCRIPTION" : "ENTERPRISE");
    b.licence({ product: a.product, metric, owned: 1, used: 1, unit: a.cost, status });
    return;
  }
  const factor = lifecycle === "DECOMMISSIONING" ? 0.35 : b.prng.pick(USAGE_FACTORS);
  const unit = Math.round((a.cost / a.users) * 100) / 100;
  b.licence({
    product: a.product,
    metric: a.metric ?? "USER",
    owned: a.users,
    used: Math.round(a.users * factor),
    unit,
    status,
  });
}
