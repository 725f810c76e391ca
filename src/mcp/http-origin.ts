import type { IncomingHttpHeaders } from "node:http";

/**
 * Why a request comes from somewhere other than this machine's own clients, or undefined when it does not.
 * `Host` must name the loopback address or `localhost` with the server's port (a DNS-rebinding page sends its
 * own host name); `Origin`, sent by browsers, must be the server's own origin: a foreign page, `null` (a
 * sandboxed frame or a file) included, is refused even with a valid token. Clients that are not browsers send
 * no `Origin` and are let through to the token check.
 */
export function foreignRequestRefusal(headers: IncomingHttpHeaders, port: number): string | undefined {
  return (
    foreignHostRefusal(headers.host, port) ??
    (headers.origin === undefined ? undefined : foreignOriginRefusal(headers.origin, port, "the MCP server"))
  );
}

/** The `Host` half of `foreignRequestRefusal`, shared with the dashboard's server. */
export function foreignHostRefusal(host: string | undefined, port: number): string | undefined {
  const hosts = ownHosts(port);
  if (host !== undefined && hosts.includes(host.toLowerCase())) return undefined;
  return `Refused: the Host header ${quoted(host)} is not ${hosts.join(" or ")} (DNS rebinding protection).`;
}

/** The `Origin` half: `service` names the server in the refusal (`the MCP server`, `the dashboard's API`). */
export function foreignOriginRefusal(origin: string, port: number, service: string): string | undefined {
  const origins = ownOrigins(port);
  if (origins.includes(origin.toLowerCase())) return undefined;
  return `Refused: the Origin ${quoted(origin)} is not this server's own (${origins.join(" or ")}); web pages may not call ${service}.`;
}

/** `http://127.0.0.1:<port>` and `http://localhost:<port>`. */
export function ownOrigins(port: number): string[] {
  return ownHosts(port).map((allowed) => `http://${allowed}`);
}

function ownHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function quoted(value: string | undefined): string {
  if (value === undefined) return "(none)";
  return JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value);
}
