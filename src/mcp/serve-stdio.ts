import type { Readable, Writable } from "node:stream";
import { createSpecwrightServer } from "./create-server.js";
import { LineStdioTransport } from "./line-stdio-transport.js";
import { openServing, type ServeOptions } from "./serve-options.js";

/**
 * Serves one client over stdin/stdout until stdin ends. stdout carries protocol messages only: everything
 * else, logs included, goes to stderr. A bad line (not JSON, not JSON-RPC, too long) is answered with an error
 * and the next one served.
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
  await specwright.server.connect(new LineStdioTransport(stdin, stdout, { log: options.log }));
  options.log(`specwright mcp ${options.version}: serving on stdio`);
  await closed;
  feed?.close();
  await specwright.close();
}
