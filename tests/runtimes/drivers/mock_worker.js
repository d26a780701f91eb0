// workerd: the mock as a second Worker, reached only through a service
// binding, so the smoke scenario never touches the network.
import { createMockHost } from "../bundle_entry.ts";

const host = createMockHost();

export default {
  fetch(request) {
    return host.handle(request);
  },
};
