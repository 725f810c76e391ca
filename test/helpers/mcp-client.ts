import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { type CallToolResult, CallToolResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterEach } from "vitest";
import type { WorkspaceOptions } from "../../src/engine/workspace-model/workspace-context.js";
import { createSpecwrightServer } from "../../src/mcp/create-server.js";
import { createSpecChangeFeed, type SpecChangeFeed } from "../../src/mcp/resources/spec-change-feed.js";
import type { ServerContext } from "../../src/mcp/server-context.js";

export interface ConnectedClient {
  readonly client: Client;
  /** Calls a tool and returns its result (tool errors included: they are results, not exceptions). */
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

export interface InMemoryServerOptions {
  readonly feed?: SpecChangeFeed;
  readonly logs?: string[];
  /** Default `{ cwd: root, root }`; `{ cwd }` alone lets the server look for `.kiro/` as the CLI does. */
  readonly workspace?: WorkspaceOptions;
  /** The serving process's check session, as `openServing` gives it; without it `validate` checks afresh. */
  readonly checks?: ServerContext["checks"];
}

/** A Specwright server for the workspace at `root`, and an SDK client connected to it in memory. */
export async function connectInMemory(root: string, options: InMemoryServerOptions = {}): Promise<ConnectedClient> {
  const specwright = createSpecwrightServer(
    {
      workspace: options.workspace ?? { cwd: root, root },
      version: "0.0.0-test",
      log: (line) => options.logs?.push(line),
      ...(options.checks ? { checks: options.checks } : {}),
    },
    options.feed,
  );
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "specwright-test", version: "1.0.0" });
  await specwright.server.connect(serverTransport);
  await client.connect(clientTransport);
  // listTools lets the client check every structured result against the tool's output schema.
  await client.listTools();
  return {
    client,
    call: async (name, args = {}) => CallToolResultSchema.parse(await client.callTool({ name, arguments: args })),
    async close() {
      await client.close();
      await specwright.close();
    },
  };
}

/** In-memory connections and change feeds opened by a test, all closed after it (see `useInMemoryConnections`). */
export interface InMemoryConnections {
  /** Connects a client to a server for `root` (as `connectInMemory`), closed after the test. */
  connect(root: string, options?: InMemoryServerOptions): Promise<ConnectedClient>;
  /** A change feed for `root`, as `specwright mcp` creates one, closed after the test. */
  watch(root: string, workspace: WorkspaceOptions): Promise<SpecChangeFeed>;
}

/** Gives the tests of the calling file in-memory connections that are closed, with their feeds, after each test. */
export function useInMemoryConnections(): InMemoryConnections {
  const clients: ConnectedClient[] = [];
  const feeds: SpecChangeFeed[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    for (const feed of feeds.splice(0)) feed.close();
  });
  return {
    async connect(root, options) {
      const client = await connectInMemory(root, options);
      clients.push(client);
      return client;
    },
    async watch(root, workspace) {
      const feed = await createSpecChangeFeed(root, workspace, () => undefined);
      feeds.push(feed);
      return feed;
    },
  };
}

/** The text of a tool result's first content block. */
export function textOf(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === "text" ? first.text : "";
}

/** The structured content of a successful tool result (fails the test on a tool error). */
export function structuredOf(result: CallToolResult): Record<string, unknown> {
  if (result.isError) throw new Error(`tool error: ${textOf(result)}`);
  if (!result.structuredContent) throw new Error("no structured content");
  return result.structuredContent;
}
