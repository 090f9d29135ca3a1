// Writes server/procurement/known-products.ts from the seed catalogue: every product's label (vendor and
// name, without the edition) and its raw aliases, with its main job, for classifying contract titles
// that name only a product. tests/procurement/classification.test.ts fails when the file is stale.
//   npx tsx scripts/known-products.ts
import { writeFileSync } from "node:fs";
import { knownProductsSource } from "../seeds/known-products.ts";

writeFileSync(new URL("../server/procurement/known-products.ts", import.meta.url), knownProductsSource());
