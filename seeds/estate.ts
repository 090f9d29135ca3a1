// The seed estate: Sunderland City Council and Durham County Council as they stand before convergence,
// plus the empty shared service. Pure and deterministic: the same rows (and ids) on every call.
import { addApps } from "./apps.ts";
import { OrgEstateBuilder, resolveDependencies } from "./builder.ts";
import { buildCatalogue } from "./catalogue.ts";
import { buildContractsAndLicences } from "./contracts.ts";
import { DCC_APPS } from "./dcc-apps.ts";
import { buildDccInfrastructure } from "./dcc-infra.ts";
import { DCC_PLATFORMS } from "./dcc-names.ts";
import { buildDccServices } from "./dcc-wiring.ts";
import { buildOrganisations, ORG_CODES } from "./organisations.ts";
import { SCC_APPS } from "./scc-apps.ts";
import { buildSccInfrastructure } from "./scc-infra.ts";
import { SCC_PLATFORMS } from "./scc-names.ts";
import { buildSccServices } from "./scc-wiring.ts";
import { SERVICE_CONTRACTS } from "./service-contracts.ts";
import type { OrganisationRow, SeedEstate } from "./types.ts";

export type { SeedEstate } from "./types.ts";

function orgByCode(organisations: readonly OrganisationRow[], code: string): OrganisationRow {
  const org = organisations.find((o) => o.code === code);
  if (!org) throw new Error(`no organisation ${code}`);
  return org;
}

/** Builds the whole seed estate as plain rows ready for `createMany`, in foreign-key order. */
export function buildSeedEstate(): SeedEstate {
  const catalogue = buildCatalogue();
  const organisations = buildOrganisations();

  const scc = new OrgEstateBuilder(orgByCode(organisations, ORG_CODES.scc), catalogue);
  buildSccInfrastructure(scc);
  addApps(scc, SCC_PLATFORMS, SCC_APPS);
  buildSccServices(scc);

  const dcc = new OrgEstateBuilder(orgByCode(organisations, ORG_CODES.dcc), catalogue);
  buildDccInfrastructure(dcc);
  addApps(dcc, DCC_PLATFORMS, DCC_APPS);
  buildDccServices(dcc);

  const builders = [scc, dcc];
  const dependencies = resolveDependencies(builders);
  const { contracts, licences } = buildContractsAndLicences(
    organisations,
    builders.flatMap((b) => b.licences),
    SERVICE_CONTRACTS,
    catalogue,
  );
  const assets = builders.flatMap((b) => b.assets);

  // An application's support ends when the contract behind its licence does.
  const endByOrgProduct = new Map<string, Date | null>();
  const contractEnd = new Map(contracts.map((c) => [c.id, c.endDate]));
  for (const l of licences)
    endByOrgProduct.set(
      `${l.organisationId}/${l.productId}`,
      l.contractId ? (contractEnd.get(l.contractId) ?? null) : null,
    );
  for (const a of assets) {
    if (a.supportEnd === null && a.productId !== null) {
      a.supportEnd = endByOrgProduct.get(`${a.organisationId}/${a.productId}`) ?? null;
    }
  }

  return {
    organisations,
    capabilities: catalogue.capabilities,
    vendors: catalogue.vendors,
    products: catalogue.products,
    productJobs: catalogue.productJobs,
    productAliases: catalogue.productAliases,
    sites: builders.flatMap((b) => b.sites),
    assets,
    dependencies,
    contracts,
    licences,
  };
}
