// OCDS (Open Contracting Data Standard) packages → contract drafts, and buyers → organisations.
// Pure: reads parsed JSON, touches no database. Accepts record packages (records[].compiledRelease, or
// the newest of records[].releases) and release packages (releases[], newest release per ocid).
import { releaseToDraft, type ContractDraft, type OcdsBuyer, type OcdsProblem } from "./ocds-release.ts";
import { instant, isObject, objects, str, type JsonObject } from "./ocds-values.ts";
import { mapYielding } from "../shared/yielding.ts";

export type { ContractDraft, DraftField, OcdsBuyer, OcdsProblem } from "./ocds-release.ts";

/** The outcome of parsing one package: one draft per ocid, and everything that could not be used. */
export interface OcdsParseResult {
  drafts: ContractDraft[];
  problems: OcdsProblem[];
}

/** A release chosen for an ocid, with where it came from (for problem paths). */
interface Candidate {
  ocid: string;
  release: JsonObject;
  path: string;
  at: number;
  order: number;
}

/** A release embedded in full, as opposed to a linked release ({url, date, tag}) with no content. */
const isEmbedded = (r: JsonObject): boolean =>
  ["tender", "awards", "contracts", "parties", "buyer", "planning"].some((k) => r[k] !== undefined);

function fromRecords(records: unknown[], problems: OcdsProblem[]): Candidate[] {
  const out: Candidate[] = [];
  records.forEach((record, i) => {
    const path = `records[${i}]`;
    if (!isObject(record)) {
      problems.push({ field: path, message: "a record must be an object." });
      return;
    }
    const ocid =
      str(record.ocid) ?? (isObject(record.compiledRelease) ? str(record.compiledRelease.ocid) : undefined);
    if (!ocid) {
      problems.push({ field: `${path}.ocid`, message: "the record has no ocid." });
      return;
    }
    if (isObject(record.compiledRelease)) {
      const release = record.compiledRelease;
      out.push({ ocid, release, path: `${path}.compiledRelease`, at: instant(release.date), order: i });
      return;
    }
    const releases = objects(record.releases)
      .map((release, j) => ({ release, j }))
      .filter((r) => isEmbedded(r.release));
    if (releases.length === 0) {
      const linked = Array.isArray(record.releases) && record.releases.length > 0;
      problems.push({
        ocid,
        field: linked ? `${path}.releases` : `${path}.compiledRelease`,
        message: linked
          ? "the record links to its releases by URL only and has no compiledRelease; nothing to read."
          : "the record has neither a compiledRelease nor any releases.",
      });
      return;
    }
    const newest = releases.reduce((a, b) => (instant(b.release.date) >= instant(a.release.date) ? b : a));
    const at = instant(newest.release.date);
    out.push({ ocid, release: newest.release, path: `${path}.releases[${newest.j}]`, at, order: i });
  });
  return out;
}

function fromReleases(releases: unknown[], problems: OcdsProblem[]): Candidate[] {
  const out: Candidate[] = [];
  releases.forEach((release, i) => {
    const path = `releases[${i}]`;
    if (!isObject(release)) {
      problems.push({ field: path, message: "a release must be an object." });
      return;
    }
    const ocid = str(release.ocid);
    if (!ocid) {
      problems.push({ field: `${path}.ocid`, message: "the release has no ocid." });
      return;
    }
    out.push({ ocid, release, path, at: instant(release.date), order: i });
  });
  return out;
}

/**
 * Keeps one release per ocid: the newest by `date`; on a tie (or no dates), the later one in the
 * package. A record package normally has one record per ocid; duplicates are treated the same way.
 */
function newestPerOcid(candidates: Candidate[]): Candidate[] {
  const byOcid = new Map<string, Candidate>();
  for (const c of candidates) {
    const held = byOcid.get(c.ocid);
    if (!held || c.at >= held.at) byOcid.set(c.ocid, c);
  }
  return [...byOcid.values()].sort((a, b) => a.order - b.order);
}

/** The releases to read, one per ocid, or null when `json` is not an OCDS package (problems say why). */
function candidatesOf(json: unknown, problems: OcdsProblem[]): Candidate[] | null {
  if (!isObject(json)) {
    const got = json === null ? "null" : Array.isArray(json) ? "an array" : typeof json;
    problems.push({
      field: "(root)",
      message: `expected an OCDS record or release package (a JSON object); got ${got}.`,
    });
    return null;
  }
  if (Array.isArray(json.records)) return newestPerOcid(fromRecords(json.records, problems));
  if (Array.isArray(json.releases)) return newestPerOcid(fromReleases(json.releases, problems));
  const field =
    json.records !== undefined ? "records" : json.releases !== undefined ? "releases" : "records";
  const message =
    json.records !== undefined || json.releases !== undefined
      ? `"${field}" must be an array.`
      : 'not an OCDS package: it has neither "records" (record package) nor "releases" (release package).';
  problems.push({ field, message });
  return null;
}

const draftOf = (c: Candidate, problems: OcdsProblem[]): ContractDraft =>
  releaseToDraft(c.release, c.ocid, (field, message) =>
    problems.push({ ocid: c.ocid, field: `${c.path}.${field}`, message }),
  );

/**
 * Parses an OCDS record package or release package into one ContractDraft per ocid. Input that is not
 * an OCDS package (not an object, or with neither a `records` nor a `releases` array) gives no drafts
 * and a problem naming the field. Problems within a record (non-GBP value, unreadable amount, several
 * buyers) are reported alongside the drafts; the affected field is left empty, never guessed.
 */
export function parseOcdsPackage(json: unknown): OcdsParseResult {
  const problems: OcdsProblem[] = [];
  const candidates = candidatesOf(json, problems);
  return { drafts: candidates ? candidates.map((c) => draftOf(c, problems)) : [], problems };
}

/** parseOcdsPackage for large packages: the same result, letting other requests in every 100 records. */
export async function parseOcdsPackageYielding(json: unknown): Promise<OcdsParseResult> {
  const problems: OcdsProblem[] = [];
  const candidates = candidatesOf(json, problems);
  return { drafts: candidates ? await mapYielding(candidates, 100, (c) => draftOf(c, problems)) : [], problems };
}

/** An organisation as matchBuyer needs it. */
export interface BuyerOrganisation {
  id: string;
  code: string;
  name: string;
  /** Public identifiers such as "GB-LAE-DUR" (Organisation.identifiers). */
  identifiers: readonly string[];
}

/** A name reduced for comparison: lower-case, no punctuation, no "the", single spaces. */
export function comparableName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((w) => w.length > 0 && w !== "the")
    .join(" ");
}

/**
 * The organisation an OCDS buyer is: first by identifier (the buyer id equals one of the
 * organisation's identifiers exactly), else by name (equal after comparableName). Null when neither
 * matches, or when the name matches more than one organisation.
 */
export function matchBuyer(buyer: OcdsBuyer, organisations: readonly BuyerOrganisation[]): string | null {
  const id = buyer.id?.trim();
  if (id) {
    const byId = organisations.find((o) => o.identifiers.includes(id));
    if (byId) return byId.id;
  }
  const name = buyer.name ? comparableName(buyer.name) : "";
  if (!name) return null;
  const byName = organisations.filter((o) => comparableName(o.name) === name);
  return byName.length === 1 ? byName[0]!.id : null;
}
