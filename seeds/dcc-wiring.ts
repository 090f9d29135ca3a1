// Durham: how the infrastructure connects (dependencies), its infrastructure licences and the
// end-user services built on the applications.
import type { OrgEstateBuilder } from "./builder.ts";
import { DCC } from "./dcc-names.ts";
import { SCC } from "./scc-names.ts";

/** Adds the dependencies between Durham's infrastructure assets. */
export function wireDccInfrastructure(b: OrgEstateBuilder): void {
  // Infrastructure dependencies
  for (const c of [DCC.prod, DCC.oracleCluster]) {
    b.dep(c, "STORES_DATA_ON", "DCC Primary SAN (County Hall)");
    b.dep(c, "CONNECTS_TO", DCC.dcCore);
  }
  b.dep(DCC.drCluster, "STORES_DATA_ON", "DCC DR SAN (Doxford)");
  b.dep(DCC.drCluster, "CONNECTS_TO", "DCC County Hall–Doxford DR link");
  b.dep(
    DCC.drCluster,
    "CONNECTS_TO",
    `SCC::${SCC.dcCore}`,
    "Rack uplinks into Sunderland's data centre network",
  );
  b.dep(
    DCC.drCluster,
    "CONNECTS_TO",
    `SCC::${SCC.internet}`,
    "Internet access on failover through Sunderland's breakout",
  );
  b.dep("DCC County Hall–Doxford DR link", "CONNECTS_TO", `SCC::${SCC.dcCore}`);
  b.dep("DCC County Hall–Doxford DR link", "CONNECTS_TO", DCC.dcCore);
  b.dep("DCC Test and development tenancy (Sunderland private cloud)", "RUNS_ON", `SCC::${SCC.privateCloud}`);
  b.dep(
    "DCC Test and development tenancy (Sunderland private cloud)",
    "CONNECTS_TO",
    "DCC County Hall–Doxford DR link",
  );
  b.dep("DCC Hyper-V cluster (Spennymoor)", "CONNECTS_TO", "DCC Schools WAN");
  b.dep("DCC Primary SAN (County Hall)", "REPLICATES_TO", "DCC DR SAN (Doxford)", "SnapMirror, hourly");
  b.dep("DCC File NAS (County Hall)", "REPLICATES_TO", "DCC DR NAS (Doxford)", "Two-way file sync");
  b.dep("DCC DR NAS (Doxford)", "REPLICATES_TO", "DCC File NAS (County Hall)", "Two-way file sync");
  b.dep("DCC Primary SAN (County Hall)", "BACKS_UP_TO", "DCC Backup disk library (County Hall)");
  b.dep("DCC File NAS (County Hall)", "BACKS_UP_TO", "DCC Backup disk library (County Hall)");
  b.dep(
    "DCC Backup disk library (County Hall)",
    "BACKS_UP_TO",
    "DCC Tape library (Meadowfield)",
    "Monthly auxiliary copy",
  );
  b.dep("DCC Commvault backup server", "RUNS_ON", DCC.prod);
  b.dep("DCC Commvault backup server", "STORES_DATA_ON", "DCC Backup disk library (County Hall)");
  b.dep(DCC.dcCore, "CONNECTS_TO", "DCC Core firewalls (FortiGate)");
  b.dep("DCC Core firewalls (FortiGate)", "CONNECTS_TO", DCC.internet);
  b.dep("DCC Core firewalls (FortiGate)", "CONNECTS_TO", "DCC PSN connection");
  b.dep("DCC Corporate WAN (MPLS)", "CONNECTS_TO", DCC.dcCore);
  b.dep("DCC Corporate LAN", "CONNECTS_TO", "DCC Corporate WAN (MPLS)");
  b.dep("DCC Corporate Wi-Fi", "CONNECTS_TO", "DCC Corporate LAN");
  b.dep("DCC Schools WAN", "CONNECTS_TO", "DCC Corporate WAN (MPLS)");
  b.dep("DCC Remote access VPN (Cisco Secure Client)", "CONNECTS_TO", DCC.internet);
  b.dep("DCC Remote access VPN (Cisco Secure Client)", "AUTHENTICATES_VIA", DCC.ad);
  b.dep("DCC AWS tenancy", "CONNECTS_TO", DCC.internet);
  b.dep("DCC AWS tenancy", "AUTHENTICATES_VIA", DCC.entra);
  b.dep("DCC Microsoft 365 tenancy", "CONNECTS_TO", DCC.internet);
  b.dep("DCC Microsoft 365 tenancy", "AUTHENTICATES_VIA", DCC.entra);
  b.dep(DCC.entra, "DEPENDS_ON", DCC.ad, "Entra Connect synchronisation");
  b.dep(DCC.ad, "RUNS_ON", DCC.prod);
  for (const d of [DCC.sql1, DCC.sql2]) b.dep(d, "RUNS_ON", DCC.prod);
  b.dep(DCC.ora, "RUNS_ON", DCC.oracleCluster);
  b.dep("DCC ORACLE01 standby (Doxford)", "RUNS_ON", DCC.drCluster);
  b.dep(DCC.ora, "REPLICATES_TO", "DCC ORACLE01 standby (Doxford)", "Data Guard redo shipping");
}

