import { type ChildProcess, spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { type CallToolResult, CallToolResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterEach } from "vitest";
import { CLI_PATH } from "./run-cli.js";

const TEST_CACHE = join(tmpdir(), `specwright-test-cache-${process.pid}`);

/** The environment of a server process: this one's, with the check cache kept in the test run's folder. */
function serverEnvironment(): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) environment[key] = value;
  return { ...environment, SPECWRIGHT_CACHE_DIR: TEST_CACHE };
}

export interface McpProcessClient {
  readonly client: Client;
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  /** What the server wrote to stderr so far. */
  stderr(): string;
  /** Protocol errors the client saw (a non-protocol line on stdout would be one). */
  readonly errors: Error[];
  close(): Promise<void>;
}

/** `specwright mcp` as a real subprocess of the built CLI, with an SDK client on its stdin/stdout. */
export async function connectStdioProcess(cwd: string, args: readonly string[] = []): Promise<McpProcessClient> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI_PATH, "mcp", ...args],
    cwd,
    env: serverEnvironment(),
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const { client, call, errors } = await connectClient("specwright-e2e", transport);
  return { client, call, stderr: () => stderr, errors, close: () => client.close() };
}

export interface HttpServerProcess {
  readonly url: string;
  readonly token: string;
  readonly child: ChildProcess;
  stderr(): string;
  stop(): Promise<number | null>;
}

/**
 * `specwright mcp --http --port 0 [args]` as a real subprocess; resolves once it printed its URL and token.
 */
export async function startHttpServerProcess(cwd: string, args: readonly string[] = []): Promise<HttpServerProcess> {
  const child = spawn(process.execPath, [CLI_PATH, "mcp", "--http", "--port", "0", ...args], {
    cwd,
    env: serverEnvironment(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const ready = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      const url = /serving Streamable HTTP on (\S+)/.exec(stderr)?.[1];
      const token = /Authorization: Bearer (\S+)/.exec(stderr)?.[1];
      if (url && token) resolve({ url, token });
    });
    void exited.then((code) => reject(new Error(`the server exited (${code}) before it was ready: ${stderr}`)));
  });
  return {
    ...ready,
    child,
    stderr: () => stderr + (stdout === "" ? "" : `\n[stdout] ${stdout}`),
    async stop() {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

/** Starts `specwright mcp --http` processes (as `startHttpServerProcess`), stopped after each test of the file. */
export function useHttpServerProcesses(): (cwd: string, args?: readonly string[]) => Promise<HttpServerProcess> {
  const started: HttpServerProcess[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((process) => process.stop()));
  });
  return async (cwd, args) => {
    const process = await startHttpServerProcess(cwd, args);
    started.push(process);
    return process;
  };
}

/** An SDK client connected to an HTTP server with its bearer token. */
export async function connectHttp(url: string, token: string): Promise<McpProcessClient> {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  const { client, call, errors } = await connectClient("specwright-e2e-http", transport);
  return {
    client,
    call,
    stderr: () => "",
    errors,
    async close() {
      await transport.terminateSession().catch(() => undefined);
      await client.close();
    },
  };
}

/** An SDK client named `name` on `transport`, that records protocol errors and has listed the tools. */
async function connectClient(
  name: string,
  transport: Transport,
): Promise<Pick<McpProcessClient, "client" | "call" | "errors">> {
  const errors: Error[] = [];
  const client = new Client({ name, version: "1.0.0" });
  client.onerror = (error) => errors.push(error);
  await client.connect(transport);
  await client.listTools();
  return {
    client,
    call: async (toolName, toolArgs = {}) =>
      CallToolResultSchema.parse(await client.callTool({ name: toolName, arguments: toolArgs })),
    errors,
  };
}

export interface RawStdioProcess {
  /** Writes these bytes to the server's stdin as they are (add the newline yourself). */
  write(text: string): void;
  /** The first message on stdout that matches, waiting for it; rejects when the server exits first. */
  message(matches: (message: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  /** Ends stdin and resolves with the exit code. */
  end(): Promise<number | null>;
  stderr(): string;
}

/** `specwright mcp` as a real subprocess spoken to line by line, without an SDK client in between. */
export function startRawStdioProcess(cwd: string): RawStdioProcess {
  const child = spawn(process.execPath, [CLI_PATH, "mcp"], { cwd, env: serverEnvironment() });
  // A server that exited early makes writes fail (EPIPE); `message` then reports the exit instead.
  child.stdin.on("error", () => undefined);
  const messages: Record<string, unknown>[] = [];
  let stdout = "";
  let stderr = "";
  let exitCode: number | null | undefined;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of waiters) waiter();
  };
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    const lines = stdout.split("\n");
    stdout = lines.pop() ?? "";
    for (const line of lines) if (line !== "") messages.push(JSON.parse(line) as Record<string, unknown>);
    wake();
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      exitCode = code;
      wake();
      resolve(code);
    }),
  );
  return {
    write: (text) => {
      child.stdin.write(text);
    },
    message: (matches) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(matches);
          if (found) {
            waiters.delete(check);
            resolve(found);
          } else if (exitCode !== undefined) {
            waiters.delete(check);
            reject(new Error(`the server exited (${exitCode}) without that message; stderr: ${stderr}`));
          }
        };
        waiters.add(check);
        check();
      }),
    end: () => {
      child.stdin.end();
      return exited;
    },
    stderr: () => stderr,
  };
}
