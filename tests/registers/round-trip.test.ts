// Exports re-import unchanged: an estate exported as CSV and as XLSX, imported into an empty database,
// gives back every field of every site and asset; imported into the database it came from, it changes
// nothing.
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { registerCsv, writeRegistersXlsx } from "../../server/registers/export.ts";
import { importRegisters, type ImportReport } from "../../server/registers/import.ts";
import { REGISTERS, registerNamed } from "../../server/registers/registers.ts";
import { engines, openTestDatabase, type TestDatabase } from "../support/databases.ts";
import { createOrganisations, createProduct, OPERATOR } from "../api/fixtures.ts";

const summary = (r: ImportReport) => r.registers.map((x) => `${x.register}: +${x.created} ~${x.updated} =${x.unchanged} !${x.refused}`);

/** An estate with every column filled somewhere, and names a CSV must quote or defuse. */
async function buildEstate(prisma: PrismaClient) {
  const orgs = await createOrganisations(prisma);
  await createProduct(prisma, "Mosaic");
  const product = await prisma.product.findFirstOrThrow({ where: { name: "Mosaic" } });
  const doxford = await prisma.site.create({
    data: { id: randomUUID(), organisationId: orgs.SCC.id, name: 'Doxford "DC", Sunderland', kind: "DATA_CENTRE", lifecycle: "ACTIVE", address: "Doxford Park\nSunderland", postcode: "SR3 3XN", racks: 60, racksUsed: 41, powerKw: 400, powerUsedKw: 212.5, floorSpaceM2: 850.25, pue: 1.62, tier: 3, leaseEnd: new Date("2031-03-31"), annualCostPence: 123_456_789_012n, description: "=HYPERLINK(\"x\")" },
  });
  await prisma.site.create({ data: { id: randomUUID(), organisationId: orgs.DCC.id, name: "County Hall — Durham", kind: "COMMS_ROOM", lifecycle: "DECOMMISSIONING", annualCostPence: 1n } });
  const mosaic = await prisma.asset.create({
    data: { id: randomUUID(), organisationId: orgs.DCC.id, siteId: doxford.id, productId: product.id, name: "Mosaic (adults), live", kind: "APPLICATION", subtype: "Case management", lifecycle: "ACTIVE", criticality: "CRITICAL", annualRunCostPence: 9_100_001n, bookValuePence: 50n, supportEnd: new Date("2028-09-30"), description: "+44 support line", rackUnits: 2, powerKw: 0.35, storageTb: 12.5, storageUsedTb: 3.25, vcpu: 16, vcpuUsed: 24, ramGb: 64, ramUsedGb: 60, bandwidthMbps: 1000, bandwidthUsedMbps: 10 },
  });
  const backup = await prisma.asset.create({ data: { id: randomUUID(), organisationId: orgs.SCC.id, name: "-1 backup", kind: "STORAGE" } });
  await prisma.dependency.create({ data: { id: randomUUID(), sourceId: mosaic.id, targetId: backup.id, type: "BACKS_UP_TO", description: "nightly, 30 days" } });
  await prisma.dependency.create({ data: { id: randomUUID(), sourceId: backup.id, targetId: mosaic.id, type: "DEPENDS_ON" } });
}

/** Everything a register carries, by natural key, with references by name. */
async function snapshot(prisma: PrismaClient) {
  const sites = await prisma.site.findMany({ include: { organisation: true }, orderBy: { name: "asc" } });
  const assets = await prisma.asset.findMany({ include: { organisation: true, site: { include: { organisation: true } }, product: true }, orderBy: { name: "asc" } });
  const strip = ({ id, organisationId, siteId, productId, createdAt, updatedAt, version, organisation, site, product, ...rest }: Record<string, any>) => ({
    ...rest,
    organisation: organisation.code,
    ...(site !== undefined ? { site: site ? `${site.organisation.code}/${site.name}` : null, product: product?.name ?? null } : {}),
  });
  const dependencies = await prisma.dependency.findMany({ include: { source: { include: { organisation: true } }, target: { include: { organisation: true } } } });
  const edges = dependencies
    .map((d) => `${d.source.organisation.code}/${d.source.name} ${d.type} ${d.target.organisation.code}/${d.target.name} ${d.description ?? ""}`)
    .sort();
  return { sites: sites.map(strip), assets: assets.map(strip), edges };
}

for (const engine of engines()) {
  describe(`register export and re-import (${engine})`, () => {
    let source: TestDatabase;
    let target: TestDatabase;
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "converge-roundtrip-"));
      source = await openTestDatabase(engine);
      target = await openTestDatabase(engine);
      await buildEstate(source.prisma);
    });
    afterAll(async () => {
      await Promise.all([source?.close(), target?.close()]);
      await rm(dir, { recursive: true, force: true });
    });

    async function freshTarget() {
      await target.truncate();
      await createOrganisations(target.prisma);
      await createProduct(target.prisma, "Mosaic");
    }

    it("CSV: every field comes back, and re-importing into the source changes nothing", async () => {
      await freshTarget();
      for (const register of REGISTERS) {
        let text = "";
        for await (const chunk of registerCsv(source.prisma, register)) text += chunk;
        if (register.name === "sites") expect(text).toContain(`"'=HYPERLINK(""x"")"`); // a formula is defused, and quoted
        const path = join(dir, `${register.name}.csv`);
        await writeFile(path, text);
        const into = await importRegisters(target.prisma, OPERATOR, path);
        expect(into.problems).toEqual([]);
        const back = await importRegisters(source.prisma, OPERATOR, path);
        expect(back.problems).toEqual([]);
        expect(back.registers.every((r) => r.created === 0 && r.updated === 0)).toBe(true);
      }
      expect(await snapshot(target.prisma)).toEqual(await snapshot(source.prisma));
    });

    it("XLSX: one workbook of every register, every field comes back, and re-importing changes nothing", async () => {
      await freshTarget();
      const path = join(dir, "estate.xlsx");
      const out = createWriteStream(path);
      await writeRegistersXlsx(source.prisma, REGISTERS, out);
      await finished(out);
      const into = await importRegisters(target.prisma, OPERATOR, path);
      expect(into.problems).toEqual([]);
      expect(summary(into)).toEqual(["sites: +2 ~0 =0 !0", "assets: +2 ~0 =0 !0", "dependencies: +2 ~0 =0 !0"]);
      expect(await snapshot(target.prisma)).toEqual(await snapshot(source.prisma));
      expect(summary(await importRegisters(source.prisma, OPERATOR, path))).toEqual(["sites: +0 ~0 =2 !0", "assets: +0 ~0 =2 !0", "dependencies: +0 ~0 =2 !0"]);
    });

    it("an organisation's export holds only its rows", async () => {
      const scc = await source.prisma.organisation.findFirstOrThrow({ where: { code: "SCC" } });
      let text = "";
      for await (const chunk of registerCsv(source.prisma, registerNamed("assets"), { organisationIds: [scc.id] })) text += chunk;
      expect(text.trim().split("\r\n")).toHaveLength(2);
      expect(text).toContain("'-1 backup");
    });
  });
}
