import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { isAuthorized } from "../../mcp/http-authorization.js";
import { foreignHostRefusal, foreignOriginRefusal } from "../../mcp/http-origin.js";
import type { DashboardContext } from "./dashboard-context.js";
import { apiError } from "./error-response.js";

export const TOKEN_COOKIE = "specwright_token";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Every request passes here first, in this order: its Host (DNS rebinding) and Origin (other pages) must be
 * the server's own; `/?token=` trades the printed token for the cookie; everything else needs the token (the
 * cookie, or a bearer header for clients that are not browsers); a request that changes something must come
 * from the page itself (an Origin) and send JSON, which a cross-site form cannot.
 */
export function requestGuard(context: DashboardContext): MiddlewareHandler {
  return async (c, next) => {
    const port = context.port();
    const host = foreignHostRefusal(c.req.header("host"), port);
    if (host !== undefined)
      return refuse(c, 403, "foreign-host", host, "Open the dashboard at the URL `specwright ui` printed.");
    const origin = c.req.header("origin");
    const foreign = origin === undefined ? undefined : foreignOriginRefusal(origin, port, "the dashboard's API");
    if (foreign !== undefined) return refuse(c, 403, "foreign-origin", foreign, "Use the dashboard's own page.");
    const url = new URL(c.req.url);
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

function refuse(c: Context, status: 401 | 403 | 415, code: string, message: string, fix: string): Response {
  if (!new URL(c.req.url).pathname.startsWith("/api/") && status === 401) {
    return c.html(`<!doctype html><title>Specwright</title><p>${escapeHtml(message)} ${escapeHtml(fix)}</p>`, status);
  }
  return apiError(c, status, { code, message, fix });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
