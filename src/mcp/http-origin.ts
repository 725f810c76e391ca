import type { IncomingHttpHeaders } from "node:http";

/**
 * Why a request comes from somewhere other than this machine's own clients, or undefined when it does not.
 * `Host` must name the loopback address or `localhost` with the server's port (a DNS-rebinding page sends its
 * own host name); `Origin`, sent by browsers, must be the server's own origin: a foreign page, `null` (a
 * sandboxed frame or a file) included, is refused even with a valid token. Clients that are not browsers send
 * no `Origin` and are let through to the token check.
 */
export function foreignRequestRefusal(headers: IncomingHttpHeaders, port: number): string | undefined {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = headers.host?.toLowerCase();
  if (host === undefined || !hosts.includes(host)) {
    return `Refused: the Host header ${quoted(headers.host)} is not ${hosts.join(" or ")} (DNS rebinding protection).`;
  }
  const origin = headers.origin;
  if (origin === undefined) return undefined;
  const origins = hosts.map((allowed) => `http://${allowed}`);
  if (origins.includes(origin.toLowerCase())) return undefined;
  return `Refused: the Origin ${quoted(origin)} is not this server's own (${origins.join(" or ")}); web pages may not call the MCP server.`;
}

function quoted(value: string | undefined): string {
  if (value === undefined) return "(none)";
  return JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value);
}
