import type { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { FileChanges } from "../change-stream.js";
import type { DashboardContext } from "../dashboard-context.js";

/** Proxies and browsers close a silent connection; a comment now and then keeps it open. */
const PING_MS = 15_000;

/** `GET /api/events`: which files changed on disk, so the page refetches what it shows. */
export function registerChangeRoutes(app: Hono, context: DashboardContext): void {
  app.get("/api/events", (c) =>
    streamSSE(c, async (stream) => {
      const queue: FileChanges[] = [];
      let wake: () => void = () => undefined;
      let closed = false;
      const unsubscribe = context.changes.subscribe((changes) => {
        queue.push(changes);
        wake();
      });
      const ping = setInterval(() => {
        void stream.write(": ping\n\n").catch(() => undefined);
      }, PING_MS);
      stream.onAbort(() => {
        closed = true;
        wake();
      });
      try {
        // The page knows it is connected (and a test that nothing was missed) once this comes.
        await stream.writeSSE({ event: "ready", data: "{}" });
        while (!closed) {
          for (let changes = queue.shift(); changes !== undefined; changes = queue.shift()) {
            await stream.writeSSE({ event: "changed", data: JSON.stringify(changes) });
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
            if (closed || queue.length > 0) resolve();
          });
        }
      } finally {
        clearInterval(ping);
        unsubscribe();
      }
    }),
  );
}
