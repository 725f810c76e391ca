// Run by session-churn.test.ts as `node --expose-gc test/mcp/session-churn-child.mjs <workspace> <cycles>`:
// serves HTTP from the built server in this process, opens and leaves sessions over real HTTP on 127.0.0.1
// (every other one with DELETE, the rest abandoned to expire), and prints the heap after GC at checkpoints.
import { serveHttp } from "../../dist/mcp/serve-http.js";

const [root, cyclesText] = process.argv.slice(2);
const cycles = Number(cyclesText);
const idleTimeoutMs = 50;
const serving = await serveHttp({
  workspace: { cwd: root, root },
  version: "0.0.0-test",
  log: () => undefined,
  sessions: { idleTimeoutMs, maxSessions: 100 },
});
const headers = (sessionId) => ({
  Authorization: `Bearer ${serving.token}`,
  "Content-Type": "application/json",
  Accept: "application/json, text/event-stream",
  ...(sessionId ? { "Mcp-Session-Id": sessionId, "MCP-Protocol-Version": "2025-06-18" } : {}),
});
const post = async (message, sessionId) => {
  const response = await fetch(serving.url, {
    method: "POST",
    headers: headers(sessionId),
    body: JSON.stringify(message),
  });
  await response.text();
  return response;
};

/** Waits until every session expired or was deleted, collects garbage, and returns the heap in use. */
async function settledHeap() {
  while (serving.sessionCount() > 0) await new Promise((resolve) => setTimeout(resolve, idleTimeoutMs));
  for (let pass = 0; pass < 3; pass++) globalThis.gc();
  return process.memoryUsage().heapUsed;
}

const heaps = {};
let opened = 0;
let peakSessions = 0;
async function cycle(number) {
  const initialized = await post({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "churn", version: "1" } },
  });
  const sessionId = initialized.headers.get("mcp-session-id");
  if (!sessionId) return;
  opened++;
  peakSessions = Math.max(peakSessions, serving.sessionCount());
  await post({ jsonrpc: "2.0", method: "notifications/initialized" }, sessionId);
  if (number % 10 === 0) {
    // A tool call and a resource subscription: what a session holds beyond its server must go with it too.
    await post(
      { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "list_specs", arguments: {} } },
      sessionId,
    );
    const uri = "specwright://specs/churn/tasks.md";
    await post({ jsonrpc: "2.0", id: 3, method: "resources/subscribe", params: { uri } }, sessionId);
  }
  if (number % 2 === 0) await (await fetch(serving.url, { method: "DELETE", headers: headers(sessionId) })).text();
}
// A few clients at once, as an agent host with several windows would be.
const clients = 4;
for (let start = 1; start <= cycles; start += clients) {
  await Promise.all(Array.from({ length: Math.min(clients, cycles - start + 1) }, (_, index) => cycle(start + index)));
  const done = start + clients - 1;
  if (done === 500 || done >= cycles) heaps[Math.min(done, cycles)] = await settledHeap();
}
await serving.close();
process.stdout.write(`${JSON.stringify({ opened, peakSessions, heaps, left: serving.sessionCount() })}\n`);
