// Property-based fuzz of the inventory (sites, assets, dependencies) and identity (passwords, tokens,
// users, roles) mutations. The properties are in harness.ts, the mutations' cases in cases.ts; the two
// groups share one test file so that each of vitest's two workers migrates one database.
import "./env.ts";
import { fuzzGroups } from "./run.ts";

fuzzGroups(["inventory", "identity"]);
