// Property-based fuzz of the planning mutations (scenarios, their moves, proposals, approvals, drafts and
// savings targets). The properties are in harness.ts, the mutations' cases in cases.ts (moves built by
// planning-arb.ts), the scenarios they act on in fixture.ts.
import "./env.ts";
import { fuzzGroups } from "./run.ts";

fuzzGroups(["planning"]);
