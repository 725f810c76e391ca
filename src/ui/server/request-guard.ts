import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { isAuthorized } from "../../mcp/http-authorization.js";
import { foreignHostRefusal, foreignOriginRefusal } from "../../mcp/http-origin.js";
import type { DashboardContext } from "./dashboard-context.js";
import { apiError } from "./error-response.js";

export const TOKEN_COOKIE = "specwright_token";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The largest body the API reads: its bodies are a few fields of JSON. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The page is the Vite build: its own scripts and styles only (mermaid writes `<style>` into its SVGs, hence
 * `'unsafe-inline'` for styles alone), no framing, nothing fetched from elsewhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** On every answer, refusals included. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/**
 * Every request passes here first, in this order: its Host (DNS rebinding) and Origin (other pages) must be
 * the server's own; `/?token=` trades the printed token for the cookie; everything else needs the token (the
 * cookie, or a bearer header for clients that are not browsers); a request that changes something must come
 * from the page itself (an Origin) and send JSON, which a cross-site form cannot.
 */
export function requestGuard(context: DashboardContext): MiddlewareHandler {
  return async (c, next) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    if (c.req.path.startsWith("/api/")) c.header("Cache-Control", "no-store");
    const port = context.port();
    const url = new URL(c.req.url);
    // An absolute-form target (`GET http://evil.example/ HTTP/1.1`) names its host in the URL, not in `Host`.
    const host = foreignHostRefusal(c.req.header("host"), port) ?? foreignHostRefusal(url.host, port);
    if (host !== undefined)
      return refuse(c, 403, "foreign-host", host, "Open the dashboard at the URL `specwright ui` printed.");
    const origin = c.req.header("origin");
    const foreign = origin === undefined ? undefined : foreignOriginRefusal(origin, port, "the dashboard's API");
    if (foreign !== undefined) return refuse(c, 403, "foreign-origin", foreign, "Use the dashboard's own page.");
    // Browsers name where a request comes from even when they leave Origin out (a GET, an image, a link).
    const site = c.req.header("sec-fetch-site")?.toLowerCase();
    if (site === "cross-site" || site === "same-site") {
      return refuse(
        c,
        403,
        "cross-site",
        `Refused: a request from another site (Sec-Fetch-Site: ${site}) may not reach the dashboard.`,
        "Open the URL `specwright ui` printed in the address bar, not from a link on another page.",
      );
    }
    const segment = invalidSegment(url.pathname);
    if (segment !== undefined) {
      return refuse(
        c,
        400,
        "invalid-path",
        `The path segment ${JSON.stringify(segment)} is not a name (it is "." or "..", is not valid percent-encoding, or holds a slash, a backslash or a NUL).`,
        "Pass spec names, task ids and documents as they appear in GET /api/board and the spec page.",
      );
    }
    const length = Number(c.req.header("content-length") ?? "0");
    if (!Number.isFinite(length) || length > MAX_BODY_BYTES) {
      return refuse(
        c,
        413,
        "body-too-large",
        `The request body (${c.req.header("content-length")} bytes) is larger than ${MAX_BODY_BYTES} bytes.`,
        "Send only the fields of the endpoint (see docs/ui-api.md); no body of the API is larger than a few KB.",
      );
    }
    const offered = url.searchParams.get("token");
    if (c.req.method === "GET" && url.pathname === "/" && offered !== null) return exchangeToken(c, context, offered);
    if (!hasToken(c, context.token)) {
      return refuse(
        c,
        401,
        "unauthorized",
        "This request carries no dashboard token, or an old one.",
        "Open the URL `specwright ui` printed (it carries a fresh token each start), or send `Authorization: Bearer <token>`.",
      );
    }
    if (MUTATING.has(c.req.method)) {
      if (origin === undefined) {
        return refuse(
          c,
          403,
          "origin-required",
          `A ${c.req.method} request must carry the Origin of the dashboard's page.`,
          "Send it from the dashboard's page, or set `Origin: http://127.0.0.1:<port>` in your client.",
        );
      }
      const type = c.req.header("content-type") ?? "";
      if (!/^application\/json\s*(;|$)/i.test(type)) {
        return refuse(
          c,
          415,
          "json-required",
          `A ${c.req.method} request must send JSON (Content-Type: application/json), not ${JSON.stringify(type || "nothing")}.`,
          "Send the body as JSON with `Content-Type: application/json` (an empty body is `{}`).",
        );
      }
    }
    await next();
    return undefined;
  };
}

function exchangeToken(c: Context, context: DashboardContext, offered: string): Response {
  if (!isAuthorized(`Bearer ${offered}`, context.token)) {
    return c.html(
      "<!doctype html><title>Specwright</title><p>This dashboard link is old or wrong: open the URL <code>specwright ui</code> printed at its last start.</p>",
      401,
    );
  }
  setCookie(c, TOKEN_COOKIE, context.token, { httpOnly: true, sameSite: "Strict", path: "/" });
  // 303: the browser loads `/` with GET, and the token leaves the address bar and the history.
  return c.redirect("/", 303);
}

function hasToken(c: Context, token: string): boolean {
  const cookie = getCookie(c, TOKEN_COOKIE);
  if (cookie !== undefined && isAuthorized(`Bearer ${cookie}`, token)) return true;
  return isAuthorized(c.req.header("authorization"), token);
}

/** The first segment of the path that, decoded, is not a plain name (so no `..%2f` reaches a route). */
function invalidSegment(pathname: string): string | undefined {
  for (const raw of pathname.split("/").slice(1)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return raw;
    }
    if (decoded === "." || decoded === ".." || /[/\\\0]/.test(decoded)) return raw;
  }
  return undefined;
}

function refuse(c: Context, status: 400 | 401 | 403 | 413 | 415, code: string, message: string, fix: string): Response {
  // A refused request's body is never read: node drops it as it comes (bounded by the request timeout), and
  // the client, still sending, gets this answer rather than a reset connection.
  if (!new URL(c.req.url).pathname.startsWith("/api/") && status === 401) {
    return c.html(`<!doctype html><title>Specwright</title><p>${escapeHtml(message)} ${escapeHtml(fix)}</p>`, status);
  }
  return apiError(c, status, { code, message, fix });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
