// Whether a start loads the demo estates (the two invented councils of seeds/). A council deploying
// Converge on its own PostgreSQL must never find invented Sunderland and Durham data in it, so by
// default only the embedded database (a try-out or a developer's machine) gets them, and only while it
// is empty (its first start). DEMO_DATA=yes asks for them on any empty database, DEMO_DATA=no never;
// `npm run seed` loads them on request whatever this says.

/** DEMO_DATA: "auto" (embedded only), "yes" (any empty database) or "no" (never). */
export type DemoDataPolicy = "auto" | "yes" | "no";

/** Parses DEMO_DATA; unset or empty is "auto". Throws naming the variable and its accepted values. */
export function parseDemoData(value: string | undefined): DemoDataPolicy {
  const v = (value ?? "").trim().toLowerCase();
  if (v === "" || v === "auto") return "auto";
  if (["yes", "true", "1"].includes(v)) return "yes";
  if (["no", "false", "0"].includes(v)) return "no";
  throw new Error(`DEMO_DATA must be auto, yes or no (got "${value}").`);
}

/** True when a start on `engine` should load the demo estates into its database if it is empty. */
export function wantsDemoData(policy: DemoDataPolicy, engine: "pglite" | "postgres"): boolean {
  return policy === "yes" || (policy === "auto" && engine === "pglite");
}
