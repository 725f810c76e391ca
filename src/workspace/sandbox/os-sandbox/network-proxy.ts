import { createConnection, createServer, type Socket } from "node:net";

/** A filtering HTTP proxy on the host: the only way out of a sandbox whose settings name hosts. */
export interface NetworkProxy {
  /** Where it listens: a unix socket (bound into a Linux sandbox) or a loopback port (macOS). */
  readonly address: { readonly socketPath: string } | { readonly port: number };
  /** Hosts asked for and refused, in order. */
  readonly refused: readonly string[];
  close(): Promise<void>;
}

const MAX_HEADER_BYTES = 64 * 1024;

/**
 * Whether `host` is named by `allow`: exactly (case-insensitive), or below a `*.` entry (`*.npmjs.org`
 * allows `registry.npmjs.org`, not `npmjs.org.evil.com`). Pure.
 */
export function isHostAllowed(host: string, allow: readonly string[]): boolean {
  const name = host
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
  return allow.some((entry) => {
    const pattern = entry.trim().toLowerCase();
    if (pattern.startsWith("*.")) return name.endsWith(pattern.slice(1)) && name.length > pattern.length - 1;
    return name === pattern;
  });
}

/** The target of a proxy request line: `CONNECT host:443` or `GET http://host/path`. Pure. */
export function proxyTarget(requestLine: string): { host: string; port: number; tunnel: boolean } | undefined {
  const [method, target] = requestLine.split(" ");
  if (method === undefined || target === undefined) return undefined;
  if (method.toUpperCase() === "CONNECT") {
    const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target);
    return match?.[1] && match[2] ? { host: match[1], port: Number(match[2]), tunnel: true } : undefined;
  }
  try {
    const url = new URL(target);
    if (url.protocol !== "http:") return undefined;
    return { host: url.hostname.replace(/^\[|\]$/g, ""), port: Number(url.port || 80), tunnel: false };
  } catch {
    return undefined;
  }
}

/**
 * Starts the proxy: CONNECT tunnels and plain HTTP requests to an allowed host are passed through; anything
 * else gets a 403 that says which setting to change. Closed after the command.
 */
export async function startNetworkProxy(options: {
  readonly allow: readonly string[];
  readonly listen: { readonly socketPath: string } | { readonly port: 0 };
}): Promise<NetworkProxy> {
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => client.destroy());
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf("\r\n\r\n");
      if (end === -1) {
        if (head.byteLength > MAX_HEADER_BYTES) client.destroy();
        return;
      }
      client.off("data", onData);
      client.pause();
      const requestLine = head.subarray(0, head.indexOf("\r\n")).toString("latin1");
      const target = proxyTarget(requestLine);
      if (target === undefined || !isHostAllowed(target.host, options.allow)) {
        const host = target?.host ?? requestLine.slice(0, 100);
        refused.push(host);
        client.end(
          `HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nSpecwright sandbox: ${host} is not in agent.network.allow\n`,
        );
        return;
      }
      const upstream = createConnection({ host: target.host, port: target.port });
      sockets.add(upstream);
      upstream.on("close", () => sockets.delete(upstream));
      upstream.on("error", () => {
        if (!client.destroyed) client.end("HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n");
      });
      client.on("close", () => upstream.destroy());
      upstream.on("connect", () => {
        if (target.tunnel) {
          client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
          const rest = head.subarray(end + 4);
          if (rest.byteLength > 0) upstream.write(rest);
        } else upstream.write(head);
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    client.on("data", onData);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    if ("socketPath" in options.listen) server.listen(options.listen.socketPath, resolve);
    else server.listen(0, "127.0.0.1", resolve);
  });
  const bound = server.address();
  const address =
    "socketPath" in options.listen
      ? { socketPath: options.listen.socketPath }
      : { port: typeof bound === "object" && bound !== null ? bound.port : 0 };
  return {
    address,
    refused,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A Node script run first inside a Linux sandbox whose network is off: it listens on the sandbox's own
 * loopback and forwards each connection to the host proxy's unix socket bound into the sandbox, then
 * returns once it listens (its listening child stays until the sandbox ends).
 */
export const PROXY_BRIDGE_SCRIPT = `"use strict";
const net = require("node:net");
const { spawn } = require("node:child_process");
const [socketPath, port] = process.argv.slice(2);
if (process.env.SPECWRIGHT_PROXY_BRIDGE !== "listening") {
  const child = spawn(process.execPath, [__filename, socketPath, port], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: { ...process.env, SPECWRIGHT_PROXY_BRIDGE: "listening" },
  });
  child.once("message", () => { child.disconnect(); child.unref(); process.exit(0); });
  child.once("exit", () => process.exit(97));
} else {
  net.createServer((client) => {
    const upstream = net.connect(socketPath);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
    client.pipe(upstream).pipe(client);
  }).listen(Number(port), "127.0.0.1", () => process.send("listening"));
}
`;
