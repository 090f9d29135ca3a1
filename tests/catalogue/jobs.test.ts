// Which seed products do the same job: a table of pairs that must overlap and pairs that must never
// overlap, and the replacement rule for suites (server/catalogue/jobs.ts).
import { describe, expect, it } from "vitest";
import { buildCatalogue } from "../../seeds/catalogue.ts";
import { canReplace, coversJobs, shareAJob, sharedJobs } from "../../server/catalogue/jobs.ts";
import { isJobCode, isWithin, TAXONOMY } from "../../server/catalogue/taxonomy.ts";

const catalogue = buildCatalogue();
const jobs = (key: string) => {
  const j = catalogue.jobsByKey.get(key);
  if (!j) throw new Error(`no product ${key}`);
  return j;
};

/** Pairs of products (seed keys) that do at least one job in common. */
const MUST_OVERLAP: [string, string][] = [
  ["lq-las", "mosaic-adults"],
  ["tunstall-pnc", "jontek"],
  ["elms2", "medequip"],
  ["lq-lcs", "mosaic-children"],
  ["lq-ehm", "mosaic-children"],
  ["childview", "careworks"],
  ["invision360", "synergy"],
  ["invision360", "capita-one"],
  ["capita-one", "synergy"],
  ["epep", "welfare-call"],
  ["open-objects", "placecube"],
  ["maytas", "tribal-ebs"],
  ["arbor", "sims"],
  ["jigsaw", "locata"],
  ["abritas", "locata"],
  ["academy", "openrevenues"],
  ["citizen-access", "openportal"],
  ["transunion-rbv", "xantura"],
  ["bartec", "whitespace"],
  ["confirm", "symology"],
  ["confirm", "yotta-horizons"],
  ["dynniq", "stratos"],
  ["fleetwave", "tranman"],
  ["icps", "taranto"],
  ["uniform", "nec-assure"],
  ["idox-pa", "nec-assure"],
  ["idox-enterprise", "nec-assure"],
  ["spydus", "symphony-lms"],
  ["borrowbox", "overdrive"],
  ["axiell-collections", "modes"],
  ["axiell-collections", "calm"],
  ["gladstone", "legend"],
  ["bacas", "epitaph"],
  ["xpress", "dcounts"],
  ["civica-reg", "stopford"],
  ["moderngov", "cmis"],
  ["ms-d365-cs", "salesforce"],
  ["ms-d365-cs", "verint-lagan"],
  ["aptean-respond", "icasework"],
  ["jadu", "umbraco"],
  ["civica-pay", "pay360"],
  ["parentpay", "scopay"],
  ["mitel-mivb", "ms-teams-phone"],
  ["mitel-micc", "anywhere365"],
  ["ora-ebs", "unit4"],
  ["procontract", "atamis"],
  ["itrent", "resourcelink"],
  ["jobsgopublic", "tribepad"],
  ["kallidus", "learningpool"],
  ["softworks", "ukg-wfc"],
  ["iken", "norwel"],
  ["pentana-audit", "galileo"],
  ["jcad", "figtree"],
  ["inphase", "pentana-perf"],
  ["concerto", "techforge"],
  ["opentext", "civica-w2"],
  ["abbyy", "kofax"],
  ["papercut", "uniflow"],
  ["docmail", "synertec"],
  ["ms-powerbi", "qlik"],
  ["genetec", "milestone"],
  ["ms-m365-e3", "ms-office-ppp"],
  ["adobe-acrobat", "nitro"],
  ["servicenow", "topdesk"],
  ["prtg", "solarwinds"],
  ["ms-defender", "sophos"],
  ["ws1", "ivanti-epm"],
  ["ms-m365-e3", "ws1"],
  ["fortigate", "pan-ngfw"],
  ["cisco-secure-client", "pan-globalprotect"],
  ["mimecast", "proofpoint"],
  ["logrhythm", "ms-sentinel"],
  ["rapid7", "tenable"],
  ["forcepoint", "netsweeper"],
  ["smoothwall", "forcepoint"],
  ["adssp", "specops"],
  ["ms-m365-e3", "specops"],
  ["vmw-vvf", "ms-winsrv-dc"],
  ["ms-azure", "aws"],
  ["ms-sql-std", "ora-db-ee"],
  ["commvault", "veeam"],
  ["esri-enterprise", "mapinfo"],
  ["esri-online", "astun-ishare"],
  ["aa-symphony", "ggp"],
];

