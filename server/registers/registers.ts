// The registers, in the order an import writes them (a register after those it refers to).
import { assetsRegister } from "./assets.ts";
import { dependenciesRegister } from "./dependencies.ts";
import type { Register } from "./register.ts";
import { sitesRegister } from "./sites.ts";

export const REGISTERS: readonly Register[] = [sitesRegister, assetsRegister, dependenciesRegister];

export function registerNamed(name: Register["name"]): Register {
  const found = REGISTERS.find((r) => r.name === name);
  if (!found) throw new Error(`no register named ${name}`);
  return found;
}
