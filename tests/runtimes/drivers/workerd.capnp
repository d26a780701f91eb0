# workerd config of the runtime matrix: the smoke Worker, the mock Worker it
# reaches by service binding, and the Cloudflare example Worker whose global
# fetch goes to the mock. No nodejs_compat flag: Node built-ins stay off.
# tests/runtimes/matrix.ts fills in PORT and writes it next to the bundles.

using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "smoke", worker = .smokeWorker),
    (name = "mock", worker = .mockWorker),
    (name = "example", worker = .exampleWorker),
  ],
  sockets = [(name = "http", address = "127.0.0.1:PORT", http = (), service = "smoke")],
);

const smokeWorker :Workerd.Worker = (
  modules = [
    (name = "main.js", esModule = embed "smoke_worker.js"),
    (name = "matrix.js", esModule = embed "matrix.js"),
  ],
  compatibilityDate = "2024-09-23",
  bindings = [(name = "MOCK", service = "mock"), (name = "EXAMPLE", service = "example")],
  globalOutbound = "mock",
);

const mockWorker :Workerd.Worker = (
  modules = [
    (name = "main.js", esModule = embed "mock_worker.js"),
    (name = "matrix.js", esModule = embed "matrix.js"),
  ],
  compatibilityDate = "2024-09-23",
);

const exampleWorker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "cloudflare_worker.js")],
  compatibilityDate = "2024-09-23",
  bindings = [
    (name = "OPENAI_API_KEY", text = "sk-smoke"),
    (name = "OPENAI_BASE_URL", text = "http://mock/v1"),
  ],
  globalOutbound = "mock",
);
