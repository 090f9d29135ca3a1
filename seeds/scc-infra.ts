// Sunderland City Council: sites and network assets; buildSccInfrastructure composes the whole infrastructure
// (sites, platforms, wiring and infrastructure licences).
import type { OrgEstateBuilder } from "./builder.ts";
import { SCC } from "./scc-names.ts";
import { buildSccPlatforms } from "./scc-platforms.ts";
import { licenseSccInfrastructure, wireSccInfrastructure } from "./scc-wiring.ts";

/** Adds Sunderland's sites, infrastructure assets, their dependencies and infrastructure licences. */
export function buildSccInfrastructure(b: OrgEstateBuilder): void {
  buildSccSites(b);
  buildSccPlatforms(b);
  wireSccInfrastructure(b);
  licenseSccInfrastructure(b);
}

/** Adds Sunderland's sites and network assets. */
export function buildSccSites(b: OrgEstateBuilder): void {
  b.site({
    name: SCC.dc,
    kind: "DATA_CENTRE",
    address: "Doxford International Business Park, Sunderland",
    postcode: "SR3 3XN",
    racks: 60,
    racksUsed: 47,
    powerKw: 240,
    powerUsedKw: 158,
    floorSpaceM2: 420,
    pue: 1.45,
    tier: 3,
    leaseEnd: "2031-03-31",
    annualCost: 420_000,
    description:
      "Main data centre and home of the Sunderland private cloud; also rents racks and power to Durham County Council for its disaster recovery.",
  });
  b.site({
    name: SCC.drSite,
    kind: "DATA_CENTRE",
    address: "Washington, Sunderland",
    postcode: "NE37 3HS",
    racks: 20,
    racksUsed: 11,
    powerKw: 80,
    powerUsedKw: 41,
    floorSpaceM2: 140,
    pue: 1.72,
    tier: 2,
    leaseEnd: "2027-09-30",
    annualCost: 138_000,
    description: "Secondary data centre: disaster recovery and backup.",
  });
  b.site({
    name: SCC.cityHall,
    kind: "COMMS_ROOM",
    address: "City Hall, Plater Way, Sunderland",
    postcode: "SR1 3AA",
    racks: 6,
    racksUsed: 4,
    powerKw: 18,
    powerUsedKw: 9.5,
    floorSpaceM2: 24,
    pue: 1.9,
    annualCost: 22_000,
    description: "Comms room serving City Hall and the city-centre campus.",
  });
  b.site({
    name: SCC.schoolsHub,
    kind: "SCHOOLS_NETWORK_HUB",
    address: "Hylton Castle, Sunderland",
    postcode: "SR5 3QD",
    racks: 8,
    racksUsed: 6,
    powerKw: 24,
    powerUsedKw: 13,
    floorSpaceM2: 36,
    pue: 1.8,
    leaseEnd: "2028-08-31",
    annualCost: 31_000,
    description: "Hub of the schools network: filtering, schools MIS hosting and broadband for 90 schools.",
  });

  // Network. A managed link's run cost is the whole cost of running it: the supplier's charge plus the
  // council's own management, monitoring and support, never a copy of the contract's (commercial) value.
  const net = (
    name: string,
    subtype: string,
    site: string,
    bw: number,
    used: number,
    runCost: number,
    crit: "CRITICAL" | "HIGH" | "MEDIUM",
    description: string,
    supportEnd?: string,
  ) =>
    b.asset({
      name,
      kind: "NETWORK",
      subtype,
      site,
      bandwidthMbps: bw,
      bandwidthUsedMbps: used,
      runCost,
      criticality: crit,
      description,
      supportEnd,
    });
  net(
    "SCC Corporate WAN (MPLS)",
    "WAN link",
    SCC.dc,
    10_000,
    4_300,
    331_600,
    "CRITICAL",
    "Managed MPLS WAN linking 140 corporate sites to Doxford.",
    "2027-03-31",
  );
  net(
    "SCC Doxford–Washington DC interconnect",
    "WAN link",
    SCC.dc,
    10_000,
    3_800,
    48_000,
    "CRITICAL",
    "Dark-fibre pair between the two data centres (storage and vMotion replication).",
  );
  net(
    SCC.psn,
    "PSN connection",
    SCC.dc,
    1_000,
    180,
    27_900,
    "HIGH",
    "Public Services Network connection (DWP, HMRC, Cabinet Office services).",
    "2027-10-31",
  );
  net(
    SCC.internet,
    "Internet breakout",
    SCC.dc,
    10_000,
    3_100,
    66_300,
    "CRITICAL",
    "Primary internet breakout for staff, SaaS and public services.",
    "2028-03-31",
  );
  net(
    "SCC Internet breakout (Washington)",
    "Internet breakout",
    SCC.drSite,
    2_000,
    240,
    22_700,
    "HIGH",
    "Secondary internet breakout used on failover.",
  );
  net(
    SCC.dcCore,
    "LAN",
    SCC.dc,
    40_000,
    11_500,
    45_000,
    "CRITICAL",
    "Data centre core and top-of-rack switching.",
    "2027-12-31",
  );
  net(
    "SCC Corporate LAN",
    "LAN",
    SCC.cityHall,
    10_000,
    2_600,
    120_000,
    "HIGH",
    "Office LAN across corporate buildings.",
    "2026-12-31",
  );
  net(
    "SCC Corporate Wi-Fi",
    "Wi-Fi",
    SCC.cityHall,
    5_000,
    1_900,
    85_000,
    "MEDIUM",
    "Staff, guest and eduroam wireless across 140 buildings.",
    "2027-06-30",
  );
  net(
    "SCC Schools WAN",
    "WAN link",
    SCC.schoolsHub,
    10_000,
    5_200,
    149_800,
    "HIGH",
    "Broadband and WAN for maintained schools, hubbed at Hylton.",
    "2028-08-31",
  );
  b.asset({
    name: "SCC Core firewalls (Palo Alto)",
    kind: "NETWORK",
    subtype: "Firewall",
    site: SCC.dc,
    product: "pan-ngfw",
    criticality: "CRITICAL",
    runCost: 9_000,
    bookValue: 180_000,
    supportEnd: "2028-09-30",
    rackUnits: 4,
    powerKw: 1.4,
    bandwidthMbps: 20_000,
    bandwidthUsedMbps: 6_200,
    description: "HA pair of perimeter and internal segmentation firewalls.",
  });
  b.asset({
    name: "SCC Remote access VPN (GlobalProtect)",
    kind: "NETWORK",
    subtype: "VPN",
    site: SCC.dc,
    product: "pan-globalprotect",
    criticality: "HIGH",
    runCost: 3_000,
    description: "Always-on VPN for council laptops.",
  });
}
