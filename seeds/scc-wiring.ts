// Sunderland: how the infrastructure connects (dependencies), its infrastructure licences and the
// end-user services built on the applications.
import type { OrgEstateBuilder } from "./builder.ts";
import { SCC } from "./scc-names.ts";

/** Adds the dependencies between Sunderland's infrastructure assets. */
export function wireSccInfrastructure(b: OrgEstateBuilder): void {
  // Infrastructure dependencies
  for (const c of ["SCC vSphere cluster PROD-A (Doxford)", "SCC vSphere cluster PROD-B (Doxford)"]) {
    b.dep(c, "STORES_DATA_ON", "SCC Primary SAN (Doxford)");
    b.dep(c, "CONNECTS_TO", SCC.dcCore);
    b.dep(SCC.privateCloud, "RUNS_ON", c);
  }
  b.dep("SCC vSphere cluster DR (Washington)", "STORES_DATA_ON", "SCC DR SAN (Washington)");
  b.dep("SCC vSphere cluster DR (Washington)", "CONNECTS_TO", "SCC Doxford–Washington DC interconnect");
  b.dep("SCC vSphere cluster DR (Washington)", "CONNECTS_TO", "SCC Internet breakout (Washington)");
  b.dep("SCC Schools vSphere cluster (Hylton)", "CONNECTS_TO", "SCC Schools WAN");
  b.dep("SCC Schools vSphere cluster (Hylton)", "STORES_DATA_ON", "SCC File NAS (Doxford)");
  b.dep(
    SCC.privateCloud,
    "REPLICATES_TO",
    "SCC vSphere cluster DR (Washington)",
    "Site Recovery Manager protection groups",
  );
  b.dep(
    "SCC Primary SAN (Doxford)",
    "REPLICATES_TO",
    "SCC DR SAN (Washington)",
    "Asynchronous replication, 15-minute RPO",
  );
  b.dep(
    "SCC DR SAN (Washington)",
    "REPLICATES_TO",
    "SCC Primary SAN (Doxford)",
    "Reverse replication of DR-hosted workloads",
  );
  b.dep("SCC File NAS (Doxford)", "REPLICATES_TO", "SCC DR SAN (Washington)");
  b.dep("SCC Primary SAN (Doxford)", "BACKS_UP_TO", "SCC Backup repository (Washington)");
  b.dep("SCC File NAS (Doxford)", "BACKS_UP_TO", "SCC Backup repository (Washington)");
  b.dep("SCC Veeam backup server", "RUNS_ON", "SCC vSphere cluster DR (Washington)");
  b.dep("SCC Veeam backup server", "STORES_DATA_ON", "SCC Backup repository (Washington)");
  b.dep("SCC Doxford–Washington DC interconnect", "CONNECTS_TO", SCC.dcCore);
  b.dep(SCC.dcCore, "CONNECTS_TO", "SCC Core firewalls (Palo Alto)");
  b.dep("SCC Core firewalls (Palo Alto)", "CONNECTS_TO", SCC.internet);
  b.dep("SCC Core firewalls (Palo Alto)", "CONNECTS_TO", SCC.psn);
  b.dep("SCC Corporate WAN (MPLS)", "CONNECTS_TO", SCC.dcCore);
  b.dep("SCC Corporate LAN", "CONNECTS_TO", "SCC Corporate WAN (MPLS)");
  b.dep("SCC Corporate Wi-Fi", "CONNECTS_TO", "SCC Corporate LAN");
  b.dep("SCC Schools WAN", "CONNECTS_TO", "SCC Corporate WAN (MPLS)");
  b.dep("SCC Remote access VPN (GlobalProtect)", "CONNECTS_TO", SCC.internet);
  b.dep("SCC Remote access VPN (GlobalProtect)", "AUTHENTICATES_VIA", SCC.entra);
  b.dep("SCC Azure tenancy", "CONNECTS_TO", SCC.internet);
  b.dep("SCC Azure tenancy", "AUTHENTICATES_VIA", SCC.entra);
  b.dep("SCC Microsoft 365 tenancy", "CONNECTS_TO", SCC.internet);
  b.dep("SCC Microsoft 365 tenancy", "AUTHENTICATES_VIA", SCC.entra);
  b.dep(SCC.entra, "DEPENDS_ON", SCC.ad, "Entra Connect synchronisation");
  b.dep(SCC.ad, "RUNS_ON", SCC.privateCloud);
  for (const d of [SCC.sql1, SCC.sql2]) b.dep(d, "RUNS_ON", SCC.privateCloud);
  b.dep(SCC.ora, "RUNS_ON", "SCC vSphere cluster PROD-B (Doxford)");
  b.dep("SCC SQLPROD01 DR replica (Washington)", "RUNS_ON", "SCC vSphere cluster DR (Washington)");
  b.dep(SCC.sql1, "REPLICATES_TO", "SCC SQLPROD01 DR replica (Washington)", "Always On asynchronous commit");
}

