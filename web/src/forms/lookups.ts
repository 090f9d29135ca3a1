// Searches behind the forms' lookup fields: sites, assets, products and contracts by name, as choices.
import { gql } from "../api.ts";
import { formatEnum } from "../format.ts";
import { Lifecycle, RecordStatus, graphql } from "../graphql.ts";
import type { Choice } from "./fields.ts";

const SITES = graphql(`
  query LookupSites($search: String!) {
    sites(filter: { search: $search }, first: 12) {
      edges {
        node {
          id
          name
          organisation {
            code
          }
        }
      }
    }
  }
`);
const ASSETS = graphql(`
  query LookupAssets($search: String!, $organisation: [String!], $lifecycle: [Lifecycle!]) {
    assets(filter: { search: $search, organisation: $organisation, lifecycle: $lifecycle }, first: 12) {
      edges {
        node {
          id
          name
          kind
          lifecycle
          organisation {
            code
          }
        }
      }
    }
  }
`);
const PRODUCTS = graphql(`
  query LookupProducts($search: String!) {
    products(filter: { search: $search }) {
      id
      name
      edition
      vendor {
        name
      }
    }
  }
`);
const CONTRACTS = graphql(`
  query LookupContracts($search: String!, $organisation: [String!], $status: [RecordStatus!]) {
    contracts(filter: { search: $search, organisation: $organisation, status: $status }, first: 12) {
      edges {
        node {
          id
          reference
          title
          organisation {
            code
          }
        }
      }
    }
  }
`);

/** Sites whose name contains `text`, as "Name (ORG)". */
export async function searchSites(text: string, signal: AbortSignal): Promise<Choice[]> {
  const d = await gql(SITES, { search: text }, signal);
  return d.sites.edges.map(({ node: s }) => ({ value: s.id, label: `${s.name} (${s.organisation.code})` }));
}

/** Which assets a search offers: only these organisations' (all when absent); retired ones or not. */
export interface AssetScope {
  organisation?: string[];
  excludeRetired?: boolean;
}

/** Lifecycles an asset can be linked in (every one but RETIRED). */
const LIVE_LIFECYCLES = Object.values(Lifecycle).filter((l) => l !== Lifecycle.Retired);

/** Assets whose name, subtype or description contains `text`, as "Name (ORG · Kind)". */
export async function searchAssets(
  text: string,
  signal: AbortSignal,
  scope: AssetScope = {},
): Promise<Choice[]> {
  const d = await gql(
    ASSETS,
    {
      search: text,
      organisation: scope.organisation ?? null,
      lifecycle: scope.excludeRetired ? LIVE_LIFECYCLES : null,
    },
    signal,
  );
  return d.assets.edges.map(({ node: a }) => ({
    value: a.id,
    label: `${a.name} (${a.organisation.code} · ${formatEnum(a.kind)}${a.lifecycle === "RETIRED" ? " · retired" : ""})`,
  }));
}

/** A product as a choice label: "Vendor — Name Edition". */
export const productLabel = (p: { name: string; edition: string; vendor: { name: string } }) =>
  `${p.vendor.name} — ${p.name}${p.edition ? ` ${p.edition}` : ""}`;

/** Catalogue products matching `text` (name, edition or alias), first 12. */
export async function searchProducts(text: string, signal: AbortSignal): Promise<Choice[]> {
  const d = await gql(PRODUCTS, { search: text }, signal);
  return d.products.slice(0, 12).map((p) => ({ value: p.id, label: productLabel(p) }));
}

/**
 * Contracts whose title, supplier or reference contains `text`, as "REF — Title (ORG)"; with
 * `organisation`, only that organisation's active contracts (what a licence of it may be linked to).
 */
export async function searchContracts(
  text: string,
  signal: AbortSignal,
  organisation?: string,
): Promise<Choice[]> {
  const d = await gql(
    CONTRACTS,
    organisation
      ? { search: text, organisation: [organisation], status: [RecordStatus.Active] }
      : { search: text },
    signal,
  );
  return d.contracts.edges.map(({ node: c }) => ({
    value: c.id,
    label: `${c.reference} — ${c.title} (${c.organisation.code})`,
  }));
}