/** Records Durham's infrastructure and platform licences (applications add their own). */
export function licenseDccInfrastructure(b: OrgEstateBuilder): void {
  b.licence({
    product: "ms-m365-e3",
    metric: "USER",
    owned: 2_900,
    used: 2_987,
    unit: 262,
    notes: "87 more users than licensed: true-up due at the next anniversary.",
  });
  b.licence({
    product: "ms-office-ppp",
    metric: "DEVICE",
    owned: 1_200,
    used: 310,
    unit: 58,
    notes: "Legacy Office 2016 with Software Assurance; most devices have moved to Microsoft 365.",
  });
  b.licence({ product: "ms-winsrv-dc", metric: "CORE", owned: 520, used: 496, unit: 61 });
  b.licence({ product: "ms-sql-std", metric: "CORE", owned: 96, used: 88, unit: 510 });
  b.licence({
    product: "ora-db-ee",
    metric: "CORE",
    owned: 24,
    used: 24,
    unit: 4_350,
    notes: "Processor licences; ORACLE cluster and Data Guard standby.",
  });
  b.licence({ product: "vmw-vvf", metric: "CORE", owned: 704, used: 672, unit: 135 });
  b.licence({
    product: "commvault",
    metric: "SUBSCRIPTION",
    owned: 1,
    used: 1,
    unit: 68_000,
    notes: "Capacity subscription, 700 TB front-end.",
  });
  b.licence({
    product: "aws",
    metric: "SUBSCRIPTION",
    owned: 1,
    used: 1,
    unit: 165_000,
    notes: "AWS enterprise discount programme commitment.",
  });
  b.licence({ product: "fortigate", metric: "DEVICE", owned: 4, used: 4, unit: 18_750 });
  b.licence({ product: "cisco-secure-client", metric: "USER", owned: 3_000, used: 1_850, unit: 11 });
  b.licence({ product: "ms-teams-phone", metric: "USER", owned: 3_800, used: 3_460, unit: 72 });
  b.licence({ product: "salesforce", metric: "USER", owned: 260, used: 231, unit: 1_150 });
  b.licence({
    product: "qlik",
    metric: "USER",
    owned: 300,
    used: 148,
    unit: 290,
    notes: "Half the professional seats unused since the Power BI pilot.",
  });
}

/** Adds Durham's end-user services on top of its applications. */
export function buildDccServices(b: OrgEstateBuilder): void {
  const svc = (name: string, crit: "CRITICAL" | "HIGH" | "MEDIUM", description: string, needs: string[]) => {
    b.asset({ name, kind: "END_USER_SERVICE", subtype: "Business service", criticality: crit, description });
    for (const n of needs) b.dep(name, "DEPENDS_ON", n);
  };
  svc("DCC Staff desktop service", "CRITICAL", "Devices, sign-in, email, files and Teams for staff.", [
    "DCC Microsoft 365 tenancy",
    DCC.ad,
    "DCC Corporate LAN",
    "DCC Corporate Wi-Fi",
    "Sophos Intercept X",
  ]);
  svc(
    "DCC Customer services",
    "CRITICAL",
    "Telephone, face-to-face and online contact (Durham County Council customer access points).",
    ["Salesforce Service Cloud", "Anywhere365 contact centre", "Microsoft Teams Phone"],
  );
  svc("DCC Online services (durham.gov.uk)", "HIGH", "Public website, forms, payments and accounts.", [
    "durham.gov.uk website (Jadu)",
    "Firmstep forms",
    "Pay360 income management",
  ]);
  svc("DCC Schools ICT service", "HIGH", "Traded connectivity, filtering and MIS support for schools.", [
    "DCC Schools WAN",
    "Arbor MIS (schools)",
    "Netsweeper schools web filter",
  ]);
  svc("DCC Remote working", "HIGH", "Working from home and on the move.", [
    "DCC Remote access VPN (Cisco Secure Client)",
    DCC.entra,
    "DCC Microsoft 365 tenancy",
  ]);
  svc("DCC Social care case work", "CRITICAL", "Recording and managing adults' and children's social care.", [
    "Mosaic adults",
    "Mosaic children's",
  ]);
}
