// The organisation list (code, name, kind) used by filters; fetched once per page load. Also each
// organisation's one colour, the same on every page (the graph's palette over every organisation).
import { graphql } from "./graphql.ts";
import type { ItemOf, OrgsQuery } from "./graphql.ts";
import { gql } from "./api.ts";
import { OrgPalette } from "./graph/palette.ts";

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
let palette = new OrgPalette([]);

/** All organisations ordered by code (cached; a failed fetch is retried next time). */
export function loadOrganisations(): Promise<OrgRef[]> {
  cached ??= gql(ORGS).then(
    (d) => {
      palette = new OrgPalette(d.organisations.map((o) => o.code));
      return d.organisations;
    },
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

/**
 * The organisation's colour: its place among every organisation's code (as the graph colours them),
 * once the list is loaded.
 */
export function orgColour(code: string): string {
  return palette.colour(code);
}
