// The organisation list (code + name) used by filters; fetched once per page load.
import { graphql } from "./graphql.ts";
import type { ItemOf, OrgsQuery } from "./graphql.ts";
import { gql } from "./api.ts";

/** An organisation as filters show it. */
export type OrgRef = ItemOf<OrgsQuery["organisations"]>;

const ORGS = graphql(`
  query Orgs {
    organisations {
      code
      name
      kind
    }
  }
`);

let cached: Promise<OrgRef[]> | undefined;

/** All organisations ordered by code (cached; a failed fetch is retried next time). */
export function loadOrganisations(): Promise<OrgRef[]> {
  cached ??= gql(ORGS).then(
    (d) => d.organisations,
    (err: unknown) => {
      cached = undefined;
      throw err;
    },
  );
  return cached;
}

/** Forgets the cached list (after sign-out: the next user fetches it again). */
export function clearOrganisations(): void {
  cached = undefined;
}
