import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { GraphiQLOptions } from "graphql-yoga";
import type { Env, Hono } from "hono";

const require = createRequire(import.meta.url);
const PACKAGE_DIR = dirname(require.resolve("@graphql-yoga/graphiql/package.json"));
const VERSION = (require("@graphql-yoga/graphiql/package.json") as { version: string }).version;

/** Where the gateway serves GraphiQL's scripts and styles; the version in the path lets browsers cache them for good. */
export const GRAPHIQL_ASSETS_PATH = `/graphiql-assets/${VERSION}`;

// Exactly the files yoga's page loads (the graphql worker's double dot is the package's own file name); nothing else is served.
const ASSETS: Readonly<Record<string, string>> = Object.freeze({
  "graphiql.css": "text/css; charset=utf-8",
  "yoga-graphiql.umd.js": "text/javascript; charset=utf-8",
  "monacoeditorwork/editor.worker.bundle.js": "text/javascript; charset=utf-8",
  "monacoeditorwork/json.worker.bundle.js": "text/javascript; charset=utf-8",
  "monacoeditorwork/graphql.worker..bundle.js": "text/javascript; charset=utf-8",
});

/**
 * yoga's GraphiQL page with every script, style and worker taken from this server instead of a CDN,
 * so that it works with no internet (yoga's own page stays a blank "Loading…" there). Used by the gateway and by
 * every subgraph in development: pass it as `renderGraphiQL` and serve addGraphiQLAssetRoutes beside it.
 */
export function renderOfflineGraphiQL(options: GraphiQLOptions): string {
  const title = escapeHtml(options.title ?? "Liên Thông — GraphiQL");
  const asset = (file: string) => `${GRAPHIQL_ASSETS_PATH}/${file}`;
  // JSON inside <script>: "<" escaped so that no option value can close the element.
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset("graphiql.css")}">
</head>
<body id="body" class="no-focus-outline">
<noscript>GraphiQL cần JavaScript.</noscript>
<div id="root">Đang tải ${title}…</div>
<script>
const workerUrls = ${json({
    editorWorkerService: asset("monacoeditorwork/editor.worker.bundle.js"),
    json: asset("monacoeditorwork/json.worker.bundle.js"),
    graphql: asset("monacoeditorwork/graphql.worker..bundle.js"),
  })};
self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_moduleId, label) => workerUrls[label] };
</script>
<script src="${asset("yoga-graphiql.umd.js")}"></script>
<script>YogaGraphiQL.renderYogaGraphiQL(document.getElementById("root"), ${json(options)});</script>
</body>
</html>
`;
}

/** GET routes for the files renderOfflineGraphiQL's page loads, read from the npm package once and kept in memory. */
export function addGraphiQLAssetRoutes<E extends Env>(app: Hono<E>): void {
  const cache = new Map<string, Promise<Buffer>>();
  app.get(`${GRAPHIQL_ASSETS_PATH}/*`, async (c) => {
    const file = c.req.path.slice(GRAPHIQL_ASSETS_PATH.length + 1);
    const contentType = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (contentType === undefined) return c.notFound();
    let body = cache.get(file);
    if (!body) {
      body = readFile(join(PACKAGE_DIR, "dist", file));
      cache.set(file, body);
      // A failed read is not remembered: the next request tries again.
      body.catch(() => cache.delete(file));
    }
    return c.body(new Uint8Array(await body), 200, { "content-type": contentType, "cache-control": "public, max-age=31536000, immutable" });
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
