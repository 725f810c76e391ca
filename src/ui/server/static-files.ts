import { extname, join } from "node:path";
import type { Context, Hono } from "hono";
import { packageRootOf } from "../../workspace/package-root.js";
import { pathExistsSync } from "../../workspace/path-exists.js";
import { type FileInside, readFileInside } from "../../workspace/read-file-inside.js";

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

/** What the Vite build writes; anything else is served as bytes the browser will not run (with nosniff). */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * `/` and `/assets/*` from the built page; without a build, `/` says how to make one. A file is served only
 * when its real path (symbolic links followed) is inside the build folder, so neither `..` in any encoding
 * nor a link in the folder reaches another file.
 */
export function registerStaticFiles(app: Hono, assetsDirectory: string): void {
  app.on(["GET", "HEAD"], "*", async (c, next) => {
    if (c.req.path.startsWith("/api/")) return next();
    if (!pathExistsSync(join(assetsDirectory, "index.html"))) {
      if (c.req.path === "/" || c.req.path === "/index.html") return c.html(BUILD_HINT, 200);
      return next();
    }
    const segments = servableSegments(new URL(c.req.url).pathname);
    const file = segments === undefined ? undefined : await readFileInside(assetsDirectory, segments);
    if (file === undefined) return next();
    return sendFile(c, file);
  });
}

/** The path's decoded segments (`index.html` for `/`), or undefined for `..`, a separator or NUL in one. */
function servableSegments(pathname: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of pathname.split("/").slice(1)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (decoded === "") continue;
    if (decoded === "." || decoded === ".." || /[/\\\0]/.test(decoded)) return undefined;
    segments.push(decoded);
  }
  return segments.length === 0 ? ["index.html"] : segments;
}

async function sendFile(c: Context, file: FileInside): Promise<Response> {
  const type = CONTENT_TYPES[extname(file.path).toLowerCase()] ?? "application/octet-stream";
  c.header("Content-Type", type);
  // The assets' names carry their hash; the page names them, so the page itself is checked on each load.
  c.header("Cache-Control", file.path.endsWith(".html") ? "no-cache" : "public, max-age=31536000, immutable");
  if (c.req.method === "HEAD") return c.body(null);
  return c.body(new Uint8Array(file.content));
}
