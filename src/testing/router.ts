/**
 * Matches a method and path against the mock's routes.
 *
 * @module
 */

import type { Route } from "./route.ts";

/** The outcome of {@linkcode Router.match}. */
export type RouteMatch =
  | { route: Route; params: Record<string, string> }
  | { status: 404 }
  | { status: 405; allow: string[] }
  | { status: 400; message: string };

interface Compiled {
  route: Route;
  pattern: RegExp;
  names: string[];
}

function compile(route: Route): Compiled {
  const names: string[] = [];
  const source = route.path.split(/(\{[^}]+\})/).map((part) => {
    if (part.startsWith("{")) {
      names.push(part.slice(1, -1));
      return "([^/]+)";
    }
    return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
  }).join("");
  return { route, pattern: new RegExp(`^${source}$`), names };
}

/**
 * The API path of a URL path: without the `/v1` prefix and a trailing slash,
 * or undefined when the path is outside `/v1` (the API serves nothing there,
 * so a client whose baseURL lacks `/v1` gets 404s, as it would in production).
 *
 * @example
 * ```ts
 * import { apiPath } from "./router.ts";
 * apiPath("/v1/models/"); // "/models"
 * apiPath("/models"); // undefined
 * ```
 */
export function apiPath(pathname: string): string | undefined {
  if (pathname !== "/v1" && !pathname.startsWith("/v1/")) return undefined;
  let path = pathname.slice(3);
  if (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  return path || "/";
}

/**
 * A table of routes, checked once for duplicates.
 *
 * @example
 * ```ts
 * import { Router } from "./router.ts";
 * const router = new Router([{
 *   operationId: "retrieveModel",
 *   method: "GET",
 *   path: "/models/{model}",
 *   handle: ({ params }) => ({ id: params.model }),
 * }]);
 * router.match("GET", "/models/a%3Ab"); // params: { model: "a:b" }
 * ```
 */
export class Router {
  #compiled: Compiled[];

  /** Compiles `routes`; throws if two share a method and path. */
  constructor(routes: readonly Route[]) {
    const seen = new Set<string>();
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      if (seen.has(key)) throw new Error(`Duplicate mock route: ${key}`);
      seen.add(key);
    }
    this.#compiled = routes.map(compile);
  }

  /** Finds the route for `method` and `path` (already without `/v1`). */
  match(method: string, path: string): RouteMatch {
    const allow: string[] = [];
    for (const { route, pattern, names } of this.#compiled) {
      const found = pattern.exec(path);
      if (!found) continue;
      if (route.method !== method) {
        allow.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      for (let i = 0; i < names.length; i++) {
        try {
          params[names[i]] = decodeURIComponent(found[i + 1]);
        } catch {
          return {
            status: 400,
            message: `Invalid percent-encoding in path segment: ${
              found[i + 1]
            }`,
          };
        }
      }
      return { route, params };
    }
    return allow.length ? { status: 405, allow } : { status: 404 };
  }
}