/** Pairs that share a service area or a vendor, or sit side by side in a workflow, but do different jobs. */
const MUST_NEVER_OVERLAP: [string, string][] = [
  ["tunstall-pnc", "mosaic-adults"],
  ["totalmobile", "lq-las"],
  ["totalmobile", "mosaic-adults"],
  ["totalmobile", "cm2000"],
  ["totalmobile", "tunstall-pnc"],
  ["elms2", "lq-las"],
  ["medequip", "mosaic-adults"],
  ["carecubed", "lq-controcc"],
  ["carecubed", "mosaic-adults"],
  ["cm2000", "jontek"],
  ["lq-portal", "lq-las"],
  ["access-care", "lq-las"],
  ["lq-las", "lq-lcs"],
  ["mosaic-adults", "mosaic-children"],
  ["childview", "lq-lcs"],
  ["synergy", "sims"],
  ["speedadmin", "arbor"],
  ["metastreet", "jigsaw"],
  ["entitledto", "academy"],
  ["pip-lift", "academy"],
  ["ezytreev", "confirm"],
  ["mayrise", "confirm"],
  ["qroutes", "bartec"],
  ["trapeze", "qroutes"],
  ["ringgo", "icps"],
  ["chipside", "icps"],
  ["idox-pa", "uniform"],
  ["netloan", "spydus"],
  ["princh", "papercut"],
  ["ticketsolve", "gladstone"],
  ["calm", "spydus"],
  ["moderngov", "xpress"],
  ["firmstep", "ms-d365-cs"],
  ["icasework", "salesforce"],
  ["govdelivery", "jadu"],
  ["smartsurvey", "firmstep"],
  ["redbox", "mitel-mivb"],
  ["ms-teams-phone", "ms-m365-e3"],
  ["logotech", "unit4"],
  ["cipfa-am", "ora-ebs"],
  ["opas", "itrent"],
  ["cority", "evotix"],
  ["kallidus", "itrent"],
  ["docusign", "opentext"],
  ["ms-powerbi", "inphase"],
  ["ms-sentinel", "ms-defender"],
  ["egress", "mimecast"],
  ["lansweeper", "servicenow"],
  ["ivanti-epm", "sophos"],
  ["vmw-aria", "vmw-vvf"],
  ["ms-sql-std", "ms-winsrv-dc"],
  ["fme", "esri-enterprise"],
  ["ggp", "mapinfo"],
  ["ms-m365-f3", "ms-office-ppp"],
  ["forcepoint", "fortigate"],
  ["commvault", "ms-azure"],
  ["adobe-acrobat", "ms-m365-e3"],
];

describe("the capability taxonomy", () => {
  it("is a tree of domains, capabilities and jobs with unique codes", () => {
    expect(new Set(TAXONOMY.map((n) => n.code)).size).toBe(TAXONOMY.length);
    const byCode = new Map(TAXONOMY.map((n) => [n.code, n]));
    for (const n of TAXONOMY) {
      const parent = n.parent === null ? null : byCode.get(n.parent);
      if (n.level === "DOMAIN") expect(parent).toBeNull();
      if (n.level === "CAPABILITY") expect(parent?.level).toBe("DOMAIN");
      if (n.level === "JOB") {
        expect(parent?.level).toBe("CAPABILITY");
        expect(n.code.startsWith(`${n.parent}.`)).toBe(true);
      }
    }
  });

  it("places a job within its capability and domain, and nothing else", () => {
    const job = "SOCIAL_CARE_ADULTS.TELECARE_MONITORING";
    expect([isJobCode(job), isJobCode("SOCIAL_CARE_ADULTS")]).toEqual([true, false]);
    expect([job, "SOCIAL_CARE_ADULTS", "SOCIAL_CARE_DOMAIN"].map((a) => isWithin(job, a))).toEqual([
      true,
      true,
      true,
    ]);
    expect(isWithin(job, "SOCIAL_CARE_CHILDREN")).toBe(false);
  });

  it("gives every licensable seed product a job, and only job-level codes", () => {
    const withoutJob = catalogue.products.filter((p) => p.capabilityId === null);
    expect(withoutJob).toEqual([]);
    for (const list of catalogue.jobsByKey.values()) for (const j of list) expect(isJobCode(j), j).toBe(true);
  });
});

describe("same job", () => {
  it(`has at least 40 pairs each way (${MUST_OVERLAP.length} must overlap, ${MUST_NEVER_OVERLAP.length} must not)`, () => {
    expect(MUST_OVERLAP.length).toBeGreaterThanOrEqual(40);
    expect(MUST_NEVER_OVERLAP.length).toBeGreaterThanOrEqual(40);
  });

  it.each(MUST_OVERLAP)("%s and %s do a job in common", (a, b) => {
    expect(shareAJob(jobs(a), jobs(b)), `${jobs(a)} / ${jobs(b)}`).toBe(true);
    expect(shareAJob(jobs(b), jobs(a))).toBe(true);
  });

  it.each(MUST_NEVER_OVERLAP)("%s and %s never overlap", (a, b) => {
    expect(sharedJobs(jobs(a), jobs(b)), `${jobs(a)} / ${jobs(b)}`).toEqual([]);
  });
});

describe("replacing one product with another", () => {
  it("lets a suite replace a point product for a job it covers, never the other way", () => {
    const map = catalogue.jobsByKey;
    const id = (k: string) => k;
    expect(canReplace(map, id("ms-m365-e3"), id("ms-office-ppp"))).toBe(true);
    expect(canReplace(map, id("ms-office-ppp"), id("ms-m365-e3"))).toBe(false);
    expect(canReplace(map, id("mosaic-children"), id("lq-ehm"))).toBe(true);
    expect(canReplace(map, id("lq-ehm"), id("mosaic-children"))).toBe(false);
    expect(canReplace(map, id("nec-assure"), id("idox-pa"))).toBe(true);
    expect(canReplace(map, id("uniform"), id("nec-assure"))).toBe(false);
    expect(canReplace(map, id("mosaic-adults"), id("lq-las"))).toBe(true);
  });

  it("never replaces a product doing another job, nor one with no known job", () => {
    expect(canReplace(catalogue.jobsByKey, "totalmobile", "mosaic-adults")).toBe(false);
    expect(coversJobs(["A.X"], [])).toBe(false);
    expect(canReplace(new Map(), "p", "p")).toBe(true);
  });
});
