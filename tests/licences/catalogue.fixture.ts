// A small product catalogue for the matcher tests: real products councils license, with the edition
// splits that matter (Standard vs Enterprise, Office vs Office 365 vs Microsoft 365, Visio vs Project).
import type { ProductCatalogue } from "../../server/licences/match.ts";

/** Products by short id; ids are readable so failing tests say which product was picked. */
export const TEST_CATALOGUE: ProductCatalogue = {
  products: [
    { id: "office-pp", vendorName: "Microsoft", name: "Office", edition: "Professional Plus" },
    { id: "office-std", vendorName: "Microsoft", name: "Office", edition: "Standard" },
    { id: "o365-e3", vendorName: "Microsoft", name: "Office 365", edition: "E3" },
    { id: "m365-e3", vendorName: "Microsoft", name: "Microsoft 365", edition: "E3" },
    { id: "m365-e5", vendorName: "Microsoft", name: "Microsoft 365", edition: "E5" },
    { id: "visio-pro", vendorName: "Microsoft", name: "Visio", edition: "Professional" },
    { id: "project-pro", vendorName: "Microsoft", name: "Project", edition: "Professional" },
    { id: "sql-std", vendorName: "Microsoft", name: "SQL Server", edition: "Standard" },
    { id: "sql-ent", vendorName: "Microsoft", name: "SQL Server", edition: "Enterprise" },
    { id: "ws-std", vendorName: "Microsoft", name: "Windows Server", edition: "Standard" },
    { id: "ws-dc", vendorName: "Microsoft", name: "Windows Server", edition: "Datacenter" },
    { id: "exo-p1", vendorName: "Microsoft", name: "Exchange Online", edition: "Plan 1" },
    { id: "exo-p2", vendorName: "Microsoft", name: "Exchange Online", edition: "Plan 2" },
    { id: "vsphere-ep", vendorName: "VMware", name: "vSphere", edition: "Enterprise Plus" },
    { id: "vsphere-std", vendorName: "VMware", name: "vSphere", edition: "Standard" },
    { id: "oracle-ee", vendorName: "Oracle Corporation", name: "Database", edition: "Enterprise Edition" },
    { id: "oracle-se2", vendorName: "Oracle Corporation", name: "Database", edition: "Standard Edition 2" },
    { id: "acrobat-pro", vendorName: "Adobe", name: "Acrobat DC", edition: "Pro" },
    { id: "acrobat-std", vendorName: "Adobe", name: "Acrobat DC", edition: "Standard" },
    { id: "citrix-va", vendorName: "Citrix Systems", name: "Virtual Apps", edition: "" },
    {
      id: "citrix-cvad",
      vendorName: "Citrix Systems",
      name: "Virtual Apps and Desktops",
      edition: "Premium",
    },
    { id: "sophos-ix", vendorName: "Sophos", name: "Central Intercept X", edition: "Advanced" },
    { id: "smoothwall", vendorName: "Smoothwall", name: "Filter", edition: "" },
    { id: "arcgis-desktop", vendorName: "Esri", name: "ArcGIS Desktop", edition: "" },
    { id: "content-manager", vendorName: "OpenText", name: "Content Manager", edition: "" },
    { id: "veeam-br", vendorName: "Veeam", name: "Backup & Replication", edition: "Enterprise Plus" },
    { id: "mosaic", vendorName: "Servelec", name: "Mosaic", edition: "" },
  ],
  aliases: [
    { productId: "arcgis-desktop", normalised: "esri arcmap" },
    { productId: "sql-std", normalised: "sql std 2-core pack (ea)" },
    { productId: "mosaic", normalised: "servelec mosaic social care" },
  ],
};
