// Names of Sunderland's sites and core assets, and where its applications run: shared by the seed files.
import type { AppPlatforms } from "./apps.ts";

/** Names of Sunderland's sites and core assets that other seed files refer to. */
export const SCC = {
  dc: "Sunderland Data Centre (Doxford)",
  drSite: "Sunderland DR Suite (Washington)",
  cityHall: "City Hall Comms Room",
  schoolsHub: "Sunderland Schools Network Hub (Hylton)",
  privateCloud: "SCC Private Cloud",
  dcCore: "SCC Data Centre core network (Doxford)",
  psn: "SCC PSN connection",
  internet: "SCC Internet breakout (Doxford)",
  sql1: "SCC SQLPROD01 (SQL Server Always On)",
  sql2: "SCC SQLPROD02 (SQL Server)",
  ora: "SCC ORAPROD01 (Oracle Database)",
  ad: "SCC Active Directory",
  entra: "SCC Entra ID",
} as const;

/** Where Sunderland's applications run and authenticate. */
export const SCC_PLATFORMS: AppPlatforms = {
  hosts: {
    core: SCC.privateCloud,
    dr: "SCC vSphere cluster DR (Washington)",
    schools: "SCC Schools vSphere cluster (Hylton)",
    azure: "SCC Azure tenancy",
    saas: SCC.internet,
  },
  directory: SCC.ad,
  cloudIdentity: SCC.entra,
};
