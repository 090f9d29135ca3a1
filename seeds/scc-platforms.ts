// Sunderland: storage, compute clusters, cloud platforms, identity, backup and database servers.
import type { OrgEstateBuilder } from "./builder.ts";
import { SCC } from "./scc-names.ts";

/** Adds Sunderland's storage, compute, platform, identity and database assets. */
export function buildSccPlatforms(b: OrgEstateBuilder): void {
  // Storage
  b.asset({
    name: "SCC Primary SAN (Doxford)",
    kind: "STORAGE",
    subtype: "SAN array",
    site: SCC.dc,
    criticality: "CRITICAL",
    storageTb: 820,
    storageUsedTb: 612,
    rackUnits: 12,
    powerKw: 6.5,
    runCost: 95_000,
    bookValue: 420_000,
    supportEnd: "2028-06-30",
    description: "All-flash SAN (Dell PowerStore) for the private cloud.",
  });
  b.asset({
    name: "SCC DR SAN (Washington)",
    kind: "STORAGE",
    subtype: "SAN array",
    site: SCC.drSite,
    criticality: "HIGH",
    storageTb: 600,
    storageUsedTb: 455,
    rackUnits: 10,
    powerKw: 5,
    runCost: 61_000,
    bookValue: 240_000,
    supportEnd: "2028-06-30",
    description: "Replication target for the primary SAN.",
  });
  b.asset({
    name: "SCC File NAS (Doxford)",
    kind: "STORAGE",
    subtype: "NAS",
    site: SCC.dc,
    criticality: "HIGH",
    storageTb: 300,
    storageUsedTb: 236,
    rackUnits: 6,
    powerKw: 2.2,
    runCost: 28_000,
    bookValue: 95_000,
    supportEnd: "2026-12-31",
    description: "Departmental and home file shares (being migrated to SharePoint/OneDrive).",
  });
  b.asset({
    name: "SCC Backup repository (Washington)",
    kind: "STORAGE",
    subtype: "Backup repository",
    site: SCC.drSite,
    criticality: "HIGH",
    storageTb: 1_100,
    storageUsedTb: 790,
    rackUnits: 8,
    powerKw: 3,
    runCost: 34_000,
    bookValue: 130_000,
    supportEnd: "2029-03-31",
    description: "Immutable backup repository (hardened Linux) for Veeam.",
  });

  // Compute and platforms
  const cluster = (
    name: string,
    site: string,
    hosts: number,
    vcpu: number,
    vcpuUsed: number,
    ramGb: number,
    ramUsedGb: number,
    crit: "CRITICAL" | "HIGH" | "MEDIUM",
    description: string,
  ) =>
    b.asset({
      name,
      kind: "COMPUTE_CLUSTER",
      subtype: "VMware cluster",
      site,
      product: "vmw-vvf",
      criticality: crit,
      vcpu,
      vcpuUsed,
      ramGb,
      ramUsedGb,
      rackUnits: hosts * 2,
      powerKw: hosts * 0.9,
      runCost: hosts * 6_500,
      bookValue: hosts * 28_000,
      supportEnd: "2028-06-30",
      description,
    });
  cluster(
    "SCC vSphere cluster PROD-A (Doxford)",
    SCC.dc,
    10,
    1_536,
    1_190,
    12_288,
    9_450,
    "CRITICAL",
    "Production cluster A of the private cloud.",
  );
  cluster(
    "SCC vSphere cluster PROD-B (Doxford)",
    SCC.dc,
    6,
    1_024,
    760,
    8_192,
    6_010,
    "CRITICAL",
    "Production cluster B; Oracle workloads are pinned here for licensing.",
  );
  cluster(
    "SCC vSphere cluster DR (Washington)",
    SCC.drSite,
    6,
    1_024,
    380,
    8_192,
    2_950,
    "HIGH",
    "Disaster recovery cluster (Site Recovery Manager target).",
  );
  cluster(
    "SCC Schools vSphere cluster (Hylton)",
    SCC.schoolsHub,
    3,
    384,
    250,
    3_072,
    2_010,
    "HIGH",
    "Hosts SIMS and schools filtering at the schools hub.",
  );
  b.asset({
    name: SCC.privateCloud,
    kind: "CLOUD_PLATFORM",
    subtype: "Private cloud",
    site: SCC.dc,
    product: "vmw-aria",
    criticality: "CRITICAL",
    vcpu: 2_560,
    vcpuUsed: 1_950,
    ramGb: 20_480,
    ramUsedGb: 15_460,
    storageTb: 820,
    storageUsedTb: 612,
    runCost: 180_000,
    bookValue: 1_150_000,
    supportEnd: "2028-06-30",
    description:
      "Sunderland's private cloud: self-service VMware platform at Doxford hosting council services and capacity for other public bodies.",
  });
  b.asset({
    name: "SCC Azure tenancy",
    kind: "CLOUD_PLATFORM",
    subtype: "Public cloud (Azure)",
    product: "ms-azure",
    criticality: "HIGH",
    runCost: 12_000,
    description: "Azure UK South/West subscriptions: web, integration, Sentinel and analytics.",
  });
  b.asset({
    name: "SCC Microsoft 365 tenancy",
    kind: "CLOUD_PLATFORM",
    subtype: "SaaS tenancy",
    product: "ms-m365-e3",
    criticality: "CRITICAL",
    runCost: 15_000,
    description: "Exchange Online, Teams, SharePoint and OneDrive for 4,800 staff.",
  });
  b.asset({
    name: SCC.ad,
    kind: "SERVER",
    subtype: "Directory (domain controllers)",
    site: SCC.dc,
    product: "ms-winsrv-dc",
    criticality: "CRITICAL",
    runCost: 8_000,
    description: "On-premises Active Directory, four domain controllers across both data centres.",
  });
  b.asset({
    name: SCC.entra,
    kind: "APPLICATION",
    subtype: "Cloud identity",
    criticality: "CRITICAL",
    runCost: 0,
    description: "Entra ID tenant (synchronised from Active Directory): single sign-on and MFA.",
  });
  b.asset({
    name: "SCC Veeam backup server",
    kind: "SERVER",
    subtype: "Backup server",
    site: SCC.drSite,
    product: "veeam",
    criticality: "HIGH",
    runCost: 6_000,
    description: "Veeam backup and replication for the private cloud.",
  });

  // Databases
  const db = (
    name: string,
    subtype: string,
    site: string,
    product: string,
    vcpu: number,
    ramGb: number,
    storageTb: number,
    storageUsedTb: number,
    description: string,
  ) =>
    b.asset({
      name,
      kind: "DATABASE",
      subtype,
      site,
      product,
      criticality: "CRITICAL",
      vcpu,
      vcpuUsed: Math.round(vcpu * 0.7),
      ramGb,
      ramUsedGb: Math.round(ramGb * 0.8),
      storageTb,
      storageUsedTb,
      runCost: 14_000,
      description,
    });
  db(
    SCC.sql1,
    "SQL Server Always On",
    SCC.dc,
    "ms-sql-ent",
    48,
    768,
    38,
    29.5,
    "Main SQL Server availability group: social care, revenues, HR, planning.",
  );
  db(
    SCC.sql2,
    "SQL Server",
    SCC.dc,
    "ms-sql-std",
    32,
    256,
    12,
    8.1,
    "Departmental SQL Server for smaller line-of-business systems.",
  );
  db(
    SCC.ora,
    "Oracle Database",
    SCC.dc,
    "ora-db-ee",
    16,
    512,
    22,
    17.4,
    "Oracle database for E-Business Suite and its reporting.",
  );
  db(
    "SCC SQLPROD01 DR replica (Washington)",
    "SQL Server Always On",
    SCC.drSite,
    "ms-sql-ent",
    48,
    768,
    38,
    29.5,
    "Asynchronous secondary replica of SQLPROD01.",
  );
}
