// Node and Bun driver: `node run_smoke.mjs <bundle.js> <baseURL>` runs the
// bundled smoke scenario and prints its result as one JSON line.
import process from "node:process";
import { pathToFileURL } from "node:url";

const [bundle, baseURL] = process.argv.slice(2);
try {
  const { smoke } = await import(pathToFileURL(bundle).href);
  const steps = await smoke({ baseURL });
  console.log(JSON.stringify({ ok: true, steps }));
} catch (error) {
  console.log(
    JSON.stringify({ ok: false, error: String(error?.stack ?? error) }),
  );
  process.exitCode = 1;
}
