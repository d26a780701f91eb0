// Chromium driver, run by Node: `node chromium.mjs <toolsDir> <pageURL>`.
// Opens the page in headless Debian Chromium (driven by playwright-core, with
// a fresh profile), waits for window.__matrix and prints it as one JSON line.
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";

const [tools, url] = process.argv.slice(2);
const require = createRequire(join(tools, "package.json"));
const { chromium } = require("playwright-core");
const profile = mkdtempSync(join(tmpdir(), "matrix-chromium-"));
const logs = [];
let context;
try {
  // Playwright passes the profile as --user-data-dir itself.
  context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    timeout: 30_000,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.on("console", (message) => logs.push(message.text()));
  page.on("pageerror", (error) => logs.push(String(error)));
  await page.goto(url, { timeout: 15_000 });
  const handle = await page.waitForFunction(() => globalThis.__matrix, null, {
    timeout: 30_000,
  });
  const result = await handle.jsonValue();
  result.userAgent = await page.evaluate(() => navigator.userAgent);
  console.log(JSON.stringify({ ...result, logs }));
  if (!result.ok) process.exitCode = 1;
} catch (error) {
  console.log(
    JSON.stringify({ ok: false, error: String(error?.stack ?? error), logs }),
  );
  process.exitCode = 1;
} finally {
  await context?.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}
