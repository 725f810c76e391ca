import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import { packageRootOf } from "../../workspace/package-root.js";

/** Where the Vite build of `src/ui/client/` lands: found from this module in `src/`, `dist/` and `dist/bundle/`. */
export function defaultAssetsDirectory(): string {
  return join(packageRootOf(import.meta.url), "dist", "dashboard");
}

const BUILD_HINT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Specwright dashboard</title></head>
<body><h1>Specwright dashboard</h1>
<p>The dashboard's page is not built: <code>dist/dashboard/index.html</code> is missing.</p>
<p>Run <code>npm run build</code> in the Specwright package, then reload. The API under <code>/api/</code> works without it.</p>
</body></html>`;

/** `/` and `/assets/*` from the built page; without a build, `/` says how to make one. */
export function registerStaticFiles(app: Hono, assetsDirectory: string): void {
  app.get("*", async (c, next) => {
    if (c.req.path.startsWith("/api/")) return next();
    if (!existsSync(join(assetsDirectory, "index.html"))) {
      if (c.req.path === "/" || c.req.path === "/index.html") return c.html(BUILD_HINT, 200);
      return next();
    }
    return serveStatic({ root: assetsDirectory })(c, next);
  });
}
