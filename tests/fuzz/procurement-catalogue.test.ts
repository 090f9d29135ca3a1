// Property-based fuzz of the procurement (licences, contracts) and catalogue (OCDS import, product-title
// review) mutations. The properties are in harness.ts, the mutations' cases in cases.ts.
import "./env.ts";
import { fuzzGroups } from "./run.ts";

fuzzGroups(["procurement", "catalogue"]);