/** Records Sunderland's infrastructure and platform licences (applications add their own). */
export function licenseSccInfrastructure(b: OrgEstateBuilder): void {
  b.licence({ product: "ms-m365-e3", metric: "USER", owned: 3_200, used: 3_084, unit: 262 });
  b.licence({
    product: "ms-m365-f3",
    metric: "USER",
    owned: 1_600,
    used: 1_204,
    unit: 72,
    notes: "Frontline staff; 400 unassigned after the care-at-home restructure.",
  });
  b.licence({
    product: "ms-d365-cs",
    metric: "USER",
    owned: 350,
    used: 372,
    unit: 780,
    notes: "22 more agents than licensed since the contact centre moved onto Dynamics.",
  });
  b.licence({ product: "ms-powerbi", metric: "USER", owned: 400, used: 262, unit: 108 });
  b.licence({ product: "ms-winsrv-dc", metric: "CORE", owned: 640, used: 608, unit: 61 });
  b.licence({
    product: "ms-sql-ent",
    metric: "CORE",
    owned: 96,
    used: 96,
    unit: 1_950,
    notes: "Primary and DR replica, Software Assurance.",
  });
  b.licence({
    product: "ms-sql-std",
    metric: "CORE",
    owned: 64,
    used: 72,
    unit: 510,
    notes: "True-up due: 8 cores deployed beyond entitlement.",
  });
  b.licence({
    product: "ora-db-ee",
    metric: "CORE",
    owned: 16,
    used: 16,
    unit: 4_350,
    notes: "Processor licences, PROD-B cluster only.",
  });
  b.licence({ product: "vmw-vvf", metric: "CORE", owned: 960, used: 896, unit: 135 });
  b.licence({ product: "vmw-aria", metric: "ENTERPRISE", owned: 1, used: 1, unit: 58_000 });
  b.licence({
    product: "veeam",
    metric: "DEVICE",
    owned: 900,
    used: 812,
    unit: 38,
    notes: "Per protected workload.",
  });
  b.licence({
    product: "ms-azure",
    metric: "SUBSCRIPTION",
    owned: 1,
    used: 1,
    unit: 150_000,
    notes: "Azure commitment via CSP.",
  });
  b.licence({ product: "pan-ngfw", metric: "DEVICE", owned: 4, used: 4, unit: 21_500 });
  b.licence({ product: "pan-globalprotect", metric: "USER", owned: 3_500, used: 2_260, unit: 9 });
}

/** Adds Sunderland's end-user services on top of its applications. */
export function buildSccServices(b: OrgEstateBuilder): void {
  const svc = (name: string, crit: "CRITICAL" | "HIGH" | "MEDIUM", description: string, needs: string[]) => {
    b.asset({ name, kind: "END_USER_SERVICE", subtype: "Business service", criticality: crit, description });
    for (const n of needs) b.dep(name, "DEPENDS_ON", n);
  };
  svc(
    "SCC Staff desktop service",
    "CRITICAL",
    "Laptops and desktops for 4,800 staff: sign-in, email, files, Teams.",
    [
      "SCC Microsoft 365 tenancy",
      SCC.ad,
      "SCC Corporate LAN",
      "SCC Corporate Wi-Fi",
      "Microsoft Defender for Endpoint",
    ],
  );
  svc("SCC Customer contact centre", "CRITICAL", "Telephone and online contact for residents.", [
    "Dynamics 365 Customer Service",
    "Mitel MiContact Center",
    "Mitel MiVoice Business telephony",
  ]);
  svc("SCC Online services (sunderland.gov.uk)", "HIGH", "Public website, forms, payments and accounts.", [
    "sunderland.gov.uk website (Umbraco)",
    "Dynamics 365 Customer Service",
    "Civica Pay income management",
  ]);
  svc("SCC Schools ICT service", "HIGH", "Connectivity, filtering and MIS for maintained schools.", [
    "SCC Schools WAN",
    "SIMS (maintained schools)",
    "Smoothwall schools web filter",
  ]);
  svc("SCC Remote working", "HIGH", "Working from home and on the move.", [
    "SCC Remote access VPN (GlobalProtect)",
    SCC.entra,
    "SCC Microsoft 365 tenancy",
  ]);
  svc("SCC Social care case work", "CRITICAL", "Recording and managing adults' and children's social care.", [
    "Liquidlogic LAS",
    "Liquidlogic LCS",
    "ContrOCC",
  ]);
}
