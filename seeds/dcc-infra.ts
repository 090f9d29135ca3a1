// Durham County Council: sites and network assets; buildDccInfrastructure composes the whole infrastructure
// (sites, platforms, wiring and infrastructure licences).
import type { OrgEstateBuilder } from "./builder.ts";
import { DCC } from "./dcc-names.ts";
import { buildDccPlatforms } from "./dcc-platforms.ts";
import { licenseDccInfrastructure, wireDccInfrastructure } from "./dcc-wiring.ts";

/** Adds Durham's sites, infrastructure assets, their dependencies and infrastructure licences. */
export function buildDccInfrastructure(b: OrgEstateBuilder): void {
  buildDccSites(b);
  buildDccPlatforms(b);
  wireDccInfrastructure(b);
  licenseDccInfrastructure(b);
}

/** Adds Durham's sites and network assets. */
export function buildDccSites(b: OrgEstateBuilder): void {
  b.site({
    name: DCC.dc,
    kind: "DATA_CENTRE",
    address: "County Hall, Aykley Heads, Durham",
    postcode: "DH1 5UL",
    racks: 40,
    racksUsed: 29,
    powerKw: 160,
    powerUsedKw: 96,
    floorSpaceM2: 260,
    pue: 1.85,
    tier: 2,
    leaseEnd: "2028-03-31",
    annualCost: 265_000,
    description:
      "Main data centre in County Hall; the building is earmarked for disposal, so the room must be vacated by March 2028.",
  });
  b.site({
    name: DCC.schoolsHub,
    kind: "SCHOOLS_NETWORK_HUB",
    address: "Spennymoor, County Durham",
    postcode: "DL16 6JQ",
    racks: 10,
    racksUsed: 7,
    powerKw: 30,
    powerUsedKw: 17,
    floorSpaceM2: 40,
    pue: 1.9,
    leaseEnd: "2029-03-31",
    annualCost: 36_000,
    description: "Hub of the Durham schools network: filtering and broadband for 220 schools.",
  });
  b.site({
    name: DCC.annand,
    kind: "COMMS_ROOM",
    address: "Annand House, Meadowfield, Durham",
    postcode: "DH7 8RS",
    racks: 6,
    racksUsed: 5,
    powerKw: 16,
    powerUsedKw: 10,
    floorSpaceM2: 22,
    pue: 2,
    annualCost: 18_000,
    description: "Comms room for the Meadowfield offices and the tape library.",
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
    "DCC Corporate WAN (MPLS)",
    "WAN link",
    DCC.dc,
    10_000,
    3_600,
    288_900,
    "CRITICAL",
    "Managed WAN across 190 council sites in County Durham.",
    "2028-03-31",
  );
  net(
    "DCC County Hall–Doxford DR link",
    "WAN link",
    DCC.dc,
    10_000,
    2_100,
    77_000,
    "CRITICAL",
    "Leased 10 Gb/s circuit from County Hall to the DR racks in Sunderland's data centre.",
    "2027-06-30",
  );
  net(
    "DCC PSN connection",
    "PSN connection",
    DCC.dc,
    1_000,
    150,
    25_700,
    "HIGH",
    "Public Services Network connection.",
    "2027-03-31",
  );
  net(
    DCC.internet,
    "Internet breakout",
    DCC.dc,
    10_000,
    2_800,
    62_100,
    "CRITICAL",
    "Internet breakout for staff, SaaS and public services.",
    "2027-11-30",
  );
  net(
    DCC.dcCore,
    "LAN",
    DCC.dc,
    40_000,
    9_800,
    38_000,
    "CRITICAL",
    "Data centre core switching.",
    "2026-12-31",
  );
  net(
    "DCC Corporate LAN",
    "LAN",
    DCC.annand,
    10_000,
    2_200,
    105_000,
    "HIGH",
    "Office LAN across council buildings.",
    "2027-03-31",
  );
  net(
    "DCC Corporate Wi-Fi",
    "Wi-Fi",
    DCC.annand,
    5_000,
    1_600,
    72_000,
    "MEDIUM",
    "Staff and public Wi-Fi, including libraries.",
    "2026-12-31",
  );
  net(
    "DCC Schools WAN",
    "WAN link",
    DCC.schoolsHub,
    10_000,
    6_100,
    176_500,
    "HIGH",
    "Broadband and WAN for schools buying the traded ICT service.",
    "2029-03-31",
  );
  b.asset({
    name: "DCC Core firewalls (FortiGate)",
    kind: "NETWORK",
    subtype: "Firewall",
    site: DCC.dc,
    product: "fortigate",
    criticality: "CRITICAL",
    runCost: 7_000,
    bookValue: 120_000,
    supportEnd: "2027-09-30",
    rackUnits: 4,
    powerKw: 1.1,
    bandwidthMbps: 20_000,
    bandwidthUsedMbps: 5_100,
    description: "Perimeter firewall cluster.",
  });
  b.asset({
    name: "DCC Remote access VPN (Cisco Secure Client)",
    kind: "NETWORK",
    subtype: "VPN",
    site: DCC.dc,
    product: "cisco-secure-client",
    criticality: "HIGH",
    runCost: 4_000,
    description: "VPN for council laptops.",
  });
}
