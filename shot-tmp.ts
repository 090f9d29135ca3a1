import { signedInPage } from "./bench/explorer.ts";
import { launchChromium } from "./tests/web/browser.ts";
import { replaceOneTimePassword, startTestServer } from "./tests/web/server-fixture.ts";
const server = await startTestServer();
const cookie = await replaceOneTimePassword(server, "shot tmp password 123456");
const browser = await launchChromium();
for (const [w, h, hash, name] of JSON.parse(process.argv[2]!) as [number, number, string, string][]) {
  const { page, warnings, context } = await signedInPage(browser, server.url, cookie, w, h);
  await page.goto(`${server.url}/${hash}`);
  await page.waitForSelector('#graph-page[data-busy="false"]', { timeout: 60000 });
  await page.waitForTimeout(500);
  if (process.env.CLICK) { await page.evaluate(`window.__convergeGraph.explorer.${process.env.CLICK}`); await page.waitForTimeout(2500); }
  await page.screenshot({ path: `/tmp/gshots/${name}.png` });
  console.log(name, warnings.length, warnings.slice(0, 3));
  await context.close();
}
await browser.close(); await server.close();
