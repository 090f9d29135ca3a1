// Names of Durham's sites and core assets, and where its applications run: shared by the seed files.
import type { AppPlatforms } from "./apps.ts";
import { SCC } from "./scc-names.ts";

/** Names of Durham's sites and core assets that other seed files refer to. */
export const DCC = {
  dc: "County Hall Data Centre (Aykley Heads)",
  schoolsHub: "Durham Schools Network Hub (Spennymoor)",
  annand: "Annand House Comms Room (Meadowfield)",
  /** Durham's DR equipment sits in Sunderland's data centre. */
  drSite: `SCC::${SCC.dc}`,
  prod: "DCC VMware cluster PROD (County Hall)",
  oracleCluster: "DCC VMware cluster ORACLE (County Hall)",
  drCluster: "DCC VMware cluster DR (Doxford)",
  dcCore: "DCC Data Centre core network (County Hall)",
  internet: "DCC Internet breakout (County Hall)",
  sql1: "DCC SQLCLUS01 (SQL Server)",
  sql2: "DCC SQLCLUS02 (SQL Server)",
  ora: "DCC ORACLE01 (Oracle Database)",
  ad: "DCC Active Directory",
  entra: "DCC Entra ID",
} as const;

/** Where Durham's applications run and authenticate. */
export const DCC_PLATFORMS: AppPlatforms = {
  hosts: {
    core: DCC.prod,
    dr: DCC.drCluster,
    schools: "DCC Hyper-V cluster (Spennymoor)",
    aws: "DCC AWS tenancy",
    saas: DCC.internet,
  },
  directory: DCC.ad,
  cloudIdentity: DCC.entra,
};
