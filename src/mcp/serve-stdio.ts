import type { Readable, Writable } from "node:stream";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createSpecwrightServer } from "./create-server.js";
import { openServing, type ServeOptions } from "./serve-options.js";

/**
 * Serves one client over stdin/stdout until stdin ends. stdout carries protocol messages only: everything
 * else, logs included, goes to stderr.
 */
export async function serveStdio(
  options: ServeOptions & { readonly stdin?: Readable; readonly stdout?: Writable },
): Promise<void> {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const { context, feed } = await openServing(options);
  const specwright = createSpecwrightServer(context, feed);
  const closed = new Promise<void>((resolve) => {
    specwright.server.server.onclose = () => resolve();
    stdin.once("end", () => resolve());
    stdin.once("close", () => resolve());
  });
  await specwright.server.connect(new StdioServerTransport(stdin, stdout));
  options.log(`specwright mcp ${options.version}: serving on stdio`);
  await closed;
  feed?.close();
  await specwright.close();
}
