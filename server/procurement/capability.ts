// A contract's capability: its CPV code first, keywords in its title or description when the code is
// generic (cpvToCapability in server/licences/cpv.ts). Pure.
import type { Contract } from "../../generated/prisma/client.ts";
import { cpvToCapability, type CapabilityMatch } from "../licences/cpv.ts";

/** The capability a stored contract is for, and how that was decided. */
export function contractCapability(
  contract: Pick<Contract, "cpvCode" | "title" | "description">,
): CapabilityMatch {
  return cpvToCapability({
    cpvCode: contract.cpvCode,
    title: contract.title,
    description: contract.description,
  });
}
