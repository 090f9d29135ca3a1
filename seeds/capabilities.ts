// The capability taxonomy the seeds load (server/catalogue/taxonomy.ts), and the extra jobs of the
// seed catalogue's suites: products that do more than their main job.
export { TAXONOMY as CAPABILITIES } from "../server/catalogue/taxonomy.ts";

/**
 * Jobs a product does besides its main one (ProductSpec.job), by product key. A suite can replace a
 * point product only for the jobs listed here or its main job.
 */
export const SUITE_JOBS: Readonly<Record<string, readonly string[]>> = {
  // Microsoft 365 E3 includes the desktop Office apps, Intune device management and Entra ID P1
  // (self-service password reset with write-back).
  "ms-m365-e3": [
    "PRODUCTIVITY.OFFICE_APPS",
    "ENDPOINT_SECURITY.DEVICE_MANAGEMENT",
    "IDENTITY.PASSWORD_SELF_SERVICE",
  ],
  // F3 (frontline) has Intune and Entra ID P1 but only web and mobile Office: no OFFICE_APPS.
  "ms-m365-f3": ["ENDPOINT_SECURITY.DEVICE_MANAGEMENT", "IDENTITY.PASSWORD_SELF_SERVICE"],
  // Windows Server Datacenter includes the Hyper-V hypervisor with unlimited guests.
  "ms-winsrv-dc": ["VIRTUALISATION.HYPERVISOR"],
  // Mosaic's children's edition includes early help.
  "mosaic-children": ["SOCIAL_CARE_CHILDREN.EARLY_HELP"],
  // Capita One and Synergy include admissions besides SEND.
  "capita-one": ["EDUCATION.ADMISSIONS"],
  synergy: ["EDUCATION.ADMISSIONS"],
  // Locata's housing options suite includes the housing register and choice-based lettings.
  locata: ["HOUSING.LETTINGS"],
  // NEC Assure includes public access and its own workflow.
  "nec-assure": ["PLANNING.PUBLIC_ACCESS", "PLANNING.WORKFLOW"],
  // Confirm and Symology Insight include street works noticing.
  confirm: ["HIGHWAYS.STREET_WORKS"],
  symology: ["HIGHWAYS.STREET_WORKS"],
  // ArcGIS Enterprise includes the Portal for web maps.
  "esri-enterprise": ["GIS.WEB_MAPPING"],
  // Axiell Collections manages archives as well as museum objects.
  "axiell-collections": ["CULTURE_HERITAGE.ARCHIVES_CATALOGUE"],
  // Atamis is e-sourcing and contract management.
  atamis: ["FINANCE.CONTRACT_MANAGEMENT"],
};
