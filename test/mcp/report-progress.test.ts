import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type { ServerNotification, ServerRequest } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { reportProgressWhileRunning } from "../../src/mcp/tools/report-progress.js";

function fakeExtra(progressToken: string | undefined, sent: ServerNotification[]) {
  const extra: RequestHandlerExtra<ServerRequest, ServerNotification> = {
    signal: new AbortController().signal,
    requestId: 1,
    ...(progressToken === undefined ? {} : { _meta: { progressToken } }),
    sendNotification: async (notification) => {
      sent.push(notification);
    },
    sendRequest: async () => {
      throw new Error("not used");
    },
  };
  return extra;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("reportProgressWhileRunning", () => {
  it("sends progress with the client's token until stopped", async () => {
    const sent: ServerNotification[] = [];
    const progress = reportProgressWhileRunning(fakeExtra("token-1", sent), "verifying task 2.1", 10);
    await pause(60);
    progress.stop();
    const count = sent.length;
    expect(count).toBeGreaterThan(0);
    expect(sent[0]).toMatchObject({
      method: "notifications/progress",
      params: { progressToken: "token-1", message: expect.stringContaining("verifying task 2.1") },
    });
    await pause(40);
    expect(sent.length).toBe(count);
  });

  it("sends nothing when the client did not ask for progress", async () => {
    const sent: ServerNotification[] = [];
    const progress = reportProgressWhileRunning(fakeExtra(undefined, sent), "verifying", 10);
    await pause(40);
    progress.stop();
    expect(sent).toEqual([]);
  });
});
