// Node and Bun driver: `node run_smoke.mjs <bundle.js> <baseURL>` runs the
// bundled smoke scenario and prints its result as one JSON line. The process
// must then exit by itself: the matrix times it out otherwise.
import process from "node:process";
import { pathToFileURL } from "node:url";

const [bundle, baseURL] = process.argv.slice(2);
try {
  const { smoke, Stream } = await import(pathToFileURL(bundle).href);
  const steps = await smoke({ baseURL });
  // A stream iterator dropped mid-way must not hold the process for the rest
  // of its idle timeout (10 minutes here): its timer is unref'd between reads.
  const dropped = new Stream(
    new Response('data: {"n":1}\n\ndata: {"n":2}\n\n').body,
    undefined,
    { idleTimeout: 600_000 },
  );
  const first = await dropped[Symbol.asyncIterator]().next();
  if (first.value?.n !== 1) throw new Error("dropped stream: no first chunk");
  console.log(JSON.stringify({ ok: true, steps }));
} catch (error) {
  console.log(
    JSON.stringify({ ok: false, error: String(error?.stack ?? error) }),
  );
  process.exitCode = 1;
}
