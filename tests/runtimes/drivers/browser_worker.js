// Browser: a module web worker checks the guard there too, then runs the
// smoke scenario, and posts its findings back to the page.
import { OpenAI, smoke } from "../bundle_entry.ts";

const result = {};
try {
  new OpenAI({ apiKey: "sk-smoke" });
  result.guard = "constructed without dangerouslyAllowBrowser";
} catch (error) {
  result.guard = `${error.name}: ${error.message}`;
}
try {
  const baseURL = `${self.location.origin}/v1`;
  result.steps = await smoke({ baseURL, dangerouslyAllowBrowser: true });
  result.ok = true;
} catch (error) {
  result.ok = false;
  result.error = String(error?.stack ?? error);
}
self.postMessage(result);
